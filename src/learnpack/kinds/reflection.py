"""A reflection ``{type=reflection}``: the learner writes, nothing is scored."""

from __future__ import annotations

from ..model import Kind, Question
from ._base import Fields, Parts, QuestionKind


class Reflection(QuestionKind):
    kind = Kind.REFLECTION
    state = "text"

    def fields(self, parts: Parts) -> Fields | None:
        if parts.parts:
            parts.warning(parts.line, "a reflection question is not scored: its answers are ignored",
                          "quiz.reflection_answers")
        return {}

    def answer_key(self, question: Question) -> Fields:
        return {}
