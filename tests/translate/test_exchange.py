"""Export to XLIFF/PO, fill the targets, import, build: structure, ids and safety."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po, write_po
from lxml import etree
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.errors import Diagnostics
from learnpack.loader import load_course
from learnpack.translate.exchange import XLIFF, export_po, export_xliff, import_file

NS = {"x": XLIFF}


def fill_xliff(data: bytes, transform) -> bytes:  # type: ignore[no-untyped-def]
    root = etree.fromstring(data)
    for target in root.iter(f"{{{XLIFF}}}target"):
        target.set("state", "translated")
        target.text = transform(target.text or "")
        for ph in target:
            ph.tail = transform(ph.tail) if ph.tail else ph.tail
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def test_xliff_round_trip_keeps_structure_and_ids(course_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    for variant in root.rglob("*.se.md"):
        variant.unlink()
    course = load_course(root)
    exported = export_xliff(course, "se")
    doc = etree.fromstring(exported)
    units = doc.findall(".//x:trans-unit", NS)
    assert {u.get("resname") for u in units} >= {"title", "text", "stem", "option", "feedback", "answer"}
    assert not any(u.findtext("x:source", namespaces=NS) == "true" for u in units)  # = true is not text
    filled = tmp_path / "se.xlf"
    filled.write_bytes(fill_xliff(exported, lambda text: text.upper() if text.strip() else text))
    diagnostics = Diagnostics()
    language, written = import_file(course, filled, diagnostics)
    assert diagnostics.items == [] and language == "se"
    assert sorted(p.name for p in written if p.suffix == ".md") == ["01-sporsmal.se.md", "01-velkommen.se.md",
                                                                     "02-mer.se.md"]
    assert "course.yml" in [p.name for p in written]
    out = build(root, ["html"], tmp_path / "out", strict=True).out / "html"
    sami = load_course(root).translations["se"]
    assert [p.language for p in sami.pages] == ["se", "se", "se"]
    (quiz,) = sami.pages[2].quizzes
    assert [q.id for q in quiz.questions] == ["puls", "tf", "ord"]
    assert quiz.questions[0].stem.source == "HVA ER NORMAL HVILEPULS?"
    assert quiz.questions[2].text_answers[:2] == ("BRADYKARDI", "bradykardi")  # its own first, then every language's
    page = (out / "se" / "01-intro" / "01-velkommen.html").read_text(encoding="utf-8")
    assert "<strong>60–100</strong>" in page and 'href="../02-quiz/01-sporsmal.html"' in page
    assert "PULSEN ER" in page
    assert "translated_from:" in (root / "01-intro" / "01-velkommen.se.md").read_text(encoding="utf-8")


def test_injected_markup_is_rendered_as_text(course_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    for variant in root.rglob("*.en.md"):
        variant.unlink()
    course = load_course(root)
    evil = "<script>alert(1)</script> **fet** [lenke](javascript:alert(1))\n### Ny overskrift\n:::\n= false"
    filled = tmp_path / "en.xlf"
    filled.write_bytes(fill_xliff(export_xliff(course, "en"), lambda text: evil if text.strip() else text))
    diagnostics = Diagnostics()
    import_file(course, filled, diagnostics)
    assert diagnostics.errors == []
    translated = load_course(root)  # structure intact: same quiz, same questions
    assert [q.id for q in translated.translations["en"].pages[2].quizzes[0].questions] == ["puls", "tf", "ord"]
    out = build(root, ["html"], tmp_path / "out").out / "html"
    page = (out / "en" / "01-intro" / "01-velkommen.html").read_text(encoding="utf-8")
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "javascript:" not in lxml_html.fromstring(page).xpath("string(//main//a/@href)")
    assert "<h3" not in page and "**fet**" in page


def test_po_round_trip(course_copy, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    for variant in root.rglob("*.ar.md"):
        variant.unlink()
    course = load_course(root)
    catalog = read_po(__import__("io").BytesIO(export_po(course, "ar")))
    for message in catalog:
        if message.id:
            message.string = re.sub(r"[^{}\d\s]+", "نص", str(message.id))
    filled = tmp_path / "ar.po"
    with filled.open("wb") as handle:
        write_po(handle, catalog)
    diagnostics = Diagnostics()
    language, written = import_file(course, filled, diagnostics)
    assert diagnostics.items == [] and language == "ar" and len([p for p in written if p.suffix == ".md"]) == 3
    build(root, ["html"], tmp_path / "out", strict=True)


def _first_target_with(data: bytes, count: int):  # type: ignore[no-untyped-def]
    root = etree.fromstring(data)
    target = next(t for t in root.iter(f"{{{XLIFF}}}target") if len(t) >= count)
    return root, target


def lose_placeholder(data: bytes) -> bytes:
    root, target = _first_target_with(data, 1)
    ph = target[0]
    (ph.getprevious() if ph.getprevious() is not None else target).text = (target.text or "") + (ph.tail or "")
    target.remove(ph)
    return etree.tostring(root)


def swap_ids(data: bytes) -> bytes:
    root, target = _first_target_with(data, 2)
    a, b = target[0].get("id"), target[1].get("id")
    target[0].set("id", b)
    target[1].set("id", a)
    return etree.tostring(root)


@pytest.mark.parametrize(
    ("mutate", "code"),
    [
        (lose_placeholder, "i18n.placeholders"),
        (swap_ids, "i18n.placeholders"),
        (lambda x: x.replace(b'<prop prop-type="course">multilang', b'<prop prop-type="course">annet-kurs'),
         "i18n.import_course"),
        (lambda x: x.replace(b'target-language="en"', b'target-language="pl"'), "i18n.import_language"),
        (lambda x: x.replace(b'target-language="en"', b'target-language="nb"'), "i18n.import_language"),
        (lambda x: x[: len(x) // 2], "i18n.import_syntax"),
    ],
)
def test_bad_imports_are_reported_and_write_nothing(course_copy, tmp_path: Path, mutate, code: str) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("multilang")
    before = {p: p.read_bytes() for p in root.rglob("*.md")}
    course = load_course(root)
    filled = tmp_path / "en.xlf"
    filled.write_bytes(mutate(fill_xliff(export_xliff(course, "en"), lambda t: t)))
    diagnostics = Diagnostics()
    _, written = import_file(course, filled, diagnostics)
    assert written == [] and code in [d.code for d in diagnostics.errors], [d.format() for d in diagnostics.items]
    assert all(d.path == filled for d in diagnostics.errors)
    assert {p: p.read_bytes() for p in root.rglob("*.md")} == before
