"""Page weight: the CSS and JavaScript a page loads before the learner does anything, against
the same page of a course ten times smaller, measured in the same run.

    python benchmarks/page_weight.py [--pages 100 1000]

- content page: a page with a quiz (its stylesheet and scripts: page.js, the shell's data, ...);
- start page: the course's start page in one language (``nb/index.html``);
- SCO launcher: ``sco.html`` of a SCORM 1.2 package, which holds the whole course's quiz
  structure to write the learner state; it is loaded once per LMS session, not per page.

Each file counts with its own gzip size (a server or an LMS sends each file compressed on its
own). A page must not grow with the course: the ratio stays about 1.00, and the content and
start pages stay within 20 kB; a line over that says OVER. What loads later (the table of
contents' outline, when the learner opens it) is shown apart.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path, PurePosixPath

from lxml import html as lxml_html

from build_speed import make_course  # the same generated course as the build benchmark
from learnpack.build import build

LIMIT = 20_000  # bytes of gzip: what a page may load up front, whatever the course's size
PAGE = "nb/01-modul/02-side.html"  # a content page with a quiz, in every generated course
START = "nb/index.html"


def resolve(name: str, ref: str) -> str:
    """The path in the site of ``ref`` (``../../assets/page.js``) named by the page ``name``."""
    parts: list[str] = []
    for part in (PurePosixPath(name).parent / ref).parts:
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def upfront(read: Callable[[str], bytes], name: str) -> dict[str, bytes]:
    """The stylesheets and scripts the page ``name`` names in its HTML, by their path in the site
    (``read`` gives a file's bytes by that path): what it loads before the learner does anything."""
    refs = lxml_html.fromstring(read(name)).xpath("//link[@rel='stylesheet']/@href | //script/@src")
    return {resolve(name, ref): read(resolve(name, ref)) for ref in refs}


def lazy(read: Callable[[str], bytes], name: str) -> dict[str, bytes]:
    """What the page loads when the learner opens the table of contents (``data-outline``)."""
    refs = lxml_html.fromstring(read(name)).xpath("//*[@data-outline]/@data-outline")
    return {resolve(name, ref): read(resolve(name, ref)) for ref in refs}


def gzipped(files: dict[str, bytes]) -> int:
    """The bytes sent when each file goes gzip-compressed on its own."""
    return sum(len(gzip.compress(data, compresslevel=9, mtime=0)) for data in files.values())


def site_reader(folder: Path) -> Callable[[str], bytes]:
    return lambda path: (folder / path).read_bytes()


def zip_reader(package: Path) -> Callable[[str], bytes]:
    archive = zipfile.ZipFile(package)
    return archive.read


def measure(root: Path, pages: int) -> dict[str, dict[str, bytes]]:
    """Build a generated course of ``pages`` pages and read what its pages load."""
    course = make_course(root / f"course-{pages}", pages)
    out = root / f"out-{pages}"
    build(course, ["html", "scorm12"], out, scorm12_suspend_limit=64000)  # what Moodle keeps: room for 1000 pages
    site = site_reader(out / "html")
    (package,) = (out / "scorm12").glob("*.zip")
    sco = zip_reader(package)
    return {
        "content page": upfront(site, PAGE),
        "start page": upfront(site, START),
        "SCO launcher": upfront(sco, "sco.html"),
        "contents (on opening)": lazy(site, PAGE),
    }


def kb(n: int) -> str:
    return f"{n / 1000:6.1f} kB"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, nargs=2, default=(100, 1000), metavar=("SMALL", "LARGE"))
    args = parser.parse_args()
    small, large = args.pages
    with tempfile.TemporaryDirectory() as tmp:
        before = measure(Path(tmp), small)
        after = measure(Path(tmp), large)
    print(f"CSS + JS loaded up front, gzip of each file: {large}-page course vs {small}-page course (baseline)")
    over = False
    for what in before:
        a, b = gzipped(before[what]), gzipped(after[what])
        ratio = f"{b / a:5.2f}x" if a else "  -  "
        checked = what in ("content page", "start page")
        flag = ("OVER 20 kB" if b > LIMIT else "ok, at most 20 kB") if checked else (
            "once per LMS session" if what == "SCO launcher" else "when the learner opens it")
        over = over or (checked and b > LIMIT)
        print(f"{what:22}: {kb(a)} -> {kb(b)}  ({ratio})  {flag}")
        for name, data in sorted(after[what].items()):
            print(f"    {name:34} {kb(len(gzip.compress(data, compresslevel=9, mtime=0)))}")
    if over:
        print("a page loads more than 20 kB up front")
    return 0


if __name__ == "__main__":
    sys.exit(main())
