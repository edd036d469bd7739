"""The course model: what every target builds from.

Every node remembers where it came from (:class:`Source`) so that later checks can
point an author at the file and line to fix. The model holds content as parsed Markdown
(markdown-it tokens), never as HTML or output URLs: the loader checks what a page refers to
and records it (:class:`Reference`); each target renders pages in its own language and
decides where files go (``targets/_render.py``, ``targets/_urls.py``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from markdown_it.token import Token

TEXT_MAX = 60  # characters a learner can type in a short-text answer, unless course.yml says otherwise
NUMBER_MAX = 24  # ... in a number answer
REFLECTION_MAX = 250  # ... in a reflection (SCORM 1.2 journals 255)


@dataclass(frozen=True, slots=True)
class Source:
    path: Path
    line: int | None = None  # 1-based


class Kind(StrEnum):
    """Question kinds. The values are used in the HTML and in the runtime."""

    SINGLE = "single"
    MULTIPLE = "multiple"
    TRUE_FALSE = "truefalse"
    TEXT = "text"
    NUMERIC = "numeric"
    ORDERING = "ordering"
    MATCHING = "matching"
    REFLECTION = "reflection"

    @property
    def scored(self) -> bool:
        return self is not Kind.REFLECTION


@dataclass(frozen=True, slots=True)
class Reference:
    """A file a page links to or shows, checked by the loader (``token.meta["reference"]``)."""

    target: Path  # the absolute source path: a page (``.md``) or a media file (an image in the page's language)
    fragment: str = ""  # ``#id`` or ""


@dataclass(frozen=True, slots=True)
class Caption:
    """A caption track of a video or audio file (``token.meta["captions"]``)."""

    reference: Reference  # the .vtt file
    language: str
    label: str  # the language's name, in that language
    text: str  # the file's WebVTT, checked (``webvtt.read``): pages carry it, so it shows from file:// too


@dataclass(frozen=True, slots=True)
class Text:
    """A piece of author text on one line: its Markdown source and its parsed inline token."""

    source: str
    token: Token


@dataclass(frozen=True, slots=True)
class Choice:
    id: str
    text: Text
    correct: bool
    feedback: Text | None
    origin: Source


@dataclass(frozen=True, slots=True)
class NumericAnswer:
    """Accepts values in ``[low, high]``; exact answers have ``low == high``."""

    low: float
    high: float
    origin: Source

    def accepts(self, value: float) -> bool:
        return self.low - 1e-9 <= value <= self.high + 1e-9


@dataclass(frozen=True, slots=True)
class Pair:
    """One row of a matching question (``left`` is ``None`` for a distractor)."""

    left: Text | None
    right: Text
    origin: Source


@dataclass(frozen=True, slots=True)
class Feedback:
    hint: Text | None = None
    correct: Text | None = None
    incorrect: Text | None = None
    always: Text | None = None


@dataclass(frozen=True, slots=True)
class Question:
    id: str
    kind: Kind
    stem: Text
    body: tuple[Token, ...]  # blocks between the stem and the answers
    origin: Source
    choices: tuple[Choice, ...] = ()
    text_answers: tuple[str, ...] = ()
    case_sensitive: bool = False
    numeric_answers: tuple[NumericAnswer, ...] = ()
    order: tuple[Choice, ...] = ()  # ordering items, correct order
    pairs: tuple[Pair, ...] = ()
    feedback: Feedback = field(default_factory=Feedback)
    explicit_id: bool = True

    @property
    def correct_true(self) -> bool | None:
        """For true/false questions: whether the statement is true."""
        if self.kind is not Kind.TRUE_FALSE:
            return None
        return self.text_answers == ("true",)


@dataclass(frozen=True, slots=True)
class Quiz:
    id: str
    questions: tuple[Question, ...]
    intro: tuple[Token, ...]  # blocks before the first question
    origin: Source
    pass_mark: int  # percent
    title: str = ""
    attempts: int | None = None  # None: unlimited
    shuffle: bool = False
    draw: int | None = None  # ask this many questions from the pool
    per_question: bool = False  # check=question: each question checked on its own (practice)
    improve: bool = False  # a passed quiz may be tried again for a better score

    @property
    def asked(self) -> int:
        """How many scored questions a learner answers in one attempt."""
        scored = [q for q in self.questions if q.kind.scored]
        return min(self.draw, len(scored)) if self.draw else len(scored)

    @property
    def shown(self) -> int:
        """How many questions a learner sees in one attempt, reflections included."""
        return self.asked + sum(q.kind is Kind.REFLECTION for q in self.questions)


@dataclass(frozen=True, slots=True)
class Segment:
    """A run of page content: Markdown blocks, or a quiz."""

    tokens: tuple[Token, ...] = ()
    quiz: Quiz | None = None


@dataclass(frozen=True, slots=True)
class Heading:
    """A heading with an id: what ``#id`` in a link points at."""

    id: str
    level: int  # 1-6; h2-h4 always get an id
    text: str  # its Markdown, without ``{#id}``
    origin: Source


@dataclass(frozen=True, slots=True)
class FragmentLink:
    """A link to a place in a page: ``#id`` on its own page, or ``02-side.md#id``."""

    href: str  # as the author wrote it
    page: Path | None  # the linked source page (resolved), None for the page the link is on
    fragment: str
    origin: Source


@dataclass(frozen=True, slots=True)
class Page:
    id: str  # unique in the course: "<module slug>/<page slug>"
    slug: str
    title: str
    segments: tuple[Segment, ...]
    origin: Source
    minutes: int
    media: tuple[Path, ...] = ()  # absolute source paths of files the page uses
    language: str = ""  # the language of this page's text (another one than the course's: a fallback)
    translated_from: str = ""  # in a variant: the hash of the source page it was translated from
    headings: tuple[Heading, ...] = ()
    fragment_links: tuple[FragmentLink, ...] = ()

    @property
    def quizzes(self) -> tuple[Quiz, ...]:
        return tuple(s.quiz for s in self.segments if s.quiz is not None)


@dataclass(frozen=True, slots=True)
class Module:
    slug: str
    title: str  # in the course's language, else in the first language of its fallback chain that has one
    description: str
    pages: tuple[Page, ...]
    origin: Source
    titles: dict[str, str] = field(default_factory=dict)  # every title module.yml gives, by language
    descriptions: dict[str, str] = field(default_factory=dict)
    title_language: str = ""  # the language ``title`` is written in
    description_language: str = ""  # ... and ``description``
    image: Path | None = None  # the start page's card shows it (``bilde.ar.svg`` in Arabic when there is one)
    image_alt: str = ""
    image_alts: dict[str, str] = field(default_factory=dict)
    image_alt_language: str = ""

    @property
    def minutes(self) -> int:
        return sum(p.minutes for p in self.pages)


@dataclass(frozen=True, slots=True)
class CourseConfig:
    id: str
    title: str
    version: str
    source_language: str  # ``language`` in course.yml: the language the course is written in
    languages: tuple[str, ...]  # every language, the source's included, in the author's order
    description: str = ""
    authors: tuple[str, ...] = ()
    licence: str = ""
    pass_mark: int = 80
    duration: int | None = None  # minutes, as the author estimates
    theme: str = "default"
    text_max: int = TEXT_MAX
    reflection_max: int = REFLECTION_MAX
    titles: dict[str, str] = field(default_factory=dict)  # by language
    descriptions: dict[str, str] = field(default_factory=dict)
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # language -> chain
    strings: dict[str, dict[str, str]] = field(default_factory=dict)  # language -> interface string overrides
    title_language: str = ""  # in a translation: the language ``title`` is written in ("" the source's)
    description_language: str = ""  # ... and ``description``
    intro: str = ""  # a short introduction on the start page
    intros: dict[str, str] = field(default_factory=dict)
    intro_language: str = ""
    cover: Path | None = None  # the start page's image, absolute (``forside.ar.svg`` in Arabic when there is one)
    cover_alt: str = ""
    cover_alts: dict[str, str] = field(default_factory=dict)
    cover_alt_language: str = ""


@dataclass(frozen=True, slots=True)
class Course:
    """A course in one language; the source-language course holds the others in ``translations``.

    Every language has the same modules and pages in the same order; a page a translation
    lacks is there in a fallback language (:attr:`Page.language`).
    """

    root: Path
    config: CourseConfig
    modules: tuple[Module, ...]
    language: str = ""
    translations: dict[str, Course] = field(default_factory=dict)

    @property
    def source_language(self) -> str:
        """The language the course is written in, wherever ``languages`` lists it."""
        return self.config.source_language

    @property
    def is_source(self) -> bool:
        """Whether this is the course in its source language (the others are translations)."""
        return self.language == self.config.source_language

    def in_language(self, language: str) -> Course:
        """This course (the source) or its translation into ``language``."""
        return self if language == self.language else self.translations[language]

    def in_languages(self) -> list[Course]:
        """This course and its translations, in the order of ``languages`` in course.yml."""
        by_language = {self.language: self, **self.translations}
        return [by_language[lang] for lang in self.config.languages if lang in by_language]

    @property
    def pages(self) -> tuple[Page, ...]:
        return tuple(p for m in self.modules for p in m.pages)

    @property
    def quizzes(self) -> tuple[Quiz, ...]:
        return tuple(q for p in self.pages for q in p.quizzes)

    @property
    def minutes(self) -> int:
        return self.config.duration or sum(m.minutes for m in self.modules)

    @property
    def images(self) -> tuple[Path, ...]:
        """The start page's images: the cover and the modules' (files the site must hold)."""
        return tuple(p for p in (self.config.cover, *(m.image for m in self.modules)) if p is not None)
