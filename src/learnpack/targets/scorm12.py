"""``--target scorm12``: SCORM 1.2 packages."""

from __future__ import annotations

from ..scorm.manifest import SCORM12
from ..scorm.suspend import LIMITS
from ._scorm import ScormTarget

#: What ``--scorm12-suspend-limit`` accepts: from the standard's 4,096 characters of
#: ``cmi.suspend_data`` to the 64,000 Moodle keeps with "SCORM standards mode" off
#: (``scormstandard``; ``scorm12standard`` before Moodle 3.5).
SUSPEND_LIMIT_RANGE = (LIMITS["scorm12"], 64000)


class Scorm12Target(ScormTarget):
    name = "scorm12"
    version = SCORM12
    adapter = "scorm12.js"
    roomier = (
        (LIMITS["scorm2004"], "--target scorm2004"),
        (SUSPEND_LIMIT_RANGE[1], f"--scorm12-suspend-limit {SUSPEND_LIMIT_RANGE[1]} for an LMS that keeps that "
                                 "much (Moodle with SCORM standards mode, scorm12standard, off)"),
    )
