"""learnpack's learner runtime: the JavaScript of pages, quizzes, progress and the LMS.

It is learnpack's own code, not a theme's: a theme styles and lays out pages (templates and
CSS) but cannot replace the protocol code that grades answers and writes the LMS record.
"""

from __future__ import annotations

from pathlib import Path

FOLDER = Path(__file__).parent


def files() -> dict[str, Path]:
    """Output name (``learnpack.js``, ``scorm/scorm12.js``) -> file."""
    return {p.relative_to(FOLDER).as_posix(): p for p in sorted(FOLDER.rglob("*.js"))}
