"""The table of contents loads the course outline (``assets/course.<lang>.js``) only when the learner
opens it, from file:// and inside an LMS frame under the pages' CSP, and says so when it cannot."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import RIGHT, answer
from support.browser import run_axe
from support.courses import ROOTS, SAMPLE
from support.lms import launch, serve_lms, walk_to_quiz

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOTS / "basic", ["html"], tmp_path_factory.mktemp("site")).out / "html"


@pytest.fixture(scope="module")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(SAMPLE, ["html"], tmp_path_factory.mktemp("sample")).out / "html"


def outline_requests(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The outline's URLs the page asks for from now on (a list that fills as it does)."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/assets/course." in r.url else None)
    return asked


def open_contents(page_or_frame) -> None:  # type: ignore[no-untyped-def]
    page_or_frame.locator(".toc-toggle").click()
    page_or_frame.locator("#toc:not([aria-busy]) :is(.toc-modules, .toc-unavailable)").wait_for()


def test_the_outline_loads_when_the_contents_open_and_lists_every_page(page, sample_site: Path) -> None:  # type: ignore[no-untyped-def]
    pages = sorted(p.relative_to(sample_site / "nb").with_suffix("").as_posix()
                   for p in (sample_site / "nb").glob("*/*.html"))
    asked = outline_requests(page)
    page.goto((sample_site / "nb" / "02-puls-og-respirasjon" / "01-puls.html").as_uri())
    page.locator("body[data-learnpack='ready']").wait_for(state="attached")
    assert asked == []  # nothing of the outline before the learner asks for it
    toggle = page.locator(".toc-toggle")
    toggle.focus()
    page.keyboard.press("Enter")
    page.locator("#toc .toc-modules").wait_for()
    assert [url.rsplit("/", 1)[1] for url in asked] == ["course.nb.js"]
    links = page.locator("#toc a")
    hrefs = [links.nth(i).get_attribute("href") for i in range(links.count())]
    assert sorted(h.removeprefix("../").removesuffix(".html") for h in hrefs) == pages
    assert page.locator("#toc .toc-module").count() == len({p.split("/")[0] for p in pages})
    assert page.evaluate("document.activeElement.getAttribute('aria-current')") == "page"
    assert "Du er her" in page.locator("#toc a[aria-current] + .visually-hidden").inner_text()
    assert run_axe(page) == []  # open, with every page listed
    page.keyboard.press("Escape")
    assert page.locator("#toc").is_hidden() and toggle.get_attribute("aria-expanded") == "false"
    toggle.click()  # again: the list is there, nothing loads twice
    assert page.locator("#toc .toc-modules").count() == 1 and len(asked) == 1
    assert page.evaluate("window.LEARNPACK_COURSE.pageCount") == len(pages)  # the page keeps the shell's data


def test_the_contents_show_what_was_read_and_passed(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "01-intro" / "01-velkommen.html").as_uri())
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri())
    answer(page, RIGHT)
    page.get_by_role("button", name="Sjekk svarene").click()
    page.locator(".quiz-result p:first-child").wait_for()
    open_contents(page)
    items = page.locator("#toc .toc-modules ol > li")
    statuses = [items.nth(i).locator(".visually-hidden").inner_text().strip() for i in range(items.count())]
    assert statuses == ["(Lest)", "(Ikke lest)", "(Du er her, Lest · Bestått)"]
    assert [items.nth(i).get_attribute("class") for i in range(3)] == ["visited", "", "visited"]


def test_the_start_page_keeps_its_progress_and_contents(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    asked = outline_requests(page)
    page.goto((site / "nb" / "01-intro" / "02-bilde.html").as_uri())
    page.goto((site / "nb" / "index.html").as_uri())
    assert "1 av 3 sider lest" in page.locator(".progress-text").inner_text()
    assert page.locator(".start-link").get_attribute("href") == "01-intro/02-bilde.html"
    assert asked == []
    open_contents(page)
    assert page.locator("#toc a").count() == 3 and page.locator("#toc [aria-current]").count() == 0
    assert page.evaluate("document.activeElement.getAttribute('href')") == "01-intro/01-velkommen.html"


def test_contents_without_their_outline_say_so(page, site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    broken = tmp_path / "html"
    shutil.copytree(site, broken)
    (broken / "assets" / "course.nb.js").unlink()
    page.goto((broken / "nb" / "01-intro" / "02-bilde.html").as_uri())
    open_contents(page)
    message = page.locator("#toc .toc-unavailable")
    assert message.inner_text().strip() and page.locator("#toc .toc-modules").count() == 0
    assert page.evaluate("document.activeElement.closest('.toc-unavailable') !== null")  # read out at once
    assert message.get_by_role("link").get_attribute("href") == "../index.html"  # the start page lists every page
    assert run_axe(page) == []
    page.keyboard.press("Escape")
    assert page.locator("#toc").is_hidden()
    page.locator(".toc-toggle").click()  # opened again: tried again, one message
    page.locator("#toc:not([aria-busy]) .toc-unavailable").wait_for()
    assert page.locator("#toc .toc-unavailable").count() == 1
    assert page.locator("body[data-learnpack='ready']").count() == 1  # the rest of the page works
    # The missing file is what the console reports; nothing else went wrong.
    assert all("ERR_FILE_NOT_FOUND" in e or "Failed to load" in e for e in page.watch.errors), page.watch.errors
    page.watch.errors.clear()


@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    root = tmp_path_factory.mktemp("lms")
    out = build(ROOTS / "basic", ["scorm12"], tmp_path_factory.mktemp("packages")).out
    with serve_lms(root, out, {"12": "scorm12"}) as url:
        yield url


def test_contents_in_an_lms_frame(page, lms_server: str) -> None:  # type: ignore[no-untyped-def]
    """Under http and the pages' CSP, in the launcher's frame: the state is the launcher's."""
    course = launch(page, lms_server, "12")
    walk_to_quiz(course)
    answer(course, RIGHT)
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".quiz-result p:first-child").wait_for()
    open_contents(course)
    items = course.locator("#toc .toc-modules ol > li")
    assert items.count() == 3
    assert items.nth(2).locator(".visually-hidden").inner_text().strip() == "(Du er her, Lest · Bestått)"
