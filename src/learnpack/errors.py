"""Diagnostics (``path:line: error: message [code]``) and the user-facing exceptions."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

import click


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"  # validate's plain-words notes, e.g. that learners' tracks survive an update


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """One problem found in a course or a package, with the file and 1-based line it points at.

    ``learnpack check``, ``build``, ``i18n import`` and ``validate`` all report these; every
    code is in :data:`learnpack.codes.CODES`.
    """

    path: Path
    line: int | None
    level: Level
    message: str
    code: str

    @classmethod
    def of(cls, level: str, code: str, message: str, path: str | Path = "imsmanifest.xml",
           line: int | None = None) -> Diagnostic:
        """A finding in a package (``validate``): level, code and message first, the member path after."""
        return cls(Path(path), line, Level(level), message, code)

    def format(self) -> str:
        where = display_path(self.path)
        if self.line:
            where = f"{where}:{self.line}"
        return f"{where}: {self.level}: {self.message} [{self.code}]"

    def to_json(self) -> dict[str, object]:
        return {
            "path": display_path(self.path),
            "line": self.line,
            "level": str(self.level),
            "message": self.message,
            "code": self.code,
        }


def display_path(path: Path) -> str:
    """A path relative to the working directory when it lies below it."""
    absolute = Path(path).absolute()
    try:
        return absolute.relative_to(Path.cwd()).as_posix()
    except ValueError:
        return str(absolute)


@dataclass
class Diagnostics:
    """Collects every problem of a build so they can be reported together."""

    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: Path, line: int | None, message: str, code: str) -> None:
        self.items.append(Diagnostic(path, line, Level.ERROR, message, code))

    def warning(self, path: Path, line: int | None, message: str, code: str) -> None:
        self.items.append(Diagnostic(path, line, Level.WARNING, message, code))

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level is Level.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.level is Level.WARNING]

    def sorted(self) -> list[Diagnostic]:
        return sorted(self.items, key=lambda d: (str(d.path), d.line or 0, d.code, d.message))


class LearnpackError(click.ClickException):
    """A mistake the user can act on: printed without a traceback, exit status 1."""


class CourseError(LearnpackError):
    """The course has errors; every one of them is in :attr:`diagnostics`."""

    def __init__(self, diagnostics: list[Diagnostic]) -> None:
        self.diagnostics = diagnostics
        count = sum(d.level is Level.ERROR for d in diagnostics)
        super().__init__(f"{count} error{'s' if count != 1 else ''}: nothing was written")

    def format_message(self) -> str:
        lines = [d.format() for d in self.diagnostics]
        lines.append(self.message)
        return "\n".join(lines)
