"""One table of SCORM version facts: the build, validate and the runtime read it, nobody retypes it."""

from __future__ import annotations

from learnpack.scorm.suspend import LIMITS
from learnpack.scorm.versions import BY_LABEL, SCORM12, SCORM2004, VERSIONS
from learnpack.targets import TARGETS
from learnpack.validate.manifest import RULES
from learnpack.validate.package import XSD_FOLDERS
from support.courses import REPO

ADAPTERS = REPO / "src" / "learnpack" / "runtime" / "scorm"


def test_every_reader_takes_its_facts_from_the_table() -> None:
    assert LIMITS == {"scorm12": 4096, "scorm2004": 64000}
    assert {name: TARGETS[name].version for name in VERSIONS} == VERSIONS
    assert XSD_FOLDERS == {"1.2": "scorm12", "2004": "scorm2004-4th"}
    assert {label: rules.schemaversion for label, rules in RULES.items()} == {
        label: version.schemaversion for label, version in BY_LABEL.items()}


def test_the_js_adapters_retype_no_name_or_limit() -> None:
    for version, adapter in ((SCORM12, "scorm12.js"), (SCORM2004, "scorm2004.js")):
        script = (ADAPTERS / adapter).read_text(encoding="utf-8")
        for name in version.elements.values():
            assert f'"{name}"' not in script, (adapter, name)
        assert f'"{version.api}"' not in script and str(version.suspend_limit) not in script, adapter
