"""What the SCORM targets share: the SCO (the HTML course behind a launcher), the
package checks, the manifest and the zip. Each version adds only its names.
"""

from __future__ import annotations

import re
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import ClassVar

from .. import __version__
from ..errors import CourseError, Diagnostics
from ..model import Course
from ..scorm.manifest import PackageInfo, Version, build_manifest, build_metadata_12, xml_id
from ..scorm.package import write_zip
from ..scorm.suspend import LIMITS, worst_case_length
from .base import OutputFile
from .html import CSP, HtmlTarget

MOODLE_ID = re.compile(r"^[\w.]{1,250}$", re.ASCII)
SCO_CSP = CSP.replace("default-src 'none';", "default-src 'none'; frame-src 'self';")


def interaction_id(quiz_id: str, question_id: str) -> str:
    """``vitale-tegn`` / ``puls-normal`` -> ``vitale_tegn.puls_normal``: what Moodle accepts."""
    return f"{quiz_id}.{question_id}".replace("-", "_")


class ScormTarget(HtmlTarget):
    """A SCORM package per language (and per module with ``split="modules"``)."""

    version: ClassVar[Version]
    adapter: ClassVar[str]
    scripts: ClassVar[tuple[str, ...]] = ("course.js", "store-local.js", "store-sco.js", "learnpack.js")
    site_scripts: ClassVar[tuple[str, ...]] = ()

    def write(self, out: Path) -> None:
        self.check(self.course)
        for course in self.course.in_languages():
            for unit, suffix in self.units(course):
                name = "-".join(filter(None, [course.config.id, course.config.version, course.language,
                                              suffix, self.name]))
                self.write_package(out / f"{name}.zip", unit, course.language, suffix)

    def languages(self, course: Course) -> list[str]:
        return [course.language]  # one language per package

    def units(self, course: Course) -> list[tuple[Course, str]]:
        """The course as one SCO, or one course per module."""
        if self.context.options.get("split") != "modules":
            return [(course, "")]
        return [(replace(course, modules=(module,)), module.slug) for module in course.modules]

    def check(self, course: Course) -> None:
        """Refuse what no LMS would store: ids Moodle rejects, state longer than suspend_data holds."""
        diagnostics = Diagnostics()
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
        for unit, _ in self.units(course):
            size, limit = worst_case_length(unit), LIMITS[self.name]
            if size > limit:
                diagnostics.error(
                    course.root / "course.yml", 1,
                    f"the learner state of this course can reach {size} characters, more than the {limit} "
                    f"that {self.name} suspend_data holds: use fewer or shorter free-text questions, "
                    "--split modules, or --target scorm2004", "scorm.suspend_data_limit")
        if diagnostics.items:
            raise CourseError(diagnostics.sorted())

    def write_package(self, dest: Path, course: Course, language: str, suffix: str) -> None:
        start = len(self.written)
        with tempfile.TemporaryDirectory(prefix="learnpack-sco-") as folder:
            site = Path(folder)
            self.write_language(site, course)
            self.write_shared(site, [course])
            self.write_launcher(site, course, language)
            files = {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}
        del self.written[start:]  # the site is inside the zip, not an output of its own
        config = course.config
        info = PackageInfo(
            identifier=xml_id(*filter(None, ["learnpack", config.id, suffix, config.version, language])),
            sco_identifier=xml_id(*filter(None, ["learnpack", config.id, suffix, language])),
            version=config.version,
            title=config.title if not suffix else f"{config.title}: {course.modules[0].title}",
            description=config.description,
            language=language,
            launch="sco.html",
            files=sorted(files) + (["metadata.xml"] if self.version.name == "scorm12" else []),
            mastery=config.pass_mark if any(q.asked for q in course.quizzes) else None,
            metadata_file="metadata.xml" if self.version.name == "scorm12" else None,
        )
        if self.version.name == "scorm12":
            files["metadata.xml"] = build_metadata_12(info)
        files["imsmanifest.xml"] = build_manifest(self.version, info)
        files.update(self.schema_files())
        write_zip(dest, files)
        self.written.append(OutputFile(self.name, language, dest))

    def write_launcher(self, site: Path, course: Course, language: str) -> None:
        renderer = self.context.renderer(language)
        html = renderer.env.get_template("sco.html").render(
            course=course, lang=language, dir=self.direction(language), csp=SCO_CSP,
            version=__version__, t=renderer.strings, adapter=self.adapter, course_script=f"course.{language}.js",
        )
        (site / "sco.html").write_text(html, encoding="utf-8")
        static = self.context.theme.static_files()
        for name in (self.adapter, "sco-runtime.js"):
            shutil.copyfile(static[f"scorm/{name}"], site / "assets" / name)

    def schema_files(self) -> dict[str, bytes]:
        """ADL's schema files from ``--schemas DIR`` for the package root (learnpack ships none)."""
        schemas = self.context.options.get("schemas")
        if not schemas:
            return {}
        folder = Path(schemas) / ("scorm12" if self.version.name == "scorm12" else "scorm2004-4th")
        return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
                if p.is_file() and p.suffix in (".xsd", ".dtd") and p.name != "manifest.xsd"}
