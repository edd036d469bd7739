"""Images per language: ``bilde.ar.svg`` beside ``bilde.svg`` is what Arabic pages show."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.errors import Diagnostics, Level
from learnpack.loader import load_course
from support.courses import write_course

SVG = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><title>{}</title></svg>'
NB_AR = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, ar]\n"
PLAIN = "media/01-m/bilder/bilde.svg"
ARABIC = "media/01-m/bilder/bilde.ar.svg"


def course(root: Path, pages: dict[str, str], images: tuple[str, ...], course_yml: str = NB_AR) -> Path:
    write_course(root, pages, course_yml)
    (root / "01-m" / "bilder").mkdir(exist_ok=True)
    for name in images:
        (root / "01-m" / "bilder" / name).write_text(SVG.format(name), encoding="utf-8")
    return root


def images(site: Path, page: str) -> list[tuple[str, str]]:
    """``(src, alt)`` of every image on a built page."""
    doc = lxml_html.fromstring((site / page).read_bytes())
    return [(img.get("src"), img.get("alt")) for img in doc.xpath("//main//img")]


def package(out: Path, target: str, language: str) -> tuple[set[str], set[str]]:
    """The files in the zip of ``language`` and the files its manifest lists."""
    (path,) = (out / target).glob(f"*-{language}-{target}.zip")
    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist()) - {"imsmanifest.xml"}
        manifest = etree.fromstring(archive.read("imsmanifest.xml"))
    return names, {str(href) for href in manifest.xpath("//*[local-name()='file']/@href")}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """bokmål and Arabic: a translated page and one shown untranslated, both with ``bilde.svg``."""
    root = course(tmp_path_factory.mktemp("c"), {
        "01-m/01-puls.md": "# Puls\n\n![Hånd på håndleddet](bilder/bilde.svg)\n",
        "01-m/01-puls.ar.md": "# النبض\n\n![يد على الرسغ](bilder/bilde.svg)\n",
        "01-m/02-mer.md": "# Mer\n\n![Hånd igjen](bilder/bilde.svg)\n",
    }, ("bilde.svg", "bilde.ar.svg"))
    return build(root, ["html", "scorm12", "scorm2004"], tmp_path_factory.mktemp("out")).out


def test_an_arabic_page_shows_the_arabic_image_with_its_own_alt_text(built: Path) -> None:
    site = built / "html"
    assert images(site, "ar/01-m/01-puls.html") == [("../../" + ARABIC, "يد على الرسغ")]
    assert images(site, "nb/01-m/01-puls.html") == [("../../" + PLAIN, "Hånd på håndleddet")]
    assert (site / ARABIC).read_text(encoding="utf-8") == SVG.format("bilde.ar.svg")


def test_a_page_shown_untranslated_keeps_the_source_image(built: Path) -> None:
    """Its text is bokmål (marked lang="nb"), so is the image that goes with it; the translated page beside
    it in the Arabic site shows the Arabic one."""
    assert images(built / "html", "ar/01-m/02-mer.html") == [("../../" + PLAIN, "Hånd igjen")]
    assert images(built / "html", "ar/01-m/01-puls.html")[0][0] == "../../" + ARABIC


@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_each_package_holds_and_lists_the_images_its_pages_show(built: Path, target: str) -> None:
    bokmal, bokmal_listed = package(built, target, "nb")
    arabic, arabic_listed = package(built, target, "ar")
    assert PLAIN in bokmal and ARABIC not in bokmal  # no page in bokmål shows the Arabic image
    assert {PLAIN, ARABIC} <= arabic  # 02-mer is shown untranslated, with the plain image
    assert bokmal <= bokmal_listed and arabic <= arabic_listed


def test_the_image_falls_back_along_the_language_s_chain(tmp_path: Path) -> None:
    """Nynorsk reads bokmål: a nynorsk page without bilde.nn.svg shows bilde.nb.svg, not the English source's."""
    root = course(tmp_path / "c", {
        "01-m/01-p.md": "# P\n\n![A hand](bilder/bilde.svg)\n",
        "01-m/01-p.nn.md": "# P\n\n![Ei hand](bilder/bilde.svg)\n",
        "01-m/01-p.nb.md": "# P\n\n![En hånd](bilder/bilde.svg)\n",
        "01-m/01-p.se.md": "# P\n\n![Giehta](bilder/bilde.svg)\n",
    }, ("bilde.svg", "bilde.nb.svg", "bilde.se.svg"),
        "id: t\ntitle: T\nversion: 1.0.0\nlanguage: en\nlanguages: [en, nb, nn, se]\n")
    out = build(root, ["html", "scorm2004"], tmp_path / "out").out
    shown = {lang: images(out / "html", f"{lang}/01-m/01-p.html")[0][0].rsplit("/", 1)[1]
             for lang in ("en", "nb", "nn", "se")}
    assert shown == {"en": "bilde.svg", "nb": "bilde.nb.svg", "nn": "bilde.nb.svg", "se": "bilde.se.svg"}
    nynorsk, listed = package(out, "scorm2004", "nn")
    assert "media/01-m/bilder/bilde.nb.svg" in nynorsk & listed
    assert not {"media/01-m/bilder/bilde.svg", "media/01-m/bilder/bilde.se.svg"} & nynorsk


def test_a_direct_reference_to_a_language_s_image_is_the_same_file(tmp_path: Path) -> None:
    """``bilde.ar.svg`` named on the page is shown as it is (no ``bilde.ar.ar.svg``), on any page."""
    root = course(tmp_path / "c", {
        "01-m/01-p.md": "# P\n\n![Plakaten på arabisk](bilder/bilde.ar.svg)\n",
        "01-m/01-p.ar.md": "# P\n\n![الملصق](bilder/bilde.ar.svg)\n\n![الملصق مرة أخرى](bilder/bilde.svg)\n",
    }, ("bilde.svg", "bilde.ar.svg"))
    out = build(root, ["html", "scorm12"], tmp_path / "out").out
    assert images(out / "html", "nb/01-m/01-p.html") == [("../../" + ARABIC, "Plakaten på arabisk")]
    assert images(out / "html", "ar/01-m/01-p.html") == [("../../" + ARABIC, "الملصق"),
                                                        ("../../" + ARABIC, "الملصق مرة أخرى")]
    for language in ("nb", "ar"):
        names, listed = package(out, "scorm12", language)
        assert ARABIC in names & listed and PLAIN not in names


def test_an_image_for_a_language_the_course_lacks_is_a_warning(tmp_path: Path) -> None:
    root = course(tmp_path / "c", {
        "01-m/01-p.md": "# P\n\n![Hånd](bilder/bilde.svg)\n",
        "01-m/02-q.md": "# Q\n\n![Hånd](bilder/bilde.svg)\n",
    }, ("bilde.svg", "bilde.ar.svg", "bilde.nb.svg", "bilde.liten.svg", "bilde.ar.gammel.svg"),
        "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\n")
    diagnostics = Diagnostics()
    load_course(root, diagnostics)
    (warning,) = diagnostics.items  # once, though two pages show the image; not for bilde.liten.svg
    assert (warning.level, warning.code, warning.path.name) == (Level.WARNING, "media.unlisted_language",
                                                                "bilde.ar.svg")
    assert "'ar'" in warning.message and "bilde.svg" in warning.message
    out = build(root, ["scorm12"], tmp_path / "out").out  # a warning: the course builds
    names, _ = package(out, "scorm12", "nb")
    assert "media/01-m/bilder/bilde.nb.svg" in names and ARABIC not in names  # bokmål's own, never the Arabic


def test_images_per_language_build_the_same_bytes_twice(tmp_path: Path) -> None:
    root = course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n![x](bilder/bilde.svg)\n",
                                   "01-m/01-p.ar.md": "# P\n\n![س](bilder/bilde.svg)\n"},
                  ("bilde.svg", "bilde.ar.svg"))
    first = build(root, ["scorm2004"], tmp_path / "a").out
    second = build(root, ["scorm2004"], tmp_path / "b").out
    zips = sorted((first / "scorm2004").glob("*.zip"))
    assert len(zips) == 2 and ARABIC in package(first, "scorm2004", "ar")[0]
    for zip_file in zips:
        assert zip_file.read_bytes() == (second / "scorm2004" / zip_file.name).read_bytes()
