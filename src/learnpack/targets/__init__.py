"""Output formats: each a small :class:`~learnpack.targets.base.Target` over the same course."""

from __future__ import annotations

from .base import Target
from .html import HtmlTarget

TARGETS: dict[str, type[Target]] = {cls.name: cls for cls in (HtmlTarget,)}
