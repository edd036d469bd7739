"""The SCORM packages in headless Chromium with scorm-again as the LMS.

scorm-again is lenient, so every value the SCO sends is checked here against the
formats and limits of the specification (see shared/docs/SCORM.md).
"""

from __future__ import annotations

import functools
import re
import shutil
import threading
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from browser import require
from conftest import REPO, ROOTS
from learnpack.build import build
from test_browser import RIGHT, WRONG, answer

pytestmark = pytest.mark.browser
SCORM_AGAIN = REPO / "node_modules" / "scorm-again" / "dist"
LMS = Path(__file__).parent / "lms"
VERSIONS = {"12": "scorm12", "2004": "scorm2004"}


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve_lms(root: Path, out: Path) -> Iterator[str]:
    """Serve the test LMS and the packages built into ``out`` (one per SCORM version) on 127.0.0.1."""
    require((SCORM_AGAIN / "scorm12.min.js").is_file(), "scorm-again is not installed (npm ci)")
    for name in ("lms.html", "lms.js"):
        shutil.copyfile(LMS / name, root / name)
    for name in ("scorm12.min.js", "scorm2004.min.js"):
        shutil.copyfile(SCORM_AGAIN / name, root / name)
    for version, target in VERSIONS.items():
        (package,) = (out / target).glob("*.zip")
        zipfile.ZipFile(package).extractall(root / f"sco{version}")
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def lms_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """A static server on 127.0.0.1 holding the test LMS and the unpacked SCOs."""
    root = tmp_path_factory.mktemp("lms")
    out = build(ROOTS / "basic", list(VERSIONS.values()), tmp_path_factory.mktemp("packages")).out
    with serve_lms(root, out) as url:
        yield url, root


def launch(page, server: str, version: str, resume: str | None = None):  # type: ignore[no-untyped-def]
    """Open the test LMS with the SCO; return the frame that shows the course pages."""
    page.watch.local_prefix = server
    url = f"{server}/lms.html?version={version}&sco=sco{version}/sco.html"
    if resume:
        url += f"&resume={resume}"
    page.goto(url)
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    course.locator("main h1").wait_for()
    return course


def content_frame(page):  # type: ignore[no-untyped-def]
    return next(f for f in page.frames if f.url.endswith(".html") and "/sco" in f.url and "sco.html" not in f.url)


def log(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return page.evaluate("window.LMS.log")


def cmi(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """The last value set for every element."""
    values: dict[str, str] = {}
    for kind, element, value in log(page):
        if kind == "set":
            values[element] = value
    return values


def walk_to_quiz(course) -> None:  # type: ignore[no-untyped-def]
    """Read every page in order, as a learner pressing Next."""
    course.locator(".start-link").click()
    course.locator("body[data-page='01-intro/01-velkommen']").wait_for()
    for page_id in ("01-intro/02-bilde", "02-quiz/01-sporsmal"):
        course.locator(".pager-next").click()
        course.locator(f"body[data-page='{page_id}']").wait_for()


# ---- strict checks of what the SCO sent ------------------------------------------------

ID = re.compile(r"^[\w.]{1,250}$", re.ASCII)
TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME_12 = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$")
TYPES = {"true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing",
         "likert", "numeric", "other"}


def check_interaction_12(fields: dict[str, str]) -> None:
    assert ID.match(fields["id"]) and " " not in fields["id"]
    kind = fields["type"]
    assert kind in TYPES - {"long-fill-in", "other"}
    assert TIME_12.match(fields["time"])
    assert fields["result"] in {"correct", "wrong", "unanticipated", "neutral"}
    response, pattern = fields["student_response"], fields.get("correct_responses.0.pattern", "")
    assert len(response) <= 255 and len(pattern) <= 255
    for value in filter(None, (response, pattern)):
        if kind == "true-false":
            assert value in {"t", "f", "0", "1"}
        elif kind in ("choice", "sequencing"):
            assert re.fullmatch(r"[0-9a-z](,[0-9a-z])*", value), value
        elif kind == "matching":
            assert re.fullmatch(r"[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*", value), value
        elif kind == "numeric":
            assert re.fullmatch(r"-?\d+(\.\d+)?", value), value


def check_interaction_2004(fields: dict[str, str], order: list[str]) -> None:
    assert order[:2] == ["id", "type"], order  # else error 408
    assert ID.match(fields["id"])
    kind = fields["type"]
    assert kind in TYPES
    assert TIMESTAMP.match(fields["timestamp"])
    assert fields["result"] in {"correct", "incorrect", "unanticipated", "neutral"}
    response = fields["learner_response"]
    patterns = [v for k, v in fields.items() if k.startswith("correct_responses.")]
    for value in [response, *patterns]:
        if kind == "true-false":
            assert value in {"true", "false"}
        elif kind in ("choice", "sequencing"):
            assert all(ID.match(part) for part in value.split("[,]")), value
        elif kind == "matching":
            assert all(re.fullmatch(r"[\w.]+\[\.\][\w.]+", p, re.ASCII) for p in value.split("[,]")), value
    for pattern in patterns:
        if kind == "numeric":
            assert re.fullmatch(r"-?\d+(\.\d+)?\[:\]-?\d+(\.\d+)?", pattern), pattern
        if kind == "fill-in":
            assert pattern.startswith("{case_matters=")
    if kind == "numeric":
        assert re.fullmatch(r"-?\d+(\.\d+)?", response), response
    assert len(response) <= (4000 if kind == "long-fill-in" else 250)
    if "description" in fields:
        assert re.fullmatch(r"\{lang=[a-zA-Z-]+\}.{0,250}", fields["description"], re.S)


def interactions(page) -> dict[int, dict[str, str]]:  # type: ignore[no-untyped-def]
    records: dict[int, dict[str, str]] = {}
    orders: dict[int, list[str]] = {}
    for kind, element, value in log(page):
        match = re.match(r"^cmi\.interactions\.(\d+)\.(.+)$", element)
        if kind == "set" and match:
            n = int(match.group(1))
            records.setdefault(n, {})[match.group(2)] = value
            orders.setdefault(n, []).append(match.group(2))
    for n, fields in records.items():
        fields["_order"] = ",".join(orders[n])
    return records


def check_all_values(page, version: str) -> None:  # type: ignore[no-untyped-def]
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] in {"passed", "completed", "failed", "incomplete", "browsed"}
        assert len(values.get("cmi.core.lesson_location", "")) <= 255
        assert len(values.get("cmi.suspend_data", "")) <= 4096
        assert values.get("cmi.core.exit", "") in {"", "suspend", "logout", "time-out"}
        if "cmi.core.session_time" in values:
            assert TIMESPAN_12.match(values["cmi.core.session_time"])
        for key in ("cmi.core.score.raw", "cmi.core.score.min", "cmi.core.score.max"):
            if key in values:
                assert 0 <= float(values[key]) <= 100
        for fields in interactions(page).values():
            fields.pop("_order")
            check_interaction_12(fields)
    else:
        assert values["cmi.completion_status"] in {"completed", "incomplete", "not attempted", "unknown"}
        assert values["cmi.success_status"] in {"passed", "failed", "unknown"}
        assert 0 <= float(values["cmi.progress_measure"]) <= 1
        assert len(values.get("cmi.location", "")) <= 1000
        assert len(values.get("cmi.suspend_data", "")) <= 64000
        assert values.get("cmi.exit", "") in {"", "suspend", "normal", "logout", "time-out"}
        if "cmi.session_time" in values:
            assert DURATION.match(values["cmi.session_time"]), values["cmi.session_time"]
        if "cmi.score.scaled" in values:
            assert -1 <= float(values["cmi.score.scaled"]) <= 1
        for fields in interactions(page).values():
            order = fields.pop("_order").split(",")
            check_interaction_2004(fields, order)


# ---- the tests ---------------------------------------------------------------------------

@pytest.mark.parametrize("version", ["12", "2004"])
def test_all_right_gives_completed_and_passed(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, RIGHT)
    course.get_by_role("button", name="Sjekk svarene").click()
    assert "7 av 7 riktige" in course.locator(".quiz-result").inner_text()
    course.get_by_role("button", name="Avslutt").click()
    page.frame_locator("#sco").locator(".sco-status").wait_for()
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "passed"
        assert (values["cmi.core.score.raw"], values["cmi.core.score.min"], values["cmi.core.score.max"]) == ("100", "0", "100")
        assert values["cmi.core.exit"] == ""
        assert values["cmi.student_preference.language"] == "nb"
        finish = "LMSFinish"
    else:
        assert values["cmi.completion_status"] == "completed" and values["cmi.success_status"] == "passed"
        assert values["cmi.score.scaled"] == "1" and values["cmi.score.raw"] == "100"
        assert values["cmi.progress_measure"] == "1"
        assert values["cmi.exit"] == "normal"
        assert values["cmi.learner_preference.language"] == "nb"
        finish = "Terminate"
    calls = [entry[0] for entry in log(page)]
    assert calls.count(finish) == 1
    records = interactions(page)
    assert len(records) == 8  # one per answered question, the reflection included
    results = {r["id"]: r["result"] for r in records.values()}
    assert results["q1.tanke"] == "neutral"
    assert all(v == "correct" for k, v in results.items() if k != "q1.tanke")
    check_all_values(page, version)
    # Finishing twice is harmless: the pagehide fallback after the exit button sends nothing more.
    before = log(page)
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_timeout(300)
    assert log(page) == before


@pytest.mark.parametrize("version", ["12", "2004"])
def test_wrong_answers_give_failed(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, WRONG | {"q-tanke": "Noe å tenke på"})
    course.get_by_role("button", name="Sjekk svarene").click()
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "failed" and values["cmi.core.score.raw"] == "0"
    else:
        assert values["cmi.success_status"] == "failed" and values["cmi.completion_status"] == "completed"
        assert values["cmi.score.scaled"] == "0"
    responses = {r["id"]: r for r in interactions(page).values()}
    if version == "12":
        assert responses["q1.puls"]["student_response"] == "a"
        assert responses["q1.puls"]["correct_responses.0.pattern"] == "b"
        assert responses["q1.puls"]["result"] == "wrong"
        assert responses["q1.tf"]["student_response"] == "f"
        assert responses["q1.rekke"]["student_response"] == "c,b,a"
        assert responses["q1.koble"]["student_response"] == "a.b,b.a"
        assert responses["q1.temp"]["student_response"] == "39"
    else:
        assert responses["q1.puls"]["learner_response"] == "a"
        assert responses["q1.puls"]["result"] == "incorrect"
        assert responses["q1.vitale"]["learner_response"] == "a[,]c"
        assert responses["q1.vitale"]["correct_responses.0.pattern"] == "a[,]b"
        assert responses["q1.rekke"]["correct_responses.0.pattern"] == "a[,]b[,]c"
        assert responses["q1.koble"]["learner_response"] == "a[.]b[,]b[.]a"
        assert responses["q1.temp"]["correct_responses.0.pattern"] == "36.5[:]37.5"
        assert responses["q1.ord"]["correct_responses.1.pattern"] == "{case_matters=false}bradykard"
        assert responses["q1.tanke"]["type"] == "long-fill-in"
        assert responses["q1.tanke"]["learner_response"] == "Noe å tenke på"
        assert responses["q1.puls"]["description"] == "{lang=nb}Hva er normal hvilepuls?"
    check_all_values(page, version)


@pytest.mark.parametrize("version", ["12", "2004"])
def test_unfinished_visit_is_incomplete_and_resumes(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    partial = {"q-puls": "b", "q-vitale": ["a", "b"], "q-ord": "bradykardi", "q-rekke": {"a": "1", "c": "3"},
               "q-koble": {"l1": "r1"}, "q-tanke": "Tanker | med ~ tegn"}
    answer(course, partial)
    course.get_by_role("button", name="Avslutt").click()
    page.frame_locator("#sco").locator(".sco-status").wait_for()
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "completed"  # every page read, quiz not answered
        assert values["cmi.core.exit"] == "suspend"
        assert values["cmi.core.lesson_location"] == "02-quiz/01-sporsmal"
    else:
        assert values["cmi.completion_status"] == "completed" and values["cmi.success_status"] == "unknown"
        assert values["cmi.exit"] == "suspend"
        assert values["cmi.location"] == "02-quiz/01-sporsmal"
    check_all_values(page, version)
    saved = page.evaluate("JSON.stringify(window.LMS.api.renderCMIToJSONObject())")
    page.evaluate("data => sessionStorage.setItem('saved', data)", saved)

    course = launch(page, server, version, resume="saved")
    assert course.locator("h1").inner_text() == "Spørsmål"  # resumed at the bookmarked page
    assert course.locator("#q-puls input[value='b']").is_checked()
    assert course.locator("#q-vitale input[value='a']").is_checked()
    assert course.locator("#q-vitale input[value='b']").is_checked()
    assert course.locator("#q-ord input").input_value() == "bradykardi"
    assert course.locator("#q-rekke select[data-item='c']").input_value() == "3"
    assert course.locator("#q-rekke select[data-item='b']").input_value() == ""
    assert course.locator("#q-koble select[data-item='l1']").input_value() == "r1"
    assert course.locator("#q-tanke textarea").input_value() == "Tanker | med ~ tegn"


@pytest.mark.parametrize("version", ["12", "2004"])
def test_closing_the_window_suspends_an_unfinished_visit(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    course.locator(".start-link").click()
    course.locator("body[data-page='01-intro/01-velkommen']").wait_for()
    # The learner leaves without pressing Exit: pagehide is the fallback that finishes the session.
    page.evaluate("document.getElementById('sco').src = 'about:blank'")
    page.wait_for_function("window.LMS.log.some(e => e[0] === 'LMSFinish' || e[0] === 'Terminate')")
    values = cmi(page)
    if version == "12":
        assert values["cmi.core.lesson_status"] == "incomplete" and values["cmi.core.exit"] == "suspend"
        assert values["cmi.core.lesson_location"] == "01-intro/01-velkommen"
        assert "cmi.core.score.raw" not in values
    else:
        assert values["cmi.completion_status"] == "incomplete" and values["cmi.exit"] == "suspend"
        assert values["cmi.progress_measure"] == "0.3333"
        assert values["cmi.success_status"] == "unknown"
    check_all_values(page, version)


@pytest.mark.parametrize("version", ["12", "2004"])
def test_checked_quiz_is_shown_as_checked_after_resume(page, lms_server, version: str) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    course = launch(page, server, version)
    walk_to_quiz(course)
    answer(course, WRONG | {"q-puls": "b"})
    course.get_by_role("button", name="Sjekk svarene").click()
    course.get_by_role("button", name="Avslutt").click()
    page.frame_locator("#sco").locator(".sco-status").wait_for()
    saved = page.evaluate("JSON.stringify(window.LMS.api.renderCMIToJSONObject())")
    page.evaluate("data => sessionStorage.setItem('saved', data)", saved)
    course = launch(page, server, version, resume="saved")
    assert "1 av 7 riktige (14 %)" in course.locator(".quiz-result").inner_text()
    assert course.locator("#q-puls .verdict").inner_text() == "✓ Riktig"
    assert course.locator("#q-vitale .verdict").inner_text() == "✗ Feil"
    assert course.get_by_role("button", name="Prøv igjen").is_visible()


WORST = """# Alt

::: quiz {#alt attempts=1}
### Velg en {#en}
- ( ) a
- (x) b

### Velg flere {#flere}
- [x] a
- [x] b
- [x] c
- [ ] d

### Sant? {#sant}
= true

### Ord {#ord}
= puls

### Tall {#tall}
= 60..100

### Rekkefølge {#rekke}
1. a
2. b
3. c

### Koble {#koble}
- a -> 1
- b -> 2

### Tenk {#tenk type=reflection}
:::
"""


def test_suspend_data_never_exceeds_the_computed_worst_case(page, tmp_path: Path, lms_server) -> None:  # type: ignore[no-untyped-def]
    """Every answer at its longest: the state the SCO stores is exactly as long as the build computed."""
    from conftest import write_course
    from learnpack.loader import load_course
    from learnpack.scorm.suspend import worst_case_length

    server, root = lms_server
    course_dir = write_course(tmp_path / "c", {"01-m/01-alt.md": WORST})
    out = build(course_dir, ["scorm12"], tmp_path / "out").out
    zipfile.ZipFile(next((out / "scorm12").glob("*.zip"))).extractall(root / "scoworst")
    page.watch.local_prefix = server
    page.goto(f"{server}/lms.html?version=12&sco=scoworst/sco.html")
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    course.locator(".start-link").click()
    course.locator("body[data-page='01-m/01-alt']").wait_for()
    answer(course, {
        "q-en": "b", "q-flere": ["a", "b", "c", "d"], "q-sant": "true", "q-ord": "\"|~" * 50,
        "q-tall": "9" * 200, "q-rekke": {"a": "3", "b": "2", "c": "1"}, "q-koble": {"l0": "r1", "l1": "r0"},
        "q-tenk": "ا|" * 300,
    })
    assert len(course.locator("#q-ord input").input_value()) == 120  # maxlength holds
    course.get_by_role("button", name="Sjekk svarene").click()
    course.locator(".quiz-result p").wait_for()
    stored = cmi(page)["cmi.suspend_data"]
    assert len(stored) == worst_case_length(load_course(course_dir))


def test_without_an_lms_the_package_runs_standalone(page, lms_server) -> None:  # type: ignore[no-untyped-def]
    server, _ = lms_server
    page.watch.local_prefix = server
    page.goto(f"{server}/sco12/sco.html")
    course = page.frame_locator(".sco-frame")
    course.locator(".start-link").click()
    course.locator("body[data-page='01-intro/01-velkommen']").wait_for()
    page.goto(f"{server}/sco12/nb/02-quiz/01-sporsmal.html")
    page.locator("#q-puls input[value='b']").check()
    page.goto(f"{server}/sco12/sco.html")
    course = page.frame_locator(".sco-frame")
    assert course.locator(".start-link").get_attribute("href") == "02-quiz/01-sporsmal.html"
    assert course.get_by_role("button", name="Avslutt").is_hidden()  # nothing to exit from


def test_an_lms_frame_of_another_origin_is_passed_over_safely(page, lms_server) -> None:  # type: ignore[no-untyped-def]
    """The API search climbs past a parent it may not read, without an error, and runs standalone."""
    server, _ = lms_server
    other_origin = server.replace("127.0.0.1", "localhost")
    page.watch.local_prefix = "http://"
    page.goto(f"{other_origin}/lms.html?version=12&sco={server}/sco12/sco.html")
    course = page.frame_locator("#sco").frame_locator(".sco-frame")
    course.locator("main h1").wait_for()
    assert page.evaluate("window.LMS.log") == []  # the LMS of another origin was never reached
