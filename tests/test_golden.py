"""A golden tree: the HTML that tests/roots/basic builds to, so a change to templates or
rendering shows up as a readable diff in review.

After an intended change, write the new tree with
``LEARNPACK_GOLDEN=update python3 -m pytest tests/test_golden.py`` and commit the diff.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
from pathlib import Path

from learnpack.build import build
from support.courses import ROOTS, TESTS

GOLDEN = TESTS / "golden" / "basic"
DIGITS = re.compile(r'"digitZeros": \[[^\]]*\]')  # from the Python's Unicode data: varies with its version


def generated(out: Path) -> dict[str, str]:
    """The files the build makes from the course (not the ones it copies from the theme)."""
    files = [*out.glob("*.html"), *out.glob("*/**/*.html"), *out.glob("assets/course.*.js"),
             *out.glob("assets/shell.*.js")]
    return {p.relative_to(out).as_posix(): DIGITS.sub('"digitZeros": […]', p.read_text(encoding="utf-8"))
            for p in sorted(files)}


def test_the_basic_course_builds_to_the_golden_tree(tmp_path: Path) -> None:
    built = generated(build(ROOTS / "basic", ["html"], tmp_path / "out").out / "html")
    if os.environ.get("LEARNPACK_GOLDEN") == "update":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for name, text in built.items():
            (GOLDEN / name).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / name).write_text(text, encoding="utf-8")
    golden = {p.relative_to(GOLDEN).as_posix(): p.read_text(encoding="utf-8")
              for p in sorted(GOLDEN.rglob("*")) if p.is_file()}
    assert sorted(built) == sorted(golden), "files added or removed: LEARNPACK_GOLDEN=update to accept"
    diffs = ["".join(difflib.unified_diff(golden[name].splitlines(True), built[name].splitlines(True),
                                          f"golden/{name}", f"built/{name}"))
             for name in built if built[name] != golden[name]]
    assert not diffs, "\n".join(diffs) + "\nLEARNPACK_GOLDEN=update to accept"


def test_titles_shown_from_another_language_say_which(tmp_path: Path) -> None:
    """On the Arabic start page, a page shown from the bokmål fallback is marked lang="nb" (WCAG 3.1.2)."""
    from lxml import html as lxml_html

    out = build(ROOTS / "multilang", ["html"], tmp_path / "out").out / "html"
    start = lxml_html.fromstring((out / "ar" / "index.html").read_bytes())
    (fallback,) = start.xpath("//li[@data-page='01-intro/02-mer']//span[@lang]")
    assert (fallback.get("lang"), fallback.get("dir")) == ("nb", "ltr")
    assert not start.xpath("//li[@data-page='01-intro/01-velkommen']//span[@lang]")  # translated: no mark
    assert start.xpath("string(//li[@class='module'][1]/h2//span[@lang='nb'])").replace("\u00ad", "") == "Innledning"  # no Arabic title
    script = (out / "assets" / "course.ar.js").read_text(encoding="utf-8")
    assert '"lang": "nb"' in script and '"ar": "rtl"' in script


def test_a_fallback_notice_names_each_language_in_its_own(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    out = build(ROOTS / "multilang", ["html"], tmp_path / "out").out / "html"
    page = lxml_html.fromstring((out / "ar" / "01-intro" / "02-mer.html").read_bytes())
    names = page.xpath("//p[@class='fallback-notice']/bdi")
    assert [name.get("lang") for name in names] == ["ar", "nb"]
    start = lxml_html.fromstring((out / "ar" / "index.html").read_bytes())
    assert start.xpath("string(//p[@class='lead']/span/@lang)") == "nb"  # the description exists only in bokmål
