"""Language variants: ``puls.ar.md`` beside ``puls.md``.

A variant changes only text. It keeps the source page's headings (and their ids, so links
to them work in every language), quizzes, question ids, kinds, options and correct answers,
so one learner's answers belong to the same questions in every language; any difference is
an error naming both files and lines. A page without a variant is shown from the next
language of the fallback chain.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from .errors import Diagnostics, display_path
from .markdown.headings import SECTION_LEVELS, match_headings
from .model import Course, Heading, Kind, Page, Question, Quiz, Segment


def variant_path(source: Path, language: str) -> Path:
    """``01-puls.md`` -> ``01-puls.<language>.md``."""
    return source.with_name(f"{source.stem}.{language}.md")


OUTDATED_SOURCE = "outdated"  # translated_from of a variant translated from a source that cannot be named


def source_hash(path: Path) -> str:
    """What a translation records as the source text it was made from (12 hex digits)."""
    text = path.read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(text).hexdigest()[:12]


def check_outdated(source: Page, variant: Page, diagnostics: Diagnostics) -> None:
    """Warn when the source page changed after the variant was translated from it."""
    if variant.translated_from and variant.translated_from != source_hash(source.origin.path):
        diagnostics.warning(variant.origin.path, 2,
                            f"outdated translation: {display_path(source.origin.path)} has changed since it was "
                            "translated; update the translation, then run learnpack i18n stamp", "i18n.outdated")


def align_variant(source: Page, variant: Page, diagnostics: Diagnostics) -> Page:
    """The variant with the source's ids and quiz settings; differences in structure are errors."""
    _check_headings(source, variant, diagnostics)
    where = variant.origin.path
    source_quizzes = source.quizzes
    if len(variant.quizzes) != len(source_quizzes):
        diagnostics.error(where, None, f"{len(variant.quizzes)} quizzes here, {len(source_quizzes)} in "
                          f"{_at(source.origin.path, None)}: a translation keeps every quiz", "i18n.mismatch")
        return variant
    quizzes = iter(source_quizzes)
    segments = []
    for segment in variant.segments:
        if segment.quiz is None:
            segments.append(segment)
        else:
            segments.append(Segment(quiz=_align_quiz(next(quizzes), segment.quiz, diagnostics)))
    return replace(variant, segments=tuple(segments))


def _check_headings(source: Page, variant: Page, diagnostics: Diagnostics) -> None:
    """Headings a translation added, left out or moved to another level: links to them may not find them."""
    theirs = [h for h in source.headings if h.level in SECTION_LEVELS]
    ours = [h for h in variant.headings if h.level in SECTION_LEVELS]
    pairs = match_headings([h.level for h in theirs], [h.level for h in ours])
    if len(ours) != len(theirs):
        first = next((h.origin.line for index, h in enumerate(ours) if index not in pairs), None)
        diagnostics.error(variant.origin.path, first,
                          f"{len(ours)} headings here, {len(theirs)} in {_at(source.origin.path, None)}: a "
                          "translation keeps the source's headings, whose ids links point at (here: "
                          f"{_listed(ours)}; there: {_listed(theirs)})", "i18n.mismatch")
        return
    for heading, other in zip(ours, theirs, strict=True):
        if heading.level != other.level:
            diagnostics.error(heading.origin.path, heading.origin.line,
                              f"heading {_markdown(heading)!r} is at level {heading.level} here but at level "
                              f"{other.level} in {_at(other.origin.path, other.origin.line)}", "i18n.mismatch")


def _listed(headings: list[Heading]) -> str:
    return ", ".join(repr(_markdown(h)) for h in headings) or "none"


def _markdown(heading: Heading) -> str:
    return f"{'#' * heading.level} {heading.text}"


def _align_quiz(source: Quiz, variant: Quiz, diagnostics: Diagnostics) -> Quiz:
    if len(variant.questions) != len(source.questions):
        kind = "missing" if len(variant.questions) < len(source.questions) else "extra"
        ids = [q.id for q in source.questions]
        diagnostics.error(variant.origin.path, variant.origin.line,
                          f"{kind} question: {len(variant.questions)} questions here, {len(source.questions)} "
                          f"in {_at(source.origin.path, source.origin.line)} ({', '.join(ids)})", "i18n.mismatch")
        return variant
    pairs = zip(source.questions, variant.questions, strict=True)
    questions = tuple(_align_question(s, v, diagnostics) for s, v in pairs)
    return replace(variant, id=source.id, questions=questions, pass_mark=source.pass_mark,
                   attempts=source.attempts, shuffle=source.shuffle, draw=source.draw,
                   per_question=source.per_question, improve=source.improve)


def _align_question(source: Question, variant: Question, diagnostics: Diagnostics) -> Question:
    problems = []
    if variant.explicit_id and variant.id != source.id:
        problems.append(f"id {variant.id!r} here but {source.id!r}")
    if variant.kind is not source.kind:
        problems.append(f"a {variant.kind.value} question here but a {source.kind.value} question")
    elif [c.correct for c in variant.choices] != [c.correct for c in source.choices]:
        problems.append(f"correct options {_marks(variant)} here but {_marks(source)}")
    elif [(a.low, a.high) for a in variant.numeric_answers] != [(a.low, a.high) for a in source.numeric_answers]:
        problems.append("a different numeric answer here than")
    elif len(variant.order) != len(source.order):
        problems.append(f"{len(variant.order)} items to order here but {len(source.order)}")
    elif [p.left is None for p in variant.pairs] != [p.left is None for p in source.pairs]:
        problems.append(f"{len(variant.pairs)} matching lines here but {len(source.pairs)}")
    elif variant.kind.value == "truefalse" and variant.text_answers != source.text_answers:
        problems.append(f"= {variant.text_answers[0]} here but = {source.text_answers[0]}")
    for problem in problems:
        diagnostics.error(variant.origin.path, variant.origin.line,
                          f"question {source.id!r}: {problem} in {_at(source.origin.path, source.origin.line)}",
                          "i18n.mismatch")
    return replace(variant, id=source.id)  # text answers of every language count: see share_text_answers


def share_text_answers(course: Course) -> Course:
    """Every language accepts the text answers of every language, so a switch never changes a verdict."""
    courses = [course, *course.translations.values()]
    accepted: dict[str, tuple[str, ...]] = {}
    for each in courses:
        for quiz in each.quizzes:
            for question in quiz.questions:
                if question.kind is Kind.TEXT:
                    accepted[question.id] = (*accepted.get(question.id, ()), *question.text_answers)

    def page_with_all(page: Page) -> Page:
        segments = tuple(replace(s, quiz=_quiz_with(s.quiz, accepted)) if s.quiz else s for s in page.segments)
        return replace(page, segments=segments)

    def course_with_all(each: Course) -> Course:
        modules = tuple(replace(m, pages=tuple(page_with_all(p) for p in m.pages)) for m in each.modules)
        return replace(each, modules=modules)

    translations = {lang: course_with_all(c) for lang, c in course.translations.items()}
    return replace(course_with_all(course), translations=translations)


def _quiz_with(quiz: Quiz, accepted: dict[str, tuple[str, ...]]) -> Quiz:
    questions = tuple(
        replace(q, text_answers=tuple(dict.fromkeys((*q.text_answers, *accepted[q.id])))) if q.kind is Kind.TEXT else q
        for q in quiz.questions
    )
    return replace(quiz, questions=questions)


def _marks(question: Question) -> str:
    return "".join("x" if c.correct else "-" for c in question.choices)


def _at(path: Path, line: int | None) -> str:
    return f"{display_path(path)}:{line}" if line else display_path(path)
