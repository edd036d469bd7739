"""A --multilingual SCORM package with scorm-again: switching language keeps the learner's state."""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import answer
from support.courses import ROOTS
from support.lms import (
    PREFERENCE,
    check_values,
    cmi,
    exit_course,
    held_after,
    interactions,
    launch,
    next_visit,
    serve_lms,
    wait_for_page,
)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = build(ROOTS / "multilang", ["scorm12", "scorm2004"], tmp_path_factory.mktemp("out"), multilingual=True).out
    assert sorted(p.name for p in out.rglob("*.zip")) == ["multilang-1.0.0-mul-scorm12.zip",
                                                          "multilang-1.0.0-mul-scorm2004.zip"]
    with serve_lms(tmp_path_factory.mktemp("lms"), out) as url:
        yield url


def switch_to(course, code: str) -> None:  # type: ignore[no-untyped-def]
    course.locator(".language-menu summary").click()
    course.locator(f".language-menu a[hreflang='{code}']").click()
    course.locator(f"html[lang='{code}'] body[data-learnpack='ready']").wait_for(state="attached")


@pytest.mark.parametrize("version", ["12", "2004"])
def test_switching_language_mid_quiz_keeps_state_and_records_the_language(page, server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    course = launch(page, server, version)
    assert course.locator("html").get_attribute("lang") == "nb"
    course.locator(".start-link").click()
    for page_id in ("01-intro/01-velkommen", "01-intro/02-mer", "02-quiz/01-sporsmal"):
        wait_for_page(course, page_id)
        if page_id != "02-quiz/01-sporsmal":
            course.locator(".pager-next").click()
    answer(course, {"q-puls": "b", "q-ord": "bradykardi"})
    switch_to(course, "en")
    assert course.locator("h1").inner_text() == "Questions"
    assert course.locator("#q-puls input[value='b']").is_checked()
    assert course.locator("#q-ord input").input_value() == "bradykardi"
    assert cmi(page)[PREFERENCE[version]] == "en"
    answer(course, {"q-tf": "true"})
    course.get_by_role("button", name="Check answers").click()
    assert "3 of 3 correct" in course.locator(".quiz-result").inner_text()
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "passed" and values["cmi.core.score.raw"] == "100"
    else:
        assert values["cmi.success_status"] == "passed" and values["cmi.completion_status"] == "completed"
        records = {r["id"]: r for r in interactions(page).values()}
        assert records["q.puls"]["description"] == "{lang=en}What is a normal resting pulse?"
    check_values(page, version)
    assert exit_course(page, course, confirm="Exit") == "Your progress is saved. You can close this window."
    course = launch(page, server, version, held=next_visit(held_after(page), version))
    # Resumed in the learner's language, at the bookmarked page, with the quiz as it was.
    assert course.locator("html").get_attribute("lang") == "en"
    assert course.locator("h1").inner_text() == "Questions"
    assert "3 of 3 correct" in course.locator(".quiz-result").inner_text()


def test_single_language_packages_have_no_language_menu(tmp_path: Path) -> None:
    out = build(ROOTS / "multilang", ["scorm12"], tmp_path).out
    names = sorted(p.name for p in (out / "scorm12").glob("*.zip"))
    assert names == [f"multilang-1.0.0-{lang}-scorm12.zip" for lang in ("ar", "en", "nb", "nn", "se")]
    with zipfile.ZipFile(out / "scorm12" / "multilang-1.0.0-en-scorm12.zip") as archive:
        page = archive.read("en/02-quiz/01-sporsmal.html").decode()
        assert "language-menu" not in page
        assert not any(n.startswith("nb/") for n in archive.namelist())


@pytest.mark.parametrize("version", ["12", "2004"])
@pytest.mark.parametrize(("first", "typed", "then", "score"), [
    ("en", "bradycardia", "nb", "3 av 3 riktige"),
    ("nb", "bradykardi", "en", "3 of 3 correct"),
    ("ar", "bradycardia", "en", "3 of 3 correct"),
])
def test_a_verdict_never_changes_with_the_language(page, server: str, version: str, first: str, typed: str,  # type: ignore[no-untyped-def]
                                                    then: str, score: str) -> None:
    """Answer in one language, switch, reload: the accepted answers of every language count in every one."""
    held = {"cmi": {"core": {}, "student_preference": {"language": first}}} if version == "12" else \
        {"cmi": {"learner_preference": {"language": first}}}
    course = launch(page, server, version, held=held)
    assert course.locator("html").get_attribute("lang") == first
    course.locator(".pages a").last.click()
    wait_for_page(course, "02-quiz/01-sporsmal")
    answer(course, {"q-puls": "b", "q-tf": "true", "q-ord": typed})
    course.locator("form.quiz button[type=submit]").click()
    course.locator(".quiz-result p:first-child").wait_for()
    switch_to(course, then)
    assert score in course.locator(".quiz-result").inner_text()
    course = launch(page, server, version, held=next_visit(held_after(page), version))
    assert course.locator("html").get_attribute("lang") == then
    assert score in course.locator(".quiz-result").inner_text()
    assert course.locator("#q-ord.is-correct .verdict svg.icon").count() == 1


@pytest.mark.parametrize("version", ["12", "2004"])
@pytest.mark.parametrize(("preference", "shown"), [("en-GB", "en"), ("nb-NO", "nb"), ("no", "nb"), ("AR", "ar"),
                                                   ("de-DE", "nb"), ("", "nb")])
def test_the_lms_language_preference_is_matched_and_not_overwritten(page, server: str, version: str,  # type: ignore[no-untyped-def]
                                                                   preference: str, shown: str) -> None:
    held = {"cmi": {"core": {}, "student_preference": {"language": preference}}} if version == "12" else \
        {"cmi": {"learner_preference": {"language": preference}}}
    course = launch(page, server, version, held=held)
    assert course.locator("html").get_attribute("lang") == shown
    course.locator(".pages a").first.click()
    course.locator("main h1").wait_for()
    assert PREFERENCE[version] not in cmi(page)  # written only when the learner chooses a language


def test_a_question_shown_from_the_fallback_is_described_in_its_own_language(page, server: str) -> None:  # type: ignore[no-untyped-def]
    """Nynorsk has no translation of the quiz page: its questions are bokmål text, and say so to the LMS."""
    course = launch(page, server, "2004", held={"cmi": {"learner_preference": {"language": "nn"}}})
    assert course.locator("html").get_attribute("lang") == "nn"
    course.locator(".pages a").last.click()
    wait_for_page(course, "02-quiz/01-sporsmal")
    answer(course, {"q-puls": "b", "q-tf": "true", "q-ord": "bradykardi"})
    course.locator("form.quiz button[type=submit]").click()
    course.locator(".quiz-result p:first-child").wait_for()
    records = {r["id"]: r for r in interactions(page).values()}
    assert records["q.puls"]["description"] == "{lang=nb}Hva er normal hvilepuls?"
    check_values(page, "2004")
