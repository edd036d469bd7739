"""The translatable texts of ``course.yml`` and ``module.yml``: titles and descriptions.

They travel in the exchange files like page texts, keyed by a hash of their source text,
and come back into the author's YAML through ruamel.yaml, which keeps the author's
comments, order and quoting: ``title: Vitale tegn`` becomes
``title: {nb: Vitale tegn, so: Calaamadaha muhiimka ah}``.
"""

from __future__ import annotations

import hashlib
import io
import re
from dataclasses import dataclass
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from ..config import COURSE_FILE, MODULE_FILE
from ..model import Course

FIELDS = ("title", "description")
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]+")


@dataclass(frozen=True, slots=True)
class ConfigText:
    file: str  # relative to the course root: course.yml, 01-intro/module.yml
    field: str  # title or description
    source: str
    existing: str  # the translation course.yml holds now ("" if none); what it translated is not recorded

    @property
    def kind(self) -> str:
        return f"{'course' if self.file == COURSE_FILE else 'module'}-{self.field}"

    @property
    def key(self) -> str:
        return hashlib.sha256(f"{self.kind}\x1f{self.source}".encode()).hexdigest()[:8]


def config_texts(course: Course, language: str) -> list[ConfigText]:
    """The titles and descriptions of the course and its modules, with their ``language`` texts."""
    files = [COURSE_FILE, *(f"{module.slug}/{MODULE_FILE}" for module in course.modules)]
    texts = []
    for name in files:
        path = course.root / name
        data = yaml.safe_load(path.read_text(encoding="utf-8")) if path.is_file() else None
        if not isinstance(data, dict):
            continue
        for field in FIELDS:
            value = data.get(field)
            values = value if isinstance(value, dict) else {course.source_language: value}
            source = values.get(course.source_language)
            if isinstance(source, str) and source.strip():
                existing = values.get(language)
                texts.append(ConfigText(name, field, source, existing if isinstance(existing, str) else ""))
    return texts


def clean(text: str) -> str:
    """A title or description on one line, without control characters."""
    return " ".join(CONTROL.sub(" ", text).split())


def with_translations(text: str, updates: dict[str, str], source_language: str, language: str) -> str:
    """The YAML ``text`` with ``updates`` (field -> translation) set for ``language``, comments kept."""
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
    buffer = io.StringIO()
    round_trip.dump(data, buffer)
    return buffer.getvalue()
