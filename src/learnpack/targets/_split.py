"""Links between modules when ``--split modules`` makes each module a package of its own.

A page may link to a page of another module (``[les mer](../02-quiz/01-sporsmal.md)``). A
package that holds one module does not have that page, so the link would be dead: the
check warns about each one, with its file and line from the page's markdown-it tokens,
and the SCORM target turns it into its text followed by the name of the module
(:func:`unlink_pages`, with lxml on the written page).
"""

from __future__ import annotations

import posixpath
from collections.abc import Iterator, Mapping
from pathlib import Path
from urllib.parse import unquote

import lxml.html
from markdown_it import MarkdownIt
from markdown_it.token import Token

from ..errors import Diagnostics
from ..i18n.catalog import text_direction
from ..markdown import create_markdown
from ..model import Course, Module
from ..pages import SCHEME

CODE = "scorm.split_link"


def check_split_links(course: Course, diagnostics: Diagnostics) -> None:
    """Warn about every link from a page to a page of another module, in every language."""
    module_of: dict[str, Module] = {page.id: module for module in course.modules for page in module.pages}
    md = create_markdown()
    seen: set[Path] = set()
    for translated in course.in_languages():
        for module in translated.modules:
            for page in module.pages:
                path = page.origin.path
                if path in seen:
                    continue  # a page shown in a fallback language
                seen.add(path)
                for line, href, target in _page_links(md, path, course.root):
                    other = module_of.get(target)
                    if other is not None and other.slug != module.slug:
                        diagnostics.warning(
                            path, line, f"link to {href!r} leads to module {other.slug} («{other.title}»), a "
                            "package of its own with --split modules: there the link is plain text naming the "
                            "module", CODE)


def unlink_pages(html: str, page_id: str, modules: Mapping[str, tuple[str, str]], module: str, note: str,
                 language: str) -> str | None:
    """The page ``page_id`` with its links to pages of modules other than ``module`` turned into text.

    ``modules`` maps the id of every page of the course to the slug and title of its module.
    A link keeps its text, followed by ``note`` (in ``language``) with the title in place of
    ``{module}``, in ``<bdi>`` so that a title in another script keeps its order. Returns
    ``None`` when the page has no such link.
    """
    root = lxml.html.document_fromstring(html)
    folder = posixpath.dirname(page_id)
    away = []
    for link in root.iter("a"):
        slug, title = modules.get(_output_target(folder, link.get("href") or "") or "", (module, ""))
        if slug != module:
            away.append((link, title))
    if not away:
        return None
    before, _, after = note.partition("{module}")
    for link, title in away:
        span = lxml.html.Element("span", {"class": "other-module"})
        if link.xpath("string(ancestor::*[@lang][1]/@lang)") != language:  # a page shown in a fallback language
            span.set("lang", language)
            span.set("dir", text_direction(language))
        span.text = before
        name = lxml.html.Element("bdi")
        name.text = title
        name.tail = after
        span.append(name)
        span.tail = link.tail
        link.tail = " "
        link.addnext(span)
        link.drop_tag()
    doctype = root.getroottree().docinfo.doctype or "<!DOCTYPE html>"
    return lxml.html.tostring(root, encoding="unicode", doctype=doctype) + "\n"


def _page_links(md: MarkdownIt, path: Path, root: Path) -> Iterator[tuple[int | None, str, str]]:
    """(line, href, id of the page it points at) for each link of the page source at ``path``."""
    for line, token in _links(md.parse(path.read_text(encoding="utf-8"), {})):
        href = str(token.attrGet("href") or "")
        reference = unquote(href.partition("#")[0].split("?", 1)[0])
        if not reference or SCHEME.match(reference) or not reference.endswith(".md"):
            continue
        target = (path.parent / reference).resolve()
        if target.is_relative_to(root):
            yield line, href, target.relative_to(root).with_suffix("").as_posix()


def _links(tokens: list[Token]) -> Iterator[tuple[int | None, Token]]:
    """Every ``link_open`` token with the 1-based line it is on."""
    for token in tokens:
        breaks = 0
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
            elif child.type == "link_open":
                yield (token.map[0] + 1 + breaks if token.map else None), child


def _output_target(folder: str, href: str) -> str | None:
    """The id of the page a written page's ``href`` points at (``../02-quiz/01-sporsmal.html``)."""
    reference = unquote(href.partition("#")[0].split("?", 1)[0])
    if not reference.endswith(".html") or SCHEME.match(reference) or reference.startswith("/"):
        return None
    return posixpath.normpath(posixpath.join(folder, reference)).removesuffix(".html")
