"""Every text says its language: interface text in the learner's, content in the one it is written in.

On a fallback page (an Arabic page showing bokmål content) the quiz's buttons, labels and result
area are Arabic inside the bokmål content, and say so; the questions themselves stay bokmål.
(WCAG 3.1.2: a screen reader must not read Arabic with a Norwegian voice.)
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.i18n.catalog import Strings
from support.courses import ROOTS, SAMPLE, write_course
from support.languages import misplaced

INTERFACE = [".//button", ".//*[@class='question-number']", ".//p[@class='quiz-meta']", ".//p[@class='verdict']",
             ".//div[@class='quiz-result']", ".//details[@class='hint']/summary", ".//option[@value='']"]


def language_of(element) -> str:  # type: ignore[no-untyped-def]
    return str(element.xpath("string(ancestor-or-self::*[@lang][1]/@lang)"))


@pytest.fixture(scope="module")
def arabic_fallback_pages(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    out = build(SAMPLE, ["html"], tmp_path_factory.mktemp("out")).out / "html"
    pages = [p for p in sorted((out / "ar").rglob("*.html"))
             if lxml_html.fromstring(p.read_bytes()).xpath("//div[@lang='nb']//form[contains(@class, 'quiz')]")]
    assert len(pages) >= 5  # the sample's Arabic translation is partial on purpose
    return pages


def test_quiz_interface_text_on_a_fallback_page_is_in_the_learners_language(arabic_fallback_pages: list[Path]) -> None:
    for path in arabic_fallback_pages:
        page = lxml_html.fromstring(path.read_bytes())
        for form in page.xpath("//form[contains(@class, 'quiz')]"):
            for query in INTERFACE:
                for element in form.xpath(query):
                    assert language_of(element) == "ar", (path.name, query, lxml_html.tostring(element)[:80])
            for stem in form.xpath(".//span[@class='stem']"):
                assert language_of(stem) == "nb", (path.name, stem.text_content())


def test_callout_and_table_labels_on_a_fallback_page_are_in_the_learners_language(tmp_path: Path) -> None:
    out = build(SAMPLE, ["html"], tmp_path / "out").out / "html"
    labels, tables = [], []
    for path in sorted((out / "ar").rglob("*.html")):
        page = lxml_html.fromstring(path.read_bytes())
        labels += [(path.name, e) for e in page.xpath("//div[@lang='nb']//p[@class='callout-label']")]
        tables += [(path.name, page, e) for e in page.xpath("//div[@lang='nb']//div[@class='table-scroll']")]
    assert labels and tables  # the sample's Arabic pages that fall back to bokmål have both
    for name, label in labels:
        assert language_of(label) == "ar" and label.get("dir") == "rtl", name
        assert not any("a" <= c.lower() <= "z" for c in label.text_content()), (name, label.text_content())
    for name, page, table in tables:
        assert table.get("aria-label") is None, name
        (named,) = page.xpath(f"//*[@id='{table.get('aria-labelledby')}']")
        assert language_of(named) == "ar" and named.text_content() == Strings("ar", None)["table.scroll"], name


def test_on_a_translated_page_the_interface_needs_no_mark(tmp_path: Path) -> None:
    out = build(SAMPLE, ["html"], tmp_path / "out").out / "html"
    page = lxml_html.fromstring((out / "nb" / "04-nar-tilkalle-hjelp" / "03-sluttest.html").read_bytes())
    assert not page.xpath("//form//*[@lang]")


def test_module_descriptions_from_another_language_say_which(tmp_path: Path) -> None:
    out = build(SAMPLE, ["html"], tmp_path / "out").out / "html"
    start = lxml_html.fromstring((out / "ar" / "index.html").read_bytes())
    descriptions = start.xpath("//li[@class='module']/p[not(@class)]")
    assert len(descriptions) == 4  # the sample's module descriptions are in bokmål only
    assert all(d.xpath("string(./span/@lang)") == "nb" for d in descriptions)


# -- every text node, by script --------------------------------------------------------------


def _scan(files: dict[str, bytes]) -> dict[str, list[str]]:
    found = {name: misplaced(data) for name, data in sorted(files.items()) if name.endswith(".html")}
    return {name: problems for name, problems in found.items() if problems}


def _site(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*.html")}


def _package(zip_path: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(zip_path) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


@pytest.mark.parametrize("root", [SAMPLE, ROOTS / "multilang"], ids=["sample", "multilang"])
def test_every_text_on_every_page_is_marked_with_the_language_of_its_script(root: Path, tmp_path: Path) -> None:
    out = build(root, ["html", "scorm2004"], tmp_path / "out", multilingual=True).out
    files = _site(out / "html")
    assert sum(name.startswith("ar/") for name in files) >= 3
    for package in sorted((out / "scorm2004").glob("*.zip")):
        files.update({f"{package.name}/{name}": data for name, data in _package(package).items()})
    assert _scan(files) == {}


def test_authors_licence_and_course_id_on_an_arabic_start_page_are_isolated(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {
        "01-m/01-p.md": "# Side\n\nTekst.\n",
        "01-m/01-p.ar.md": "# صفحة\n\nنص.\n",
    }, "id: kurs\ntitle:\n  nb: Kurs\n  ar: دورة\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, ar]\n"
       "authors: [Kari Nordmann, Ola Hansen]\nlicence: CC BY 4.0\n")
    out = build(root, ["html"], tmp_path / "out").out / "html"
    start = (out / "ar" / "index.html").read_bytes()
    assert misplaced(start) == []
    footer = lxml_html.fromstring(start).xpath("//footer")[0]
    assert [b.text for b in footer.xpath(".//bdi")] == ["Kari Nordmann", "Ola Hansen", "CC BY 4.0", "1.0.0"]
    assert footer.xpath("string(.//p[@class='course-id']/span/@lang)") == "nb"


def test_the_scan_finds_text_in_the_wrong_language() -> None:
    page = ('<html lang="ar"><body><p>نص عربي</p><p>Respirasjonsfrekvens</p>'
            '<div lang="nb"><p>مرحبا</p><p>Norsk <bdi>60</bdi></p></div><p><bdi>NEWS2</bdi></p></body></html>')
    assert misplaced(page.encode()) == [
        "Latin script in lang='ar' <p>: 'Respirasjonsfrekvens'",
        "Arabic script in lang='nb': 'مرحبا'",
    ]
