"""The built HTML course in headless Chromium, opened from file:// with no server and no network."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import RIGHT, WRONG, answer, order_of
from support.browser import run_axe
from support.courses import ROOTS

pytestmark = pytest.mark.browser

@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOTS / "basic", ["html"], tmp_path_factory.mktemp("site")).out / "html"


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def result_text(page) -> str:  # type: ignore[no-untyped-def]
    return page.locator(".quiz-result").inner_text()


def test_right_answers_pass_with_full_score(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    answer(page, RIGHT)
    page.get_by_role("button", name="Sjekk svarene").click()
    text = result_text(page)
    assert "7 av 7 riktige (100\u00a0%)." in text and "Bestått." in text
    for qid in RIGHT:
        if qid != "q-tanke":
            verdict = page.locator(f"#{qid} .verdict")
            assert verdict.inner_text() == "Riktig", qid  # the word, not only a colour
    assert page.locator("#q-puls .feedback-correct").is_visible()
    assert page.locator("#q-tanke .feedback-always").is_visible()
    assert page.locator(".quiz-result").evaluate("el => el === document.activeElement")


def test_wrong_answers_give_feedback_and_retries_run_out(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    answer(page, WRONG)
    page.get_by_role("button", name="Sjekk svarene").click()
    text = result_text(page)
    assert "0 av 7 riktige (0\u00a0%)." in text and "Ikke bestått ennå." in text and "1 forsøk igjen" in text
    chosen = page.locator("#q-puls li[data-choice='a']")
    assert "chosen-wrong" in chosen.get_attribute("class")
    assert chosen.locator(".mark").inner_text() == "Ditt svar – feil"
    assert chosen.locator(".option-feedback").inner_text() == "For lavt."
    assert not page.locator("#q-puls li[data-choice='b']").get_attribute("class").count("the-answer")
    assert page.locator("#q-puls .feedback-incorrect").is_visible()
    assert page.locator("#q-puls input").first.is_disabled()
    page.get_by_role("button", name="Prøv igjen").click()
    assert not page.locator("#q-puls input:checked").count()
    assert result_text(page) == ""
    answer(page, WRONG | {"q-puls": "b"})
    page.get_by_role("button", name="Sjekk svarene").click()
    assert "1 av 7 riktige (14\u00a0%). Ikke bestått.\n" in result_text(page) and "Les disse sidene igjen:" in result_text(page)
    review = page.locator(".quiz-result .review-list a")  # a next step: the previous module's pages
    assert [review.nth(i).get_attribute("href") for i in range(review.count())] == [
        "../01-intro/01-velkommen.html", "../01-intro/02-bilde.html"]
    assert page.get_by_role("button", name="Prøv igjen").is_hidden()
    # With no attempts left the right answers are shown.
    assert "the-answer" in page.locator("#q-vitale li[data-choice='b']").get_attribute("class")
    assert "Riktig svar: bradykardi" in page.locator("#q-ord").inner_text()


def test_unanswered_questions_are_named(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    answer(page, {"q-puls": "b"})
    page.get_by_role("button", name="Sjekk svarene").click()
    assert "Mangler: Spørsmål 2, Spørsmål 3" in result_text(page)
    assert page.evaluate("document.activeElement.name") == "q-vitale"


# 37.2 in Arabic-Indic, Persian, Devanagari and (outside the BMP) mathematical bold digits.
@pytest.mark.parametrize("typed", ["٣٧٫٢", "۳۷٫۲", "37,2", "३७.२", "\U0001d7d1\U0001d7d5,\U0001d7d0"])
def test_number_answers_count_in_the_learners_own_digits(page, site: Path, typed: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    answer(page, RIGHT | {"q-temp": typed})
    page.get_by_role("button", name="Sjekk svarene").click()
    assert "7 av 7 riktige" in result_text(page)
    assert page.locator("#q-temp .verdict").inner_text() == "Riktig"


def test_numbers_are_read_the_same_whatever_the_digits(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    vectors = {
        "٣٧٫٢": "37.2", "۳۷٫۲": "37.2", "37,2": "37.2", "٣٧,٢": "37.2", "−٣": "-3", "١٬٠٠٠": "1000",
        "1 000": "1000", "\u200f٣٧\u200e": "37", "٠٫٥": "0.5", "٫٥": ".5", "०": "0",
        "ca 37": None, "٣٧ درجة": None, "3,5,2": None, "٣٧٫٢٫١": None, "": None, "٣-٧": None,
    }
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    read = page.evaluate("vs => vs.map(v => window.LearnpackNumber.ascii(v))", list(vectors))
    assert dict(zip(vectors, read, strict=True)) == vectors
    answer(page, RIGHT | {"q-temp": "٣٩"})  # a number in other digits, but the wrong one
    page.get_by_role("button", name="Sjekk svarene").click()
    assert page.locator("#q-temp .verdict").inner_text() == "Feil"


def test_answers_and_position_survive_a_reload(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/01-intro/01-velkommen.html"))
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    answer(page, {"q-puls": "b", "q-ord": "bradykardi", "q-rekke": {"a": "2"}, "q-tanke": "Mine tanker"})
    page.reload()
    assert page.locator("#q-puls input[value='b']").is_checked()
    assert page.locator("#q-ord input").input_value() == "bradykardi"
    assert order_of(page.locator("#q-rekke")).index("a") == 1
    assert page.locator("#q-tanke textarea").input_value() == "Mine tanker"
    answer(page, RIGHT)
    page.get_by_role("button", name="Sjekk svarene").click()
    page.reload()
    assert "7 av 7 riktige" in result_text(page)
    assert page.locator("#q-puls .verdict").inner_text() == "Riktig"
    page.goto(url(site, "nb/index.html"))
    start = page.locator(".start-link")
    assert start.inner_text() == "Fortsett der du slapp"
    assert start.get_attribute("href") == "02-quiz/01-sporsmal.html"
    assert "2 av 3 sider lest" in page.locator(".progress-text").inner_text()
    status = page.locator("li[data-page='02-quiz/01-sporsmal'] .page-status").inner_text()
    assert "Lest" in status and "Bestått" in status


def test_quiz_with_the_keyboard_alone(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    page.locator("h1").click()  # put the caret at the top of the page
    done: set[str] = set()
    for _ in range(80):
        page.keyboard.press("Tab")
        focus = page.evaluate("""() => { const e = document.activeElement;
            const fs = e.closest('fieldset');
            return {tag: e.tagName, type: e.type || '', name: e.name || '', value: e.value || '',
                    item: e.dataset.item || '', q: fs ? fs.id : '', text: e.textContent.trim(),
                    move: e.dataset.move || '', choice: e.closest('.order-item') ? e.closest('.order-item').dataset.choice : ''}; }""")
        if focus["tag"] == "BUTTON" and focus["text"] == "Sjekk svarene":
            page.keyboard.press("Enter")
            break
        qid = focus["q"]
        want = RIGHT.get(qid)
        if want is None:
            continue
        if focus["type"] == "radio" and qid not in done:
            for _ in range(5):
                if page.evaluate("document.activeElement.value") == want:
                    break
                page.keyboard.press("ArrowDown")
            page.keyboard.press("Space")
            done.add(qid)
        elif focus["type"] == "checkbox" and focus["value"] in want:
            page.keyboard.press("Space")
        elif focus["move"] == "-1":  # ordering: move the item up to its place, the button keeps the focus
            rekke = page.locator(f"#{qid}")
            while order_of(rekke).index(focus["choice"]) > int(want[focus["choice"]]) - 1:  # type: ignore[index]
                page.keyboard.press("Enter")
        elif focus["tag"] == "SELECT":
            target = want[focus["item"]]  # type: ignore[index]
            for _ in range(6):
                if page.evaluate("document.activeElement.value") == target:
                    break
                page.keyboard.press("ArrowDown")
        elif focus["tag"] in ("INPUT", "TEXTAREA") and focus["type"] in ("text", "textarea"):
            page.keyboard.type(want)  # type: ignore[arg-type]
    assert "7 av 7 riktige (100\u00a0%)." in result_text(page)
    # Focus moved to the result, which links back to each question.
    assert page.evaluate("document.activeElement.classList.contains('quiz-result')")


def test_focus_is_visible(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    page.locator("#q-puls-b").focus()
    page.keyboard.press("ArrowDown")
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_table_of_contents_opens_and_closes_by_keyboard(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/01-intro/02-bilde.html"))
    toggle = page.locator(".toc-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    assert toggle.get_attribute("aria-expanded") == "true"
    page.locator("#toc .toc-modules").wait_for()  # the outline loads when the contents first open
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    links = page.locator("#toc a")
    assert links.count() == 3
    page.keyboard.press("Escape")
    assert page.locator("#toc").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('toc-toggle')")


def test_fits_a_360px_phone_screen(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("nb/index.html", "nb/01-intro/02-bilde.html", "nb/02-quiz/01-sporsmal.html"):
        page.goto(url(site, name))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, (name, width)


@pytest.mark.parametrize("name", ["nb/index.html", "nb/01-intro/01-velkommen.html", "nb/02-quiz/01-sporsmal.html"])
def test_axe_finds_no_wcag_violations(page, site: Path, name: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, name))
    if "quiz" in name:
        answer(page, WRONG)
        page.get_by_role("button", name="Sjekk svarene").click()
        page.locator(".quiz-result p:first-child").wait_for()
    assert run_axe(page) == []


@pytest.mark.parametrize("scheme", [{"color_scheme": "dark"}, {"forced_colors": "active"}], ids=["dark", "forced"])
def test_axe_finds_no_violations_in_dark_mode_and_forced_colours(browser, site: Path, scheme: dict) -> None:  # type: ignore[no-untyped-def,type-arg]
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO", **scheme)
    page = context.new_page()
    try:
        for name in ("nb/index.html", "nb/01-intro/01-velkommen.html", "nb/02-quiz/01-sporsmal.html"):
            page.goto(url(site, name))
            if "quiz" in name:
                answer(page, WRONG)
                page.get_by_role("button", name="Sjekk svarene").click()
                page.locator(".quiz-result p:first-child").wait_for()
            assert run_axe(page) == [], name
        if "color_scheme" in scheme:  # the dark colours are in use, not the light ones
            assert page.evaluate("getComputedStyle(document.documentElement).backgroundColor") == "rgb(21, 22, 26)"
    finally:
        context.close()


def test_print_hides_navigation(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/01-intro/02-bilde.html"))
    page.emulate_media(media="print")
    assert page.locator(".pager").is_hidden() and page.locator(".site-header").is_hidden()
    assert page.locator("main h1").is_visible()


def test_axe_does_report_a_real_violation(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    """Guards the axe tests themselves: an unlabelled field must be caught."""
    page.goto(url(site, "nb/01-intro/01-velkommen.html"))
    page.evaluate("document.querySelector('main').appendChild(document.createElement('input'))")
    assert "label" in [v["id"] for v in run_axe(page)]


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from support.courses import SAMPLE

    return build(SAMPLE, ["html"], tmp_path_factory.mktemp("sample")).out / "html"


def test_axe_on_every_page_of_the_sample_course(page, sample_site: Path) -> None:  # type: ignore[no-untyped-def]
    failures = {}
    pages = [*sample_site.glob("nb/**/*.html"), *sample_site.glob("ar/**/*.html"), *sample_site.glob("en/*.html")]
    for html in sorted(pages):  # bokmål, Arabic (right to left) and the English start page
        page.goto(html.as_uri())
        if violations := run_axe(page):
            failures[html.relative_to(sample_site).as_posix()] = violations
        assert page.evaluate("document.documentElement.scrollWidth") <= 360, html.name
    assert failures == {}


@pytest.mark.parametrize(("width", "font_size"), [(320, 16), (360, 32)], ids=["320px", "200%-text-on-360px"])
def test_no_page_scrolls_sideways(browser, sample_site: Path, width: int, font_size: int) -> None:  # type: ignore[no-untyped-def]
    """At 320 px, and with Chromium's text size doubled on a 360 px phone, no page is wider than the screen."""
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Page.enable")
    cdp.send("Page.setFontSizes", {"fontSizes": {"standard": font_size, "fixed": font_size * 13 // 16}})
    try:
        wide = {}
        for html in sorted(sample_site.rglob("*.html")):
            page.goto(html.as_uri())
            if (scroll := page.evaluate("document.documentElement.scrollWidth")) > width:
                wide[html.relative_to(sample_site).as_posix()] = scroll
        assert page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)") == font_size * 1.125
        assert wide == {}
    finally:
        context.close()


def test_long_norwegian_words_can_break(page, sample_site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((sample_site / "nb" / "02-puls-og-respirasjon" / "02-respirasjon.html").as_uri())
    text = page.locator("main").inner_text()
    assert "Respi\u00adra\u00adsjons\u00adfre\u00adkven\u00adsen" in text  # soft hyphens from the nb dictionary
    assert "\u00ad" not in page.title()  # the window title and what the LMS is sent stay plain


def test_enter_in_an_answer_field_does_not_check_the_quiz(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/02-quiz/01-sporsmal.html"))
    field = page.locator("#q-ord input")
    field.fill("bradykardi")
    field.press("Enter")
    assert page.locator(".quiz-check").is_visible() and page.locator(".quiz-result").inner_text() == ""
    assert field.input_value() == "bradykardi"


def test_drawn_questions_stay_the_same_after_a_reload(page, sample_site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((sample_site / "nb" / "04-nar-tilkalle-hjelp" / "03-sluttest.html").as_uri())
    visible = page.locator("fieldset.question:visible")
    assert visible.count() == 5 and page.locator("fieldset.question").count() == 7
    drawn = [visible.nth(i).get_attribute("data-question") for i in range(5)]
    assert [visible.nth(i).locator(".question-number").inner_text() for i in range(5)] == [
        f"Spørsmål {n}" for n in range(1, 6)]
    page.reload()
    assert [visible.nth(i).get_attribute("data-question") for i in range(5)] == drawn


def test_shuffled_options_keep_their_order_across_checking_and_reloading(page, sample_site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((sample_site / "nb" / "04-nar-tilkalle-hjelp" / "03-sluttest.html").as_uri())
    order = "() => [...document.querySelectorAll('fieldset.question:not([hidden]) ul.options')].map(" \
            "list => [...list.children].map(li => li.dataset.choice).join(''))"
    shown = page.evaluate(order)
    assert shown and any(o != "".join(sorted(o)) for o in shown), "the quiz shuffles its options"
    for fieldset in page.locator("fieldset.question:visible").all():
        if fieldset.get_attribute("data-kind") in ("single", "multiple", "truefalse"):
            fieldset.locator("input").first.check()
        else:
            fieldset.locator("input, textarea").first.fill("1")
    page.get_by_role("button", name="Sjekk svarene").click()
    page.locator(".quiz-result p:first-child").wait_for()
    assert page.evaluate(order) == shown  # checking does not move the options
    page.reload()
    assert page.evaluate(order) == shown  # nor does coming back
