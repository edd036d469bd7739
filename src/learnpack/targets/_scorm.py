"""What the SCORM targets share: the SCO (the HTML course behind a launcher), the
package checks, the manifest and the zip. Each version adds only its names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar, Literal

from .. import __version__, runtime
from ..errors import Diagnostics, LearnpackError
from ..i18n.catalog import text_direction
from ..model import Course
from ..scorm.manifest import PackageInfo, build_manifest, build_metadata_12, xml_id
from ..scorm.package import write_zip
from ..scorm.suspend import worst_case_length
from ..scorm.versions import ScormVersion, runtime_script
from ._split import check_split_links, unlink_pages
from ._site import CSP, Bundles, Files, SiteFile
from .base import BuildContext, BuildSettings, OutputFile, Target

MOODLE_ID = re.compile(r"^[\w.]{1,250}$", re.ASCII)
SCO_CSP = CSP.replace("default-src 'none';", "default-src 'none'; frame-src 'self';")


def interaction_id(quiz_id: str, question_id: str) -> str:
    """``vitale-tegn`` / ``puls-normal`` -> ``vitale_tegn.puls_normal``: what Moodle accepts."""
    return f"{quiz_id}.{question_id}".replace("-", "_")


@dataclass(frozen=True, slots=True)
class ScormOptions:
    """What a SCORM target makes: one package per language or one for all, per course or per module."""

    suspend_limit: int  # the characters of ``suspend_data`` the LMS keeps
    split: Literal["modules"] | None = None  # one package per module
    multilingual: bool = False  # one package with every language and a language menu
    schemas: Path | None = None  # a folder of ADL's schema files to copy into each package


#: The site's scripts in a package: those of the HTML site, with the store that keeps the state in the LMS.
BUNDLES: Bundles = {
    "page.js": ("store-local.js", "scorm/store-sco.js", "quiz.js", "learnpack.js"),
    "start.js": ("store-local.js", "scorm/store-sco.js", "progress.js", "learnpack.js"),
}


class ScormTarget(Target[ScormOptions]):
    """A SCORM package per language (and per module with ``split="modules"``): the course's site,
    as the site writer renders it for every target, behind a launcher, zipped from memory."""

    version: ClassVar[ScormVersion]
    adapter: ClassVar[str]
    #: Other ways to hold a longer learner state: (characters they hold, how to ask for it).
    roomier: ClassVar[tuple[tuple[int, str], ...]] = ()

    def __init__(self, context: BuildContext, options: ScormOptions) -> None:
        super().__init__(context, options)
        self._module_titles: dict[str, dict[str, tuple[str, str]]] = {}

    @classmethod
    def configure(cls, settings: BuildSettings) -> ScormOptions:
        if settings.schemas is not None and not settings.schemas.is_dir():
            raise LearnpackError(f"--schemas {settings.schemas}: no such folder")
        if settings.split not in (None, "modules"):
            raise LearnpackError(f"--split {settings.split}: the only way to split a course is 'modules'")
        return ScormOptions(suspend_limit=cls.suspend_limit_from(settings),
                            split="modules" if settings.split else None,
                            multilingual=settings.multilingual, schemas=settings.schemas)

    @classmethod
    def suspend_limit_from(cls, settings: BuildSettings) -> int:
        """The characters of ``suspend_data`` the LMS keeps: the standard's, unless the version lets a build say."""
        return cls.version.suspend_limit

    @property
    def split(self) -> bool:
        return self.options.split == "modules"

    def write(self, out: Path) -> None:
        courses = self.course.in_languages()
        packages = [(courses, "mul")] if self.options.multilingual else [([c], c.language) for c in courses]
        for group, label in packages:  # ISO 639 "mul": several languages
            for units, suffix in self.units(group):
                name = "-".join(filter(None, [self.course.config.id, self.course.config.version, label,
                                              suffix, self.name]))
                self.write_package(out / f"{name}.zip", units, label, suffix)

    def units(self, courses: list[Course]) -> list[tuple[list[Course], str]]:
        """The course as one SCO, or one per module (each in the same languages)."""
        if not self.split:
            return [(courses, "")]
        return [([replace(c, modules=(c.modules[index],)) for c in courses], module.slug)
                for index, module in enumerate(self.course.modules)]  # the same modules in every language

    def check(self, diagnostics: Diagnostics) -> None:
        """Errors for what no LMS would store (ids Moodle rejects, state longer than
        suspend_data holds); warnings for links a ``--split modules`` package cannot follow.
        """
        course = self.course
        seen: dict[str, str] = {}
        for quiz in course.quizzes:
            for question in quiz.questions:
                iid = interaction_id(quiz.id, question.id)
                where = question.origin
                if not MOODLE_ID.match(iid):
                    diagnostics.error(where.path, where.line, f"interaction id {iid!r} is not valid in SCORM "
                                      "(letters, digits, '_' and '.' only)", "scorm.invalid_id")
                elif iid in seen:
                    diagnostics.error(where.path, where.line, f"interaction id {iid!r} is the same as for "
                                      f"{seen[iid]} once '-' becomes '_': rename one of them", "scorm.id_collision")
                seen.setdefault(iid, f"question {question.id!r} of quiz {quiz.id!r}")
        limit = self.options.suspend_limit
        for (unit, *_), module in self.units([course]):
            size = worst_case_length(unit)
            if size > limit:
                diagnostics.error(course.root / "course.yml", 1, self.state_too_long(size, limit, module),
                                  "scorm.suspend_data_limit")
        if self.split:
            check_split_links(course, diagnostics)

    def state_too_long(self, size: int, limit: int, module: str) -> str:
        """Why the learner state does not fit, with the numbers and every way out."""
        ways = ["fewer or shorter free-text answers (lower answer_length in course.yml)"]
        if not self.split:
            ways.append("--split modules")
        ways += [how for room, how in self.roomier if limit < room and size <= room]
        listed = f"{', '.join(ways[:-1])} or {ways[-1]}" if len(ways) > 1 else ways[0]
        of = f"module {module}" if module else "this course"
        return (f"the learner state of {of} can reach {size} characters, more than the {limit} "
                f"that {self.name} suspend_data holds: use {listed}")

    def write_package(self, dest: Path, courses: list[Course], label: str, suffix: str) -> None:
        """One zip: the SCO in each of ``courses`` (one language, or all with --multilingual)."""
        source = _lead(courses)
        languages = [c.language for c in courses]  # the language menu offers the languages of this package
        site = self.context.site
        files: Files = {}
        for course in courses:
            pages = site.language(course, languages)
            files.update(self.unlink_other_modules(pages, course, suffix) if self.split else pages)
        files.update(site.shared(courses, BUNDLES))
        files.update(self.launcher(source))
        contents = {name: files[name].read() for name in sorted(files)}
        config = source.config
        info = PackageInfo(
            identifier=xml_id(*filter(None, ["learnpack", config.id, suffix, config.version, label])),
            sco_identifier=xml_id(*filter(None, ["learnpack", config.id, suffix, label])),
            version=config.version,
            title=config.title if not suffix else f"{config.title}: {source.modules[0].title}",
            description=config.description,
            language=source.language,
            languages=tuple(languages),
            launch="sco.html",
            files=sorted(contents) + ([self.version.metadata_file] if self.version.metadata_file else []),
            mastery=config.pass_mark if any(q.asked for q in source.quizzes) else None,
            metadata_file=self.version.metadata_file,
        )
        if self.version.metadata_file:
            contents[self.version.metadata_file] = build_metadata_12(info)
        contents["imsmanifest.xml"] = build_manifest(self.version, info)
        contents.update(self.schema_files())
        write_zip(dest, contents)
        self.written.append(OutputFile(self.name, label, dest))

    def unlink_other_modules(self, pages: Files, course: Course, module: str) -> Files:
        """``pages`` with links to pages of modules other than ``module``, the one this package holds,
        become text naming that module."""
        language = course.language
        module_titles = self.module_titles(language)
        note = self.context.renderer(language).strings["link.other_module"]
        unlinked = dict(pages)
        for page in course.pages:
            name = f"{language}/{page.id}.html"
            html = unlink_pages(pages[name].read().decode("utf-8"), page.id, module_titles, module, note, language)
            if html is not None:
                unlinked[name] = SiteFile(language, html.encode("utf-8"))
        return unlinked

    def module_titles(self, language: str) -> dict[str, tuple[str, str]]:
        """Page id -> (slug, title in ``language``) of its module, for every page of the course; made once."""
        if language not in self._module_titles:
            self._module_titles[language] = {
                page.id: (module.slug, module.title)
                for module in self.course.in_language(language).modules for page in module.pages
            }
        return self._module_titles[language]

    def launcher(self, course: Course) -> Files:
        """``sco.html``, the page the LMS opens, and the scripts that speak with the LMS."""
        language = course.language
        renderer = self.context.renderer(language)
        html = renderer.env.get_template("sco.html").render(
            course=course, lang=language, dir=text_direction(language), csp=SCO_CSP,
            version=__version__, t=renderer.strings, adapter=self.adapter, course_script=f"course.{language}.js",
        )
        files: Files = {"sco.html": SiteFile(None, html.encode("utf-8"))}
        for name in (self.adapter, "suspend.js", "sco-runtime.js"):
            files[f"assets/{name}"] = SiteFile(None, runtime.joined((f"scorm/{name}",)))
        files["assets/kinds.js"] = SiteFile(None, runtime.joined(runtime.KINDS))  # the journal's responses
        files["assets/languages.js"] = SiteFile(None, runtime.joined(("languages.js",)))  # the learner's language
        facts = runtime_script(self.version, self.options.suspend_limit)
        files["assets/scorm-version.js"] = SiteFile(None, facts.encode("utf-8"))
        return files

    def schema_files(self) -> dict[str, bytes]:
        """ADL's schema files from ``--schemas DIR`` for the package root (learnpack ships none)."""
        schemas = self.options.schemas
        if schemas is None:
            return {}
        folder = schemas / self.version.xsd_folder
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.is_file() and p.suffix in (".xsd", ".dtd") and p.name != "manifest.xsd"}


def _lead(courses: list[Course]) -> Course:
    """The package's own language: its only one, or the source language of a multilingual package
    (the manifest's language, the launcher's and what a learner without a preference sees)."""
    if len(courses) == 1:
        return courses[0]  # its only language, the source or not
    return next(course for course in courses if course.is_source)
