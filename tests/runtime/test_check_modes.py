"""Practice and tests: check=question checks each question on its own, check=quiz all at once.

Also what a learner meets checking too early (the reason in view, on the question), and
retries after a pass: not offered unless the author lets learners improve, never losing it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.build import build
from learnpack.errors import CourseError
from support.courses import write_course

pytestmark = pytest.mark.browser

PRACTICE = """# Øving

Tekst.

::: quiz {#ov}
### Hva er normal hvilepuls? {#puls}
- ( ) 30–50
- (x) 60–100

### Puls måles i slag per minutt. {#tf}
= true

### Hva tenker du? {#tanke type=reflection}
:::
"""

LONG_TEST = "# Test\n\n::: quiz {#test attempts=2 pass=100%s}\n" + "".join(
    f"### Spørsmål om puls nummer {n}? {{#s{n}}}\n- (x) Ja\n- ( ) Nei\n\n" for n in range(6)) + ":::\n"


def site_of(tmp_path: Path, pages: dict[str, str]) -> Path:
    return build(write_course(tmp_path / "c", pages), ["html"], tmp_path / "out").out / "html"


def test_a_practice_quiz_checks_each_question_on_its_own(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = site_of(tmp_path, {"01-m/01-ovelse.md": PRACTICE})
    page.goto((site / "nb" / "01-m" / "01-ovelse.html").as_uri())
    assert page.locator(".quiz-check").count() == 0  # no check-all button in practice
    puls = page.locator("#q-puls")
    puls.get_by_role("button", name="Sjekk svaret").click()
    assert puls.get_attribute("aria-invalid") == "true"
    assert puls.locator(".question-missing").inner_text() == "Svar på spørsmålet først."
    assert page.evaluate("document.activeElement.name") == "q-puls"
    puls.locator("input[value='a']").check()
    assert puls.get_attribute("aria-invalid") is None and puls.locator(".question-missing").is_hidden()
    puls.get_by_role("button", name="Sjekk svaret").click()
    assert puls.locator(".verdict").inner_text() == "Feil"
    assert page.evaluate("document.activeElement.classList.contains('verdict')")  # focus on what happened
    assert page.locator("#q-tf .verdict").is_hidden()  # the other question is not checked with it
    assert page.locator(".quiz-result").inner_text() == ""
    puls.get_by_role("button", name="Prøv igjen").click()
    assert not puls.locator("input:checked").count() and puls.locator(".verdict").is_hidden()
    puls.locator("input[value='b']").check()
    puls.get_by_role("button", name="Sjekk svaret").click()
    assert puls.locator(".verdict").inner_text() == "Riktig"
    assert puls.get_by_role("button", name="Prøv igjen").is_hidden()  # right: nothing to try again
    page.reload()  # a checked question stays checked
    assert page.locator("#q-puls .verdict").inner_text() == "Riktig" and page.locator("#q-puls input").first.is_disabled()
    page.locator("#q-tanke textarea").fill("Viktig.")
    tf = page.locator("#q-tf")
    tf.locator("input[value='true']").check()
    tf.get_by_role("button", name="Sjekk svaret").click()
    assert "2 av 2 riktige (100\u00a0%). Bestått." in page.locator(".quiz-result").inner_text()


def test_a_practice_quiz_with_attempts_is_refused(tmp_path: Path) -> None:
    course = write_course(tmp_path / "c", {"01-m/01-p.md": PRACTICE.replace("{#ov}", "{#ov check=question attempts=2}")})
    with pytest.raises(CourseError) as refused:
        build(course, ["html"], tmp_path / "out")
    problem = refused.value.diagnostics[0]
    assert problem.code == "quiz.setting" and "attempts" in problem.message and problem.line == 5


def test_an_unknown_check_is_refused_with_both_choices(tmp_path: Path) -> None:
    course = write_course(tmp_path / "c", {"01-m/01-p.md": PRACTICE.replace("{#ov}", "{#ov check=alle}")})
    with pytest.raises(CourseError) as refused:
        build(course, ["html"], tmp_path / "out")
    assert "check=question" in refused.value.diagnostics[0].message and "check=quiz" in refused.value.diagnostics[0].message


def test_checking_too_early_shows_the_reason_beside_the_first_unanswered_question(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = site_of(tmp_path, {"01-m/01-test.md": LONG_TEST % ""})
    page.goto((site / "nb" / "01-m" / "01-test.html").as_uri())
    for n in (0, 2, 3, 4, 5):
        page.locator(f"#q-s{n} input[value='a']").check()
    page.locator(".quiz-check").click()  # at the bottom of a long quiz on a phone
    missing = page.locator("#q-s1")
    assert missing.get_attribute("aria-invalid") == "true"
    assert page.locator("fieldset[aria-invalid]").count() == 1
    note = missing.locator(".question-missing")
    assert note.inner_text() == "Svar på spørsmålet først."
    box = note.bounding_box()
    assert box is not None and 0 <= box["y"] and box["y"] + box["height"] <= 740  # in view, not off screen
    assert page.evaluate("document.activeElement.name") == "q-s1"
    assert "Mangler: Spørsmål 2" in page.locator(".quiz-result").inner_text()


def answer_all(page, value: str, count: int = 6) -> None:  # type: ignore[no-untyped-def]
    for n in range(count):
        page.locator(f"#q-s{n} input[value='{value}']").check()


def test_a_pass_is_not_offered_again_unless_the_author_allows_improving(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = site_of(tmp_path, {"01-m/01-test.md": LONG_TEST % ""})
    page.goto((site / "nb" / "01-m" / "01-test.html").as_uri())
    answer_all(page, "a")
    page.locator(".quiz-check").click()
    assert "Bestått." in page.locator(".quiz-result").inner_text()
    assert page.locator(".quiz-retry").is_hidden()


def test_improving_after_a_pass_never_loses_it(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    site = site_of(tmp_path, {"01-m/01-test.md": LONG_TEST % " improve"})
    page.goto((site / "nb" / "01-m" / "01-test.html").as_uri())
    answer_all(page, "a")
    page.locator(".quiz-check").click()
    page.get_by_role("button", name="Prøv igjen").click()
    answer_all(page, "b")
    page.locator(".quiz-check").click()
    text = page.locator(".quiz-result").inner_text()
    assert "0 av 6 riktige (0\u00a0%). Det beste resultatet ditt gjelder: 100\u00a0%. Bestått." in text
    page.reload()
    assert "Bestått." in page.locator(".quiz-result").inner_text()
    stored = page.evaluate("JSON.stringify(Object.values(localStorage).map(JSON.parse)[0].quizzes.test)")
    assert '"best":100' in stored and '"passed":true' in stored
