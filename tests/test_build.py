"""Building whole courses: output layout, the --json report, atomic and deterministic output."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.cli import main
from learnpack.errors import CourseError
from support.courses import ROOTS, SAMPLE, write_course


def tree_digest(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_basic_course_layout(build_root) -> None:  # type: ignore[no-untyped-def]
    report = build_root("basic")
    site = report.out / "html"
    names = sorted(tree_digest(site))
    assert names == [
        "assets/choose-language.js", "assets/course.nb.js", "assets/kinds/common.js", "assets/kinds/matching.js",
        "assets/kinds/ordering.js",
        "assets/learnpack.css", "assets/page.js", "assets/shell.nb.js", "assets/start.css", "assets/start.js", "index.html", "media/01-intro/img/sirkel.svg",
        "nb/01-intro/01-velkommen.html", "nb/01-intro/02-bilde.html", "nb/02-quiz/01-sporsmal.html",
        "nb/completed.html", "nb/index.html",
    ]
    assert sorted(f.path.relative_to(site).as_posix() for f in report.files) == names
    languages = {f.path.relative_to(site).as_posix(): f.language for f in report.files}
    assert languages["nb/index.html"] == languages["assets/course.nb.js"] == "nb"
    assert languages["media/01-intro/img/sirkel.svg"] is None  # shared by every language


def test_pages_link_relatively_and_load_nothing_remote(build_root) -> None:  # type: ignore[no-untyped-def]
    site = build_root("basic").out / "html"
    for page in site.rglob("*.html"):
        doc = lxml_html.fromstring(page.read_bytes())
        assert doc.get("lang") == "nb" and doc.get("dir") == "ltr"
        csp = doc.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")[0]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert not doc.xpath("//script[not(@src) and not(@type='application/json')]"), "inline script"
        for attr in ("src", "href"):
            for value in doc.xpath(f"//@{attr}"):
                if value.startswith(("#", "mailto:", "tel:", "data:")):
                    continue
                assert "://" not in value and not value.startswith("/"), (page, value)
                target = (page.parent / value.split("#")[0]).resolve()
                assert target.is_file(), (page, value)


def test_page_html_does_not_grow_with_the_course(tmp_path: Path) -> None:
    def page_size(modules: int) -> int:
        pages = {f"{m:02d}-m/{p:02d}-p.md": f"# Side {m}.{p}\nTekst.\n" for m in range(1, modules + 1)
                 for p in range(1, 6)}
        root = write_course(tmp_path / f"c{modules}", pages)
        out = build(root, ["html"], tmp_path / f"out{modules}").out
        return len((out / "html" / "nb" / "01-m" / "02-p.html").read_bytes())

    small, large = page_size(2), page_size(40)
    # Only "Side 2 av 10" vs "Side 2 av 200" may differ.
    assert large - small <= 2


def test_quiz_markup_is_accessible(build_root) -> None:  # type: ignore[no-untyped-def]
    page = build_root("basic").out / "html" / "nb" / "02-quiz" / "01-sporsmal.html"
    doc = lxml_html.fromstring(page.read_bytes())
    fieldsets = doc.xpath("//form[@class='quiz']/fieldset")
    assert len(fieldsets) == 8
    for fieldset in fieldsets:
        assert len(fieldset.xpath("./legend")) == 1
        for control in fieldset.xpath(".//input | .//select | .//textarea"):
            assert doc.xpath(f"//label[@for='{control.get('id')}']"), control.get("id")
    assert doc.xpath("//*[@aria-live='polite' and contains(@class, 'quiz-result')]")
    key = json.loads(doc.xpath("//script[@type='application/json']")[0].text)
    assert key["questions"]["puls"] == {"correct": ["b"], "kind": "single"}
    assert key["questions"]["temp"]["ranges"] == [[36.5, 37.5]]
    assert key["questions"]["koble"]["pairs"] == {"l0": "r0", "l1": "r1"}


def test_ordering_items_are_never_shown_in_the_right_order(build_root) -> None:  # type: ignore[no-untyped-def]
    page = build_root("basic").out / "html" / "nb" / "02-quiz" / "01-sporsmal.html"
    doc = lxml_html.fromstring(page.read_bytes())
    shown = doc.xpath("//fieldset[@data-question='rekke']//li/@data-choice")
    assert sorted(shown) == ["a", "b", "c"] and shown != ["a", "b", "c"]


def test_two_builds_are_byte_identical(tmp_path: Path) -> None:
    first = build(ROOTS / "basic", ["html"], tmp_path / "one").out
    second = build(ROOTS / "basic", ["html"], tmp_path / "two").out
    assert tree_digest(first) == tree_digest(second)


def test_failed_build_leaves_previous_output(tmp_path: Path, course_copy) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("basic")
    out = tmp_path / "out"
    build(root, ["html"], out)
    before = tree_digest(out)
    (root / "01-intro" / "01-velkommen.md").write_text("![x](mangler.svg)\n", encoding="utf-8")
    with pytest.raises(CourseError):
        build(root, ["html"], out)
    assert tree_digest(out) == before
    assert [p.name for p in out.iterdir()] == ["html"], "no staging folder left behind"


def test_rebuild_replaces_output(tmp_path: Path, course_copy) -> None:  # type: ignore[no-untyped-def]
    root = course_copy("basic")
    out = tmp_path / "out"
    extra = root / "01-intro" / "03-ekstra.md"
    extra.write_text("# Ekstra\n", encoding="utf-8")
    build(root, ["html"], out)
    assert (out / "html" / "nb" / "01-intro" / "03-ekstra.html").exists()
    extra.unlink()
    build(root, ["html"], out)
    assert not (out / "html" / "nb" / "01-intro" / "03-ekstra.html").exists()
    assert (out / "html" / "nb" / "01-intro" / "01-velkommen.html").exists()


def test_cli_json_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["build", str(ROOTS / "basic"), "--out", str(tmp_path), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert report["ok"] is True
    assert {"target": "html", "language": "nb", "path": str(tmp_path / "html" / "nb" / "index.html")} in report["files"]
    assert {"target": "html", "language": None, "path": str(tmp_path / "html" / "index.html")} in report["files"]


def test_cli_reports_errors_and_exits_non_zero(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n\n::: quiz\n### Q {#a}\n- ( ) a\n- ( ) b\n:::\n"})
    result = CliRunner().invoke(main, ["build", str(root), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert re.search(r"01-m/01-p.md:4: error: question has no correct answer.*\[quiz.no_correct\]", result.output)
    assert "1 error: nothing was written" in result.output
    assert not (tmp_path / "out" / "html").exists()


def test_cli_strict_fails_on_warnings(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n", "02-tom/module.yml": "title: Tom\n"})
    runner = CliRunner()
    assert runner.invoke(main, ["build", str(root), "--out", str(tmp_path / "a")]).exit_code == 0
    strict = runner.invoke(main, ["build", str(root), "--out", str(tmp_path / "b"), "--strict"])
    assert strict.exit_code == 1 and "[module.empty]" in strict.output


def test_cli_new_scaffolds_a_course_that_builds(tmp_path: Path) -> None:
    runner = CliRunner()
    created = runner.invoke(main, ["new", str(tmp_path / "mitt-kurs"), "--title", "Mitt kurs"])
    assert created.exit_code == 0, created.output
    built = runner.invoke(main, ["build", str(tmp_path / "mitt-kurs"), "--out", str(tmp_path / "out"), "--strict"])
    assert built.exit_code == 0, built.output
    assert "Mitt kurs" in (tmp_path / "out" / "html" / "nb" / "index.html").read_text(encoding="utf-8")
    again = runner.invoke(main, ["new", str(tmp_path / "mitt-kurs")])
    assert again.exit_code == 1 and "not empty" in again.output


def test_cli_version() -> None:
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0 and "learnpack" in result.output


@pytest.mark.skipif(not SAMPLE.exists(), reason="sample course not written yet")
def test_sample_course_builds_strictly(build_root) -> None:  # type: ignore[no-untyped-def]
    report = build_root("sample", strict=True)
    course = report.course
    kinds = {q.kind.value for quiz in course.quizzes for q in quiz.questions}
    assert kinds == {"single", "multiple", "truefalse", "text", "numeric", "ordering", "matching", "reflection"}
    assert len(course.modules) >= 3 and len(course.pages) >= 10
    assert sum(len(q.questions) for q in course.quizzes) >= 12
    by_language = {c.language: c for c in course.in_languages()}
    assert {"en", "ar", "nn", "se"} <= set(by_language)
    assert by_language["se"].config.title != course.config.title  # a Northern Sami title
    for lang in ("en", "ar", "nn"):
        languages = {p.language for p in by_language[lang].pages}
        assert languages == {lang, "nb"}, (lang, languages)  # partly translated: the rest falls back


def test_styles_load_no_font_and_name_system_fonts_for_every_script(build_root) -> None:  # type: ignore[no-untyped-def]
    css = (build_root("basic").out / "html" / "assets" / "learnpack.css").read_text(encoding="utf-8")
    assert "@font-face" not in css and "url(" not in css and "@import" not in css
    for font in ("Noto Sans Ethiopic", "Nyala", "Kefa", "Ebrima", "Noto Naskh Arabic", "system-ui"):
        assert f'"{font}"' in css or font in css  # Ethiopic (Tigrinya), Arabic script, and the rest
    physical = re.findall(r"(?:margin|padding|border|inset)-(?:left|right)|[{;\s](?:left|right)\s*:|"
                          r"(?:float|text-align|clear)\s*:\s*(?:left|right)", css)
    assert physical == []  # logical properties only, so right-to-left pages mirror by themselves


def test_each_page_type_loads_one_runtime_script(build_root) -> None:  # type: ignore[no-untyped-def]
    """The build joins what a page type needs: content pages get the quiz engine, the start page does not;
    a page with questions also loads the scripts of their kinds, before page.js (tests/test_page_weight.py)."""
    site = build_root("basic").out / "html"
    page = (site / "nb" / "02-quiz" / "01-sporsmal.html").read_text(encoding="utf-8")
    plain = (site / "nb" / "01-intro" / "01-velkommen.html").read_text(encoding="utf-8")
    start = (site / "nb" / "index.html").read_text(encoding="utf-8")
    assert plain.count("<script src=") == 2 and "assets/page.js" in plain and "assets/shell.nb.js" in plain
    scripts = lxml_html.fromstring(page).xpath("//script/@src")
    assert scripts[0] == "../../assets/shell.nb.js" and scripts[-1] == "../../assets/page.js"
    assert scripts[1:4] == ["../../assets/kinds/common.js", "../../assets/kinds/matching.js",
                            "../../assets/kinds/ordering.js"]  # the small kinds together, then those on their own
    assert start.count("<script src=") == 2 and "assets/start.js" in start and "assets/shell.nb.js" in start
    assert 'data-outline="../../assets/course.nb.js"' in page  # the outline: when the contents open
    assert "window.LearnpackQuiz" in (site / "assets" / "page.js").read_text(encoding="utf-8")
    assert "window.LearnpackQuiz =" not in (site / "assets" / "start.js").read_text(encoding="utf-8")
