"""Every question kind is one unit: a module here, a template partial in the theme, and a registry entry."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import learnpack
from learnpack import runtime
from learnpack.kinds import KIND_NAMES, KINDS, kind_of
from learnpack.model import Kind
from learnpack.targets._site import common_kinds

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


# The learner-side half: runtime/kinds/*.js, as the build joins them (runtime.KINDS).
PROBE = """
const vm = require("node:vm");
const fs = require("node:fs");
const ctx = vm.createContext({ LEARNPACK_COURSE: { digitZeros: [48] } });
ctx.window = ctx;
for (const file of JSON.parse(process.argv[1])) vm.runInContext(fs.readFileSync(file, "utf8"), ctx, { filename: file });
const Kinds = ctx.LearnpackKinds;
const out = {};
for (const name of Kinds.names()) {
  const kind = Kinds.of(name);
  out[name] = { interaction: kind.interaction, scored: kind.scored,
    functions: Object.keys(kind).filter((key) => typeof kind[key] === "function").sort() };
}
let unknown = null;
try { Kinds.of("essay"); } catch (error) { unknown = String(error.message); }
console.log(JSON.stringify({ kinds: out, unknown }));
"""
REQUIRED = {"read", "write", "grade", "encode", "decode", "response", "correct"}
INTERACTIONS = {"choice", "true-false", "fill-in", "long-fill-in", "numeric", "sequencing", "matching"}


def test_every_kind_has_its_runtime_module() -> None:
    files = runtime.files()
    run = subprocess.run(["node", "-e", PROBE, json.dumps([str(files[name]) for name in runtime.KINDS])],
                         capture_output=True, text=True, check=True)
    found = json.loads(run.stdout)
    assert set(found["kinds"]) == {kind.value for kind in Kind}
    for name, kind in found["kinds"].items():
        assert REQUIRED <= set(kind["functions"]), name
        assert kind["interaction"] in INTERACTIONS, name
        assert kind["scored"] is (name != "reflection"), name
    assert "no question kind \"essay\"" in found["unknown"]


def test_each_kind_script_defines_its_kinds_with_only_the_common_script_before_it() -> None:
    """A page loads the common script (the registry and the small kinds) and the own scripts of the
    kinds it asks (targets/_site.kind_bundles): each works on its own and defines the kinds that name it."""
    files = runtime.files()
    common = common_kinds()
    scripts = {kind_of(kind).script for kind in Kind}
    assert sorted(scripts) == sorted(set(runtime.KINDS) - set(runtime.KIND_BASE))
    own = {kind_of(kind).script for kind in Kind if kind_of(kind).own_script}
    assert own == {"kinds/ordering.js", "kinds/matching.js"}
    assert set(common) == set(runtime.KINDS) - own
    for parts in (common, *([*runtime.KIND_BASE, script] for script in sorted(own))):
        run = subprocess.run(["node", "-e", PROBE, json.dumps([str(files[name]) for name in parts])],
                             capture_output=True, text=True, check=True)
        defined = set(json.loads(run.stdout)["kinds"])
        assert defined == {kind.value for kind in Kind if kind_of(kind).script in parts}, parts


def test_the_runtime_names_no_kind_outside_the_kinds() -> None:
    """quiz.js, suspend.js, sco-runtime.js and the adapters ask a kind; none tests a kind's name."""
    names = "|".join(kind.value for kind in Kind)
    for name, path in runtime.files().items():
        if name.startswith("kinds/"):
            continue
        # `type === "matching"` compares a SCORM interaction type, or an <input>'s: not a kind
        text = re.sub(r'type === "[\w-]+"', "", path.read_text(encoding="utf-8"))
        text = re.sub(r'(year|month|day): "numeric"', "", text)  # Intl date options, not a kind
        found = re.findall(rf"""["']({names})["']""", text)
        assert found == [], f"{name} names the kinds {found}"
