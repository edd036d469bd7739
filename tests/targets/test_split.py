"""``--split modules``: each package reaches only its own files; links to other modules become text."""

from __future__ import annotations

import json
import posixpath
import zipfile
from pathlib import Path
from urllib.parse import unquote

import lxml.html
import pytest
from click.testing import CliRunner

from learnpack.build import build
from learnpack.cli import main
from support.courses import write_course

COURSE_YML = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, en]\n"
PAGES = {
    "01-intro/module.yml": "title: Innledning\n",
    "01-intro/01-start.md": "# Start\n\nSe [neste side](02-mer.md) og [Helsedirektoratet](https://www.helsedirektoratet.no/).\n\n"
                            "Når du er klar,\n[les mer](../02-quiz/01-sporsmal.md#quiz-q) om *quizen*.\n",
    "01-intro/01-start.en.md": "# Start\n\nSee [the next page](02-mer.md) and [the directorate](https://www.helsedirektoratet.no/).\n\n"
                               "When you are ready,\n[read on](../02-quiz/01-sporsmal.md#quiz-q) about *the quiz*.\n",
    "01-intro/02-mer.md": "# Mer\n\nTilbake til [start](01-start.md).\n",
    "02-quiz/module.yml": "title: {nb: Quiz, en: The quiz}\n",
    "02-quiz/01-sporsmal.md": "# Spørsmål\n\nFørst: [start](../01-intro/01-start.md).\n\n::: quiz {#q}\n### Er det sant? {#sant}\n= true\n:::\n",
}


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return write_course(tmp_path / "c", PAGES, COURSE_YML)


def dead_links(package: Path) -> list[str]:
    """Every ``<a href>`` of the package's pages, and every page of its outline, not in the zip."""
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        pages = {n: archive.read(n) for n in names if n.endswith(".html")}
        outlines = {n: archive.read(n) for n in names if n.startswith("assets/course.") and n.endswith(".js")}
    dead = []
    for name, data in sorted(pages.items()):
        for href in lxml.html.document_fromstring(data).xpath("//a/@href"):
            path = unquote(str(href).split("#")[0])
            if not path or ":" in path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            if target not in names:
                dead.append(f"{name}: {href}")
    for name, data in outlines.items():  # the table of contents: hrefs relative to <lang>/
        text = data.decode()
        outline = json.loads(text[text.index("{"): text.rindex("}") + 1])
        for module in outline["modules"]:
            dead += [f"{name}: {p['href']}" for p in module["pages"]
                     if f"{outline['language']}/{p['href']}" not in names]
    return dead


def page_text(package: Path, name: str) -> tuple[str, list[str]]:
    with zipfile.ZipFile(package) as archive:
        doc = lxml.html.document_fromstring(archive.read(name))
    content = doc.xpath("//div[@class='content']")[0]
    return " ".join(content.text_content().split()), [str(h) for h in content.xpath(".//a/@href")]


@pytest.mark.parametrize("target", ["scorm12", "scorm2004"])
def test_split_packages_have_no_dead_links(course: Path, tmp_path: Path, target: str) -> None:
    report = build(course, [target], tmp_path / "out", split="modules")
    packages = sorted((report.out / target).glob("*.zip"))
    assert len(packages) == 4  # two modules in two languages
    assert all(dead_links(p) == [] for p in packages), [dead_links(p) for p in packages]


def test_a_link_to_another_module_names_it(course: Path, tmp_path: Path) -> None:
    out = build(course, ["scorm12"], tmp_path / "out", split="modules").out / "scorm12"
    text, hrefs = page_text(out / "t-1.0.0-nb-01-intro-scorm12.zip", "nb/01-intro/01-start.html")
    assert "klar, les mer (i modulen «Quiz») om quizen." in text
    assert hrefs == ["02-mer.html", "https://www.helsedirektoratet.no/"]  # the others stay links
    text, _ = page_text(out / "t-1.0.0-en-01-intro-scorm12.zip", "en/01-intro/01-start.html")
    assert "ready, read on (in the module “The quiz”) about the quiz." in text
    text, hrefs = page_text(out / "t-1.0.0-nb-02-quiz-scorm12.zip", "nb/02-quiz/01-sporsmal.html")
    assert "Først: start (i modulen «Innledning»)." in text and hrefs == []
    # A page shown in its fallback language (not translated into English) gets the note in English, marked so.
    with zipfile.ZipFile(out / "t-1.0.0-en-02-quiz-scorm12.zip") as archive:
        doc = lxml.html.document_fromstring(archive.read("en/02-quiz/01-sporsmal.html"))
    (note,) = doc.xpath("//div[@lang='nb']//span[@class='other-module']")
    assert (note.get("lang"), note.get("dir"), note.text_content()) == ("en", "ltr", "(in the module “Innledning”)")


def test_a_link_to_another_module_is_a_warning_with_its_line(course: Path, tmp_path: Path) -> None:
    report = build(course, ["scorm12"], tmp_path / "out", split="modules")
    found = sorted((d.path.relative_to(course).as_posix(), d.line) for d in report.diagnostics
                   if d.code == "scorm.split_link")
    assert found == [("01-intro/01-start.en.md", 6), ("01-intro/01-start.md", 6), ("02-quiz/01-sporsmal.md", 3)]
    message = next(d.message for d in report.diagnostics if d.line == 3)
    assert "'../01-intro/01-start.md'" in message and "module 01-intro («Innledning»)" in message
    checked = CliRunner().invoke(main, ["check", str(course), "-t", "scorm12", "--split", "modules"])
    assert checked.exit_code == 0, checked.output
    assert "01-intro/01-start.md:6: warning: link to '../02-quiz/01-sporsmal.md#quiz-q'" in checked.output


def test_pager_and_outline_stay_in_the_module(course: Path, tmp_path: Path) -> None:
    out = build(course, ["scorm2004"], tmp_path / "out", split="modules").out / "scorm2004"
    with zipfile.ZipFile(out / "t-1.0.0-nb-02-quiz-scorm2004.zip") as archive:
        doc = lxml.html.document_fromstring(archive.read("nb/02-quiz/01-sporsmal.html"))
        outline = archive.read("assets/course.nb.js").decode()
    # the module's last page leads on to the package's results page, which knows only this module
    assert doc.xpath("//nav[@class='pager']/a/@href") == ["../index.html", "../completed.html"]
    assert "01-intro" not in outline


def test_without_split_the_link_stays_a_link(course: Path, tmp_path: Path) -> None:
    report = build(course, ["scorm12"], tmp_path / "out")
    assert not [d for d in report.diagnostics if d.code == "scorm.split_link"]
    _, hrefs = page_text(report.out / "scorm12" / "t-1.0.0-nb-scorm12.zip", "nb/01-intro/01-start.html")
    assert "../02-quiz/01-sporsmal.html#quiz-q" in hrefs
