"""The SCORM packages in headless Chromium with scorm-again as the LMS.

scorm-again is lenient, so every value the SCO sends is checked here against the
data model's types and limits (tests/support/datamodel.py, shared/docs/SCORM.md).
The lifecycle across visits (review, preview, resume, stale state) is in test_lms_lifecycle.py.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from learnpack.build import build
from learnpack.errors import CourseError
from support.answers import RIGHT, WRONG, answer, order_of
from support.courses import ROOTS
from support.lms import (
    VERSIONS,
    check_record_kept,
    check_values,
    cmi,
    exit_course,
    held_after,
    interactions,
    launch,
    log,
    next_visit,
    serve_lms,
    sets,
    wait_for_page,
    walk_to_quiz,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A static server on 127.0.0.1 holding the test LMS and the unpacked SCOs."""
    root = tmp_path_factory.mktemp("lms")
    out = build(ROOTS / "basic", list(VERSIONS.values()), tmp_path_factory.mktemp("packages")).out
    with serve_lms(root, out) as url:
        yield url, root


# ---- the tests ---------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["12", "2004"])
def test_all_right_gives_completed_and_passed(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, RIGHT)
    course.get_by_role("button", name="Sjekk svarene").click()
    assert "7 av 7 riktige" in course.locator(".quiz-result").inner_text()
    assert exit_course(page, course) == "Fremdriften din er lagret. Du kan lukke dette vinduet."
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "passed"
        assert (values["cmi.core.score.raw"], values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("100", "0", "100")
        assert values["cmi.core.exit"] == "suspend"  # a finished course keeps its state for the next visit
        finish = "LMSFinish"
    else:
        assert values["cmi.completion_status"] == "completed" and values["cmi.success_status"] == "passed"
        assert values["cmi.score.scaled"] == "1" and values["cmi.score.raw"] == "100"
        assert values["cmi.progress_measure"] == "1"
        assert values["cmi.exit"] == "suspend"
        finish = "Terminate"
    assert not any("preference" in element for element, _ in sets(page))  # only a learner's choice is written
    calls = [entry[0] for entry in log(page)]
    assert calls.count(finish) == 1
    records = interactions(page)
    assert len(records) == 8  # one per answered question, the reflection included
    results = {r["id"]: r["result"] for r in records.values()}
    assert results["q1.tanke"] == "neutral"
    assert all(v == "correct" for k, v in results.items() if k != "q1.tanke")
    check_values(page, version)
    check_record_kept(page, version, None)
    # Finishing twice is harmless: the pagehide fallback after the exit button sends nothing more.
    before = log(page)
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_timeout(300)
    assert log(page) == before


@pytest.mark.parametrize("version", ["12", "2004"])
def test_wrong_answers_with_attempts_left_are_not_final(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, WRONG | {"q-tanke": "Noe å tenke på"})
    course.get_by_role("button", name="Sjekk svarene").click()
    values = cmi(page)
    if version == "12":
        # One attempt of two is used: not finished, so not failed (Moodle would close the attempt).
        assert values["cmi.core.lesson_status"] == "incomplete" and "cmi.core.score.raw" not in values
    else:
        assert values["cmi.success_status"] == "failed" and values["cmi.completion_status"] == "incomplete"
        assert values["cmi.score.scaled"] == "0"
    responses = {r["id"]: r for r in interactions(page).values()}
    if version == "12":
        assert responses["q1.puls"]["student_response"] == "a"
        assert responses["q1.puls"]["correct_responses.0.pattern"] == "b"
        assert responses["q1.puls"]["result"] == "wrong"
        assert responses["q1.tf"]["student_response"] == "f"
        assert responses["q1.rekke"]["student_response"] == "c,b,a"
        assert responses["q1.koble"]["student_response"] == "a.b,b.a"
        assert responses["q1.temp"]["student_response"] == "39"
        assert "correct_responses.0.pattern" not in responses["q1.temp"]  # 1.2 cannot express 36.5..37.5
    else:
        assert responses["q1.puls"]["learner_response"] == "a"
        assert responses["q1.puls"]["result"] == "incorrect"
        assert responses["q1.vitale"]["learner_response"] == "a[,]c"
        assert responses["q1.vitale"]["correct_responses.0.pattern"] == "a[,]b"
        assert responses["q1.rekke"]["correct_responses.0.pattern"] == "a[,]b[,]c"
        assert responses["q1.koble"]["learner_response"] == "a[.]b[,]b[.]a"
        assert responses["q1.temp"]["correct_responses.0.pattern"] == "36.5[:]37.5"
        assert responses["q1.ord"]["correct_responses.1.pattern"] == "{case_matters=false}bradykard"
        assert responses["q1.tanke"]["type"] == "long-fill-in"
        assert responses["q1.tanke"]["learner_response"] == "Noe å tenke på"
        assert responses["q1.puls"]["description"] == "{lang=nb}Hva er normal hvilepuls?"
    check_values(page, version)
    # The second and last attempt, wrong again: now the quiz is finished, and failed.
    course.get_by_role("button", name="Prøv igjen").click()
    answer(course, WRONG | {"q-puls": "b"})
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".quiz-result p:first-child").wait_for()
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "failed" and values["cmi.core.score.raw"] == "14"
    else:
        assert values["cmi.completion_status"] == "completed" and values["cmi.success_status"] == "failed"
        assert values["cmi.score.raw"] == "14"
    assert sorted(interactions(page)) == list(range(16))  # the second attempt appends
    check_values(page, version)
    check_record_kept(page, version, None)


@pytest.mark.parametrize("version", ["12", "2004"])
def test_unfinished_visit_is_incomplete_and_resumes(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    partial = {"q-puls": "b", "q-vitale": ["a", "b"], "q-ord": "bradykardi", "q-rekke": {"a": "1", "c": "3"},
               "q-koble": {"l1": "r1"}, "q-tanke": "Tanker | med ~ tegn"}
    answer(course, partial)
    course.locator("#q-tanke textarea").blur()  # typed text is saved when the learner leaves the field
    exit_course(page, course)
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "incomplete"  # every page read, but the test not taken
        assert values["cmi.core.exit"] == "suspend"
        assert values["cmi.core.lesson_location"] == "02-quiz/01-sporsmal"
    else:
        assert values["cmi.completion_status"] == "incomplete" and "cmi.success_status" not in values
        assert values["cmi.progress_measure"] == "0.75"  # 3 pages of 3, 0 scored quizzes of 1 finished
        assert values["cmi.exit"] == "suspend"
        assert values["cmi.location"] == "02-quiz/01-sporsmal"
    check_values(page, version)
    course = launch(page, server, version, held=next_visit(held_after(page), version))
    assert course.locator("h1").inner_text() == "Spørsmål"  # resumed at the bookmarked page
    assert course.locator("#q-puls input[value='b']").is_checked()
    assert course.locator("#q-vitale input[value='a']").is_checked()
    assert course.locator("#q-vitale input[value='b']").is_checked()
    assert course.locator("#q-ord input").input_value() == "bradykardi"
    assert order_of(course.locator("#q-rekke"))[2] == "c"  # moved to the bottom before the exit
    assert course.locator("#q-koble select[data-item='l1']").input_value() == "r1"
    assert course.locator("#q-tanke textarea").input_value() == "Tanker | med ~ tegn"


@pytest.mark.parametrize("version", ["12", "2004"])
def test_closing_the_window_suspends_an_unfinished_visit(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    course.locator(".start-link").click()
    wait_for_page(course, "01-intro/01-velkommen")
    # The learner leaves without pressing Exit: pagehide is the fallback that finishes the session.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.LMS.log.some(e => e[0] === 'LMSFinish' || e[0] === 'Terminate')")
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "incomplete" and values["cmi.core.exit"] == "suspend"
        assert values["cmi.core.lesson_location"] == "01-intro/01-velkommen"
        assert "cmi.core.score.raw" not in values
    else:
        assert values["cmi.completion_status"] == "incomplete" and values["cmi.exit"] == "suspend"
        assert values["cmi.progress_measure"] == "0.25"
        assert "cmi.success_status" not in values
    check_values(page, version)


@pytest.mark.parametrize("version", ["12", "2004"])
def test_checked_quiz_is_shown_as_checked_after_resume(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, WRONG | {"q-puls": "b"})
    course.get_by_role("button", name="Sjekk svarene").click()
    exit_course(page, course)
    course = launch(page, server, version, held=next_visit(held_after(page), version))
    assert "1 av 7 riktige (14\u00a0%)" in course.locator(".quiz-result").inner_text()
    assert course.locator("#q-puls .verdict").inner_text() == "Riktig"
    assert course.locator("#q-vitale .verdict").inner_text() == "Feil"
    assert course.get_by_role("button", name="Prøv igjen").is_visible()


WORST = """# Alt

::: quiz {#alt attempts=1}
### Velg en {#en}
- ( ) a
- (x) b

### Velg flere {#flere}
- [x] a
- [x] b
- [x] c
- [ ] d

### Sant? {#sant}
= true

### Ord {#ord}
= puls

### Tall {#tall}
= 60..100

### Rekkefølge {#rekke}
1. a
2. b
3. c

### Koble {#koble}
- a -> 1
- b -> 2

### Tenk {#tenk type=reflection}
:::
"""


def test_suspend_data_never_exceeds_the_computed_worst_case(page, tmp_path: Path, lms_server) -> None:  # type: ignore[no-untyped-def]
    """Every answer at its longest: the state the SCO stores is exactly as long as the build computed."""
    from learnpack.loader import load_course
    from learnpack.scorm.suspend import AnswerLimits, worst_case_length
    from support.courses import write_course

    server, root = lms_server
    course_dir = write_course(tmp_path / "c", {"01-m/01-alt.md": WORST})
    limits = AnswerLimits.for_course(load_course(course_dir))
    out = build(course_dir, ["scorm12"], tmp_path / "out").out
    zipfile.ZipFile(next((out / "scorm12").glob("*.zip"))).extractall(root / "scoworst")
    page.watch.local_prefix = server
    page.goto(f"{server}/lms.html?version=12&sco=scoworst/sco.html")
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    course.locator(".start-link").click()
    wait_for_page(course, "01-m/01-alt")
    answer(course, {
        "q-en": "b", "q-flere": ["a", "b", "c", "d"], "q-sant": "true", "q-ord": "\"|~" * 50,
        "q-tall": "9" * 200, "q-rekke": {"a": "3", "b": "2", "c": "1"}, "q-koble": {"l0": "r1", "l1": "r0"},
        "q-tenk": "ا|" * 300,
    })
    assert len(course.locator("#q-ord input").input_value()) == limits.text  # maxlength holds
    assert len(course.locator("#q-tall input").input_value()) == limits.number
    assert len(course.locator("#q-tenk textarea").input_value()) == limits.reflection
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".quiz-result p:first-child").wait_for()
    stored = cmi(page)["cmi.suspend_data"]
    assert len(stored) == worst_case_length(load_course(course_dir))


def test_without_an_lms_the_package_runs_standalone(page, lms_server) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    page.watch.local_prefix = server
    page.goto(f"{server}/sco12/sco.html")
    course = page.frame_locator(".sco-frame")
    course.locator(".start-link").click()
    wait_for_page(course, "01-intro/01-velkommen")
    page.goto(f"{server}/sco12/nb/02-quiz/01-sporsmal.html")
    page.locator("#q-puls input[value='b']").check()
    page.goto(f"{server}/sco12/sco.html")
    course = page.frame_locator(".sco-frame")
    assert course.locator(".start-link").get_attribute("href") == "02-quiz/01-sporsmal.html"
    assert course.get_by_role("button", name="Avslutt").is_hidden()  # nothing to exit from


def test_an_lms_frame_of_another_origin_is_passed_over_safely(page, lms_server) -> None:  # type: ignore[no-untyped-def]
    """The API search climbs past a parent it may not read, without an error, and runs standalone."""
    server, _ = lms_server
    other_origin = server.replace("127.0.0.1", "localhost")
    page.watch.local_prefix = "http://"
    page.goto(f"{other_origin}/lms.html?version=12&sco={server}/sco12/sco.html")
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    course.locator("main h1").wait_for()
    assert page.evaluate("window.LMS.log") == []  # the LMS of another origin was never reached


def test_a_package_built_for_a_larger_suspend_data_uses_it(page, tmp_path: Path, lms_server) -> None:  # type: ignore[no-untyped-def]
    """--scorm12-suspend-limit 64000 (Moodle with standards mode off): the runtime stores more than 4096."""
    from support.courses import write_course

    server, root = lms_server
    questions = "".join(f"### Tanke {n} {{#tanke-{n} type=reflection}}\n\n" for n in range(20))
    course_dir = write_course(tmp_path / "c", {"01-m/01-tanker.md": f"# Tanker\n\n::: quiz {{#tanker}}\n{questions}:::\n"})
    with pytest.raises(CourseError) as refused:
        build(course_dir, ["scorm12"], tmp_path / "refused")
    assert "4096" in refused.value.diagnostics[0].message
    out = build(course_dir, ["scorm12"], tmp_path / "out", scorm12_suspend_limit=64000).out
    zipfile.ZipFile(next((out / "scorm12").glob("*.zip"))).extractall(root / "scobig")
    course = launch(page, server, "12", sco="scobig/sco.html")
    course.locator(".pages a").first.click()
    wait_for_page(course, "01-m/01-tanker")
    for n in range(20):
        course.locator(f"#q-tanke-{n} textarea").fill("x" * 250)
    course.locator("form.quiz button[type=submit]").click()
    course.locator(".quiz-result p:first-child").wait_for()
    stored = cmi(page)["cmi.suspend_data"]
    assert 4096 < len(stored) <= 64000
