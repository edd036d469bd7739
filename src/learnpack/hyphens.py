"""Soft hyphens in long words, so that a Norwegian compound wraps on a phone; and no line break
between a number and its per cent sign ("80 %" is never "80" at a line's end and "%" below).

"Respirasjonsfrekvens" is wider than a 320 px screen at 200 % text. At build time each
long word of a language with a hyphenation dictionary (pyphen's, from LibreOffice:
bokmål and nynorsk among them) gets soft hyphens (U+00AD) where the dictionary allows a
break; the browser shows a hyphen only where it breaks the line. Other languages are left
as they are; the theme's CSS lets any word break as a last resort.
"""

from __future__ import annotations

import re
from functools import cache

import pyphen

from .i18n.languages import primary

SOFT_HYPHEN = "\u00ad"
MIN_LETTERS = 10  # shorter words fit a line at 200 % text on a 320 px screen
WORD = re.compile(rf"[^\W\d_]{{{MIN_LETTERS},}}")
NO_BREAK_SPACE = "\u00a0"
PERCENT = re.compile(r"(?<=[\d}]) (?=%)")  # "80 %", and "{percent} %" in an interface string


def keep_percent(text: str) -> str:
    """``text`` with a no-break space between a number (or a ``{placeholder}``) and a per cent sign."""
    return PERCENT.sub(NO_BREAK_SPACE, text)


@cache
def _dictionary(language: str) -> pyphen.Pyphen | None:
    base = primary(language)
    if base not in pyphen.LANGUAGES:
        return None
    return pyphen.Pyphen(lang=base, left=3, right=3)


def hyphenate(text: str, language: str) -> str:
    """``text`` with soft hyphens in its long words, if ``language`` has a dictionary, and its
    per cent signs kept with their numbers (:func:`keep_percent`)."""
    text = keep_percent(text)
    dictionary = _dictionary(language)
    if dictionary is None or SOFT_HYPHEN in text:
        return text
    return WORD.sub(lambda match: dictionary.inserted(match.group(), hyphen=SOFT_HYPHEN), text)
