"""Properties of a translation round trip, over arbitrary source edits and arbitrary translations.

Between export and import the author inserts, deletes, moves and changes texts (list items,
paragraphs, headings, question stems and options, repeated texts included); the translator
returns anything at all, in XLIFF or PO. Then:
- no translated text lands on a text whose source differs from the one it was translated from
  (and of a text that repeats, the nth occurrence gets the translation of the nth);
- no import writes a variant that fails to check;
- an untouched round trip changes nothing.

A translation made for the properties 1 and 3 starts with a tag naming the unit it was made
for (letters and digits only, so import's escaping leaves it as it is), followed by arbitrary
text: control characters, line breaks, braces, Markdown and quiz syntax, right-to-left text.

Each property is shown to fail when the fault it guards against is put back
(``test_each_property_finds_its_fault``), and the smallest failing examples it found are kept
as fixtures at the end.

CI runs a few examples (profile "ci"); run many with
``python3 -m pytest tests/translate/test_properties.py --hypothesis-profile=thorough``.
"""

from __future__ import annotations

import copy
import hashlib
import io
import re
from collections import Counter
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.pofile import read_po, write_po
import pytest
from hypothesis import HealthCheck, Phase, assume, event, given, reject, settings
from hypothesis import strategies as st
from lxml import etree

from learnpack.errors import CourseError, Diagnostics
from learnpack.loader import load_course
from learnpack.translate import alignment, exchange, segments
from learnpack.translate.exchange import XLIFF, export_po, export_xliff, import_file, po_pieces
from learnpack.translate.segments import page_segments, unit_ids
from support.courses import write_course

COURSE_YML = "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nlanguages: [nb, so]\n"
PAGE = "01-m/01-p.md"
VARIANT = "01-m/01-p.so.md"
WORDS = st.sampled_from(["puls", "lege", "dose", "2,5 mg", "5 mg", "pasient", "ring", "måler", "(KOLS)", "113",
                         "**viktig**", "`kode`"])
# "113." alone would be an ordered list, not a text: every sentence here is a text wherever it stands.
# Two of them come often, so that texts repeat on the page, and their repeats come and go.
SENTENCE = st.one_of(
    st.sampled_from(["Ring 113.", "Puls."]),
    st.lists(WORDS, min_size=1, max_size=4).map(lambda words: " ".join(words).capitalize() + ".").filter(
        lambda sentence: not re.match(r"^\d+\.$", sentence)))
QUIZ_END = "### Hva heter lav puls? {#ord}\n= bradykardi\n:::\n"

# Any text at all, and more often than chance the characters that could break a page or a file.
NASTY = st.sampled_from([
    "\n", "\r", "\r\n", "\x85", "\u2028", "\u2029", "\x00", "\x07", "\x1b[31m", "\x7f", "\x9b", "\t", " ",  # breaks
    "\ufeff", "\ufffe", "\ud800", "\u202e", "مرحبا", "שלום", "٣", "12", "-3,5", "true",  # Unicode, numbers
    "{", "}", "{#x}", "{#s1}", "{#c1}", "{1}", "{2}", "\\", "*", "**", "_", "`", "[", "](x)", "~~", "|", "<b>",
    "<script>", "&amp;", "\"", "'", "?", ": ", "#",  # inline Markdown, HTML, YAML
    "## ", "### x", "\n## ", "\n\n## x {#s9}", "- ", "\n- ", "- (x) ", "\n- ( ) ", "= 12", "\n= x", "> ",
    "> [!hint] ", "1. ", ":::", "\n:::\n", "::: quiz {#q2}\n### x\n= y\n:::", "---", "\n---\n", "title: x",
])  # line starts: headings, list items, options, answers, quizzes, front matter
# Where a translation begins matters most: Markdown and quiz syntax only count at the start of a line.
LINE_START = st.sampled_from(["", "", "## ", "### x {#c1}", "# ", "- ", "- (x) ", "- [ ] ", "= ", "> ", "1. ", ":::",
                              "---\n", "    ", "|"])
NOISE = st.tuples(LINE_START, st.lists(st.one_of(NASTY, NASTY, st.text(max_size=8)), max_size=4)).map(
    lambda parts: parts[0] + "".join(parts[1]))


# -- the page: texts and headings, then a quiz of single-choice questions ------------------

@dataclass
class Question:
    stem: str
    options: list[list]  # [text, correct]


@dataclass
class Doc:
    blocks: list[tuple[str, str]]  # (item | para | heading, text)
    questions: list[Question]


def render(doc: Doc) -> str:
    chunks: list[str] = []
    headings = 0
    for kind, text in doc.blocks:
        if kind == "item" and chunks and chunks[-1].startswith("- "):
            chunks[-1] += f"\n- {text}"
        elif kind == "item":
            chunks.append(f"- {text}")
        elif kind == "heading":
            headings += 1
            chunks.append(f"## {text} {{#s{headings}}}")
        else:
            chunks.append(text)
    questions = "".join(
        f"### {q.stem} {{#c{n}}}\n" + "".join(f"- ({'x' if right else ' '}) {text}\n" for text, right in q.options)
        + "\n" for n, q in enumerate(doc.questions, start=1))
    body = "\n\n".join(chunks)
    return f"---\ntitle: Side\n---\n{body}\n\n::: quiz {{#q title=\"Sjekk deg selv\"}}\n{questions}{QUIZ_END}"


BLOCK = st.tuples(st.sampled_from(["item", "item", "para", "heading"]), SENTENCE)
QUESTION = st.builds(lambda stem, texts, right: Question(stem, [[t, i == right % len(texts)]
                                                                for i, t in enumerate(texts)]),
                     SENTENCE, st.lists(SENTENCE, min_size=2, max_size=4), st.integers(0, 3))
DOCS = st.builds(Doc, st.lists(BLOCK, min_size=1, max_size=7), st.lists(QUESTION, min_size=1, max_size=2))

AT = st.integers(0, 30)
EDITS = st.lists(
    st.one_of(
        st.tuples(st.just("page"), st.just("insert"), AT, BLOCK),
        st.tuples(st.just("stem"), st.just("insert"), AT, QUESTION),
        st.tuples(st.just("option"), st.just("insert"), AT, SENTENCE),
        st.tuples(st.sampled_from(["page", "stem", "option"]), st.just("delete"), AT, st.none()),
        st.tuples(st.sampled_from(["page", "stem", "option"]), st.just("move"), AT, AT),
        st.tuples(st.sampled_from(["page", "stem", "option"]), st.just("change"), AT, SENTENCE),
        st.tuples(st.just("option"), st.just("mark"), AT, st.none()),  # another option becomes the right one
    ),
    max_size=5,
)


STRUCTURE = {("page", "insert"), ("page", "delete"), ("stem", "insert"), ("stem", "delete"), ("stem", "move"),
             ("option", "insert"), ("option", "delete"), ("option", "mark")}


def edit(doc: Doc, edits: list[tuple[str, str, int, object]], keep_structure: bool = False) -> Doc:
    """``doc`` after the author's ``edits``; it stays a page that checks.

    With ``keep_structure``, only the edits an existing variant can follow: texts change and move,
    but the headings, the questions and their right options stay as they are.
    """
    doc = copy.deepcopy(doc)
    for region, action, at, value in edits:
        if keep_structure and (region, action) in STRUCTURE:
            if region != "page" or (action == "insert" and value[0] == "heading"):  # type: ignore[index]
                continue
            if action == "delete" and doc.blocks and doc.blocks[at % len(doc.blocks)][0] == "heading":
                continue
        if keep_structure and (region, action) == ("option", "move"):
            _move_text(doc.questions, at, int(value))  # type: ignore[call-overload]
            continue
        if region == "page":
            _edit_list(doc.blocks, action, at, value, lambda block, text: (block[0], text), keep=0)
        elif region == "stem":
            def restem(q: Question, text: str) -> Question:
                return Question(text, q.options)
            _edit_list(doc.questions, action, at, copy.deepcopy(value), restem, keep=1)
        else:
            _edit_options(doc.questions, action, at, value)
        for question in doc.questions:  # exactly one right option
            first = next((i for i, (_, right) in enumerate(question.options) if right), 0)
            for i, option in enumerate(question.options):
                option[1] = i == first
    return doc


def _edit_list(items: list, action: str, at: int, value: object, changed: Callable, keep: int) -> None:  # type: ignore[type-arg]
    if action == "insert":
        items.insert(at % (len(items) + 1), value)
    elif action == "delete" and len(items) > keep:
        items.pop(at % len(items))
    elif action == "move" and items:
        items.insert(int(value) % len(items), items.pop(at % len(items)))  # type: ignore[call-overload]
    elif action == "change" and items:
        items[at % len(items)] = changed(items[at % len(items)], value)


def _move_text(questions: list[Question], at: int, to: int) -> None:
    """Move an option's text to another place in its question; which place is right stays."""
    slots = [(q, o) for q, question in enumerate(questions) for o in range(len(question.options))]
    q, o = slots[at % len(slots)]
    texts = [text for text, _ in questions[q].options]
    texts.insert(to % len(texts), texts.pop(o))
    for option, text in zip(questions[q].options, texts, strict=True):
        option[0] = text


def _edit_options(questions: list[Question], action: str, at: int, value: object) -> None:
    slots = [(q, o) for q, question in enumerate(questions) for o in range(len(question.options))]
    q, o = slots[at % len(slots)]
    options = questions[q].options
    if action == "insert" and len(options) < 6:
        options.insert(at % (len(options) + 1), [str(value), False])
    elif action == "delete" and len(options) > 2:
        options.pop(o)
    elif action == "move":  # to any place in any question, as long as each keeps two options
        to_q, to_o = slots[int(value) % len(slots)]  # type: ignore[call-overload]
        if to_q == q or (len(options) > 2 and len(questions[to_q].options) < 6):
            moved = options.pop(o)
            target = questions[to_q].options
            target.insert(to_o % (len(target) + 1), moved)
    elif action == "change":
        options[o][0] = str(value)
    elif action == "mark":
        for i, option in enumerate(options):
            option[1] = i == o


# -- the translator: a tag for the unit, then anything ---------------------------------------

TAG = re.compile(r"T[0-9a-f]{10}")


def tag(page: str, unit: str) -> str:
    """What a translation of ``unit`` on ``page`` starts with: letters and digits, so no escaping changes it."""
    return "T" + hashlib.sha256(f"{page}\x1f{unit}".encode()).hexdigest()[:10]


def without_tags(noise: list[str]) -> bool:
    """No tag in the noise, not even once import has dropped characters from it."""
    return not any(TAG.search("".join(c for c in text if c.isalnum())) for text in noise)


SURROGATE = re.compile("[\ud800-\udfff]")
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """What an XLIFF file can carry of ``text``: XML 1.0 has no way to write the rest."""
    return XML_UNSAFE.sub("", text)


Translate = Callable[[str, str, int], str]  # (page or yaml file, unit id, index of the unit) -> the target text


def filled(data: bytes, fmt: str, translate: Translate, keep_codes: bool = True) -> bytes:
    """The exported ``data`` with every target translated (placeholders kept, after the text, if ``keep_codes``)."""
    if fmt == "po":
        catalog = read_po(io.BytesIO(data))
        for index, message in enumerate(m for m in catalog if m.id and m.context):
            page, _, unit = str(message.context).rpartition(":")
            codes = "".join(f"{{{piece}}}" for piece in po_pieces(str(message.id)) if isinstance(piece, int))
            text = SURROGATE.sub("", translate(page, unit, index))  # UTF-8 cannot carry a lone surrogate
            message.string = text + (codes if keep_codes else "")
        buffer = io.BytesIO()
        write_po(buffer, catalog)
        return buffer.getvalue()
    root = etree.fromstring(data)
    for index, unit in enumerate(root.iter(f"{{{XLIFF}}}trans-unit")):
        page = unit.getparent().getparent().get("original")
        source, target = unit.find(f"{{{XLIFF}}}source"), unit.find(f"{{{XLIFF}}}target")
        tail = target.tail
        target.clear()
        target.text, target.tail = xml_safe(translate(page, unit.get("id"), index)), tail
        if keep_codes:
            for code in source.iter(f"{{{XLIFF}}}ph"):
                target.append(etree.fromstring(etree.tostring(code, with_tail=False)))
        target.set("state", "translated")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def tagged(noise: list[str], literal_braces: bool = True) -> Translate:
    """The tag of the unit, then one of ``noise``.

    ``literal_braces=False`` where a PO file carries the text: there ``{1}`` *is* a placeholder
    (a literal one is written ``{{1}}``), and one the source does not have is refused.
    """
    def translate(page: str, unit: str, index: int) -> str:
        text = noise[index % len(noise)]
        if not literal_braces:
            text = re.sub(r"\{(\d+)\}", r"{ \1 }", text)
        return tag(page, unit) + text
    return translate


def exported(root: Path, fmt: str) -> bytes:
    course = load_course(root)
    return export_po(course, "so") if fmt == "po" else export_xliff(course, "so")


def import_into(root: Path, data: bytes, fmt: str) -> tuple[Diagnostics, list[Path]]:
    exchange = root.parent / f"so.{'po' if fmt == 'po' else 'xlf'}"
    exchange.write_bytes(data)
    diagnostics = Diagnostics()
    _, written = import_file(load_course(root), exchange, diagnostics)
    return diagnostics, written


def files(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file()}


def errors(diagnostics: Diagnostics) -> list[str]:
    return [d.format() for d in diagnostics.errors]


def assert_checks(root: Path) -> None:
    checked = Diagnostics()
    try:
        load_course(root, checked)
    except CourseError:
        pass
    assert checked.errors == [], errors(checked)


def course_with(doc: Doc) -> tuple[Path, Path]:
    folder = Path(tempfile.mkdtemp())
    root = write_course(folder / "c", {PAGE: render(doc)}, COURSE_YML)
    assert_checks(root)  # the generated page is a valid page: no example is thrown away
    return folder, root


FORMATS = st.sampled_from(["xliff", "po"])
NOISES = st.lists(NOISE, min_size=1, max_size=6)


# -- the properties ------------------------------------------------------------------------

LANDS = {"doc": DOCS, "edits": EDITS, "noise": NOISES, "fmt": FORMATS}
CHECKS = {"doc": DOCS, "edits": EDITS, "noise": NOISES, "fmt": FORMATS, "keep_codes": st.booleans()}
UNTOUCHED = {"doc": DOCS, "edits": EDITS, "later": EDITS, "noise": NOISES, "first": FORMATS, "again": FORMATS}


@given(**LANDS)
def test_no_translation_lands_on_another_text(doc: Doc, edits: list[tuple[str, str, int, object]], noise: list[str],
                                              fmt: str) -> None:
    assume(without_tags(noise))
    folder, root = course_with(doc)
    try:
        # What each tag was made for: the unit id, kind and source text of a segment at export.
        before = page_segments((root / PAGE).read_text(encoding="utf-8"))
        made_for = {tag(PAGE, unit): (unit, s.kind, s.source)
                    for unit, s in zip(unit_ids([s.key for s in before]), before, strict=True)}
        data = filled(exported(root, fmt), fmt, tagged(noise, literal_braces=fmt != "po"))
        (root / PAGE).write_text(render(edit(doc, edits)), encoding="utf-8")
        assert_checks(root)
        diagnostics, written = import_into(root, data, fmt)
        assert diagnostics.errors == [], errors(diagnostics)
        assert root / VARIANT in written  # the page title is never edited: its translation always applies
        source = page_segments((root / PAGE).read_text(encoding="utf-8"))
        variant = (root / VARIANT).read_text(encoding="utf-8")
        ours = page_segments(variant)
        assert [s.kind for s in ours] == [s.kind for s in source]
        units = unit_ids([s.key for s in source])
        for theirs, unit, mine in zip(source, units, ours, strict=True):
            found = TAG.match(mine.source)
            if found is None:  # untranslated: the source text, and only where no translation was made for it
                assert mine.source == theirs.source, (theirs.source, mine.source)
                assert tag(PAGE, unit) not in made_for, f"the translation of {unit} ({theirs.source!r}) was lost"
                continue
            assert found.group() in made_for, f"{found.group()} on {theirs.source!r} was never exported"
            was_unit, was_kind, was_source = made_for[found.group()]
            assert (was_kind, was_source) == (theirs.kind, theirs.source), \
                f"the translation of {was_kind} {was_source!r} landed on {theirs.kind} {theirs.source!r}"
            assert was_unit == unit, f"the translation of occurrence {was_unit} landed on occurrence {unit}"
        event(f"repeated texts: {'yes' if any('.' in u for u in units) else 'no'}")
        event(f"segments left untranslated: {'yes' if len(ours) > len(TAG.findall(variant)) else 'no'}")
        was = Counter((kind, text) for _, kind, text in made_for.values())
        now = Counter((s.kind, s.source) for s in source)
        shifted = any(was[t] != now[t] and was[t] and now[t] and max(was[t], now[t]) > 1 for t in now)
        event(f"a text repeats more or less often than at export: {'yes' if shifted else 'no'}")
        tags = TAG.findall(variant)
        assert len(tags) == len(set(tags)) == sum(TAG.match(s.source) is not None for s in ours), \
            "a translation appears somewhere else than at the start of its own segment"
        assert_checks(root)
    finally:
        shutil.rmtree(folder)


@given(**CHECKS)
def test_no_import_writes_a_variant_that_fails_to_check(doc: Doc, edits: list[tuple[str, str, int, object]],
                                                         noise: list[str], fmt: str, keep_codes: bool) -> None:
    folder, root = course_with(doc)
    try:
        data = filled(exported(root, fmt), fmt, lambda _page, _unit, index: noise[index % len(noise)], keep_codes)
        (root / PAGE).write_text(render(edit(doc, edits)), encoding="utf-8")
        before = files(root)
        diagnostics, written = import_into(root, data, fmt)
        event("refused: " + " ".join(sorted({d.code for d in diagnostics.errors})) if diagnostics.errors else "imported")
        if diagnostics.errors:  # refused: then nothing at all was written
            assert written == [] and files(root) == before
            return
        assert_checks(root)
    finally:
        shutil.rmtree(folder)


@given(**UNTOUCHED)
def test_an_untouched_round_trip_changes_nothing(doc: Doc, edits: list[tuple[str, str, int, object]],
                                                 later: list[tuple[str, str, int, object]], noise: list[str],
                                                 first: str, again: str) -> None:
    folder, root = course_with(doc)
    try:
        # Arbitrary translations come back while the author edits (some units stale, some texts new)...
        data = filled(exported(root, first), first, tagged(noise, literal_braces=first != "po"))
        edited = edit(doc, edits)
        (root / PAGE).write_text(render(edited), encoding="utf-8")
        diagnostics, written = import_into(root, data, first)
        assert diagnostics.errors == [] and root / VARIANT in written, errors(diagnostics)
        # ... the author edits texts again, as the variant can follow ...
        (root / PAGE).write_text(render(edit(edited, later, keep_structure=True)), encoding="utf-8")
        assert_checks(root)
        # ... and a file exported now comes back untouched: nothing changes.
        before = files(root)
        diagnostics, written = import_into(root, exported(root, again), again)
        assert diagnostics.errors == [], errors(diagnostics)
        assert written == []
        assert files(root) == before
    finally:
        shutil.rmtree(folder)


def joined(pieces: list[str | int]) -> list[str | int]:
    """``pieces`` with neighbouring texts joined and empty ones dropped."""
    out: list[str | int] = []
    for piece in pieces:
        if isinstance(piece, str) and out and isinstance(out[-1], str):
            out[-1] += piece
        elif piece != "":
            out.append(piece)
    return out


@given(st.lists(st.one_of(st.text(alphabet="{}1 a", max_size=6), st.integers(1, 12)), max_size=6).map(joined))
def test_po_strings_read_back_as_written(pieces: list[str | int]) -> None:
    """A literal brace or ``{1}`` in a text never reads as a placeholder, nor a placeholder as text."""
    assert po_pieces(exchange._po_text(tuple(pieces))) == pieces


# -- each property can fail: it finds the faults issue 8 reported, put back ---------------------

def positional_ids(keys: list[str]) -> list[str]:
    """Segments matched by their place on the page, as import once did."""
    return [f"{n:08x}" for n in range(len(keys))]


MUTANTS = {  # the fault, the property, its strategies, what its failure says, and how to put the fault back
    "segments matched by place, not by source text": (
        test_no_translation_lands_on_another_text, LANDS, "landed on",
        [(exchange, "unit_ids", positional_ids), (alignment, "unit_ids", positional_ids),
         (sys.modules[__name__], "unit_ids", positional_ids)]),
    "an import that writes what it did not check": (
        test_no_import_writes_a_variant_that_fails_to_check, CHECKS, "01-p.so.md:",
        [(exchange, "_check_with", lambda *args: None), (exchange, "is_text_answer", lambda answer: True),
         (segments, "escape_text", lambda text: text)]),
    "an export that does not pre-fill, read back as translated": (
        test_an_untouched_round_trip_changes_nothing, UNTOUCHED, "01-p.so.md')] == []",
        [(exchange, "prefilled", lambda *args: None), (exchange, "UNTRANSLATED_STATES", set())]),
}


@pytest.mark.parametrize("mutant", MUTANTS)
def test_each_property_finds_its_fault(mutant: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the fault put back, the property fails, and for the reason it exists (others are skipped)."""
    prop, strategies, says, patches = MUTANTS[mutant]
    for module, name, value in patches:
        monkeypatch.setattr(module, name, value)
    inner = prop.hypothesis.inner_test  # type: ignore[attr-defined]

    def only_its_own_failure(**example: object) -> None:
        try:
            inner(**example)
        except AssertionError as failure:
            if says not in str(failure):
                reject()
            raise

    search = settings(max_examples=300, database=None, phases=[Phase.generate], report_multiple_bugs=False,
                      deadline=None, suppress_health_check=list(HealthCheck))
    with pytest.raises(AssertionError, match=re.escape(says)):
        search(given(**strategies)(only_its_own_failure))()


# -- the smallest failing examples the properties found, kept as fixtures ----------------------

SMALL = Doc([("item", "Puls.")], [Question("Puls.", [["Puls.", True], ["Puls.", False]])])
TITLE_UNIT, ITEM_UNIT = (s.key for s in page_segments(render(SMALL))[:2])  # "Side", and the list item "Puls."


def only(where: str, text: str) -> Translate:
    """``text`` for the unit ``where`` (a unit id, or a YAML file for its title); the rest untranslated."""
    return lambda page, unit, _: text if where in (page, unit) else ""


def test_a_course_title_ending_in_a_question_mark_reads_back(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, _ = import_into(root, filled(exported(root, "xliff"), "xliff", only("course.yml", "Hvorfor?")), "xliff")
    assert diagnostics.errors == [], errors(diagnostics)
    assert "Hvorfor?" in (root / "course.yml").read_text(encoding="utf-8")


def test_a_literal_brace_number_in_a_page_text_survives_po(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, _ = import_into(root, filled(exported(root, "xliff"), "xliff", only(TITLE_UNIT, "Bogga {1}")), "xliff")
    assert diagnostics.errors == [], errors(diagnostics)
    before = files(root)
    diagnostics, written = import_into(root, exported(root, "po"), "po")
    assert diagnostics.errors == [], errors(diagnostics)
    assert written == [] and files(root) == before


def test_a_literal_brace_number_in_a_course_title_survives_po(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, _ = import_into(root, filled(exported(root, "xliff"), "xliff", only("course.yml", "Bogga {2}")),
                                 "xliff")
    assert diagnostics.errors == [], errors(diagnostics)
    before = files(root)
    diagnostics, written = import_into(root, exported(root, "po"), "po")
    assert diagnostics.errors == [], errors(diagnostics)
    assert written == [] and files(root) == before
    assert b'msgstr "Bogga {{2}}"' in exported(root, "po")


def test_a_placeholder_in_a_course_title_is_refused(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, written = import_into(root, filled(exported(root, "po"), "po", only("course.yml", "Bogga {2}")), "po")
    assert [d.code for d in diagnostics.errors] == ["i18n.placeholders"] and written == []


def test_a_noncharacter_in_a_page_title_is_dropped(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, written = import_into(root, filled(exported(root, "po"), "po", only(TITLE_UNIT, "Bogga\ufffe")), "po")
    assert diagnostics.errors == [], errors(diagnostics)
    assert root / VARIANT in written
    assert 'title: "Bogga"' in (root / VARIANT).read_text(encoding="utf-8")
    assert_checks(root)


def test_a_noncharacter_in_a_page_text_is_dropped(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {PAGE: render(SMALL)}, COURSE_YML)
    diagnostics, written = import_into(root, filled(exported(root, "po"), "po", only(ITEM_UNIT, "Bogga\ufffe")), "po")
    assert diagnostics.errors == [] and root / VARIANT in written, errors(diagnostics)
    assert "- Bogga\n" in (root / VARIANT).read_text(encoding="utf-8")
    assert b"Bogga</target>" in exported(root, "xliff")
