"""Translation status: per language and page, the state of the page and of each of its texts.

A page is translated (current), outdated (its source changed since), untracked (no record
of what it was translated from) or missing (shown from the fallback). Its texts (segments)
are counted as translated (a translation of today's source text), outdated (the variant holds
a translation of a text that has changed since), missing (no translation of today's text), or
unverified (a hand-written variant learnpack cannot align with the source).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import jinja2

from ..i18n.catalog import language_name
from ..model import Course
from ..variants import source_hash, variant_path
from .config_texts import ConfigText, texts_by_language
from .front_matter import with_key, write

STATES = ("translated", "outdated", "untracked", "missing")


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
    from .segments import page_segments, unit_ids

    texts = page_segments(source.read_text(encoding="utf-8"))
    units = unit_ids([t.key for t in texts])
    counts = dict.fromkeys(SEGMENT_STATES, 0)
    alignment = align(source, variant) if variant is not None else None
    if variant is not None and alignment is None:
        counts["unverified"] = len(texts)
        return counts, (), ()
    translations = alignment.translations if alignment else {}
    missing = tuple(t.source for t, unit in zip(texts, units, strict=True) if unit not in translations)
    stale = tuple(seg.source for unit, seg in translations.items() if unit not in set(units))
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


def settings_status(course: Course) -> dict[str, list[ConfigText]]:
    """For every language but the source, the course's and modules' titles and descriptions, each with its state."""
    return texts_by_language(course, course.translations)


def stamp(course: Course, language: str, page_ids: list[str] | None = None) -> list[Path]:
    """Record the current source hash in the front matter of ``language``'s variants (all, or ``page_ids``)."""
    written = []
    for source in course.pages:
        if page_ids and source.id not in page_ids:
            continue
        path = variant_path(source.origin.path, language)
        if not path.is_file():
            continue
        text = with_key(path.read_text(encoding="utf-8"), "translated_from", source_hash(source.origin.path))
        write(path, with_key(text, "translated_segments", _segment_map(source.origin.path, text)))
        written.append(path)
    return written


def _segment_map(source: Path, variant_text: str) -> str | None:
    """The author says the variant is current: each of its texts translates today's source text.

    That holds text by text only when the variant has the source's shape; otherwise there is
    no map (``None``), and the next import asks for the variant to be brought in line.
    """
    from .segments import page_segments, unit_ids  # the segments need the Markdown dialect: the catalogs

    ours = page_segments(variant_text)
    theirs = page_segments(source.read_text(encoding="utf-8"))
    if [s.kind for s in ours] != [s.kind for s in theirs]:
        return None
    return " ".join(unit_ids([s.key for s in theirs]))


def render_report(course: Course, report: dict[str, list[PageStatus]]) -> str:
    """The status as a standalone HTML page (no scripts, nothing loaded from elsewhere)."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(Path(__file__).parent)), autoescape=True)
    counts = {lang: {state: sum(r.state == state for r in rows) for state in STATES} for lang, rows in report.items()}
    return env.get_template("report.html").render(
        course=course, report=report, states=STATES, segment_states=SEGMENT_STATES, name=language_name,
        counts=counts, settings=settings_status(course),
    )
