"""Soft hyphens in long words (learnpack/hyphens.py)."""

from __future__ import annotations

from learnpack.hyphens import NO_BREAK_SPACE, SOFT_HYPHEN, hyphenate
from learnpack.i18n.catalog import Strings


def test_long_norwegian_compounds_get_soft_hyphens_where_the_dictionary_allows() -> None:
    assert hyphenate("Respirasjonsfrekvens", "nb") == SOFT_HYPHEN.join(["Respi", "ra", "sjons", "fre", "kvens"])
    assert SOFT_HYPHEN in hyphenate("sykepleiarstudentane", "nn")
    assert SOFT_HYPHEN in hyphenate("oksygenmetningen", "nb-NO")


def test_short_words_numbers_and_languages_without_a_dictionary_are_left_alone() -> None:
    assert hyphenate("Puls og pust, 60–100 slag.", "nb") == "Puls og pust, 60–100 slag."
    assert hyphenate("١٢٣٤٥٦٧٨٩٠١٢ النبضالنبضالنبض", "ar") == "١٢٣٤٥٦٧٨٩٠١٢ النبضالنبضالنبض"
    assert hyphenate("Respirasjonsfrekvens", "se") == "Respirasjonsfrekvens"  # no Sami dictionary


def test_a_text_is_hyphenated_once() -> None:
    once = hyphenate("Respirasjonsfrekvens", "nb")
    assert hyphenate(once, "nb") == once
    assert once.replace(SOFT_HYPHEN, "") == "Respirasjonsfrekvens"


def test_a_per_cent_sign_stays_with_its_number_in_content_and_interface_strings() -> None:
    assert hyphenate("Du trenger 80 % riktige svar.", "nb") == f"Du trenger 80{NO_BREAK_SPACE}% riktige svar."
    assert hyphenate("80 % i samisk tekst", "se") == f"80{NO_BREAK_SPACE}% i samisk tekst"  # with no dictionary too
    assert hyphenate("Svar % og mer", "nb") == "Svar % og mer"  # no number before it: left alone
    strings = Strings("nb")
    assert strings["quiz.score"].endswith(f"({{percent}}{NO_BREAK_SPACE}%).")
    assert strings.count("quiz.pass", 80) == f"Bestått ved 80{NO_BREAK_SPACE}%"
