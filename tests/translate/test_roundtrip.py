"""Round trips through a translator while the author keeps editing: nothing lands on the wrong text.

Each test exports, edits the source or the returned file the way it happened in practice,
imports, and checks the variant text and the diagnostics.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

from learnpack.errors import Diagnostics
from learnpack.loader import load_course
from learnpack.translate.exchange import XLIFF, export_po, export_xliff, import_file
from support.courses import write_course

COURSE_YML = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, so]\n"
PAGE = """---
title: Ring lege
---
Hvem gjør hva:

- Lege: vurderer pasienten.
- Sykepleier: måler vitale tegn.
- Pårørende: gir beskjed.

Gi 2,5 mg morfin.

::: quiz {#q title="Sjekk deg selv"}
### Hva heter lav puls? {#ord}
= bradykardi

### Dosen? {#dose}
= 0.25
:::
"""


def somali(text: str) -> str:
    """A stand-in translation that shows which source text it was made from."""
    return f"SO«{text.strip()}»" if text.strip() else text


def fill(data: bytes, transform=somali, start: str = "source") -> bytes:  # type: ignore[no-untyped-def]
    """Every target translated: ``transform`` of the unit's source text (or of its pre-filled target)."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        source, target = unit.find(f"{{{XLIFF}}}source"), unit.find(f"{{{XLIFF}}}target")
        text = "".join((source if start == "source" else target).itertext())
        tail = target.tail
        target.clear()
        target.text, target.tail = transform(text), tail
        target.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


@pytest.fixture
def course(tmp_path: Path) -> Path:
    return write_course(tmp_path / "c", {"01-m/01-ring.md": PAGE}, COURSE_YML)


def run_import(root: Path, data: bytes, tmp_path: Path, name: str = "so.xlf") -> tuple[Diagnostics, list[Path]]:
    exchange = tmp_path / name
    exchange.write_bytes(data)
    diagnostics = Diagnostics()
    _, written = import_file(load_course(root), exchange, diagnostics)
    return diagnostics, written


def pages(written: list[Path]) -> list[Path]:
    return [p for p in written if p.suffix == ".md"]


def variant(root: Path) -> str:
    return (root / "01-m" / "01-ring.so.md").read_text(encoding="utf-8")


def test_an_inserted_list_item_shifts_no_translation(course: Path, tmp_path: Path) -> None:
    exported = export_xliff(load_course(course), "so")
    source = course / "01-m" / "01-ring.md"
    source.write_text(PAGE.replace("- Lege:", "- Pasienten: ringer på.\n- Lege:"), encoding="utf-8")
    diagnostics, written = run_import(course, fill(exported), tmp_path)
    assert diagnostics.errors == [] and len(pages(written)) == 1
    text = variant(course)
    assert "- SO«Lege: vurderer pasienten.»" in text
    assert "- Pasienten: ringer på." in text  # new since export: still the source text
    assert "- SO«Sykepleier: måler vitale tegn.»" in text
    assert text.index("Pasienten") < text.index("SO«Lege")


def test_a_translation_of_a_changed_dose_is_not_applied_and_the_page_stays_outdated(course: Path, tmp_path: Path) -> None:
    exported = export_xliff(load_course(course), "so")
    source = course / "01-m" / "01-ring.md"
    source.write_text(PAGE.replace("2,5 mg", "5 mg").replace("= 0.25", "= 0.5"), encoding="utf-8")
    diagnostics, written = run_import(course, fill(exported), tmp_path)
    stale = [d for d in diagnostics.warnings if d.code == "i18n.import_stale"]
    assert len(stale) == 1 and stale[0].path.name == "so.xlf" and stale[0].line
    text = variant(course)
    assert "2,5 mg" not in text and "Gi 5 mg morfin." in text  # the new source, untranslated
    assert "= 0.5" in text
    checked = Diagnostics()
    load_course(course, checked)
    assert "i18n.outdated" in [d.code for d in checked.warnings]


def test_a_partial_import_keeps_the_other_translations(course: Path, tmp_path: Path) -> None:
    diagnostics, _ = run_import(course, fill(export_xliff(load_course(course), "so")), tmp_path)
    assert diagnostics.errors == []
    before = variant(course)
    only_one = fill(export_xliff(load_course(course), "so"),
                    lambda text: "Dhakhtar: wuu qiimeeyaa bukaanka." if text.startswith("SO«Lege") else text,
                    start="target")
    diagnostics, written = run_import(course, only_one, tmp_path)
    assert diagnostics.errors == [] and len(pages(written)) == 1
    after = variant(course)
    assert "- Dhakhtar: wuu qiimeeyaa bukaanka." in after
    assert after.replace("Dhakhtar: wuu qiimeeyaa bukaanka.", "SO«Lege: vurderer pasienten.»") == before


def test_export_prefills_existing_translations(course: Path, tmp_path: Path) -> None:
    run_import(course, fill(export_xliff(load_course(course), "so")), tmp_path)
    root = etree.fromstring(export_xliff(load_course(course), "so"))
    targets = {u.findtext(f"{{{XLIFF}}}source"): u.find(f"{{{XLIFF}}}target") for u in root.iter(f"{{{XLIFF}}}trans-unit")}
    target = targets["Gi 2,5 mg morfin."]
    assert target.get("state") == "translated" and target.text == "SO«Gi 2,5 mg morfin.»"
    assert all(u.findtext(f"{{{XLIFF}}}note") for u in root.iter(f"{{{XLIFF}}}trans-unit"))


@pytest.mark.parametrize("language_file", ["xliff", "po"])
def test_an_untouched_round_trip_changes_nothing(course_copy, course: Path, tmp_path: Path, language_file: str) -> None:  # type: ignore[no-untyped-def]
    run_import(course, fill(export_xliff(load_course(course), "so")), tmp_path)
    for root, language in ((course, "so"), (course_copy("multilang"), "en"), (course_copy("sample"), "ar")):
        before = {p: p.read_bytes() for p in root.rglob("*.md")}
        loaded = load_course(root)
        if language_file == "po":
            data, name = export_po(loaded, language), f"{language}.po"
        else:
            data, name = export_xliff(loaded, language), f"{language}.xlf"
        diagnostics, written = run_import(root, data, tmp_path, name)
        assert diagnostics.errors == [] and written == [], (root.name, [d.format() for d in diagnostics.items])
        assert {p: p.read_bytes() for p in root.rglob("*.md")} == before


@pytest.mark.parametrize("target", ["", "   ", "\t\n"])
def test_empty_targets_are_untranslated(course: Path, tmp_path: Path, target: str) -> None:
    diagnostics, written = run_import(course, fill(export_xliff(load_course(course), "so"), lambda _: target), tmp_path)
    assert diagnostics.errors == [] and written == []


@pytest.mark.parametrize("noise", ["\r", "\x85", "\u2028", "\x07", "\x1b[31m", "\r\n", "\n\n### ", "\n:::\n"])
def test_line_breaks_and_control_characters_never_break_a_variant(course: Path, tmp_path: Path, noise: str) -> None:
    from babel.messages.pofile import read_po, write_po

    catalog = read_po(io.BytesIO(export_po(load_course(course), "so")))
    for message in catalog:
        if message.id:
            message.string = f"Qoraal{noise}kale {message.id}"
    buffer = io.BytesIO()
    write_po(buffer, catalog)
    diagnostics, written = run_import(course, buffer.getvalue(), tmp_path, "so.po")
    assert diagnostics.errors == [] and len(pages(written)) == 1
    checked = Diagnostics()
    load_course(course, checked)
    assert checked.errors == []
    assert "\x07" not in variant(course) and "\x1b" not in variant(course)


@pytest.mark.parametrize("answer", ["12", "true", "-3,5"])
def test_an_answer_translated_into_a_number_is_refused(course: Path, tmp_path: Path, answer: str) -> None:
    diagnostics, written = run_import(
        course, fill(export_xliff(load_course(course), "so"), lambda t: answer if t == "bradykardi" else somali(t)),
        tmp_path)
    assert written == [] and [d.code for d in diagnostics.errors] == ["i18n.import_answer"]
    assert not (course / "01-m" / "01-ring.so.md").exists()


def test_a_hand_written_variant_of_another_source_version_is_not_overwritten(course: Path, tmp_path: Path) -> None:
    hand = course / "01-m" / "01-ring.so.md"
    text = PAGE.replace("Ring lege", "Wac dhakhtarka").replace("Hvem gjør hva:", "Qoraal gacan lagu qoray.")
    hand.write_text(text, encoding="utf-8")
    diagnostics, written = run_import(course, fill(export_xliff(load_course(course), "so")), tmp_path)
    assert written == [] and [d.code for d in diagnostics.errors] == ["i18n.import_unaligned"]
    assert hand.read_text(encoding="utf-8") == text


def test_stamp_marks_every_text_of_a_checked_variant_current(course: Path, tmp_path: Path) -> None:
    from learnpack.translate.status import stamp

    exported = export_xliff(load_course(course), "so")
    (course / "01-m" / "01-ring.md").write_text(PAGE.replace("2,5 mg", "5 mg"), encoding="utf-8")
    run_import(course, fill(exported), tmp_path)  # the dose stays untranslated, the page outdated
    hand = course / "01-m" / "01-ring.so.md"
    hand.write_text(variant(course).replace("Gi 5 mg morfin.", "Sii 5 mg morfin."), encoding="utf-8")
    stamp(load_course(course), "so")
    root = etree.fromstring(export_xliff(load_course(course), "so"))
    states = {"".join(u.find(f"{{{XLIFF}}}source").itertext()): u.find(f"{{{XLIFF}}}target").get("state")
              for file in root.iter(f"{{{XLIFF}}}file") if file.get("original", "").endswith(".md")
              for u in file.iter(f"{{{XLIFF}}}trans-unit")}
    assert states["Gi 5 mg morfin."] == "translated" and set(states.values()) == {"translated"}
    checked = Diagnostics()
    load_course(course, checked)
    assert "i18n.outdated" not in [d.code for d in checked.warnings]


def test_a_variant_whose_first_text_is_untranslated_still_loads(course: Path, tmp_path: Path) -> None:
    """The map then starts with "-", which YAML would read as a list unless quoted."""
    diagnostics, written = run_import(
        course, fill(export_xliff(load_course(course), "so"), lambda t: "" if t == "Ring lege" else somali(t)), tmp_path)
    assert diagnostics.errors == [] and len(pages(written)) == 1
    assert 'translated_segments: "- ' in variant(course)
    assert load_course(course).translations["so"].pages[0].title == "Ring lege"


def test_the_whole_course_is_checked_before_anything_is_written(course: Path, tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The safety net behind the unit checks: a variant that would not check is never written."""
    from learnpack.translate import exchange

    monkeypatch.setattr(exchange, "apply_translations", lambda text, *_: text.split(":::")[0])  # loses the quiz
    diagnostics, written = run_import(course, fill(export_xliff(load_course(course), "so")), tmp_path)
    assert written == [] and not (course / "01-m" / "01-ring.so.md").exists()
    assert diagnostics.errors and {d.code for d in diagnostics.errors} == {"i18n.import_invalid"}
    assert all(d.path.name == "so.xlf" and d.line for d in diagnostics.errors)
    assert "01-m/01-ring.so.md" in diagnostics.errors[0].message


def test_status_counts_texts_and_the_report_lists_what_to_translate(course: Path, tmp_path: Path) -> None:
    from learnpack.translate.status import course_status, render_report

    exported = export_xliff(load_course(course), "so")
    source = course / "01-m" / "01-ring.md"
    run_import(course, fill(exported), tmp_path)
    source.write_text(PAGE.replace("2,5 mg", "5 mg"), encoding="utf-8")
    loaded = load_course(course)
    (row,) = course_status(loaded)["so"]
    assert row.state == "outdated"
    assert row.segments["missing"] == 1 and row.segments["outdated"] == 1 and row.segments["unverified"] == 0
    assert row.missing == ("Gi 5 mg morfin.",) and row.outdated == ("SO«Gi 2,5 mg morfin.»",)
    html = render_report(loaded, course_status(loaded))
    assert "Gi 5 mg morfin." in html and "SO«Gi 2,5 mg morfin.»" in html


def test_status_knows_the_source_language_wherever_it_is_listed(tmp_path: Path) -> None:
    from learnpack.translate.status import course_status

    root = write_course(tmp_path / "c", {"01-m/01-ring.md": PAGE},
                        "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [en, so, nb]\n")
    assert sorted(course_status(load_course(root))) == ["en", "so"]


def test_quiz_titles_are_translated(course: Path, tmp_path: Path) -> None:
    diagnostics, _ = run_import(course, fill(export_xliff(load_course(course), "so"),
                                             lambda t: 'Is "hubi" {x}' if t == "Sjekk deg selv" else somali(t)), tmp_path)
    assert diagnostics.errors == []
    assert 'title="Is ”hubi” (x)"' in variant(course)
    (quiz,) = load_course(course).translations["so"].pages[0].quizzes
    assert quiz.title == "Is ”hubi” (x)" and quiz.id == "q"


CONFIG = """# Kurset om å ringe lege
id: t
title: Ring lege   # kort tittel
version: 1.0.0
language: nb
languages: [nb, so]
description: Når og hvordan.
"""


def test_course_and_module_titles_travel_and_the_authors_yaml_keeps_its_comments(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-ring.md": PAGE, "01-m/module.yml": "title: Første modul\n"}, CONFIG)
    diagnostics, written = run_import(root, fill(export_xliff(load_course(root), "so")), tmp_path)
    assert diagnostics.errors == [] and {p.name for p in written} == {"01-ring.so.md", "course.yml", "module.yml"}
    course_yml = (root / "course.yml").read_text(encoding="utf-8")
    assert course_yml.startswith("# Kurset om å ringe lege\n") and "# kort tittel" in course_yml
    loaded = load_course(root)
    somali_course = loaded.translations["so"]
    assert somali_course.config.title == "SO«Ring lege»" and loaded.config.title == "Ring lege"
    assert somali_course.config.description == "SO«Når og hvordan.»"
    assert somali_course.modules[0].title == "SO«Første modul»"
    # The title changes at the source: the old translation is offered for review, and not applied if stale.
    (root / "course.yml").write_text(course_yml.replace("nb: Ring lege", "nb: Ring legen"), encoding="utf-8")
    exported = export_xliff(load_course(root), "so")
    units = {u.get("resname"): u for u in etree.fromstring(exported).iter(f"{{{XLIFF}}}trans-unit")}
    assert units["course-title"].find(f"{{{XLIFF}}}target").get("state") == "needs-review-translation"
    (root / "course.yml").write_text(course_yml.replace("nb: Ring lege", "nb: Ring akutt"), encoding="utf-8")
    diagnostics, _ = run_import(root, fill(exported), tmp_path)
    assert "i18n.import_stale" in [d.code for d in diagnostics.warnings]


def test_every_unit_tells_the_translator_where_it_stands(tmp_path: Path) -> None:
    quiz = "# Side\n\n::: quiz {#q}\n### Hva er puls? {#a}\n- ( ) Slag\n- (x) Trykk\n\n### Velg {#b}\n- [x] En\n- [ ] To\n:::\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": quiz}, COURSE_YML)
    notes = {u.findtext(f"{{{XLIFF}}}source"): u.findtext(f"{{{XLIFF}}}note")
             for u in etree.fromstring(export_xliff(load_course(root), "so")).iter(f"{{{XLIFF}}}trans-unit")}
    assert notes["Slag"].startswith("option of a single-choice question, on the page «Side»")
    assert notes["En"].startswith("option of a multiple-choice question")
    assert notes["Hva er puls?"].startswith("question")


def test_texts_a_translation_still_shows_in_the_source_language_carry_its_lang(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    from learnpack.build import build

    yml = COURSE_YML.replace("[nb, so]", "[nb, ar]")
    root = write_course(tmp_path / "c", {"01-m/01-ring.md": PAGE}, yml)
    exported = export_xliff(load_course(root), "ar")
    data = fill(exported, lambda t: "" if t.startswith(("Lege", "Gi ", "Dosen")) else f"نص {t}")
    diagnostics, _ = run_import(root, data, tmp_path, "ar.xlf")
    assert diagnostics.errors == []
    out = build(root, ["html"], tmp_path / "out").out / "html"
    page = lxml_html.fromstring((out / "ar" / "01-m" / "01-ring.html").read_bytes())
    untranslated = page.xpath("//main//*[@lang='nb']")
    assert {" ".join(e.text_content().split()) for e in untranslated} == {"Lege: vurderer pasienten.", "Gi 2,5 mg morfin.",
                                                                        "Dosen?", "M"}  # M: the module's nb title
    assert all(e.get("dir") == "ltr" for e in untranslated)
    assert page.xpath("//main//li[contains(., 'Sykepleier')]/@lang") == []


@pytest.mark.parametrize(("state", "applied"), [("new", False), ("needs-translation", False), ("translated", True),
                                                ("final", True), ("signed-off", True)])
def test_xliff_states_are_read_as_their_names_say(course: Path, tmp_path: Path, state: str, applied: bool) -> None:
    data = fill(export_xliff(load_course(course), "so")).replace(b'state="translated"', f'state="{state}"'.encode())
    diagnostics, written = run_import(course, data, tmp_path)
    assert diagnostics.errors == [] and bool(pages(written)) is applied


def fill_around_placeholders(data: bytes, transform=somali) -> bytes:  # type: ignore[no-untyped-def]
    """Every target translated text by text, its placeholders kept where the source has them."""
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        source, target = unit.find(f"{{{XLIFF}}}source"), unit.find(f"{{{XLIFF}}}target")
        tail = target.tail
        target.clear()
        target.text, target.tail = transform(source.text) if source.text else None, tail
        for placeholder in source:
            copy = etree.SubElement(target, placeholder.tag, attrib=dict(placeholder.attrib))
            copy.text, copy.tail = placeholder.text, transform(placeholder.tail) if placeholder.tail else None
        target.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def units_by_source(data: bytes) -> dict[str, list[etree._Element]]:
    root = etree.fromstring(data)
    found: dict[str, list[etree._Element]] = {}
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        found.setdefault("".join(unit.find(f"{{{XLIFF}}}source").itertext()), []).append(unit)
    return found


def test_a_text_that_repeats_keeps_a_translation_of_its_own(tmp_path: Path) -> None:
    from learnpack.translate.status import course_status

    page = "---\ntitle: Ved hjertestans\n---\n- Ring 113.\n- Start HLR.\n\nEtter 2 minutter:\n\n- Ring 113.\n"
    root = write_course(tmp_path / "c", {"01-m/01-hlr.md": page}, COURSE_YML)
    exported = export_xliff(load_course(root), "so")
    assert len(units_by_source(exported)["Ring 113."]) == 2
    answers = iter(["Wac 113.", "Mar kale wac 113."])
    diagnostics, _ = run_import(root, fill(exported, lambda t: next(answers) if t == "Ring 113." else somali(t)),
                                tmp_path)
    assert diagnostics.errors == []
    text = (root / "01-m" / "01-hlr.so.md").read_text(encoding="utf-8")
    assert text.index("- Wac 113.") < text.index("SO«Start HLR.»") < text.index("- Mar kale wac 113.")
    again = export_xliff(load_course(root), "so")
    assert [u.findtext(f"{{{XLIFF}}}target") for u in units_by_source(again)["Ring 113."]] == \
        ["Wac 113.", "Mar kale wac 113."]
    (row,) = course_status(load_course(root))["so"]
    assert row.state == "translated" and row.segments["translated"] == 5 and row.segments["missing"] == 0
    before = text
    assert run_import(root, again, tmp_path)[1] == [] and (root / "01-m" / "01-hlr.so.md").read_text() == before


def strip_source_hashes(data: bytes) -> bytes:
    """What a PO tool that drops extracted comments hands back."""
    return b"\n".join(line for line in data.split(b"\n") if not line.startswith(b"#. source-hash"))


def fill_po(data: bytes) -> bytes:
    from babel.messages.pofile import read_po, write_po

    catalog = read_po(io.BytesIO(data))
    for message in catalog:
        if message.id and message.context:
            message.string = somali(str(message.id))
            message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, sort_output=False)
    return buffer.getvalue()


@pytest.mark.parametrize("edit", ["changed dose", "inserted item"])
def test_a_po_file_that_lost_its_source_hashes_never_stamps_an_outdated_page_current(
        course: Path, tmp_path: Path, edit: str) -> None:
    exported = strip_source_hashes(export_po(load_course(course), "so"))
    assert b"source-hash" not in exported
    changed = PAGE.replace("2,5 mg", "5 mg") if edit == "changed dose" else \
        PAGE.replace("- Lege:", "- Pasienten: ringer på.\n- Lege:")
    (course / "01-m" / "01-ring.md").write_text(changed, encoding="utf-8")
    diagnostics, written = run_import(course, fill_po(exported), tmp_path, "so.po")
    assert diagnostics.errors == [] and len(pages(written)) == 1
    checked = Diagnostics()
    load_course(course, checked)
    assert "i18n.outdated" in [d.code for d in checked.warnings]


def test_a_complete_po_import_without_source_hashes_is_current(course: Path, tmp_path: Path) -> None:
    exported = strip_source_hashes(export_po(load_course(course), "so"))
    diagnostics, _ = run_import(course, fill_po(exported), tmp_path, "so.po")
    checked = Diagnostics()
    load_course(course, checked)
    assert diagnostics.errors == [] and "i18n.outdated" not in [d.code for d in checked.warnings]


def test_a_translated_heading_keeps_the_source_id_whatever_braces_it_holds(tmp_path: Path) -> None:
    page = "---\ntitle: Puls\n---\n## Slik måler du\n\nSe [målingen](#slik-maler-du).\n"
    root = write_course(tmp_path / "c", {"01-m/01-puls.md": page}, COURSE_YML)
    exported = export_xliff(load_course(root), "so")
    diagnostics, _ = run_import(root, fill_around_placeholders(
        exported, lambda t: "Sida loo cabbiro {#cabbir}" if t == "Slik måler du" else somali(t)), tmp_path)
    assert diagnostics.errors == []
    checked = Diagnostics()
    (heading,) = load_course(root, checked).translations["so"].pages[0].headings
    assert heading.id == "slik-maler-du" and "{#cabbir}" in heading.text.replace("\\", "")  # escaped: text
    assert checked.errors == []


def test_a_translated_answer_is_kept_as_typed(course: Path, tmp_path: Path) -> None:
    exported = export_xliff(load_course(course), "so")
    diagnostics, _ = run_import(course, fill(exported, lambda t: "wadne_garaac *gaabis*" if t == "bradykardi"
                                             else somali(t)), tmp_path)
    assert diagnostics.errors == []
    assert "= wadne_garaac *gaabis*\n" in variant(course)


def test_a_variant_that_would_not_check_is_reported_at_the_unit_that_broke_it(course: Path, tmp_path: Path,
                                                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from learnpack.translate import exchange

    real = exchange.apply_translations

    def second_question_takes_the_first_ones_id(text, *args):  # type: ignore[no-untyped-def]
        return real(text, *args).replace("{#dose}", "{#ord}")

    monkeypatch.setattr(exchange, "apply_translations", second_question_takes_the_first_ones_id)
    exported = fill(export_xliff(load_course(course), "so"))
    diagnostics, written = run_import(course, exported, tmp_path)
    assert written == []
    (error,) = diagnostics.errors
    assert "[i18n.mismatch]" in error.message and "learnpack-import-check" not in error.message
    (stem,) = units_by_source(exported)["Dosen?"]
    assert error.line == stem.find(f"{{{XLIFF}}}target").sourceline


def test_the_cli_reports_stale_units_and_the_pages_that_stay_outdated(course: Path, tmp_path: Path) -> None:
    from click.testing import CliRunner

    from learnpack.cli import main

    exported = export_xliff(load_course(course), "so")
    (course / "01-m" / "01-ring.md").write_text(PAGE.replace("2,5 mg", "5 mg"), encoding="utf-8")
    (tmp_path / "so.xlf").write_bytes(fill(exported))
    result = CliRunner().invoke(main, ["i18n", "import", str(tmp_path / "so.xlf"), "--course", str(course)])
    assert result.exit_code == 0, result.output
    (dose,) = units_by_source(fill(exported))["Gi 2,5 mg morfin."]
    assert f"so.xlf:{dose.find(f'{{{XLIFF}}}target').sourceline}: warning: " in result.output
    assert "[i18n.import_stale]" in result.output
    assert "so: 1 page updated" in result.output
    assert "1 stay outdated" in result.output and "01-ring.so.md" in result.output


def test_a_partial_import_keeps_a_hand_written_variant_the_author_stamped(course: Path, tmp_path: Path) -> None:
    from learnpack.translate.status import stamp

    hand = course / "01-m" / "01-ring.so.md"
    written_by_hand = PAGE.replace("Ring lege", "Wac dhakhtarka").replace("Hvem gjør hva:", "Yaa samaynaya maxay:")
    hand.write_text(written_by_hand, encoding="utf-8")
    stamp(load_course(course), "so")
    one = fill(export_xliff(load_course(course), "so"),
               lambda text: "Sii 2,5 mg morfin." if text == "Gi 2,5 mg morfin." else text, start="target")
    diagnostics, written = run_import(course, one, tmp_path)
    assert diagnostics.errors == [] and pages(written) == [hand]
    text = hand.read_text(encoding="utf-8")
    assert "Wac dhakhtarka" in text and "Yaa samaynaya maxay:" in text and "Sii 2,5 mg morfin." in text
    assert "Gi 2,5 mg morfin." not in text


def test_alt_texts_travel_and_come_back_into_the_image(tmp_path: Path) -> None:
    page = "---\ntitle: Puls\n---\n![Fingrene på håndleddet](puls.svg)\n"
    root = write_course(tmp_path / "c", {"01-m/01-puls.md": page}, COURSE_YML)
    (root / "01-m" / "puls.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>', encoding="utf-8")
    exported = export_xliff(load_course(root), "so")
    (unit,) = units_by_source(exported)["![Fingrene på håndleddet](puls.svg)"]
    assert unit.find(f"{{{XLIFF}}}source").find(f"{{{XLIFF}}}ph").tail == "Fingrene på håndleddet"
    diagnostics, _ = run_import(root, fill_around_placeholders(exported), tmp_path)
    assert diagnostics.errors == []
    text = (root / "01-m" / "01-puls.so.md").read_text(encoding="utf-8")
    assert "![SO«Fingrene på håndleddet»](puls.svg)" in text


def test_a_course_title_translated_from_an_older_source_is_outdated_until_translated_again(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from learnpack.cli import main
    from learnpack.translate.status import settings_status

    root = write_course(tmp_path / "c", {"01-m/01-ring.md": PAGE, "01-m/module.yml": "title: Første modul\n"}, CONFIG)
    run_import(root, fill(export_xliff(load_course(root), "so")), tmp_path)
    states = {(t.file, t.field): t.state for t in settings_status(load_course(root))["so"]}
    assert set(states.values()) == {"translated"} and len(states) == 3
    recorded = (root / "course.yml").read_text(encoding="utf-8")
    assert "translated_from: {so: {title: " in recorded and recorded.startswith("# Kurset om å ringe lege\n")
    untouched = export_xliff(load_course(root), "so")
    assert run_import(root, untouched, tmp_path)[1] == [] and (root / "course.yml").read_text() == recorded

    (root / "course.yml").write_text(recorded.replace("nb: Ring lege", "nb: Ring legen"), encoding="utf-8")
    checked = Diagnostics()
    load_course(root, checked)
    (warning,) = [d for d in checked.warnings if d.code == "i18n.outdated"]
    assert warning.path.name == "course.yml" and warning.line == recorded.split("\n").index(
        next(line for line in recorded.split("\n") if line.startswith("title:"))) + 1
    status = CliRunner().invoke(main, ["i18n", "status", str(root)])
    assert "outdated" in status.output and "course.yml: title" in status.output
    review = export_xliff(load_course(root), "so")
    units = {u.get("resname"): u for u in etree.fromstring(review).iter(f"{{{XLIFF}}}trans-unit")}
    assert units["course-title"].find(f"{{{XLIFF}}}target").get("state") == "needs-review-translation"
    assert units["module-title"].find(f"{{{XLIFF}}}target").get("state") == "translated"

    # Still under review: applied text, no record; confirmed: current again.
    diagnostics, _ = run_import(root, review, tmp_path)
    assert diagnostics.errors == [] and states_of(root)[("course.yml", "title")] == "outdated"
    units["course-title"].find(f"{{{XLIFF}}}target").set("state", "final")
    run_import(root, etree.tostring(units["course-title"].getroottree()), tmp_path)
    assert states_of(root)[("course.yml", "title")] == "translated"
    checked = Diagnostics()
    load_course(root, checked)
    assert "i18n.outdated" not in [d.code for d in checked.warnings]


def states_of(root: Path) -> dict[tuple[str, str], str]:
    from learnpack.translate.status import settings_status

    return {(t.file, t.field): t.state for t in settings_status(load_course(root))["so"]}
