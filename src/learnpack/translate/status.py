"""Translation status: per language and page, the state of the page and of each of its texts.

A page is translated (current), outdated (its source changed since), untracked (no record
of what it was translated from) or missing (shown from the fallback). Its texts (segments)
are counted as translated (a translation of today's source text), outdated (the variant holds
a translation of a text that has changed since), missing (no translation of today's text), or
unverified (a hand-written variant learnpack cannot align with the source).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..i18n.catalog import language_name
from ..model import Course
from ..variants import source_hash, variant_path

STATES = ("translated", "outdated", "untracked", "missing")
FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)


SEGMENT_STATES = ("translated", "outdated", "missing", "unverified")


@dataclass(frozen=True, slots=True)
class PageStatus:
    page_id: str
    title: str
    source: Path
    variant: Path | None
    state: str  # one of STATES
    segments: dict[str, int] = field(default_factory=dict)  # SEGMENT_STATES -> how many
    missing: tuple[str, ...] = ()  # source texts without a current translation
    outdated: tuple[str, ...] = ()  # translations of source texts that changed since


def segment_status(source: Path, variant: Path | None) -> tuple[dict[str, int], tuple[str, ...], tuple[str, ...]]:
    """Counts of SEGMENT_STATES for one page, and the texts an agency would quote for."""
    from .alignment import align  # segments need the Markdown dialect, which needs the catalogs
    from .segments import page_segments

    texts = page_segments(source.read_text(encoding="utf-8"))
    counts = dict.fromkeys(SEGMENT_STATES, 0)
    alignment = align(source, variant) if variant is not None else None
    if variant is not None and alignment is None:
        counts["unverified"] = len(texts)
        return counts, (), ()
    translations = alignment.translations if alignment else {}
    missing = tuple(t.source for t in texts if t.key not in translations)
    current = {t.key for t in texts}
    stale = tuple(seg.source for key, seg in translations.items() if key not in current)
    counts.update(translated=len(texts) - len(missing), missing=len(missing), outdated=len(stale))
    return counts, missing, stale


def course_status(course: Course) -> dict[str, list[PageStatus]]:
    """For every language but the source, the state of each page's translation."""
    report: dict[str, list[PageStatus]] = {}
    for translated in course.in_languages():
        if translated.is_source:
            continue  # the source, wherever it is listed
        rows = []
        for source, page in zip(course.pages, translated.pages, strict=True):
            if page.language != translated.language:
                counts, missing, _ = segment_status(source.origin.path, None)
                rows.append(PageStatus(source.id, source.title, source.origin.path, None, "missing", counts, missing))
                continue
            if not page.translated_from:
                state = "untracked"
            elif page.translated_from == source_hash(source.origin.path):
                state = "translated"
            else:
                state = "outdated"
            counts, missing, stale = segment_status(source.origin.path, page.origin.path)
            rows.append(PageStatus(source.id, page.title, source.origin.path, page.origin.path, state, counts,
                                   missing, stale))
        report[translated.language] = rows
    return report


def stamp(course: Course, language: str, page_ids: list[str] | None = None) -> list[Path]:
    """Record the current source hash in the front matter of ``language``'s variants (all, or ``page_ids``)."""
    written = []
    for source in course.pages:
        if page_ids and source.id not in page_ids:
            continue
        path = variant_path(source.origin.path, language)
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        set_front_matter_key(path, text, "translated_from", source_hash(source.origin.path))
        _stamp_segments(source.origin.path, path)
        written.append(path)
    return written


def _stamp_segments(source: Path, variant: Path) -> None:
    """The author says the variant is current: each of its texts translates today's source text.

    That holds segment by segment only when the variant has the source's shape; otherwise
    the map is removed, and the next import asks for the variant to be brought in line.
    """
    from .segments import page_segments  # the segments need the Markdown dialect, which needs the catalogs

    ours = page_segments(variant.read_text(encoding="utf-8"))
    theirs = page_segments(source.read_text(encoding="utf-8"))
    text = variant.read_text(encoding="utf-8")
    if [s.kind for s in ours] == [s.kind for s in theirs]:
        set_front_matter_key(variant, text, "translated_segments", " ".join(s.key for s in theirs))
    elif re.search(r"(?m)^translated_segments:", text):
        match = FRONT_MATTER.match(text)
        if match:
            body = re.sub(r"(?m)^translated_segments:.*\n", "", match.group(1) or "")
            temporary = variant.with_name(f".{variant.name}.learnpack-tmp")
            temporary.write_text(f"---\n{body}---\n" + text[match.end():], encoding="utf-8")
            temporary.replace(variant)


def set_front_matter_key(path: Path, text: str, key: str, value: str) -> None:
    """Set ``key: value`` in the file's front matter (adding front matter if there is none)."""
    match = FRONT_MATTER.match(text)
    line = f'{key}: "{value}"\n'  # quoted: "0123…" is a hash, not a number
    if match is None:
        text = f"---\n{line}---\n{text}"
    else:
        body = match.group(1) or ""
        body = re.sub(rf"(?m)^{re.escape(key)}:.*\n", "", body) + line
        text = f"---\n{body}---\n" + text[match.end():]
    temporary = path.with_name(f".{path.name}.learnpack-tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)  # never a half-written translation


def render_report(course: Course, report: dict[str, list[PageStatus]]) -> str:
    """The status as a standalone HTML page (no scripts, nothing loaded from elsewhere)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent)), autoescape=True)
    counts = {lang: {state: sum(r.state == state for r in rows) for state in STATES} for lang, rows in report.items()}
    return env.get_template("report.html").render(
        course=course, report=report, states=STATES, segment_states=SEGMENT_STATES, name=language_name,
        counts=counts,
    )
