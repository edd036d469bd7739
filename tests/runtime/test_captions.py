"""Captions in headless Chromium: from file:// (where <track src="x.vtt"> never loads) and in an LMS's frame."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learnpack.build import build
from learnpack.webvtt import data_url, parse
from support.courses import write_course
from support.lms import launch, serve_lms, wait_for_page
from support.media import tiny_webm

pytestmark = pytest.mark.browser

NB_EN = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, en]\n"
NB = [[0.0, 1.5, "Legg to fingre\npå håndleddet."], [1.5, 3.0, "Tell i 30 sekunder – «slag»."]]
EN = [[0.0, 1.5, "Two fingers\non the wrist."], [1.5, 3.0, "Count for 30 seconds."]]
NB_VTT = ("WEBVTT\n\nNOTE skrevet av kursansvarlig\n\nSTYLE\n::cue { color: yellow }\n\n"
          "puls-1\n00:00.000 --> 00:01.500 align:start line:90%\nLegg to fingre\npå håndleddet.\n\n"
          "00:01.500 --> 00:03.000\nTell i 30 sekunder – «slag».\n")
EN_VTT = "WEBVTT\n\n00:00.000 --> 00:01.500\nTwo fingers\non the wrist.\n\n00:01.500 --> 00:03.000\nCount for 30 seconds.\n"
# Every text track of the video, and the cues of those that are loaded.
TRACKS = """video => Array.from(video.textTracks).map(t => ({
    kind: t.kind, language: t.language, label: t.label, mode: t.mode,
    cues: t.cues && Array.from(t.cues).map(c => [c.startTime, c.endTime, c.text])}))"""


@pytest.fixture(scope="module")
def out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bokmål course translated into English, with a three-second video captioned in both."""
    root = write_course(tmp_path_factory.mktemp("c"), {
        "01-m/01-puls.md": "# Puls\n\n![Slik kjenner du pulsen](video/puls.webm)\n",
        "01-m/01-puls.en.md": "# Pulse\n\n![How to feel the pulse](video/puls.webm)\n",
    }, NB_EN)
    (root / "01-m" / "video").mkdir()
    (root / "01-m" / "video" / "puls.webm").write_bytes(tiny_webm(3))
    (root / "01-m" / "video" / "puls.vtt").write_text(NB_VTT, encoding="utf-8")
    (root / "01-m" / "video" / "puls.en.vtt").write_text(EN_VTT, encoding="utf-8")
    return build(root, ["html", "scorm12"], tmp_path_factory.mktemp("out")).out


# Until the video's track ``index`` has loaded or failed to (readyState 2 or 3), shown first if ``show``.
SETTLED = """(v, [index, show]) => new Promise(done => { const t = v.querySelectorAll('track')[index];
    t.addEventListener('load', done); t.addEventListener('error', done);
    if (show) v.textTracks[index].mode = 'showing';
    if (t.readyState >= 2) done(); })"""


def ready(video) -> list[dict[str, object]]:  # type: ignore[no-untyped-def]
    """The video's tracks once its metadata is there and its default track has loaded (or failed to)."""
    video.evaluate("v => new Promise(done => v.readyState ? done() : v.addEventListener('loadedmetadata', done))")
    video.evaluate(SETTLED, [0, False])
    return list(video.evaluate(TRACKS))


def test_captions_show_from_the_file_system_in_the_page_language(page, out: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((out / "html" / "nb" / "01-m" / "01-puls.html").as_uri())
    video = page.locator("video")
    assert ready(video) == [
        {"kind": "captions", "language": "nb", "label": "Norsk bokmål", "mode": "showing", "cues": NB},
        {"kind": "captions", "language": "en", "label": "English", "mode": "disabled", "cues": None},
    ]
    assert video.evaluate("v => v.duration") == 3
    video.evaluate("v => { v.currentTime = 2; }")  # the cue at that time is shown
    page.wait_for_function("() => { const c = document.querySelector('video').textTracks[0].activeCues;"
                           " return c && c.length === 1 && c[0].startTime === 1.5; }")
    # The other language, chosen in the player's menu, loads too.
    video.evaluate(SETTLED, [1, True])
    assert video.evaluate(TRACKS)[1]["cues"] == EN
    # page's fixture: no console errors ("Unsafe attempt to load URL file:///…vtt" is one)


def test_the_translated_page_shows_its_own_language_first(page, out: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((out / "html" / "en" / "01-m" / "01-puls.html").as_uri())
    tracks = ready(page.locator("video"))
    assert [(t["language"], t["label"], t["mode"]) for t in tracks] == [
        ("en", "English", "showing"), ("nb", "Norsk bokmål", "disabled")]
    assert tracks[0]["cues"] == EN


def test_captions_show_in_the_lms_frame(page, out: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Over http, in the test LMS's frames: the bokmål SCORM 1.2 package."""
    (tmp_path / "packages" / "scorm12").mkdir(parents=True)
    shutil.copy(*(out / "scorm12").glob("*-nb-scorm12.zip"), tmp_path / "packages" / "scorm12")
    with serve_lms(tmp_path, tmp_path / "packages", {"12": "scorm12"}) as server:
        course = launch(page, server, "12")
        course.locator(".pages a").first.click()
        wait_for_page(course, "01-m/01-puls")
        tracks = ready(course.locator("video"))
    assert [(t["language"], t["mode"], t["cues"]) for t in tracks] == [("nb", "showing", NB), ("en", "disabled", None)]


# Files as authors get them wrong and right: the build reads each as Chromium does (and reports
# the lines Chromium skips). A cue that ends before it starts is left out: Chromium keeps it, never
# to show it, and the build stops at it.
VECTORS = [
    "WEBVTT\n\n00:01.000-->0:00:02.000 vertical:rl size:50%x\nHei\n\n  00:02.000   -->  00:03.000line:0\nHå\n",
    "WEBVTT\nKind: captions\n00:01.000 --> 00:02.000\nrett etter hodet\n00:02.000 --> 00:03.000\n#2 ? 100 %\n",
    "WEBVTT\n\nNOTE\n00:01.000 --> 00:02.000\na cue named NOTE\n\nNOTE en kommentar\n\nSTYLE\n::cue { color: red }\n",
    "WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nsrt\n\n00:61.000 --> 00:62.000\nx\n\n1:00.000 --> 1:02.000\ny\n",
    "WEBVTT\n\n00:01.00 --> 00:02.000\nx\n\n00:01.000 -> 00:02.000\ny\n\n00:03.000 --> 00:04.000\nHei\n\nog mer\n",
]


def test_the_build_reads_captions_as_chromium_does(page, out: Path) -> None:  # type: ignore[no-untyped-def]
    page.goto((out / "html" / "nb" / "01-m" / "01-puls.html").as_uri())
    read = page.locator("video").evaluate("""(video, urls) => Promise.all(urls.map(url => new Promise(done => {
        const t = document.createElement('track'); t.src = url; video.appendChild(t); t.track.mode = 'hidden';
        t.addEventListener('load', () => done(Array.from(t.track.cues).map(c => [c.startTime, c.endTime, c.text])));
        t.addEventListener('error', () => done('error')); })))""", [data_url(text) for text in VECTORS])
    ours = [[[cue.start, cue.end, cue.text] for cue in parse(text)[0]] for text in VECTORS]
    assert read == ours
    assert [len(parse(text)[1]) for text in VECTORS] == [0, 0, 0, 3, 3]
