"""``learnpack validate NEW.zip --previous OLD.zip``: what learners keep when NEW replaces OLD in Moodle."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from learnpack.build import build
from learnpack.cli import main
from learnpack.validate.update import Question, Quiz, question_changes
from support.packages import MANIFEST_12, package, write_zip

QUIZ_PAGE = "02-quiz/01-sporsmal.md"
TARGETS = ["scorm12", "scorm2004"]


def build_zips(course: Path, out: Path, target: str, **options: object) -> dict[str, Path]:
    """Build ``course`` for ``target`` into ``out``; the zips by file name."""
    build(course, (target,), out, **options)  # type: ignore[arg-type]
    return {p.name: p for p in sorted((out / target).glob("*.zip"))}


def only_zip(course: Path, out: Path, target: str) -> Path:
    (path,) = build_zips(course, out, target).values()
    return path


def validate(new: Path, previous: Path, *options: str) -> Result:
    return CliRunner().invoke(main, ["validate", str(new), "--previous", str(previous), *options])


def update_codes(result: Result) -> dict[str, str]:
    """``--json`` output: the update findings, code -> level."""
    return {f["code"]: f["level"] for f in json.loads(result.stdout) if f["code"].startswith("update.")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test bug: {old!r} not in {path}"
    path.write_text(text.replace(old, new), encoding="utf-8")


@pytest.fixture
def basic(course_copy: Callable[[str], Path]) -> Path:
    return course_copy("basic")


# -- (a) and (b): nothing a learner has is lost --------------------------------------------------


@pytest.mark.parametrize("target", TARGETS)
def test_identical_builds_keep_everything(basic: Path, tmp_path: Path, target: str) -> None:
    old = only_zip(basic, tmp_path / "old", target)
    new = only_zip(basic, tmp_path / "new", target)
    result = validate(new, old)
    assert result.exit_code == 0, result.output
    assert f"If it replaces {old} in the LMS:" in result.output
    assert ("info: Learners' tracks carry over: the item 'learnpack.basic.nb.item' (Basic course) keeps its "
            "identifier [update.tracks_kept]") in result.output
    assert "info: Saved answers carry over for 1 quiz: their questions are unchanged [update.answers_kept]" \
        in result.output
    assert result.output.rstrip().endswith(f"{new}: 0 errors, 0 warnings")
    assert update_codes(validate(new, old, "--json")) == {"update.tracks_kept": "info", "update.answers_kept": "info"}


@pytest.mark.parametrize("target", TARGETS)
def test_edited_text_keeps_tracks_and_answers(basic: Path, tmp_path: Path, target: str) -> None:
    old = only_zip(basic, tmp_path / "old", target)
    edit(basic / "01-intro/01-velkommen.md", "Dette er *første* side.", "Dette er den *første* siden.")
    edit(basic / QUIZ_PAGE, "### Hva er normal hvilepuls? {#puls}", "### Hva er vanlig hvilepuls i ro? {#puls}")
    edit(basic / QUIZ_PAGE, "> [!correct] Riktig!", "> [!correct] Helt riktig!")
    new = only_zip(basic, tmp_path / "new", target)
    assert new.read_bytes() != old.read_bytes()
    result = validate(new, old, "--json")
    assert result.exit_code == 0, result.output
    assert update_codes(result) == {"update.tracks_kept": "info", "update.answers_kept": "info"}


# -- (c) and (d): a quiz whose questions changed loses its saved answers ------------------------------


@pytest.mark.parametrize("target", TARGETS)
def test_a_removed_question_drops_the_saved_answers_of_its_quiz(basic: Path, tmp_path: Path, target: str) -> None:
    old = only_zip(basic, tmp_path / "old", target)
    edit(basic / QUIZ_PAGE, "### Puls måles i slag per minutt. {#tf}\n= true\n\n", "")
    new = only_zip(basic, tmp_path / "new", target)
    result = validate(new, old)
    assert result.exit_code == 0, result.output
    assert "[update.tracks_kept]" in result.output
    (line,) = [line for line in result.output.splitlines() if "[update.answers_dropped]" in line]
    assert line.startswith(f"{new}: warning: quiz 'q1' (page Spørsmål): question 'tf' was removed. ")
    assert "the saved answers to quiz 'q1' are dropped when learners resume " \
           "(their score and status in the LMS are kept)" in line
    assert "[update.answers_kept]" not in result.output
    assert result.output.rstrip().endswith("0 errors, 1 warning")


@pytest.mark.parametrize("target", TARGETS)
def test_a_changed_question_id_drops_the_saved_answers(basic: Path, tmp_path: Path, target: str) -> None:
    old = only_zip(basic, tmp_path / "old", target)
    edit(basic / QUIZ_PAGE, "{#tf}", "{#sant-usant}")
    new = only_zip(basic, tmp_path / "new", target)
    result = validate(new, old)
    assert result.exit_code == 0, result.output
    assert "quiz 'q1' (page Spørsmål): question 'tf' changed its id to 'sant-usant'. " in result.output
    assert "the saved answers to quiz 'q1' are dropped when learners resume" in result.output
    assert update_codes(validate(new, old, "--json")) == {"update.tracks_kept": "info",
                                                         "update.answers_dropped": "warning"}


def test_more_options_drop_the_saved_answers(basic: Path, tmp_path: Path) -> None:
    old = only_zip(basic, tmp_path / "old", "scorm12")
    edit(basic / QUIZ_PAGE, "- [ ] Hårfarge\n", "- [ ] Hårfarge\n- [x] Blodtrykk\n")
    new = only_zip(basic, tmp_path / "new", "scorm12")
    result = validate(new, old)
    assert "question 'vitale' has 4 answer options now (had 3)" in result.output
    assert "[update.answers_dropped]" in result.output


# -- (e): identifiers of items -----------------------------------------------------------------


def test_a_renamed_module_loses_the_tracks_of_its_package_with_split_modules(basic: Path, tmp_path: Path) -> None:
    old = build_zips(basic, tmp_path / "old", "scorm12", split="modules")
    (basic / "01-intro").rename(basic / "01-introduksjon")
    new = build_zips(basic, tmp_path / "new", "scorm12", split="modules")
    assert sorted(new) == ["basic-1.0.0-nb-01-introduksjon-scorm12.zip", "basic-1.0.0-nb-02-quiz-scorm12.zip"]

    renamed = validate(new["basic-1.0.0-nb-01-introduksjon-scorm12.zip"],
                       old["basic-1.0.0-nb-01-intro-scorm12.zip"], "--json")
    assert update_codes(renamed) == {"update.tracks_lost": "warning", "update.item_added": "info"}
    findings = {f["code"]: f["message"] for f in json.loads(renamed.stdout)}
    assert findings["update.tracks_lost"] == (
        "tracks of item 'learnpack.basic.01-intro.nb.item' (Basic course: Introduksjon) are lost in Moodle: "
        "its identifier changed or it was removed")
    assert findings["update.item_added"].startswith("item 'learnpack.basic.01-introduksjon.nb.item' ")

    same = validate(new["basic-1.0.0-nb-02-quiz-scorm12.zip"], old["basic-1.0.0-nb-02-quiz-scorm12.zip"])
    assert same.exit_code == 0, same.output
    assert "tracks carry over: the item 'learnpack.basic.02-quiz.nb.item' (Basic course: Quiz)" in same.output


def test_a_renamed_module_keeps_the_tracks_of_a_whole_course_package(basic: Path, tmp_path: Path) -> None:
    old = only_zip(basic, tmp_path / "old", "scorm2004")
    (basic / "01-intro").rename(basic / "01-introduksjon")
    new = only_zip(basic, tmp_path / "new", "scorm2004")
    result = validate(new, old)
    assert result.exit_code == 0, result.output
    assert "[update.tracks_kept]" in result.output and "[update.answers_kept]" in result.output
    assert "info: page '01-intro/01-velkommen' (Velkommen) was removed: it drops out of learners' progress " \
           "[update.page_removed]" in result.output
    assert "info: page '01-introduksjon/01-velkommen' (Velkommen) is new: learners who resume find it unread " \
           "[update.page_added]" in result.output
    assert result.output.rstrip().endswith("0 errors, 0 warnings")


# -- (f) and other packages -----------------------------------------------------------------------


def test_another_scorm_version_is_an_error(basic: Path, tmp_path: Path) -> None:
    old = only_zip(basic, tmp_path / "old", "scorm12")
    new = only_zip(basic, tmp_path / "new", "scorm2004")
    result = validate(new, old)
    assert result.exit_code == 1
    assert (f"{new}: error: the old package is SCORM 1.2 and the new one SCORM 2004: Moodle cannot update a "
            "SCORM 1.2 activity with a SCORM 2004 package") in result.output
    assert "[update.tracks_kept]" not in result.output
    assert update_codes(validate(new, old, "--json")) == {"update.version_changed": "error"}


def test_packages_from_other_tools_are_compared_by_their_manifests(tmp_path: Path) -> None:
    old = package(tmp_path, "1.2")
    renamed = MANIFEST_12.replace('identifier="item_1"', 'identifier="item_2"')
    (tmp_path / "new").mkdir()
    new = package(tmp_path / "new", "1.2", renamed)
    result = validate(new, old, "--json")
    assert result.exit_code == 0, result.output
    assert update_codes(result) == {"update.tracks_lost": "warning", "update.item_added": "info"}
    same = validate(old, old, "--json")
    assert update_codes(same) == {"update.tracks_kept": "info", "update.not_learnpack": "info"}
    message = next(f["message"] for f in json.loads(same.stdout) if f["code"] == "update.not_learnpack")
    assert "only the manifests were compared" in message


def test_an_unreadable_previous_package_is_an_error(basic: Path, tmp_path: Path) -> None:
    new = only_zip(basic, tmp_path / "new", "scorm12")
    broken = tmp_path / "old.zip"
    broken.write_bytes(b"PK\x03\x04 not a zip")
    result = validate(new, broken)
    assert result.exit_code == 1
    assert f"error: cannot compare with {broken}: it is not a readable zip file" in result.output
    missing = validate(new, write_zip(tmp_path / "empty.zip", {"index.html": "<p>x</p>"}))
    assert missing.exit_code == 1 and "it has no imsmanifest.xml at its root" in missing.output


def test_another_learner_state_format_drops_every_saved_state(basic: Path, tmp_path: Path) -> None:
    new = only_zip(basic, tmp_path / "new", "scorm12")
    old = tmp_path / "old.zip"
    with zipfile.ZipFile(new) as source, zipfile.ZipFile(old, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "assets/suspend.js":
                data, found = re.subn(rb'VERSION\s*=\s*"2"', b'VERSION = "1"', data)  # as an older package wrote it
                assert found == 1
            target.writestr(info, data)
    result = validate(new, old, "--json")
    assert update_codes(result) == {"update.tracks_kept": "info", "update.state_dropped": "warning"}


# -- how questions are compared -----------------------------------------------------------------


def quiz(*questions: tuple[str, str, int]) -> Quiz:
    return Quiz("AE", "", tuple(Question(*q) for q in questions), "Side")


A, B, C = ("a", "single", 3), ("b", "multiple", 4), ("c", "text", 0)


@pytest.mark.parametrize(("old", "new", "expected"), [
    ([A, B, C], [A, B, C], []),
    ([A, B, C], [A, C], ["question 'b' was removed"]),
    ([A, C], [A, B, C], ["question 'b' is new"]),
    ([A, B, C], [A, ("x", "multiple", 4), C], ["question 'b' changed its id to 'x'"]),
    ([A, B], [A, ("x", "multiple", 5)], ["question 'b' changed its id to 'x'",
                                         "question 'x' has 5 answer options now (had 4)"]),
    ([A, B], [A, ("x", "text", 0)], ["question 'b' was removed", "question 'x' is new"]),
    ([A, B, C], [A, C, B], ["the questions are in another order"]),
    ([A, B], [A, ("b", "single", 4)], ["question 'b' is a single choice question now (was multiple choice)"]),
    ([A], [("a", "single", 2)], ["question 'a' has 2 answer options now (had 3)"]),
])
def test_question_changes(old: list[tuple[str, str, int]], new: list[tuple[str, str, int]],
                          expected: list[str]) -> None:
    assert question_changes(quiz(*old), quiz(*new)) == expected


def test_a_changed_state_key_alone_drops_the_answers() -> None:
    old, new = quiz(A), quiz(A)
    assert question_changes(old, Quiz("AF", "", new.questions, "Side")) == [
        "its saved answers are stored under another key"]
