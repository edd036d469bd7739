"""The ``::: quiz`` block: a markdown-it plugin that turns a quiz into tokens.

A quiz reads well in any Markdown viewer::

    ::: quiz {#vitale-tegn pass=80}
    ### Hva er normal hvilepuls hos en frisk voksen? {#puls-normal}
    - ( ) 30–50 slag per minutt
      > For lavt: det kalles bradykardi.
    - (x) 60–100 slag per minutt
    :::

The rule only recognises structure; what a question means (its kind, whether it has a
correct answer) is decided by the loader, which reports problems with line numbers.
Problems the rule itself sees (an unclosed quiz, unreadable attributes) go to
``env["quiz_problems"]`` as ``(line, code, message)``: rules never raise.

Tokens (open/close pairs unless noted), each with ``map`` set:

- ``quiz`` (``meta["attrs"]``) holding intro blocks and ``quiz_question``
- ``quiz_question`` (``meta["attrs"]``): an ``inline`` stem, body blocks, then answers
- ``quiz_choice`` (``meta["correct"]``, ``meta["multiple"]``): ``inline`` text, optional ``quiz_feedback``
- ``quiz_answer`` (single token, ``content`` is the raw ``= ...`` text)
- ``quiz_item``: an ``inline`` ordering item; ``quiz_pair``: two ``inline`` (left, right)
- ``quiz_feedback`` (``meta["kind"]``: option, hint, correct, incorrect, feedback): ``inline``
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock

from .attrs import parse_attrs, split_attrs

OPEN = re.compile(r"^:::\s*quiz(?:\s+(.*?))?\s*$")
CLOSE = re.compile(r"^:::\s*$")
HEADING = re.compile(r"^(#{2,4})\s+(.*)$")
CHOICE = re.compile(r"^[-*+]\s+(\(|\[)\s*([xX ]?)\s*[)\]]\s*(.*)$")
ITEM = re.compile(r"^\d{1,3}[.)]\s+(.*)$")
PAIR = re.compile(r"^[-*+]\s+(.*?)\s*(?:->|→)\s*(.*)$")
ANSWER = re.compile(r"^=\s?(.*)$")
CALLOUT = re.compile(r"^>\s*\[!(hint|correct|incorrect|feedback)\]\s*(.*)$", re.IGNORECASE)
QUOTE = re.compile(r"^>\s?(.*)$")


@dataclass
class _Item:
    """An answer line being collected, with its continuation and feedback lines."""

    kind: str  # choice, item, pair, answer, callout
    line: int
    parts: list[str]
    meta: dict[str, object] = field(default_factory=dict)
    feedback: list[str] = field(default_factory=list)
    feedback_line: int | None = None


def quiz_plugin(md: MarkdownIt) -> None:
    """Register the ``quiz`` block rule (before fences, so ``:::`` is ours)."""
    md.block.ruler.before("fence", "quiz", _quiz_rule, {"alt": ["paragraph", "reference", "blockquote", "list"]})


def _line(state: StateBlock, n: int) -> str:
    return state.src[state.bMarks[n] + state.tShift[n] : state.eMarks[n]]


def _indent(state: StateBlock, n: int) -> int:
    return state.sCount[n] - state.blkIndent


def _problem(state: StateBlock, line: int, code: str, message: str) -> None:
    state.env.setdefault("quiz_problems", []).append((line + 1, code, message))


def _quiz_rule(state: StateBlock, start: int, end: int, silent: bool) -> bool:
    if _indent(state, start) >= 4:
        return False
    opened = OPEN.match(_line(state, start))
    if opened is None:
        return False
    if silent:
        return True
    close = next(
        (n for n in range(start + 1, end) if _indent(state, n) < 4 and CLOSE.match(_line(state, n))),
        None,
    )
    if close is None:
        _problem(state, start, "quiz.unclosed", "quiz is not closed: add a line with ::: after it")
        close = end
    attrs = _attrs(state, start, opened.group(1) or "")
    token = state.push("quiz_open", "div", 1)
    token.map = [start, min(close + 1, end)]
    token.meta = {"attrs": attrs}
    token.block = True
    _QuizBody(state, start + 1, close).emit()
    state.push("quiz_close", "div", -1)
    state.line = min(close + 1, end)
    return True


def _attrs(state: StateBlock, line: int, text: str) -> dict[str, str]:
    text = text.strip()
    if not text:
        return {}
    if not (text.startswith("{") and text.endswith("}")):
        _problem(state, line, "quiz.attrs", f"expected settings in braces such as {{#id pass=80}}, got {text!r}")
        return {}
    attrs, problem = parse_attrs(text[1:-1])
    if problem:
        _problem(state, line, "quiz.attrs", problem)
    return attrs


class _QuizBody:
    """Walks the lines between ``::: quiz`` and ``:::`` and pushes tokens."""

    def __init__(self, state: StateBlock, start: int, end: int) -> None:
        self.state = state
        self.start = start
        self.end = end
        self.free_from: int | None = None  # first line of a run of ordinary Markdown
        self.item: _Item | None = None
        self.in_question = False
        self.answers_started = False

    def emit(self) -> None:
        for n in range(self.start, self.end):
            self._line(n)
        self._flush_item()
        self._flush_free(self.end)
        if self.in_question:
            self.state.push("quiz_question_close", "section", -1)

    def _line(self, n: int) -> None:
        state, text, indent = self.state, _line(self.state, n), _indent(self.state, n)
        if not text:
            if self.item is not None and self.item.kind != "callout":
                self.item.parts.append("")
            return
        if indent >= 2 and self.item is not None and self.item.kind in ("choice", "item", "pair"):
            quote = QUOTE.match(text)
            if quote and self.item.kind == "choice":
                if self.item.feedback_line is None:
                    self.item.feedback_line = n
                self.item.feedback.append(quote.group(1))
            else:
                self.item.parts.append(text)
            return
        if indent < 4 and (heading := HEADING.match(text)):
            self._flush_item()
            self._flush_free(n)
            if self.in_question:
                state.push("quiz_question_close", "section", -1)
            stem, attr_text = split_attrs(heading.group(2))
            attrs: dict[str, str] = {}
            if attr_text is not None:
                attrs, problem = parse_attrs(attr_text)
                if problem:
                    _problem(state, n, "quiz.attrs", problem)
            token = state.push("quiz_question_open", "section", 1)
            token.map = [n, n + 1]
            token.meta = {"attrs": attrs, "level": len(heading.group(1))}
            self._inline(stem, n)
            self.in_question = True
            self.answers_started = False
            return
        item = self._answer_item(text, n) if indent < 4 and self.in_question else None
        if item is not None:
            self._flush_item()
            self._flush_free(n)
            self.item = item
            self.answers_started = True
            return
        if self.item is not None and self.item.kind == "callout" and (quote := QUOTE.match(text)):
            self.item.parts.append(quote.group(1))
            return
        self._flush_item()
        if self.answers_started:
            _problem(state, n, "quiz.stray_text", "text after the answers of a question is not shown; "
                     "move it above the answers or into a > [!feedback] line")
            return
        if self.free_from is None:
            self.free_from = n

    def _answer_item(self, text: str, n: int) -> _Item | None:
        if match := CHOICE.match(text):
            return _Item("choice", n, [match.group(3)], {
                "multiple": match.group(1) == "[", "correct": match.group(2).lower() == "x"})
        if match := ITEM.match(text):
            return _Item("item", n, [match.group(1)])
        if match := PAIR.match(text):
            return _Item("pair", n, [match.group(1), match.group(2)])
        if match := ANSWER.match(text):
            return _Item("answer", n, [match.group(1)])
        if match := CALLOUT.match(text):
            return _Item("callout", n, [match.group(2)], {"kind": match.group(1).lower()})
        return None

    def _flush_free(self, end: int) -> None:
        if self.free_from is None:
            return
        state = self.state
        old_max, old_parent = state.lineMax, state.parentType
        state.lineMax, state.parentType = end, "quiz"  # type: ignore[assignment]
        state.md.block.tokenize(state, self.free_from, end)
        state.lineMax, state.parentType = old_max, old_parent
        self.free_from = None

    def _flush_item(self) -> None:
        item, self.item = self.item, None
        if item is None:
            return
        state = self.state
        text = "\n".join(part.strip() for part in item.parts).strip()
        if item.kind == "answer":
            token = state.push("quiz_answer", "", 0)
            token.map = [item.line, item.line + 1]
            token.content = item.parts[0].strip()
            return
        if item.kind == "callout":
            self._feedback(item.meta["kind"], text, item.line)  # type: ignore[arg-type]
            return
        if item.kind == "pair":
            token = state.push("quiz_pair_open", "li", 1)
            token.map = [item.line, item.line + 1]
            self._inline(item.parts[0].strip(), item.line)
            self._inline("\n".join(p.strip() for p in item.parts[1:]).strip(), item.line)
            state.push("quiz_pair_close", "li", -1)
            return
        token = state.push(f"quiz_{item.kind}_open", "li", 1)
        token.map = [item.line, item.line + 1]
        token.meta = dict(item.meta)
        self._inline(text, item.line)
        if item.feedback:
            self._feedback("option", "\n".join(item.feedback).strip(), item.feedback_line or item.line)
        state.push(f"quiz_{item.kind}_close", "li", -1)

    def _feedback(self, kind: str, text: str, line: int) -> None:
        token = self.state.push("quiz_feedback_open", "div", 1)
        token.map = [line, line + 1]
        token.meta = {"kind": kind}
        self._inline(text, line)
        self.state.push("quiz_feedback_close", "div", -1)

    def _inline(self, text: str, line: int) -> None:
        token = self.state.push("inline", "", 0)
        token.content = text
        token.map = [line, line + 1]
        token.children = []

