"""Translation files: export a course's segments as XLIFF 1.2 or PO, import them as variants.

Exported files carry the course id, the languages and each page's source hash. Imported
text is untrusted: it is checked against the source (every placeholder back, in order) and
escaped, so it can never become Markdown syntax, quiz structure, HTML or script. Variants are
written only when the whole file imported cleanly.
"""

from __future__ import annotations

import io
import json
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from lxml import etree

from .. import __version__
from ..errors import Diagnostics
from ..model import Course
from ..variants import source_hash, variant_path
from .segments import Segment, join_inline, page_segments
from .status import set_front_matter_key

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
PO_PLACEHOLDER = re.compile(r"\{(\d+)\}")


@dataclass(frozen=True, slots=True)
class PageExport:
    path: str  # relative to the course root, e.g. 01-intro/01-velkommen.md
    source_hash: str
    segments: list[Segment]


def course_pages(course: Course) -> list[PageExport]:
    return [
        PageExport(page.origin.path.relative_to(course.root).as_posix(), source_hash(page.origin.path),
                   page_segments(page.origin.path.read_text(encoding="utf-8")))
        for page in course.pages
    ]


# -- export ---------------------------------------------------------------------------------

def export_xliff(course: Course, language: str) -> bytes:
    """XLIFF 1.2, one <file> per page, the source text in <source> and in <target state="new">."""
    root = etree.Element(f"{{{XLIFF}}}xliff", nsmap={None: XLIFF}, version="1.2")  # type: ignore[dict-item]
    for page in course_pages(course):
        file = etree.SubElement(root, f"{{{XLIFF}}}file", original=page.path, datatype="x-markdown",
                                attrib={"source-language": course.language, "target-language": language,
                                        "tool-id": "learnpack"})
        header = etree.SubElement(file, f"{{{XLIFF}}}header")
        etree.SubElement(header, f"{{{XLIFF}}}tool", attrib={"tool-id": "learnpack", "tool-name": "learnpack",
                                                               "tool-version": __version__})
        props = etree.SubElement(header, f"{{{XLIFF}}}prop-group", name="learnpack")
        for name, value in (("course", course.config.id), ("source-hash", page.source_hash)):
            etree.SubElement(props, f"{{{XLIFF}}}prop", attrib={"prop-type": name}).text = value
        body = etree.SubElement(file, f"{{{XLIFF}}}body")
        for segment in page.segments:
            unit = etree.SubElement(body, f"{{{XLIFF}}}trans-unit", id=segment.id, resname=segment.kind)
            unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            _fill(etree.SubElement(unit, f"{{{XLIFF}}}source"), segment.pieces, segment.codes)
            _fill(etree.SubElement(unit, f"{{{XLIFF}}}target", state="new"), segment.pieces, segment.codes)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _fill(element: etree._Element, pieces: tuple[str | int, ...], codes: tuple[str, ...]) -> None:
    last: etree._Element | None = None
    for piece in pieces:
        if isinstance(piece, int):
            last = etree.SubElement(element, f"{{{XLIFF}}}ph", id=str(piece))
            last.text = codes[piece - 1]
        elif last is None:
            element.text = (element.text or "") + piece
        else:
            last.tail = (last.tail or "") + piece


def export_po(course: Course, language: str) -> bytes:
    """PO: msgctxt ``page.md:line.n``, placeholders as ``{1}``; the codes are in a comment."""
    catalog = Catalog(locale=language.replace("-", "_"), project=f"learnpack {course.config.id}",
                      version=course.config.version, fuzzy=False)
    catalog.domain = course.config.id
    for page in course_pages(course):
        for segment in page.segments:
            text = "".join(f"{{{p}}}" if isinstance(p, int) else p for p in segment.pieces)
            notes = [f"{segment.kind}; source-hash {page.source_hash}"]
            notes += [f"{{{n}}} = {code}" for n, code in enumerate(segment.codes, start=1)]
            catalog.add(text, "", context=f"{page.path}:{segment.id}", auto_comments=notes,
                        locations=[(page.path, segment.line)])
    catalog.header_comment = f"# Translation of the learnpack course {course.config.id} into {language}."
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False)
    return buffer.getvalue()


# -- import ---------------------------------------------------------------------------------

@dataclass
class _Unit:
    page: str
    segment: str
    pieces: list[str | int]
    line: int | None


def import_file(course: Course, path: Path, diagnostics: Diagnostics) -> tuple[str, list[Path]]:
    """Write the variants that ``path`` (XLIFF or PO) translates; return (language, files written).

    Nothing is written unless the whole file is valid for this course.
    """
    language, units = (_read_po if path.suffix == ".po" else _read_xliff)(course, path, diagnostics)
    if diagnostics.errors or language is None:
        return language or "", []
    pages = {p.path: p for p in course_pages(course)}
    outputs: dict[Path, str] = {}
    by_page: dict[str, dict[str, _Unit]] = {}
    for unit in units:
        by_page.setdefault(unit.page, {})[unit.segment] = unit
    for page_path, page_units in by_page.items():
        page = pages.get(page_path)
        if page is None:
            diagnostics.error(path, next(iter(page_units.values())).line,
                              f"{page_path!r} is not a page of course {course.config.id!r}", "i18n.import_page")
            continue
        segments = {s.id: s for s in page.segments}
        translated: dict[str, str] = {}
        for unit in page_units.values():
            segment = segments.get(unit.segment)
            if segment is None:
                diagnostics.error(path, unit.line, f"{page_path}: no segment {unit.segment!r} in the source; "
                                  "export again", "i18n.import_segment")
                continue
            wanted = [p for p in segment.pieces if isinstance(p, int)]
            got = [p for p in unit.pieces if isinstance(p, int)]
            if got != wanted:
                lost = [n for n in wanted if n not in got]
                problem = f"placeholders {lost} lost" if lost else "placeholders reordered or added"
                diagnostics.error(path, unit.line, f"{page_path} segment {unit.segment}: {problem} "
                                  f"(the source has {wanted}, the translation {got})", "i18n.placeholders")
                continue
            translated[segment.id] = join_inline(unit.pieces, segment.codes)
        source_file = course.root / page_path
        text = apply_translations(source_file.read_text(encoding="utf-8"), page.segments, translated)
        outputs[variant_path(source_file, language)] = text
    if diagnostics.errors:
        return language, []
    written = []
    with tempfile.TemporaryDirectory(dir=course.root, prefix=".learnpack-import-") as staging:
        staged = []
        for index, (target, text) in enumerate(sorted(outputs.items())):
            temporary = Path(staging) / f"{index}.md"
            temporary.write_text(text, encoding="utf-8")
            set_front_matter_key(temporary, text, "translated_from", source_hash(target.with_name(
                target.name.replace(f".{language}.md", ".md"))))
            staged.append((temporary, target))
        for temporary, target in staged:
            temporary.replace(target)
            written.append(target)
    return language, written


def apply_translations(text: str, segments: list[Segment], translated: dict[str, str]) -> str:
    """The page text with each translated segment put in place of its source."""
    lines = text.split("\n")
    cursor: dict[int, int] = {}
    edits = []
    for segment in segments:
        index = segment.line - 1
        source_lines = segment.source.split("\n")
        start = lines[index].find(source_lines[0], cursor.get(index, 0))
        if start < 0:
            continue
        last = index + len(source_lines) - 1
        if last > index:
            end = lines[last].find(source_lines[-1]) + len(source_lines[-1])
        else:
            end = start + len(source_lines[0])
        cursor[index] = end if last == index else 0
        if segment.id not in translated:
            continue
        if last > index:
            continuation = lines[index + 1][: lines[index + 1].find(source_lines[1])]
        else:
            continuation = " " * start if not lines[index][:start].strip() else ""
        replacement = translated[segment.id]
        if last == index:
            replacement = " ".join(replacement.split("\n"))  # a one-line segment stays on its line
        if segment.kind == "title":
            replacement = json.dumps(replacement.replace("\\", ""), ensure_ascii=False)
        replacement = replacement.replace("\n", "\n" + continuation)
        edits.append((index, start, last, end, replacement))
    for index, start, last, end, replacement in sorted(edits, reverse=True):
        head, tail = lines[index][:start], lines[last][end:]
        lines[index:last + 1] = (head + replacement + tail).split("\n")
    return "\n".join(lines)


def _read_xliff(course: Course, path: Path, diagnostics: Diagnostics) -> tuple[str | None, list[_Unit]]:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.parse(str(path), parser).getroot()
    except (etree.XMLSyntaxError, OSError) as error:
        line = getattr(error, "lineno", None)
        diagnostics.error(path, line, f"not a readable XLIFF file: {error}", "i18n.import_syntax")
        return None, []
    if root.tag != f"{{{XLIFF}}}xliff":
        diagnostics.error(path, root.sourceline, "not an XLIFF 1.2 file", "i18n.import_syntax")
        return None, []
    language = None
    units = []
    for file in root.iter(f"{{{XLIFF}}}file"):
        props = {p.get("prop-type"): p.text for p in file.iter(f"{{{XLIFF}}}prop")}
        if props.get("course") != course.config.id:
            diagnostics.error(path, file.sourceline, f"this file is for course {props.get('course')!r}, "
                              f"not {course.config.id!r}", "i18n.import_course")
            return None, []
        target_language = file.get("target-language") or ""
        if target_language not in course.config.languages or target_language == course.language:
            diagnostics.error(path, file.sourceline, f"target language {target_language!r} is not a translation "
                              "language of this course (see languages in course.yml)", "i18n.import_language")
            return None, []
        language = target_language
        for unit in file.iter(f"{{{XLIFF}}}trans-unit"):
            target = unit.find(f"{{{XLIFF}}}target")
            if target is None or target.get("state") == "new":
                continue  # untranslated: stays in the source language
            units.append(_Unit(file.get("original", ""), unit.get("id", ""), _pieces(target), target.sourceline))
    return language, units


def _pieces(element: etree._Element) -> list[str | int]:
    pieces: list[str | int] = [element.text] if element.text else []
    for child in element:
        if child.tag == f"{{{XLIFF}}}ph" and (child.get("id") or "").isdigit():
            pieces.append(int(child.get("id")))
        else:
            pieces.append("".join(child.itertext()))  # anything else is text, never markup
        if child.tail:
            pieces.append(child.tail)
    return pieces


def _read_po(course: Course, path: Path, diagnostics: Diagnostics) -> tuple[str | None, list[_Unit]]:
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except (PoFileError, OSError, UnicodeDecodeError, ValueError) as error:
        diagnostics.error(path, getattr(error, "lineno", None), f"not a readable PO file: {error}",
                          "i18n.import_syntax")
        return None, []
    if catalog.domain != course.config.id and catalog.project != f"learnpack {course.config.id}":
        diagnostics.error(path, 1, f"this file is for {catalog.project!r}, not learnpack {course.config.id!r}",
                          "i18n.import_course")
        return None, []
    language = str(catalog.locale).replace("_", "-") if catalog.locale else ""
    if language not in course.config.languages or language == course.language:
        diagnostics.error(path, 1, f"language {language!r} is not a translation language of this course",
                          "i18n.import_language")
        return None, []
    units = []
    for message in catalog:
        if not message.context or not message.string or message.fuzzy:
            continue
        page, _, segment = str(message.context).rpartition(":")
        text = str(message.string)
        pieces: list[str | int] = []
        last = 0
        for match in PO_PLACEHOLDER.finditer(text):
            if match.start() > last:
                pieces.append(text[last:match.start()])
            pieces.append(int(match.group(1)))
            last = match.end()
        if last < len(text):
            pieces.append(text[last:])
        units.append(_Unit(page, segment, pieces, message.lineno))
    return language, units
