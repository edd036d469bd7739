"""Page bodies rendered once per page and language, then reused by every target."""

from __future__ import annotations

import json
import random
from dataclasses import dataclass, field
from typing import Any

import jinja2
from markupsafe import Markup

from .i18n.catalog import Strings, text_direction
from .model import Kind, Page, Question, Quiz


@dataclass
class PageRenderer:
    """Renders the content of pages (text and quizzes) with the theme's ``quiz.html``."""

    env: jinja2.Environment
    strings: Strings
    limits: dict[str, int]  # maxlength of free-text answers, by kind
    _cache: dict[str, Markup] = field(default_factory=dict)

    def body(self, page: Page) -> Markup:
        if page.id not in self._cache:
            parts = [Markup(s.html) if s.quiz is None else self.quiz(s.quiz, page.language) for s in page.segments]
            self._cache[page.id] = Markup("").join(parts)
        return self._cache[page.id]

    def quiz(self, quiz: Quiz, content_language: str = "") -> Markup:
        """A quiz; in content of another language (a fallback page), its interface text says its own."""
        template = self.env.get_template("quiz.html")
        ui = self.strings.language
        ui_lang = (Markup(' lang="{}" dir="{}"').format(ui, text_direction(ui))
                   if content_language and content_language != ui else Markup(""))
        return Markup(template.render(quiz=quiz, t=self.strings, key=answer_key_json(quiz),
                                      display_order=display_order, match_targets=match_targets,
                                      limits=self.limits, Kind=Kind, ui=ui_lang))


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


def match_targets(question: Question) -> list[tuple[str, str]]:
    """The right-hand sides of a matching question as (id, plain text), in a fixed shuffled order."""
    targets = [(f"r{i}", Markup(p.right.html).striptags()) for i, p in enumerate(question.pairs)]
    random.Random(question.id).shuffle(targets)
    return targets


def answer_key(quiz: Quiz) -> dict[str, Any]:
    """What the runtime needs to check answers; feedback text stays in the HTML."""
    questions: dict[str, Any] = {}
    for q in quiz.questions:
        entry: dict[str, Any] = {"kind": q.kind.value}
        if q.kind in (Kind.SINGLE, Kind.MULTIPLE):
            entry["correct"] = [c.id for c in q.choices if c.correct]
        elif q.kind is Kind.TRUE_FALSE:
            entry["correct"] = q.text_answers[0]
        elif q.kind is Kind.TEXT:
            entry["accept"] = list(q.text_answers)
            entry["case"] = q.case_sensitive
        elif q.kind is Kind.NUMERIC:
            entry["ranges"] = [[a.low, a.high] for a in q.numeric_answers]
        elif q.kind is Kind.ORDERING:
            entry["order"] = [c.id for c in q.order]
        elif q.kind is Kind.MATCHING:
            entry["pairs"] = {f"l{i}": f"r{i}" for i, p in enumerate(q.pairs) if p.left is not None}
        questions[q.id] = entry
    return {
        "id": quiz.id,
        "pass": quiz.pass_mark,
        "attempts": quiz.attempts,
        "shuffle": quiz.shuffle,
        "draw": quiz.draw,
        "questions": questions,
    }


def answer_key_json(quiz: Quiz) -> Markup:
    """The answer key as JSON that is safe inside ``<script type="application/json">``."""
    text = json.dumps(answer_key(quiz), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
