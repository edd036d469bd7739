"""True or false: ``= true`` or ``= false`` under a statement."""

from __future__ import annotations

from ..model import Kind, Question
from ._base import Fields, Parts, QuestionKind


class TrueFalse(QuestionKind):
    kind = Kind.TRUE_FALSE
    names = ("true-false",)
    state = "one"

    def fields(self, parts: Parts) -> Fields | None:
        answers = parts.answers()
        if answers is None:
            return None
        values = [a.lower() for a, _ in answers]
        if len(values) != 1 or values[0] not in ("true", "false"):
            parts.error(parts.line, "a true/false question takes one line: = true or = false", "quiz.truefalse")
            return None
        return {"text_answers": (values[0],)}

    def answer_key(self, question: Question) -> Fields:
        return {"correct": question.text_answers[0]}
