"""Soft hyphens in long words (learnpack/hyphens.py)."""

from __future__ import annotations

from learnpack.hyphens import SOFT_HYPHEN, hyphenate


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
