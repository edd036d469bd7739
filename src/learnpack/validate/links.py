"""The links of a package's HTML pages: every page or file they point at must be in the package.

Pages are parsed in memory with lxml.html, and each reference resolves against the page's
own path the way a browser resolves it. Fragments, ``mailto:``, ``tel:``, ``data:`` and
``javascript:`` are skipped; web addresses are not errors, but a page that loads a file
from the internet gets a warning.
"""

from __future__ import annotations

import posixpath
from collections.abc import Collection, Iterator, Mapping
from urllib.parse import unquote

import lxml.html
from lxml import etree

from learnpack.errors import Diagnostic
from learnpack.validate.manifest import url_scheme

#: What a browser follows or loads, per element.
ATTRIBUTES: dict[str, tuple[str, ...]] = {
    "a": ("href",), "area": ("href",), "link": ("href",),
    "img": ("src", "srcset"), "source": ("src", "srcset"), "script": ("src",), "iframe": ("src",),
    "frame": ("src",), "audio": ("src",), "video": ("src", "poster"), "track": ("src",), "embed": ("src",),
    "object": ("data",),
}
SKIPPED_SCHEMES = {"mailto", "tel", "sms", "data", "javascript", "about", "blob"}
WEB_SCHEMES = {"http", "https", "ftp"}
PAGE_SUFFIXES = (".html", ".htm")


def is_page(name: str) -> bool:
    """Whether the member ``name`` is an HTML page whose links are checked."""
    return name.lower().endswith(PAGE_SUFFIXES)


def missing_hint(target: str, files: Collection[str]) -> str:
    """A hint when ``target`` is in ``files`` with other letter case, else ``""``."""
    other = next((name for name in files if name.lower() == target.lower()), None)
    return f" (the zip has {other!r}: names are case-sensitive on most servers)" if other else ""


def check_links(pages: Mapping[str, bytes], files: Collection[str]) -> list[Diagnostic]:
    """Every reference of the HTML ``pages`` (member name -> content) to a file not in ``files``."""
    members = set(files)
    out: list[Diagnostic] = []
    for name in sorted(pages):
        out += _check_page(name, pages[name], members)
    return out


def _check_page(name: str, data: bytes, files: set[str]) -> list[Diagnostic]:
    if not data.strip():
        return []
    try:
        root = lxml.html.document_fromstring(data)
    except (etree.ParserError, ValueError):
        return [Diagnostic.of("warning", "package.page_unreadable", "cannot be read as HTML: its links are not checked",
                        name)]
    folder = _base_folder(root, name)
    if folder is None:
        return []  # <base href> points off the package: nothing here resolves into it
    out: list[Diagnostic] = []
    seen: set[tuple[str, str]] = set()
    for element, attribute, reference in _references(root):
        finding = _check_reference(name, folder, element, attribute, reference, files)
        if finding is not None and (finding.code, finding.message) not in seen:
            seen.add((finding.code, finding.message))
            out.append(finding)
    return out


def _references(root: etree._Element) -> Iterator[tuple[etree._Element, str, str]]:
    for element in root.iter(*ATTRIBUTES):
        for attribute in ATTRIBUTES[str(element.tag)]:
            value = element.get(attribute)
            if value is None:
                continue
            if attribute == "srcset":
                for candidate in value.split(","):
                    url = candidate.split()
                    if url:
                        yield element, attribute, url[0]
            else:
                yield element, attribute, value


def _base_folder(root: etree._Element, name: str) -> str | None:
    """The folder relative references resolve from: the page's, or its ``<base href>``'s."""
    folder = posixpath.dirname(name)
    base = root.find(".//base[@href]")
    if base is None:
        return folder
    href = (base.get("href") or "").strip()
    if url_scheme(href) or href.startswith("/"):
        return None
    resolved = _join(folder, unquote(href.split("?")[0].split("#")[0]))
    if resolved is None:
        return None
    return resolved if href.endswith("/") or not href else posixpath.dirname(resolved)


def _check_reference(name: str, folder: str, element: etree._Element, attribute: str, reference: str,
                     files: set[str]) -> Diagnostic | None:
    reference = reference.strip()
    what = f"<{element.tag} {attribute}> {reference!r}"

    def finding(severity: str, code: str, message: str) -> Diagnostic:
        return Diagnostic.of(severity, code, f"{what} {message}", name, element.sourceline)

    if not reference or reference.startswith("#"):
        return None
    scheme = url_scheme(reference)
    if scheme in SKIPPED_SCHEMES:
        return None
    if scheme in WEB_SCHEMES or reference.startswith("//"):
        if element.tag in ("a", "area") or (element.tag == "link" and "stylesheet" not in _rel(element)):
            return None  # a link to a website, not part of the page
        return finding("warning", "package.remote_file",
                       "is loaded from the internet: the page needs a network connection, and LMSs may block it")
    if scheme is not None:
        where = "a path on a Windows computer" if len(scheme) == 1 else f"a {scheme}: address"
        return finding("error", "package.link_outside", f"points at {where}, not at a file of the package")
    path = unquote(reference.replace("\\", "/").split("#")[0].split("?")[0])
    if path.startswith("/"):
        return finding("error", "package.link_outside",
                       "starts with '/': it points at the web server's root, not into the package")
    if not path:
        return None  # "?query": the page itself
    target = _join(folder, path)
    if target is None:
        return finding("error", "package.link_outside", "leads outside the package (too many '..')")
    if path.endswith("/") or posixpath.basename(path) in (".", ".."):
        target = posixpath.join(target, "index.html") if target else "index.html"
    if target in files:
        return None
    return finding("error", "package.missing_file",
                   f"points at {target!r}, which is not in the package{missing_hint(target, files)}")


def _join(folder: str, path: str) -> str | None:
    """``folder/path`` normalised, ``""`` for the root, ``None`` when it climbs above the root."""
    joined = posixpath.normpath(posixpath.join(folder, path)) if folder or path else "."
    if joined == ".." or joined.startswith("../"):
        return None
    return "" if joined == "." else joined


def _rel(element: etree._Element) -> set[str]:
    return set((element.get("rel") or "").lower().split())
