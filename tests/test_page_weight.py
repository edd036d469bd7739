"""A page's weight does not depend on the course's size: what a content page and the start page
load before the learner does anything (CSS and JavaScript) is the same bytes in a 1000-page course
as in a 50-page one, but for the number of pages, and within 20 kB of gzip. Nor does it depend on
the kinds of question in the course: a page loads the scripts of the kinds it asks, and a page that
asks every kind still loads at most 20 kB."""

from __future__ import annotations

import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import html as lxml_html

from learnpack import runtime
from learnpack.build import build
from learnpack.kinds import kind_of
from learnpack.loader import load_course
from learnpack.model import Kind
from learnpack.targets._site import common_kinds
from support.courses import write_course

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import page_weight  # noqa: E402  (benchmarks/page_weight.py: how a page's up-front files are read)
from build_speed import make_course  # noqa: E402

PAGE_COUNT = re.compile(rb'"pageCount": \d+')


@pytest.fixture(scope="module")
def sites(tmp_path_factory: pytest.TempPathFactory) -> dict[int, Path]:
    root = tmp_path_factory.mktemp("weight")
    return {pages: build(make_course(root / f"course-{pages}", pages), ["html"], root / f"out-{pages}").out / "html"
            for pages in (50, 1000)}


@pytest.mark.parametrize("name", [page_weight.PAGE, page_weight.START], ids=["content page", "start page"])
def test_a_page_loads_the_same_up_front_in_a_course_of_any_size(sites: dict[int, Path], name: str) -> None:
    small, large = (page_weight.upfront(page_weight.site_reader(sites[n]), name) for n in (50, 1000))
    assert sorted(small) == sorted(large)
    assert "assets/course.nb.js" not in large  # the outline loads when the contents open
    assert any(path.endswith(".css") for path in large) and any(path.endswith(".js") for path in large)
    for path in large:  # the same bytes, but for the number of pages
        assert PAGE_COUNT.sub(b"", small[path]) == PAGE_COUNT.sub(b"", large[path]), path
    assert b'"pageCount": 1000' in large["assets/shell.nb.js"]
    assert page_weight.gzipped(large) <= page_weight.LIMIT, {p: len(d) for p, d in large.items()}


def test_the_outline_the_contents_load_is_the_whole_course(sites: dict[int, Path]) -> None:
    lazy = page_weight.lazy(page_weight.site_reader(sites[1000]), page_weight.PAGE)
    assert list(lazy) == ["assets/course.nb.js"]
    assert lazy["assets/course.nb.js"].count(b'"href": ') == 1000


CHOICE_ONLY = """# Ett valg

::: quiz {#valg}
### Hva er normal puls? {#puls}
- ( ) 30–50
- (x) 60–100
:::
"""

KIND_PAGES = {"01-m/01-tekst.md": "# Tekst\n\nBare tekst.\n", "01-m/02-alt.md": page_weight.EVERY_KIND,
              "01-m/03-valg.md": CHOICE_ONLY}


@pytest.fixture(scope="module")
def kinds_course(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Callable[[str], bytes]]:
    """A course with a page without a quiz, one with every kind of question, one with one choice question:
    how each target's pages read their files."""
    root = tmp_path_factory.mktemp("kinds")
    course = write_course(root / "course", KIND_PAGES)
    asked = {q.kind for q in load_course(course).pages[1].quizzes[0].questions}
    assert asked == set(Kind), "page_weight.EVERY_KIND must ask every kind of question"
    out = build(course, ["html", "scorm12", "scorm2004"], root / "out").out
    readers = {"html": page_weight.site_reader(out / "html")}
    for target in ("scorm12", "scorm2004"):
        (package,) = (out / target).glob("*.zip")
        readers[target] = page_weight.zip_reader(package)
    return readers


def kind_scripts(files: dict[str, bytes]) -> set[str]:
    return {path for path in files if path.startswith("assets/kinds/")}


@pytest.mark.parametrize("target", ["html", "scorm12", "scorm2004"])
def test_a_page_with_every_kind_of_question_loads_at_most_20_kb(
        kinds_course: dict[str, Callable[[str], bytes]], target: str) -> None:
    files = page_weight.upfront(kinds_course[target], "nb/01-m/02-alt.html")
    own = {f"assets/{kind_of(kind).script}" for kind in Kind if kind_of(kind).own_script}
    assert kind_scripts(files) == {"assets/kinds/common.js", *own}
    assert page_weight.gzipped(files) <= page_weight.LIMIT, {p: len(d) for p, d in files.items()}


@pytest.mark.parametrize("target", ["html", "scorm12", "scorm2004"])
def test_a_page_loads_the_scripts_of_the_kinds_it_asks_and_no_other(
        kinds_course: dict[str, Callable[[str], bytes]], target: str) -> None:
    read = kinds_course[target]
    assert kind_scripts(page_weight.upfront(read, "nb/01-m/01-tekst.html")) == set()  # no quiz: no kind at all
    choice = page_weight.upfront(read, "nb/01-m/03-valg.html")
    assert kind_scripts(choice) == {"assets/kinds/common.js"}  # choice is one of the small kinds
    # joined and minified as page.js is
    assert choice["assets/kinds/common.js"] == runtime.joined(common_kinds())
    ordering = page_weight.upfront(read, "nb/01-m/02-alt.html")
    assert ordering["assets/kinds/ordering.js"] == runtime.joined(("kinds/ordering.js",))
    assert b"LearnpackKinds = {" not in choice["assets/page.js"]  # the engine asks the registry, never defines it
    for page in ("nb/01-m/01-tekst.html", "nb/01-m/02-alt.html", "nb/01-m/03-valg.html"):
        scripts = lxml_html.fromstring(read(page)).xpath("//script/@src")
        assert scripts[-1] == "../../assets/page.js", page  # the kinds are defined before page.js sets the quizzes up
