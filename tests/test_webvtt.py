"""Caption files: read as browsers read WebVTT, checked at build time, carried by the pages."""

from __future__ import annotations

import contextlib
import zipfile
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.errors import CourseError, Diagnostics, Level
from learnpack.loader import load_course
from learnpack.webvtt import Cue, data_url, parse
from support.courses import write_course

GOOD = """WEBVTT - Slik måler du puls
Kind: captions

NOTE skrevet av kursansvarlig,
på to linjer

STYLE
::cue { color: yellow }

puls-1
00:00.000 --> 00:01.500 align:start line:0 position:10%
Legg to fingre
på håndleddet.
00:01.500	-->	00:02.250
Tell i 30 sekunder.

01:00:00.000 --> 01:00:01.000
"""


def test_cues_are_read_with_their_times_lines_and_text() -> None:
    cues, problems = parse(GOOD)
    assert problems == []
    assert cues == [Cue(0.0, 1.5, "Legg to fingre\npå håndleddet.", 11),  # its identifier is skipped
                    Cue(1.5, 2.25, "Tell i 30 sekunder.", 14),  # no empty line before it: a new cue all the same
                    Cue(3600.0, 3601.0, "", 17)]


def test_timings_are_read_as_browsers_read_them() -> None:
    """Spaces or none around the arrow, one-digit hours, and cue settings, even unknown or unspaced."""
    cues, problems = parse("WEBVTT\n\n00:01.000-->0:00:02.000 vertical:rl size:50%x\nHei\n\n"
                           "  00:02.000   -->  00:03.000line:0\nHå\n")
    assert problems == [] and [(c.start, c.end, c.text) for c in cues] == [(1.0, 2.0, "Hei"), (2.0, 3.0, "Hå")]


@pytest.mark.parametrize(("text", "line", "words"), [
    ("00:00.000 --> 00:01.000\nHei\n", 1, "starts with the line WEBVTT"),
    ("WEBVTTX\n\n00:00.000 --> 00:01.000\nHei\n", 1, "starts with the line WEBVTT"),
    ("WEBVTT\n\n00:00:01,000 --> 00:00:02,000\nHei\n", 3, "not a comma"),
    ("WEBVTT\n\n1\n00:01.000 --> 00:00.500\nHei\n", 4, "does not end after it starts"),
    ("WEBVTT\n\n00:01.000 --> 00:01.000\nHei\n", 3, "does not end after it starts"),
    ("WEBVTT\n\n00:61.000 --> 00:62.000\nHei\n", 3, "from 00 to 59"),
    ("WEBVTT\n\n1:00.000 --> 1:02.000\nHei\n", 3, "cannot be read"),
    ("WEBVTT\n\n00:01.00 --> 00:02.000\nHei\n", 3, "cannot be read"),
    ("WEBVTT\n\n\n00:01.000 -> 00:02.000\nHei\n", 4, "no cue timing"),
    ("WEBVTT\n\n00:01.000 --> 00:02.000\nHei\n\nog mer\n", 6, "remove the empty line above"),
    ("WEBVTT\n\nNOTE 00:01.000 --> 00:02.000 is the first cue\n", 3, "cannot be read"),  # a NOTE has no -->
    ("WEBVTT\n\nNOTE\n00:01.000 --> 00:00.000\n", 4, "does not end after it starts"),  # a cue named NOTE
])
def test_what_browsers_skip_is_a_problem_on_its_line(text: str, line: int, words: str) -> None:
    (problem,) = parse(text)[1]
    assert problem.line == line and words in problem.message


def test_the_data_url_holds_the_text_as_it_is() -> None:
    text = "WEBVTT\n\n00:00.000 --> 00:01.000\nNr. #1: 100 % – «hva?»\tå\n"
    url = data_url(text)
    assert url.startswith("data:text/vtt,WEBVTT%0A%0A00:00.000 --> 00:01.000%0ANr. %231: 100 %25")
    assert not set(url) & set("#?\t\n")  # nothing a URL parser would cut off or drop
    assert unquote(url.removeprefix("data:text/vtt,")) == text


def video_course(root: Path, vtt: dict[str, bytes | str], course_yml: str | None = None,
                 pages: dict[str, str] | None = None) -> Path:
    write_course(root, pages or {"01-m/01-p.md": "# P\n\n![Puls](video/puls.webm)\n"}, course_yml)
    (root / "01-m" / "video").mkdir()
    (root / "01-m" / "video" / "puls.webm").write_bytes(b"\x1aE\xdf\xa3")
    for name, text in vtt.items():
        data = text if isinstance(text, bytes) else text.encode("utf-8")
        (root / "01-m" / "video" / name).write_bytes(data)
    return root


def diagnostics_of(root: Path) -> list[tuple[Level, str, str, int | None]]:
    diagnostics = Diagnostics()
    with contextlib.suppress(CourseError):
        load_course(root, diagnostics)
    return [(d.level, d.code, d.path.name, d.line) for d in diagnostics.sorted()]


def test_a_broken_timing_is_an_error_naming_the_caption_file_and_line(tmp_path: Path) -> None:
    root = video_course(tmp_path / "c", {"puls.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHei\n\n"
                                                     "00:01.000 --> 00:0.500\nHå\n"})
    assert diagnostics_of(root) == [(Level.ERROR, "media.captions_invalid", "puls.vtt", 6)]


def test_a_caption_file_is_checked_once_however_many_pages_show_the_video(tmp_path: Path) -> None:
    root = video_course(tmp_path / "c", {"puls.vtt": "Hei\n", "puls.en.vtt": b"WEBVTT\n\n\xff\n"},
                        pages={"01-m/01-p.md": "# P\n\n![Puls](video/puls.webm)\n",
                               "01-m/02-q.md": "# Q\n\n![Puls igjen](video/puls.webm)\n"})
    assert diagnostics_of(root) == [(Level.ERROR, "media.captions_invalid", "puls.en.vtt", None),
                                    (Level.ERROR, "media.captions_invalid", "puls.vtt", 1)]


def test_two_files_in_one_language_are_a_warning_and_one_track(tmp_path: Path) -> None:
    root = video_course(tmp_path / "c", {"puls.vtt": "WEBVTT\n\nNOTE uten språk\n",
                                         "puls.nb.vtt": "WEBVTT\n\nNOTE bokmål\n"})
    assert diagnostics_of(root) == [(Level.WARNING, "media.captions_twice", "puls.vtt", None)]
    out = build(root, ["html"], tmp_path / "out").out / "html"
    doc = lxml_html.fromstring((out / "nb" / "01-m" / "01-p.html").read_bytes())
    assert [unquote(t.get("src")) for t in doc.xpath("//video//track")] == ["data:text/vtt,WEBVTT\n\nNOTE bokmål\n"]


NB_EN = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, en]\n"


@pytest.fixture(scope="module")
def two_languages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A bokmål course with an English translation; bokmål captions in ``puls.vtt``, English in ``puls.en.vtt``."""
    root = video_course(tmp_path_factory.mktemp("c"), {
        "puls.vtt": "\ufeffWEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\nHei\r\n",
        "puls.en.vtt": "WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n",
    }, NB_EN, {"01-m/01-p.md": "# P\n\n![Puls](video/puls.webm)\n", "01-m/01-p.en.md": "# P\n\n![Pulse](video/puls.webm)\n"})
    return build(root, ["html", "scorm12"], tmp_path_factory.mktemp("out")).out


def tracks(site: Path, page: str) -> list[tuple[str | None, str | None, str | None, str]]:
    """Language, label, default and captions of each track (``//video//track``: libxml2 nests them)."""
    doc = lxml_html.fromstring((site / page).read_bytes())
    return [(t.get("srclang"), t.get("label"), t.get("default"), unquote(t.get("src")))
            for t in doc.xpath("//video//track")]


def test_each_page_carries_its_captions_with_its_own_language_first(two_languages: Path) -> None:
    nb, en = "data:text/vtt,WEBVTT\n\n00:00.000 --> 00:01.000\nHei\n", "data:text/vtt,WEBVTT\n\n00:00.000 --> 00:01.000\nHello\n"
    assert tracks(two_languages / "html", "nb/01-m/01-p.html") == [("nb", "Norsk bokmål", "", nb),
                                                                   ("en", "English", None, en)]
    # puls.vtt is in the course's language on every page, the English one too
    assert tracks(two_languages / "html", "en/01-m/01-p.html") == [("en", "English", "", en),
                                                                   ("nb", "Norsk bokmål", None, nb)]


def test_the_caption_files_are_not_copied(two_languages: Path) -> None:
    assert not list((two_languages / "html").rglob("*.vtt"))
    (package,) = (two_languages / "scorm12").glob("*-nb-scorm12.zip")
    names = zipfile.ZipFile(package).namelist()
    assert "media/01-m/video/puls.webm" in names and not [n for n in names if n.endswith(".vtt")]


def test_pages_allow_the_data_urls_of_their_tracks(two_languages: Path) -> None:
    doc = lxml_html.fromstring((two_languages / "html" / "nb" / "01-m" / "01-p.html").read_bytes())
    (csp,) = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "media-src 'self' data:;" in csp and "script-src 'self';" in csp
