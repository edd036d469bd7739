"""A page on paper is a worksheet: hints are printed as text, a reflection has lines to write on
and prints all the learner wrote, images fit the paper, nothing that can only be pressed is
printed, and a quiz's result is never alone on a page. Printed by Chromium to A4 PDFs, read
back with pypdf."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest

from learnpack.build import build
from support.answers import WRONG, answer
from support.courses import ROOTS

pytestmark = pytest.mark.browser

A4_WIDTH_CM = 21.0


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOTS / "basic", ["html"], tmp_path_factory.mktemp("site")).out / "html"


def open_quiz(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri())


def printed(page) -> list[str]:  # type: ignore[no-untyped-def]
    """The text of each A4 page of the page printed to PDF, without soft hyphens and spaces."""
    pdf = pypdf.PdfReader(io.BytesIO(page.pdf(format="A4")))
    return [squeeze(sheet.extract_text()) for sheet in pdf.pages]


def squeeze(text: str) -> str:
    return re.sub(r"[\s\u00ad-]", "", text)


def test_a_hint_prints_as_text_and_no_button_prints(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site)
    text = "".join(printed(page))
    assert squeeze("Hint Tenk på din egen puls.") in text
    for control in ("Vis hint", "Sjekk svarene", "Flytt opp", "Neste"):
        assert squeeze(control) not in text, control


def test_hints_are_opened_to_print_and_closed_after(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    """For browsers whose print styles cannot show a closed <details>; one the learner opened stays open."""
    open_quiz(page, site)
    hint = page.locator("details.hint").first

    def printing(event: str) -> bool:
        page.evaluate(f"() => window.dispatchEvent(new Event('{event}'))")
        return bool(hint.evaluate("h => h.open"))

    assert printing("beforeprint") and not printing("afterprint")
    hint.locator("summary").click()
    assert printing("beforeprint") and printing("afterprint")


def test_a_reflection_prints_with_lines_and_all_that_was_written(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site)
    page.emulate_media(media="print")
    lines = page.locator("#q-tanke .write-lines span")
    assert lines.count() >= 5
    for line in lines.all():
        assert line.is_visible()
        assert line.evaluate("l => getComputedStyle(l).borderBlockEndStyle") == "solid"
    assert lines.last.bounding_box()["y"] - lines.first.bounding_box()["y"] >= 4 * 24  # room to write
    page.emulate_media(media="screen")
    assert not page.locator("#q-tanke .write-lines").is_visible()
    page.emulate_media(media="print")  # as page.pdf prints unless told otherwise
    written = [f"Linje {n}: hun var blek." for n in range(1, 11)]  # more lines than the box shows, within 250
    page.locator("#q-tanke textarea").fill("\n".join(written))
    text = "".join(printed(page))
    assert [line for line in written if squeeze(line) not in text] == []


def test_images_fit_the_paper(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
    page.goto((site / "nb" / "01-intro" / "02-bilde.html").as_uri())
    page.emulate_media(media="print")
    images = page.locator("main img").all()
    assert images
    for image in images:
        box = image.bounding_box()
        assert box["height"] <= 9 / 2.54 * 96 + 1 and box["width"] <= 794, box


def test_the_result_of_a_quiz_is_never_alone_on_a_page(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    open_quiz(page, site)
    answer(page, WRONG)
    page.locator(".quiz-check").click()
    result = page.locator(".quiz-result")
    assert result.inner_text().strip()
    alone = squeeze(result.inner_text())
    # Push the quiz down the paper step by step, so that its end meets a page break somewhere.
    page.evaluate("() => { const s = document.createElement('div'); s.id = 'spacer'; document.querySelector('main').prepend(s); }")
    for height in range(0, 1120, 40):
        page.evaluate(f"() => document.getElementById('spacer').style.blockSize = '{height}px'")
        sheets = printed(page)
        assert not any(sheet and sheet in alone for sheet in sheets[1:]), (height, sheets[-1])
