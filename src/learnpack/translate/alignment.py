"""Which text of a variant translates which source text: the variant's segment map.

A variant written by ``learnpack i18n import`` records in its front matter, for each of
its segments in order, the unit id of the source segment it translates: the hash of its
source text, with ``.n`` for the nth repeat of a text in the page (``-`` where the segment
is still the source text)::

    translated_from: 580ade909d15
    translated_segments: 3f2a91c0 8b0c77d1 - 9e41aa02 9e41aa02.2

So a translation is tied to the source *text* it was made from, never to a line number
or a position: when the author changes a source text, its old translation no longer
matches and is neither offered to the translator as current nor kept as current.

A variant without a map (written by hand) is trusted only while it was translated from
the current source (``translated_from``) and has the source's structure; otherwise
learnpack cannot tell which of its texts translates what, and says so (``None``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..variants import source_hash
from .segments import Segment, page_segments, unit_ids

MAP_KEY = "translated_segments"
UNTRANSLATED = "-"
FRONT_MATTER_VALUE = re.compile(r"(?m)^(translated_from|translated_segments):[ \t]*(.*?)[ \t]*$")


@dataclass(frozen=True, slots=True)
class Alignment:
    """What an existing variant holds, per source unit id."""

    translations: dict[str, Segment]  # source unit id -> the variant's segment translating it

    def translation(self, unit: str) -> Segment | None:
        return self.translations.get(unit)


def front_matter_values(text: str) -> dict[str, str]:
    """``translated_from`` and ``translated_segments`` from a page's front matter."""
    head = text.split("\n---", 1)[0] if text.startswith("---") else ""
    return {m.group(1): m.group(2).strip("'\"") for m in FRONT_MATTER_VALUE.finditer(head)}


def align(source_path: Path, variant_path: Path) -> Alignment | None:
    """The variant's translations by source unit id; an empty one when there is no variant.

    ``None`` when the variant cannot be aligned with the source safely.
    """
    if not variant_path.is_file():
        return Alignment({})
    source = page_segments(source_path.read_text(encoding="utf-8"))
    text = variant_path.read_text(encoding="utf-8")
    ours = page_segments(text)
    values = front_matter_values(text)
    recorded = values.get(MAP_KEY, "").split()
    if recorded:
        if len(recorded) != len(ours):
            return None  # edited by hand since: the map no longer describes the text
        return Alignment({unit: segment for unit, segment in zip(recorded, ours, strict=True) if unit != UNTRANSLATED})
    if values.get("translated_from") == source_hash(source_path) and _same_shape(source, ours):
        return Alignment(dict(zip(unit_ids([s.key for s in source]), ours, strict=True)))
    return None


def segment_map(source: list[Segment], translated: set[str]) -> str:
    """The map of a variant built from ``source`` with the segments ``translated`` (by unit id) translated."""
    return " ".join(unit if unit in translated else UNTRANSLATED for unit in unit_ids([s.key for s in source]))


def _same_shape(source: list[Segment], variant: list[Segment]) -> bool:
    return [s.kind for s in source] == [v.kind for v in variant]
