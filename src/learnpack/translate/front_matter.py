"""The keys learnpack writes into a translation's front matter, and writing the file safely."""

from __future__ import annotations

import re
from pathlib import Path

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)


def with_key(text: str, key: str, value: str | None) -> str:
    """``text`` with ``key: "value"`` in its front matter (added if there is none); ``None`` removes the key."""
    match = FRONT_MATTER.match(text)
    line = f'{key}: "{value}"\n' if value is not None else ""  # quoted: "0123…" is a hash, not a number
    if match is None:
        return f"---\n{line}---\n{text}" if line else text
    body = re.sub(rf"(?m)^{re.escape(key)}:.*\n", "", match.group(1) or "") + line
    return f"---\n{body}---\n" + text[match.end():]


def write(path: Path, text: str) -> None:
    """Replace ``path`` whole: never a half-written translation."""
    temporary = path.with_name(f".{path.name}.learnpack-tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
