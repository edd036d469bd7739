"""Places in a page that links point at (``#id``): every such link must find its place, in every language.

A page has the ids of its headings, of its quizzes (``quiz-<id>``) and questions (``q-<id>``),
of the parts the theme gives ids inside them (``q-<id>-feedback`` …), and ``main`` and ``toc``
from ``base.html``. Translations keep their source's heading ids (:mod:`.markdown.headings`),
so a link checked here is checked against what learners of each language get.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from .errors import Diagnostics, display_path
from .model import Course, FragmentLink, Page, Source

TEMPLATE_IDS = ("main", "toc")  # base.html


def page_ids(page: Page) -> dict[str, Source | None]:
    """The ids on ``page`` a link may name, and where each comes from (None: the theme)."""
    ids = _fixed_ids(page)
    for heading in page.headings:
        ids.setdefault(heading.id, heading.origin)
    return ids


def has_id(page: Page, fragment: str) -> bool:
    """Whether ``page`` has an element with the id ``fragment``."""
    if fragment in page_ids(page):
        return True
    owners = [f"quiz-{quiz.id}-" for quiz in page.quizzes]
    owners += [f"q-{question.id}-" for quiz in page.quizzes for question in quiz.questions]
    return fragment.startswith(tuple(owners))  # quiz.html: quiz-<id>-title, q-<id>-input …


def check_anchors(course: Course, diagnostics: Diagnostics) -> None:
    """Report heading ids used twice on a page, and links to a ``#fragment`` a page lacks, in every language."""
    page_of = {page.origin.path: page.id for page in course.pages}
    checked: set[Path] = set()
    reported: set[tuple[FragmentLink, Path]] = set()
    for each in course.in_languages():
        pages = {page.id: page for page in each.pages}
        for page in each.pages:
            if page.origin.path not in checked:
                checked.add(page.origin.path)
                _check_unique(page, diagnostics)
            for link in page.fragment_links:
                target = page if link.page is None else pages.get(page_of.get(link.page, ""))
                if target is None or (link, target.origin.path) in reported or has_id(target, link.fragment):
                    continue
                reported.add((link, target.origin.path))
                _missing(link, target, diagnostics)


def _fixed_ids(page: Page) -> dict[str, Source | None]:
    """The ids a page has whatever its headings: the theme's, its quizzes' and questions'."""
    ids: dict[str, Source | None] = dict.fromkeys(TEMPLATE_IDS)
    for quiz in page.quizzes:
        ids.setdefault(f"quiz-{quiz.id}", quiz.origin)
        ids.update((f"q-{question.id}", question.origin) for question in quiz.questions)
    return ids


def _check_unique(page: Page, diagnostics: Diagnostics) -> None:
    seen = _fixed_ids(page)
    for heading in page.headings:
        if heading.id not in seen:
            seen[heading.id] = heading.origin
            continue
        first = seen[heading.id]
        where = f"line {first.line}" if first and first.line else "the page template"
        diagnostics.error(heading.origin.path, heading.origin.line,
                          f"heading id {heading.id!r} is already used on this page ({where}): give this heading "
                          "another id with {#id} at its end", "heading.duplicate_id")


def _missing(link: FragmentLink, target: Page, diagnostics: Diagnostics) -> None:
    where = "this page" if target.origin.path == link.origin.path else display_path(target.origin.path)
    close = difflib.get_close_matches(link.fragment, [h.id for h in target.headings], n=1)
    hint = f"; did you mean #{close[0]}?" if close else ""
    diagnostics.error(link.origin.path, link.origin.line,
                      f"link to {link.href!r}: {where} has no heading or question with the id "
                      f"{link.fragment!r}{hint}", "link.fragment")
