"""What learners keep when a new build of a package replaces the old one in an LMS.

Moodle keeps a learner's tracks (status, score, ``suspend_data``) only for the SCO ``<item>``
identifiers of ``imsmanifest.xml`` that are unchanged, and hands the old ``suspend_data`` to
the new content. learnpack's runtime keys that state per page and per quiz, and reads a quiz's
saved answers only while its questions (ids, kinds and option counts, in order) are unchanged.
:func:`compare_packages` says in plain words what survives; both zips are only read in memory.
"""

from __future__ import annotations

import json
import re
import zipfile
from dataclasses import dataclass
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

from lxml import etree

from learnpack.errors import Diagnostic
from learnpack.validate.manifest import detect_version
from learnpack.validate.package import MANIFEST, READ_ERRORS, parse_manifest

MAX_MEMBER = 16 * 1024 * 1024  # larger manifests or outlines are not read
COURSE_SCRIPT = re.compile(r"assets/course\.([A-Za-z0-9-]+)\.js")
STATE_SCRIPT = "assets/suspend.js"
STATE_FORMAT = re.compile(rb'\bVERSION\s*=\s*"([^"]*)"')  # minified, or as older packages wrote it
KINDS = {"single": "single choice", "multiple": "multiple choice", "truefalse": "true/false", "text": "short text",
         "numeric": "number", "ordering": "ordering", "matching": "matching", "reflection": "reflection"}
KEPT = "their score and status in the LMS are kept"


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: str
    size: int  # options, items or rows: what the saved answer counts


@dataclass(frozen=True, slots=True)
class Quiz:
    key: str
    fingerprint: str
    questions: tuple[Question, ...]
    page: str  # the title of the page it is on


@dataclass(frozen=True, slots=True)
class Outline:
    """The part of a learnpack course outline (``assets/course.<lang>.js``) the learner state depends on."""

    languages: tuple[str, ...]  # every language of the package, the source first
    pages: dict[str, tuple[str, str]]  # page id -> (state key, title)
    quizzes: dict[str, Quiz]


@dataclass(frozen=True, slots=True)
class Package:
    """What the comparison reads from one zip."""

    version: str | None  # "1.2", "2004" or None
    items: dict[str, str]  # SCO item identifier -> title
    outlines: dict[str, Outline | None]  # language -> its assets/course.<lang>.js, None if unreadable
    state_format: bytes | None  # the suspend_data format of the runtime


def compare_packages(old: Path, new: Path) -> list[Diagnostic]:
    """What learners keep when the package ``new`` replaces ``old``: tracks, saved answers, pages."""
    where = str(new)
    previous = read_package(old)
    if isinstance(previous, str):
        return [Diagnostic.of("error", "update.previous_unreadable", f"cannot compare with {old}: it {previous}",
                              where)]
    current = read_package(new)
    if isinstance(current, str):
        return [Diagnostic.of("info", "update.not_compared", f"not compared with {old}: the new package {current}",
                              where)]
    changed_version = _compare_versions(previous, current, where)
    if changed_version:
        return changed_version
    out = _compare_items(previous, current, where)
    if not previous.items.keys() & current.items.keys():
        return out  # no learner's state reaches the new package
    language = _common_language(previous, current)
    old_outline, new_outline = previous.outlines.get(language), current.outlines.get(language)
    if old_outline is None or new_outline is None:
        return out + [Diagnostic.of("info", "update.not_learnpack",
                              "only the manifests were compared: comparing pages and questions needs two "
                              "learnpack packages (with assets/course.<language>.js)", where)]
    if previous.state_format and current.state_format and previous.state_format != current.state_format:
        return out + [Diagnostic.of("warning", "update.state_dropped",
                              "the new package saves learners' progress in another format than the old one: "
                              "every learner's pages read and saved answers are dropped when they resume "
                              f"({KEPT})", where)]
    return out + compare_outlines(old_outline, new_outline, where)


def read_package(path: Path) -> Package | str:
    """The manifest facts and learnpack outlines of the zip at ``path``, or why it cannot be read."""
    if not path.is_file():
        return "is not a file" if path.exists() else "does not exist"
    try:
        with zipfile.ZipFile(path) as archive:
            members = {i.filename: i for i in archive.infolist() if i.file_size <= MAX_MEMBER}
            if MANIFEST not in members:
                return f"has no {MANIFEST} at its root"
            tree = parse_manifest(archive.read(members[MANIFEST]))
            if isinstance(tree, Diagnostic):
                return f"has a broken {MANIFEST} ({tree.message})"
            outlines = {m.group(1): read_outline(archive.read(members[name])) for name in members
                        if (m := COURSE_SCRIPT.fullmatch(name))}
            state = archive.read(members[STATE_SCRIPT]) if STATE_SCRIPT in members else b""
    except READ_ERRORS as exc:
        return f"is not a readable zip file ({exc})"
    match = STATE_FORMAT.search(state)
    return Package(detect_version(tree), _sco_items(tree.getroot()), outlines, match.group(1) if match else None)


def read_outline(data: bytes) -> Outline | None:
    """The outline in ``assets/course.<lang>.js`` (``window.LEARNPACK_COURSE = {...};``), or ``None``."""
    _, found, rest = data.decode("utf-8", "replace").partition("window.LEARNPACK_COURSE =")
    try:
        course = json.loads(rest.strip().rstrip(";")) if found else None
        return _outline(course) if isinstance(course, dict) else None
    except (ValueError, TypeError, KeyError, AttributeError):
        return None


def compare_outlines(old: Outline, new: Outline, where: str) -> list[Diagnostic]:
    """What the learners' saved state keeps of ``old`` once ``new`` replaces it."""
    out: list[Diagnostic] = []
    for page, (key, title) in old.pages.items():
        if page not in new.pages:
            out.append(Diagnostic.of("info", "update.page_removed",
                               f"page {page!r} ({title}) was removed: it drops out of learners' progress", where))
        elif new.pages[page][0] != key:
            out.append(Diagnostic.of("info", "update.page_reset",
                               f"page {page!r} ({title}) is saved under another key now: learners who read it "
                               "will see it as unread", where))
    for page, (_, title) in new.pages.items():
        if page not in old.pages:
            out.append(Diagnostic.of("info", "update.page_added",
                               f"page {page!r} ({title}) is new: learners who resume find it unread", where))
    kept = 0
    for quiz_id, quiz in old.quizzes.items():
        if quiz_id not in new.quizzes:
            out.append(Diagnostic.of("info", "update.quiz_removed",
                               f"quiz {quiz_id!r} (page {quiz.page}) was removed: its saved answers are dropped",
                               where))
            continue
        changes = question_changes(quiz, new.quizzes[quiz_id])
        if not changes:
            kept += 1
            continue
        out.append(Diagnostic.of("warning", "update.answers_dropped",
                           f"quiz {quiz_id!r} (page {new.quizzes[quiz_id].page}): {'; '.join(changes)}. A quiz's "
                           "saved answers are kept only while its questions (ids, kinds, number of options, order) "
                           f"stay the same, so the saved answers to quiz {quiz_id!r} are dropped when learners "
                           f"resume ({KEPT})", where))
    for quiz_id, quiz in new.quizzes.items():
        if quiz_id not in old.quizzes:
            out.append(Diagnostic.of("info", "update.quiz_added",
                               f"quiz {quiz_id!r} (page {quiz.page}) is new: learners who resume find it unanswered",
                               where))
    if kept:
        scope = f"all {kept} quizzes" if kept == len(old.quizzes) and kept > 1 else f"{kept} quiz{'zes' * (kept > 1)}"
        out.append(Diagnostic.of("info", "update.answers_kept",
                           f"Saved answers carry over for {scope}: their questions are unchanged", where))
    return out


def question_changes(old: Quiz, new: Quiz) -> list[str]:
    """What changed in the questions of a quiz, in plain words; empty when its saved answers still fit."""
    before, after = old.questions, new.questions
    old_ids, new_ids = [q.id for q in before], [q.id for q in after]
    changes: list[str] = []
    moved = False
    matcher = SequenceMatcher(None, old_ids, new_ids, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            changes += [c for a, b in zip(before[i1:i2], after[j1:j2], strict=True) if (c := _question_change(a, b))]
            continue
        gone = [q for q in before[i1:i2] if q.id not in new_ids]
        came = [q for q in after[j1:j2] if q.id not in old_ids]
        moved = moved or len(gone) < i2 - i1 or len(came) < j2 - j1
        for a, b in zip(before[i1:i2], after[j1:j2], strict=False):  # in the same place: a new id
            if a in gone and b in came and a.kind == b.kind:
                gone.remove(a)
                came.remove(b)
                changes.append(f"question {a.id!r} changed its id to {b.id!r}")
                if a.size != b.size:
                    changes.append(_size_change(b, a.size))
        changes += [f"question {q.id!r} was removed" for q in gone]
        changes += [f"question {q.id!r} is new" for q in came]
    if moved:
        changes.append("the questions are in another order")
        common = {q.id: q for q in after}
        changes += [c for q in before if q.id in common and (c := _question_change(q, common[q.id]))
                    and c not in changes]
    if not changes and (old.key, old.fingerprint) != (new.key, new.fingerprint):
        changes.append("its saved answers are stored under another key")
    return changes


def _question_change(old: Question, new: Question) -> str | None:
    if old.kind != new.kind:
        return f"question {new.id!r} is a {_kind(new.kind)} question now (was {_kind(old.kind)})"
    if old.size != new.size:
        return _size_change(new, old.size)
    return None


def _size_change(question: Question, was: int) -> str:
    return f"question {question.id!r} has {question.size} answer options now (had {was})"


def _kind(kind: str) -> str:
    return KINDS.get(kind, kind)


def _compare_versions(old: Package, new: Package, where: str) -> list[Diagnostic]:
    if old.version is None or new.version is None or old.version == new.version:
        return []
    return [Diagnostic.of("error", "update.version_changed",
                    f"the old package is SCORM {old.version} and the new one SCORM {new.version}: Moodle cannot "
                    f"update a SCORM {old.version} activity with a SCORM {new.version} package (the new package "
                    f"cannot read learners' SCORM {old.version} tracks). Build the new package for SCORM "
                    f"{old.version}, or add it as a new activity", where)]


def _compare_items(old: Package, new: Package, where: str) -> list[Diagnostic]:
    lost = [i for i in old.items if i not in new.items]
    added = [i for i in new.items if i not in old.items]
    out: list[Diagnostic] = []
    if old.items and not lost:
        names = ", ".join(_item(i, old.items[i]) for i in old.items)
        verb = "keeps its identifier" if len(old.items) == 1 else "keep their identifiers"
        out.append(Diagnostic.of("info", "update.tracks_kept",
                           f"Learners' tracks carry over: the item{'s' * (len(old.items) > 1)} {names} {verb}", where))
    for identifier in lost:
        out.append(Diagnostic.of("warning", "update.tracks_lost",
                           f"tracks of item {_item(identifier, old.items[identifier])} are lost in Moodle: "
                           "its identifier changed or it was removed", where))
    for identifier in added:
        out.append(Diagnostic.of("info", "update.item_added",
                           f"item {_item(identifier, new.items[identifier])} is new: learners start it from the "
                           "beginning", where))
    return out


def _item(identifier: str, title: str) -> str:
    return f"{identifier!r} ({title})" if title else repr(identifier)


def _sco_items(root: etree._Element) -> dict[str, str]:
    """Identifier -> title of every ``<item>`` that launches something (has an ``identifierref``)."""
    items: dict[str, str] = {}
    for element in root.iter(tag=etree.Element):
        if etree.QName(element).localname != "item" or not element.get("identifierref"):
            continue
        title = next((" ".join((c.text or "").split()) for c in element
                      if isinstance(c.tag, str) and etree.QName(c).localname == "title"), "")
        items[element.get("identifier") or ""] = title
    return items


def _common_language(old: Package, new: Package) -> str:
    """The language both outlines are compared in (questions are the same in every language):
    the new package's first language that the old package has too, else its first."""
    order = next((o.languages for o in new.outlines.values() if o is not None), ())
    candidates = [lang for lang in [*order, *sorted(new.outlines)] if lang in new.outlines]
    return next((lang for lang in candidates if lang in old.outlines), candidates[0] if candidates else "")


def _outline(course: dict[str, Any]) -> Outline:
    pages: dict[str, tuple[str, str]] = {}
    quiz_pages: dict[str, str] = {}
    for module in course["modules"]:
        for page in module["pages"]:
            pages[str(page["id"])] = (str(page.get("key", "")), str(page.get("title", "")))
            for quiz in page.get("quizzes", []):
                quiz_pages[str(quiz)] = str(page.get("title", page["id"]))
    quizzes = {
        str(quiz_id): Quiz(str(quiz.get("key", "")), str(quiz.get("fingerprint", "")),
                           tuple(Question(str(q["id"]), str(q["kind"]), int(q.get("size") or 0))
                                 for q in quiz["questions"]),
                           quiz_pages.get(str(quiz_id), "?"))
        for quiz_id, quiz in course["quizzes"].items()
    }
    return Outline(tuple(map(str, course.get("languages", ()))), pages, quizzes)
