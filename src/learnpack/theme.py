"""Themes: Jinja templates and static files (CSS, images), the built-in default overridable per course.

A theme cannot replace the learner runtime (``learnpack.runtime``): a script of a theme's
with a runtime file's name is left out.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import jinja2

from . import runtime

BUILTIN = Path(__file__).parent / "themes"


@dataclass(frozen=True)
class Theme:
    """A stack of theme folders, most specific first; the built-in default is always last."""

    folders: tuple[Path, ...]

    @classmethod
    def find(cls, name: str, course_root: Path, cwd: Path | None = None) -> Theme:
        candidates = [course_root / "themes" / name, (cwd or Path.cwd()) / "themes" / name, BUILTIN / name]
        folders = [c for c in candidates if c.is_dir()]
        default = BUILTIN / "default"
        if default not in folders:
            folders.append(default)
        return cls(tuple(dict.fromkeys(f.resolve() for f in folders)))

    def environment(self) -> jinja2.Environment:
        loader = jinja2.FileSystemLoader([str(f / "templates") for f in self.folders])
        env = jinja2.Environment(
            loader=loader,
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
        )
        return env

    def static_files(self) -> dict[str, Path]:
        """Output name -> file, a more specific theme's file winning."""
        files: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file():
                        files[path.relative_to(static).as_posix()] = path
        for name in runtime.files():
            files.pop(name, None)  # protocol code is learnpack's, never a theme's
        return dict(sorted(files.items()))
