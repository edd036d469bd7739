"""What every question kind is made of, and the answer lines it is parsed from.

A kind (one module in this package) says which answer lines it takes, checks them and
turns them into :class:`~learnpack.model.Question` fields, gives the runtime its answer key,
names the form its answer takes in the learner state, and has a template partial
(``kinds/<kind>.html`` in the theme). The learner-side half of a kind is
``runtime/kinds/<kind>.js``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from markdown_it.tree import SyntaxTreeNode

from ..model import Choice, Kind, Question, Source

if TYPE_CHECKING:
    from ..questions import QuizBuilder

CHOICE_IDS = "abcdefghijklmnopqrstuvwxyz0123456789"  # single characters, as SCORM 1.2 wants
SHAPE_NAMES = {
    "quiz_choice": "options", "quiz_answer": "= answers", "quiz_item": "a numbered list", "quiz_pair": "-> pairs",
}

Fields = dict[str, Any]


@dataclass
class Parts:
    """The answer lines of one question, by shape, with the checks kinds share."""

    builder: QuizBuilder
    kind: Kind
    parts: dict[str, list[SyntaxTreeNode]]
    line: int

    def only(self, shape: str) -> list[SyntaxTreeNode] | None:
        """The lines of ``shape``; None (and an error) when the question has others too."""
        other = [s for s in self.parts if s != shape]
        if other:
            self.error(self.line, f"a {self.kind.value} question takes {SHAPE_NAMES[shape]}, "
                       f"not {SHAPE_NAMES[other[0]]}", "quiz.mixed_answers")
            return None
        return self.parts.get(shape, [])

    def choices(self, nodes: list[SyntaxTreeNode]) -> list[Choice] | None:
        """Options or items, with ids ``a``, ``b`` …; None when there are too many."""
        if len(nodes) > len(CHOICE_IDS):
            self.error(self.line, f"at most {len(CHOICE_IDS)} options", "quiz.too_many_options")
            return None
        choices = []
        for index, node in enumerate(nodes):
            feedback = next((c for c in node.children if c.type == "quiz_feedback"), None)
            text = self.builder.text(node)
            if not text.source.strip():
                self.error(self.builder.line_of(node), "option has no text", "quiz.empty_option")
            choices.append(Choice(
                id=CHOICE_IDS[index],
                text=text,
                correct=bool(node.meta.get("correct")),
                feedback=self.builder.text(feedback) if feedback else None,
                origin=Source(self.builder.path, self.builder.line_of(node)),
            ))
        return choices

    def answers(self) -> list[tuple[str, int]] | None:
        """The ``= answer`` lines as (text, line); None (and an error) when there are none."""
        nodes = self.only("quiz_answer")
        if nodes is None:
            return None
        answers = [(n.token.content.strip(), self.builder.line_of(n)) for n in nodes if n.token is not None]
        for text, line in answers:
            if not text:
                self.error(line, "empty = answer", "quiz.empty_answer")
        if not answers:
            self.error(self.line, f"a {self.kind.value} question needs = answer lines", "quiz.no_correct")
            return None
        return answers

    def error(self, line: int, message: str, code: str) -> None:
        self.builder.diagnostics.error(self.builder.path, line, message, code)

    def warning(self, line: int, message: str, code: str) -> None:
        self.builder.diagnostics.warning(self.builder.path, line, message, code)


class QuestionKind:
    """One kind of question. Subclasses set the class attributes and implement the methods."""

    kind: ClassVar[Kind]
    names: ClassVar[tuple[str, ...]] = ()  # other names ``{type=…}`` accepts
    #: The form its answer takes in the learner state (scorm/suspend.py sizes each):
    #: "one" (one character), "set" (a bitset over the options), "positions" (one per item),
    #: "text" (a text of at most the kind's answer length).
    state: ClassVar[str]
    #: Whether its runtime module comes on its own, loaded only by the pages that ask it: a kind
    #: whose module sets the page up (drag and drop, written-out choices) and weighs as much as
    #: the small kinds together. The others come with the kinds' registry (targets/_site.py).
    own_script: ClassVar[bool] = False

    def fields(self, parts: Parts) -> Fields | None:
        """The question's fields for this kind from its answer lines, or None after an error."""
        raise NotImplementedError

    def answer_key(self, question: Question) -> Fields:
        """What the runtime needs to check an answer (beyond ``kind``)."""
        raise NotImplementedError

    @property
    def template(self) -> str:
        return f"kinds/{self.kind.value}.html"

    @property
    def script(self) -> str:
        """Its learner-side half, the runtime module a page that asks this kind loads."""
        return f"kinds/{self.kind.value}.js"
