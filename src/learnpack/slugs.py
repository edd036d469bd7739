"""Stable, readable identifiers derived from text."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_FOLD = str.maketrans({"æ": "ae", "ø": "o", "å": "a", "Æ": "ae", "Ø": "o", "Å": "a", "ß": "ss"})
ID_PATTERN = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,63}$")
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def slugify(text: str, max_length: int = 40) -> str:
    """``"Hva er normal hvilepuls?"`` -> ``"hva-er-normal-hvilepuls"`` (ASCII, hyphens)."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode().lower()
    words = re.findall(r"[a-z0-9]+", ascii_text)
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug


def derived_id(text: str, prefix: str = "q") -> str:
    """An id from text that stays the same as long as the text does."""
    slug = slugify(text)
    if not slug:
        return f"{prefix}-{hashlib.sha1(text.encode()).hexdigest()[:8]}"
    return slug if slug[0].isalpha() else f"{prefix}-{slug}"
