"""How languages stand in for one another: the one table behind every fallback.

Interface strings (:mod:`.catalog`), the pages a translation lacks (``fallback`` in
course.yml, whose default is :data:`FALLBACKS`) and the runtime's choice of a learner's
language (course.js and the language chooser get :data:`ALIASES`) all read it.
"""

from __future__ import annotations

#: Other codes for a language: Norwegian (``no``, ``nob``) is read as bokmål, and the three-letter
#: codes of nynorsk and Northern Sami as their two-letter ones.
ALIASES: dict[str, str] = {"no": "nb", "nob": "nb", "nno": "nn", "sme": "se"}

#: What a reader of a language reads when a text is not in it, before the course's source:
#: nynorsk and Northern Sami readers in Norway read bokmål.
FALLBACKS: dict[str, tuple[str, ...]] = {"nn": ("nb",), "se": ("nb",)}


def primary(language: str) -> str:
    """The language subtag of ``language`` as this table names it: ``nb-NO`` -> ``nb``, ``no`` -> ``nb``."""
    base = language.replace("_", "-").split("-")[0].lower()
    return ALIASES.get(base, base)


def fallback_chain(language: str) -> tuple[str, ...]:
    """``language``, then the languages that stand in for it (without the course's source)."""
    base = primary(language)
    return tuple(dict.fromkeys((language, base, *FALLBACKS.get(base, ()))))
