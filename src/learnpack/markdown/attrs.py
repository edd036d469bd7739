"""The ``{#id key=value flag}`` attribute blocks used after ``::: quiz`` and question headings."""

from __future__ import annotations

import re

ATTRS_AT_END = re.compile(r"\s*(?<!\\)\{([^{}]*)\}\s*$")  # \{…} is text
_ATTR = re.compile(
    r"""\s*(?:\#(?P<id>[^\s}]+)"""  # #id
    r"""|(?P<key>[A-Za-z_][\w-]*)(?:=(?:"(?P<dq>[^"]*)"|'(?P<sq>[^']*)'|(?P<bare>[^\s"']+)))?)"""  # key=value, flag
)


def parse_attrs(text: str) -> tuple[dict[str, str], str | None]:
    """Parse the inside of ``{...}``; a flag without a value gets ``"true"``.

    Returns the attributes and a problem description, or None when all was understood.
    """
    attrs: dict[str, str] = {}
    pos = 0
    text = text.strip()
    while pos < len(text):
        match = _ATTR.match(text, pos)
        if match is None or match.end() == pos:
            return attrs, f"cannot read attribute near {text[pos:pos + 20]!r}"
        if match.group("id") is not None:
            attrs["id"] = match.group("id")
        else:
            value = next((v for v in match.group("dq", "sq", "bare") if v is not None), "true")
            attrs[match.group("key")] = value
        pos = match.end()
        while pos < len(text) and text[pos] in " \t":
            pos += 1
    return attrs, None


def split_attrs(text: str) -> tuple[str, str | None]:
    """Split ``"Stem text {#id}"`` into the text and the attribute source (or None)."""
    match = ATTRS_AT_END.search(text)
    if match is None:
        return text.rstrip(), None
    return text[: match.start()].rstrip(), match.group(1)
