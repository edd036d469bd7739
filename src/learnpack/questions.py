"""Quiz tokens to :class:`~learnpack.model.Quiz`, with every check an author needs.

What a question's answer lines mean is its kind's business (:mod:`learnpack.kinds`);
this module reads the quiz and question around them and decides which kind a question is.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from pathlib import Path

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from .errors import Diagnostics
from .kinds import KIND_NAMES, KINDS, SHAPE_NAMES, Parts, kind_of
from .kinds.numeric import LOOKS_NUMERIC
from .model import Feedback, Kind, Question, Quiz, Source, Text
from .slugs import ID_PATTERN, derived_id

QUIZ_ATTRS = ("id", "title", "pass", "attempts", "shuffle", "draw", "check", "improve")
CHECKS = ("question", "quiz")
QUESTION_ATTRS = ("id", "type", "case")


@dataclass
class QuizBuilder:
    """Builds the quizzes of one page; problems go to ``diagnostics``."""

    path: Path
    page_slug: str
    default_pass_mark: int
    diagnostics: Diagnostics
    count: int = 0

    def build(self, tokens: list[Token]) -> Quiz | None:
        node = SyntaxTreeNode(tokens).children[0]
        self.count += 1
        line = self.line_of(node)
        attrs = self._check_attrs(node.meta.get("attrs", {}), QUIZ_ATTRS, line, "quiz")
        quiz_id = attrs.get("id") or f"{self.page_slug}-quiz-{self.count}"
        if "id" in attrs and not ID_PATTERN.match(quiz_id):
            self._error(line, f"quiz id {quiz_id!r} must start with a letter and use only letters, "
                        "digits, '-' and '_'", "quiz.invalid_id")
        intro = [c for c in node.children if c.type != "quiz_question"]
        questions = [q for c in node.children if c.type == "quiz_question" if (q := self._question(c))]
        if not any(c.type == "quiz_question" for c in node.children):
            self._error(line, "quiz has no questions: start each question with a ### heading", "quiz.empty")
            return None
        pass_mark = self._int(attrs, "pass", line, 0, 100, self.default_pass_mark)
        attempts = self._int(attrs, "attempts", line, 1, 99, None)
        draw = self._int(attrs, "draw", line, 1, 999, None)
        scored = sum(q.kind.scored for q in questions)
        if draw is not None and draw > scored:
            self._error(line, f"draw={draw} but the quiz has only {scored} scored questions", "quiz.draw")
        shuffle = _flag(attrs, "shuffle")
        per_question = self._check_mode(attrs, line, attempts is not None or draw is not None or not scored)
        return Quiz(
            id=quiz_id,
            title=attrs.get("title", ""),
            questions=tuple(questions),
            intro=_tokens(intro),
            origin=Source(self.path, line),
            pass_mark=pass_mark if pass_mark is not None else self.default_pass_mark,
            attempts=attempts,
            shuffle=shuffle,
            draw=draw,
            per_question=per_question,
            improve=_flag(attrs, "improve"),
        )

    def _check_mode(self, attrs: dict[str, str], line: int, is_test: bool) -> bool:
        """Whether each question is checked on its own: ``check=question``, or by default a quiz
        without attempts or draw (practice); a test (attempts or draw), and a quiz of reflections
        only (sent to the LMS with one button), is checked as a whole."""
        mode = attrs.get("check", "quiz" if is_test else "question").lower()
        if mode not in CHECKS:
            self._error(line, f"check={attrs['check']} must be check=question (each question on its own, "
                        "practice) or check=quiz (all at once, a test)", "quiz.setting")
            return False
        if mode == "question" and "attempts" in attrs:
            self._error(line, "attempts count checks of the whole quiz: use check=quiz with attempts, or "
                        "leave attempts out (a question checked on its own can be tried again until it is right)",
                        "quiz.setting")
        return mode == "question"

    # -- questions ---------------------------------------------------------------

    def _question(self, node: SyntaxTreeNode) -> Question | None:
        line = self.line_of(node)
        attrs = self._check_attrs(node.meta.get("attrs", {}), QUESTION_ATTRS, line, "question")
        stem_token = node.children[0].token if node.children and node.children[0].type == "inline" else None
        if stem_token is None or not stem_token.content.strip():
            self._error(line, "question has no text after ###", "quiz.empty_question")
            return None
        stem = Text(stem_token.content, stem_token)
        explicit = "id" in attrs
        question_id = attrs["id"] if explicit else derived_id(stem_token.content)
        if explicit and not ID_PATTERN.match(question_id):
            self._error(line, f"question id {question_id!r} must start with a letter and use only letters, "
                        "digits, '-' and '_' (at most 64)", "quiz.invalid_id")
        parts: dict[str, list[SyntaxTreeNode]] = {}
        body: list[SyntaxTreeNode] = []
        feedback: dict[str, Text] = {}
        for child in node.children[1:]:
            if child.type == "quiz_feedback":
                kind = child.meta["kind"]
                if kind in feedback:
                    self._warning(self.line_of(child), f"second [!{kind}] feedback replaces the first",
                                  "quiz.duplicate_feedback")
                feedback[kind] = self.text(child)
            elif child.type.startswith("quiz_"):
                parts.setdefault(child.type, []).append(child)
            else:
                body.append(child)
        kind = self._kind(attrs, parts, line)
        if kind is None:
            return None
        fields = kind_of(kind).fields(Parts(self, kind, parts, line))
        if fields is None:
            return None
        return Question(
            id=question_id,
            kind=kind,
            stem=stem,
            body=_tokens(body),
            origin=Source(self.path, line),
            case_sensitive=attrs.get("case", "false").lower() in ("true", "yes", "1", "sensitive"),
            feedback=Feedback(
                hint=feedback.get("hint"),
                correct=feedback.get("correct"),
                incorrect=feedback.get("incorrect"),
                always=feedback.get("feedback"),
            ),
            explicit_id=explicit,
            **fields,
        )

    def _kind(self, attrs: dict[str, str], parts: dict[str, list[SyntaxTreeNode]], line: int) -> Kind | None:
        if "type" in attrs:
            kind = KIND_NAMES.get(attrs["type"].lower())
            if kind is None:
                close = difflib.get_close_matches(attrs["type"].lower(), [k.value for k in KINDS], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self._error(line, f"unknown question type {attrs['type']!r}{hint}", "quiz.unknown_type")
            return kind
        shapes = sorted(parts)
        if len(shapes) > 1:
            names = ", ".join(SHAPE_NAMES[s] for s in shapes)
            self._error(line, f"question mixes {names}; use one kind of answer per question", "quiz.mixed_answers")
            return None
        if not shapes:
            self._error(line, "question has no answers: add options (- ( ) / - [ ]), = answers, "
                        "a numbered list, a -> list, or {type=reflection}", "quiz.no_answers")
            return None
        shape = shapes[0]
        if shape == "quiz_choice":
            markers = {c.meta["multiple"] for c in parts[shape]}
            if len(markers) > 1:
                self._error(line, "question mixes ( ) and [ ] options: use ( ) when one answer is right, "
                            "[ ] when several can be", "quiz.mixed_markers")
                return None
            return Kind.MULTIPLE if markers.pop() else Kind.SINGLE
        if shape == "quiz_item":
            return Kind.ORDERING
        if shape == "quiz_pair":
            return Kind.MATCHING
        answers = [a.token.content.strip() for a in parts[shape] if a.token is not None]
        if len(answers) == 1 and answers[0].lower() in ("true", "false"):
            return Kind.TRUE_FALSE
        if any(LOOKS_NUMERIC.match(a) for a in answers):
            return Kind.NUMERIC
        return Kind.TEXT

    # -- helpers -----------------------------------------------------------------

    def text(self, node: SyntaxTreeNode) -> Text:
        inline = next(c for c in node.children if c.type == "inline")
        assert inline.token is not None
        return Text(inline.token.content, inline.token)

    def _check_attrs(self, attrs: dict[str, str], known: tuple[str, ...], line: int, what: str) -> dict[str, str]:
        for key in attrs:
            if key not in known:
                close = difflib.get_close_matches(key, known, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else f"; known: {', '.join(known)}"
                self._error(line, f"unknown {what} setting {key!r}{hint}", "quiz.unknown_setting")
        return attrs

    def _int(self, attrs: dict[str, str], key: str, line: int, low: int, high: int,
             default: int | None) -> int | None:
        if key not in attrs:
            return default
        value = attrs[key].rstrip("%")
        if not value.isdigit() or not low <= int(value) <= high:
            self._error(line, f"{key}={attrs[key]} must be a whole number from {low} to {high}", "quiz.setting")
            return default
        return int(value)

    def line_of(self, node: SyntaxTreeNode) -> int:
        return (node.map[0] + 1) if node.map else 1

    def _error(self, line: int, message: str, code: str) -> None:
        self.diagnostics.error(self.path, line, message, code)

    def _warning(self, line: int, message: str, code: str) -> None:
        self.diagnostics.warning(self.path, line, message, code)


def _flag(attrs: dict[str, str], key: str) -> bool:
    """A yes/no setting: ``shuffle``, ``shuffle=true``."""
    return attrs.get(key, "false").lower() in ("true", "yes", "1")


def _tokens(nodes: list[SyntaxTreeNode]) -> tuple[Token, ...]:
    return tuple(token for node in nodes for token in node.to_tokens())
