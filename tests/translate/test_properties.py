"""Properties of a translation round trip, over arbitrary source edits and arbitrary translations.

Between export and import the author inserts, deletes, moves and changes texts; the
translator returns anything at all. Then:
- no translated text lands on a text whose source differs from the one it was translated from;
- no import writes a variant that fails to check;
- an untouched round trip changes nothing.

CI runs a few examples (profile "ci"); run many with
``python3 -m pytest tests/translate/test_properties.py --hypothesis-profile=thorough``.
"""

from __future__ import annotations

import hashlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from learnpack.errors import CourseError, Diagnostics
from learnpack.loader import load_course
from learnpack.translate.exchange import XLIFF, export_xliff, import_file
from learnpack.translate.segments import page_segments
from support.courses import write_course

COURSE_YML = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, so]\n"
WORDS = st.sampled_from(["puls", "lege", "dose", "2,5 mg", "5 mg", "pasient", "ring", "måler", "(KOLS)", "113"])
SENTENCE = st.lists(WORDS, min_size=1, max_size=5).map(lambda words: " ".join(words).capitalize() + ".")
QUIZ = "::: quiz {#q}\n### Hva heter lav puls? {#ord}\n= bradykardi\n:::\n"


def page(items: list[str]) -> str:
    listed = "".join(f"- {item}\n" for item in items)
    return f"---\ntitle: Side\n---\n{listed}\n{QUIZ}"


def tag(text: str) -> str:
    """The stand-in translation of ``text``: it says which source text it was made from."""
    return "T" + hashlib.sha256(text.encode()).hexdigest()[:8]


EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("insert"), st.integers(0, 20), SENTENCE),
        st.tuples(st.just("delete"), st.integers(0, 20), st.none()),
        st.tuples(st.just("move"), st.integers(0, 20), st.integers(0, 20)),
        st.tuples(st.just("change"), st.integers(0, 20), SENTENCE),
    ),
    max_size=4,
)


def edit(items: list[str], edits: list[tuple[str, int, object]]) -> list[str]:
    items = list(items)
    for action, at, value in edits:
        if action == "insert":
            items.insert(at % (len(items) + 1), str(value))
        elif items and action == "delete" and len(items) > 1:
            items.pop(at % len(items))
        elif items and action == "move":
            items.insert(int(value) % len(items), items.pop(at % len(items)))  # type: ignore[call-overload]
        elif items and action == "change":
            items[at % len(items)] = str(value)
    return items


def filled(data: bytes, translate) -> bytes:  # type: ignore[no-untyped-def]
    root = etree.fromstring(data)
    for unit in root.iter(f"{{{XLIFF}}}trans-unit"):
        source, target = unit.find(f"{{{XLIFF}}}source"), unit.find(f"{{{XLIFF}}}target")
        text = translate("".join(source.itertext()))
        tail = target.tail
        target.clear()
        target.text, target.tail = text, tail
        target.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def import_into(root: Path, data: bytes) -> tuple[Diagnostics, list[Path]]:
    exchange = root.parent / "so.xlf"
    exchange.write_bytes(data)
    diagnostics = Diagnostics()
    try:
        _, written = import_file(load_course(root), exchange, diagnostics)
    except CourseError:  # the source itself no longer checks: not the import's doing
        return Diagnostics(), []
    return diagnostics, written


@given(items=st.lists(SENTENCE, min_size=1, max_size=6, unique=True), edits=EDITS)
def test_no_translation_lands_on_another_text(items: list[str], edits: list[tuple[str, int, object]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        root = write_course(folder / "c", {"01-m/01-p.md": page(items)}, COURSE_YML)
        exported = export_xliff(load_course(root), "so")
        (root / "01-m" / "01-p.md").write_text(page(edit(items, edits)), encoding="utf-8")
        diagnostics, _ = import_into(root, filled(exported, tag))
        assert diagnostics.errors == [], [d.format() for d in diagnostics.errors]
        variant = root / "01-m" / "01-p.so.md"
        if not variant.exists():
            return
        source = page_segments((root / "01-m" / "01-p.md").read_text(encoding="utf-8"))
        ours = page_segments(variant.read_text(encoding="utf-8"))
        assert [s.kind for s in ours] == [s.kind for s in source]
        for theirs, mine in zip(source, ours, strict=True):
            assert mine.source in (theirs.source, tag(theirs.source)), (theirs.source, mine.source)
        checked = Diagnostics()
        load_course(root, checked)
        assert checked.errors == []
    finally:
        shutil.rmtree(folder)


@given(items=st.lists(SENTENCE, min_size=1, max_size=4, unique=True), edits=EDITS,
       noise=st.lists(st.text(max_size=30), min_size=1, max_size=8))
def test_no_import_writes_a_variant_that_fails_to_check(items: list[str], edits: list[tuple[str, int, object]],
                                                         noise: list[str]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        root = write_course(folder / "c", {"01-m/01-p.md": page(items)}, COURSE_YML)
        exported = export_xliff(load_course(root), "so")
        (root / "01-m" / "01-p.md").write_text(page(edit(items, edits)), encoding="utf-8")
        answers = iter(noise * 10)
        try:
            data = filled(exported, lambda _: next(answers))
        except ValueError:
            return  # text XML cannot hold (control characters): no XLIFF file can carry it either
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        diagnostics, written = import_into(root, data)
        if diagnostics.errors:
            assert written == [] and {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
            return
        checked = Diagnostics()
        load_course(root, checked)
        assert checked.errors == [], [d.format() for d in checked.errors]
    finally:
        shutil.rmtree(folder)


@given(items=st.lists(SENTENCE, min_size=1, max_size=6, unique=True), edits=EDITS)
def test_an_untouched_round_trip_changes_nothing(items: list[str], edits: list[tuple[str, int, object]]) -> None:
    folder = Path(tempfile.mkdtemp())
    try:
        root = write_course(folder / "c", {"01-m/01-p.md": page(items)}, COURSE_YML)
        import_into(root, filled(export_xliff(load_course(root), "so"), tag))
        (root / "01-m" / "01-p.md").write_text(page(edit(items, edits)), encoding="utf-8")
        before = {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}
        diagnostics, written = import_into(root, export_xliff(load_course(root), "so"))
        assert diagnostics.errors == [] and written == []
        assert {p: p.read_bytes() for p in root.rglob("*") if p.is_file()} == before
    finally:
        shutil.rmtree(folder)
