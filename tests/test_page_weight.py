"""A page's weight does not depend on the course's size: what a content page and the start page
load before the learner does anything (CSS and JavaScript) is the same bytes in a 1000-page course
as in a 50-page one, but for the number of pages, and within 20 kB of gzip."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from learnpack.build import build

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
