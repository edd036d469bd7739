"""The interface-string catalogs: complete, placeholders intact, plural rules from Babel."""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from learnpack.i18n.catalog import LOCALES, Strings, catalog_languages, text_direction
from learnpack.i18n.messages import MESSAGES

PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.mark.parametrize("path", sorted(LOCALES.glob("*.po")), ids=lambda p: p.stem)
def test_catalog_has_every_message_with_its_placeholders(path) -> None:  # type: ignore[no-untyped-def]
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=path.stem.replace("-", "_"))
    entries = {m.context: m for m in catalog if m.context}
    assert set(entries) == set(MESSAGES), "missing or unknown ids"
    for key, message in MESSAGES.items():
        entry = entries[key]
        forms = entry.string if isinstance(entry.string, (tuple, list)) else (entry.string,)
        assert all(forms), f"{key}: not translated"
        wanted = set(PLACEHOLDER.findall(message.text)) | set(PLACEHOLDER.findall(message.plural or ""))
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) == wanted, f"{key}: {form!r} changes the placeholders"
        if message.plural:
            assert len(forms) == catalog.num_plurals, f"{key}: {len(forms)} forms, the language has {catalog.num_plurals}"


@pytest.mark.parametrize("language", catalog_languages())  # English and every .po
def test_true_false_and_the_verdicts_are_four_different_words(language: str) -> None:
    """A true/false option and the verdict beside it never read the same: not "صحيح ✓ صحيح"."""
    strings = Strings(language)
    words = [strings[key].strip().casefold() for key in ("true", "false", "answer.correct", "answer.incorrect")]
    assert len(set(words)) == 4, dict(zip(("true", "false", "answer.correct", "answer.incorrect"), words, strict=True))


def test_plural_forms_follow_the_language() -> None:
    english, norwegian = Strings("en"), Strings("nb")
    assert english.count("quiz.questions", 1) == "1 question"
    assert english.count("quiz.questions", 2) == "2 questions"
    assert norwegian.count("progress.pages", 1, done=0, total=1) == "0 av 1 side lest"
    assert norwegian.count("progress.pages", 12, done=3, total=12) == "3 av 12 sider lest"
    assert Strings("nb").number(1234.5) == "1\u00a0234,5"


def test_missing_strings_fall_back_to_bokmaal_then_english() -> None:
    assert Strings("nn")["quiz.check"] in ("Sjekk svara", "Sjekk svarene")
    assert Strings("so")["quiz.check"]  # some text is always there


def test_course_overrides_win() -> None:
    assert Strings("nb", {"quiz.check": "Rett quizen"})["quiz.check"] == "Rett quizen"


def test_direction_comes_from_babel() -> None:
    assert [text_direction(lang) for lang in ("ar", "fa-AF", "nb", "ti", "se")] == ["rtl", "rtl", "ltr", "ltr", "ltr"]


def test_english_is_always_available() -> None:
    assert "en" in catalog_languages() and "nb" in catalog_languages()


def test_a_course_overrides_strings_in_course_yml(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from lxml import html as lxml_html

    from learnpack.build import build
    from support.courses import write_course

    yml = ("id: t\ntitle: T\nversion: 1\nlanguage: nb\n"
           "strings:\n  nb:\n    quiz.check: Rett quizen\n    callout.warning: OBS\n")
    page = "# P\n\n::: warning\nRing 113.\n:::\n\n::: quiz {check=quiz}\n### Q {#q}\n= true\n:::\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": page}, yml)
    out = build(root, ["html"], tmp_path / "out").out
    doc = lxml_html.fromstring((out / "html" / "nb" / "01-m" / "01-p.html").read_bytes())
    assert doc.xpath("//button[contains(@class, 'quiz-check')]/text()") == ["Rett quizen"]
    assert doc.xpath("//p[@class='callout-label']/text()") == ["OBS"]


def test_unknown_string_id_is_reported_with_a_suggestion(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from learnpack.errors import CourseError
    from learnpack.loader import load_course
    from support.courses import write_course

    yml = "id: t\ntitle: T\nversion: 1\nlanguage: nb\nstrings:\n  nb:\n    quiz.chek: Rett\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n"}, yml)
    with pytest.raises(CourseError) as caught:
        load_course(root)
    assert "unknown message id 'quiz.chek'; did you mean 'quiz.check'?" in caught.value.diagnostics[0].message
