"""The header on a phone is one row in every language of the sample, also with long language names
("Davvisámegiella") and with the LMS's Exit button, which appears without pushing the page down."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from learnpack.build import build
from support.courses import ROOTS
from support.lms import launch, serve_lms

pytestmark = pytest.mark.browser

SAMPLE = Path(__file__).resolve().parents[2] / "content" / "vitale-tegn"
PAGE = "01-innledning/02-slik-observerer-du.html"
ROW = 70  # px: one row of 2.75rem controls with the header's padding and border (a title of 1–2 lines fits)


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(SAMPLE, ["html"], tmp_path_factory.mktemp("sample")).out / "html"


@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = build(ROOTS / "basic", ["scorm12"], tmp_path_factory.mktemp("package")).out
    with serve_lms(tmp_path_factory.mktemp("lms"), out, {"12": "scorm12"}) as server:
        yield server


def languages(site: Path) -> list[str]:
    return sorted(path.parent.name for path in site.glob("*/index.html"))


def one_row(page_or_frame, tallest: float = ROW) -> None:  # type: ignore[no-untyped-def]
    """The header is one row: no taller than ``tallest``, each control beside the title."""
    header = page_or_frame.locator(".site-header").bounding_box()
    assert header["height"] <= tallest, header
    controls = page_or_frame.locator(".site-header .header-actions > :not([hidden])")
    assert controls.count() >= 2
    width = page_or_frame.locator("html").evaluate("html => html.clientWidth")
    boxes = [control.bounding_box() for control in controls.all()]
    assert max(box["y"] for box in boxes) - min(box["y"] for box in boxes) < 1, boxes  # side by side
    for box in boxes:
        assert header["y"] <= box["y"] and box["y"] + box["height"] <= header["y"] + header["height"], (box, header)
        assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, box


@pytest.mark.parametrize(("width", "tallest"), [(360, ROW), (320, ROW + 20)])  # at 320 px a title may take 3 lines
def test_the_header_is_one_row_on_a_phone_in_every_language(page, sample: Path, width: int, tallest: float) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": width, "height": 740})
    assert "se" in languages(sample)  # Davvisámegiella, the longest name
    for language in languages(sample):
        for name in ("index.html", PAGE):
            page.goto((sample / language / name).as_uri())
            page.locator("body[data-learnpack='ready']").wait_for()
            page.evaluate("() => { document.querySelector('.exit-button').hidden = false; }")  # as in an LMS
            one_row(page, tallest)


def test_the_controls_keep_their_names_when_only_icons_show(page, sample: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((sample / "se" / PAGE).as_uri())
    page.locator("body[data-learnpack='ready']").wait_for()
    assert page.locator(".language-menu summary").evaluate("s => s.getBoundingClientRect().width") < 60
    assert page.get_by_role("button", name="Sisdoallu").is_visible()
    page.locator(".language-menu summary").click()
    assert page.locator(".language-menu a").first.is_visible()
    snapshot = page.locator(".site-header").aria_snapshot()
    assert "Davvisámegiella" in snapshot and "Sisdoallu" in snapshot


def test_the_exit_button_does_not_push_the_page_down(page, sample: Path) -> None:  # type: ignore[no-untyped-def]
    """In an LMS the runtime shows Exit once it has started: the content stays where it was."""
    for language in languages(sample):
        page.goto((sample / language / PAGE).as_uri())
        page.locator("body[data-learnpack='ready']").wait_for()
        before = page.locator("main").bounding_box()["y"]
        page.evaluate("() => { document.querySelector('.exit-button').hidden = false; }")
        assert page.locator(".exit-button").is_visible()
        assert page.locator("main").bounding_box()["y"] == before, language
        one_row(page)


def test_in_an_lms_exit_shows_in_the_one_row_header(page, lms_server: str) -> None:  # type: ignore[no-untyped-def]
    course = launch(page, lms_server, "12")
    assert course.locator(".exit-button").is_visible()
    one_row(course)
