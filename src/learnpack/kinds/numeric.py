"""A number answer: ``= 72``, ``= 37 ± 0.5`` or ``= 12..20``, in any script's digits."""

from __future__ import annotations

import re

from ..model import Kind, NumericAnswer, Question, Source
from ._base import Fields, Parts, QuestionKind

_NUMBER = r"[-−]?\d+(?:[.,\u066b]\d+)?"  # \d: any script's digits; U+066B: Arabic decimal point
NUMERIC_EXACT = re.compile(rf"^({_NUMBER})$")
NUMERIC_TOLERANCE = re.compile(rf"^({_NUMBER})\s*(?:±|\+-|\+/-)\s*({_NUMBER})$")
NUMERIC_RANGE = re.compile(rf"^({_NUMBER})\s*\.\.\s*({_NUMBER})$")
LOOKS_NUMERIC = re.compile(r"^[-−]?\d")


def parse_number(text: str) -> float:
    return float(text.replace("−", "-").replace(",", ".").replace("\u066b", "."))


def parse_numeric(text: str) -> tuple[float, float] | None:
    """``"72"``, ``"37 ± 0.5"`` or ``"12..20"`` as ``(low, high)``; None if not numeric."""
    text = text.strip()
    if match := NUMERIC_EXACT.match(text):
        value = parse_number(match.group(1))
        return value, value
    if match := NUMERIC_TOLERANCE.match(text):
        value, tolerance = parse_number(match.group(1)), abs(parse_number(match.group(2)))
        return value - tolerance, value + tolerance
    if match := NUMERIC_RANGE.match(text):
        low, high = parse_number(match.group(1)), parse_number(match.group(2))
        return (low, high) if low <= high else None
    return None


class Numeric(QuestionKind):
    kind = Kind.NUMERIC
    state = "text"

    def fields(self, parts: Parts) -> Fields | None:
        answers = parts.answers()
        if answers is None:
            return None
        parsed = []
        for text, line in answers:
            bounds = parse_numeric(text)
            if bounds is None:
                parts.error(line, f"numeric answer {text!r} is not a number: write 72, 37 ± 0.5 or 12..20",
                            "quiz.numeric_invalid")
                continue
            parsed.append(NumericAnswer(bounds[0], bounds[1], Source(parts.builder.path, line)))
        return {"numeric_answers": tuple(parsed)}

    def answer_key(self, question: Question) -> Fields:
        return {"ranges": [[a.low, a.high] for a in question.numeric_answers]}
