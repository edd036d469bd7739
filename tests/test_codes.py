"""The table of diagnostic codes: complete, not stale, and the same as docs/checks.md."""

from __future__ import annotations

import ast
import re
from pathlib import Path

from learnpack.codes import CODES, render_markdown
from support.courses import REPO

SOURCE = REPO / "src" / "learnpack"
CODE = re.compile(r"^[a-z][a-z0-9]*\.[a-z][a-z0-9_]*$")
NOT_CODES = (".yml", ".html", ".js", ".xml", ".md", ".xsd", ".po")
REPORTERS = {"error": "error", "_error": "error", "warning": "warning", "_warning": "warning"}


def reported_codes() -> dict[str, set[str]]:
    """Every code passed to a diagnostic in the source, with the levels it is reported at ("" if unknown)."""
    found: dict[str, set[str]] = {}
    for path in SOURCE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        constants = {target.id: node.value.value for node in ast.walk(tree) if isinstance(node, ast.Assign)
                     and isinstance(node.value, ast.Constant) and isinstance(node.value.value, str)
                     for target in node.targets if isinstance(target, ast.Name)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
                level = REPORTERS.get(name, "")
                if name in ("of", "_finding", "finding") and node.args and isinstance(node.args[0], ast.Constant):
                    level = str(node.args[0].value)
                values = [*node.args, *(k.value for k in node.keywords)]
            elif isinstance(node, ast.Tuple) and len(node.elts) == 3:  # markdown rules: (line, code, message)
                level, values = "error", [node.elts[1]]
            else:
                continue
            for value in values:
                text = value.value if isinstance(value, ast.Constant) else \
                    constants.get(value.id) if isinstance(value, ast.Name) else None
                if isinstance(text, str) and CODE.match(text) and not text.endswith(NOT_CODES):
                    found.setdefault(text, set()).add(level)
    return found


def test_every_reported_code_is_in_the_table() -> None:
    strings = {"link.other_module", "table.scroll", "course.js"}  # interface strings and files, not codes
    missing = sorted(set(reported_codes()) - set(CODES) - strings)
    assert not missing, f"add these to learnpack/codes.py: {missing}"


def test_the_table_has_no_code_nothing_reports() -> None:
    stale = sorted(set(CODES) - set(reported_codes()))
    assert not stale, f"no longer reported: {stale}"


def test_each_code_has_the_level_it_is_reported_at() -> None:
    wrong = {code: (CODES[code].level, sorted(levels)) for code, levels in reported_codes().items()
             if code in CODES and "" not in levels and CODES[code].level not in levels}
    assert not wrong, wrong


def test_docs_checks_md_is_generated_from_the_table() -> None:
    docs = (REPO / "docs" / "checks.md").read_text(encoding="utf-8")
    assert docs == render_markdown(), "run: python -m learnpack.codes > docs/checks.md"


def test_every_code_has_one_line_of_help() -> None:
    assert all(entry.help.strip() and "\n" not in entry.help for entry in CODES.values())
    assert all(entry.level in ("error", "warning", "info") for entry in CODES.values())
    assert Path(SOURCE / "codes.py").is_file()
