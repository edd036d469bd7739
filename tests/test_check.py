"""``learnpack check`` agrees with ``learnpack build``: every target's checks, without writing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from learnpack.build import build, check
from learnpack.cli import main
from learnpack.errors import CourseError, Level
from support.courses import ROOTS, write_course

REFLECTIONS = 40  # 40 reflections of 250 characters: about 10,000 characters of state, over SCORM 1.2's 4,096


def over_scorm12_budget(root: Path) -> Path:
    """A course whose learner state can outgrow SCORM 1.2's suspend_data (but not 2004's)."""
    pages = {}
    for page in range(REFLECTIONS // 10):
        body = [f"# Side {page}\n\n::: quiz {{#quiz-{page}}}\n"]
        body += [f"### Tanke {page}.{n} {{#tanke-{page}-{n} type=reflection}}\n\n" for n in range(10)]
        pages[f"01-modul/{page + 1:02d}-side.md"] = "".join(body) + ":::\n"
    return write_course(root, pages)


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args])


def lines_with(output: str, code: str) -> list[str]:
    return [line for line in output.splitlines() if f"[{code}]" in line]


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return over_scorm12_budget(tmp_path / "c")


def test_check_with_target_fails_with_the_message_of_the_build(course: Path, tmp_path: Path) -> None:
    built = run("build", course, "-t", "scorm12", "--out", tmp_path / "out")
    checked = run("check", course, "-t", "scorm12")
    assert built.exit_code == checked.exit_code == 1
    refusal = lines_with(built.output, "scorm.suspend_data_limit")
    assert len(refusal) == 1 and ": error: the learner state of this course can reach" in refusal[0]
    assert lines_with(checked.output, "scorm.suspend_data_limit") == refusal
    assert "1 error" in checked.output and not (tmp_path / "out").exists()


def test_plain_check_warns_naming_the_target(course: Path) -> None:
    result = run("check", course)
    assert result.exit_code == 0, result.output
    (warning,) = lines_with(result.output, "scorm.suspend_data_limit")
    assert ": warning: scorm12: the learner state of this course can reach" in warning
    assert "scorm2004" not in warning.split("holds")[0]  # 64,000 characters hold it
    assert "t: 1 modules, 4 pages, 40 questions" in result.output


def test_strict_check_fails_on_a_target_warning(course: Path) -> None:
    result = run("check", course, "--strict")
    assert result.exit_code == 1
    assert lines_with(result.output, "scorm.suspend_data_limit")


@pytest.mark.parametrize("target", ["html", "scorm2004"])
def test_check_of_a_target_that_can_hold_it_succeeds(course: Path, target: str) -> None:
    result = run("check", course, "-t", target)
    assert result.exit_code == 0, result.output
    assert not lines_with(result.output, "scorm.suspend_data_limit")


def test_check_takes_the_build_options_that_change_the_checks(course: Path) -> None:
    assert run("check", course, "-t", "scorm12", "--scorm12-suspend-limit", "16000").exit_code == 0
    assert run("check", course, "-t", "scorm12", "--split", "modules").exit_code == 1  # one module: no help
    assert run("check", course, "-t", "scorm12", "--multilingual").exit_code == 1


def test_check_function_returns_the_warnings_and_raises_on_errors(course: Path) -> None:
    _, warnings = check(course)
    assert [(w.level, w.code) for w in warnings] == [(Level.WARNING, "scorm.suspend_data_limit")]
    with pytest.raises(CourseError) as caught:
        check(course, ["html", "scorm12"])
    assert [d.code for d in caught.value.diagnostics] == ["scorm.suspend_data_limit"]


def test_a_problem_of_several_targets_is_reported_once(tmp_path: Path) -> None:
    quiz = "# P\n\n::: quiz {#q}\n### A {#puls-normal}\n= true\n\n### B {#puls_normal}\n= false\n:::\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": quiz})
    _, warnings = check(root)
    (warning,) = warnings
    assert warning.message.startswith("scorm12, scorm2004: interaction id 'q.puls_normal'")
    with pytest.raises(CourseError) as caught:
        build(root, ["scorm12", "scorm2004"], tmp_path / "out")
    (error,) = caught.value.diagnostics
    assert error.code == "scorm.id_collision" and error.message.startswith("interaction id")


def test_a_build_that_fails_one_target_writes_no_target(course: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    build(course, ["html"], out)
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((out / "html").rglob("*")) if p.is_file()}
    (course / "01-modul" / "01-side.md").write_text("# Endret\n\n::: quiz {#q}\n### Tanke {#t type=reflection}\n:::\n"
                                                   + "Mer tekst.\n", encoding="utf-8")
    with pytest.raises(CourseError):
        build(course, ["html", "scorm12"], out)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted((out / "html").rglob("*")) if p.is_file()}
    assert after == before and not (out / "scorm12").exists()
    assert sorted(p.name for p in out.iterdir()) == ["html"]  # no staging folder left behind


def test_plain_check_of_a_clean_course_says_nothing_more(tmp_path: Path) -> None:
    result = run("check", ROOTS / "basic")
    assert result.exit_code == 0 and "warning" not in result.output
