"""A compact, readable dump of quiz tokens for the fixture tests."""

from __future__ import annotations

import json

from markdown_it.token import Token


def dump(tokens: list[Token]) -> str:
    lines = []
    for token in tokens:
        if token.nesting == -1:
            continue
        indent = "  " * token.level
        line = f"@{token.map[0] + 1}" if token.map else ""
        name = token.type.removesuffix("_open")
        if token.type == "inline":
            lines.append(f"{indent}text {line}: {token.content!r}")
        elif name.startswith("quiz"):
            meta = {k: v for k, v in sorted(token.meta.items())} if token.meta else {}
            detail = f" {json.dumps(meta, ensure_ascii=False, sort_keys=True)}" if meta else ""
            content = f": {token.content!r}" if token.content else ""
            lines.append(f"{indent}{name}{detail} {line}{content}".rstrip())
        else:
            lines.append(f"{indent}{name} {line}".rstrip())
    return "\n".join(lines) + "\n"
