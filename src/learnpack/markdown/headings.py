"""Heading ids that links can rely on: ``## Slik gjør du {#slik}``, and in a translation the source's ids.

A ``{#id}`` at the end of a heading is its id. Without one, a translation's headings take
the ids of the source page's headings in order (``env[SOURCE_HEADINGS]``), so a link to
``01-puls.md#slik-gjor-du`` finds its heading in every language. Headings left over get
ids from their text (``anchors_plugin``, which keeps every id set here). Problems go to
``env["heading_problems"]`` as ``(line, code, message)``: rules never raise.
"""

from __future__ import annotations

from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from ..slugs import ID_PATTERN
from .attrs import parse_attrs, split_attrs

SECTION_LEVELS = (2, 3, 4)  # the headings that always get an id, and that a translation keeps
SOURCE_HEADINGS = "source_headings"  # env key: ``(level, id)`` of the source page's headings, in order


def heading_ids_plugin(md: MarkdownIt) -> None:
    """Register the rule that sets explicit and inherited heading ids (before ids come from text)."""
    md.core.ruler.after("block", "heading_ids", _heading_ids)


def match_headings(source: Sequence[int], variant: Sequence[int]) -> dict[int, int]:
    """Which source heading each heading of a translation stands for, from their levels.

    The same number of headings: one to one, in order. Otherwise the headings at the start
    and at the end that agree in level; the ones in between stand for none.
    """
    if len(source) == len(variant):
        return {index: index for index in range(len(variant))}
    limit = min(len(source), len(variant))
    start = 0
    while start < limit and source[start] == variant[start]:
        start += 1
    end = 0
    while end < limit - start and source[-1 - end] == variant[-1 - end]:
        end += 1
    pairs = {index: index for index in range(start)}
    pairs.update({len(variant) - 1 - k: len(source) - 1 - k for k in range(end)})
    return pairs


def _heading_ids(state: StateCore) -> None:
    sections: list[Token] = []
    for index, token in enumerate(state.tokens):
        if token.type == "heading_open":
            _explicit_id(state, token, state.tokens[index + 1])
            if _level(token) in SECTION_LEVELS:
                sections.append(token)
    inherited = [(level, id_) for level, id_ in state.env.get(SOURCE_HEADINGS) or () if level in SECTION_LEVELS]
    if not inherited:
        return
    pairs = match_headings([level for level, _ in inherited], [_level(token) for token in sections])
    for ours, theirs in pairs.items():
        if not sections[ours].attrGet("id"):
            sections[ours].attrSet("id", inherited[theirs][1])


def _explicit_id(state: StateCore, heading: Token, inline: Token) -> None:
    """``## Tittel {#id}``: the id on the heading, the text without it."""
    text, attrs = split_attrs(inline.content)
    if attrs is None or not attrs.lstrip().startswith("#"):
        return
    inline.content = text
    parsed, problem = parse_attrs(attrs)
    heading_id = parsed.get("id", "")
    if problem is None and set(parsed) == {"id"} and ID_PATTERN.match(heading_id):
        heading.attrSet("id", heading_id)
        return
    line = heading.map[0] + 1 if heading.map else None
    state.env.setdefault("heading_problems", []).append((
        line, "heading.invalid_id",
        f"heading id {{{attrs.strip()}}}: write {{#id}} with letters, digits, '-' and '_', starting with a letter"))


def _level(heading: Token) -> int:
    return int(heading.tag[1:])
