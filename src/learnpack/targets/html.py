"""The static HTML course: a start page, one page per page, assets and media.

It opens straight from the file system: every link is relative, every script is a
file (no inline script, so a strict Content-Security-Policy holds), and the course
outline is one shared ``assets/course.js`` rather than navigation repeated in every page.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from markupsafe import Markup

from .. import __version__, runtime
from ..digits import digit_zeros
from ..i18n.catalog import Strings, language_name, text_direction
from ..model import Course, Page
from ..pages import MEDIA_FOLDER
from ..scorm.suspend import AnswerLimits, StateKeys, question_size
from .base import BuildSettings, Target

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "media-src 'self'; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'")
RUNTIME_STRINGS = (
    "contents", "close", "continue", "status.visited", "status.unvisited", "status.current",
    "status.passed", "status.failed", "quiz.score", "quiz.passed", "quiz.failed", "quiz.attempts.left",
    "quiz.attempts.none", "quiz.unanswered", "quiz.saved", "quiz.question", "answer.correct",
    "answer.incorrect", "answer.correct_was", "progress.pages", "course.complete", "module", "true", "false",
    "exit.done", "exit.ended", "exit.confirm", "exit", "cancel", "lms.not_recorded", "quiz.not_a_number",
    "restart", "restart.confirm",
)


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """The HTML site has no options."""


class HtmlTarget(Target[Any]):  # Any, not HtmlOptions, while the SCORM targets extend it with their own
    """``--target html``: the course as a static site."""

    name: ClassVar[str] = "html"
    #: The runtime files each page type needs, joined into one script (pages also load course.<lang>.js).
    bundles: ClassVar[dict[str, tuple[str, ...]]] = {
        "page.js": ("numbers.js", "store-local.js", "quiz.js", "learnpack.js"),
        "start.js": ("numbers.js", "store-local.js", "learnpack.js"),
    }
    site_scripts: ClassVar[tuple[str, ...]] = ("choose-language.js",)  # only where there is a chooser page

    @classmethod
    def configure(cls, settings: BuildSettings) -> HtmlOptions:
        return HtmlOptions()

    def write(self, out: Path) -> None:
        courses = self.course.in_languages()
        for course in courses:
            self.write_language(out, course)
        self.write_shared(out, courses)
        self.write_chooser(out, courses)

    def write_shared(self, out: Path, courses: list[Course]) -> None:
        """The theme's assets and the media, once for every language."""
        for name, source in self.context.theme.static_files().items():
            self.copy_file(source, out / "assets" / Path(name).name, None)
        scripts = runtime.files()
        for bundle, parts in self.bundles.items():
            text = "\n".join(scripts[part].read_text(encoding="utf-8") for part in parts)
            self.write_text(out / "assets" / bundle, text, None)
        for name in self.site_scripts:
            self.copy_file(scripts[name], out / "assets" / name, None)
        media = {m for course in courses for page in course.pages for m in page.media}
        for path in sorted(media):
            self.copy_file(path, out / MEDIA_FOLDER / path.relative_to(self.course.root), None)

    def write_chooser(self, out: Path, courses: list[Course]) -> None:
        """``index.html``: the languages of the course; it opens the learner's own by itself.

        The page is in the source language, and opens it when the learner's languages are
        not there; it lists ``courses`` in their order, that of ``languages`` in course.yml.
        """
        source = self.course
        renderer = self.context.renderer(source.language)
        html = renderer.env.get_template("languages.html").render(
            course=source, courses=courses, lang=source.language, dir=self.direction(source.language),
            csp=CSP, version=__version__, t=renderer.strings, language_name=language_name,
            rtl={c.language for c in courses if self.direction(c.language) == "rtl"},
        )
        self.write_text(out / "index.html", html, None)

    def languages(self, course: Course) -> list[str]:
        """The languages a page links to in its language menu (all of them in the HTML site)."""
        return list(self.course.config.languages)

    def write_language(self, out: Path, course: Course) -> None:
        """The start page and the pages of ``course`` in its language, under ``out/<language>/``."""
        language = course.language
        renderer = self.context.renderer(language)
        env = renderer.env
        strings = renderer.strings
        pages = course.pages
        hrefs = {page.id: f"{page.id}.html" for page in pages}
        site = out / language
        common: dict[str, Any] = {
            "course": course,
            "lang": language,
            "dir": self.direction(language),
            "csp": CSP,
            "version": __version__,
            "t": strings,
            "scripts": (f"course.{language}.js", "page.js"),
            "in_lms": self.name != "html",
            "languages": self.languages(course),
            "language_name": language_name,
            "direction": self.direction,
            "in_language": functools.partial(in_language, page_language=language),
            "fill": fill,
            "bdi": bdi,
        }
        index = env.get_template("index.html").render(
            **{**common, "scripts": (f"course.{language}.js", "start.js")},
            root="",
            assets="../assets/",
            page_id="",
            hrefs=hrefs,
            first_href=hrefs[pages[0].id] if pages else "index.html",
            page_count=len(pages),
            question_count=sum(q.asked for q in course.quizzes),
        )
        self.write_text(site / "index.html", index, language)
        page_template = env.get_template("page.html")
        placed = [(number, module) for number, module in enumerate(course.modules, start=1) for _ in module.pages]
        for position, (page, (number, module)) in enumerate(zip(pages, placed, strict=True)):
            if self.context.on_page is not None:
                self.context.on_page(page.id)
            html = page_template.render(
                **common,
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
            )
            self.write_text(site / hrefs[page.id], html, language)
        script = course_script(course, strings, hrefs, self.languages(course))
        self.write_text(out / "assets" / f"course.{language}.js", script, language)


def _link(page: Page) -> dict[str, str]:
    return {"href": f"../{page.id}.html", "title": page.title, "lang": page.language}


def course_script(course: Course, strings: Strings, hrefs: dict[str, str], languages: list[str]) -> str:
    """``assets/course.js``: the outline, state keys and runtime strings, shared by every page."""
    config = course.config
    keys = StateKeys.for_course(course)
    data = {
        "id": config.id,
        "version": config.version,
        "title": config.title,
        "language": course.language,
        "languages": languages,
        "passMark": config.pass_mark,
        "digitZeros": digit_zeros(),  # numbers.js reads answers typed in any digits
        "directions": {lang: text_direction(lang) for lang in course.config.languages},
        "limits": AnswerLimits.for_course(course).by_kind(),
        "modules": [
            {"title": m.title, "lang": m.title_language or course.language,
             "pages": [{"id": p.id, "key": keys.pages[p.id], "title": p.title, "lang": p.language or course.language,
                        "href": hrefs[p.id], "quizzes": [q.id for q in p.quizzes]}
                       for p in m.pages]}
            for m in course.modules
        ],
        "quizzes": {
            q.id: {"key": keys.quizzes[q.id], "fingerprint": keys.fingerprints[q.id], "asked": q.asked,
                   "pass": q.pass_mark, "draw": q.draw, "attempts": q.attempts,
                   "questions": [{"id": x.id, "kind": x.kind.value, "iid": f"{q.id}.{x.id}".replace("-", "_"),
                                  "size": question_size(x)}
                                 for x in q.questions]}
            for q in course.quizzes
        },
        "strings": {key: strings[key] for key in RUNTIME_STRINGS},
        "plurals": {key: {"forms": strings.forms(key), "table": "".join(map(str, strings.plural_table()))}
                    for key in RUNTIME_STRINGS if strings.is_plural(key)},
    }
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1)
    return f"/* Generated by learnpack: the course outline for the runtime. */\nwindow.LEARNPACK_COURSE = {payload};\n"


def in_language(text: str, language: str, page_language: str) -> Markup:
    """``text`` as HTML, in a ``<span lang dir>`` when it is not in the page's language (WCAG 3.1.2)."""
    if not language or language == page_language:
        return Markup.escape(text)
    return Markup('<span lang="{}" dir="{}">{}</span>').format(language, text_direction(language), text)


def bdi(text: str, language: str) -> Markup:
    """A name in its own language, isolated so that it keeps its order in a sentence of another direction."""
    return Markup('<bdi lang="{}">{}</bdi>').format(language, text)


def fill(template: str, **values: Markup) -> Markup:
    """An interface string with ``{placeholders}`` filled in with markup (the string itself escaped)."""
    return Markup.escape(template).format(**values)
