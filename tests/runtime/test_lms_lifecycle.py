"""The learner's record over the whole LMS lifecycle, with scorm-again set up as real LMSs behave.

Each case plays visits of tests/roots/basic (3 pages, one quiz with 2 attempts, pass mark 50)
in SCORM 1.2 and 2004, hands the next visit what an LMS would (shared/docs/LMS.md), and
checks what the LMS stored at the end, that no call lowered a status, score or progress
or overwrote an interaction, and that every value fits the data model.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from learnpack.build import build
from support.answers import RIGHT, WRONG, answer
from support.courses import ROOTS
from support.lms import (
    EXIT,
    LOCATION,
    STATUS,
    SUSPEND,
    VERSIONS,
    check_record_kept,
    check_values,
    exit_course,
    held_after,
    launch,
    log,
    next_visit,
    serve_lms,
    sets,
    stored,
    wait_for_page,
    walk_to_quiz,
)

pytestmark = pytest.mark.browser
BOTH = pytest.mark.parametrize("version", ["12", "2004"])
NOT_RECORDED = "Dette besøket blir ikke registrert"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = build(ROOTS / "basic", list(VERSIONS.values()), tmp_path_factory.mktemp("packages")).out
    with serve_lms(tmp_path_factory.mktemp("lms"), out) as url:
        yield url


def play(page, server: str, version: str, answers: dict[str, object] | None, held: dict[str, Any] | None = None,  # type: ignore[no-untyped-def]
         quirks: tuple[str, ...] = ()) -> dict[str, Any]:
    """One visit: read every page, answer and check the quiz (if ``answers``), exit; the LMS's record after it."""
    course = launch(page, server, version, held=held, quirks=quirks)
    walk_to_quiz(course)
    if answers is not None:
        if course.get_by_role("button", name="Prøv igjen").is_visible():
            course.get_by_role("button", name="Prøv igjen").click()
        answer(course, answers)
        course.get_by_role("button", name="Sjekk svarene").click()
        course.locator(".quiz-result p:first-child").wait_for()
    exit_course(page, course)
    check_values(page, version)
    check_record_kept(page, version, held)
    return held_after(page)


def passed(record: dict[str, Any], version: str) -> tuple[str, ...]:
    cmi = record["cmi"]
    if version == "12":
        return cmi["core"]["lesson_status"], cmi["core"]["score"]["raw"]
    return cmi["completion_status"], cmi["success_status"], cmi["score"]["raw"]


PASSED = {"12": ("passed", "100"), "2004": ("completed", "passed", "100")}
@BOTH
def test_fresh_start(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    record = play(page, server, version, RIGHT)
    assert passed(record, version) == PASSED[version]
    assert stored(page)[EXIT[version]] == "suspend"


@BOTH
def test_resume_appends_interactions_and_passes(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    first = play(page, server, version, WRONG)
    assert len(first["cmi"]["interactions"]) == 8
    second = play(page, server, version, RIGHT, held=next_visit(first, version))
    assert passed(second, version) == PASSED[version]
    ids = [second["cmi"]["interactions"][str(n)]["id"] for n in range(16)]
    assert ids[:8] == ids[8:]  # the second attempt's records follow the first's


@BOTH
def test_relaunch_after_finishing_shows_the_results_and_keeps_the_record(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    finished = play(page, server, version, RIGHT)
    held = next_visit(finished, version)
    course = launch(page, server, version, held=held)
    assert course.locator("h1").inner_text() == "Spørsmål"
    assert "7 av 7 riktige (100\u00a0%)" in course.locator(".quiz-result").inner_text()
    assert course.locator("#q-puls input[value='b']").is_checked()
    exit_course(page, course)
    written = dict(sets(page))
    assert set(written) <= {"cmi.core.session_time", "cmi.core.exit", "cmi.session_time", "cmi.exit"}, written
    assert passed(held_after(page), version) == PASSED[version]
    check_record_kept(page, version, held)


@BOTH
@pytest.mark.parametrize("keep_state", [False, True], ids=["empty-state", "with-state"])
def test_review_mode_writes_nothing_and_says_so(page, server: str, version: str, keep_state: bool) -> None:  # type: ignore[no-untyped-def]
    """Moodle's review after a closed attempt: mode review, no credit, ab-initio, and often no state."""
    finished = play(page, server, version, RIGHT)
    held = next_visit(finished, version, mode="review", credit="no-credit", entry="ab-initio", keep_state=keep_state)
    course = launch(page, server, version, held=held)
    assert NOT_RECORDED in course.locator(".lms-notice").inner_text()
    if keep_state:
        assert "7 av 7 riktige (100\u00a0%)" in course.locator(".quiz-result").inner_text()
    walk_to_quiz(course)
    if not keep_state:
        answer(course, WRONG)
        course.get_by_role("button", name="Sjekk svarene").click()
        course.locator(".quiz-result p:first-child").wait_for()
    assert exit_course(page, course) == "Økten er avsluttet. Du kan lukke dette vinduet."
    assert sets(page) == []
    after = held_after(page)
    assert passed(after, version) == PASSED[version]
    assert after["cmi"][SUSPEND.split(".")[1]] == held["cmi"][SUSPEND.split(".")[1]]


@BOTH
@pytest.mark.parametrize("mode", ["browse", "normal"], ids=["preview", "no-credit"])
def test_preview_in_browse_mode_records_nothing(page, server: str, version: str, mode: str) -> None:  # type: ignore[no-untyped-def]
    """Moodle's preview (browse mode) and a no-credit attempt in normal mode: nothing is written."""
    mode = {"core": {"lesson_mode": mode, "credit": "no-credit"}} if version == "12" else \
        {"mode": mode, "credit": "no-credit"}
    course = launch(page, server, version, held={"cmi": mode})
    assert NOT_RECORDED in course.locator(".lms-notice").inner_text()
    walk_to_quiz(course)
    answer(course, RIGHT)
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".quiz-result p:first-child").wait_for()
    exit_course(page, course)
    assert sets(page) == []
    record = stored(page)
    assert record.get("cmi.core.score.raw", "") == "" and record.get("cmi.score.raw", "") == ""
    assert record.get("cmi.success_status", "unknown") == "unknown"


@BOTH
def test_an_lms_without_interaction_count_gets_appended_records(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    first = play(page, server, version, WRONG)
    second = play(page, server, version, RIGHT, held=next_visit(first, version), quirks=("nocount",))
    assert sorted(second["cmi"]["interactions"], key=int) == [str(n) for n in range(16)]
    first_ids = [first["cmi"]["interactions"][str(n)] for n in range(8)]
    assert [second["cmi"]["interactions"][str(n)] for n in range(8)] == first_ids


@BOTH
def test_an_lms_without_finish_still_closes_with_a_message(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    course = launch(page, server, version, quirks=("nofinish",))
    walk_to_quiz(course)
    assert exit_course(page, course) == "Fremdriften din er lagret. Du kan lukke dette vinduet."
    before = log(page)
    page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the pagehide fallback: nothing more
    page.wait_for_timeout(300)
    assert log(page) == before
    record = stored(page)
    assert record[STATUS[version]] == "incomplete"
    assert record[EXIT[version]] == "suspend" and record[SUSPEND] == written(before, SUSPEND)[-1] != ""
    check_values(page, version)
    check_record_kept(page, version, None)


@BOTH
def test_a_stale_suspend_data_never_lowers_the_record(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    """An LMS that lost writes hands back an older state with the newer status and score."""
    course = launch(page, server, version)
    course.locator(".start-link").click()
    wait_for_page(course, "01-intro/01-velkommen")
    exit_course(page, course)
    early = held_after(page)
    finished = play(page, server, version, RIGHT, held=next_visit(early, version))
    held = next_visit(finished, version)
    held["cmi"]["suspend_data"] = early["cmi"]["suspend_data"]
    location = LOCATION[version].split(".")
    (held["cmi"]["core"] if version == "12" else held["cmi"])[location[-1]] = "01-intro/01-velkommen"
    play(page, server, version, {"q-puls": "a"} | {k: v for k, v in WRONG.items() if k != "q-puls"}, held=held)
    after = held_after(page)
    assert passed(after, version) == PASSED[version]  # a worse retry after a stale state lowers nothing
    assert sorted(after["cmi"]["interactions"], key=int) == [str(n) for n in range(16)]


def test_moodle_mastery_override_cannot_fail_an_unfinished_course(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """Moodle turns lesson_status into passed/failed at LMSFinish when a raw score exists."""
    record = play(page, server, "12", None, held={"cmi": {"student_data": {"mastery_score": "50"}}},
                  quirks=("mastery",))
    assert record["cmi"]["core"]["lesson_status"] == "incomplete"
    assert record["cmi"]["core"]["score"]["raw"] == ""


COMMIT = {"12": "LMSCommit", "2004": "Commit"}
FINISH = {"12": "LMSFinish", "2004": "Terminate"}


def events(page, marks: list[int]) -> list[list[list[str]]]:  # type: ignore[no-untyped-def]
    """The LMS log cut at ``marks``: what each event sent, in order."""
    entries = log(page)
    return [entries[a:b] for a, b in zip(marks, [*marks[1:], len(entries)], strict=True)]


def written(entries: list[list[str]], element: str) -> list[str]:
    return [entry[2] for entry in entries if entry[0] == "set" and entry[1] == element]


@BOTH
def test_a_session_writes_each_value_once_per_event(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    """Each page change sends the state and the location at most once, under one commit; Exit
    after the field the learner typed in was left (pressing Exit leaves it), under one commit of its own."""
    commits = f"window.LMS.log.filter(e => e[0] === '{COMMIT[version]}').length"
    course = launch(page, server, version)
    walk_to_quiz(course)
    marks = []
    moves = [(".pager-prev", "01-intro/02-bilde"), (".pager-prev", "01-intro/01-velkommen"),
             (".pager-next", "01-intro/02-bilde"), (".pager-next", "02-quiz/01-sporsmal")]
    for button, page_id in moves:
        before = page.evaluate(commits)
        marks.append(len(log(page)))
        course.locator(button).click()
        wait_for_page(course, page_id)
        page.wait_for_function(f"{commits} > {before}")
    marks.append(len(log(page)))
    course.locator("#q-ord input").press_sequentially("bradykardi")
    exit_course(page, course)
    *moved, leaving = events(page, marks)
    for (_, page_id), entries in zip(moves, moved, strict=True):
        assert len(written(entries, SUSPEND)) <= 1, page_id
        assert written(entries, LOCATION[version]) == [page_id], page_id
        assert [e for e in entries if e[0] == COMMIT[version]] == [[COMMIT[version]]], page_id
    calls = [e[0] for e in leaving if e[0] != "set"]
    assert calls == [COMMIT[version], COMMIT[version], FINISH[version]], "the field left, then Exit: one commit each"
    field_left, exit_pressed = leaving[:leaving.index([COMMIT[version]]) + 1], leaving[leaving.index([COMMIT[version]]) + 1:]
    assert "bradykardi" in written(field_left, SUSPEND)[-1]
    assert written(exit_pressed, EXIT[version]) == ["suspend"]
    assert written(exit_pressed, SUSPEND) == [], "the state went with the field: Exit does not send it again"
    everything = [pair for entries in events(page, [0]) for pair in entries if pair[0] == "set"]
    for element in (SUSPEND, LOCATION[version]):
        values = [entry[2] for entry in everything if entry[1] == element]
        assert all(a != b for a, b in zip(values, values[1:], strict=False)), f"{element} was sent twice in a row"
    check_values(page, version)


def test_a_number_answer_that_is_not_a_number_is_refused_before_checking(page, server: str) -> None:  # type: ignore[no-untyped-def]
    course = launch(page, server, "12")
    walk_to_quiz(course)
    answer(course, RIGHT | {"q-temp": "ca 37"})
    course.get_by_role("button", name="Sjekk svarene").click()
    assert "Skriv svaret som et tall: Spørsmål 5." in course.locator(".quiz-result").inner_text()
    assert course.locator("#q-temp").get_attribute("aria-invalid") == "true"
    assert course.locator("#q-temp input").evaluate("e => e === document.activeElement")
    assert not any(e.startswith("cmi.interactions") for e, _ in sets(page))  # no attempt was used
    course.locator("#q-temp input").fill("37,2")
    course.get_by_role("button", name="Sjekk svarene").click()
    assert "7 av 7 riktige" in course.locator(".quiz-result").inner_text()
    responses = {v for e, v in sets(page) if e.endswith(".student_response")}
    assert "37.2" in responses
    check_values(page, "12")


@pytest.mark.parametrize(("version", "typed"), [("12", "٣٧٫٢"), ("2004", "۳۷٫۲")])
def test_a_number_in_arabic_or_persian_digits_reaches_the_lms_in_ascii(page, server: str, version: str, typed: str) -> None:  # type: ignore[no-untyped-def]
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, RIGHT | {"q-temp": typed})
    course.get_by_role("button", name="Sjekk svarene").click()
    assert "7 av 7 riktige" in course.locator(".quiz-result").inner_text()
    written = dict(sets(page))
    (n,) = [e.split(".")[2] for e, v in written.items() if e.endswith(".id") and v == "q1.temp"]
    response = "student_response" if version == "12" else "learner_response"
    assert written[f"cmi.interactions.{n}.{response}"] == "37.2"
    assert written[f"cmi.interactions.{n}.result"] == "correct"
    check_values(page, version)


@BOTH
def test_a_player_that_closes_the_session_first_loses_nothing_committed(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    """The player terminates on its own beforeunload; the SCO's later calls fail quietly."""
    course = launch(page, server, version, quirks=("selfclose",))
    walk_to_quiz(course)
    answer(course, {"q-puls": "b"})
    page.evaluate("window.dispatchEvent(new Event('beforeunload'))")
    page.evaluate("document.getElementById('sco').src = 'about:blank'")  # the SCO's pagehide comes after
    page.wait_for_timeout(300)
    record = stored(page)
    assert record[LOCATION[version]] == "02-quiz/01-sporsmal" and record[STATUS[version]] == "incomplete"
    check_values(page, version)
    course = launch(page, server, version, held=next_visit(held_after(page), version))
    assert course.locator("#q-puls input[value='b']").is_checked()  # saved when the box was ticked


def test_an_lms_that_stores_defaults_as_if_set_still_resumes_and_passes(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """entry always ab-initio, lesson_status "incomplete" and score.raw "0" before anything was set."""
    course = launch(page, server, "12")
    walk_to_quiz(course)
    answer(course, {"q-puls": "b"})
    course.locator("#q-puls input[value='b']").dispatch_event("change")
    exit_course(page, course)
    held = next_visit(held_after(page), "12", entry="ab-initio")
    held["cmi"]["core"]["score"]["raw"] = "0"
    course = launch(page, server, "12", held=held)
    assert course.locator("h1").inner_text() == "Spørsmål"
    assert course.locator("#q-puls input[value='b']").is_checked()
    record = play(page, server, "12", RIGHT, held=next_visit(held_after(page), "12", entry="ab-initio"))
    assert passed(record, "12") == PASSED["12"]


@BOTH
def test_closing_the_window_in_a_field_sends_the_text_and_the_exit_under_one_commit(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    """The learner types an answer and closes the window (no blur, no Exit): the pagehide fallback."""
    course = launch(page, server, version)
    walk_to_quiz(course)
    course.locator("#q-ord input").press_sequentially("bradykardi")
    mark = len(log(page))
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function(f"window.LMS.log.some(e => e[0] === '{FINISH[version]}')")
    closing = log(page)[mark:]
    assert [e[0] for e in closing if e[0] != "set"] == [COMMIT[version], FINISH[version]]
    assert "bradykardi" in written(closing, SUSPEND)[-1]
    assert written(closing, EXIT[version]) == ["suspend"]
