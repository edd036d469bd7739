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
from .targets.base import BuildContext, OutputFile, Target
from .targets.scorm12 import SUSPEND_LIMIT_RANGE
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
    if schemas is not None and not schemas.is_dir():
        raise LearnpackError(f"--schemas {schemas}: no such folder")
    options = target_options(split=split, multilingual=multilingual, schemas=schemas,
                             scorm12_suspend_limit=scorm12_suspend_limit)
    context, checked, diagnostics = _load_and_check(course_dir, targets, options, strict=strict, on_page=on_page)
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
    options = target_options(split=split, multilingual=multilingual, scorm12_suspend_limit=scorm12_suspend_limit)
    context, _, diagnostics = _load_and_check(course_dir, targets or list(TARGETS), options, strict=strict,
                                              advisory=not targets)
    return context.course, diagnostics


def _load_and_check(course_dir: Path, names: Sequence[str], options: dict[str, Any], *, strict: bool,
                    advisory: bool = False, on_page: Callable[[str], None] | None = None,
                    ) -> tuple[BuildContext, list[Target], list[Diagnostic]]:
    """The loaded course, its targets and the warnings; :class:`CourseError` if a build must stop."""
    _known(names)
    diagnostics = Diagnostics()
    course = load_course(course_dir, diagnostics)
    context = BuildContext(course, Theme.find(course.config.theme, course.root), on_page=on_page, options=options)
    targets = check_targets(context, names, diagnostics, advisory=advisory)
    if diagnostics.errors or (strict and diagnostics.warnings):
        raise CourseError(diagnostics.sorted())
    return context, targets, diagnostics.sorted()


def check_targets(context: BuildContext, names: Sequence[str], diagnostics: Diagnostics, *,
                  advisory: bool = False) -> list[Target]:
    """Run each target's check into ``diagnostics`` and return the targets, ready to build.

    A problem several targets find is reported once. With ``advisory`` every problem is a
    warning that starts with the names of the targets that found it (``scorm12: ...``).
    """
    targets = [TARGETS[name](context) for name in dict.fromkeys(names)]
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
    return targets


def target_options(*, split: str | None = None, multilingual: bool = False, schemas: Path | None = None,
                   scorm12_suspend_limit: int | None = None) -> dict[str, Any]:
    """The options targets read from :attr:`BuildContext.options`, checked."""
    low, high = SUSPEND_LIMIT_RANGE
    if scorm12_suspend_limit is not None and not low <= scorm12_suspend_limit <= high:
        raise LearnpackError(
            f"--scorm12-suspend-limit {scorm12_suspend_limit}: must be from {low} (the SCORM 1.2 standard) to "
            f"{high} (what Moodle keeps with SCORM standards mode off)")
    limits = {"scorm12": scorm12_suspend_limit} if scorm12_suspend_limit is not None else {}
    return {"split": split, "schemas": schemas, "multilingual": multilingual, "suspend_limits": limits}


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
