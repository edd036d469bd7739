"""``course.yml`` and ``module.yml``: read, check every key, report every problem."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from babel import Locale, UnknownLocaleError

from .errors import Diagnostics
from .i18n.languages import fallback_chain
from .i18n.messages import MESSAGES
from .model import REFLECTION_MAX, TEXT_MAX, CourseConfig
from .slugs import SAFE_NAME

COURSE_FILE = "course.yml"
MODULE_FILE = "module.yml"
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass(frozen=True, slots=True)
class Option:
    """One key of a config file: how to check it and whether it is required."""

    check: Callable[[Any], str | None]  # returns a problem or None
    required: bool = False


def _text(value: Any) -> str | None:
    return None if isinstance(value, str) and value.strip() else "must be non-empty text"


def _localized_text(value: Any) -> str | None:
    """Text, or a mapping of language code to text (``{nb: Puls, se: Váibmocuozzu}``)."""
    if isinstance(value, dict):
        for lang, text in value.items():
            if (problem := language_problem(lang)) is not None:
                return problem
            if _text(text) is not None:
                return f"the {lang} text must be non-empty text"
        return None if value else "must be text or a mapping of language to text"
    return _text(value)


KEY = re.compile(r"[0-9a-f]{8}")  # a translatable text's key, as translate/config_texts.py makes it
#: The keys of course.yml and module.yml whose texts translators translate (translate/config_texts.py).
TRANSLATABLE = ("title", "description", "intro", "cover_alt", "image_alt")
IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")


def _translation_records(value: Any) -> str | None:
    """``{so: {title: 3f2a91c0}}``: what ``learnpack i18n import`` records (translate/config_texts.py)."""
    problem = "must be what learnpack i18n import writes: {language: {title: hash, description: hash}}"
    if not isinstance(value, dict):
        return problem
    for lang, fields in value.items():
        if language_problem(lang) is not None or not isinstance(fields, dict):
            return problem
        for field, key in fields.items():
            if field not in TRANSLATABLE or not isinstance(key, str) or not KEY.fullmatch(key):
                return problem
    return None


def _string_overrides(value: Any) -> str | None:
    """``{nb: {quiz.check: Rett quizen}}``: interface strings a course replaces, per language."""
    if not isinstance(value, dict):
        return "must map a language to {message id: text}, e.g. {nb: {quiz.check: Rett quizen}}"
    for lang, texts in value.items():
        if (problem := language_problem(lang)) is not None:
            return problem
        if not isinstance(texts, dict):
            return f"{lang}: must map message ids to texts"
        for key, text in texts.items():
            if key not in MESSAGES:
                close = difflib.get_close_matches(str(key), MESSAGES, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                return f"unknown message id {key!r}{hint}"
            if _text(text) is not None:
                return f"{lang}.{key}: must be non-empty text"
    return None


def _fallbacks(value: Any) -> str | None:
    if not isinstance(value, dict):
        return "must map a language to the languages it falls back to, e.g. {nn: [nb]}"
    for lang, chain in value.items():
        chain = [chain] if isinstance(chain, str) else chain
        if not isinstance(chain, list):
            return f"{lang}: must be a language code or a list of them"
        for code in [lang, *chain]:
            if (problem := language_problem(code)) is not None:
                return problem
    return None


def _course_id(value: Any) -> str | None:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        return "must be lowercase letters, digits and hyphens (e.g. vitale-tegn)"
    return None


def _version(value: Any) -> str | None:
    if not isinstance(value, (str, int, float)) or not re.match(r"^[0-9A-Za-z.+-]{1,32}$", str(value)):
        return "must be a version such as 1.0.0"
    return None


def _language(value: Any) -> str | None:
    return language_problem(value)


def _languages(value: Any) -> str | None:
    if not isinstance(value, list) or not value:
        return "must be a list of language codes, e.g. [nb, en]"
    problems = [p for p in map(language_problem, value) if p]
    return problems[0] if problems else None


def _authors(value: Any) -> str | None:
    if isinstance(value, str) or (isinstance(value, list) and all(isinstance(a, str) for a in value)):
        return None
    return "must be a name or a list of names"


def _percent(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        return "must be a whole number from 0 to 100"
    return None


def _minutes(value: Any) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return "must be a whole number of minutes"
    return None


ANSWER_LENGTHS = {"text": (1, 250), "reflection": (1, 4000)}  # what SCORM responses can hold


def _answer_length(value: Any) -> str | None:
    """``{text: 60, reflection: 250}``: the most characters a learner can type in a free-text answer."""
    if not isinstance(value, dict):
        return "must map text and/or reflection to a number of characters"
    for key, number in value.items():
        if key not in ANSWER_LENGTHS:
            return f"has no key {key!r}: use text (short-text answers) or reflection"
        low, high = ANSWER_LENGTHS[key]
        if isinstance(number, bool) or not isinstance(number, int) or not low <= number <= high:
            return f"{key} must be a whole number of characters from {low} to {high}"
    return None


def _image_path(value: Any) -> str | None:
    """A path to an image in the course folder, relative to the file that names it (checked to exist later)."""
    if not isinstance(value, str) or not value.strip():
        return "must be the path of an image file in the course folder, e.g. bilder/forside.svg"
    if not value.lower().endswith(IMAGE_SUFFIXES):
        return f"must be an image file ({', '.join(IMAGE_SUFFIXES)})"
    return None


def _theme(value: Any) -> str | None:
    if not isinstance(value, str) or not re.match(r"^[A-Za-z0-9_-]+$", value):
        return "must be the name of a theme folder"
    return None


COURSE_OPTIONS: dict[str, Option] = {
    "id": Option(_course_id, required=True),
    "title": Option(_localized_text, required=True),
    "version": Option(_version, required=True),
    "language": Option(_language, required=True),
    "languages": Option(_languages),
    "fallback": Option(_fallbacks),
    "strings": Option(_string_overrides),
    "description": Option(_localized_text),
    "intro": Option(_localized_text),
    "cover": Option(_image_path),
    "cover_alt": Option(_localized_text),
    "authors": Option(_authors),
    "licence": Option(_text),
    "pass_mark": Option(_percent),
    "duration": Option(_minutes),
    "theme": Option(_theme),
    "answer_length": Option(_answer_length),
    "translated_from": Option(_translation_records),
}

MODULE_OPTIONS: dict[str, Option] = {
    "title": Option(_localized_text, required=True),
    "description": Option(_localized_text),
    "image": Option(_image_path),
    "image_alt": Option(_localized_text),
    "translated_from": Option(_translation_records),
}


def language_problem(code: Any) -> str | None:
    """Why ``code`` is not a language Babel knows (BCP 47, e.g. ``nb``, ``fa-AF``), or None."""
    if not isinstance(code, str) or not re.match(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$", code):
        return f"{code!r} is not a language code such as nb, nn, en or fa-AF"
    try:
        Locale.parse(code.replace("-", "_"))
    except (UnknownLocaleError, ValueError):
        return f"unknown language code {code!r}"
    return None


def read_yaml_mapping(path: Path, diagnostics: Diagnostics) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Parse a YAML mapping; return the values and the 1-based line of each key."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        diagnostics.error(path, None, f"{path.name} is missing", "config.missing")
        return None
    except UnicodeDecodeError:
        diagnostics.error(path, None, "not UTF-8 text", "config.encoding")
        return None
    return parse_yaml_mapping(text, path, diagnostics, first_line=1)


def parse_yaml_mapping(
    text: str, path: Path, diagnostics: Diagnostics, first_line: int
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """Parse YAML text that starts at ``first_line`` of ``path`` into a mapping."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = first_line + mark.line if mark is not None else first_line
        problem = getattr(exc, "problem", None) or str(exc)
        diagnostics.error(path, line, f"invalid YAML: {problem}", "yaml.syntax")
        return None
    if data is None:
        return {}, {}
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        diagnostics.error(path, first_line, "expected key: value lines", "yaml.not_mapping")
        return None
    lines = {str(k.value): first_line + k.start_mark.line for k, _ in node.value}
    return {str(k): v for k, v in data.items()}, lines


def check_options(
    data: dict[str, Any],
    lines: dict[str, int],
    options: dict[str, Option],
    path: Path,
    diagnostics: Diagnostics,
) -> bool:
    """Report unknown keys (with a suggestion), missing keys and bad values."""
    ok = True
    for key, value in data.items():
        line = lines.get(key)
        option = options.get(key)
        if option is None:
            close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else f"; known keys: {', '.join(options)}"
            diagnostics.error(path, line, f"unknown key {key!r}{hint}", "config.unknown_key")
            ok = False
        elif (problem := option.check(value)) is not None:
            diagnostics.error(path, line, f"{key}: {problem}", "config.invalid")
            ok = False
    for key, option in options.items():
        if option.required and key not in data:
            diagnostics.error(path, 1, f"required key {key!r} is missing", "config.missing_key")
            ok = False
    return ok


def read_checked(
    path: Path, options: dict[str, Option], diagnostics: Diagnostics
) -> tuple[dict[str, Any], dict[str, int]] | None:
    """A config file's values and key lines, or None when it is unreadable or has a bad key."""
    parsed = read_yaml_mapping(path, diagnostics)
    if parsed is None or not check_options(*parsed, options, path, diagnostics):
        return None
    return parsed


def load_course_config(root: Path, diagnostics: Diagnostics) -> CourseConfig | None:
    """Read ``root/course.yml``; None (with diagnostics) when it cannot be used."""
    path = root / COURSE_FILE
    checked = read_checked(path, COURSE_OPTIONS, diagnostics)
    if checked is None:
        return None
    data, lines = checked
    language = data["language"]
    languages = tuple(data.get("languages") or [language])
    if language not in languages:
        diagnostics.error(
            path, lines.get("languages"), f"languages must include the source language {language!r}",
            "config.invalid",
        )
        return None
    authors = data.get("authors") or ()
    titles = localized(data["title"], language)
    descriptions = localized(data.get("description") or "", language)
    if language not in titles:
        diagnostics.error(path, lines.get("title"), f"title needs a text in the source language {language!r}",
                          "config.invalid")
        return None
    cover = check_image(root, root, data, lines, ("cover", "cover_alt"), language, path, diagnostics)
    cover_alts = localized(data.get("cover_alt") or "", language)
    intros = localized(data.get("intro") or "", language)
    return CourseConfig(
        id=data["id"],
        title=titles[language],
        version=str(data["version"]),
        source_language=language,
        languages=languages,
        description=descriptions.get(language, ""),
        authors=(authors,) if isinstance(authors, str) else tuple(authors),
        licence=data.get("licence", ""),
        pass_mark=data.get("pass_mark", 80),
        duration=data.get("duration"),
        theme=data.get("theme", "default"),
        text_max=(data.get("answer_length") or {}).get("text", TEXT_MAX),
        reflection_max=(data.get("answer_length") or {}).get("reflection", REFLECTION_MAX),
        titles=titles,
        descriptions=descriptions,
        intro=intros.get(language, ""),
        intros=intros,
        cover=cover,
        cover_alt=cover_alts.get(language, ""),
        cover_alts=cover_alts,
        fallbacks=fallback_chains(languages, language, data.get("fallback") or {}),
        strings={str(lang): {str(k): str(v) for k, v in texts.items()}
                 for lang, texts in (data.get("strings") or {}).items()},
    )


def check_image(root: Path, folder: Path, data: dict[str, Any], lines: dict[str, int], keys: tuple[str, str],
                source_language: str, path: Path, diagnostics: Diagnostics) -> Path | None:
    """The image file a config names (``cover``, ``image``), relative to ``folder``: it must be a file
    inside the course and have its alternative text (``cover_alt``) in the source language."""
    key, alt_key = keys
    if key not in data:
        if alt_key in data:
            diagnostics.warning(path, lines.get(alt_key), f"{alt_key} without {key}: there is no image to describe",
                                "config.invalid")
        return None
    name = str(data[key]).strip()
    line = lines.get(key)
    target = (folder / name).resolve()
    if name.startswith(("/", "\\")) or not target.is_relative_to(root):
        diagnostics.error(path, line, f"{key}: {name!r} must be a path inside the course folder, relative to "
                          f"{path.name}", "path.outside")
        return None
    unsafe = [part for part in target.relative_to(root).parts if not SAFE_NAME.match(part)]
    if unsafe:
        diagnostics.error(path, line, f"{key}: {unsafe[0]!r}: use only letters a-z, digits, '-', '_' and '.' in "
                          "file and folder names", "path.unsafe_name")
        return None
    if not target.is_file():
        diagnostics.error(path, line, f"{key}: image file {name!r} not found", "media.missing")
        return None
    if not localized(data.get(alt_key) or "", source_language).get(source_language):
        diagnostics.error(path, line, f"{alt_key} is missing: an image needs a text that says what it shows, for "
                          f"learners who cannot see it (add {alt_key}: …)", "config.missing_key")
        return None
    return target


def localized(value: Any, source_language: str) -> dict[str, str]:
    """``"Puls"`` or ``{nb: Puls, se: ...}`` as a mapping by language (the plain text is the source's)."""
    if isinstance(value, dict):
        return {str(lang): str(text).strip() for lang, text in value.items()}
    return {source_language: str(value).strip()} if value else {}


def fallback_chains(
    languages: tuple[str, ...], source: str, configured: dict[str, Any]
) -> dict[str, tuple[str, ...]]:
    """For each language, the languages to show a page in when it has no variant, ending in the source."""
    chains = {}
    for lang in languages:
        if lang == source:
            continue
        chain = configured.get(lang, fallback_chain(lang)[1:])
        chain = [chain] if isinstance(chain, str) else list(chain)
        ordered = [c for c in dict.fromkeys([*chain, source]) if c != lang and (c in languages or c == source)]
        chains[lang] = tuple(ordered)
    return chains


@dataclass(frozen=True, slots=True)
class ModuleConfig:
    """What ``module.yml`` says, each text by language."""

    titles: dict[str, str]
    descriptions: dict[str, str]
    image: Path | None = None  # the card's image on the start page
    image_alts: dict[str, str] = field(default_factory=dict)


def load_module_config(folder: Path, root: Path, source_language: str, diagnostics: Diagnostics) -> ModuleConfig | None:
    """What ``module.yml`` of a module folder says; without one the title comes from the folder name."""
    path = folder / MODULE_FILE
    if not path.exists():
        return ModuleConfig({source_language: title_from_slug(folder.name)}, {})
    checked = read_checked(path, MODULE_OPTIONS, diagnostics)
    if checked is None:
        return None
    data, lines = checked
    titles = localized(data["title"], source_language)
    if source_language not in titles:
        diagnostics.error(path, lines.get("title"), f"title needs a text in the source language "
                          f"{source_language!r}", "config.invalid")
        return None
    image = check_image(root, folder, data, lines, ("image", "image_alt"), source_language, path, diagnostics)
    return ModuleConfig(titles, localized(data.get("description") or "", source_language), image,
                        localized(data.get("image_alt") or "", source_language) if image else {})


def title_from_slug(name: str) -> str:
    """``01-puls-og-respirasjon`` -> ``Puls og respirasjon``."""
    words = re.sub(r"^\d+[-_ ]*", "", name).replace("-", " ").replace("_", " ").strip()
    return words[:1].upper() + words[1:] if words else name
