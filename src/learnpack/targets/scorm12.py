"""``--target scorm12``: SCORM 1.2 packages."""

from __future__ import annotations

from ..errors import LearnpackError
from ..scorm.versions import SCORM12, SCORM2004
from ._scorm import ScormTarget
from .base import BuildSettings

#: What ``--scorm12-suspend-limit`` accepts: from the standard's 4,096 characters of
#: ``cmi.suspend_data`` to the 64,000 Moodle keeps with "SCORM 1.2 standard mode" off
#: (``scormstandard``; ``scorm12standard`` before Moodle 3.5).
SUSPEND_LIMIT_RANGE = (SCORM12.suspend_limit, SCORM12.largest_suspend_limit)


class Scorm12Target(ScormTarget):
    name = "scorm12"
    version = SCORM12
    adapter = "scorm12.js"
    roomier = (
        (SCORM2004.suspend_limit, "--target scorm2004"),
        (SUSPEND_LIMIT_RANGE[1], f"--scorm12-suspend-limit {SUSPEND_LIMIT_RANGE[1]} for an LMS that keeps that "
                                 "much (Moodle with SCORM 1.2 standard mode, scorm12standard, off)"),
    )

    @classmethod
    def suspend_limit_from(cls, settings: BuildSettings) -> int:
        """``--scorm12-suspend-limit``, checked, or the standard's 4,096 characters."""
        limit = settings.scorm12_suspend_limit
        low, high = SUSPEND_LIMIT_RANGE
        if limit is None:
            return low
        if not low <= limit <= high:
            raise LearnpackError(
                f"--scorm12-suspend-limit {limit}: must be from {low} (the SCORM 1.2 standard) to "
                f"{high} (what Moodle keeps with SCORM 1.2 standard mode off)")
        return limit
