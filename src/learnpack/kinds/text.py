"""A short text answer: ``= bradykardi`` lines, each an accepted answer."""

from __future__ import annotations

from ..model import Kind, Question
from ._base import Fields, Parts, QuestionKind


class TextAnswer(QuestionKind):
    kind = Kind.TEXT
    state = "text"

    def fields(self, parts: Parts) -> Fields | None:
        answers = parts.answers()
        if answers is None:
            return None
        return {"text_answers": tuple(a for a, _ in answers if a)}

    def answer_key(self, question: Question) -> Fields:
        return {"accept": list(question.text_answers), "case": question.case_sensitive}
