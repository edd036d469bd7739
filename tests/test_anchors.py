"""Links to a place in a page (``#id``): heading ids kept across languages, and dead fragments reported."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from lxml import html as lxml_html

from learnpack.build import build
from learnpack.errors import CourseError
from learnpack.loader import load_course
from learnpack.markdown.headings import match_headings
from support.courses import write_course

COURSE_YML = "id: t\ntitle: T\nversion: 1\nlanguage: nb\nlanguages: [nb, en, ar]\n"
SIDE = "---\ntitle: Puls\n---\n## Normal puls\n\nTekst.\n\n### Slik teller du\n\nTekst.\n"


def _add_headings(root: Path) -> None:
    """The multilang course, with headings in its first page (nb, en, ar) and links to them."""
    intro = root / "01-intro"
    headings = {"": ("## Normal puls", "### Slik teller du"), ".en": ("## Normal pulse", "### How to count"),
                ".ar": ("## النبض الطبيعي", "### كيف تعد")}
    for suffix, (h2, h3) in headings.items():
        page = intro / f"01-velkommen{suffix}.md"
        page.write_text(page.read_text(encoding="utf-8") + f"\n{h2}\n\nTekst.\n\n{h3}\n\n[↑](#normal-puls)\n",
                        encoding="utf-8")
    more = intro / "02-mer.md"  # only in bokmål: the other languages show it as it is
    more.write_text(more.read_text(encoding="utf-8") + "\nSe [normal puls](01-velkommen.md#normal-puls) og "
                    "[spørsmålet](../02-quiz/01-sporsmal.md#q-puls).\n", encoding="utf-8")


def _ids(page: Path, xpath: str) -> list[str]:
    return [str(i) for i in lxml_html.fromstring(page.read_bytes()).xpath(xpath)]


def test_a_translation_keeps_the_ids_of_the_source_headings(
        course_copy: Callable[[str], Path], tmp_path: Path) -> None:
    root = course_copy("multilang")
    _add_headings(root)
    out = build(root, ["html"], tmp_path / "out").out / "html"
    for language in ("nb", "en", "ar", "nn", "se"):
        page = out / language / "01-intro" / "01-velkommen.html"
        assert _ids(page, "//main//div[@class='content']//h2/@id | //main//div[@class='content']//h3/@id") == ["normal-puls", "slik-teller-du"], language
    assert _ids(out / "ar" / "01-intro" / "01-velkommen.html", "//main//h2/text()") == ["النبض الطبيعي"]


def test_links_to_headings_and_questions_work_in_every_language(
        course_copy: Callable[[str], Path], tmp_path: Path) -> None:
    root = course_copy("multilang")
    _add_headings(root)
    out = build(root, ["html"], tmp_path / "out").out / "html"
    followed = 0
    for page in out.glob("*/*/*.html"):
        for href in _ids(page, "//main//div[@class='content']//a/@href"):
            path, _, fragment = href.partition("#")
            if fragment and not path.startswith(("http:", "https:")):
                target = (page.parent / unquote(path)) if path else page
                assert _ids(target, f"//*[@id='{fragment}']/@id") == [fragment], (page, href)
                followed += 1
    assert followed == 5 * 3  # each language: the link within the page, to the heading, to the question


def test_an_explicit_id_wins(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {
        "01-m/01-p.md": "## Slik gjør du {#slik}\n\n## Etterpå\n",
        "01-m/01-p.en.md": "## How to do it {#how}\n\n## Afterwards\n",
        "01-m/01-p.ar.md": "## كيف تفعل ذلك\n\n## بعد ذلك {#etter}\n",
    }, COURSE_YML)
    out = build(root, ["html"], tmp_path / "out").out / "html"
    expected = {"nb": ["slik", "etterpa"], "en": ["how", "etterpa"], "ar": ["slik", "etter"]}
    for language, ids in expected.items():
        page = out / language / "01-m" / "01-p.html"
        assert _ids(page, "//main//div[@class='content']//h2/@id") == ids, language
        assert "{#" not in page.read_text(encoding="utf-8")
    assert load_course(root).pages[0].title == "Slik gjør du"  # the first heading, without its id


@pytest.mark.parametrize(
    ("pages", "where", "names"),
    [
        ({"01-m/01-p.md": "## A\n\nTekst.\nSe [B](#b).\n"}, ("01-p.md", 4), "this page"),
        ({"01-m/01-p.md": "## A\n", "01-m/02-q.md": "Tekst.\n\nSe [A](01-p.md#normal)\n"}, ("02-q.md", 3),
         "01-m/01-p.md"),
        ({"01-m/01-p.md": "::: quiz\n- tekst [her](#q-nei)\n### Q {#ja}\n= true\n:::\n"}, ("01-p.md", 2), "this page"),
        # in a translation: the link in the variant, and a link to a translated page that lacks the id
        ({"01-m/01-p.md": "## A\n\n[A](#a)\n", "01-m/01-p.en.md": "## A\n\n[A](#b)\n"}, ("01-p.en.md", 3),
         "this page"),
        ({"01-m/01-p.md": "## Normal {#normal}\n", "01-m/01-p.en.md": "## Normal {#usual}\n",
          "01-m/02-q.md": "Se\n[her](01-p.md#normal).\n"}, ("02-q.md", 2), "01-m/01-p.en.md"),
    ],
)
def test_a_link_to_a_missing_fragment_is_reported_with_file_and_line(
        tmp_path: Path, pages: dict[str, str], where: tuple[str, int], names: str) -> None:
    root = write_course(tmp_path / "c", pages, COURSE_YML)
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.path.name, problem.line) == ("link.fragment", *where), problem.format()
    assert f"{names} has no heading or question with the id" in problem.message


def test_a_missing_fragment_suggests_a_close_id(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "## Slik gjør du\n\nSe [her](#slik-gjore-du).\n"})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    assert caught.value.diagnostics[0].message.endswith("did you mean #slik-gjor-du?")


@pytest.mark.parametrize(
    ("variant", "where", "message"),
    [
        ("## A\n\n## B\n\n### Ordliste\n", ("01-p.en.md", 5), "3 headings here, 2 in 01-m/01-p.md: a translation "
         "keeps the source's headings, whose ids links point at (here: '## A', '## B', '### Ordliste'; there: "
         "'## A', '## B')"),
        ("## A\n", ("01-p.en.md", None), "1 headings here, 2 in 01-m/01-p.md"),
        ("## A\n\n### B\n", ("01-p.en.md", 3), "heading '### B' is at level 3 here but at level 2 in 01-m/01-p.md:3"),
    ],
)
def test_headings_that_differ_from_the_source_name_both_files(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, variant: str, where: tuple[str, int | None], message: str,
) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "## A\n\n## B\n", "01-m/01-p.en.md": variant}, COURSE_YML)
    monkeypatch.chdir(root)  # paths in messages are relative to the working directory
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.path.name, problem.line) == ("i18n.mismatch", *where)
    assert message in problem.message, problem.message


def test_headings_are_matched_from_both_ends() -> None:
    assert match_headings([2, 3, 2], [2, 3, 2]) == {0: 0, 1: 1, 2: 2}
    assert match_headings([2, 3, 2], [2, 2, 2]) == {0: 0, 1: 1, 2: 2}  # same number: one to one
    assert match_headings([2, 2, 3], [2, 4, 2, 3]) == {0: 0, 2: 1, 3: 2}  # the extra one keeps its own id
    assert match_headings([2, 3, 3, 2], [2, 2]) == {0: 0, 1: 3}
    assert match_headings([2], []) == {}


@pytest.mark.parametrize(
    ("page", "line", "code"),
    [
        ("## A {#1a}\n", 1, "heading.invalid_id"),
        ("## A {#a pass=3}\n", 1, "heading.invalid_id"),
        ("## A {#a}\n\n## B {#a}\n", 3, "heading.duplicate_id"),
        ("## Q puls\n\n::: quiz\n### Q {#puls}\n= true\n:::\n", 1, "heading.duplicate_id"),
        ("## Main\n", 1, "heading.duplicate_id"),  # the page's <main id="main">
    ],
)
def test_heading_ids_are_checked(tmp_path: Path, page: str, line: int, code: str) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": page})
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.line) == (code, line), problem.format()


def test_text_in_braces_stays_text(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "## Verdier {a, b}\n"})
    assert load_course(root).pages[0].headings[0].text == "Verdier {a, b}"
