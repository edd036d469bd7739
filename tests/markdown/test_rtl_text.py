"""Numbers and Latin terms in right-to-left text, isolated in ``<bdi>`` with their brackets.

A bracket is isolated together with its partner or not at all: ``(<bdi>KOLS)</bdi>`` would
show in Arabic as "KOLS))" (one bracket mirrored outside, one not inside). The build of a
whole multilingual course is checked in test_variants.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.markdown import create_markdown
from support.courses import write_course

MD = create_markdown()


def rtl(text: str) -> str:
    """``text`` as a right-to-left page renders it inline."""
    return MD.renderInline(text, {"isolate": True})


@pytest.mark.parametrize(("text", "html"), [
    ("مرض الانسداد الرئوي (KOLS) شائع.", "مرض الانسداد الرئوي <bdi>(KOLS)</bdi> شائع."),
    ("(KOLS) مرض شائع.", "<bdi>(KOLS)</bdi> مرض شائع."),  # a sentence that starts with the bracket
    ("مرض شائع (KOLS).", "مرض شائع <bdi>(KOLS)</bdi>."),  # and one that ends with it
    ("قياس [BT] مرتين.", "قياس <bdi>[BT]</bdi> مرتين."),
    ("الجرعة (2,5 mg) يوميًا", "الجرعة <bdi>(2,5 mg)</bdi> يوميًا"),
    ("النبض (60–100) طبيعي", "النبض <bdi>(60–100)</bdi> طبيعي"),
    ("(KOLS) و [BT]", "<bdi>(KOLS)</bdi> و <bdi>[BT]</bdi>"),
    ("النبض radial pulse (a. radialis) هنا", "النبض <bdi>radial pulse (a. radialis)</bdi> هنا"),
    ("مرض (KOLS [COPD]) شائع", "مرض <bdi>(KOLS [COPD])</bdi> شائع"),  # nested pairs stay whole
    ("مرض ((KOLS)) شائع", "مرض <bdi>((KOLS))</bdi> شائع"),
])
def test_a_bracketed_term_is_isolated_with_both_brackets(text: str, html: str) -> None:
    assert rtl(text) == html


@pytest.mark.parametrize(("text", "html"), [
    ("(مرض KOLS) شائع", "(مرض <bdi>KOLS</bdi>) شائع"),  # the pair holds Arabic too: both stay outside
    ("(KOLS مرض)", "(<bdi>KOLS</bdi> مرض)"),
    ("مرض (KOLS شائع", "مرض (<bdi>KOLS</bdi> شائع"),  # unbalanced: the lone bracket stays outside
    ("مرض KOLS) شائع", "مرض <bdi>KOLS</bdi>) شائع"),
    ("مرض ((KOLS) شائع", "مرض (<bdi>(KOLS)</bdi> شائع"),  # the pair is isolated, the extra one is not
    ("مرض (KOLS (COPD) شائع", "مرض (<bdi>KOLS (COPD)</bdi> شائع"),
    ("مرض (KOLS] شائع", "مرض (<bdi>KOLS</bdi>] شائع"),  # brackets of two kinds are no pair
    ("KOLS) و (COPD", "<bdi>KOLS</bdi>) و (<bdi>COPD</bdi>"),
    ("(a]b)", "(<bdi>a</bdi>]<bdi>b</bdi>)"),
])
def test_a_bracket_without_its_partner_stays_outside(text: str, html: str) -> None:
    assert rtl(text) == html


def test_every_isolate_holds_its_brackets_in_pairs() -> None:
    text = "أ (KOLS) ب [BT ج (2,5 mg)) د (e (f) g] ه x) ي (y"
    for part in rtl(text).split("<bdi>")[1:]:
        inside = part.split("</bdi>")[0]
        assert inside.count("(") == inside.count(")") and inside.count("[") == inside.count("]"), inside
    assert rtl(text).replace("<bdi>", "").replace("</bdi>", "") == text  # no text lost or moved


def test_runs_without_brackets_are_isolated_as_before() -> None:
    assert rtl("النبض 60–100 في الدقيقة") == "النبض <bdi>60–100</bdi> في الدقيقة"
    assert rtl("الحرارة 37,5 °C و NEWS2") == "الحرارة <bdi>37,5 °C</bdi> و <bdi>NEWS2</bdi>"
    assert MD.renderInline("Puls (KOLS)", {}) == "Puls (KOLS)"  # left-to-right pages: nothing isolated


def test_an_arabic_page_isolates_the_bracketed_term(tmp_path: Path) -> None:
    yml = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: ar\n"
    page = "# مرض الرئة\n\nمرض الانسداد الرئوي المزمن (KOLS) شائع.\n\n- (**KOLS**) في قائمة\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": page}, yml)
    out = build(root, ["html"], tmp_path / "out").out
    doc = lxml_html.fromstring((out / "html" / "ar" / "01-m" / "01-p.html").read_bytes())
    assert doc.xpath("//main//p/bdi/text()") == ["(KOLS)"]
    item = doc.xpath("//main//li")[0]
    assert item.text == "(" and item.xpath("strong/bdi/text()") == ["KOLS"]  # markup between: both outside
