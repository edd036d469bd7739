"""Every question kind is one unit: a module here, a template partial in the theme, and a registry entry."""

from __future__ import annotations

from pathlib import Path

import learnpack
from learnpack.kinds import KIND_NAMES, KINDS, kind_of
from learnpack.model import Kind

THEME = Path(learnpack.__file__).parent / "themes" / "default" / "templates"
STATE_FORMS = {"one", "set", "positions", "text"}  # what scorm/suspend.py sizes


def test_every_kind_is_registered_with_a_template_and_a_state_form() -> None:
    assert set(KINDS) == set(Kind)
    for kind in Kind:
        unit = kind_of(kind)
        assert unit.kind is kind
        assert (THEME / unit.template).is_file(), unit.template
        assert unit.state in STATE_FORMS, kind


def test_type_names_include_every_kind_and_its_other_names() -> None:
    assert {kind.value for kind in Kind} <= set(KIND_NAMES)
    assert KIND_NAMES["true-false"] is Kind.TRUE_FALSE and KIND_NAMES["choice"] is Kind.SINGLE
