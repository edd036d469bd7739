"""Page content rendered once per page and interface language, then reused by every target.

The model holds parsed Markdown; this is where it becomes HTML, with the target's URLs
(:class:`~._urls.SiteUrls`) and one source of interface strings, the learner's: interface text
inside content of another language (a page shown from the fallback language) says its own
language, so a screen reader switches voice for it.
"""

from __future__ import annotations

import functools
import json
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markdown_it import MarkdownIt
from markdown_it.token import Token
from markupsafe import Markup

from ..i18n.catalog import Strings, text_direction
from ..hyphens import hyphenate
from ..kinds import kind_of
from ..markdown import create_markdown
from ..model import Kind, Page, Question, Quiz, Text
from ._urls import SiteUrls


@dataclass
class PageRenderer:
    """Renders the content of pages (text and quizzes) in one interface language, each page once."""

    env: jinja2.Environment
    strings: Strings
    limits: dict[str, int]  # maxlength of free-text answers, by kind
    urls: SiteUrls
    md: MarkdownIt = field(default_factory=create_markdown)
    _cache: dict[str, Markup] = field(default_factory=dict)

    def body(self, page: Page) -> Markup:
        if page.id not in self._cache:
            context = _Context(self, page)
            parts = [context.blocks(s.tokens) if s.quiz is None else self.quiz(s.quiz, context) for s in page.segments]
            self._cache[page.id] = Markup("").join(parts)
        return self._cache[page.id]

    def quiz(self, quiz: Quiz, context: _Context) -> Markup:
        """A quiz; in content of another language (a fallback page), its interface text says its own."""
        template = self.env.get_template("quiz.html")
        return Markup(template.render(quiz=quiz, t=self.strings, key=answer_key_json(quiz),
                                      display_order=display_order, match_targets=match_targets(context.inline),
                                      limits=self.limits, Kind=Kind, kind_of=kind_of, ui=context.interface,
                                      inline=context.inline, blocks=context.blocks))


class _Context:
    """Rendering one page: the markdown-it env its render rules read (see :mod:`learnpack.markdown`)."""

    def __init__(self, renderer: PageRenderer, page: Page) -> None:
        ui = renderer.strings.language
        content = page.language or ui
        self.md = renderer.md
        self.interface = (Markup(' lang="{}" dir="{}"').format(ui, text_direction(ui)) if content != ui
                          else Markup(""))
        self.env: dict[str, Any] = {"strings": renderer.strings, "isolate": text_direction(content) == "rtl",
                                    "urls": renderer.urls, "page": page.origin.path, "interface": self.interface,
                                    "hyphenate": functools.partial(hyphenate, language=content)}

    def blocks(self, tokens: Sequence[Token]) -> Markup:
        return Markup(self.md.renderer.render(list(tokens), self.md.options, self.env))

    def inline(self, text: Text) -> Markup:
        """A text on one line; one a translation still shows in the source language says so."""
        html = Markup(self.md.renderer.renderInline(text.token.children or [], self.md.options, self.env))
        language = (text.token.meta or {}).get("lang")
        if not language:
            return html
        return Markup('<span lang="{}" dir="{}">{}</span>').format(language, text_direction(language), html)


def display_order(question: Question) -> list[int]:
    """A shuffled, deterministic order of ordering items, never the correct order itself."""
    count = len(question.order)
    order = list(range(count))
    if count < 2:
        return order
    rng = random.Random(question.id)
    while order == sorted(order):
        rng.shuffle(order)
    return order


def match_targets(inline: Callable[[Text], Markup]) -> Callable[[Question], list[tuple[str, str]]]:
    """The right-hand sides of a matching question as (id, plain text), in a fixed shuffled order."""
    def targets(question: Question) -> list[tuple[str, str]]:
        found = [(f"r{i}", inline(p.right).striptags()) for i, p in enumerate(question.pairs)]
        random.Random(question.id).shuffle(found)
        return found

    return targets


def answer_key(quiz: Quiz) -> dict[str, Any]:
    """What the runtime needs to check answers; feedback text stays in the HTML."""
    questions = {q.id: {"kind": q.kind.value, **kind_of(q.kind).answer_key(q)} for q in quiz.questions}
    return {
        "id": quiz.id,
        "pass": quiz.pass_mark,
        "attempts": quiz.attempts,
        "shuffle": quiz.shuffle,
        "draw": quiz.draw,
        "check": "question" if quiz.per_question else "quiz",
        "improve": quiz.improve,
        "questions": questions,
    }


def answer_key_json(quiz: Quiz) -> Markup:
    """The answer key as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(answer_key(quiz), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
