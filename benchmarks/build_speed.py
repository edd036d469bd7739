"""Build speed and output size, as ratios against baselines measured in the same run.

    python benchmarks/build_speed.py [--pages 200]

- speed: a full learnpack build (load, check, render, write HTML + both SCORM zips) against
  the baseline of rendering the same Markdown with plain markdown-it-py (no checks, no output);
- size: the HTML of one page in a course 10x larger, against the same page in the small course
  (a page must not grow with the course);
- sharing: what the second SCORM target adds to a build of html + scorm12 (the site is
  rendered once for both packages, so at most 10 %);
- scaling: the full build's time per page against that of a course half as large (about 1.0 or
  less when the build is linear; work that is quadratic in the pages shows as 2.0);
- state: the worst-case SCORM suspend_data against SCORM 1.2's 4,096 characters.
Machines here are shared and noisy: read the ratios, not the seconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from markdown_it import MarkdownIt

from learnpack.build import build
from learnpack.loader import load_course
from learnpack.scorm.suspend import LIMITS, worst_case_length

PAGE = """---
title: Side {n}
---
Pulsen er antall hjerteslag per minutt. Tell i 30 sekunder og gang med to.
Skriv ned verdien, tidspunktet og hva pasienten gjorde da du målte.

## Normalverdier

| Måling | Normal |
|---|---|
| Puls | 60–100 |
| Respirasjon | 12–20 |

::: quiz {{#quiz-{n}}}
### Hva er normal puls? {{#puls-{n}}}
- ( ) 30–50
  > For lavt.
- (x) 60–100
- ( ) 120–140

### Puls måles i slag per minutt. {{#enhet-{n}}}
= true
:::
"""


def make_course(root: Path, pages: int) -> Path:
    root.mkdir(parents=True)
    (root / "course.yml").write_text("id: bench\ntitle: Bench\nversion: 1.0.0\nlanguage: nb\n", encoding="utf-8")
    for n in range(pages):
        folder = root / f"{n // 10 + 1:02d}-modul"
        folder.mkdir(exist_ok=True)
        (folder / f"{n % 10 + 1:02d}-side.md").write_text(PAGE.format(n=n), encoding="utf-8")
    return root


def best_of(runs: int, action) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def best_of_alternating(runs: int, first, second) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """The best times of two actions run in turn, so that a busy spell slows both alike."""
    times: tuple[list[float], list[float]] = ([], [])
    for _ in range(runs):
        for action, measured in zip((first, second), times, strict=True):
            start = time.perf_counter()
            action()
            measured.append(time.perf_counter() - start)
    return min(times[0]), min(times[1])


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=200)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        small = make_course(tmp_path / "small", args.pages // 10)
        half = make_course(tmp_path / "half", args.pages // 2)
        large = make_course(tmp_path / "large", args.pages)
        sources = [p.read_text(encoding="utf-8") for p in sorted(large.rglob("*.md"))]
        md = MarkdownIt("commonmark").enable("table")
        baseline = best_of(args.runs, lambda: [md.render(s) for s in sources])
        every = ["html", "scorm12", "scorm2004"]
        roomy = 64000  # SCORM 1.2's 4,096 characters of learner state hold about 220 of these pages
        full, one_scorm = best_of_alternating(
            args.runs,
            lambda: build(large, every, tmp_path / "out", scorm12_suspend_limit=roomy),
            lambda: build(large, ["html", "scorm12"], tmp_path / "out-one", scorm12_suspend_limit=roomy),
        )
        full_half = best_of(args.runs, lambda: build(half, every, tmp_path / "out-half", scorm12_suspend_limit=roomy))
        html_only = best_of(args.runs, lambda: build(large, ["html"], tmp_path / "out-html"))
        build(small, ["html"], tmp_path / "out-small")
        page_small = (tmp_path / "out-small" / "html" / "nb" / "01-modul" / "02-side.html").stat().st_size
        page_large = (tmp_path / "out-html" / "html" / "nb" / "01-modul" / "02-side.html").stat().st_size
        state = worst_case_length(load_course(large))
        zips = [p.stat().st_size for p in (tmp_path / "out").rglob("*.zip")]
    print(f"pages: {args.pages} (small course: {args.pages // 10}); best of {args.runs} runs")
    print(f"baseline  markdown-it render of the same sources: {baseline * 1000:8.1f} ms  (1.00)")
    print(f"learnpack build --target html                 : {html_only * 1000:8.1f} ms  ({html_only / baseline:5.1f}x)")
    print(f"learnpack build html + scorm12 + scorm2004    : {full * 1000:8.1f} ms  ({full / baseline:5.1f}x)")
    print(f"  of which the second SCORM target (scorm2004): {(full - one_scorm) * 1000:8.1f} ms  "
          f"(+{(full - one_scorm) / one_scorm:.0%} on html + scorm12; at most 10 %)")
    scaling = (full / args.pages) / (full_half / (args.pages // 2))
    print(f"build time per page, {args.pages} pages vs {args.pages // 2}    : {scaling:5.2f}x  "
          "(1.00 linear, 2.00 quadratic)")
    print(f"page HTML, {args.pages}-page course vs {args.pages // 10}-page course: "
          f"{page_large} / {page_small} bytes  ({page_large / page_small:.3f}x)")
    print(f"SCORM package size: {statistics.mean(zips) / 1024:.0f} KiB each")
    print(f"worst-case suspend_data: {state} of {LIMITS['scorm12']} characters (SCORM 1.2)  "
          f"({state / LIMITS['scorm12']:.2f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
