"""A pytest plugin: fixtures that copy and build the test courses, and the Hypothesis profiles."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from learnpack.build import BuildReport, build
from support.courses import ROOTS, SAMPLE

# Property tests: a few examples in CI; many with --hypothesis-profile=thorough.
_QUIET = [HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=_QUIET)
settings.register_profile("thorough", max_examples=1000, deadline=None, suppress_health_check=_QUIET)
settings.load_profile("ci")


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
