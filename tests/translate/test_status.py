"""Translation status, stamping and outdated detection."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from learnpack.cli import main
from learnpack.errors import Diagnostics
from learnpack.loader import load_course
from learnpack.translate.status import course_status, stamp
from support.courses import ROOTS


def states(root: Path, language: str) -> dict[str, str]:
    return {row.page_id: row.state for row in course_status(load_course(root))[language]}


def test_status_after_stamp_and_after_a_source_edit(course_copy) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    assert states(root, "en") == {"01-intro/01-velkommen": "untracked", "01-intro/02-mer": "missing",
                                  "02-quiz/01-sporsmal": "untracked"}
    written = stamp(load_course(root), "en")
    assert sorted(p.name for p in written) == ["01-sporsmal.en.md", "01-velkommen.en.md"]
    assert states(root, "en")["01-intro/01-velkommen"] == "translated"
    variant = (root / "01-intro" / "01-velkommen.en.md").read_text(encoding="utf-8")
    assert variant.startswith("---\ntitle: Welcome\ntranslated_from: ")  # front matter kept, key added

    source = root / "01-intro" / "01-velkommen.md"
    source.write_text(source.read_text(encoding="utf-8") + "\nEn ny setning.\n", encoding="utf-8")
    assert states(root, "en")["01-intro/01-velkommen"] == "outdated"
    assert states(root, "en")["02-quiz/01-sporsmal"] == "translated"
    diagnostics = Diagnostics()
    load_course(root, diagnostics)
    (warning,) = [d for d in diagnostics.items if d.code == "i18n.outdated"]
    assert warning.path.name == "01-velkommen.en.md" and "01-intro/01-velkommen.md has changed" in warning.message


def test_outdated_translation_fails_a_strict_build(course_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    stamp(load_course(root), "en")
    (root / "01-intro" / "01-velkommen.md").write_text("---\ntitle: Hei\n---\nNy tekst.\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["build", str(root), "--out", str(tmp_path / "out"), "--strict"])
    assert result.exit_code == 1 and "[i18n.outdated]" in result.output


def test_status_command_and_html_report(tmp_path: Path) -> None:
    report = tmp_path / "status.html"
    result = CliRunner().invoke(main, ["i18n", "status", str(ROOTS / "multilang"), "--html", str(report)])
    assert result.exit_code == 0, result.output
    assert "en: 0 translated, 0 outdated, 2 untracked, 1 missing" in result.output
    html = report.read_text(encoding="utf-8")
    assert "Translation status: Vitale tegn" in html and "<script" not in html
    assert 'class="missing"' in html


def test_stamp_refuses_the_source_language(course_copy) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(main, ["i18n", "stamp", str(course_copy("multilang")), "--lang", "nb"])
    assert result.exit_code == 1 and "not a translation language" in result.output
