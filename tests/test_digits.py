"""Number answers in any script's digits: the digit zeros the build hands the runtime, and answer keys.

The runtime itself (numbers.js) is tested in test_browser.py and test_lms_lifecycle.py.
"""

from __future__ import annotations

import json
import sys
import unicodedata
from pathlib import Path

from learnpack.build import build
from learnpack.digits import digit_zeros
from learnpack.kinds.numeric import parse_numeric
from support.courses import ROOTS


def test_every_unicode_digit_zero_is_listed_and_starts_a_run_of_ten() -> None:
    zeros = digit_zeros()
    assert {0x30, 0x660, 0x6F0, 0x966, 0x1D7CE} <= set(zeros)  # ASCII, Arabic-Indic, Persian, Devanagari, maths
    assert zeros == tuple(c for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), None) == 0)
    assert all(unicodedata.decimal(chr(zero + n)) == n for zero in zeros for n in range(10))
    digits = {c for c in range(sys.maxunicode + 1) if unicodedata.decimal(chr(c), None) is not None}
    assert digits == {zero + n for zero in zeros for n in range(10)}  # no digit is left out


def test_the_course_script_hands_the_zeros_to_the_runtime(tmp_path: Path) -> None:
    out = build(ROOTS / "basic", ["html"], tmp_path).out
    script = (out / "html" / "assets" / "course.nb.js").read_text(encoding="utf-8")
    data = json.loads(script.split("window.LEARNPACK_COURSE = ", 1)[1].rstrip().rstrip(";"))
    assert data["digitZeros"] == list(digit_zeros())


def test_an_answer_key_may_be_written_in_arabic_digits_too() -> None:
    assert parse_numeric("37 ± 0.5") == parse_numeric("٣٧ ± ٠٫٥") == parse_numeric("۳۷ ± ۰٫۵") == (36.5, 37.5)
    assert parse_numeric("٣٦٫٥..٣٧٫٥") == (36.5, 37.5)
    assert parse_numeric("٣٧٫") is None
