"""Quiz tokens to :class:`~learnpack.model.Quiz`, with every check an author needs."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode

from .errors import Diagnostics
from .model import Choice, Feedback, Kind, NumericAnswer, Pair, Question, Quiz, Source, Text
from .slugs import ID_PATTERN, derived_id

QUIZ_ATTRS = ("id", "title", "pass", "attempts", "shuffle", "draw")
QUESTION_ATTRS = ("id", "type", "case")
KIND_NAMES = {kind.value: kind for kind in Kind} | {"true-false": Kind.TRUE_FALSE, "choice": Kind.SINGLE}
CHOICE_IDS = "abcdefghijklmnopqrstuvwxyz0123456789"  # single characters, as SCORM 1.2 wants
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
        line = self._line(node)
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
        shuffle = attrs.get("shuffle", "false").lower() in ("true", "yes", "1")
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
        )

    # -- questions ---------------------------------------------------------------

    def _question(self, node: SyntaxTreeNode) -> Question | None:
        line = self._line(node)
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
                    self._warning(self._line(child), f"second [!{kind}] feedback replaces the first",
                                  "quiz.duplicate_feedback")
                feedback[kind] = self._text(child)
            elif child.type.startswith("quiz_"):
                parts.setdefault(child.type, []).append(child)
            else:
                body.append(child)
        kind = self._kind(attrs, parts, line)
        if kind is None:
            return None
        fields = _QuestionParts(self, kind, parts, line).fields()
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
                close = difflib.get_close_matches(attrs["type"].lower(), [k.value for k in Kind], n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                self._error(line, f"unknown question type {attrs['type']!r}{hint}", "quiz.unknown_type")
            return kind
        shapes = sorted(parts)
        if len(shapes) > 1:
            names = ", ".join(_SHAPE_NAMES[s] for s in shapes)
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

    def _text(self, node: SyntaxTreeNode) -> Text:
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

    def _line(self, node: SyntaxTreeNode) -> int:
        return (node.map[0] + 1) if node.map else 1

    def _error(self, line: int, message: str, code: str) -> None:
        self.diagnostics.error(self.path, line, message, code)

    def _warning(self, line: int, message: str, code: str) -> None:
        self.diagnostics.warning(self.path, line, message, code)


_SHAPE_NAMES = {
    "quiz_choice": "options", "quiz_answer": "= answers", "quiz_item": "a numbered list",
    "quiz_pair": "-> pairs",
}


@dataclass
class _QuestionParts:
    """Checks the answer part of one question and returns the Question fields for its kind."""

    builder: QuizBuilder
    kind: Kind
    parts: dict[str, list[SyntaxTreeNode]]
    line: int

    def fields(self) -> dict[str, Any] | None:
        return getattr(self, f"_{self.kind.value}")()

    def _only(self, shape: str) -> list[SyntaxTreeNode] | None:
        other = [s for s in self.parts if s != shape]
        if other:
            self.builder._error(self.line, f"a {self.kind.value} question takes {_SHAPE_NAMES[shape]}, "
                                f"not {_SHAPE_NAMES[other[0]]}", "quiz.mixed_answers")
            return None
        return self.parts.get(shape, [])

    def _choices(self, nodes: list[SyntaxTreeNode]) -> list[Choice] | None:
        if len(nodes) > len(CHOICE_IDS):
            self.builder._error(self.line, f"at most {len(CHOICE_IDS)} options", "quiz.too_many_options")
            return None
        choices = []
        for index, node in enumerate(nodes):
            feedback = next((c for c in node.children if c.type == "quiz_feedback"), None)
            text = self.builder._text(node)
            if not text.source.strip():
                self.builder._error(self.builder._line(node), "option has no text", "quiz.empty_option")
            choices.append(Choice(
                id=CHOICE_IDS[index],
                text=text,
                correct=bool(node.meta.get("correct")),
                feedback=self.builder._text(feedback) if feedback else None,
                origin=Source(self.builder.path, self.builder._line(node)),
            ))
        return choices

    def _single(self) -> dict[str, Any] | None:
        return self._choice(multiple=False)

    def _multiple(self) -> dict[str, Any] | None:
        return self._choice(multiple=True)

    def _choice(self, multiple: bool) -> dict[str, Any] | None:
        nodes = self._only("quiz_choice")
        choices = self._choices(nodes) if nodes is not None else None
        if choices is None:
            return None
        correct = sum(c.correct for c in choices)
        if len(choices) < 2:
            self.builder._error(self.line, "a choice question needs at least two options", "quiz.too_few_options")
        elif correct == 0:
            mark = "[x]" if multiple else "(x)"
            self.builder._error(self.line, f"question has no correct answer: mark one with {mark}",
                                "quiz.no_correct")
        elif correct > 1 and not multiple:
            self.builder._error(self.line, f"single-choice question has {correct} correct answers; "
                                "use - [ ] / - [x] boxes if several are right", "quiz.single_many_correct")
        return {"choices": tuple(choices)}

    def _answers(self) -> list[tuple[str, int]] | None:
        nodes = self._only("quiz_answer")
        if nodes is None:
            return None
        answers = [(n.token.content.strip(), self.builder._line(n)) for n in nodes if n.token is not None]
        for text, line in answers:
            if not text:
                self.builder._error(line, "empty = answer", "quiz.empty_answer")
        if not answers:
            self.builder._error(self.line, f"a {self.kind.value} question needs = answer lines", "quiz.no_correct")
            return None
        return answers

    def _truefalse(self) -> dict[str, Any] | None:
        answers = self._answers()
        if answers is None:
            return None
        values = [a.lower() for a, _ in answers]
        if len(values) != 1 or values[0] not in ("true", "false"):
            self.builder._error(self.line, "a true/false question takes one line: = true or = false",
                                "quiz.truefalse")
            return None
        return {"text_answers": (values[0],)}

    def _text(self) -> dict[str, Any] | None:
        answers = self._answers()
        if answers is None:
            return None
        return {"text_answers": tuple(a for a, _ in answers if a)}

    def _numeric(self) -> dict[str, Any] | None:
        answers = self._answers()
        if answers is None:
            return None
        parsed = []
        for text, line in answers:
            bounds = parse_numeric(text)
            if bounds is None:
                self.builder._error(line, f"numeric answer {text!r} is not a number: write 72, 37 ± 0.5 "
                                    "or 12..20", "quiz.numeric_invalid")
                continue
            parsed.append(NumericAnswer(bounds[0], bounds[1], Source(self.builder.path, line)))
        return {"numeric_answers": tuple(parsed)}

    def _ordering(self) -> dict[str, Any] | None:
        nodes = self._only("quiz_item")
        items = self._choices(nodes) if nodes is not None else None
        if items is None:
            return None
        if len(items) < 2:
            self.builder._error(self.line, "an ordering question needs at least two items", "quiz.too_few_options")
        return {"order": tuple(items)}

    def _matching(self) -> dict[str, Any] | None:
        nodes = self._only("quiz_pair")
        if nodes is None:
            return None
        pairs = []
        for node in nodes:
            left, right = (c.token for c in node.children if c.token is not None)
            line = self.builder._line(node)
            if not right.content.strip():
                self.builder._error(line, "matching line has nothing after ->", "quiz.empty_option")
                continue
            pairs.append(Pair(
                left=Text(left.content, left) if left.content.strip() else None,
                right=Text(right.content, right),
                origin=Source(self.builder.path, line),
            ))
        if sum(p.left is not None for p in pairs) < 2:
            self.builder._error(self.line, "a matching question needs at least two 'left -> right' lines",
                                "quiz.too_few_options")
        if len(pairs) > len(CHOICE_IDS):
            self.builder._error(self.line, f"at most {len(CHOICE_IDS)} lines", "quiz.too_many_options")
        return {"pairs": tuple(pairs)}

    def _reflection(self) -> dict[str, Any] | None:
        if self.parts:
            self.builder._warning(self.line, "a reflection question is not scored: its answers are ignored",
                                  "quiz.reflection_answers")
        return {}


def _tokens(nodes: list[SyntaxTreeNode]) -> tuple[Token, ...]:
    return tuple(token for node in nodes for token in node.to_tokens())
