"""The static HTML course: a start page, one page per page, assets and media.

It opens straight from the file system: every link is relative, every script is a
file (no inline script, so a strict Content-Security-Policy holds), and the course
outline is one shared ``assets/course.<lang>.js`` rather than navigation repeated in every page.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ._site import Bundles, Files
from .base import BuildSettings, Target

#: The runtime files each page type needs, joined into one script (pages also load shell.<lang>.js,
#: and a page with questions the scripts of their kinds: see _site.kind_bundles).
BUNDLES: Bundles = {
    "page.js": ("store-local.js", "quiz.js", "learnpack.js"),
    "start.js": ("store-local.js", "progress.js", "learnpack.js"),
    "choose-language.js": ("languages.js", "choose-language.js"),  # the language chooser, index.html
}


@dataclass(frozen=True, slots=True)
class HtmlOptions:
    """The HTML site has no options."""


class HtmlTarget(Target[HtmlOptions]):
    """``--target html``: the course as a static site, every language with a chooser page."""

    name: ClassVar[str] = "html"

    @classmethod
    def configure(cls, settings: BuildSettings) -> HtmlOptions:
        return HtmlOptions()

    def write(self, out: Path) -> None:
        site = self.context.site
        courses = self.course.in_languages()
        languages = list(self.course.config.languages)  # every page's menu offers them all
        files: Files = {}
        for course in courses:
            files.update(site.language(course, languages))
        files.update(site.shared(courses, BUNDLES))
        files.update(site.chooser(courses))
        self.write_files(out, files)
