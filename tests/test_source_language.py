"""The course says which language is its source, wherever ``languages`` in course.yml lists it."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree

from learnpack.build import build
from learnpack.cli import main
from learnpack.loader import load_course
from learnpack.translate.status import course_status

LOM = {"lom": "http://ltsc.ieee.org/xsd/LOM"}


@pytest.fixture
def source_last(course_copy: Callable[[str], Path]) -> Path:
    """tests/roots/multilang with ``languages: [en, ar, nb]``: the source, nb, listed last."""
    root = course_copy("multilang")
    config = root / "course.yml"
    text = config.read_text(encoding="utf-8")
    assert "language: nb\nlanguages: [nb, en, nn, se, ar]\n" in text
    config.write_text(text.replace("languages: [nb, en, nn, se, ar]", "languages: [en, ar, nb]"), encoding="utf-8")
    return root


def test_the_model_names_the_source_and_its_translations(source_last: Path) -> None:
    course = load_course(source_last)
    assert (course.language, course.source_language, course.is_source) == ("nb", "nb", True)
    assert sorted(course.translations) == ["ar", "en"]
    assert [c.language for c in course.in_languages()] == ["en", "ar", "nb"]  # the author's order
    english = course.in_language("en")
    assert english is course.translations["en"]
    assert (english.language, english.source_language, english.is_source) == ("en", "nb", False)
    assert course.in_language("nb") is course


def test_module_titles_are_kept_per_language(course_copy: Callable[[str], Path]) -> None:
    root = course_copy("multilang")
    with (root / "course.yml").open("a", encoding="utf-8") as config:
        config.write("fallback:\n  ar: [en]\n")
    course = load_course(root)
    intro, quiz = course.modules
    assert intro.titles == {"nb": "Innledning", "en": "Introduction"}
    assert quiz.titles == {"nb": "Quiz"}  # no module.yml: the folder name, in the source language
    shown = {c.language: [(m.title, m.title_language) for m in c.modules] for c in course.in_languages()}
    assert shown == {
        "nb": [("Innledning", "nb"), ("Quiz", "nb")],
        "en": [("Introduction", "en"), ("Quiz", "nb")],
        "nn": [("Innledning", "nb"), ("Quiz", "nb")],
        "se": [("Innledning", "nb"), ("Quiz", "nb")],
        "ar": [("Introduction", "en"), ("Quiz", "nb")],  # its fallback chain: en, then the source
    }
    assert all(m.titles is intro.titles for c in course.in_languages() for m in c.modules[:1])


def read_zip(path: Path, name: str) -> bytes:
    with zipfile.ZipFile(path) as archive:
        return archive.read(name)


def test_the_language_chooser_is_in_the_source_language(source_last: Path, tmp_path: Path) -> None:
    out = build(source_last, ["html"], tmp_path / "out").out
    chooser = etree.HTML((out / "html" / "index.html").read_bytes())
    assert chooser.get("lang") == "nb"
    assert chooser.find("body").get("data-source") == "nb"  # what it opens without a better match
    assert chooser.findtext(".//h1") == "Vitale tegn"
    assert chooser.xpath("//a/@data-lang") == ["en", "ar", "nb"]  # listed as course.yml lists them


def test_scorm_packages_lead_with_the_source_language(source_last: Path, tmp_path: Path) -> None:
    out = build(source_last, ["scorm12", "scorm2004"], tmp_path / "one").out
    assert sorted(p.name for p in out.rglob("*.zip")) == sorted(
        f"multilang-1.0.0-{lang}-{target}.zip" for target in ("scorm12", "scorm2004") for lang in ("ar", "en", "nb"))
    nb = out / "scorm2004" / "multilang-1.0.0-nb-scorm2004.zip"
    assert etree.HTML(read_zip(nb, "sco.html")).get("lang") == "nb"

    out = build(source_last, ["scorm12", "scorm2004"], tmp_path / "mul", multilingual=True).out
    for package in out.rglob("*.zip"):
        sco = etree.HTML(read_zip(package, "sco.html"))
        assert sco.get("lang") == "nb" and sco.findtext(".//title") == "Vitale tegn", package.name
        assert sco.xpath("//script/@src")[0] == "assets/course.nb.js"  # the runtime starts in the source
        script = read_zip(package, "assets/course.nb.js").decode()
        outline = json.loads(re.search(r"= (\{.*\});", script, re.S).group(1))  # type: ignore[union-attr]
        assert (outline["language"], outline["languages"]) == ("nb", ["en", "ar", "nb"])
        manifest = etree.fromstring(read_zip(package, "imsmanifest.xml"))
        assert manifest.xpath("//*[local-name()='organization']//*[local-name()='title']/text()") == [
            "Vitale tegn", "Vitale tegn"]  # the organization's and its item's
    lom = etree.fromstring(read_zip(out / "scorm2004" / "multilang-1.0.0-mul-scorm2004.zip", "imsmanifest.xml"))
    assert lom.xpath("//lom:general/lom:title/lom:string/@language", namespaces=LOM) == ["nb"]
    assert lom.xpath("//lom:general/lom:language/text()", namespaces=LOM) == ["en", "ar", "nb"]
    metadata = etree.fromstring(read_zip(out / "scorm12" / "multilang-1.0.0-mul-scorm12.zip", "metadata.xml"))
    assert metadata.xpath("//@xml:lang") == ["nb", "nb"]  # title and description


def test_i18n_commands_know_the_source_wherever_it_is_listed(source_last: Path) -> None:
    assert list(course_status(load_course(source_last))) == ["en", "ar"]
    result = CliRunner().invoke(main, ["i18n", "status", str(source_last)])
    assert result.exit_code == 0, result.output
    assert [line.split(":")[0] for line in result.output.splitlines() if not line.startswith(" ")] == ["en", "ar"]
    refused = CliRunner().invoke(main, ["i18n", "export", str(source_last), "--lang", "nb"])
    assert refused.exit_code == 1 and "'nb' is not a translation language" in refused.output
