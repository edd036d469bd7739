"""The translatable texts of ``course.yml`` and ``module.yml``: titles, descriptions, the introduction
and the images' alternative texts.

They travel in the exchange files like page texts, keyed by a hash of their source text,
and come back into the author's YAML through ruamel.yaml, which keeps the author's
comments, order and quoting: ``title: Vitale tegn`` becomes
``title: {nb: Vitale tegn, so: Calaamadaha muhiimka ah}``, and the file records which source
text each translation was made from, so that a changed title shows as outdated::

    translated_from: {so: {title: 3f2a91c0}}
"""

from __future__ import annotations

import hashlib
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from ..config import COURSE_FILE, MODULE_FILE, TRANSLATABLE
from ..errors import Diagnostics
from ..model import Course
from .segments import UNCARRIED

FIELDS = TRANSLATABLE  # title, description, intro and the images' texts
RECORD_KEY = "translated_from"
CONTROL = re.compile(f"[\t\n\x85\u2028\u2029{UNCARRIED}]+")  # a title keeps to one line


@dataclass(frozen=True, slots=True)
class ConfigText:
    file: str  # relative to the course root: course.yml, 01-intro/module.yml
    field: str  # title or description
    source: str
    existing: str  # the translation the file holds now ("" if none)
    recorded: str = ""  # the key of the source text ``existing`` was translated from ("" not recorded)
    line: int | None = None  # of the field in the file

    @property
    def kind(self) -> str:
        return f"{'course' if self.file == COURSE_FILE else 'module'}-{self.field}"

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{self.kind}\x1f{self.source}".encode()).hexdigest()[:8]

    @property
    def state(self) -> str:
        """One of status.SEGMENT_STATES: translated, outdated, missing, or unverified (written by hand)."""
        if not self.existing:
            return "missing"
        if not self.recorded:
            return "unverified"
        return "translated" if self.recorded == self.key else "outdated"


def config_texts(course: Course, language: str) -> list[ConfigText]:
    """The titles and descriptions of the course and its modules, with their ``language`` texts."""
    return texts_by_language(course, [language])[language]


def texts_by_language(course: Course, languages: Iterable[str]) -> dict[str, list[ConfigText]]:
    """:func:`config_texts` for each of ``languages``, every file read once."""
    texts: dict[str, list[ConfigText]] = {language: [] for language in languages}
    for name in [COURSE_FILE, *(f"{module.slug}/{MODULE_FILE}" for module in course.modules)]:
        path = course.root / name
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        data = yaml.safe_load(text) if text else None
        if not isinstance(data, dict):
            continue
        all_records = data.get(RECORD_KEY) if isinstance(data.get(RECORD_KEY), dict) else {}
        for field in FIELDS:
            value = data.get(field)
            values = value if isinstance(value, dict) else {course.source_language: value}
            source = values.get(course.source_language)
            if not (isinstance(source, str) and source.strip()):
                continue
            line = next((n for n, raw in enumerate(text.splitlines(), start=1) if raw.startswith(f"{field}:")), None)
            for language, found in texts.items():
                existing = values.get(language)
                records = all_records.get(language)
                recorded = records.get(field) if isinstance(records, dict) else None
                found.append(ConfigText(name, field, source, existing if isinstance(existing, str) else "",
                                        recorded if isinstance(recorded, str) else "", line))
    return texts


def check_outdated_texts(course: Course, diagnostics: Diagnostics) -> None:
    """Warn about each course or module title or description translated from an older source text."""
    for language, texts in texts_by_language(course, course.translations).items():
        for text in texts:
            if text.state == "outdated":
                diagnostics.warning(course.root / text.file, text.line,
                                    f"outdated translation: the {text.field} changed since it was translated into "
                                    f"{language}; translate it again (learnpack i18n export --lang {language})",
                                    "i18n.outdated")


def clean(text: str) -> str:
    """A title or description on one line, without control characters."""
    return " ".join(CONTROL.sub(" ", text).split())


def with_translations(text: str, updates: dict[str, str], records: dict[str, str | None], source_language: str,
                      language: str) -> str:
    """The YAML ``text`` with ``updates`` (field -> translation) set for ``language``, comments kept.

    ``records`` gives, per field, the key of the source text the translation was made from
    (None: not confirmed, so no record).
    """
    round_trip = YAML()
    round_trip.preserve_quotes = True
    round_trip.width = 4096
    data: Any = round_trip.load(text)
    for field, translation in updates.items():
        value = data.get(field)
        if isinstance(value, dict):
            value[language] = translation
        else:
            data[field] = CommentedMap([(source_language, value), (language, translation)])
            data[field].fa.set_flow_style()
    _set_records(data, records, language)
    written = _dumped(round_trip, data)
    if not _reads_back(written, data, updates):
        for field in updates:  # ruamel writes YAML 1.2; the loader reads YAML 1.1 (PyYAML): quote them
            for key, value in data[field].items():
                data[field][key] = DoubleQuotedScalarString(value)
        written = _dumped(round_trip, data)
    return written


def _dumped(round_trip: YAML, data: Any) -> str:
    buffer = io.StringIO()
    round_trip.dump(data, buffer)
    return buffer.getvalue()


def _reads_back(written: str, data: Any, fields: Iterable[str]) -> bool:
    """Whether the loader reads every text of ``fields`` in ``written`` as ``data`` has it."""
    try:
        loaded = yaml.safe_load(written)
    except yaml.YAMLError:
        return False
    return all(loaded.get(field) == dict(data[field]) for field in fields)


def _set_records(data: Any, records: dict[str, str | None], language: str) -> None:
    """``translated_from: {so: {title: 3f2a91c0}}``, kept in the file's order and flow style."""
    if not records:
        return
    all_records = data.get(RECORD_KEY)
    if not isinstance(all_records, dict):
        all_records = CommentedMap()
        all_records.fa.set_flow_style()
        data[RECORD_KEY] = all_records
    ours = all_records.get(language)
    if not isinstance(ours, dict):
        ours = CommentedMap()
        ours.fa.set_flow_style()
    for field, key in records.items():
        if key is None:
            ours.pop(field, None)
        else:
            ours[field] = key
    if ours:
        all_records[language] = ours
    else:
        all_records.pop(language, None)
    if not all_records:
        del data[RECORD_KEY]
