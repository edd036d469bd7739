"""Single choice ``- ( )``/``- (x)`` and multiple choice ``- [ ]``/``- [x]``."""

from __future__ import annotations

from ..model import Kind, Question
from ._base import Fields, Parts, QuestionKind


class _Choice(QuestionKind):
    multiple = False

    @property
    def script(self) -> str:
        return "kinds/choice.js"  # single and multiple choice: one runtime module

    def fields(self, parts: Parts) -> Fields | None:
        nodes = parts.only("quiz_choice")
        choices = parts.choices(nodes) if nodes is not None else None
        if choices is None:
            return None
        correct = sum(c.correct for c in choices)
        if len(choices) < 2:
            parts.error(parts.line, "a choice question needs at least two options", "quiz.too_few_options")
        elif correct == 0:
            mark = "[x]" if self.multiple else "(x)"
            parts.error(parts.line, f"question has no correct answer: mark one with {mark}", "quiz.no_correct")
        elif correct > 1 and not self.multiple:
            parts.error(parts.line, f"single-choice question has {correct} correct answers; "
                        "use - [ ] / - [x] boxes if several are right", "quiz.single_many_correct")
        return {"choices": tuple(choices)}

    def answer_key(self, question: Question) -> Fields:
        return {"correct": [c.id for c in question.choices if c.correct]}


class Single(_Choice):
    kind = Kind.SINGLE
    names = ("choice",)
    state = "one"


class Multiple(_Choice):
    kind = Kind.MULTIPLE
    multiple = True
    state = "set"
