"""Playing SCORM packages in headless Chromium with scorm-again as the LMS.

``serve_lms`` serves the test LMS (tests/lms/) and unpacked packages on 127.0.0.1;
``launch`` opens a package with the values an LMS holds for the learner (``held``) and
its quirks; the rest reads what the SCO sent and what the LMS stored, and checks the
record: every value against the data model, no status, score or progress ever lowered,
no earlier interaction ever overwritten.
"""

from __future__ import annotations

import functools
import json
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import quote

from support.browser import require
from support.courses import REPO
from support.datamodel import Checker

SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
LMS = Path(__file__).resolve().parent.parent / "lms"
VERSIONS = {"12": "scorm12", "2004": "scorm2004"}
STATUS = {"12": "cmi.core.lesson_status", "2004": "cmi.completion_status"}
EXIT = {"12": "cmi.core.exit", "2004": "cmi.exit"}
SUSPEND = "cmi.suspend_data"
LOCATION = {"12": "cmi.core.lesson_location", "2004": "cmi.location"}
PREFERENCE = {"12": "cmi.student_preference.language", "2004": "cmi.learner_preference.language"}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_lms(root: Path, out: Path, names: dict[str, str] | None = None) -> Iterator[str]:
    """Serve the test LMS and the packages built into ``out`` (one per SCORM version) on 127.0.0.1.

    The package of version ``12`` is unpacked to ``sco12/``, of ``2004`` to ``sco2004/``.
    """
    require((SCORM_AGAIN / "scorm12.min.js").is_file(), "scorm-again is not installed (npm ci)")
    for name in ("lms.html", "lms.js"):
        shutil.copyfile(LMS / name, root / name)
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copyfile(SCORM_AGAIN / name, root / name)
    for version, target in (names or VERSIONS).items():
        for package in (out / target).glob("*.zip"):
            zipfile.ZipFile(package).extractall(root / f"sco{version}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def launch(page, server: str, version: str, held: dict[str, Any] | None = None,  # type: ignore[no-untyped-def]
           quirks: tuple[str, ...] = (), sco: str | None = None, wait: bool = True):
    """Open the test LMS with the SCO; return the frame that shows the course pages."""
    page.watch.local_prefix = server
    url = f"{server}/lms.html?version={version}&sco={sco or f'sco{version}/sco.html'}"
    if quirks:
        url += "&quirks=" + ",".join(quirks)
    if held:
        url += "#" + quote(json.dumps(held))
    page.goto("about:blank")
    page.goto(url)
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    if wait:  # until the page's script has run to the end (its state is shown)
        course.locator("body[data-learnpack='ready'] main h1").wait_for()
    return course


def log(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return page.evaluate("window.LMS.log")


def sets(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    """Every SetValue of the session, in order."""
    return [(entry[1], entry[2]) for entry in log(page) if entry[0] == "set"]


def cmi(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The last value the SCO set for every element."""
    return dict(sets(page))


def held_after(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """What the LMS holds after the session, as it would hand it to the next launch."""
    return page.evaluate("JSON.parse(JSON.stringify(window.LMS.api.renderCMIToJSONObject()))")


def flatten(tree: dict[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in tree.items():
        name = f"{prefix}.{key}" if prefix else key
        if isinstance(value, dict):
            flat.update(flatten(value, name))
        elif value is not None:
            flat[name] = str(value)
    return flat


def stored(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The LMS's record after the session, flattened: {"cmi.core.lesson_status": "passed", ...}."""
    return flatten(held_after(page))


def next_visit(held: dict[str, Any], version: str, *, mode: str = "normal", credit: str = "credit",
               entry: str = "resume", keep_state: bool = True) -> dict[str, Any]:
    """The values an LMS hands the next launch, as the previous session left them."""
    launch_values = json.loads(json.dumps(held))
    cmi_values = launch_values["cmi"]
    core = cmi_values["core"] if version == "12" else cmi_values
    core.update({"lesson_mode" if version == "12" else "mode": mode, "credit": credit, "entry": entry})
    for write_only in ("exit", "session_time"):
        core.pop(write_only, None)
    if not keep_state:
        cmi_values["suspend_data"] = ""
        core["lesson_location" if version == "12" else "location"] = ""
    return launch_values


def exit_course(page, course, confirm: str = "Avslutt") -> str:  # type: ignore[no-untyped-def]
    """Press Exit, confirm on the page, and return the closing message the launcher shows."""
    course.locator(".exit-button").click()
    course.locator(".confirm").get_by_role("button", name=confirm).click()
    status = page.frame_locator("#sco").locator(".sco-status")
    status.wait_for()
    return str(status.inner_text())


def walk_to_quiz(course) -> None:  # type: ignore[no-untyped-def]
    """Read every page of tests/roots/basic in order, as a learner pressing Next (from the start page)."""
    course.locator("main h1").wait_for()
    if course.locator(".start-link").count() == 0:
        course.locator(".course-title").click()
    course.locator(".pages a").first.click()  # the start link may say "continue" and lead further
    wait_for_page(course, "01-intro/01-velkommen")
    for page_id in ("01-intro/02-bilde", "02-quiz/01-sporsmal"):
        course.locator(".pager-next").click()
        wait_for_page(course, page_id)


def wait_for_page(course, page_id: str) -> None:  # type: ignore[no-untyped-def]
    """Until the page is shown and its script has run to the end: the visit counts, its state is shown."""
    course.locator(f"body[data-page='{page_id}'][data-learnpack='ready']").wait_for(state="attached")


# ---- checks of the record ---------------------------------------------------------------

RANKS_12 = {"": 0, "not attempted": 0, "browsed": 0, "incomplete": 1, "completed": 2, "failed": 2, "passed": 3}
RANKS = {
    "cmi.completion_status": {"": 0, "unknown": 0, "not attempted": 0, "incomplete": 1, "completed": 2},
    "cmi.success_status": {"": 0, "unknown": 0, "failed": 1, "passed": 2},
}
NUMBERS = {"cmi.core.score.raw", "cmi.score.raw", "cmi.score.scaled", "cmi.progress_measure"}


def check_values(page, version: str) -> None:  # type: ignore[no-untyped-def]
    """Every SetValue of the session is of the data model's type and length."""
    checker = Checker(version)
    problems = [f"{element} = {value!r}: {problem}" for element, value in sets(page)
                if (problem := checker.problem(element, value))]
    assert not problems, problems


def check_record_kept(page, version: str, held: dict[str, Any] | None) -> None:  # type: ignore[no-untyped-def]
    """No call lowered a status, score or progress the LMS held, or overwrote an earlier interaction."""
    current = flatten(held or {})
    count = len({m.group(1) for k in current if (m := re.match(r"cmi\.interactions\.(\d+)\.", k))})
    written: set[str] = set()
    for element, value in sets(page):
        before = current.get(element, "")
        if element == "cmi.core.lesson_status":
            assert RANKS_12[value] >= RANKS_12.get(before, 0), f"{element}: {before} -> {value}"
            assert before != "passed" or value == "passed", f"{element}: {before} -> {value}"
        elif element in RANKS:
            assert RANKS[element][value] >= RANKS[element].get(before, 0), f"{element}: {before} -> {value}"
        elif element in NUMBERS and before not in ("", None):
            assert float(value) >= float(before), f"{element}: {before} -> {value}"
        match = re.match(r"cmi\.interactions\.(\d+)\.id$", element)
        if match:
            assert int(match.group(1)) >= count, f"interaction {match.group(1)} overwritten (the LMS held {count})"
            assert match.group(1) not in written, f"interaction {match.group(1)} written twice"
            written.add(match.group(1))
        current[element] = value


def interactions(page) -> dict[int, dict[str, str]]:  # type: ignore[no-untyped-def]
    records: dict[int, dict[str, str]] = {}
    for element, value in sets(page):
        parts = element.split(".", 3)
        if element.startswith("cmi.interactions.") and parts[2].isdigit():
            records.setdefault(int(parts[2]), {})[parts[3]] = value
    return records
