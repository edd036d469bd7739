"""Where the test courses are, and writing a small course of one's own."""

from __future__ import annotations

from pathlib import Path

TESTS = Path(__file__).resolve().parent.parent
ROOTS = TESTS / "roots"
REPO = TESTS.parent
SAMPLE = REPO / "content" / "vitale-tegn"
SCHEMAS = REPO.parent / "shared" / "schemas"  # ADL's XSDs beside the checkout; never copied into it


def write_course(root: Path, pages: dict[str, str], course_yml: str | None = None) -> Path:
    """Write a small course: ``pages`` maps ``"01-m/01-p.md"`` to its text."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yml").write_text(
        course_yml or "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\n", encoding="utf-8"
    )
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root
