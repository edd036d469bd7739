"""Headless Chromium (Debian's ``chromium``) driven by Playwright, for the browser tests.

Playwright's own browser download is never used: we launch the system Chromium. In CI
(``CI`` set) a missing browser is an error, never a skip.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"


def chromium_path() -> str | None:
    for name in (os.environ.get("LEARNPACK_CHROMIUM"), "chromium", "chromium-browser", "google-chrome"):
        if name and (found := shutil.which(name)):
            return found
    return None


def require(condition: bool, reason: str) -> None:
    """Skip locally when a browser tool is missing; fail in CI, where .ci/run installs it."""
    if condition:
        return
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must install it: see .ci/run)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    path = chromium_path()
    require(path is not None, "Chromium is not installed (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        require(False, "playwright is not installed (pip install -e .[test])")
        raise
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class PageWatch:
    """Collects console errors, page errors and every request that is not a local file."""

    def __init__(self, page: object) -> None:
        self.errors: list[str] = []
        self.remote: list[str] = []
        self.local_prefix = "http://127.0.0.1:"  # the tests' own servers
        page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)  # type: ignore[attr-defined]
        page.on("pageerror", lambda e: self.errors.append(str(e)))  # type: ignore[attr-defined]
        page.on("request", lambda r: self.remote.append(r.url)  # type: ignore[attr-defined]
                if not r.url.startswith(("file:", "data:", "about:", self.local_prefix)) else None)


def watched_page(browser: object, **options: object) -> Iterator[object]:
    """A fresh page (own storage, more context ``options``) in a phone-sized window; fails the test
    on script errors."""
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="nb-NO", **options)  # type: ignore[attr-defined]
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    context.close()
    assert not page.watch.errors, page.watch.errors
    assert not page.watch.remote, page.watch.remote


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page (own storage) in a phone-sized window; fails the test on script errors."""
    yield from watched_page(browser)


@pytest.fixture
def phone(browser: object) -> Iterator[object]:
    """As ``page``, on a phone: a touch screen (see :func:`touch_drag`) and a mobile viewport."""
    yield from watched_page(browser, has_touch=True, is_mobile=True)


def touch_drag(page, start: tuple[float, float], end: tuple[float, float], steps: int = 10,  # type: ignore[no-untyped-def]
               until: str | None = None) -> None:
    """Drag one finger from ``start`` to ``end`` in ``steps`` moves, as the screen reports real touch
    (Chromium's input pipeline, through CDP: touch-action, scrolling and pointer events all apply).
    With ``until`` (a JS function), the finger stays at ``end`` until it returns true (at most 5 s;
    the test then finds out what went wrong), then lifts."""
    from playwright.sync_api import TimeoutError as Timeout

    cdp = page.context.new_cdp_session(page)

    def touch(kind: str, x: float | None = None, y: float | None = None) -> None:
        points = [] if x is None else [{"x": x, "y": y}]
        cdp.send("Input.dispatchTouchEvent", {"type": kind, "touchPoints": points})

    touch("touchStart", *start)
    for step in range(1, steps + 1):
        touch("touchMove", start[0] + (end[0] - start[0]) * step / steps, start[1] + (end[1] - start[1]) * step / steps)
    if until:
        with contextlib.suppress(Timeout):
            page.wait_for_function(until, timeout=5000)
    touch("touchEnd")
    cdp.detach()


def run_axe(page: object) -> list[dict[str, object]]:
    """Violations of WCAG 2.0 A/AA and 2.1 AA on the current page, checked by axe-core."""
    require(AXE.is_file(), "axe-core is not installed (npm ci)")
    page.evaluate(AXE.read_text(encoding="utf-8"))  # type: ignore[attr-defined]
    # preload: false keeps axe from fetching the stylesheets, which the pages' CSP forbids.
    result = page.evaluate(  # type: ignore[attr-defined]
        "async () => (await axe.run(document, {preload: false, runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21aa']}}))"
        ".violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    return list(result)
