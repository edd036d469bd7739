"""Question kinds, one module each, and the registry that knows them all.

Adding a kind: a module here (a :class:`~._base.QuestionKind`), its :class:`~learnpack.model.Kind`
member, an entry in :data:`KINDS`, its template partial ``themes/default/templates/kinds/<kind>.html``
and its runtime module ``runtime/kinds/<kind>.js`` (:attr:`~._base.QuestionKind.script`), which the
pages that ask the kind load.
"""

from __future__ import annotations

from ..model import Kind
from ._base import CHOICE_IDS, SHAPE_NAMES, Parts, QuestionKind
from .choice import Multiple, Single
from .matching import Matching
from .numeric import Numeric
from .ordering import Ordering
from .reflection import Reflection
from .text import TextAnswer
from .truefalse import TrueFalse

KINDS: dict[Kind, QuestionKind] = {k.kind: k for k in (
    Single(), Multiple(), TrueFalse(), TextAnswer(), Numeric(), Ordering(), Matching(), Reflection(),
)}
#: What ``{type=…}`` accepts: every kind's name and its other names.
KIND_NAMES: dict[str, Kind] = {name: k.kind for k in KINDS.values() for name in (k.kind.value, *k.names)}


def kind_of(kind: Kind) -> QuestionKind:
    return KINDS[kind]


__all__ = ["CHOICE_IDS", "KINDS", "KIND_NAMES", "SHAPE_NAMES", "Parts", "QuestionKind", "kind_of"]
