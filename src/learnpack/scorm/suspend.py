"""The compact ``suspend_data`` encoding: short stable keys, and its worst-case size.

The runtime (``sco-runtime.js``) writes the learner's state as::

    1|<visited page keys>|<last page key>|<quiz records>|<answer records>

Every page, quiz and question has a 3-character base-36 key derived from its id, so
state survives a re-upload of an edited course (keys do not depend on positions).
A quiz record is ``key used(1) checked(1) score(2)``, followed by ``count(2) question-keys``
for quizzes that draw questions from a pool; an answer record is ``key length value``,
the length one base-36 digit (or ``z`` and two digits from 35 on), values being short codes
for choices and the learner's text for text questions. This module computes the same keys and the
longest string a course can produce, so the build can refuse a course that cannot fit.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Course, Kind, Question

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyz"
KEY_SPACE = 36**3
FORMAT_VERSION = "1"
TEXT_MAX = 120  # characters a short-text or numeric answer may have
REFLECTION_MAX = 250  # characters a reflection may have (SCORM 1.2 responses hold 255)
LIMITS = {"scorm12": 4096, "scorm2004": 64000}


def base36(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
    return digits


def assign_keys(ids: Iterable[str]) -> dict[str, str]:
    """Hash each id to a 3-character key; a collision takes the next free key, in source order."""
    keys: dict[str, str] = {}
    taken: set[int] = set()
    for item in ids:
        slot = int.from_bytes(hashlib.sha1(item.encode()).digest()[:4], "big") % KEY_SPACE
        while slot in taken:
            slot = (slot + 1) % KEY_SPACE
        taken.add(slot)
        keys[item] = base36(slot, 3)
    return keys


@dataclass(frozen=True)
class StateKeys:
    pages: dict[str, str]
    quizzes: dict[str, str]
    questions: dict[str, str]

    @classmethod
    def for_course(cls, course: Course) -> StateKeys:
        return cls(
            pages=assign_keys(p.id for p in course.pages),
            quizzes=assign_keys(q.id for q in course.quizzes),
            questions=assign_keys(q.id for quiz in course.quizzes for q in quiz.questions),
        )


def max_answer_length(question: Question) -> int:
    """The longest value the runtime stores for one answer."""
    if question.kind in (Kind.SINGLE, Kind.TRUE_FALSE):
        return 1
    if question.kind is Kind.MULTIPLE:
        return len(base36_any((1 << len(question.choices)) - 1))
    if question.kind is Kind.ORDERING:
        return len(question.order)
    if question.kind is Kind.MATCHING:
        return len(question.pairs)
    if question.kind is Kind.REFLECTION:
        return REFLECTION_MAX
    return TEXT_MAX


def answer_record_length(value_length: int) -> int:
    return 3 + (1 if value_length < 35 else 3) + value_length


def base36_any(number: int) -> str:
    digits = ""
    while True:
        number, digit = divmod(number, 36)
        digits = ALPHABET[digit] + digits
        if number == 0:
            return digits


def worst_case_length(course: Course) -> int:
    """The length of the longest ``suspend_data`` this course can produce."""
    pages = 3 * len(course.pages)
    last = 3
    quizzes = sum(3 + 1 + 1 + 2 + (2 + 3 * q.asked if q.draw else 0) for q in course.quizzes)
    answers = sum(answer_record_length(max_answer_length(q)) for quiz in course.quizzes for q in quiz.questions)
    return len(FORMAT_VERSION) + 4 + pages + last + quizzes + answers
