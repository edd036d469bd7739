"""The digits a learner may type in a number answer: those of every script in Unicode."""

from __future__ import annotations

import sys
import unicodedata
from functools import cache


@cache
def digit_zeros() -> tuple[int, ...]:
    """The code point of every digit zero, by Python's :mod:`unicodedata`: ``(0x30, 0x660, 0x6F0, ...)``.

    Unicode keeps each script's decimal digits together, 0 to 9, so a zero and the nine
    code points after it are all of that script's digits. The runtime reads numbers with it.
    """
    return tuple(code for code in range(sys.maxunicode + 1) if unicodedata.decimal(chr(code), None) == 0)
