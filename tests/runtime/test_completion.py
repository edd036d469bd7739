"""Completion that counts: a module's summary, the start page's module cards, the results page
with what is left or the certificate, in the HTML course and in SCORM packages played by
scorm-again (the learner's name from the LMS); the cover and introduction of the start page."""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from learnpack.build import build
from learnpack.errors import CourseError
from support.answers import RIGHT, answer
from support.browser import run_axe
from support.courses import ROOTS
from support.lms import VERSIONS, launch, serve_lms, wait_for_page, walk_to_quiz

pytestmark = pytest.mark.browser

COVER = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20"><rect width="40" height="20" fill="#9cf"/></svg>\n'
DATE = re.compile(r"\d")


def course_with_cover(root: Path) -> Path:
    """tests/roots/basic with a cover, an introduction and an image on its first module's card."""
    course = root / "basic"
    shutil.copytree(ROOTS / "basic", course)
    (course / "bilder").mkdir()
    (course / "bilder" / "forside.svg").write_text(COVER, encoding="utf-8")
    (course / "01-intro" / "kort.svg").write_text(COVER, encoding="utf-8")
    with (course / "course.yml").open("a", encoding="utf-8") as file:
        file.write("cover: bilder/forside.svg\ncover_alt: Et blått felt\nintro: Les sidene i rekkefølge.\n")
    with (course / "01-intro" / "module.yml").open("a", encoding="utf-8") as file:
        file.write("image: kort.svg\nimage_alt: Et blått kort\n")
    return course


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    course = course_with_cover(tmp_path_factory.mktemp("course"))
    return build(course, ["html"], tmp_path_factory.mktemp("site")).out / "html"


def url(site: Path, name: str) -> str:
    return (site / name).as_uri()


def read_everything_and_pass(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    for name in ("01-intro/01-velkommen", "01-intro/02-bilde", "02-quiz/01-sporsmal"):
        page.goto(url(site, f"nb/{name}.html"))
    answer(page, RIGHT)
    page.get_by_role("button", name="Sjekk svarene").click()
    assert "Bestått" in page.locator(".quiz-result").inner_text()


def test_the_results_page_lists_what_is_left_as_links(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/01-intro/01-velkommen.html"))
    page.goto(url(site, "nb/completed.html"))
    left = page.locator(".completion-left")
    assert left.is_visible() and page.locator(".certificate").is_hidden() and page.locator(".completion-done").is_hidden()
    pages = left.locator(".left-pages li:visible a")
    assert [pages.nth(i).get_attribute("href") for i in range(pages.count())] == [
        "01-intro/02-bilde.html", "02-quiz/01-sporsmal.html"]
    quizzes = left.locator(".left-quizzes li:visible a")
    assert [quizzes.nth(i).get_attribute("href") for i in range(quizzes.count())] == ["02-quiz/01-sporsmal.html#quiz-q1"]
    assert page.locator(".completed-link").count() == 0  # the start page's link, not here
    page.goto(url(site, "nb/index.html"))
    assert page.locator(".completed-link").is_hidden()  # offered only once the course is complete


def test_a_complete_course_shows_score_date_and_a_certificate_with_the_typed_name(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    read_everything_and_pass(page, site)
    summary = page.locator(".module-summary")  # the quiz page ends its module, and the course
    assert "1 av 1 side lest" in summary.inner_text()
    assert "Beste resultat 100\u00a0% – Bestått" in summary.locator("li[data-quiz='q1']").inner_text()
    page.locator(".pager-next").click()  # the last page's next: the results
    page.wait_for_url("**/nb/completed.html")
    assert page.locator(".completion-left").is_hidden()
    done = page.locator(".completion-done").inner_text()
    assert "Samlet resultat: 100\u00a0%" in done and "Fullført " in done and DATE.search(done)
    assert "Beste resultat 100\u00a0% – Bestått" in page.locator(".completion-quizzes li[data-quiz='q1']").inner_text()
    certificate = page.locator(".certificate")
    assert certificate.is_visible()
    page.get_by_label("Navnet ditt på kursbeviset").fill("Kari Nordmann")
    sheet = certificate.locator(".certificate-sheet").inner_text()
    assert "Kari Nordmann" in sheet and "Basic course" in sheet and "100\u00a0%" in sheet
    assert "basic 1.0.0" in sheet and "2 moduler" in sheet
    assert certificate.locator(".certificate-date").inner_text() in done
    page.reload()  # the name is kept in this browser, and so is the day the course was completed
    assert page.get_by_label("Navnet ditt på kursbeviset").input_value() == "Kari Nordmann"
    assert page.evaluate("JSON.parse(localStorage.getItem('learnpack:basic')).completed").count("-") == 2
    page.goto(url(site, "nb/index.html"))
    link = page.locator(".completed-link")
    assert link.is_visible() and link.get_attribute("href") == "completed.html"
    # In print, the certificate alone.
    page.goto(url(site, "nb/completed.html"))
    page.emulate_media(media="print")
    assert page.locator(".certificate-sheet").is_visible()
    for hidden in (".site-header", "h1", ".completion-done", ".certificate-name-field", ".certificate-print"):
        assert page.locator(hidden).is_hidden(), hidden


def test_module_cards_show_the_learners_progress(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/index.html"))
    cards = page.locator(".modules > .module")
    assert cards.nth(0).locator(".module-progress").inner_text() == "0 av 2 sider lest"
    assert cards.nth(1).locator(".module-progress").inner_text() == "0 av 1 side lest · 0 av 1 quiz bestått"
    page.goto(url(site, "nb/01-intro/02-bilde.html"))
    page.goto(url(site, "nb/index.html"))
    first = cards.nth(0)
    assert first.locator(".module-progress").inner_text() == "1 av 2 sider lest"
    assert first.locator(".module-link").get_attribute("href") == "01-intro/02-bilde.html"  # where the learner left off
    assert cards.nth(1).locator(".module-link").get_attribute("href") == "02-quiz/01-sporsmal.html"
    read_everything_and_pass(page, site)
    page.goto(url(site, "nb/index.html"))
    assert cards.nth(1).locator(".module-progress").inner_text() == "1 av 1 side lest · 1 av 1 quiz bestått"
    assert "module-done" in (first.get_attribute("class") or "")


def test_cover_introduction_and_card_image_are_on_the_start_page(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto(url(site, "nb/index.html"))
    cover = page.locator("img.cover")
    assert cover.get_attribute("alt") == "Et blått felt"
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
    assert page.locator(".intro").inner_text().replace("\u00ad", "") == "Les sidene i rekkefølge."  # soft hyphens
    image = page.locator(".modules > .module").nth(0).locator("img.module-image")
    assert image.get_attribute("alt") == "Et blått kort" and image.evaluate("img => img.naturalWidth > 0")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 360
    columns = page.evaluate("getComputedStyle(document.querySelector('.modules')).gridTemplateColumns")
    assert len(columns.split()) == 1  # one column on a phone


def test_module_cards_are_a_grid_on_a_wide_screen(browser, site: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.goto(url(site, "nb/index.html"))
    columns = page.evaluate("getComputedStyle(document.querySelector('.modules')).gridTemplateColumns")
    context.close()
    assert len(columns.split()) == 2


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_no_violations_on_the_cards_the_results_and_the_certificate(browser, site: Path, scheme: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 360, "height": 740}, color_scheme=scheme, locale="nb-NO")
    page = context.new_page()
    try:
        page.goto(url(site, "nb/01-intro/01-velkommen.html"))
        for name in ("nb/index.html", "nb/completed.html"):
            page.goto(url(site, name))
            assert run_axe(page) == [], (name, scheme)
        read_everything_and_pass(page, site)
        assert run_axe(page) == [], ("module summary", scheme)
        page.goto(url(site, "nb/completed.html"))
        page.get_by_label("Navnet ditt på kursbeviset").fill("Kari Nordmann")
        assert page.locator(".certificate").is_visible()
        assert run_axe(page) == [], ("certificate", scheme)
    finally:
        context.close()


# ---- config errors ---------------------------------------------------------------------------

@pytest.mark.parametrize(("lines", "expected"), [
    ("cover: bilder/finnes-ikke.svg\ncover_alt: Et bilde\n", "cover: image file 'bilder/finnes-ikke.svg' not found"),
    ("cover: bilder/forside.svg\n", "cover_alt is missing"),
    ("cover: ../utenfor.svg\ncover_alt: Et bilde\n", "must be a path inside the course folder"),
])
def test_a_bad_cover_is_an_error_naming_course_yml_and_its_line(tmp_path: Path, lines: str, expected: str) -> None:
    course = tmp_path / "basic"
    shutil.copytree(ROOTS / "basic", course)
    (course / "bilder").mkdir()
    (course / "bilder" / "forside.svg").write_text(COVER, encoding="utf-8")
    (tmp_path / "utenfor.svg").write_text(COVER, encoding="utf-8")
    config = course / "course.yml"
    line = len(config.read_text(encoding="utf-8").splitlines()) + 1
    with config.open("a", encoding="utf-8") as file:
        file.write(lines)
    with pytest.raises(CourseError) as caught:
        build(course, ["html"], tmp_path / "out")
    problems = [d for d in caught.value.diagnostics if expected in d.message]
    assert problems, [d.message for d in caught.value.diagnostics]
    assert problems[0].path == config and problems[0].line == line


def test_a_module_image_needs_its_alternative_text(tmp_path: Path) -> None:
    course = tmp_path / "basic"
    shutil.copytree(ROOTS / "basic", course)
    (course / "01-intro" / "kort.svg").write_text(COVER, encoding="utf-8")
    with (course / "01-intro" / "module.yml").open("a", encoding="utf-8") as file:
        file.write("image: kort.svg\n")
    with pytest.raises(CourseError) as caught:
        build(course, ["html"], tmp_path / "out")
    problem = caught.value.diagnostics[0]
    assert "image_alt is missing" in problem.message and problem.path == course / "01-intro" / "module.yml"


# ---- SCORM: the learner's name comes from the LMS ----------------------------------------------

@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("lms")
    out = build(ROOTS / "basic", list(VERSIONS.values()), tmp_path_factory.mktemp("packages")).out
    with serve_lms(root, out) as server:
        yield server


@pytest.mark.parametrize("version", ["12", "2004"])
def test_the_certificate_shows_the_lms_learner_name_first_name_first(page, lms_server: str, version: str) -> None:  # type: ignore[no-untyped-def]
    held = {"cmi": {"core": {"student_name": "Nordmann, Kari"}}} if version == "12" else {
        "cmi": {"learner_name": "Nordmann, Kari"}}
    course = launch(page, lms_server, version, held)
    walk_to_quiz(course)
    answer(course, RIGHT)
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".pager-next").click()
    course.locator("body[data-learnpack='ready'] .completion").wait_for()
    certificate = course.locator(".certificate")
    assert certificate.is_visible()
    assert certificate.locator(".certificate-learner").inner_text() == "Kari Nordmann"
    assert course.locator("#learner-name").is_hidden()  # nothing to type: the LMS knows the learner
    assert "Samlet resultat: 100\u00a0%" in course.locator(".completion-done").inner_text()
    assert DATE.search(certificate.locator(".certificate-date").inner_text())
