"""``--target scorm2004``: SCORM 2004 4th edition packages."""

from __future__ import annotations

from ..scorm.versions import SCORM2004
from ._scorm import ScormTarget


class Scorm2004Target(ScormTarget):
    name = "scorm2004"
    version = SCORM2004
    adapter = "scorm2004.js"
