"""``::: note``, ``::: tip`` and ``::: warning`` boxes, on top of mdit-py-plugins' container."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

KINDS = ("note", "tip", "warning")


def callouts_plugin(md: MarkdownIt) -> None:
    for kind in KINDS:
        container_plugin(md, name=kind, render=_render(kind))


def _render(kind: str) -> Any:
    def render(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
        if tokens[idx].nesting == 1:
            label = env.get("strings", {}).get(f"callout.{kind}", kind.capitalize())
            return (f'<aside class="callout callout-{kind}" role="note">\n'
                    f'<p class="callout-label"{env.get("interface", "")}>{escapeHtml(label)}</p>\n')
        return "</aside>\n"

    return render
