"""``--target scorm12``: SCORM 1.2 packages."""

from __future__ import annotations

from ..scorm.manifest import SCORM12
from ._scorm import ScormTarget


class Scorm12Target(ScormTarget):
    name = "scorm12"
    version = SCORM12
    adapter = "scorm12.js"
