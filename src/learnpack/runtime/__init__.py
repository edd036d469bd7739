"""learnpack's learner runtime: the JavaScript of pages, quizzes, progress and the LMS.

It is learnpack's own code, not a theme's: a theme styles and lays out pages (templates and
CSS) but cannot replace the protocol code that grades answers and writes the LMS record.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import rjsmin

FOLDER = Path(__file__).parent


@cache
def files() -> dict[str, Path]:
    """Output name (``learnpack.js``, ``scorm/scorm12.js``) -> file."""
    return {p.relative_to(FOLDER).as_posix(): p for p in sorted(FOLDER.rglob("*.js"))}


#: What every question kind's script needs loaded before it: numbers read as the grading reads
#: them, and the registry the kinds define themselves in (``window.LearnpackKinds``).
KIND_BASE: tuple[str, ...] = ("numbers.js", "kinds/_base.js")


def _kind_scripts() -> tuple[str, ...]:
    """The question kinds' own scripts (``kinds/choice.js`` …), each needing only :data:`KIND_BASE`."""
    names = (p.relative_to(FOLDER).as_posix() for p in (FOLDER / "kinds").glob("*.js"))
    return tuple(sorted(name for name in names if name not in KIND_BASE))


#: What grades, keeps and reports every kind's answers (the SCO launcher's; a page loads
#: :data:`KIND_BASE` and the scripts of the kinds it asks).
KINDS: tuple[str, ...] = (*KIND_BASE, *_kind_scripts())


@cache
def joined(parts: tuple[str, ...]) -> bytes:
    """The runtime files ``parts`` as one script, in that order, minified (read once per process):
    learners download the code, the comments and the layout stay in the source."""
    scripts = files()
    return "\n".join(rjsmin.jsmin(scripts[part].read_text(encoding="utf-8")) for part in parts).encode("utf-8")
