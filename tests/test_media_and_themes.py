"""Media beside the pages (images, video with captions) and theme overrides."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import html as lxml_html

from learnpack.build import build
from learnpack.errors import Diagnostics, Level
from learnpack.loader import load_course
from support.courses import write_course


def test_video_gets_player_and_caption_tracks(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n![Slik måler du puls](video/puls.mp4)\n"})
    (root / "01-m" / "video").mkdir()
    (root / "01-m" / "video" / "puls.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42")
    (root / "01-m" / "video" / "puls.vtt").write_text("WEBVTT\n", encoding="utf-8")
    (root / "01-m" / "video" / "puls.en.vtt").write_text("WEBVTT\n", encoding="utf-8")
    out = build(root, ["html"], tmp_path / "out").out / "html"
    doc = lxml_html.fromstring((out / "nb" / "01-m" / "01-p.html").read_bytes())
    (video,) = doc.xpath("//video")
    assert video.get("src") == "../../media/01-m/video/puls.mp4" and video.get("controls") is not None
    tracks = [(t.get("srclang"), t.get("src"), t.get("default")) for t in video.xpath(".//track")]
    assert tracks == [("nb", "data:text/vtt,WEBVTT%0A", ""), ("en", "data:text/vtt,WEBVTT%0A", None)]
    assert [t.get("label") for t in video.xpath(".//track")] == ["Norsk bokmål", "English"]
    assert doc.xpath("//figcaption/text()") == ["Slik måler du puls"]
    assert (out / "media" / "01-m" / "video" / "puls.mp4").is_file()
    assert not list(out.rglob("*.vtt"))  # the pages carry the captions (see tests/test_webvtt.py)


def test_video_without_captions_is_a_warning(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n![Film](film.webm)\n"})
    (root / "01-m" / "film.webm").write_bytes(b"\x1aE\xdf\xa3")
    diagnostics = Diagnostics()
    load_course(root, diagnostics)
    assert [(d.level, d.code, d.line) for d in diagnostics.items] == [(Level.WARNING, "media.no_captions", 3)]


def test_linked_files_are_copied(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\nLast ned [skjemaet](filer/news2.pdf).\n"})
    (root / "01-m" / "filer").mkdir()
    (root / "01-m" / "filer" / "news2.pdf").write_bytes(b"%PDF-1.4\n")
    out = build(root, ["html"], tmp_path / "out").out / "html"
    assert (out / "media" / "01-m" / "filer" / "news2.pdf").read_bytes() == b"%PDF-1.4\n"


def test_course_theme_overrides_one_template_and_the_css(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n"},
                        "id: t\ntitle: T\nversion: 1\nlanguage: nb\ntheme: kommune\n")
    theme = root / "themes" / "kommune"
    (theme / "templates").mkdir(parents=True)
    (theme / "static").mkdir()
    (theme / "templates" / "index.html").write_text(
        '{% extends "base.html" %}{% block main %}<h1>Kommunens kurs: {{ course.config.title }}</h1>'
        '{% endblock %}', encoding="utf-8")
    (theme / "static" / "learnpack.css").write_text("body { color: #000; }\n", encoding="utf-8")
    out = build(root, ["html"], tmp_path / "out").out / "html"
    assert "Kommunens kurs: T" in (out / "nb" / "index.html").read_text(encoding="utf-8")
    assert (out / "assets" / "learnpack.css").read_text(encoding="utf-8") == "body{color:#000}"  # minified
    assert "quiz" not in (out / "nb" / "01-m" / "01-p.html").read_text(encoding="utf-8")  # default page.html used
    assert (out / "assets" / "page.js").is_file()


def test_callout_labels_are_in_the_course_language(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n::: warning\nRing 113.\n:::\n"})
    out = build(root, ["html"], tmp_path / "out").out / "html"
    doc = lxml_html.fromstring((out / "nb" / "01-m" / "01-p.html").read_bytes())
    assert doc.xpath("//aside[@role='note']/p[@class='callout-label']/text()") == ["Viktig"]


def test_raw_html_is_shown_as_text(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n<script>alert(1)</script>\n\nTekst <b>fet</b>.\n"})
    out = build(root, ["html"], tmp_path / "out").out / "html"
    text = (out / "nb" / "01-m" / "01-p.html").read_text(encoding="utf-8")
    assert "<script>alert" not in text and "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<b>" not in text


def test_headings_get_ids_that_links_can_point_to(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n## Slik gjør du\n\n## Slik gjør du\n",
                                         "01-m/02-q.md": "# Q\n\nSe [her](01-p.md#slik-gjor-du).\n"})
    out = build(root, ["html"], tmp_path / "out").out / "html"
    doc = lxml_html.fromstring((out / "nb" / "01-m" / "01-p.html").read_bytes())
    assert doc.xpath("//h2/@id") == ["slik-gjor-du", "slik-gjor-du-1"]
    assert 'href="01-p.html#slik-gjor-du"' in (out / "nb" / "01-m" / "02-q.html").read_text(encoding="utf-8")


def test_a_theme_cannot_replace_the_learner_runtime(tmp_path: Path) -> None:
    """Grading and the LMS record are learnpack's code: a theme's learnpack.js is left out."""
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# Side\n\nTekst.\n"},
                        "id: t\ntitle: T\nversion: 1\nlanguage: nb\ntheme: kommune\n")
    static = root / "themes" / "kommune" / "static"
    (static / "scorm").mkdir(parents=True)
    (static / "learnpack.js").write_text("/* a theme's own grading */\n", encoding="utf-8")
    (static / "scorm" / "sco-runtime.js").write_text("/* a theme's own LMS code */\n", encoding="utf-8")
    (static / "extra.css").write_text("p { margin: 0; }\n", encoding="utf-8")
    out = build(root, ["html", "scorm12"], tmp_path / "out").out
    assert "a theme's own" not in (out / "html" / "assets" / "page.js").read_text(encoding="utf-8")
    assert (out / "html" / "assets" / "extra.css").is_file()  # the theme's styles still come along
    with zipfile.ZipFile(next((out / "scorm12").glob("*.zip"))) as archive:
        assert b"a theme's own" not in archive.read("assets/sco-runtime.js")
