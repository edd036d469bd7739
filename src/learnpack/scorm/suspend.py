"""The compact ``suspend_data`` encoding (format 2): stable keys, and its worst-case size.

The runtime (``scorm/suspend.js``) writes the learner's state as one string of
characters from :data:`ALPHABET` (64 URL-safe characters), read left to right::

    2                     the format
    n n                   the next interaction index (so later sessions append, never overwrite)
    l l                   the key of the last page shown, or ".."
    c c  (k k)*           how many pages were visited, and their keys
    (quiz record)*        one per quiz the learner has touched

    quiz record:  k k  s s s  f f f f  u  g  b b  [drawn]  [done]  [verdicts]  answer*
        key, size of the rest (so a reader can skip a record it does not know),
        fingerprint of the quiz's questions, attempts used, flags (1 checked, 2 drawn,
        4 questions checked on their own: check=question), best score 0-100, then bit sets
        over the quiz's questions (6 per character): the drawn ones (flag 2), the checked
        ones (flag 4) and the right ones (flag 1 or 4), then every question's answer
        in order: one character for a single choice or true/false ("." none), a bit set
        for multiple choice, a character per item for ordering and matching ("." unset),
        and length-prefixed text for text, number and reflection answers.

Pages and quizzes are keyed by a hash of their id, so state survives an update of the
package; answers are positional within a quiz, guarded by the quiz's fingerprint (a
hash of its question ids, kinds and option counts): when the questions of a quiz
changed, its record is ignored, so an answer is never applied to another question.
This module computes the keys and the longest string a course can produce, so the
build can refuse a course whose state cannot fit.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

from .. import kinds
from ..model import NUMBER_MAX, Course, Kind, Question, Quiz
from .versions import VERSIONS

ALPHABET = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
FORMAT_VERSION = "2"
KEY_WIDTH = 2
FINGERPRINT_WIDTH = 4
RECORD_SIZE_WIDTH = 3
SHORT_TEXT = 62  # texts shorter than this have a one-character length; longer ones "-" and two more
LIMITS = {version.name: version.suspend_limit for version in VERSIONS.values()}  # what the standards guarantee
CHOICE_IDS = kinds.CHOICE_IDS  # the runtime codes an option by its id


def encode_number(number: int, width: int) -> str:
    digits = ""
    for _ in range(width):
        number, digit = divmod(number, 64)
        digits = ALPHABET[digit] + digits
    return digits


def _hash(text: str, width: int) -> int:
    return int.from_bytes(hashlib.sha1(text.encode()).digest()[:4], "big") % 64**width


def assign_keys(ids: Iterable[str]) -> dict[str, str]:
    """Hash each id to a short key; a collision takes the next free key, in source order."""
    space = 64**KEY_WIDTH
    keys: dict[str, str] = {}
    taken: set[int] = set()
    for item in ids:
        slot = _hash(item, KEY_WIDTH)
        while slot in taken:
            slot = (slot + 1) % space
        taken.add(slot)
        keys[item] = encode_number(slot, KEY_WIDTH)
    return keys


def question_size(question: Question) -> int:
    """Options, items or rows: what the positional answer codes count."""
    return len(question.choices) or len(question.order) or len(question.pairs)


def fingerprint(quiz: Quiz) -> str:
    """A hash of the quiz's questions (ids, kinds, sizes, in order): what its saved answers fit."""
    shape = [[q.id, q.kind.value, question_size(q)] for q in quiz.questions]
    return encode_number(_hash(json.dumps([quiz.id, shape]), FINGERPRINT_WIDTH), FINGERPRINT_WIDTH)


@dataclass(frozen=True)
class StateKeys:
    pages: dict[str, str]
    quizzes: dict[str, str]
    fingerprints: dict[str, str]

    @classmethod
    def for_course(cls, course: Course) -> StateKeys:
        return cls(
            pages=assign_keys(p.id for p in course.pages),
            quizzes=assign_keys(q.id for q in course.quizzes),
            fingerprints={q.id: fingerprint(q) for q in course.quizzes},
        )


@dataclass(frozen=True)
class AnswerLimits:
    """The most characters a learner can type, per kind of free-text answer."""

    text: int
    number: int
    reflection: int

    @classmethod
    def for_course(cls, course: Course) -> AnswerLimits:
        return cls(text=course.config.text_max, number=NUMBER_MAX, reflection=course.config.reflection_max)

    def by_kind(self) -> dict[str, int]:
        """``{"text": …, "numeric": …, "reflection": …}``: the fields' maxlength, for templates and the runtime."""
        return {Kind.TEXT.value: self.text, Kind.NUMERIC.value: self.number, Kind.REFLECTION.value: self.reflection}

    def of(self, kind: Kind) -> int:
        return {Kind.TEXT: self.text, Kind.NUMERIC: self.number, Kind.REFLECTION: self.reflection}[kind]


def text_length(length: int) -> int:
    """Characters a stored text of ``length`` takes, its length prefix included."""
    return length + (1 if length < SHORT_TEXT else 3)


def bitset_length(count: int) -> int:
    return -(-count // 6)


def max_answer_length(question: Question, limits: AnswerLimits) -> int:
    """The longest code the runtime stores for one answer, by the form its kind's answers take."""
    form = kinds.kind_of(question.kind).state
    if form == "one":
        return 1
    if form == "set":
        return bitset_length(question_size(question))
    if form == "positions":
        return question_size(question)
    return text_length(limits.of(question.kind))


def max_quiz_record_length(quiz: Quiz, limits: AnswerLimits) -> int:
    count = len(quiz.questions)
    fixed = KEY_WIDTH + RECORD_SIZE_WIDTH + FINGERPRINT_WIDTH + 1 + 1 + 2
    bitsets = bitset_length(count) * (1 + bool(quiz.draw) + quiz.per_question)
    return fixed + bitsets + sum(max_answer_length(q, limits) for q in quiz.questions)


def worst_case_length(course: Course) -> int:
    """The length of the longest ``suspend_data`` this course can produce."""
    limits = AnswerLimits.for_course(course)
    header = len(FORMAT_VERSION) + 2 + KEY_WIDTH + 2
    pages = KEY_WIDTH * len(course.pages)
    return header + pages + sum(max_quiz_record_length(q, limits) for q in course.quizzes)
