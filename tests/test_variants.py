"""Language variants: fallback chains, localized titles, and mismatches between a variant and its source."""

from __future__ import annotations

from pathlib import Path

import pytest

from learnpack.config import fallback_chains
from learnpack.errors import CourseError, Diagnostics
from learnpack.loader import load_course
from support.courses import ROOTS, write_course

SOURCE_QUIZ = """# Spørsmål

::: quiz {#q}
### Puls? {#puls}
- ( ) 30–50
- (x) 60–100

### Temperatur? {#temp}
= 37 ± 0.5
:::
"""
COURSE_YML = "id: t\ntitle: T\nversion: 1\nlanguage: nb\nlanguages: [nb, en]\n"


def test_pages_fall_back_along_the_chain() -> None:
    course = load_course(ROOTS / "multilang")
    by_language = {c.language: c for c in course.in_languages()}
    assert list(by_language) == ["nb", "en", "nn", "se", "ar"]
    assert [p.language for p in by_language["en"].pages] == ["en", "nb", "en"]
    assert [p.language for p in by_language["nn"].pages] == ["nb", "nb", "nb"]
    assert by_language["se"].config.title == "Dehálaš mearkkat"
    assert by_language["nn"].config.title == "Vitale tegn"  # nn -> nb
    assert by_language["en"].modules[0].title == "Introduction"
    assert by_language["ar"].modules[0].title == "Innledning"  # ar -> nb, the source
    assert by_language["en"].config.description == "A small course in several languages."


def test_variants_keep_the_source_ids_and_settings() -> None:
    course = load_course(ROOTS / "multilang")
    english = course.translations["en"]
    (source_quiz,), (english_quiz,) = course.pages[2].quizzes, english.pages[2].quizzes
    assert english_quiz.id == source_quiz.id == "q"
    assert [q.id for q in english_quiz.questions] == ["puls", "tf", "ord"]
    assert english_quiz.pass_mark == 50
    assert english_quiz.questions[0].stem.source == "What is a normal resting pulse?"


def test_default_and_configured_fallback_chains() -> None:
    assert fallback_chains(("nb", "nn", "se", "en"), "nb", {}) == {"nn": ("nb",), "se": ("nb",), "en": ("nb",)}
    assert fallback_chains(("nb", "en", "ar", "fa-AF"), "nb", {"fa-AF": ["ar", "en"]})["fa-AF"] == ("ar", "en", "nb")
    assert fallback_chains(("en", "nn", "se"), "en", {}) == {"nn": ("en",), "se": ("en",)}  # nb not built


@pytest.mark.parametrize(
    ("variant", "message"),
    [
        (SOURCE_QUIZ.replace("- ( ) 30–50\n- (x) 60–100", "- (x) 30–50\n- ( ) 60–100"),
         "question 'puls': correct options x- here but -x in"),
        (SOURCE_QUIZ.replace("= 37 ± 0.5", "= 38"), "question 'temp': a different numeric answer here than"),
        (SOURCE_QUIZ.replace("### Temperatur? {#temp}\n= 37 ± 0.5\n", ""), "missing question: 1 questions here, 2 in"),
        (SOURCE_QUIZ.replace(":::\n", "### Ekstra {#ekstra}\n= true\n:::\n"), "extra question: 3 questions here"),
        (SOURCE_QUIZ.replace("{#puls}", "{#pulse}"), "question 'puls': id 'pulse' here but 'puls' in"),
        (SOURCE_QUIZ.replace("- ( ) 30–50\n- (x) 60–100", "= 60..100"), "a numeric question here but a single question"),
        ("# Ingen quiz\n", "0 quizzes here, 1 in"),
    ],
)
def test_mismatches_name_both_files_and_lines(tmp_path: Path, variant: str, message: str) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": SOURCE_QUIZ, "01-m/01-p.en.md": variant}, COURSE_YML)
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert problem.code == "i18n.mismatch" and problem.path.name == "01-p.en.md"
    assert message in problem.message, problem.message
    assert "01-m/01-p.md" in problem.message


def test_mismatch_line_points_at_the_question(tmp_path: Path) -> None:
    variant = SOURCE_QUIZ.replace("- ( ) 30–50\n- (x) 60–100", "- (x) 30–50\n- ( ) 60–100")
    root = write_course(tmp_path / "c", {"01-m/01-p.md": SOURCE_QUIZ, "01-m/01-p.en.md": variant}, COURSE_YML)
    with pytest.raises(CourseError) as caught:
        load_course(root)
    (problem,) = caught.value.diagnostics
    assert problem.line == 4 and "01-m/01-p.md:4" in problem.message


def test_variant_for_an_unlisted_language_is_an_error(tmp_path: Path) -> None:
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n", "01-m/01-p.pl.md": "# P\n"}, COURSE_YML)
    with pytest.raises(CourseError) as caught:
        load_course(root, Diagnostics())
    (problem,) = caught.value.diagnostics
    assert (problem.code, problem.path.name, problem.line) == ("i18n.unlisted_language", "01-p.pl.md", 1)
    assert "not in languages in course.yml" in problem.message


def test_source_title_is_required_in_a_title_mapping(tmp_path: Path) -> None:
    yml = "id: t\ntitle: {en: T}\nversion: 1\nlanguage: nb\n"
    root = write_course(tmp_path / "c", {"01-m/01-p.md": "# P\n"}, yml)
    with pytest.raises(CourseError) as caught:
        load_course(root)
    assert "title needs a text in the source language 'nb'" in caught.value.diagnostics[0].message


def test_text_answers_of_every_language_count_in_every_language() -> None:
    course = load_course(ROOTS / "multilang")
    every = {"bradykardi", "bradycardia", "بطء القلب"}
    for each in (course, *course.translations.values()):
        (quiz,) = each.pages[2].quizzes
        answers = quiz.questions[2].text_answers
        assert set(answers) == every, each.language
        assert answers[0] == {"nb": "bradykardi", "en": "bradycardia", "ar": "بطء القلب"}.get(each.language, "bradykardi")


def test_numbers_and_latin_terms_are_isolated_in_right_to_left_text(tmp_path: Path) -> None:
    from lxml import html as lxml_html

    from learnpack.build import build

    out = build(ROOTS / "multilang", ["html"], tmp_path).out / "html"
    arabic = lxml_html.fromstring((out / "ar" / "01-intro" / "01-velkommen.html").read_bytes())
    assert arabic.xpath("//main//bdi/text()") == ["60–100", "radial pulse"]
    assert arabic.xpath("//label[@for='q-puls-a']") == []  # not on this page
    quiz = lxml_html.fromstring((out / "ar" / "02-quiz" / "01-sporsmal.html").read_bytes())
    assert quiz.xpath("//label[@for='q-puls-a']/bdi/text()") == ["30–50"]
    norwegian = (out / "nb" / "01-intro" / "01-velkommen.html").read_text(encoding="utf-8")
    assert "<bdi>" not in norwegian
