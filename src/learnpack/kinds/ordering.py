"""Put in order: a numbered list, written in the right order (learners see it shuffled)."""

from __future__ import annotations

from ..model import Kind, Question
from ._base import Fields, Parts, QuestionKind


class Ordering(QuestionKind):
    kind = Kind.ORDERING
    own_script = True  # the list to reorder: drag and drop, move buttons
    state = "positions"

    def fields(self, parts: Parts) -> Fields | None:
        nodes = parts.only("quiz_item")
        items = parts.choices(nodes) if nodes is not None else None
        if items is None:
            return None
        if len(items) < 2:
            parts.error(parts.line, "an ordering question needs at least two items", "quiz.too_few_options")
        return {"order": tuple(items)}

    def answer_key(self, question: Question) -> Fields:
        return {"order": [c.id for c in question.order]}
