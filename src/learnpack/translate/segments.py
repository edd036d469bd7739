"""The translatable text of a page, as segments with inline Markdown kept as placeholders.

A segment is one piece of text a translator sees: the page title, a heading, a paragraph,
a list item, a table cell, a question stem, an option, a feedback or hint text. Inline
Markdown (``**``, ``[``, ``](url)``, `` `code` ``, ``{#id}``) never reaches the translator as
text: it becomes numbered placeholders, so it cannot be broken, and what comes back can be
checked against the source.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from markdown_it.token import Token

from ..markdown import create_markdown

# Inline Markdown that is code, not text: code spans, link and image brackets with their
# targets, emphasis and strike-through runs, backslash escapes, autolinks.
INLINE_CODE = re.compile(
    r"(`+)[^`]*?\1"  # `code`
    r"|\]\([^)]*\)"  # ](target)
    r"|!\[|\["  # ![ and [
    r"|\\[!-/:-@\[-`{-~]"  # \* and other escapes
    r"|<[a-z][a-z0-9+.-]*:[^>\s]*>"  # <https://…>
    r"|\*+|_+(?=\W|$)|(?<=\W)_+|^_+|~~",
)
TRANSLATED_TYPES = {"inline"}
# What no page, YAML file or XML document can carry: control characters (but tab, line feed and
# NEL, which import turns into spaces or line breaks), surrogates and noncharacters.
UNCARRIED = ("\x00-\x08\x0b-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufdd0-\ufdef"
             + "".join(chr(plane + 0xFFFE) + chr(plane + 0xFFFF) for plane in range(0, 0x110000, 0x10000)))


@dataclass(frozen=True, slots=True)
class Segment:
    id: str  # stable within the page: "<line>.<n>"
    line: int  # 1-based line of the source
    kind: str  # title, heading, text, cell, stem, option, feedback, answer, quiz-title
    source: str  # the Markdown source of the segment
    pieces: tuple[str | int, ...]  # text, and placeholder numbers (1-based) standing for codes
    codes: tuple[str, ...]  # placeholder n -> its Markdown
    context: str = ""  # for the translator: "option of a single-choice question"

    @property
    def key(self) -> str:
        """What identifies the segment across edits: its kind and its source text, hashed."""
        return hashlib.sha256(f"{self.kind}\x1f{self.source}".encode()).hexdigest()[:8]

    @property
    def has_text(self) -> bool:
        return any(isinstance(p, str) and p.strip() for p in self.pieces)


def unit_ids(keys: list[str]) -> list[str]:
    """Each segment's id in exchange files and variant maps: its key, ``.n`` for the nth repeat.

    Two list items that both say "Ring 113." are two segments: the second is ``<key>.2``, so
    each keeps its own translation.
    """
    seen: dict[str, int] = {}
    ids = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        ids.append(key if seen[key] == 1 else f"{key}.{seen[key]}")
    return ids


def is_text_answer(answer: str) -> bool:
    """``= takykardi`` is text to translate; ``= true``, ``= 72`` and ``= 12..20`` are not."""
    text = answer.strip()
    return bool(text) and text.lower() not in ("true", "false") and not re.match(r"^[-−]?\d", text)


def split_inline(source: str) -> tuple[tuple[str | int, ...], tuple[str, ...]]:
    """``"Se **dette** nå"`` -> ``("Se ", 1, "dette", 2, " nå")``, ``("**", "**")``."""
    pieces: list[str | int] = []
    codes: list[str] = []
    last = 0
    for match in INLINE_CODE.finditer(source):
        if match.start() > last:
            pieces.append(source[last:match.start()])
        codes.append(match.group())
        pieces.append(len(codes))
        last = match.end()
    if last < len(source):
        pieces.append(source[last:])
    return tuple(pieces), tuple(codes)


def join_inline(pieces: list[str | int], codes: tuple[str, ...]) -> str:
    """The Markdown of translated pieces: placeholders back to their code, text escaped."""
    return "".join(codes[p - 1] if isinstance(p, int) else escape_text(p) for p in pieces)


def escape_text(text: str) -> str:
    """Translated text that cannot turn into Markdown syntax or quiz structure."""
    text = re.sub(r"([\\`*_\[\]<>|{}])", r"\\\1", text)  # {} could make an {#id}
    return re.sub(r"(?m)^(\s*)([#>=:+-]|\d+[.)])", r"\1\\\2", text)


def page_segments(text: str) -> list[Segment]:
    """Every translatable segment of a page, in order."""
    md = create_markdown()
    tokens = md.parse(text, {})
    segments: list[Segment] = []
    counts: dict[int, int] = {}

    def add(line: int, kind: str, source: str, context: str = "") -> None:
        pieces, codes = split_inline(source)
        counts[line] = counts.get(line, 0) + 1
        segment = Segment(f"{line}.{counts[line]}", line, kind, source, pieces, codes, context)
        if segment.has_text:
            segments.append(segment)

    if tokens and tokens[0].type == "front_matter":
        for offset, raw in enumerate(tokens[0].content.splitlines()):
            if match := re.match(r"^title:\s*(.+?)\s*$", raw):
                add(offset + 2, "title", match.group(1).strip("'\""))
    parents: list[Token] = []
    for token in tokens:
        if token.type == "quiz_open" and token.map is not None and token.meta.get("attrs", {}).get("title"):
            add(token.map[0] + 1, "quiz-title", token.meta["attrs"]["title"])
        if token.type == "quiz_answer" and token.map is not None and is_text_answer(token.content):
            add(token.map[0] + 1, "answer", token.content)
            continue
        if token.nesting == 1:
            parents.append(token)
        elif token.nesting == -1 and parents:
            parents.pop()
        if token.type != "inline" or token.map is None:
            continue
        parent = parents[-1].type if parents else ""
        context = _context(parents[-1]) if parents else ""
        kind = {"heading_open": "heading", "quiz_question_open": "stem", "quiz_choice_open": "option",
                "quiz_item_open": "option", "quiz_pair_open": "option", "quiz_feedback_open": "feedback",
                "th_open": "cell", "td_open": "cell"}.get(parent, "text")
        add(token.map[0] + 1, kind, token.content, context)
    return segments


def _context(parent: Token) -> str:
    """What a translator should know about where a text stands, beyond its kind."""
    if parent.type == "quiz_choice_open":
        return "option of a multiple-choice question" if parent.meta.get("multiple") else \
            "option of a single-choice question"
    if parent.type == "quiz_feedback_open":
        return {"option": "feedback on choosing an option", "hint": "hint of a question",
                "correct": "feedback on a right answer", "incorrect": "feedback on a wrong answer"}.get(
            str(parent.meta.get("kind")), "feedback of a question")
    return {"quiz_item_open": "item of an ordering question", "quiz_pair_open": "row of a matching question",
            "quiz_question_open": "question"}.get(parent.type, "")
