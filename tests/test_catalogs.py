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
