"""Check and build a course for one or more targets, all or nothing.

Everything is loaded and checked first, every target's own checks included; targets
then write into a temporary folder beside the output, and only a build that succeeded
whole replaces the previous output.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import CourseError, Diagnostic, Diagnostics, LearnpackError, Level
from .loader import load_course
from .model import Course
from .targets import TARGETS
from .targets.base import BuildContext, BuildSettings, OutputFile, Target
from .theme import Theme


@dataclass
class BuildReport:
    course: Course
    out: Path
    files: list[OutputFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def to_json(self) -> dict[str, object]:
        return {
            "ok": True,
            "course": self.course.config.id,
            "out": str(self.out),
            "files": [
                {"target": f.target, "language": f.language, "path": str(f.path)} for f in self.files
            ],
            "diagnostics": [d.to_json() for d in self.diagnostics],
        }


def build(
    course_dir: Path,
    targets: Sequence[str],
    out: Path,
    *,
    strict: bool = False,
    split: str | None = None,
    multilingual: bool = False,
    schemas: Path | None = None,
    scorm12_suspend_limit: int | None = None,
    on_page: Callable[[str], None] | None = None,
) -> BuildReport:
    """Load, check and build ``course_dir`` into ``out/<target>/``; raise on any error."""
    settings = BuildSettings(split=split, multilingual=multilingual, schemas=schemas,
                             scorm12_suspend_limit=scorm12_suspend_limit)
    context, checked, diagnostics = _load_and_check(course_dir, targets, settings, strict=strict, on_page=on_page)
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".learnpack-", dir=out))
    report = BuildReport(course=context.course, out=out, diagnostics=diagnostics)
    try:
        for target in checked:
            written = target.build(staging / target.name)
            report.files.extend(
                OutputFile(f.target, f.language, out / f.path.relative_to(staging)) for f in written
            )
        for target in checked:
            _replace(staging / target.name, out / target.name, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def check(
    course_dir: Path,
    targets: Sequence[str] = (),
    *,
    strict: bool = False,
    split: str | None = None,
    multilingual: bool = False,
    scorm12_suspend_limit: int | None = None,
) -> tuple[Course, list[Diagnostic]]:
    """Load and check ``course_dir`` as a build of ``targets`` would, writing nothing.

    With no ``targets``, every target is checked, and what only a target minds is a
    warning that names it: the course is fine, but that target would refuse it.
    Raises :class:`CourseError` on errors (or warnings, with ``strict``); returns the
    course and its warnings.
    """
    settings = BuildSettings(split=split, multilingual=multilingual, scorm12_suspend_limit=scorm12_suspend_limit)
    context, _, diagnostics = _load_and_check(course_dir, targets or list(TARGETS), settings, strict=strict,
                                              advisory=not targets)
    return context.course, diagnostics


def _load_and_check(course_dir: Path, names: Sequence[str], settings: BuildSettings, *, strict: bool,
                    advisory: bool = False, on_page: Callable[[str], None] | None = None,
                    ) -> tuple[BuildContext, list[Target[Any]], list[Diagnostic]]:
    """The loaded course, its targets and the warnings; :class:`CourseError` if a build must stop."""
    _known(names)
    options = target_options(settings)
    diagnostics = Diagnostics()
    course = load_course(course_dir, diagnostics)
    context = BuildContext(course, Theme.find(course.config.theme, course.root), on_page=on_page)
    targets = [TARGETS[name](context, options[name]) for name in dict.fromkeys(names)]
    check_targets(targets, diagnostics, advisory=advisory)
    if diagnostics.errors or (strict and diagnostics.warnings):
        raise CourseError(diagnostics.sorted())
    return context, targets, diagnostics.sorted()


def target_options(settings: BuildSettings) -> dict[str, Any]:
    """Every target's typed options from ``settings``, by target name.

    Every target is configured, not only those built, so that a bad option is refused
    whatever the targets (:class:`LearnpackError`, before anything is loaded).
    """
    return {name: target.configure(settings) for name, target in TARGETS.items()}


def check_targets(targets: Sequence[Target[Any]], diagnostics: Diagnostics, *, advisory: bool = False) -> None:
    """Run each target's check into ``diagnostics``.

    A problem several targets find is reported once. With ``advisory`` every problem is a
    warning that starts with the names of the targets that found it (``scorm12: ...``).
    """
    found: dict[Diagnostic, list[str]] = {}
    for target in targets:
        own = Diagnostics()
        target.check(own)
        for item in own.items:
            found.setdefault(item, []).append(target.name)
    for item, by in found.items():
        if advisory:
            item = Diagnostic(item.path, item.line, Level.WARNING, f"{', '.join(by)}: {item.message}", item.code)
        diagnostics.items.append(item)


def _known(targets: Sequence[str]) -> None:
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise LearnpackError(f"unknown target {unknown[0]!r}; known: {', '.join(TARGETS)}")


def _replace(new: Path, final: Path, staging: Path) -> None:
    """Move ``new`` to ``final``, keeping the old folder until the new one is in place."""
    old = staging / f"{final.name}.previous"
    if final.exists():
        final.rename(old)
    new.rename(final)
