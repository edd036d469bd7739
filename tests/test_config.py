"""course.yml and module.yml: every mistake reported with its line."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.errors import CourseError
from learnpack.loader import load_course
from support.courses import write_course

PAGE = {"01-m/01-p.md": "# P\nTekst.\n"}


def errors(root: Path) -> list[str]:
    with pytest.raises(CourseError) as caught:
        load_course(root)
    return [f"{d.path.name}:{d.line}: {d.code}: {d.message}" for d in caught.value.diagnostics]


def test_missing_course_yml(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE)
    (root / "course.yml").unlink()
    assert errors(root) == ["course.yml:None: config.missing: course.yml is missing"]


def test_yaml_error_has_its_line(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE, "id: t\ntitle: T\nversion: [1\nlanguage: nb\n")
    (found,) = errors(root)
    assert found.startswith("course.yml:4: yaml.syntax: invalid YAML")


def test_unknown_key_suggests_the_right_one(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE, "id: t\ntitle: T\nversion: 1.0\nlanguage: nb\nlicense: MIT\npasmark: 3\n")
    assert errors(root) == [
        "course.yml:5: config.unknown_key: unknown key 'license'; did you mean 'licence'?",
        "course.yml:6: config.unknown_key: unknown key 'pasmark'; did you mean 'pass_mark'?",
    ]


def test_missing_required_keys(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE, "title: T\n")
    found = errors(root)
    assert [f.split(": ")[1] for f in found] == ["config.missing_key"] * 3
    assert any("'id'" in f for f in found) and any("'language'" in f for f in found)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("language: xx", "unknown language code 'xx'"),
        ("language: norsk bokmål", "is not a language code"),
        ("languages: [nb, zz]", "unknown language code 'zz'"),
        ("pass_mark: 120", "pass_mark: must be a whole number from 0 to 100"),
        ("id: Mitt Kurs", "id: must be lowercase letters"),
        ("duration: lang", "duration: must be a whole number of minutes"),
    ],
)
def test_invalid_values(tmp_path: Path, line: str, expected: str) -> None:
    base = {"id": "id: t", "title": "title: T", "version": "version: 1.0.0", "language": "language: nb"}
    base[line.split(":")[0]] = line
    root = write_course(tmp_path / "c", PAGE, "\n".join(base.values()) + "\n")
    (found,) = errors(root)
    assert expected in found


def test_languages_must_include_source(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE, "id: t\ntitle: T\nversion: 1\nlanguage: nb\nlanguages: [en]\n")
    (found,) = errors(root)
    assert "course.yml:5:" in found and "source language 'nb'" in found


def test_dari_and_northern_sami_are_known(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", PAGE, "id: t\ntitle: T\nversion: 1\nlanguage: nb\nlanguages: [nb, se, fa-AF, ti]\n")
    course = load_course(root)
    assert course.config.languages == ("nb", "se", "fa-AF", "ti")


def test_module_yml_is_checked(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {**PAGE, "01-m/module.yml": "title: M\ndescripton: x\n"})
    (found,) = errors(root)
    assert found.startswith("module.yml:2: config.unknown_key") and "'description'" in found


def test_module_title_falls_back_to_folder_name(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-puls-og-respirasjon/01-p.md": "# P\n"})
    assert load_course(root).modules[0].title == "Puls og respirasjon"


def test_no_modules(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {})
    (found,) = errors(root)
    assert "course.no_modules" in found


def test_unsafe_page_name(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01 min side.md": "# P\n"})
    found = errors(root)
    assert any("01 min side.md:None: path.unsafe_name" in f for f in found), found


def test_language_variants_are_not_pages(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {**PAGE, "01-m/01-p.en.md": "# P\n"},
                        "id: t\ntitle: T\nversion: 1\nlanguage: nb\nlanguages: [nb, en]\n")
    assert [p.id for p in load_course(root).pages] == ["01-m/01-p"]
