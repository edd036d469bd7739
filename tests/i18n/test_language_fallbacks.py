"""The one table of languages that stand in for one another (learnpack/i18n/languages.py)."""

from __future__ import annotations

from learnpack.config import fallback_chains
from learnpack.i18n.catalog import Strings
from learnpack.i18n.languages import fallback_chain, primary


def test_a_language_falls_back_to_its_primary_language_and_then_its_neighbours() -> None:
    assert fallback_chain("nn") == ("nn", "nb")
    assert fallback_chain("nn-NO") == ("nn-NO", "nn", "nb")
    assert fallback_chain("no") == ("no", "nb")
    assert fallback_chain("fa-AF") == ("fa-AF", "fa")
    assert fallback_chain("ar") == ("ar",)
    assert primary("NOB_no") == "nb" and primary("sme") == "se"


def test_pages_and_interface_strings_follow_the_same_table() -> None:
    chains = fallback_chains(("en", "nb", "nn", "se", "ar"), "en", {})
    assert chains == {"nb": ("en",), "nn": ("nb", "en"), "se": ("nb", "en"), "ar": ("en",)}
    assert fallback_chains(("nb", "nn"), "nb", {"nn": []}) == {"nn": ("nb",)}  # the author's chain wins
    assert Strings("nn-NO")["quiz.check"] == Strings("nn")["quiz.check"]
    assert Strings("no")["quiz.check"] == Strings("nb")["quiz.check"]
