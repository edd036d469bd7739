"""Deterministic zip files: the same files give the same bytes, whenever and wherever built."""

from __future__ import annotations

import zipfile
from collections.abc import Mapping
from pathlib import Path

FIXED_TIME = (1980, 1, 1, 0, 0, 0)


def write_zip(dest: Path, files: Mapping[str, bytes]) -> None:
    """Write ``files`` (package path -> content) sorted, with fixed times and permissions."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(dest, "w") as archive:
        for name in sorted(files):
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 3
            archive.writestr(info, files[name], compresslevel=9)
