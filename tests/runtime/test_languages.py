"""The multilingual HTML site in Chromium: choosing, switching, fallback and right-to-left."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import answer
from support.browser import run_axe
from support.courses import ROOTS

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOTS / "multilang", ["html"], tmp_path_factory.mktemp("site")).out / "html"


def test_start_page_opens_the_browsers_language(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    for locale, expected in (("en-GB", "en"), ("nb-NO", "nb"), ("no", "nb"), ("ar-EG", "ar"), ("de-DE", "nb")):
        context = browser.new_context(locale=locale)
        page = context.new_page()
        page.goto((site / "index.html").as_uri())
        page.wait_for_url(f"**/{expected}/index.html")
        context.close()


def test_a_chosen_language_is_remembered(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "index.html").as_uri())
    page.locator(".language-menu summary").click()
    page.locator(".language-menu a[hreflang='se']").click()
    page.wait_for_url("**/se/index.html")
    page.goto((site / "index.html").as_uri())
    page.wait_for_url("**/se/index.html")


def test_switching_language_mid_quiz_keeps_answers_and_place(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri())
    answer(page, {"q-puls": "b", "q-ord": "bradykardi"})
    page.locator(".language-menu summary").click()
    page.locator(".language-menu a[hreflang='en']").click()
    page.wait_for_url("**/en/02-quiz/01-sporsmal.html")
    assert page.locator("h1").inner_text() == "Questions"
    assert page.locator("#q-puls input[value='b']").is_checked()
    assert page.locator("#q-ord input").input_value() == "bradykardi"
    answer(page, {"q-tf": "true"})
    page.get_by_role("button", name="Check answers").click()
    assert "3 of 3 correct" in page.locator(".quiz-result").inner_text()
    page.goto((site / "ar" / "index.html").as_uri())
    assert page.locator(".start-link").get_attribute("href") == "02-quiz/01-sporsmal.html"


def test_fallback_page_is_marked_and_has_its_own_language(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "en" / "01-intro" / "02-mer.html").as_uri())
    notice = page.locator(".fallback-notice")
    assert notice.is_visible()
    assert "not been translated into English" in notice.inner_text() and "Norsk bokmål" in notice.inner_text()
    assert page.locator("h1").evaluate("h => h.closest('[lang]').getAttribute('lang')") == "nb"
    assert page.locator("html").get_attribute("lang") == "en"
    page.goto((site / "en" / "01-intro" / "01-velkommen.html").as_uri())
    assert page.locator(".fallback-notice").count() == 0


def test_arabic_is_right_to_left(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "ar" / "02-quiz" / "01-sporsmal.html").as_uri())
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    option = page.locator("#q-puls li[data-choice='b']")
    radio = option.locator("input").bounding_box()
    label = option.locator("label").bounding_box()
    assert radio["x"] > label["x"], "the radio button stands to the right of its label"
    fieldset = page.locator("#q-puls").bounding_box()
    assert radio["x"] + radio["width"] > fieldset["x"] + fieldset["width"] * 0.7
    # On a phone Previous and Next are one above the other: Next's text is toward the left.
    nxt = page.locator(".pager-next .pager-label").bounding_box()
    prev = page.locator(".pager-prev .pager-label").bounding_box()
    assert nxt["x"] < prev["x"], "next is on the left in right-to-left"
    arrow = page.locator(".pager-next .arrow").evaluate("a => getComputedStyle(a).transform")
    assert arrow.startswith("matrix(-1"), "the arrow is mirrored"


@pytest.mark.parametrize("name", ["ar/index.html", "ar/01-intro/01-velkommen.html", "ar/02-quiz/01-sporsmal.html",
                                  "en/01-intro/02-mer.html"])
def test_axe_on_translated_and_fallback_pages(page, site: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / name).as_uri())
    assert run_axe(page) == []


def test_the_table_of_contents_marks_titles_from_another_language(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "ar" / "01-intro" / "01-velkommen.html").as_uri())
    page.locator(".toc-toggle").click()
    assert page.locator("#toc .toc-module span").first.get_attribute("lang") == "nb"  # no Arabic module title
    fallback = page.locator("#toc a[href$='02-mer.html']")
    assert (fallback.get_attribute("lang"), fallback.get_attribute("dir")) == ("nb", "ltr")
    assert page.locator("#toc a[href$='01-velkommen.html']").get_attribute("lang") is None
    assert page.locator(".breadcrumb span[lang='nb']").inner_text().replace("\u00ad", "") == "Innledning"


def test_the_language_menu_closes_on_escape_a_tap_outside_and_when_focus_leaves(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "01-intro" / "01-velkommen.html").as_uri())
    menu, summary = page.locator("details.language-menu"), page.locator("details.language-menu summary")
    is_open = lambda: menu.evaluate("m => m.open")  # noqa: E731
    summary.click()
    assert is_open()
    page.keyboard.press("Escape")
    assert not is_open() and summary.evaluate("s => s === document.activeElement")
    summary.click()
    page.mouse.click(5, 700)  # a tap on the page, away from the menu
    assert not is_open()
    summary.click()
    links = menu.locator("a").count()
    for _ in range(links + 1):
        page.keyboard.press("Tab")
    assert not is_open()


def test_switching_language_keeps_the_place_on_the_page(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    """A question's id is the same in every language: the switch lands on the same question."""
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri() + "#q-ord")
    page.locator(".language-menu summary").click()
    page.locator(".language-menu a[hreflang='en']").click()
    page.wait_for_url("**/en/02-quiz/01-sporsmal.html#q-ord")
    assert page.evaluate("location.hash") == "#q-ord"
