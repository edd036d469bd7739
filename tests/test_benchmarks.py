"""The benchmarks still run (their figures are read by people, never asserted: machines are noisy)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).parent.parent / "benchmarks"


def test_build_speed_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "build_speed.py"), "--pages", "20", "--runs", "1"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "page HTML" in result.stdout and "worst-case suspend_data" in result.stdout
    assert "build time per page" in result.stdout


def test_page_weight_benchmark_runs() -> None:
    result = subprocess.run([sys.executable, str(BENCHMARKS / "page_weight.py"), "--pages", "10", "40"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr
    assert "content page" in result.stdout and "start page" in result.stdout and "SCO launcher" in result.stdout
