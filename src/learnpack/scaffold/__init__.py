"""``learnpack new``: a small course that builds at once and shows the syntax."""

from __future__ import annotations

from pathlib import Path

from ..config import language_problem
from ..errors import LearnpackError
from ..slugs import slugify

TEMPLATE = Path(__file__).parent / "course"


def create_course(target: Path, title: str, language: str) -> None:
    """Write a new course into ``target``, which must not exist or be empty."""
    if target.exists() and any(target.iterdir()):
        raise LearnpackError(f"{target} is not empty: choose a new folder")
    if (problem := language_problem(language)) is not None:
        raise LearnpackError(problem)
    course_id = slugify(target.resolve().name, max_length=64) or "course"
    values = {"id": course_id, "title": title.replace('"', "'"), "language": language}
    for source in sorted(TEMPLATE.rglob("*")):
        if source.is_dir() or source.name.startswith(("__", ".")):
            continue
        destination = target / source.relative_to(TEMPLATE)
        destination.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8")
        for key, value in values.items():
            text = text.replace("{{ " + key + " }}", value)
        destination.write_text(text, encoding="utf-8")
