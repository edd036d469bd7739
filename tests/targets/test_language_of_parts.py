"""Every text says its language: interface text in the learner's, content in the one it is written in.

On a fallback page (an Arabic page showing bokmål content) the quiz's buttons, labels and result
area are Arabic inside the bokmål content, and say so; the questions themselves stay bokmål.
(WCAG 3.1.2: a screen reader must not read Arabic with a Norwegian voice.)
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from learnpack.build import build
from support.courses import SAMPLE

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
