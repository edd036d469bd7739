"""Page weight: the CSS and JavaScript a page loads before the learner does anything, against
the same page of a course ten times smaller, measured in the same run.

    python benchmarks/page_weight.py [--pages 100 1000]

- content page: a page with a quiz of single-choice and true/false questions (its stylesheet and
  scripts: the shell's data, ``kinds/common.js`` with the small kinds, ``page.js``); a page
  also loads ``kinds/ordering.js`` or ``kinds/matching.js`` when it asks those, no kind without a quiz;
- start page: the course's start page in one language (``nb/index.html``);
- SCO launcher: ``sco.html`` of a SCORM 1.2 package, which holds the whole course's quiz
  structure to write the learner state; it is loaded once per LMS session, not per page;
- every kind: the worst case of a content page, one that asks every kind of question, in a SCORM
  1.2 package (whose ``page.js`` also has the LMS store); it does not depend on the course's size.

Each file counts with its own gzip size (a server or an LMS sends each file compressed on its
own). A page must not grow with the course: the ratio stays about 1.00, and the content and
start pages, and the page with every kind, stay within 20 kB; a line over that says OVER. What
loads later (the table of contents' outline, when the learner opens it) is shown apart.
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

#: A page that asks every kind of question: what a content page loads at most.
EVERY_KIND = """# Alle slags spørsmål

::: quiz {#alt}
### Velg en {#en}
- ( ) 30–50
- (x) 60–100

### Velg flere {#flere}
- [x] puls
- [x] temperatur
- [ ] hårfarge

### Puls måles i slag per minutt. {#sant}
= true

### Hva kalles lav puls? {#ord}
= bradykardi

### Normal puls? {#tall}
= 60..100

### Sett i rekkefølge. {#rekke}
1. Tell slagene
2. Gang med to
3. Skriv ned

### Koble sammen. {#koble}
- Puls -> slag per minutt
- Temperatur -> grader

### Hva tenker du? {#tenk type=reflection}
:::
"""
EVERY_KIND_PAGE = "nb/01-modul/01-alt.html"  # EVERY_KIND in every_kind_course


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


def every_kind_course(root: Path) -> Path:
    """A course of one page, :data:`EVERY_KIND` (:data:`EVERY_KIND_PAGE` in the site)."""
    (root / "01-modul").mkdir(parents=True)
    (root / "course.yml").write_text("id: alt\ntitle: Alt\nversion: 1.0.0\nlanguage: nb\n", encoding="utf-8")
    (root / "01-modul" / "01-alt.md").write_text(EVERY_KIND, encoding="utf-8")
    return root


def measure_every_kind(root: Path) -> dict[str, bytes]:
    """What the page with every kind of question loads up front in a SCORM 1.2 package."""
    out = build(every_kind_course(root / "every-kind"), ["scorm12"], root / "out-every-kind")
    (package,) = (out.out / "scorm12").glob("*.zip")
    return upfront(zip_reader(package), EVERY_KIND_PAGE)


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
        every_kind = measure_every_kind(Path(tmp))
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
    worst = gzipped(every_kind)
    over = over or worst > LIMIT
    print(f"{'every kind (SCORM)':22}: {kb(worst)}  {'OVER 20 kB' if worst > LIMIT else 'ok, at most 20 kB'}"
          f" ({LIMIT - worst} bytes to spare)")
    for name, data in sorted(every_kind.items()):
        print(f"    {name:34} {kb(len(gzip.compress(data, compresslevel=9, mtime=0)))}")
    if over:
        print("a page loads more than 20 kB up front")
    return 0


if __name__ == "__main__":
    sys.exit(main())
