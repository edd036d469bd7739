"""Shared fixtures: small courses under tests/roots/ and building them."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from learnpack.build import BuildReport, build

# Property tests: a few examples in CI; many with --hypothesis-profile=thorough.
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=15, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("thorough", max_examples=400, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("ci")

TESTS = Path(__file__).parent
ROOTS = TESTS / "roots"
REPO = TESTS.parent
SAMPLE = REPO / "content" / "vitale-tegn"
SCHEMAS = REPO.parent / "shared" / "schemas"  # ADL's XSDs beside the checkout; never copied into it


@pytest.fixture
def course_copy(tmp_path: Path) -> Callable[[str], Path]:
    """Copy ``tests/roots/<name>`` (or the sample course, ``"sample"``) into a temporary folder."""

    def copy(name: str) -> Path:
        source = SAMPLE if name == "sample" else ROOTS / name
        target = tmp_path / "courses" / source.name
        shutil.copytree(source, target)
        return target

    return copy


@pytest.fixture
def build_root(tmp_path: Path) -> Callable[..., BuildReport]:
    """Build ``tests/roots/<name>`` (or ``"sample"``) into ``tmp_path/out``."""

    def run(name: str, targets: tuple[str, ...] = ("html",), **options: object) -> BuildReport:
        source = SAMPLE if name == "sample" else ROOTS / name
        return build(source, targets, tmp_path / "out" / source.name, **options)  # type: ignore[arg-type]

    return run


def write_course(root: Path, pages: dict[str, str], course_yml: str | None = None) -> Path:
    """Write a small course: ``pages`` maps ``"01-m/01-p.md"`` to its text."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "course.yml").write_text(
        course_yml or "id: t\ntitle: T\nversion: 1.0.0\nlanguage: nb\n", encoding="utf-8"
    )
    for name, text in pages.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


from browser import browser, page  # noqa: E402,F401  (fixtures for the browser tests)
