"""Ordering is a list the learner reorders, by keyboard and switch (move buttons) or by dragging
(mouse, or a finger on a phone's touch screen); matching is answered by keyboard and stays readable on a phone."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import RIGHT, answer, order_of
from support.browser import touch_drag
from support.courses import ROOTS, write_course

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(ROOTS / "basic", ["html"], tmp_path_factory.mktemp("site")).out / "html"


def open_quiz(page, site: Path):  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri())
    return page.locator("#q-rekke")


def tab_to(page, name: str, limit: int = 80) -> None:  # type: ignore[no-untyped-def]
    """Press Tab until the focused element's accessible name (aria-labelledby texts) is ``name``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate("""() => { const f = document.activeElement;
            const ids = (f.getAttribute('aria-labelledby') || '').split(' ').filter(Boolean);
            return ids.length ? ids.map(id => document.getElementById(id).textContent.trim()).join(' ')
                              : (f.getAttribute('aria-label') || f.textContent).trim(); }""")
        if focused == name:
            return
    raise AssertionError(f"no focusable {name!r}")


def test_ordering_by_keyboard_alone_is_announced_and_checked(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    rekke = open_quiz(page, site)
    assert order_of(rekke) == ["c", "b", "a"]  # Tredje, Andre, Første: the build's shuffle
    first_up = rekke.locator(".order-item[data-choice='c'] .order-move[data-move='-1']")
    assert first_up.get_attribute("aria-disabled") == "true"  # the top item cannot go up
    tab_to(page, "Flytt opp Første")
    page.keyboard.press("Enter")
    assert order_of(rekke) == ["c", "a", "b"]
    assert rekke.locator(".order-status").inner_text() == "Første: plass 2 av 3"  # announced (role=status)
    page.keyboard.press(" ")  # focus stays on the button: press again
    assert order_of(rekke) == ["a", "c", "b"]
    assert rekke.locator(".order-status").inner_text() == "Første: plass 1 av 3"
    assert page.evaluate("document.activeElement.getAttribute('aria-disabled')") == "true"  # still focused, now at the top
    tab_to(page, "Flytt ned Tredje")
    page.keyboard.press("Enter")
    assert order_of(rekke) == ["a", "b", "c"]
    page.reload()  # the order is the learner's answer, kept
    assert order_of(rekke) == ["a", "b", "c"]
    answer(page, {qid: value for qid, value in RIGHT.items() if qid != "q-rekke"})
    page.locator(".quiz-check").click()
    assert rekke.locator(".verdict").inner_text() == "Riktig"
    assert rekke.locator(".order-move:visible").count() == 0  # checked: nothing left to move


def test_ordering_by_dragging_the_handle(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    rekke = open_quiz(page, site)
    handle = rekke.locator(".order-item[data-choice='a'] .order-handle")
    rekke.scroll_into_view_if_needed()
    top = rekke.locator(".order-item").first.bounding_box()
    box = handle.bounding_box()
    assert top and box
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] / 2, top["y"] + 2, steps=8)
    page.mouse.up()
    assert order_of(rekke) == ["a", "c", "b"]
    assert rekke.locator(".order-status").inner_text() == "Første: plass 1 av 3"
    page.reload()
    assert order_of(rekke) == ["a", "c", "b"]


def point(locator, down: float = 0.5) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The middle of ``locator``'s box across, ``down`` of its height from the top."""
    box = locator.bounding_box()
    assert box
    return box["x"] + box["width"] / 2, box["y"] + box["height"] * down


def test_ordering_by_dragging_with_a_finger(phone, site: Path) -> None:  # type: ignore[no-untyped-def]
    rekke = open_quiz(phone, site)
    rekke.scroll_into_view_if_needed()
    status = rekke.locator(".order-status")
    scrolled = phone.evaluate("scrollY")
    handle = rekke.locator(".order-item[data-choice='a'] .order-handle")
    touch_drag(phone, point(handle), point(rekke.locator(".order-item").first, 0.2))  # up, over the top item
    assert order_of(rekke) == ["a", "c", "b"]
    assert phone.evaluate("scrollY") == scrolled  # the finger moved the item, not the page (touch-action: none)
    assert status.inner_text() == "Første: plass 1 av 3"
    handle = rekke.locator(".order-item[data-choice='c'] .order-handle")
    touch_drag(phone, point(handle), point(rekke.locator(".order-item").last, 0.8))  # and down, over the bottom one
    assert order_of(rekke) == ["a", "b", "c"]
    assert phone.evaluate("scrollY") == scrolled
    assert status.inner_text() == "Tredje: plass 3 av 3"
    answer(phone, {qid: value for qid, value in RIGHT.items() if qid != "q-rekke"})
    phone.locator(".quiz-check").tap()
    assert rekke.locator(".verdict").inner_text() == "Riktig"  # graded as the finger left it


def test_a_finger_at_the_bottom_of_the_screen_scrolls_a_long_list(phone, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    steps = "".join(f"{n}. Steg {n}\n" for n in range(1, 21))
    quiz = f"# M\n\n::: quiz {{#m}}\n### Sett i rekkefølge. {{#lang}}\n{steps}:::\n"
    site = build(write_course(tmp_path / "c", {"01-m/01-p.md": quiz}), ["html"], tmp_path / "out").out / "html"
    phone.goto((site / "nb" / "01-m" / "01-p.html").as_uri())
    lang = phone.locator("#q-lang")
    shown = order_of(lang)
    first = lang.locator(".order-item").first
    name = first.locator(".order-text").inner_text()
    first.evaluate("li => window.scrollTo(0, li.getBoundingClientRect().top + scrollY - 60)")  # the list near the screen's top
    list_box = lang.locator("ol").bounding_box()
    assert list_box and list_box["y"] + list_box["height"] > 740  # the list goes on below the screen
    scrolled = phone.evaluate("scrollY")
    x, y = point(first.locator(".order-handle"))
    last = f"() => document.querySelector('#q-lang .order-item:last-child').dataset.choice === '{shown[0]}'"
    touch_drag(phone, (x, y), (x, 735), until=last)  # held at the bottom edge until the item is last
    assert order_of(lang) == shown[1:] + shown[:1]
    assert phone.evaluate("scrollY") > scrolled + 300  # the page scrolled along
    assert lang.locator(".order-status").inner_text() == f"{name}: plass 20 av 20"


def test_a_new_attempt_starts_from_the_shown_order(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    from support.answers import WRONG

    rekke = open_quiz(page, site)
    answer(page, WRONG | {"q-rekke": {"a": "1", "b": "3", "c": "2"}})
    page.locator(".quiz-check").click()
    page.get_by_role("button", name="Prøv igjen").click()
    assert order_of(rekke) == ["c", "b", "a"]


def test_matching_by_keyboard_alone(page, site: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((site / "nb" / "02-quiz" / "01-sporsmal.html").as_uri())
    page.locator("#q-koble select").first.focus()
    for _ in range(3):  # slag/min is the third choice after "Velg …"
        page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.press("ArrowDown")
    values = page.locator("#q-koble select").evaluate_all("s => s.map(x => x.value)")
    assert values == ["r0", "r1"]


def test_long_matching_choices_are_readable_on_a_phone(page, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    long = "Ring sykepleier med en gang og mål på nytt"
    quiz = f"# M\n\n::: quiz {{#m}}\n### Koble. {{#k}}\n- NEWS2 5 -> {long}\n- NEWS2 0 -> Vanlig oppfølging\n:::\n"
    site = build(write_course(tmp_path / "c", {"01-m/01-p.md": quiz}), ["html"], tmp_path / "out").out / "html"
    page.goto((site / "nb" / "01-m" / "01-p.html").as_uri())
    select = page.locator("#q-k select").first
    select.select_option(label=long)
    option = page.locator("#q-k .option").first
    assert option.locator(".match-full").inner_text().replace("\u00ad", "") == long  # written out whole under the select
    full = option.locator(".match-full").bounding_box()
    assert full and full["x"] >= 0 and full["x"] + full["width"] <= 360
    width = select.bounding_box()
    assert width and width["width"] >= 0.7 * page.locator("#q-k").bounding_box()["width"]  # the whole row
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
