"""Vectors for the JavaScript unit tests (``npm test``), written fresh from Python on every run.

The node tests in this folder run ``python3 tests/js/vectors.py <name>`` and read one JSON
object from its output, so what they check comes from the Python side of the contract and is
never a stale committed file:

``suspend``  a course with every question kind (its exact ``course.js``), states to round-trip,
             the worst-case state with ``suspend.worst_case_length``, and the course after an
             edit that changed one quiz's questions and removed another quiz.
``numbers``  typed numbers and the ASCII the runtime must make of them, in every digit script
             of ``digits.digit_zeros()``.
``scorm``    a course with every question kind, its answer keys (``targets._render.answer_key``, what
             the pages hand the runtime) and answers to journal.
``check``    reads ``[{"version": "12" | "2004", "pairs": [[element, value], ...]}, ...]`` and
             writes the problems ``scorm_datamodel.Checker`` finds (one checker per session).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from decimal import Decimal
from pathlib import Path
from typing import Any

TESTS = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(TESTS))

from learnpack import runtime  # noqa: E402
from learnpack.config import ANSWER_LENGTHS  # noqa: E402
from learnpack.digits import digit_zeros  # noqa: E402
from learnpack.i18n.catalog import catalog_languages  # noqa: E402
from learnpack.i18n.languages import ALIASES  # noqa: E402
from learnpack.loader import load_course  # noqa: E402
from learnpack.model import NUMBER_MAX, Course, Kind, Question, Quiz  # noqa: E402
from learnpack.kinds import CHOICE_IDS  # noqa: E402
from learnpack.kinds.numeric import parse_number  # noqa: E402
from learnpack.targets._render import answer_key  # noqa: E402
from learnpack.scorm.suspend import ALPHABET, SHORT_TEXT, AnswerLimits, StateKeys, worst_case_length  # noqa: E402
from learnpack.scorm.versions import VERSIONS, runtime_script  # noqa: E402
from learnpack.targets._outline import course_script  # noqa: E402
from support.answers import RIGHT, WRONG  # noqa: E402
from support.courses import ROOTS, write_course  # noqa: E402
from support.datamodel import Checker  # noqa: E402

Json = dict[str, Any]

OPTIONS = "\n".join(f"- [{'x' if i % 3 == 0 else ' '}] valg {i}" for i in range(len(CHOICE_IDS)))

ALL_KINDS = """# Alle slags spørsmål

::: quiz {#alt attempts=2}
### Velg en {#en}
- ( ) a
- (x) b
- ( ) c

### Velg flere av mange {#flere}
""" + OPTIONS + """

### Sant? {#sant}
= true

### Ord {#ord}
= puls
= hjerteslag

### Tall {#tall}
= 60..100
= 37 ± 0.5
= -3

### Et lite tall {#lite}
= 0.0000001

### Rekkefølge {#rekke}
1. a
2. b
3. c
4. d

### Koble {#koble}
- a -> 1
- b -> 2
- -> 3

### """ + "Et langt spørsmål " * 20 + """{#lang}
= svar

### Tenk {#tenk type=reflection}
:::
"""

DRAWN = """# Trekk

::: quiz {#trekk draw=2 pass=50}
### En {#t1}
- (x) a
- ( ) b

### To {#t2}
= true

### Tre {#t3}
= 12..20

### Fire {#t4}
1. x
2. y

### Tenk selv {#t5 type=reflection}
:::
"""

EXTRA = """# Ekstra

::: quiz {#ekstra}
### Bare ett {#e1}
= false

### Ett til {#e2}
= true
:::
"""

PAGES = {
    "01-m/01-intro.md": "# Intro\n\nTekst.\n",
    "01-m/02-alt.md": ALL_KINDS,
    "02-n/01-trekk.md": DRAWN,
    "02-n/02-ekstra.md": EXTRA,
}
# The same course after an edit: one more option in quiz "trekk" (another fingerprint), quiz "ekstra" gone.
CHANGED = {**PAGES, "02-n/01-trekk.md": DRAWN.replace("- ( ) b\n", "- ( ) b\n- ( ) c\n"),
           "02-n/02-ekstra.md": "# Ekstra\n\nIngen quiz lenger.\n"}


def load(pages: dict[str, str], course_yml: str | None = None) -> Course:
    with tempfile.TemporaryDirectory() as folder:
        return load_course(write_course(Path(folder) / "kurs", pages, course_yml))


def script(course: Course) -> str:
    """``assets/course.<lang>.js`` exactly as the build writes it."""
    hrefs = {page.id: f"{page.id}.html" for page in course.pages}
    return course_script(course, hrefs, list(course.config.languages))


def utf16_length(text: str) -> int:
    """What the runtime counts (a browser's maxlength and ``String.length``): UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def fill(pattern: str, length: int) -> str:
    """``pattern`` repeated to exactly ``length`` UTF-16 code units (a character that would not fit is left out)."""
    text = ""
    while utf16_length(text) < length:
        text += next(c for c in pattern * 2 if utf16_length(text + c) <= length)
    return text


# ---- suspend_data --------------------------------------------------------------------------

def longest_answer(question: Question, limits: AnswerLimits, stretch: int) -> Any:
    """The answer whose code is longest; texts ``stretch`` times the limit (the runtime cuts them)."""
    ids = [c.id for c in question.choices or question.order]
    if question.kind is Kind.SINGLE:
        return ids[-1]
    if question.kind is Kind.TRUE_FALSE:
        return "false"
    if question.kind is Kind.MULTIPLE:
        return sorted(ids)
    if question.kind is Kind.ORDERING:
        return {choice: str(len(ids) - i) for i, choice in enumerate(ids)}
    if question.kind is Kind.MATCHING:
        rows = [i for i, pair in enumerate(question.pairs) if pair.left is not None]
        return {f"l{i}": f"r{len(question.pairs) - 1 - i}" for i in rows}
    return fill("ا|\"~{", limits.of(question.kind) * stretch)


def quiz_state(quiz: Quiz, answers: dict[str, Any], *, checked: bool, used: int, best: int,
               done: int | None = None) -> Json:
    """A quiz's state; a practice quiz (check=question) has checked ``done`` questions of its own
    (all of them once the quiz is checked)."""
    scored = [q.id for q in quiz.questions if q.kind.scored]
    drawn = sorted(scored[: quiz.draw]) if quiz.draw else None
    shown = [q for q in scored if drawn is None or q in drawn]
    parts = shown if checked else shown[:done or 0]
    results = {q: i % 2 == 0 for i, q in enumerate(parts)} if checked or quiz.per_question else {}
    state: Json = {"attempt": 1, "used": used, "drawn": drawn, "answers": answers, "checked": checked,
                   "results": results, "best": best}
    if quiz.per_question and parts:
        state["done"] = {q: 1 for q in parts}
    if checked:
        state["score"] = int(100 * sum(results.values()) / len(shown) + 0.5) if shown else 100  # Math.round
        state["passed"] = max(state["score"], best) >= quiz.pass_mark  # a pass once had is kept
    return state


def suspend_vectors() -> Json:
    course = load(PAGES)
    changed = load(CHANGED)
    limits = AnswerLimits.for_course(course)
    keys, new_keys = StateKeys.for_course(course), StateKeys.for_course(changed)
    removed = [q for q in keys.quizzes if q not in new_keys.quizzes]
    edited = [q for q in keys.quizzes if q in new_keys.quizzes and keys.fingerprints[q] != new_keys.fingerprints[q]]
    assert removed == ["ekstra"] and edited == ["trekk"]
    assert all(keys.quizzes[q] == new_keys.quizzes[q] for q in new_keys.quizzes)  # keys survive the edit
    page_ids = [p.id for p in course.pages]
    quizzes = {q.id: q for q in course.quizzes}

    def every_answer(quiz: Quiz, stretch: int = 1) -> dict[str, Any]:
        return {q.id: longest_answer(q, limits, stretch) for q in quiz.questions}

    def state(pages: list[str], last: str | None, quiz_states: dict[str, Json]) -> Json:
        out: Json = {"v": 1, "visited": {p: 1 for p in pages}, "quizzes": quiz_states}
        if last:
            out["last"] = last
        return out

    alt, trekk, ekstra = quizzes["alt"], quizzes["trekk"], quizzes["ekstra"]
    some = {"en": "a", "flere": ["b", "c"], "ord": "Puls 😀 ٣٧", "tall": "٣٧٫٢", "koble": {"l1": "r2"},
            "rekke": {"a": "2"}, "tenk": fill("ب ", 40)}
    worst = {qid: quiz_state(q, every_answer(q), checked=True, used=63, best=100) for qid, q in quizzes.items()}
    boundary = [  # a stored text's length takes one character below SHORT_TEXT, three from it on
        {"name": f"a text of {n} characters", "next": 2, "state": state(page_ids[:1], page_ids[0], {
            "alt": quiz_state(alt, {"tenk": fill("x", n)}, checked=False, used=0, best=0)})}
        for n in (1, SHORT_TEXT - 1, SHORT_TEXT, SHORT_TEXT + 1, limits.reflection)]
    states: list[Json] = [
        {"name": "empty", "next": 0, "state": state([], None, {})},
        {"name": "pages only", "next": 1, "state": state(page_ids[1:3], page_ids[2], {})},
        {"name": "answers, not checked", "next": 7, "state": state(page_ids[:2], page_ids[1], {
            "alt": quiz_state(alt, some, checked=False, used=0, best=0)})},
        {"name": "answers, no page shown", "next": 0, "state": state([], None, {
            "alt": quiz_state(alt, some, checked=False, used=0, best=0)})},
        {"name": "drawn, not checked", "next": 3, "state": state(page_ids[2:3], page_ids[2], {
            "trekk": quiz_state(trekk, {"t1": "a"}, checked=False, used=0, best=0)})},
        *boundary,
        {"name": "checked and drawn", "next": 4095, "state": state(page_ids, page_ids[-1], {
            "alt": quiz_state(alt, every_answer(alt), checked=True, used=2, best=67),
            "trekk": quiz_state(trekk, every_answer(trekk), checked=True, used=1, best=50),
            "ekstra": quiz_state(ekstra, {"e1": "true"}, checked=True, used=5, best=100)})},
        {"name": "practice, one question of two checked", "next": 5, "state": state(page_ids, page_ids[3], {
            "ekstra": quiz_state(ekstra, {"e1": "true", "e2": "true"}, checked=False, used=0, best=0, done=1)})},
        {"name": "more attempts than the format counts", "next": 9, "state": state(page_ids, page_ids[1], {
            "ekstra": quiz_state(ekstra, {"e1": "false"}, checked=True, used=500, best=0)})},
        {"name": "worst case", "next": 4095, "state": state(page_ids, page_ids[0], worst)},
    ]
    for vector in states:  # what decode gives back: the same state, with the attempts it can count
        expected = json.loads(json.dumps({**vector["state"], "next": vector["next"]}))
        for qs in expected["quizzes"].values():
            qs["used"] = min(qs["used"], len(ALPHABET) - 1)  # one character of the record
        vector["decoded"] = expected
    over_long = {qid: quiz_state(q, every_answer(q, 3), checked=True, used=63, best=100) for qid, q in quizzes.items()}
    return {
        "script": script(course),
        "changed_script": script(changed),
        "changed": {"changed_quizzes": edited, "removed_quizzes": removed},
        "states": states,
        "worst_case_length": worst_case_length(course),
        "worst": [states[-1]["state"], state(page_ids, page_ids[-1], over_long)],
    }


# ---- numbers -------------------------------------------------------------------------------

def in_script(ascii_text: str, zero: int) -> str:
    return "".join(chr(zero + int(c)) if c.isdigit() else c for c in ascii_text)


def ascii_digits(text: str) -> str:
    return "".join(str(unicodedata.decimal(c)) if unicodedata.decimal(c, None) is not None else c for c in text)


def numbers_vectors() -> Json:
    zeros = digit_zeros()
    cases: list[Json] = []
    for zero in zeros:
        for typed in ("0123456789", "37,2", "37\u066b2", "\u22123", "1 000,5", ",5"):
            text = in_script(typed, zero)
            expected = ascii_digits(text).replace(" ", "").replace("\u2212", "-").replace(",", ".").replace(
                "\u066b", ".")
            # What the author's answer key reads from the same text (kinds.numeric.parse_number) agrees.
            assert float(expected) == parse_number(text.replace(" ", "")), text
            cases.append({"input": text, "ascii": expected})
    not_decimal = [chr(c) for c in range(0x10000) if unicodedata.numeric(chr(c), None) is not None
                   and unicodedata.decimal(chr(c), None) is None][:40:4]  # ², ½, Ⅻ, ①, ...
    cases += [{"input": f"1{c}", "ascii": None} for c in not_decimal]
    cases += [{"input": text, "ascii": expected} for text, expected in [
        ("37.2", "37.2"), ("+5", "+5"), ("-0", "-0"), (".5", ".5"), ("5.", "5."), ("0042", "0042"),
        ("\u200f٣٧\u200e", "37"), ("١٬٠٠٠", "1000"), ("1\u00a0000", "1000"), ("1\u202f000", "1000"),
        (" 36,5 ", "36.5"), ("\u2066-3\u2069", "-3"),
        ("ca 37", None), ("", None), (None, None), ("1,2,3", None), ("1.2.3", None), ("1e5", None),
        ("--3", None), ("3-", None), ("−−3", None), ("Infinity", None), ("NaN", None), ("0x10", None),
        (",", None), (".", None), ("-", None), ("١٢a", None),
    ]]
    return {"script": script(load({"01-m/01-p.md": "# P\n"})), "zeros": list(zeros), "cases": cases}


# ---- SCORM ---------------------------------------------------------------------------------

def arabic(text: str) -> str:
    return in_script(text, 0x660).replace(".", "\u066b")


def answers_to_journal(question: Question, limits: AnswerLimits) -> list[Any]:
    """What a learner may hand in for ``question``, as learnpack.js keeps it; the first is right."""
    ids = [c.id for c in question.choices or question.order]
    if question.kind is Kind.SINGLE:
        return [c.id for c in sorted(question.choices, key=lambda c: not c.correct)]
    if question.kind is Kind.MULTIPLE:
        return [sorted(c.id for c in question.choices if c.correct), sorted(ids), ids[-1:]]
    if question.kind is Kind.TRUE_FALSE:
        return list(question.text_answers) + ["false" if question.text_answers == ("true",) else "true"]
    if question.kind is Kind.TEXT:
        odd = fill("[,]{lang=nb}[.]|ا😀", limits.text - 1)
        return list(question.text_answers) + [fill("x", limits.text), odd, "  mellom  rom  "]
    if question.kind is Kind.NUMERIC:
        bounds = [decimal(Decimal(repr(a.low))) for a in question.numeric_answers]
        bounds += [decimal(Decimal(repr(a.high))) + ".000" for a in question.numeric_answers if a.high == int(a.high)]
        return bounds + [arabic(t) for t in bounds] + [
            "\u22123", "1 000", "0,000001", "-0", "+7", "007.50", "9" * NUMBER_MAX, "ca 37"]
    if question.kind is Kind.ORDERING:
        return [{c: str(i + 1) for i, c in enumerate(ids)}, {c: str(len(ids) - i) for i, c in enumerate(ids)}]
    if question.kind is Kind.MATCHING:
        rows = [i for i, pair in enumerate(question.pairs) if pair.left is not None]
        size = len(question.pairs)
        return [{f"l{i}": f"r{i}" for i in rows}, {f"l{i}": f"r{(i + 1) % size}" for i in rows}]
    return [None, "kort", fill("[,]{lang=nb} تفكير ", limits.reflection)]


def decimal(value: Decimal) -> str:
    """A number as the data model wants it (CMIDecimal): ASCII, no exponent, no needless zeros."""
    out = format(value.normalize(), "f")
    return "0" if out == "-0" else out


def typed(text: str) -> str | None:
    """What the LMS is sent for a typed number answer (numbers.js reads it); None when it is no number."""
    text = re.sub(r"[\s\u066c]", "", text).replace("\u2212", "-").replace(",", ".").replace("\u066b", ".")
    return decimal(Decimal(text)) if re.fullmatch(r"[-+]?(\d+\.?\d*|\.\d+)", text) else None  # \d: any script


def scorm_vectors() -> Json:
    longest = {kind: high for kind, (_, high) in ANSWER_LENGTHS.items()}  # the longest answers a course allows
    course_yml = f"id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\nanswer_length: {json.dumps(longest)}\n"
    course = load({**PAGES, "02-n/03-stor.md": BIG_NUMBER, "03-o/01-lange.md": LONG_ANSWERS}, course_yml)
    limits = AnswerLimits.for_course(course)

    def question(q: Question) -> Json:
        answers = answers_to_journal(q, limits)
        out: Json = {"id": q.id, "kind": q.kind.value, "stem": q.stem.source, "answers": answers}
        if q.kind is Kind.NUMERIC:
            out["sent"] = [typed(a) for a in answers]  # the response the LMS gets for each answer
            out["ranges"] = [[decimal(Decimal(repr(a.low))), decimal(Decimal(repr(a.high)))] for a in q.numeric_answers]
        return out

    return {
        "script": script(course),
        "versions": {version.label.replace("1.2", "12"): runtime_script(version, version.suspend_limit)
                     for version in VERSIONS.values()},  # assets/scorm-version.js as the build writes it
        "kinds": [kind.value for kind in Kind],
        "languages": catalog_languages(),
        "quizzes": [{"id": quiz.id, "key": answer_key(quiz), "questions": [question(q) for q in quiz.questions]}
                    for quiz in course.quizzes],
    }


LONG_ANSWERS = """# Lange svar

::: quiz {#lange}
### """ + "Spørsmål med lang tekst " * 30 + """{#langtekst}
= """ + "et svært langt svar " * 20 + """
= kort

### Tenk lenge {#tenklenge type=reflection}
:::
"""

BIG_NUMBER = """# Store tall

::: quiz {#stor}
### Et stort tall {#stort}
= 1000000000000000000000
:::
"""


def check(sessions: list[Json]) -> list[Json]:
    problems = []
    for index, session in enumerate(sessions):
        checker = Checker(session["version"])
        for element, value in session["pairs"]:
            problem = checker.problem(element, value)
            if problem:
                problems.append({"session": index, "element": element, "value": value, "problem": problem})
    return problems


def grading_vectors() -> Json:
    """Answers to every kind of question of tests/roots/basic, with their answer keys and verdicts."""
    more_right = {"q-ord": ["BRADYKARDI", " bradykard"], "q-temp": ["37.2", "٣٧٫٢", "۳۷٫۲", "36,5", "37,50"]}
    more_wrong = {"q-ord": ["brady kardi", "bradykardia"], "q-temp": ["ca 37", "37,6", "36,4", ""]}
    cases = []
    for quiz in load_course(ROOTS / "basic").quizzes:
        key = answer_key(quiz)
        for q in quiz.questions:
            dom_id = f"q-{q.id}"  # the fieldset's id, by which support.answers names it
            if q.kind is Kind.REFLECTION or dom_id not in RIGHT:
                continue
            for value, right in [(RIGHT[dom_id], True), (WRONG[dom_id], False),
                                 *((v, True) for v in more_right.get(dom_id, ())),
                                 *((v, False) for v in more_wrong.get(dom_id, ()))]:
                cases.append({"question": q.id, "kind": q.kind.value, "key": key["questions"][q.id],
                              "value": value, "right": right})
    return {"cases": cases, "kinds": sorted({case["kind"] for case in cases}), "digitZeros": digit_zeros()}


def runtime_facts() -> dict[str, Any]:
    """What the build joins (the scripts of the question kinds, in load order) and the language aliases."""
    return {"kinds": list(runtime.KINDS), "aliases": ALIASES}


def main(argv: list[str]) -> int:
    makers = {"suspend": suspend_vectors, "numbers": numbers_vectors, "scorm": scorm_vectors,
              "runtime": runtime_facts, "grading": grading_vectors}
    if argv == ["check"]:
        result: Any = check(json.load(sys.stdin))
    elif len(argv) == 1 and argv[0] in makers:
        result = makers[argv[0]]()
    else:
        print(f"usage: vectors.py {{{'|'.join([*makers, 'check'])}}}", file=sys.stderr)
        return 2
    json.dump(result, sys.stdout, ensure_ascii=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
