"""Build a course for one or more targets, all or nothing.

Everything is loaded and checked first; targets then write into a temporary folder
beside the output, and only a build that succeeded whole replaces the previous output.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CourseError, Diagnostic, Diagnostics, LearnpackError
from .loader import load_course
from .model import Course
from .targets import TARGETS
from .targets.base import BuildContext, OutputFile
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
    on_page: Callable[[str], None] | None = None,
) -> BuildReport:
    """Load, check and build ``course_dir`` into ``out/<target>/``; raise on any error."""
    unknown = [t for t in targets if t not in TARGETS]
    if unknown:
        raise LearnpackError(f"unknown target {unknown[0]!r}; known: {', '.join(TARGETS)}")
    diagnostics = Diagnostics()
    course = load_course(course_dir, diagnostics)
    if strict and diagnostics.warnings:
        raise CourseError(diagnostics.sorted())
    if schemas is not None and not schemas.is_dir():
        raise LearnpackError(f"--schemas {schemas}: no such folder")
    context = BuildContext(course, Theme.find(course.config.theme, course.root), on_page=on_page,
                           options={"split": split, "schemas": schemas, "multilingual": multilingual})
    out = out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".learnpack-", dir=out))
    report = BuildReport(course=course, out=out, diagnostics=diagnostics.sorted())
    try:
        for name in dict.fromkeys(targets):
            written = TARGETS[name](context).build(staging / name)
            report.files.extend(
                OutputFile(f.target, f.language, out / f.path.relative_to(staging)) for f in written
            )
        for name in dict.fromkeys(targets):
            _replace(staging / name, out / name, staging)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return report


def _replace(new: Path, final: Path, staging: Path) -> None:
    """Move ``new`` to ``final``, keeping the old folder until the new one is in place."""
    old = staging / f"{final.name}.previous"
    if final.exists():
        final.rename(old)
    new.rename(final)
