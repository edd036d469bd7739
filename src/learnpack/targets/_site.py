"""The course as a site, in memory: what the HTML target writes to disk and the SCORM targets zip.

One :class:`SiteWriter` serves every target of a build (it lives in the
:class:`~learnpack.targets.base.BuildContext`). A page is rendered once for each language and
each set of languages its menu offers, and every target that asks for the same gets the same
bytes: the SCORM 1.2 and 2004 packages share their whole site, and a multilingual package
shares the HTML site's pages. What differs between targets is the scripts (:data:`Bundles`),
joined by :meth:`SiteWriter.shared`. The question kinds' scripts are the same for every target:
a page loads those of the kinds it asks (:func:`kind_bundles`), and a page without a quiz none.

Every page is the same whether it runs in an LMS or not: the runtime shows what only an LMS
can do (the Exit button) when its store says the page runs in one.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import rcssmin
from markupsafe import Markup

from .. import __version__, runtime
from ..i18n.catalog import language_name, text_direction
from ..hyphens import hyphenate
from ..i18n.languages import ALIASES
from ..kinds import KINDS, kind_of
from ..model import Course, Module, Page, Quiz
from ._outline import course_script, shell_script

if TYPE_CHECKING:
    from .base import BuildContext

# media-src data: is for the caption tracks, which pages carry (see webvtt.py).
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self' data:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'")

#: The page that shows the learner's results and certificate, beside the start page.
COMPLETED = "completed.html"

#: A site's scripts: for each joined script (``page.js``), the runtime files it is made of.
Bundles = Mapping[str, tuple[str, ...]]

#: The script a page with questions loads first: numbers.js, the kinds' registry and the small
#: kinds, which together gzip better than apart; a kind with a script of its own
#: (:attr:`~learnpack.kinds.QuestionKind.own_script`) comes after it, on the pages that ask it.
KIND_COMMON = "kinds/common.js"


def common_kinds() -> tuple[str, ...]:
    """The runtime files of :data:`KIND_COMMON`: numbers.js, the registry, the small kinds' modules."""
    small = {kind.script for kind in KINDS.values() if not kind.own_script}
    return (*runtime.KIND_BASE, *sorted(small))


def kind_bundles(pages: Iterable[Page]) -> dict[str, tuple[str, ...]]:
    """The question kinds' scripts that ``pages`` need, in load order, each with the runtime files
    it is made of: none when no page has a question; else the common one, then each own one."""
    kinds = {kind_of(question.kind) for page in pages for quiz in page.quizzes for question in quiz.questions}
    if not kinds:
        return {}
    own = sorted(kind.script for kind in kinds if kind.own_script)
    return {KIND_COMMON: common_kinds(), **{script: (script,) for script in own}}


@dataclass(frozen=True, slots=True)
class SiteFile:
    """A file of the site: its language (None: shared by every language) and its bytes, or the file
    to take them from (theme assets and media are not read until a target writes them)."""

    language: str | None
    content: bytes | Path

    def read(self) -> bytes:
        return self.content.read_bytes() if isinstance(self.content, Path) else self.content


#: Path in the site (``nb/01-modul/01-side.html``) -> the file.
Files = dict[str, SiteFile]


class SiteWriter:
    """Renders the site of a course, each part once, for every target that asks for it."""

    def __init__(self, context: BuildContext) -> None:
        self.context = context
        self._languages: dict[tuple[str, tuple[str, ...], tuple[str, ...]], Files] = {}

    def language(self, course: Course, languages: Sequence[str]) -> Files:
        """The start page, the pages, ``shell.<lang>.js`` and ``course.<lang>.js`` of ``course`` (one
        language, some or all modules), whose language menus offer ``languages``."""
        key = (course.language, tuple(languages), tuple(module.slug for module in course.modules))
        if key not in self._languages:
            self._languages[key] = self._render_language(course, list(languages))
        return self._languages[key]

    def shared(self, courses: Iterable[Course], bundles: Bundles) -> Files:
        """The theme's assets, the joined scripts (``bundles``, and the scripts of the question kinds
        the pages of ``courses`` ask) and the media of ``courses``."""
        files: Files = {}
        for name, source in self.context.theme.static_files().items():
            files[f"assets/{Path(name).name}"] = theme_asset(source)
        kinds = kind_bundles(page for course in courses for page in course.pages)
        for bundle, parts in {**kinds, **bundles}.items():
            files[f"assets/{bundle}"] = SiteFile(None, runtime.joined(parts))
        media = {m for course in courses for page in course.pages for m in page.media}
        media.update(image for course in courses for image in course.images)
        for path in sorted(media):
            files[self.context.urls.media_path(path)] = SiteFile(None, path)
        return files

    def chooser(self, courses: Sequence[Course]) -> Files:
        """``index.html``: the languages of the course; it opens the learner's own by itself.

        The page is in the source language, and opens it when the learner's languages are
        not there; it lists ``courses`` in their order, that of ``languages`` in course.yml.
        """
        source = self.context.course
        renderer = self.context.renderer(source.language)
        html = renderer.env.get_template("languages.html").render(
            course=source, courses=courses, lang=source.language, dir=text_direction(source.language),
            csp=CSP, version=__version__, t=renderer.strings, language_name=language_name,
            rtl={c.language for c in courses if text_direction(c.language) == "rtl"},
            aliases=json.dumps(ALIASES, sort_keys=True),
        )
        return {"index.html": SiteFile(None, html.encode("utf-8"))}

    def _render_language(self, course: Course, languages: list[str]) -> Files:
        language = course.language
        renderer = self.context.renderer(language)
        env = renderer.env
        pages = course.pages
        hrefs = {page.id: f"{page.id}.html" for page in pages}
        common: dict[str, Any] = {
            "course": course,
            "lang": language,
            "dir": text_direction(language),
            "csp": CSP,
            "version": __version__,
            "t": renderer.strings,
            # The outline, which grows with the course, loads when the learner opens the table of contents.
            "outline": f"course.{language}.js",
            "languages": languages,
            "language_name": language_name,
            "direction": text_direction,
            "in_language": functools.partial(in_language, page_language=language),
            "fill": fill,
            "completed": COMPLETED,
            "scored_quizzes": scored_quizzes,
            "menu_page": "",  # the page the language menu opens in another language, where no page id says
            "bdi": bdi,
        }
        files: Files = {}

        def add(path: str, html: str) -> None:
            files[path] = SiteFile(language, html.encode("utf-8"))

        urls = self.context.urls
        start_page: dict[str, Any] = {
            **common,
            "scripts": (f"shell.{language}.js", "start.js"),
            "root": "",
            "assets": "../assets/",
            "page_id": "",
            "hrefs": hrefs,
            "page_count": len(pages),
            "scored": scored_quizzes(course.quizzes),
        }
        add(f"{language}/index.html", env.get_template("index.html").render(
            **start_page,
            first_href=hrefs[pages[0].id] if pages else "index.html",
            question_count=sum(q.asked for q in course.quizzes),
            cover=f"../{urls.media_path(course.config.cover)}" if course.config.cover else "",
            module_images={m.slug: f"../{urls.media_path(m.image)}" for m in course.modules if m.image},
        ))
        add(f"{language}/{COMPLETED}", env.get_template("completed.html").render(
            **{**start_page, "menu_page": COMPLETED},
            quizzes=[(quiz, page) for page in pages for quiz in page.quizzes if quiz.asked],
        ))
        page_template = env.get_template("page.html")
        placed = [(number, module) for number, module in enumerate(course.modules, start=1) for _ in module.pages]
        for position, (page, (number, module)) in enumerate(zip(pages, placed, strict=True)):
            if self.context.on_page is not None:
                self.context.on_page(page.id)
            add(f"{language}/{hrefs[page.id]}", page_template.render(
                **common,
                # The shell's data (the same size in any course), the scripts of the question kinds the
                # page asks (before page.js, which sets its quizzes up as it runs), and the page runtime.
                scripts=(f"shell.{language}.js", *kind_bundles([page]), "page.js"),
                root="../",
                assets="../../assets/",
                page_id=page.id,
                page=page,
                module=module,
                module_number=number,
                body=renderer.body(page),
                position=position + 1,
                page_count=len(pages),
                previous=_link(pages[position - 1]) if position > 0 else None,
                next=_link(pages[position + 1]) if position + 1 < len(pages) else None,
                summary=_summary(course, number, hrefs) if page is module.pages[-1] else None,
                review=[_link(other) for other in _review_pages(page, module, course)] if page.quizzes else [],
            ))
        add(f"assets/shell.{language}.js", shell_script(course, renderer.strings))
        add(f"assets/course.{language}.js", course_script(course, hrefs, languages))
        return files


def theme_asset(source: Path) -> SiteFile:
    """A file of the theme's ``static/``: a stylesheet minified (learners download it, the
    comments and layout stay in the theme), anything else as it is."""
    if source.suffix == ".css":
        return SiteFile(None, rcssmin.cssmin(source.read_text(encoding="utf-8")).encode("utf-8"))
    return SiteFile(None, source)


def in_language(text: str, language: str, page_language: str) -> Markup:
    """``text`` as HTML, in a ``<span lang dir>`` when it is not in the page's language (WCAG 3.1.2),
    with soft hyphens in its long words."""
    text = hyphenate(text, language or page_language)
    if not language or language == page_language:
        return Markup.escape(text)
    return Markup('<span lang="{}" dir="{}">{}</span>').format(language, text_direction(language), text)


def bdi(text: str, language: str) -> Markup:
    """A name in its own language, isolated so that it keeps its order in a sentence of another direction."""
    return Markup('<bdi lang="{}">{}</bdi>').format(language, text)


def fill(template: str, **values: Markup) -> Markup:
    """An interface string with ``{placeholders}`` filled in with markup (the string itself escaped)."""
    return Markup.escape(template).format(**values)


def _review_pages(page: Page, module: Module, course: Course) -> list[Page]:
    """What a learner who failed a quiz's last attempt reads again: the module's pages before the
    quiz's page; on its first page, the module's other pages; in a module of one page, the
    previous module's."""
    others = [p for p in module.pages if p is not page]
    if others:
        return others[:module.pages.index(page)] or others
    index = course.modules.index(module)
    return list(course.modules[index - 1].pages) if index else []


def scored_quizzes(quizzes: Iterable[Quiz]) -> str:
    """``q1:80:7 q2:70:3``: each scored quiz's id, pass mark and questions asked, for the runtime's progress,
    pass and overall score (the SCO's rule: the best attempts' right answers of all asked)."""
    return " ".join(f"{q.id}:{q.pass_mark}:{q.asked}" for q in quizzes if q.asked)


def _summary(course: Course, number: int, hrefs: dict[str, str]) -> dict[str, Any]:
    """What the last page of module ``number`` sums up: its pages and scored quizzes, and where to go next."""
    module = course.modules[number - 1]
    following = next((m for m in course.modules[number:] if m.pages), None)
    return {
        "pages": " ".join(p.id for p in module.pages),
        "count": len(module.pages),
        "scored": scored_quizzes(q for p in module.pages for q in p.quizzes),
        "quizzes": [{"id": q.id, "title": q.title or p.title, "lang": p.language, "href": f"../{hrefs[p.id]}#quiz-{q.id}"}
                    for p in module.pages for q in p.quizzes if q.asked],
        "next": following and {"href": f"../{hrefs[following.pages[0].id]}", "title": following.title,
                               "lang": following.title_language},
    }


def _link(page: Page) -> dict[str, str]:
    return {"href": f"../{page.id}.html", "title": page.title, "lang": page.language}

