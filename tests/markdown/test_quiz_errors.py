"""Every author mistake in a page gives ``file:line: error: ... [code]``, pinned by a fixture file."""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it.utils import read_fixture_file

from learnpack.errors import CourseError
from learnpack.loader import load_course
from support.courses import TESTS, write_course

FIXTURES = TESTS / "fixtures"


@pytest.mark.parametrize(
    ("line", "title", "source", "expected"),
    read_fixture_file(FIXTURES / "quiz_errors.md"),
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else None,
)
def test_page_errors(tmp_path: Path, line: int, title: str, source: str, expected: str) -> None:
    # The page is the fixture input with one line before it, so fixture line N is file line N + 1.
    text = f"---\n{source}---\n" if "front matter" in title else f"# Tittel\n{source}"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": text})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    page = root / "01-m" / "01-p.md"
    found = [f"{d.line}: {d.level}: {d.code}" for d in caught.value.diagnostics if d.path == page]
    assert found == expected.splitlines(), [d.format() for d in caught.value.diagnostics]


def test_message_names_file_and_line(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# T\n\n::: quiz\n### Q {#a}\n- ( ) Ja\n- ( ) Nei\n:::\n"})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    message = caught.value.format_message()
    assert "01-m/01-p.md:4: error: question has no correct answer: mark one with (x) [quiz.no_correct]" in message


def test_duplicate_ids_across_pages_name_both_places(tmp_path: Path) -> None:
    quiz = "::: quiz\n### Q {#same}\n= true\n:::\n"
    root = write_course(tmp_path / "c", {"01-m/01-a.md": quiz, "01-m/02-b.md": "# B\n" + quiz})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (duplicate,) = caught.value.diagnostics
    assert duplicate.path.name == "02-b.md" and duplicate.line == 3
    assert "01-a.md:2" in duplicate.message


def test_all_errors_are_reported_together(tmp_path: Path) -> None:
    bad = "::: quiz\n### Q {#a}\n- ( ) Ja\n- ( ) Nei\n:::\n![x](nope.svg)\n"
    root = write_course(tmp_path / "c", {"01-m/01-a.md": bad, "02-n/01-b.md": bad.replace("#a", "#b")})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    codes = sorted(d.code for d in caught.value.diagnostics)
    assert codes == ["media.missing", "media.missing", "quiz.no_correct", "quiz.no_correct"]
