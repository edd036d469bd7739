"""The quiz markdown-it plugin, pinned by fixture files of input and token tree."""

from __future__ import annotations

import pytest
from markdown_it.utils import read_fixture_file

from learnpack.markdown import create_markdown
from support.courses import TESTS
from support.quiztree import dump

FIXTURES = TESTS / "fixtures"


@pytest.mark.parametrize(
    ("line", "title", "source", "expected"),
    read_fixture_file(FIXTURES / "quiz_syntax.md"),
    ids=lambda value: value if isinstance(value, str) and "\n" not in value else None,
)
def test_quiz_syntax(line: int, title: str, source: str, expected: str) -> None:
    env: dict[str, object] = {}
    tokens = create_markdown().parse(source, env)
    result = dump(tokens)
    for problem_line, code, message in env.get("quiz_problems", []):  # type: ignore[attr-defined]
        result += f"problem {problem_line} {code}: {message}\n"
    assert result == expected


def test_rules_never_raise_on_odd_input() -> None:
    md = create_markdown()
    for source in ["::: quiz", "::: quiz\n###", "::: quiz\n- (x)\n:::", "::: quiz {\n:::", "::: quiz\n  > x\n= \n:::"]:
        md.parse(source, {})
