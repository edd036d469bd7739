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
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po
from lxml import etree

from .. import __version__
from ..errors import CourseError, Diagnostics
from ..model import Course
from ..variants import OUTDATED_SOURCE, source_hash, variant_path
from .alignment import MAP_KEY, Alignment, align, front_matter_values, segment_map
from .config_texts import ConfigText, clean, config_texts, with_translations
from .front_matter import with_key
from .segments import UNCARRIED, Segment, is_text_answer, join_inline, page_segments, unit_ids

XLIFF = "urn:oasis:names:tc:xliff:document:1.2"
# In a PO string: a literal "{1}" (written {{1}}), a lone "{" typed before a placeholder ({{1}),
# a placeholder ({1}), a doubled brace, other text, and a single brace, which is literal too.
PO_TOKEN = re.compile(r"\{\{(?P<literal>\d+)\}\}|\{(?=\{\d+\}(?!\}))|\{(?P<number>\d+)\}|\{\{|\}\}|[^{}]+|[{}]")


@dataclass(frozen=True, slots=True)
class PageExport:
    path: str  # relative to the course root, e.g. 01-intro/01-velkommen.md
    source_hash: str
    title: str
    segments: list[Segment]
    units: list[str]  # the unit id of each segment: its key, with ".n" for the nth repeat in the page
    alignment: Alignment | None  # what the existing variant holds; None: it cannot be aligned


def course_pages(course: Course, language: str | None = None) -> list[PageExport]:
    """Every page's segments, with what the ``language`` variant already translates."""
    pages = []
    for page in course.pages:
        path = page.origin.path
        segments = page_segments(path.read_text(encoding="utf-8"))
        units = unit_ids([segment.key for segment in segments])
        alignment = align(path, variant_path(path, language)) if language else Alignment({})
        pages.append(PageExport(path.relative_to(course.root).as_posix(), source_hash(path), page.title,
                                segments, units, alignment))
    return pages


def prefilled(page: PageExport, segment: Segment, unit: str) -> tuple[str | int, ...] | None:
    """The existing translation of ``segment`` (the page's ``unit``) in the source's placeholders, or None."""
    found = page.alignment.translation(unit) if page.alignment else None
    if found is None or found.codes != segment.codes:
        return None
    return found.pieces


NOTES = {"title": "page title", "heading": "heading", "text": "text", "cell": "table cell",
         "stem": "question", "option": "option of a question", "feedback": "feedback or hint of a question",
         "answer": "accepted answer of a text question (stays text: no number, no true/false)",
         "quiz-title": "title of a quiz"}


def unit_note(page: PageExport, segment: Segment) -> str:
    what = segment.context or NOTES.get(segment.kind, segment.kind)
    return f"{what}, on the page «{page.title}» ({page.path}:{segment.line})"


# -- export ---------------------------------------------------------------------------------

def export_xliff(course: Course, language: str) -> bytes:
    """XLIFF 1.2, one <file> per page; targets hold the existing translation (state translated) or
    the source text (state new), and a note gives the translator the context."""
    root = etree.Element(f"{{{XLIFF}}}xliff", nsmap={None: XLIFF}, version="1.2")  # type: ignore[dict-item]
    for page in course_pages(course, language):
        file = etree.SubElement(root, f"{{{XLIFF}}}file", original=page.path, datatype="x-markdown",
                                attrib={"source-language": course.source_language, "target-language": language,
                                        "tool-id": "learnpack"})
        header = etree.SubElement(file, f"{{{XLIFF}}}header")
        etree.SubElement(header, f"{{{XLIFF}}}tool", attrib={"tool-id": "learnpack", "tool-name": "learnpack",
                                                               "tool-version": __version__})
        props = etree.SubElement(header, f"{{{XLIFF}}}prop-group", name="learnpack")
        for name, value in (("course", course.config.id), ("source-hash", page.source_hash)):
            etree.SubElement(props, f"{{{XLIFF}}}prop", attrib={"prop-type": name}).text = value
        body = etree.SubElement(file, f"{{{XLIFF}}}body")
        for segment, unit_id in zip(page.segments, page.units, strict=True):
            unit = etree.SubElement(body, f"{{{XLIFF}}}trans-unit", id=unit_id, resname=segment.kind)
            unit.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
            _fill(etree.SubElement(unit, f"{{{XLIFF}}}source"), segment.pieces, segment.codes)
            existing = prefilled(page, segment, unit_id)
            target = etree.SubElement(unit, f"{{{XLIFF}}}target", state="translated" if existing else "new")
            _fill(target, existing or segment.pieces, segment.codes)
            etree.SubElement(unit, f"{{{XLIFF}}}note").text = unit_note(page, segment)
    for name, texts in _config_files(course, language).items():
        file = etree.SubElement(root, f"{{{XLIFF}}}file", original=name, datatype="x-yaml",
                                attrib={"source-language": course.source_language, "target-language": language,
                                        "tool-id": "learnpack"})
        header = etree.SubElement(file, f"{{{XLIFF}}}header")
        props = etree.SubElement(header, f"{{{XLIFF}}}prop-group", name="learnpack")
        etree.SubElement(props, f"{{{XLIFF}}}prop", attrib={"prop-type": "course"}).text = course.config.id
        body = etree.SubElement(file, f"{{{XLIFF}}}body")
        for text in texts:
            unit = etree.SubElement(body, f"{{{XLIFF}}}trans-unit", id=text.key, resname=text.kind)
            etree.SubElement(unit, f"{{{XLIFF}}}source").text = text.source
            # A title translated from today's source is current; one by hand or of an older source is for review.
            state = {"translated": "translated", "missing": "new"}.get(text.state, "needs-review-translation")
            etree.SubElement(unit, f"{{{XLIFF}}}target", state=state).text = text.existing or text.source
            etree.SubElement(unit, f"{{{XLIFF}}}note").text = f"{text.field} of the {text.kind.split('-')[0]} ({name})"
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _config_files(course: Course, language: str) -> dict[str, list[ConfigText]]:
    files: dict[str, list[ConfigText]] = {}
    for text in config_texts(course, language):
        files.setdefault(text.file, []).append(text)
    return files


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
    """PO: msgctxt ``page.md:<unit>``, placeholders as ``{1}``; msgstr holds the existing translation."""
    catalog = Catalog(locale=language.replace("-", "_"), project=f"learnpack {course.config.id}",
                      version=course.config.version, fuzzy=False)
    catalog.domain = course.config.id
    for page in course_pages(course, language):
        for segment, unit_id in zip(page.segments, page.units, strict=True):
            existing = prefilled(page, segment, unit_id)
            notes = [unit_note(page, segment), f"source-hash {page.source_hash}"]
            notes += [f"{{{n}}} = {code}" for n, code in enumerate(segment.codes, start=1)]
            catalog.add(_po_text(segment.pieces), _po_text(existing) if existing else "",
                        context=f"{page.path}:{unit_id}", auto_comments=notes,
                        locations=[(page.path, segment.line)])
    for text in config_texts(course, language):
        flags = ["fuzzy"] if text.state in ("outdated", "unverified") else []  # for review
        catalog.add(_po_text((text.source,)), _po_text((text.existing,)), context=f"{text.file}:{text.key}",
                    flags=flags,
                    auto_comments=[f"{text.field} of the {text.kind.split('-')[0]} ({text.file})"])
    catalog.header_comment = (f"# Translation of the learnpack course {course.config.id} into {language}.\n"
                              "# Keep the placeholders {1}, {2} … in order; write a literal brace twice: {{ }}.")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False)
    return buffer.getvalue()


def _po_text(pieces: tuple[str | int, ...]) -> str:
    """Placeholders as ``{1}``; a literal brace doubled (``{{``, ``}}``), so it never reads as one."""
    return "".join(f"{{{p}}}" if isinstance(p, int) else p.replace("{", "{{").replace("}", "}}") for p in pieces)


def po_pieces(text: str) -> list[str | int]:
    """The pieces of a PO string: ``{1}`` is a placeholder, ``{{`` and ``}}`` are literal braces."""
    pieces: list[str | int] = []
    literal = ""
    for match in PO_TOKEN.finditer(text):
        if match.group("number"):
            if literal:
                pieces.append(literal)
            pieces.append(int(match.group("number")))
            literal = ""
        elif match.group("literal"):
            literal += "{" + match.group("literal") + "}"
        else:
            literal += match.group()[0] if match.group() in ("{{", "}}") else match.group()
    return pieces + [literal] if literal else pieces


# -- import ---------------------------------------------------------------------------------

UNTRANSLATED_STATES = {"new", "needs-translation"}  # XLIFF 1.2 states whose target is not a translation
LINE_BREAKS = re.compile(r"\r\n|[\r\x85\u2028\u2029]")
CONTROL = re.compile(f"[{UNCARRIED}]")  # line breaks are handled first (LINE_BREAKS)


@dataclass
class _Unit:
    page: str
    unit: str  # the segment's key (".n" for a repeat), as exported
    pieces: list[str | int]
    line: int | None
    source_hash: str = ""  # of the page, as exported
    reviewed: bool = True  # False: XLIFF needs-review-*, a translation nobody confirmed yet


def import_file(course: Course, path: Path, diagnostics: Diagnostics) -> tuple[str, list[Path]]:
    """Merge the translations in ``path`` (XLIFF or PO) into the variants; return (language, files written).

    A unit is applied only where its source text is still the current source (its key);
    other units are reported as stale and their pages stay outdated. Empty targets and
    untranslated states leave the variant as it is. The course is checked with the new
    variants as a build would check it, and nothing is written unless every page passes.
    """
    language, units = (_read_po if path.suffix == ".po" else _read_xliff)(course, path, diagnostics)
    if diagnostics.errors or language is None:
        return language or "", []
    pages = {p.path: p for p in course_pages(course, language)}
    by_page: dict[str, list[_Unit]] = {}
    for unit in units:
        by_page.setdefault(unit.page, []).append(unit)
    outputs: dict[Path, tuple[str, list[_Unit]]] = {}
    unit_lines: dict[Path, UnitLines] = {}
    configs = _config_files(course, language)
    for page_path, page_units in by_page.items():
        if page_path in configs:
            updated = _merge_config(course, page_path, configs[page_path], page_units, language, path, diagnostics)
            if updated is not None:
                outputs[course.root / page_path] = (updated, page_units)
                unit_lines[course.root / page_path] = UnitLines({}, page_units[0].line)
            continue
        page = pages.get(page_path)
        if page is None:
            diagnostics.error(path, page_units[0].line,
                              f"{page_path!r} is not a page of course {course.config.id!r}", "i18n.import_page")
            continue
        output = _merge_page(course, page, page_units, language, path, diagnostics)
        if output is not None:
            target = variant_path(course.root / page_path, language)
            outputs[target] = (output, page_units)
            unit_lines[target] = UnitLines.of(page, output, page_units)
    if diagnostics.errors:
        return language, []
    _check_with(course, {target: text for target, (text, _) in outputs.items()}, unit_lines, path, diagnostics)
    if diagnostics.errors:
        return language, []
    written = []
    with tempfile.TemporaryDirectory(dir=course.root, prefix=".learnpack-import-") as staging:
        staged = []
        for index, (target, (text, _)) in enumerate(sorted(outputs.items())):
            temporary = Path(staging) / f"{index}.md"
            temporary.write_text(text, encoding="utf-8")
            staged.append((temporary, target))
        for temporary, target in staged:
            temporary.replace(target)
            written.append(target)
    return language, written


def still_outdated(course: Course, written: list[Path]) -> list[Path]:
    """The variants among ``written`` that are not a translation of today's source."""
    sources = {variant_path(page.origin.path, language): page.origin.path
               for page in course.pages for language in course.config.languages}
    return [path for path in written if path in sources
            and front_matter_values(path.read_text(encoding="utf-8")).get("translated_from")
            != source_hash(sources[path])]


def _merge_page(course: Course, page: PageExport, units: list[_Unit], language: str, path: Path,
                diagnostics: Diagnostics) -> str | None:
    """The variant's new text, or None when nothing in it changes."""
    current = dict(zip(page.units, page.segments, strict=True))
    incoming: dict[str, str] = {}
    stale = False
    for unit in units:
        segment = current.get(unit.unit)
        if segment is None:
            stale = True
            diagnostics.warning(path, unit.line, f"{page.path}: the source text of unit {unit.unit} changed since "
                                "export, or it was removed: its translation is not applied, and the page stays "
                                "outdated until it is translated again", "i18n.import_stale")
            continue
        checked = _checked_target(segment, unit, page.path, path, diagnostics)
        if checked is None:
            continue
        text, pieces = checked
        found = page.alignment.translation(unit.unit) if page.alignment else None
        if found is not None and found.codes == segment.codes and list(found.pieces) == pieces:
            continue  # the variant says just this already
        incoming[unit.unit] = text
    if page.alignment is None:
        if incoming:
            diagnostics.error(path, units[0].line, f"{variant_path(Path(page.path), language).as_posix()} was "
                              "edited by hand or translated from another version of the source: learnpack cannot "
                              "tell which of its texts translates which source text. Bring it up to date and run "
                              "`learnpack i18n stamp`, or remove it, then import again", "i18n.import_unaligned")
        return None
    if not incoming:
        return None  # an untouched round trip leaves the variant exactly as it was
    existing = {unit: found.source for unit in page.units if (found := page.alignment.translation(unit))}
    translated = {**existing, **incoming}
    source_file = course.root / page.path
    by_segment = {segment.id: translated[unit] for segment, unit in zip(page.segments, page.units, strict=True)
                  if unit in translated}
    text = apply_translations(source_file.read_text(encoding="utf-8"), page.segments, by_segment)
    exported = next((u.source_hash for u in units if u.source_hash), "")
    text = with_key(text, "translated_from", _translated_from(page, exported, stale, set(translated)))
    return with_key(text, MAP_KEY, segment_map(page.segments, set(translated)))


def _translated_from(page: PageExport, exported: str, stale: bool, translated: set[str]) -> str:
    """What the merged variant was translated from: today's source only when the translator saw it.

    The page stays outdated when a unit of it was stale, or when the source changed since export
    (``exported``, the page's hash in the file) and a text added since is still untranslated. A file
    that lost the hash (a PO tool that drops comments) counts as current only when every text of
    the page is translated.
    """
    complete = set(page.units) <= translated
    if stale:
        return exported if exported and exported != page.source_hash else OUTDATED_SOURCE
    if exported == page.source_hash or complete:
        return page.source_hash
    return exported or OUTDATED_SOURCE


def _merge_config(course: Course, name: str, texts: list[ConfigText], units: list[_Unit], language: str,
                  path: Path, diagnostics: Diagnostics) -> str | None:
    """The new text of ``course.yml`` or a ``module.yml``, or None when nothing in it changes."""
    by_key = {text.key: text for text in texts}
    updates: dict[str, str] = {}
    records: dict[str, str | None] = {}
    for unit in units:
        text = by_key.get(unit.unit)
        if any(isinstance(piece, int) for piece in unit.pieces):
            diagnostics.error(path, unit.line, f"{name} unit {unit.unit}: a title or description has no placeholders "
                              "(write a literal brace in a PO file twice: {{ }})", "i18n.placeholders")
            continue
        if text is None:
            diagnostics.warning(path, unit.line, f"{name}: the source text of unit {unit.unit} changed since export: "
                                "its translation is not applied", "i18n.import_stale")
            continue
        translation = clean("".join(p for p in unit.pieces if isinstance(p, str)))
        if not translation:
            continue
        record = text.key if unit.reviewed else None
        if translation != text.existing:
            updates[text.field] = translation
            records[text.field] = record
        elif unit.reviewed and text.recorded != text.key:
            records[text.field] = record  # the translator confirmed the text as it stands
    if not updates and not records:
        return None
    source = (course.root / name).read_text(encoding="utf-8")
    return with_translations(source, updates, records, course.source_language, language)


def _checked_target(segment: Segment, unit: _Unit, page: str, path: Path,
                    diagnostics: Diagnostics) -> tuple[str, list[str | int]] | None:
    """The unit's translation as Markdown (and its pieces), or None: untranslated (empty) or refused."""
    one_line = "\n" not in segment.source
    pieces = [CONTROL.sub("", LINE_BREAKS.sub(" " if one_line else "\n", p)) if isinstance(p, str) else p
              for p in unit.pieces]
    if not any(isinstance(p, str) and p.strip() for p in pieces):
        return None  # empty or only whitespace: not translated
    wanted = [p for p in segment.pieces if isinstance(p, int)]
    got = [p for p in pieces if isinstance(p, int)]
    if got != wanted:
        lost = [n for n in wanted if n not in got]
        problem = f"placeholders {lost} lost" if lost else "placeholders reordered or added"
        diagnostics.error(path, unit.line, f"{page} unit {unit.unit}: {problem} "
                          f"(the source has {wanted}, the translation {got})", "i18n.placeholders")
        return None
    raw = "".join(segment.codes[p - 1] if isinstance(p, int) else p for p in pieces)
    # An accepted answer is compared as typed, never read as Markdown: it is not escaped.
    text = raw.strip() if segment.kind == "answer" else join_inline(pieces, segment.codes)
    if one_line:
        text = " ".join(text.split("\n"))
    if segment.kind == "answer" and not is_text_answer(raw):
        diagnostics.error(path, unit.line, f"{page} unit {unit.unit}: the translated answer {raw.strip()!r} would "
                          "be read as a number or true/false; an accepted text answer must stay text",
                          "i18n.import_answer")
        return None
    return text, pieces


@dataclass(frozen=True, slots=True)
class UnitLines:
    """Which unit of the exchange file a line of a merged variant comes from."""

    starts: dict[int, int | None]  # the variant's first line of each segment -> its unit's line in the file
    first: int | None  # the page's first unit: for a line before every segment

    @classmethod
    def of(cls, page: PageExport, text: str, units: list[_Unit]) -> UnitLines:
        by_id = {unit.unit: unit.line for unit in units}
        segments = page_segments(text)
        if len(segments) != len(page.units):
            return cls({}, units[0].line)
        return cls({segment.line: by_id.get(unit) for segment, unit in zip(segments, page.units, strict=True)},
                   units[0].line)

    def unit_line(self, line: int | None) -> int | None:
        """The file line of the unit whose text holds ``line``: the nearest segment starting at or before it."""
        starts = [start for start in self.starts if line is not None and start <= line]
        found = self.starts[max(starts)] if starts else None
        return found or self.first


def _check_with(course: Course, outputs: dict[Path, str], unit_lines: dict[Path, UnitLines], path: Path,
                diagnostics: Diagnostics) -> None:
    """Check the course as a build would, with ``outputs`` written: every problem names a unit of ``path``."""
    from ..loader import load_course  # the loader imports this package's catalogs

    with tempfile.TemporaryDirectory(prefix="learnpack-import-check-") as folder:
        copy = Path(folder) / course.root.name
        shutil.copytree(course.root, copy, ignore=shutil.ignore_patterns(".learnpack-*", "build"))
        for target, text in outputs.items():
            (copy / target.relative_to(course.root)).write_text(text, encoding="utf-8")
        found = Diagnostics()
        try:
            load_course(copy, found)
        except CourseError:
            pass
        for problem in found.errors:
            try:
                relative = problem.path.resolve().relative_to(copy.resolve())
            except ValueError:
                relative = Path(problem.path.name)
            target = course.root / relative
            line = unit_lines[target].unit_line(problem.line) if target in unit_lines else None
            message = problem.message
            for prefix in {str(copy.resolve()), str(copy)}:  # name the course's files, not the copy's
                message = message.replace(prefix + "/", "")
            diagnostics.error(path, line, f"with this translation, {relative.as_posix()}:{problem.line or 1} would "
                              f"fail to check: {message} [{problem.code}]", "i18n.import_invalid")


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
        if segment.kind == "quiz-title":
            edits.append(_quiz_title_edit(lines[index], index, replacement))
            continue
        replacement = replacement.replace("\n", "\n" + continuation)
        edits.append((index, start, last, end, replacement))
    for index, start, last, end, replacement in sorted(edits, reverse=True):
        head, tail = lines[index][:start], lines[last][end:]
        lines[index:last + 1] = (head + replacement + tail).split("\n")
    return "\n".join(lines)


TITLE_SAFE = str.maketrans('"{}', "”()")  # nothing that could end the quiz's settings
QUIZ_TITLE = re.compile(r"""\btitle=("[^"]*"|'[^']*'|[^\s"'}]+)""")


def _quiz_title_edit(line: str, index: int, text: str) -> tuple[int, int, int, int, str]:
    """Replace the whole ``title=...`` of a quiz's settings, quoted, with nothing that could end it."""
    match = QUIZ_TITLE.search(line)
    if match is None:
        return (index, len(line), index, len(line), "")
    plain = text.replace("\\", "").translate(TITLE_SAFE)
    return (index, match.start(), index, match.end(), f'title="{plain}"')


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
        if target_language not in course.config.languages or target_language == course.source_language:
            diagnostics.error(path, file.sourceline, f"target language {target_language!r} is not a translation "
                              "language of this course (see languages in course.yml)", "i18n.import_language")
            return None, []
        language = target_language
        for unit in file.iter(f"{{{XLIFF}}}trans-unit"):
            target = unit.find(f"{{{XLIFF}}}target")
            if target is None or (target.get("state") or "translated") in UNTRANSLATED_STATES:
                continue  # untranslated: the variant keeps what it has
            units.append(_Unit(file.get("original", ""), unit.get("id", ""), _pieces(target), target.sourceline,
                               props.get("source-hash") or "",
                               not (target.get("state") or "").startswith("needs-review")))
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
    if language not in course.config.languages or language == course.source_language:
        diagnostics.error(path, 1, f"language {language!r} is not a translation language of this course",
                          "i18n.import_language")
        return None, []
    units = []
    for message in catalog:
        if not message.context or not message.string or message.fuzzy:
            continue
        page, _, segment = str(message.context).rpartition(":")
        hashes = [c.split()[-1] for c in message.auto_comments if c.startswith("source-hash ")]
        units.append(_Unit(page, segment, po_pieces(str(message.string)), message.lineno,
                           hashes[0] if hashes else ""))
    return language, units
