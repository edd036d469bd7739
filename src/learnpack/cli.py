"""The ``learnpack`` command line: click wiring only; the work is done in plain functions."""

from __future__ import annotations

import json
import sys
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from . import __version__
from .build import build as run_build
from .build import check as run_check
from .errors import CourseError, Diagnostic, Diagnostics, LearnpackError, display_path
from .loader import load_course
from .scaffold import create_course
from .targets import TARGETS
from .targets.scorm12 import SUSPEND_LIMIT_RANGE
from .translate.exchange import export_po, export_xliff, import_file, still_outdated
from .translate.status import SEGMENT_STATES, STATES, course_status, render_report, settings_status, stamp
from .validate import compare_packages, has_errors, validate_package

_split_option = click.option(
    "--split", type=click.Choice(["modules"]),
    help="SCORM: one package per module instead of one for the whole course.")
_multilingual_option = click.option(
    "--multilingual", is_flag=True,
    help="SCORM: one package with every language and a language menu, instead of one per language.")
_suspend_limit_option = click.option(
    "--scorm12-suspend-limit", "scorm12_suspend_limit", type=click.IntRange(*SUSPEND_LIMIT_RANGE),
    help=f"SCORM 1.2: the characters of learner state (cmi.suspend_data) the LMS keeps [default: "
         f"{SUSPEND_LIMIT_RANGE[0]}, the standard's]; up to {SUSPEND_LIMIT_RANGE[1]} for Moodle with SCORM "
         "SCORM 1.2 standard mode (scorm12standard) off. Use the package only on such an LMS.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="learnpack")
def main() -> None:
    """Turn Markdown course modules with quizzes into HTML courses and SCORM packages."""


@main.command()
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--target", "-t", "targets", multiple=True, type=click.Choice(sorted(TARGETS)),
              default=("html",), show_default=True, help="Output format; repeat for several.")
@click.option("--out", "-o", type=click.Path(path_type=Path, file_okay=False),
              help="Output folder [default: build/<course folder name>].")
@click.option("--strict", is_flag=True, help="Fail the build on warnings too.")
@_split_option
@click.option("--schemas", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="SCORM: copy ADL's schema files from this folder into each package.")
@_multilingual_option
@_suspend_limit_option
@click.option("--json", "as_json", is_flag=True, help="Print a machine-readable report of every file written.")
def build(course_dir: Path, targets: tuple[str, ...], out: Path | None, strict: bool, split: str | None,
          schemas: Path | None, multilingual: bool, scorm12_suspend_limit: int | None, as_json: bool) -> None:
    """Check COURSE_DIR and build it for each target into OUT/<target>/."""
    out = out or Path("build") / course_dir.resolve().name
    show_progress = not as_json and sys.stderr.isatty()
    with _guard(as_json):
        if show_progress:
            with click.progressbar(length=_count_pages(course_dir) * len(set(targets)), label="Building",
                                   file=sys.stderr) as bar:
                report = run_build(course_dir, targets, out, strict=strict, split=split, schemas=schemas,
                                   multilingual=multilingual, scorm12_suspend_limit=scorm12_suspend_limit,
                                   on_page=lambda _: bar.update(1))
        else:
            report = run_build(course_dir, targets, out, strict=strict, split=split, schemas=schemas,
                               multilingual=multilingual, scorm12_suspend_limit=scorm12_suspend_limit)
    if as_json:
        click.echo(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
        return
    _print_diagnostics(report.diagnostics)
    for target in dict.fromkeys(targets):
        click.echo(f"{target}: {display_path(report.out / target)}")


@main.command()
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--target", "-t", "targets", multiple=True, type=click.Choice(sorted(TARGETS)),
              help="Check as a build of this target would: its problems are errors; repeat for several "
                   "[default: every target, what only a target minds as a warning naming it].")
@click.option("--strict", is_flag=True, help="Fail on warnings too.")
@_split_option
@_multilingual_option
@_suspend_limit_option
def check(course_dir: Path, targets: tuple[str, ...], strict: bool, split: str | None, multilingual: bool,
          scorm12_suspend_limit: int | None) -> None:
    """Check COURSE_DIR without writing anything."""
    with _guard(False):
        course, diagnostics = run_check(course_dir, targets, strict=strict, split=split, multilingual=multilingual,
                                        scorm12_suspend_limit=scorm12_suspend_limit)
    _print_diagnostics(diagnostics)
    questions = sum(len(q.questions) for q in course.quizzes)
    click.echo(f"{course.config.id}: {len(course.modules)} modules, {len(course.pages)} pages, "
               f"{questions} questions, languages {', '.join(course.config.languages)}: ok")


@main.command()
@click.argument("package", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--schemas", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="Also validate the manifest against ADL's XSDs in this folder "
                   "(it holds scorm12/manifest.xsd and scorm2004-4th/manifest.xsd).")
@click.option("--previous", type=click.Path(path_type=Path, dir_okay=False),
              help="The package this one replaces in the LMS: say what learners keep (tracks, saved answers).")
@click.option("--json", "as_json", is_flag=True, help="Print the findings as JSON.")
def validate(package: Path, schemas: Path | None, previous: Path | None, as_json: bool) -> None:
    """Check any SCORM 1.2 or 2004 zip, ours or anyone's, without unpacking it."""
    checked = validate_package(package, schemas)
    update = compare_packages(previous, package) if previous is not None else []
    findings = checked + update
    if as_json:
        click.echo(json.dumps([f.to_json() for f in findings], ensure_ascii=False, indent=2))
    else:
        for finding in checked:
            click.echo(finding.format(), err=finding.level != "info")
        if previous is not None:
            click.echo(f"If it replaces {display_path(previous)} in the LMS:")
        for finding in update:
            click.echo(finding.format(), err=finding.level != "info")
        errors = sum(f.level == "error" for f in findings)
        warnings = sum(f.level == "warning" for f in findings)
        click.echo(f"{display_path(package)}: {errors} error{'s' * (errors != 1)}, "
                   f"{warnings} warning{'s' * (warnings != 1)}")
    if has_errors(findings):
        raise SystemExit(1)


@main.command()
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--title", default="Mitt kurs", show_default=True, help="The course title.")
@click.option("--language", default="nb", show_default=True, help="The source language.")
def new(course_dir: Path, title: str, language: str) -> None:
    """Create a new course in COURSE_DIR that builds at once."""
    with _guard(False):
        create_course(course_dir, title=title, language=language)
    click.echo(f"Created {display_path(course_dir)}. Build it with: learnpack build {display_path(course_dir)}")


@main.group()
def i18n() -> None:
    """Translations: status, and recording what a translation was made from."""


@i18n.command("status")
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--html", "html_file", type=click.Path(path_type=Path, dir_okay=False),
              help="Also write the status as an HTML report to this file.")
def i18n_status(course_dir: Path, html_file: Path | None) -> None:
    """Per language: pages translated, outdated, untracked and missing."""
    with _guard(False):
        course = load_course(course_dir)
    report = course_status(course)
    settings = settings_status(course)
    for lang, rows in report.items():
        counts = ", ".join(f"{sum(r.state == s for r in rows)} {s}" for s in STATES)
        texts = ", ".join(f"{sum(r.segments.get(s, 0) for r in rows)} {s}" for s in SEGMENT_STATES)
        click.echo(f"{lang}: {counts}; texts: {texts}")
        for text in settings.get(lang, []):
            if text.state != "translated":
                click.echo(f"  {text.state:10} {display_path(course.root / text.file)}: {text.field}")
        for row in rows:
            if row.state != "translated" or row.segments.get("missing") or row.segments.get("outdated"):
                detail = ", ".join(f"{row.segments[s]} {s}" for s in SEGMENT_STATES if row.segments.get(s))
                click.echo(f"  {row.state:10} {display_path(row.variant or row.source)} ({detail})")
    if html_file is not None:
        html_file.write_text(render_report(course, report), encoding="utf-8")
        click.echo(f"report: {display_path(html_file)}")


@i18n.command("stamp")
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", "language", required=True, help="The language whose translations are up to date.")
@click.argument("pages", nargs=-1)
def i18n_stamp(course_dir: Path, language: str, pages: tuple[str, ...]) -> None:
    """Record that the LANG translations (or only PAGES, e.g. 01-intro/01-welcome) match their source now."""
    with _guard(False):
        course = load_course(course_dir)
        if language not in course.config.languages or language == course.source_language:
            raise LearnpackError(f"{language!r} is not a translation language of this course")
        written = stamp(course, language, list(pages) or None)
    for path in written:
        click.echo(f"stamped {display_path(path)}")


@i18n.command("export")
@click.argument("course_dir", type=click.Path(path_type=Path, file_okay=False))
@click.option("--lang", "language", required=True, help="The language to translate into.")
@click.option("--format", "file_format", type=click.Choice(["xliff", "po"]), default="xliff", show_default=True,
              help="XLIFF 1.2 for translation agencies' tools, PO for open-source translators.")
@click.option("--out", "-o", type=click.Path(path_type=Path, dir_okay=False),
              help="Output file [default: <course id>-<lang>.xlf or .po].")
def i18n_export(course_dir: Path, language: str, file_format: str, out: Path | None) -> None:
    """Write every translatable segment of the course, source text filled in, for translators."""
    with _guard(False):
        course = load_course(course_dir)
        if language not in course.config.languages or language == course.source_language:
            raise LearnpackError(f"{language!r} is not a translation language of this course "
                                 f"(languages in course.yml: {', '.join(course.config.languages)})")
        data = export_xliff(course, language) if file_format == "xliff" else export_po(course, language)
    out = out or Path(f"{course.config.id}-{language}.{'xlf' if file_format == 'xliff' else 'po'}")
    out.write_bytes(data)
    click.echo(f"wrote {display_path(out)}")


@i18n.command("import")
@click.argument("file", type=click.Path(path_type=Path, dir_okay=False, exists=True))
@click.option("--course", "course_dir", type=click.Path(path_type=Path, file_okay=False), default=".",
              show_default=True, help="The course folder the file was exported from.")
def i18n_import(file: Path, course_dir: Path) -> None:
    """Write the translated pages of FILE (XLIFF or PO) as language variants, or nothing on any error."""
    diagnostics = Diagnostics()
    with _guard(False):
        course = load_course(course_dir)
        language, written = import_file(course, file, diagnostics)
        if diagnostics.errors:
            raise CourseError(diagnostics.sorted())
        outdated = still_outdated(course, written)
    _print_diagnostics(diagnostics.sorted())
    for path in written:
        click.echo(f"wrote {display_path(path)}")
    pages = [path for path in written if path.suffix == ".md"]
    settings = len(written) - len(pages)
    summary = f"{language}: {len(pages)} page{'s' * (len(pages) != 1)} updated"
    if settings:
        summary += f", {settings} course or module file{'s' * (settings != 1)}"
    click.echo(summary)
    if outdated:
        click.echo(f"{len(outdated)} stay outdated until their changed texts are translated: "
                   + ", ".join(display_path(path) for path in outdated))


def _count_pages(course_dir: Path) -> int:
    return sum(1 for _ in course_dir.glob("[0-9]*/*.md")) or 1


def _print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for diagnostic in diagnostics:
        click.echo(diagnostic.format(), err=True)


@contextmanager
def _guard(as_json: bool) -> Iterator[None]:
    """Report user errors cleanly; save the traceback of anything else (a bug) to a file."""
    try:
        yield
    except CourseError as error:
        if not as_json:
            raise
        report = {"ok": False, "diagnostics": [d.to_json() for d in error.diagnostics]}
        click.echo(json.dumps(report, ensure_ascii=False, indent=2))
        raise SystemExit(1) from error
    except (click.ClickException, KeyboardInterrupt, SystemExit):
        raise
    except Exception as error:
        log = Path(click.get_app_dir("learnpack")) / "last-error.txt"
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
            where = f"; the full traceback is in {log}"
        except OSError:
            where = ""
        raise LearnpackError(f"internal error: {error!r} (this is a bug in learnpack{where})") from error
