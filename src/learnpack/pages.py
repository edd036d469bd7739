"""One Markdown page file to a :class:`~learnpack.model.Page`: front matter, links, media, quizzes.

An image is shown in the page's language where the course has it: ``bilder/puls.svg`` on an
Arabic page is ``bilder/puls.ar.svg`` when that file exists, else the version of the next
language of the page's fallback chain, else the image itself (as caption files are chosen
by language). A page shown untranslated is the source page, so it keeps the source's images.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token

from . import webvtt
from .config import Option, check_options, language_problem, parse_yaml_mapping
from .errors import Diagnostics
from .i18n.catalog import language_name, text_direction
from .markdown import AUDIO_SUFFIXES, VIDEO_SUFFIXES
from .markdown.headings import SOURCE_HEADINGS
from .model import Caption, FragmentLink, Heading, Page, Quiz, Reference, Segment, Source
from .questions import QuizBuilder
from .slugs import SAFE_NAME
from .variants import OUTDATED_SOURCE

SEGMENT_MAP = re.compile(r"([0-9a-f]{8}(\.[0-9]+)?|-)( ([0-9a-f]{8}(\.[0-9]+)?|-))*")  # see translate/alignment.py
WORDS_PER_MINUTE = 150  # a careful reader in a second language
PAGE_OPTIONS: dict[str, Option] = {
    "title": Option(lambda v: None if isinstance(v, str) and v.strip() else "must be non-empty text"),
    "minutes": Option(lambda v: None if isinstance(v, int) and not isinstance(v, bool) and v > 0
                      else "must be a whole number of minutes"),
    "translated_from": Option(lambda v: None if isinstance(v, str) and (re.fullmatch(r"[0-9a-f]{12}", v)
                                                                    or v == OUTDATED_SOURCE)
                              else "must be the 12-character source hash that learnpack i18n writes, or "
                              f"{OUTDATED_SOURCE!r}"),
    "translated_segments": Option(lambda v: None if isinstance(v, str) and SEGMENT_MAP.fullmatch(v)
                                  else "must be the list of segment hashes that learnpack i18n writes"),
}
ALLOWED_SCHEMES = ("http:", "https:", "mailto:", "tel:")
SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


@dataclass
class PageContext:
    """What a page needs to know about the course it belongs to."""

    root: Path
    page_files: frozenset[Path]  # every page of the course, resolved
    pass_mark: int
    language: str
    diagnostics: Diagnostics
    md: MarkdownIt
    variants: dict[tuple[Path, str], Page] = field(default_factory=dict)  # loaded once, shared by chains
    source_language: str = ""  # the course's; a translation marks the texts it still shows in it
    languages: tuple[str, ...] = ()  # every language of the course
    fallbacks: dict[str, tuple[str, ...]] = field(default_factory=dict)  # course.yml's: images fall back as pages
    image_languages_checked: set[Path] = field(default_factory=set)  # images whose language versions were looked at
    captions: dict[Path, tuple[Caption, ...]] = field(default_factory=dict)  # per video or audio file, read once


def image_in_language(image: Path, chain: Iterable[str], root: Path) -> Path:
    """``bilde.ar.svg`` for ``bilde.svg`` in the first language of ``chain`` that has one (a file
    inside ``root``), else ``image`` itself: pages, the cover and module cards choose alike."""
    for language in chain:
        version = image.with_name(f"{image.stem}.{language}{image.suffix}").resolve()
        if version.is_file() and version.is_relative_to(root):
            return version
    return image


@dataclass
class _PageLoader:
    ctx: PageContext
    path: Path
    source_headings: tuple[Heading, ...] = ()  # in a translation: the headings whose ids it keeps
    media: set[Path] = field(default_factory=set)
    fragment_links: list[FragmentLink] = field(default_factory=list)

    def load(self, page_id: str, slug: str) -> Page | None:
        try:
            text = self.path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            self.ctx.diagnostics.error(self.path, None, "not UTF-8 text", "page.encoding")
            return None
        env: dict[str, Any] = {SOURCE_HEADINGS: [(h.level, h.id) for h in self.source_headings]}
        tokens = self.ctx.md.parse(text, env)
        for line, code, message in [*env.get("quiz_problems", []), *env.get("heading_problems", [])]:
            self.ctx.diagnostics.error(self.path, line, message, code)
        meta = self._front_matter(tokens)
        if meta.get("translated_segments") and self.ctx.source_language:
            self._mark_untranslated(text, tokens, str(meta["translated_segments"]).split())
        self._check_targets(tokens)
        segments, quizzes = self._segments(tokens, slug)
        title = meta.get("title") or _first_heading(tokens) or slug
        words = len(re.findall(r"\w+", text))
        questions = sum(len(q.questions) for q in quizzes)
        minutes = meta.get("minutes") or max(1, math.ceil(words / WORDS_PER_MINUTE + questions))
        return Page(
            id=page_id,
            slug=slug,
            title=str(title).strip(),
            segments=tuple(segments),
            origin=Source(self.path, 1),
            minutes=minutes,
            media=tuple(sorted(self.media)),
            language=self.ctx.language,
            translated_from=str(meta.get("translated_from", "")),
            headings=self._headings(tokens),
            fragment_links=tuple(self.fragment_links),
        )

    def _mark_untranslated(self, text: str, tokens: list[Token], recorded: list[str]) -> None:
        """Texts a translation still shows in the source language say so: ``lang`` and ``dir`` on their block."""
        from .translate.alignment import UNTRANSLATED
        from .translate.segments import page_segments  # the exchange's view of a page: one entry per text

        texts = page_segments(text)
        if len(texts) != len(recorded):
            return  # edited by hand since: the map no longer describes the page
        untranslated = {(t.line, t.source) for t, key in zip(texts, recorded, strict=True) if key == UNTRANSLATED}
        language = self.ctx.source_language
        blocks: list[Token] = []
        for token in tokens:
            if token.nesting == 1:
                blocks.append(token)
            elif token.nesting == -1 and blocks:
                blocks.pop()
            elif token.type == "inline" and token.map and (token.map[0] + 1, token.content) in untranslated:
                block = next((b for b in reversed(blocks) if not b.hidden), None)
                if block is None or block.type.startswith("quiz_"):
                    token.meta = {**(token.meta or {}), "lang": language}  # quiz texts: see _render_inline
                else:
                    block.attrSet("lang", language)
                    block.attrSet("dir", text_direction(language))

    def _headings(self, tokens: list[Token]) -> tuple[Heading, ...]:
        return tuple(
            Heading(id=str(token.attrGet("id")), level=int(token.tag[1:]), text=tokens[index + 1].content,
                    origin=Source(self.path, _line_of(token)))
            for index, token in enumerate(tokens) if token.type == "heading_open" and token.attrGet("id")
        )

    def _front_matter(self, tokens: list[Token]) -> dict[str, Any]:
        if not tokens or tokens[0].type != "front_matter":
            return {}
        parsed = parse_yaml_mapping(tokens[0].content, self.path, self.ctx.diagnostics, first_line=2)
        if parsed is None:
            return {}
        data, lines = parsed
        check_options(data, lines, PAGE_OPTIONS, self.path, self.ctx.diagnostics)
        return data

    def _segments(self, tokens: list[Token], slug: str) -> tuple[list[Segment], list[Quiz]]:
        builder = QuizBuilder(path=self.path, page_slug=slug, default_pass_mark=self.ctx.pass_mark,
                              diagnostics=self.ctx.diagnostics)
        segments: list[Segment] = []
        quizzes: list[Quiz] = []
        pending: list[Token] = []
        index = 0
        while index < len(tokens):
            token = tokens[index]
            if token.type == "quiz_open":
                end = next(i for i in range(index, len(tokens))
                           if tokens[i].type == "quiz_close" and tokens[i].level == token.level)
                if pending:
                    segments.append(Segment(tokens=tuple(pending)))
                    pending = []
                quiz = builder.build(tokens[index : end + 1])
                if quiz is not None:
                    segments.append(Segment(quiz=quiz))
                    quizzes.append(quiz)
                index = end + 1
                continue
            if token.type != "front_matter":
                pending.append(token)
            index += 1
        if pending:
            segments.append(Segment(tokens=tuple(pending)))
        return segments, quizzes

    # -- links and media -------------------------------------------------------------

    def _check_targets(self, tokens: list[Token]) -> None:
        for token in _walk(tokens):
            line = _line_of(token)
            if token.type == "link_open":
                self._check_link(token, line)
            elif token.type == "image":
                self._check_media(token, line)

    def _check_link(self, token: Token, line: int | None) -> None:
        href = str(token.attrGet("href") or "")
        if href.startswith("#"):
            self._fragment_link(href, None, href[1:], line)
            return
        if not href:
            return
        if SCHEME.match(href):
            if not href.lower().startswith(ALLOWED_SCHEMES):
                self._error(line, f"link {href!r} uses a scheme learners cannot open", "link.scheme")
            return
        target, fragment = self._resolve(href, line)
        if target is None:
            return
        if target.suffix == ".md":
            if target not in self.ctx.page_files:
                self._error(line, f"link to {href!r}: no such page in the course", "link.missing")
                return
            token.meta["reference"] = Reference(target, fragment)
            self._fragment_link(href, target, fragment[1:], line)
        elif not target.is_file():
            self._error(line, f"link to {href!r}: file not found", "link.missing")
        else:
            self.media.add(target)
            token.meta["reference"] = Reference(target, fragment)

    def _fragment_link(self, href: str, page: Path | None, fragment: str, line: int | None) -> None:
        """Remember a link to a place in a page; whether the page has it is known once all pages are."""
        if fragment:
            self.fragment_links.append(FragmentLink(href, page, unquote(fragment), Source(self.path, line)))

    def _check_media(self, token: Token, line: int | None) -> None:
        src = str(token.attrGet("src") or "")
        if SCHEME.match(src):
            if src.startswith("data:"):
                return
            self._error(line, f"image {src!r} is on the internet: learner pages load nothing from the "
                        "network, so save the file in the course folder and link it by its path",
                        "media.remote")
            return
        target, _ = self._resolve(src, line)
        if target is None:
            return
        if not target.is_file():
            self._error(line, f"image or media file {src!r} not found", "media.missing")
            return
        if target.suffix.lower() not in VIDEO_SUFFIXES | AUDIO_SUFFIXES:
            target = self._image_in_language(target)
        self.media.add(target)
        token.meta["reference"] = Reference(target)
        if target.suffix.lower() in VIDEO_SUFFIXES | AUDIO_SUFFIXES:
            captions = self._captions(target)
            token.meta["captions"] = captions
            if not captions and target.suffix.lower() in VIDEO_SUFFIXES:
                self.ctx.diagnostics.warning(
                    self.path, line, f"video {src!r} has no captions: add {target.stem}.vtt beside it",
                    "media.no_captions")

    def _image_in_language(self, image: Path) -> Path:
        """``bilde.ar.svg`` for ``bilde.svg`` on an Arabic page, or the next language's of its fallback chain.

        An image named with its language (``bilde.ar.svg``) is found as it is: ``bilde.ar.ar.svg`` never exists.
        """
        self._check_image_languages(image)
        language = self.ctx.language
        return image_in_language(image, (language, *self.ctx.fallbacks.get(language, ())), self.ctx.root)

    def _check_image_languages(self, image: Path) -> None:
        """Warn once about ``bilde.xx.svg`` beside ``bilde.svg`` for a language the course does not have."""
        if image in self.ctx.image_languages_checked or not self.ctx.languages:
            return
        self.ctx.image_languages_checked.add(image)
        for version in sorted(image.parent.glob(f"{image.stem}.*{image.suffix}")):
            lang = version.name[len(image.stem) + 1 : len(version.name) - len(image.suffix)]
            if lang not in self.ctx.languages and "." not in lang and language_problem(lang) is None:
                self.ctx.diagnostics.warning(
                    version, None, f"an image for {lang!r}, which is not in languages in course.yml, so no page "
                    f"shows it instead of {image.name}: add the language there, or rename the file",
                    "media.unlisted_language")

    def _captions(self, media: Path) -> list[Caption]:
        """The caption tracks of ``media``, the page's language first (the default track)."""
        if media not in self.ctx.captions:
            self.ctx.captions[media] = self._read_captions(media)
        return sorted(self.ctx.captions[media], key=lambda t: t.language != self.ctx.language)

    def _read_captions(self, media: Path) -> tuple[Caption, ...]:
        """The caption files of ``media``, read and checked, one per language.

        Their text goes into the pages, not their files into the site: see :mod:`learnpack.webvtt`.
        """
        tracks: dict[str, Caption] = {}
        for vtt, lang in self._caption_files(media):
            text, problems = webvtt.read(vtt)
            for problem in problems:
                self.ctx.diagnostics.error(vtt, problem.line, problem.message, "media.captions_invalid")
            if lang in tracks:
                kept = tracks[lang].reference.target.name
                self.ctx.diagnostics.warning(vtt, None, f"{vtt.name} and {kept} are both captions in "
                                             f"{language_name(lang)}: learners get {kept}, so remove "
                                             f"{vtt.name}", "media.captions_twice")
            elif text is not None:
                tracks[lang] = Caption(Reference(vtt), lang, language_name(lang), text)
        return tuple(tracks.values())

    def _caption_files(self, media: Path) -> list[tuple[Path, str]]:
        """``film.en.vtt`` … and ``film.vtt`` (in the course's language) beside ``film.mp4``, with their
        languages: files named with their language first."""
        found = []
        for vtt in sorted(media.parent.glob(f"{media.stem}*.vtt")):
            parts = vtt.name[len(media.stem):].split(".")  # "", [lang,] "vtt"
            if len(parts) in (2, 3) and not parts[0]:
                found.append((vtt, parts[1] if len(parts) == 3 else self.ctx.source_language or self.ctx.language))
        return sorted(found, key=lambda file: file[0].name == media.stem + ".vtt")

    def _resolve(self, reference: str, line: int | None) -> tuple[Path | None, str]:
        """The file a relative reference points at, checked to lie inside the course."""
        path_part, _, fragment = reference.partition("#")
        path_part = unquote(path_part.split("?", 1)[0])
        if path_part.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:[\\/]", path_part):
            self._error(line, f"{reference!r} is an absolute path: write it relative to this page",
                        "path.absolute")
            return None, ""
        target = (self.path.parent / path_part).resolve()
        if not target.is_relative_to(self.ctx.root):
            self._error(line, f"{reference!r} points outside the course folder", "path.outside")
            return None, ""
        unsafe = [part for part in target.relative_to(self.ctx.root).parts if not SAFE_NAME.match(part)]
        if unsafe:
            self._error(line, f"{unsafe[0]!r}: use only letters a-z, digits, '-', '_' and '.' in file and "
                        "folder names (LMSs and phones break on spaces and other characters)",
                        "path.unsafe_name")
            return None, ""
        return target, ("#" + fragment if fragment else "")

    def _error(self, line: int | None, message: str, code: str) -> None:
        self.ctx.diagnostics.error(self.path, line, message, code)


def load_page(ctx: PageContext, path: Path, page_id: str, slug: str,
              source_headings: tuple[Heading, ...] = ()) -> Page | None:
    """The page at ``path``; a translation passes its source's headings to keep their ids."""
    return _PageLoader(ctx, path, source_headings).load(page_id, slug)


def _walk(tokens: list[Token]) -> Iterator[Token]:
    """Every token and inline child; children get the map of the exact line they are on."""
    for token in tokens:
        yield token
        breaks = 0
        for child in token.children or []:
            if child.type in ("softbreak", "hardbreak"):
                breaks += 1
            if child.map is None and token.map is not None:
                child.map = [token.map[0] + breaks, token.map[0] + breaks + 1]
            yield child


def _line_of(token: Token) -> int | None:
    return token.map[0] + 1 if token.map else None


def _first_heading(tokens: list[Token]) -> str | None:
    for index, token in enumerate(tokens):
        if token.type == "heading_open" and index + 1 < len(tokens):
            return tokens[index + 1].content
    return None
