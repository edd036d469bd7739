"""What a screen reader learns after checking a quiz (WCAG 1.3.1), in bokmål and Arabic.

Every kind of question is checked wrong, then right, and its accessibility tree (Playwright's
aria_snapshot) must say, option by option and item by item, what the learner chose and what
was right, in words: the ticks and crosses are drawn, hidden from screen readers.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from learnpack.build import build
from support.answers import RIGHT, WRONG, answer
from support.courses import ROOTS

pytestmark = pytest.mark.browser

ARABIC_QUIZ = """---
title: أسئلة
---
## البداية

::: quiz {#q1 pass=50 attempts=2}
### ما هو النبض الطبيعي في وقت الراحة؟ {#puls}
- ( ) 30–50
  > منخفض جداً.
- (x) 60–100
- ( ) 110–140
  > مرتفع جداً.

> [!hint] فكّر في نبضك.
> [!correct] صحيح!
> [!incorrect] اقرأ الصفحة مرة أخرى.

### ما هي العلامات الحيوية؟ {#vitale}
- [x] النبض
- [x] الحرارة
- [ ] لون الشعر

### يُقاس النبض بعدد النبضات في الدقيقة. {#tf}
= true

### ما اسم النبض المنخفض؟ {#ord}
= bradykardi
= bradykard

### درجة الحرارة الطبيعية؟ {#temp}
= 37 ± 0.5

### رتّب. {#rekke}
1. الأول
2. الثاني
3. الثالث

### صِل. {#koble}
- النبض -> نبضة/دقيقة
- الحرارة -> °C
- -> mmHg

### ما رأيك؟ {#tanke type=reflection}
> [!feedback] شكراً على إجابتك.
:::
"""

# What each language's interface says (src/learnpack/i18n/locales).
WORDS = {
    "nb": {"mine_right": "Ditt svar – riktig", "mine_wrong": "Ditt svar – feil", "right": "Riktig",
           "wrong": "Feil", "not_answer": "Ikke et riktig svar", "the_answer": "Riktig svar",
           "review": "Les disse sidene igjen:", "position": "Riktig plass: 3"},
    "ar": {"mine_right": "إجابتك – صحيحة", "mine_wrong": "إجابتك – خاطئة", "right": "إجابة صحيحة",
           "wrong": "إجابة خاطئة", "not_answer": "ليست إجابة صحيحة", "the_answer": "الإجابة الصحيحة",
           "review": "اقرأ هذه الصفحات مرة أخرى:", "position": "الموضع الصحيح: 3"},
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("course") / "basic"
    shutil.copytree(ROOTS / "basic", root)
    yml = root / "course.yml"
    yml.write_text(yml.read_text(encoding="utf-8").replace("languages: [nb]", "languages: [nb, ar]"), encoding="utf-8")
    (root / "02-quiz" / "01-sporsmal.ar.md").write_text(ARABIC_QUIZ, encoding="utf-8")
    return build(root, ["html"], tmp_path_factory.mktemp("site")).out / "html"


def open_quiz(page, site: Path, language: str):  # type: ignore[no-untyped-def]
    page.goto((site / language / "02-quiz" / "01-sporsmal.html").as_uri())
    return page


def check(page) -> None:  # type: ignore[no-untyped-def]
    page.locator(".quiz-check").click()


def descriptions(page, qid: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The accessible description of each field of a question: the texts aria-describedby names."""
    return page.locator(f"#{qid} .option input, #{qid} .option select").evaluate_all("""fields => fields.map(f =>
        (f.getAttribute('aria-describedby') || '').split(' ').filter(Boolean)
          .map(id => document.getElementById(id)).filter(n => n && !n.hidden)
          .map(n => n.textContent.trim()).filter(Boolean).join(' '))""")


def items(page, qid: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Each option or item of a question as its accessibility tree has it: its lines, joined by " | "."""
    rows: list[list[str]] = []
    depth = -1  # the indentation of the listitem lines
    for line in page.locator(f"#{qid}").aria_snapshot().splitlines():
        indent = len(line) - len(line.lstrip())
        stripped = line.strip().removeprefix("- ")
        if stripped.startswith("listitem"):
            rows.append([stripped.partition(":")[2].strip()] if stripped.partition(":")[2].strip() else [])
            depth = indent
        elif rows and indent == depth + 2:
            rows[-1].append(stripped.rstrip(":").strip("'"))
    return [" | ".join(row) for row in rows]


def marks(page, qid: str) -> list[str]:  # type: ignore[no-untyped-def]
    return page.locator(f"#{qid} .option .mark").all_inner_texts()


def verdict(page, qid: str) -> str:  # type: ignore[no-untyped-def]
    return page.locator(f"#{qid} .verdict").inner_text()


@pytest.fixture(params=["nb", "ar"])
def language(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def test_a_wrong_attempt_says_per_option_what_was_chosen_and_whether_it_was_right(page, site: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    w = WORDS[language]
    open_quiz(page, site, language)
    answer(page, WRONG)
    check(page)
    assert page.evaluate("document.activeElement.classList.contains('quiz-result')")  # focus on the result
    puls = items(page, "q-puls")
    assert "[checked] [disabled]" in puls[0] and puls[0].endswith(f"{w['mine_wrong']} {'For lavt.' if language == 'nb' else 'منخفض جداً.'}")
    assert [w["mine_wrong"] in row or w["mine_right"] in row for row in puls] == [True, False, False]
    assert descriptions(page, "q-puls")[0] == f"{w['mine_wrong']} {'For lavt.' if language == 'nb' else 'منخفض جداً.'}"
    assert marks(page, "q-vitale") == [w["mine_right"], "", w["mine_wrong"]]  # not yet which were right
    assert marks(page, "q-tf") == ["", w["mine_wrong"]]
    assert [verdict(page, q) for q in ("q-puls", "q-vitale", "q-tf", "q-ord", "q-temp", "q-rekke", "q-koble")] == [w["wrong"]] * 7
    assert marks(page, "q-rekke") == [w["wrong"], w["right"], w["wrong"]]  # items, not options: one per item
    assert [w["wrong"] in row for row in items(page, "q-rekke")] == [True, False, True]  # in the item's text
    assert marks(page, "q-koble") == [w["wrong"], w["wrong"]]
    assert not page.locator(".question svg:not([aria-hidden='true'])").count()  # the icons are the words' pictures


def test_the_last_failed_attempt_reveals_every_right_answer_in_words(page, site: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    w = WORDS[language]
    open_quiz(page, site, language)
    answer(page, WRONG)
    check(page)
    page.locator(".quiz-retry").click()
    answer(page, WRONG | {"q-puls": "b"})
    check(page)
    assert marks(page, "q-puls") == [w["not_answer"], w["mine_right"], w["not_answer"]]
    assert page.locator("#q-puls .option .mark").first.evaluate("m => getComputedStyle(m.firstChild).position") == "absolute"  # heard, not seen
    assert marks(page, "q-vitale") == [w["mine_right"], w["the_answer"], w["mine_wrong"]]
    assert "[checked]" not in items(page, "q-vitale")[1] and w["the_answer"] in items(page, "q-vitale")[1]
    assert marks(page, "q-tf") == [w["the_answer"], w["mine_wrong"]]
    rekke = marks(page, "q-rekke")  # shown Tredje, Andre, Første
    assert rekke[0] == f"{w['wrong']}. {w['position']}" and rekke[1] == w["right"]
    koble = descriptions(page, "q-koble")
    right_match = "slag/min" if language == "nb" else "نبضة/دقيقة"
    assert koble[0].startswith(f"{w['wrong']}. ") and koble[0].endswith(right_match)
    assert "bradykardi" in page.locator("#q-ord .question-feedback").inner_text()
    result = page.locator(".quiz-result")
    assert result.locator(".review-list a").count() == 2  # a next step, not a dead end
    assert w["review"] in result.inner_text() and page.locator(".quiz-retry").is_hidden()


def test_a_right_attempt_says_so_on_every_option(page, site: Path, language: str) -> None:  # type: ignore[no-untyped-def]
    w = WORDS[language]
    open_quiz(page, site, language)
    answer(page, RIGHT)
    check(page)
    assert marks(page, "q-puls") == [w["not_answer"], w["mine_right"], w["not_answer"]]
    assert marks(page, "q-vitale") == [w["mine_right"], w["mine_right"], w["not_answer"]]
    assert marks(page, "q-tf") == [w["mine_right"], w["not_answer"]]
    assert marks(page, "q-rekke") == [w["right"]] * 3 and marks(page, "q-koble") == [w["right"]] * 2
    assert [verdict(page, q) for q in ("q-puls", "q-ord", "q-temp")] == [w["right"]] * 3
    snapshot = page.locator("form.quiz").aria_snapshot()
    assert "status:" in snapshot and snapshot.count(f": {w['right']}\"") == 7  # the result lists each question
    assert page.locator(".quiz-retry").is_hidden()  # a pass is not offered again
