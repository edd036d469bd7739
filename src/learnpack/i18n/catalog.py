"""Interface strings from gettext catalogs (``locales/<language>.po``), with Babel's plural rules.

Message ids are the catalog entries' contexts (``quiz.check``); the English text in
``messages.py`` is the source. A language without a translation of a string falls back
along nn/se -> nb -> English; a course may override any string in ``course.yml``.
"""

from __future__ import annotations

import gettext
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

from babel import Locale
from babel.messages.plurals import get_plural
from babel.messages.pofile import read_po
from babel.numbers import format_decimal

from ..hyphens import keep_percent
from .languages import fallback_chain
from .messages import MESSAGES

LOCALES = Path(__file__).parent / "locales"


@cache
def _translations(language: str) -> dict[str, tuple[str, ...]]:
    """id -> translated forms (one, or one per plural form) from ``locales/<language>.po``."""
    path = LOCALES / f"{language}.po"
    if not path.is_file():
        return {}
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=language.replace("-", "_"))
    found: dict[str, tuple[str, ...]] = {}
    for message in catalog:
        if not message.context or message.fuzzy:
            continue
        forms = message.string if isinstance(message.string, (tuple, list)) else (message.string,)
        if all(forms):
            found[message.context] = tuple(str(form) for form in forms)
    return found


def catalog_languages() -> list[str]:
    """The languages learnpack ships interface strings for."""
    return sorted(["en", *(p.stem for p in LOCALES.glob("*.po"))])


@cache
def plural_rule(language: str) -> Callable[[int], int]:
    """n -> index of the plural form, from Babel's gettext plural rules for ``language``."""
    try:
        expression = get_plural(language.replace("-", "_")).plural_expr
    except (ValueError, LookupError):
        expression = "(n != 1)"
    return gettext.c2py(expression)


class Strings(Mapping[str, str]):
    """The interface strings of one language: ``t["quiz.check"]``, ``t.count("quiz.questions", 3)``."""

    def __init__(self, language: str, overrides: Mapping[str, str] | None = None) -> None:
        self.language = language
        self.locale = language.replace("-", "_")
        self.rule = plural_rule(language)
        chain = fallback_chain(language)
        self._forms: dict[str, tuple[str, ...]] = {}
        self._form_language: dict[str, str] = {}
        for key, message in MESSAGES.items():
            for lang in dict.fromkeys(chain):
                if key in _translations(lang):
                    self._forms[key] = _translations(lang)[key]
                    self._form_language[key] = lang
                    break
            else:
                self._forms[key] = (message.text, message.plural) if message.plural else (message.text,)
                self._form_language[key] = "en"
        for key, text in (overrides or {}).items():
            self._forms[key] = (text,)
            self._form_language[key] = language
        self._forms = {key: tuple(keep_percent(form) for form in forms) for key, forms in self._forms.items()}

    def __getitem__(self, key: str) -> str:
        return self._forms[key][0] if len(self._forms[key]) == 1 else self.form(key, 2)

    def __iter__(self) -> Iterator[str]:
        return iter(self._forms)

    def __len__(self) -> int:
        return len(self._forms)

    def form(self, key: str, n: int) -> str:
        """The plural form of ``key`` for the number ``n``, in the rules of its language."""
        forms = self._forms[key]
        if len(forms) == 1:
            return forms[0]
        index = plural_rule(self._form_language[key])(n) if self._form_language[key] != "en" else int(n != 1)
        return forms[min(index, len(forms) - 1)]

    def count(self, key: str, n: int, **values: object) -> str:
        """``key`` for ``n`` things, with ``{n}`` and other numbers formatted for the language."""
        numbers = {k: self.number(v) if isinstance(v, (int, float)) else v for k, v in values.items()}
        return self.form(key, n).format(n=self.number(n), **numbers)

    def number(self, value: float) -> str:
        try:
            return format_decimal(value, locale=self.locale)
        except (ValueError, LookupError):
            return str(value)

    def forms(self, key: str) -> list[str]:
        return list(self._forms[key])

    def plural_table(self, size: int = 200) -> list[int]:
        """Plural form indexes for 0..size-1, for the runtime (CSP forbids evaluating the rule there)."""
        return [self.rule(n) for n in range(size)]

    def is_plural(self, key: str) -> bool:
        return MESSAGES[key].plural is not None


def text_direction(language: str) -> str:
    """``"rtl"`` or ``"ltr"``, from Babel's locale data."""
    return Locale.parse(language.replace("-", "_")).text_direction


def language_name(language: str) -> str:
    """The language's own name for itself, e.g. ``"Norsk bokmål"``, ``"العربية"``."""
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_")) or language
    except (ValueError, LookupError):
        return language
    return name[:1].upper() + name[1:]


@cache
def strings_for(language: str) -> Strings:
    return Strings(language)
