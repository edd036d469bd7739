"""The target skeleton: a name, typed options, a check and a write over the loaded course.

What every target shares besides: the course, the theme, the page renderers, the site
writer and the record of files written.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, Generic, TypeVar

from ..errors import Diagnostics
from ..i18n.catalog import Strings
from ..model import Course
from ..scorm.suspend import AnswerLimits
from ..theme import Theme
from ._render import PageRenderer
from ._site import Files, SiteWriter
from ._urls import SiteUrls


@dataclass(frozen=True, slots=True)
class OutputFile:
    target: str
    language: str | None  # None: shared by every language (assets, media)
    path: Path


@dataclass(frozen=True, slots=True)
class BuildSettings:
    """What a build asks of its targets: the keyword arguments of ``build()``, the options of the command line.

    Each target takes the part that concerns it as its own typed options (:meth:`Target.configure`).
    """

    split: str | None = None
    multilingual: bool = False
    schemas: Path | None = None
    scorm12_suspend_limit: int | None = None


@dataclass
class BuildContext:
    """Shared by all targets of one build, so each page is rendered only once."""

    course: Course  # in its source language, its translations in ``course.translations``
    theme: Theme
    on_page: Callable[[str], None] | None = None
    renderers: dict[str, PageRenderer] = field(default_factory=dict)
    site: SiteWriter = field(init=False)

    def __post_init__(self) -> None:
        self.site = SiteWriter(self)

    @property
    def urls(self) -> SiteUrls:
        """Where the course's files are in the site."""
        return SiteUrls(self.course.root)

    def renderer(self, language: str) -> PageRenderer:
        if language not in self.renderers:
            strings = Strings(language, self.course.config.strings.get(language))
            limits = AnswerLimits.for_course(self.course).by_kind()
            self.renderers[language] = PageRenderer(self.theme.environment(), strings, limits, self.urls)
        return self.renderers[language]


OptionsT = TypeVar("OptionsT")


class Target(Generic[OptionsT]):
    """A build target: subclasses set :attr:`name`, type their options (a frozen dataclass,
    ``Target[HtmlOptions]``) and implement :meth:`configure` and :meth:`write`.

    The build configures every target first (so a bad option stops it before anything is
    loaded), then calls :meth:`check` of every target before any of them writes; ``build``
    then writes into ``out`` (a fresh folder the caller moves into place later) and
    returns every file written.
    """

    name: ClassVar[str]

    def __init__(self, context: BuildContext, options: OptionsT) -> None:
        self.context = context
        self.course = context.course
        self.options = options
        self.written: list[OutputFile] = []

    @classmethod
    def configure(cls, settings: BuildSettings) -> OptionsT:
        """This target's options from what the build asks; :class:`LearnpackError` for a value it refuses."""
        raise NotImplementedError

    def check(self, diagnostics: Diagnostics) -> None:
        """Add every problem this target has with the course to ``diagnostics``; write nothing."""

    def build(self, out: Path) -> list[OutputFile]:
        out.mkdir(parents=True, exist_ok=True)
        self.write(out)
        return self.written

    def write(self, out: Path) -> None:
        raise NotImplementedError

    # -- helpers for subclasses -------------------------------------------------------

    def write_files(self, out: Path, files: Files) -> None:
        """Write ``files`` (a site, in memory) under ``out``, recording each."""
        for name, file in files.items():
            path = out / name
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(file.content, Path):
                shutil.copyfile(file.content, path)
            else:
                path.write_bytes(file.content)
            self.written.append(OutputFile(self.name, file.language, path))
