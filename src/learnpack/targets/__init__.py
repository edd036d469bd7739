"""Output formats: each a small :class:`~learnpack.targets.base.Target` over the same course."""

from __future__ import annotations

from typing import Any

from .base import Target
from .html import HtmlTarget
from .scorm12 import Scorm12Target
from .scorm2004 import Scorm2004Target

TARGETS: dict[str, type[Target[Any]]] = {cls.name: cls for cls in (HtmlTarget, Scorm12Target, Scorm2004Target)}
