"""The Markdown dialect of learnpack: CommonMark + tables + front matter + quizzes + callouts.

Raw HTML is off: author and translator text can never inject markup or script.

Parsing needs nothing but the text. Rendering is the targets' job (``targets/_render.py``),
and the render rules here read what they need from the render ``env``:

``urls`` and ``page``
    the target's :class:`~learnpack.targets._urls.SiteUrls` and the source path of the page
    being rendered: links and media the loader checked (``token.meta["reference"]``) get
    their URL from them.
``strings``
    the interface strings (callout labels, the table scroll label), in the interface language.
``interface``
    ``' lang=".." dir=".."'`` for interface text inside content of another language, or "".
``isolate``
    true in right-to-left content: Latin runs and numbers are isolated in ``<bdi>``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.common.utils import escapeHtml
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

from ..slugs import slugify
from ..webvtt import data_url
from .callouts import callouts_plugin
from .headings import heading_ids_plugin
from .quiz import quiz_plugin

VIDEO_SUFFIXES = {".mp4", ".webm", ".ogv", ".m4v"}
AUDIO_SUFFIXES = {".mp3", ".m4a", ".ogg", ".oga", ".wav", ".opus"}


def create_markdown() -> MarkdownIt:
    """A fresh parser with every learnpack extension."""
    md = MarkdownIt("commonmark", {"html": False, "typographer": False})
    md.enable(["table", "strikethrough"])
    md.use(front_matter_plugin).use(quiz_plugin).use(callouts_plugin)
    md.use(heading_ids_plugin).use(anchors_plugin, min_level=2, max_level=4, slug_func=_heading_slug)
    md.add_render_rule("text", _render_text)
    md.add_render_rule("image", _render_media)
    md.add_render_rule("link_open", _render_link_open)
    md.add_render_rule("table_open", _render_table_open)
    md.add_render_rule("table_close", lambda *a: "</table></div>\n")
    return md


# Runs of Latin letters and digits inside right-to-left text: "60–100", "NEWS2", "37,5 °C", "radial pulse",
# "(KOLS)", "[BT]", "(2,5 mg)": brackets are taken in only with their partner (see _ltr_spans).
LTR_RUN = re.compile(r"[(\[]*[0-9A-Za-z\u00C0-\u024F]"
                     r"(?:[0-9A-Za-z\u00C0-\u024F.,:;%°–\-/+()\[\] ]*[0-9A-Za-z\u00C0-\u024F%°)\]])?")
PARTNERS = {")": "(", "]": "["}


def _render_text(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """Text; in right-to-left pages, numbers and Latin terms isolated in ``<bdi>`` so they keep their order."""
    text = tokens[idx].content
    if "hyphenate" in env:
        text = env["hyphenate"](text)
    if not env.get("isolate"):
        return escapeHtml(text)
    parts, last = [], 0
    for start, end in _ltr_spans(text, 0, len(text)):
        parts.append(escapeHtml(text[last:start]))
        parts.append(f"<bdi>{escapeHtml(text[start:end])}</bdi>")
        last = end
    parts.append(escapeHtml(text[last:]))
    return "".join(parts)


def _ltr_spans(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The runs of ``text[start:end]`` to isolate. A bracket without its partner in the run
    stays outside, and the run is cut there: a pair of brackets is never split by an isolate.
    """
    for match in LTR_RUN.finditer(text, start, end):
        lone = _lone_brackets(match.group())
        if not lone:
            yield match.span()
            continue
        cut = match.start()
        for offset in [*lone, match.end() - match.start()]:
            yield from _ltr_spans(text, cut, match.start() + offset)
            cut = match.start() + offset + 1


def _lone_brackets(run: str) -> list[int]:
    """Where ``run`` has a bracket that is not paired with one inside it: ``"(KOLS"`` -> ``[0]``."""
    opened: list[int] = []
    lone: list[int] = []
    for index, char in enumerate(run):
        if char in "([":
            opened.append(index)
        elif char in PARTNERS:
            if opened and run[opened[-1]] == PARTNERS[char]:
                opened.pop()
            else:
                lone.append(index)
    return sorted(lone + opened)


def _heading_slug(text: str) -> str:
    """Heading ids as authors can guess them: ``Slik gjør du`` -> ``slik-gjor-du``."""
    return slugify(text, max_length=60) or "section"


def _url(token: Token, attr: str, env: dict[str, Any]) -> str:
    """The URL of a checked reference, from the target; the author's text if it needs none."""
    reference = token.meta.get("reference")
    if reference is None or "urls" not in env:
        return str(token.attrGet(attr) or "")
    return str(env["urls"].href(reference, env["page"]))


def _render_media(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    """Images as ``<img>``; video and audio files as players with their caption tracks, which the page
    carries as ``data:`` URLs (a ``.vtt`` file's URL does not load from ``file://``: see ``webvtt``)."""
    token = tokens[idx]
    src = _url(token, "src", env)
    alt = self.renderInlineAsText(token.children or [], options, env)
    suffix = "." + src.rsplit(".", 1)[-1].lower() if "." in src else ""
    if suffix in VIDEO_SUFFIXES or suffix in AUDIO_SUFFIXES:
        tag = "video" if suffix in VIDEO_SUFFIXES else "audio"
        tracks = "".join(
            f'<track kind="captions" src="{escapeHtml(data_url(t.text))}"'
            f' srclang="{escapeHtml(t.language)}" label="{escapeHtml(t.label)}"{" default" if i == 0 else ""}>'
            for i, t in enumerate(token.meta.get("captions", []))
        )
        return (f'<figure class="media"><{tag} controls preload="metadata" src="{escapeHtml(src)}">'
                f"{tracks}</{tag}><figcaption>{escapeHtml(alt)}</figcaption></figure>")
    title = token.attrGet("title")
    title_attr = f' title="{escapeHtml(str(title))}"' if title else ""
    return f'<img src="{escapeHtml(src)}" alt="{escapeHtml(alt)}"{title_attr} loading="lazy" decoding="async">'


def _render_link_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    link = tokens[idx].copy()  # the model's token stays as the author wrote it
    href = _url(link, "href", env)
    link.attrSet("href", href)
    if href.startswith(("http:", "https:")):
        link.attrSet("rel", "noopener noreferrer")
    return self.renderToken([link], 0, options, env)


def _render_table_open(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: dict[str, Any]) -> str:
    # A focusable, labelled scroll box keeps wide tables usable on a 360 px screen.
    label = escapeHtml(env.get("strings", {}).get("table.scroll", "Table"))
    if env.get("interface"):  # the label is interface text in content of another language: say its own
        env["tables"] = number = env.get("tables", 0) + 1
        return (f'<div class="table-scroll" tabindex="0" role="region" aria-labelledby="table-label-{number}">'
                f'<span id="table-label-{number}" hidden{env["interface"]}>{label}</span>') + self.renderToken(
            tokens, idx, options, env)
    return f'<div class="table-scroll" tabindex="0" role="region" aria-label="{label}">' + self.renderToken(
        tokens, idx, options, env
    )
