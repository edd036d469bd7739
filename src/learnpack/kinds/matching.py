"""Matching: ``- left -> right`` lines; a line without a left side is a distractor."""

from __future__ import annotations

from ..model import Kind, Pair, Question, Source, Text
from ._base import CHOICE_IDS, Fields, Parts, QuestionKind


class Matching(QuestionKind):
    kind = Kind.MATCHING
    own_script = True  # the selects and the long choices written out
    state = "positions"

    def fields(self, parts: Parts) -> Fields | None:
        nodes = parts.only("quiz_pair")
        if nodes is None:
            return None
        pairs = []
        for node in nodes:
            left, right = (c.token for c in node.children if c.token is not None)
            line = parts.builder.line_of(node)
            if not right.content.strip():
                parts.error(line, "matching line has nothing after ->", "quiz.empty_option")
                continue
            pairs.append(Pair(
                left=Text(left.content, left) if left.content.strip() else None,
                right=Text(right.content, right),
                origin=Source(parts.builder.path, line),
            ))
        if sum(p.left is not None for p in pairs) < 2:
            parts.error(parts.line, "a matching question needs at least two 'left -> right' lines",
                        "quiz.too_few_options")
        if len(pairs) > len(CHOICE_IDS):
            parts.error(parts.line, f"at most {len(CHOICE_IDS)} lines", "quiz.too_many_options")
        return {"pairs": tuple(pairs)}

    def answer_key(self, question: Question) -> Fields:
        return {"pairs": {f"l{i}": f"r{i}" for i, p in enumerate(question.pairs) if p.left is not None}}
