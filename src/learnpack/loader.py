"""A course folder to a checked :class:`~learnpack.model.Course`, or every reason it is not one."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from .anchors import check_anchors
from .config import language_problem, load_course_config, load_module_config
from .errors import CourseError, Diagnostics, display_path
from .markdown import create_markdown
from .model import Course, Module, Page, Source
from .pages import PageContext, image_in_language, load_page
from .slugs import SAFE_NAME
from .translate.config_texts import check_outdated_texts
from .variants import align_variant, check_outdated, share_text_answers, variant_path

MODULE_FOLDER = re.compile(r"^\d+[-_]")


def load_course(root: Path, diagnostics: Diagnostics | None = None) -> Course:
    """Load and check the whole course; raise :class:`CourseError` listing every error."""
    diagnostics = diagnostics if diagnostics is not None else Diagnostics()
    root = root.resolve()
    course = _load(root, diagnostics)
    if course is None or diagnostics.errors:
        raise CourseError(diagnostics.sorted())
    return course


def _load(root: Path, diagnostics: Diagnostics) -> Course | None:
    if not root.is_dir():
        diagnostics.error(root, None, "no such course folder", "course.missing")
        return None
    config = load_course_config(root, diagnostics)
    folders = [f for f in sorted(root.iterdir()) if f.is_dir() and MODULE_FOLDER.match(f.name)]
    if not folders:
        diagnostics.error(root / "course.yml", None, "the course has no modules: add a folder such as "
                          "01-introduction/ with .md pages in it", "course.no_modules")
    pages_by_folder = {folder: _page_files(folder, config.languages if config else (), diagnostics)
                       for folder in folders}
    if config is None:
        return None
    ctx = PageContext(
        root=root,
        page_files=frozenset(p for files in pages_by_folder.values() for p in files),
        pass_mark=config.pass_mark,
        language=config.source_language,
        diagnostics=diagnostics,
        md=create_markdown(),
        source_language=config.source_language,
        languages=config.languages,
        fallbacks=config.fallbacks,
    )
    modules = [module for folder, files in pages_by_folder.items()
               if (module := _load_module(ctx, folder, files)) is not None]
    course = Course(root=root, config=config, modules=tuple(modules), language=config.source_language)
    _check_unique_ids(course, diagnostics)
    translations = {lang: _translate(course, ctx, lang) for lang in config.languages
                    if lang != config.source_language}
    course = share_text_answers(replace(course, translations=translations))
    check_anchors(course, diagnostics)
    check_outdated_texts(course, diagnostics)
    return course


def _translate(course: Course, ctx: PageContext, language: str) -> Course:
    """The course in ``language``: variants where they exist, else pages from the fallback chain."""
    source = course.source_language
    chain = (language, *course.config.fallbacks.get(language, (source,)))
    modules = []
    for module in course.modules:
        pages = tuple(_page_in(ctx, page, chain, source) for page in module.pages)
        title_language = _first_language(module.titles, chain) or module.title_language
        description_language = _first_language(module.descriptions, chain)
        image_alt_language = _first_language(module.image_alts, chain) or module.image_alt_language
        modules.append(replace(
            module, pages=pages, title=module.titles.get(title_language, module.title), title_language=title_language,
            description=module.descriptions[description_language] if description_language else module.description,
            description_language=description_language or module.description_language,
            image=image_in_language(module.image, chain, course.root) if module.image else None,
            image_alt=module.image_alts.get(image_alt_language, module.image_alt), image_alt_language=image_alt_language,
        ))
    title_language = _first_language(course.config.titles, chain) or source
    description_language = _first_language(course.config.descriptions, chain) or source
    source_config = course.config
    intro_language = _first_language(source_config.intros, chain) or source
    cover_alt_language = _first_language(source_config.cover_alts, chain) or source
    config = replace(source_config, title=_first(source_config.titles, chain) or source_config.title,
                     description=_first(source_config.descriptions, chain) or source_config.description,
                     title_language=title_language, description_language=description_language,
                     intro=_first(source_config.intros, chain) or source_config.intro, intro_language=intro_language,
                     cover=image_in_language(source_config.cover, chain, course.root) if source_config.cover else None,
                     cover_alt=_first(source_config.cover_alts, chain) or source_config.cover_alt,
                     cover_alt_language=cover_alt_language)
    return Course(root=course.root, config=config, modules=tuple(modules), language=language)


def _page_in(ctx: PageContext, source: Page, chain: tuple[str, ...], source_language: str) -> Page:
    for language in chain:
        if language == source_language:
            return source
        path = variant_path(source.origin.path, language)
        if path.is_file():
            key = (path, language)
            if key not in ctx.variants:
                variant = load_page(replace(ctx, language=language), path, page_id=source.id, slug=source.slug,
                                    source_headings=source.headings)
                if variant is not None:
                    check_outdated(source, variant, ctx.diagnostics)
                ctx.variants[key] = align_variant(source, variant, ctx.diagnostics) if variant else source
            return ctx.variants[key]
    return source


def _first(texts: dict[str, str], chain: tuple[str, ...]) -> str:
    language = _first_language(texts, chain)
    return texts[language] if language else ""


def _first_language(texts: dict[str, str], chain: tuple[str, ...]) -> str:
    """The first language of ``chain`` that ``texts`` has a text in, or ``""``."""
    return next((lang for lang in chain if texts.get(lang)), "")


def _page_files(folder: Path, languages: tuple[str, ...], diagnostics: Diagnostics) -> list[Path]:
    """The source-language pages of a module; ``name.<lang>.md`` files are language variants."""
    pages = []
    for path in sorted(folder.glob("*.md")):
        stem = path.stem
        if "." in stem:
            lang = stem.rsplit(".", 1)[1]
            if language_problem(lang) is None:
                if lang not in languages:
                    diagnostics.error(path, 1, f"a translation into {lang!r}, which is not in languages in "
                                      "course.yml: add it there, or rename the file", "i18n.unlisted_language")
                continue
        if not SAFE_NAME.match(path.name):
            diagnostics.error(path, None, "use only letters a-z, digits, '-', '_' and '.' in page file names",
                              "path.unsafe_name")
            continue
        pages.append(path.resolve())
    if not pages:
        diagnostics.warning(folder, None, "module folder has no .md pages", "module.empty")
    return pages


def _load_module(ctx: PageContext, folder: Path, files: list[Path]) -> Module | None:
    if not SAFE_NAME.match(folder.name):
        ctx.diagnostics.error(folder, None, "use only letters a-z, digits, '-', '_' in module folder names",
                              "path.unsafe_name")
        return None
    meta = load_module_config(folder, ctx.root, ctx.language, ctx.diagnostics)
    pages: list[Page] = []
    for path in files:
        page = load_page(ctx, path, page_id=f"{folder.name}/{path.stem}", slug=path.stem)
        if page is not None:
            pages.append(page)
    if meta is None:
        return None
    titles, descriptions = meta.titles, meta.descriptions
    language = ctx.language
    return Module(slug=folder.name, title=titles[language], description=descriptions.get(language, ""),
                  pages=tuple(pages), origin=Source(folder / "module.yml", 1), titles=titles,
                  descriptions=descriptions, title_language=language,
                  description_language=language,
                  image=image_in_language(meta.image, (language,), ctx.root) if meta.image else None,
                  image_alt=meta.image_alts.get(language, ""), image_alts=meta.image_alts,
                  image_alt_language=language)


def _check_unique_ids(course: Course, diagnostics: Diagnostics) -> None:
    quiz_ids: dict[str, Source] = {}
    question_ids: dict[str, Source] = {}
    for quiz in course.quizzes:
        _claim(quiz_ids, quiz.id, quiz.origin, "quiz", diagnostics)
        for question in quiz.questions:
            _claim(question_ids, question.id, question.origin, "question", diagnostics)


def _claim(seen: dict[str, Source], key: str, origin: Source, what: str, diagnostics: Diagnostics) -> None:
    first = seen.setdefault(key, origin)
    if first is origin:
        return
    hint = ""
    if what == "question":
        hint = " (ids made from the question text collide: give one question an explicit {#id})"
    diagnostics.error(origin.path, origin.line,
                      f"duplicate {what} id {key!r}, first used at {display_path(first.path)}:{first.line}{hint}",
                      "quiz.duplicate_id")
