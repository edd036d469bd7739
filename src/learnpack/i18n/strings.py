"""Interface strings of the learner pages, per language.

Kept as plain mappings for now; the message ids are stable so they can move to
gettext catalogs without touching templates or the runtime.
"""

from __future__ import annotations

from babel import Locale

NB = {
    "skip": "Hopp til innholdet",
    "contents": "Innhold",
    "close": "Lukk",
    "start": "Start kurset",
    "continue": "Fortsett der du slapp",
    "restart": "Start på nytt",
    "restart.confirm": "Slette fremdriften og svarene dine i dette kurset?",
    "previous": "Forrige",
    "next": "Neste",
    "home": "Kursets startside",
    "module": "Modul",
    "page.of": "Side {n} av {total}",
    "minutes": "{n} min",
    "duration": "Beregnet tid: {n} min",
    "progress": "Fremdrift",
    "progress.pages": "{done} av {total} sider lest",
    "status.visited": "Lest",
    "status.unvisited": "Ikke lest",
    "status.current": "Du er her",
    "status.passed": "Bestått",
    "status.failed": "Ikke bestått",
    "course.complete": "Du har lest alle sidene i kurset.",
    "course.authors": "Laget av",
    "course.licence": "Lisens",
    "quiz.label": "Quiz",
    "quiz.questions": "{n} spørsmål",
    "quiz.pass": "Bestått ved {n} %",
    "quiz.attempts": "Forsøk: {n}",
    "quiz.check": "Sjekk svarene",
    "quiz.retry": "Prøv igjen",
    "quiz.question": "Spørsmål {n}",
    "quiz.score": "{correct} av {total} riktige ({percent} %).",
    "quiz.passed": "Bestått.",
    "quiz.failed": "Ikke bestått ennå.",
    "quiz.attempts.left": "Du har {n} forsøk igjen.",
    "quiz.attempts.none": "Du har brukt alle forsøkene.",
    "quiz.unanswered": "Svar på alle spørsmålene først. Mangler: {list}.",
    "quiz.saved": "Svaret ditt er lagret.",
    "answer.correct": "Riktig",
    "answer.incorrect": "Feil",
    "answer.partly": "Delvis riktig",
    "answer.your": "Ditt svar",
    "answer.number": "Ditt svar (et tall)",
    "answer.reflection": "Skriv tankene dine",
    "answer.choose": "Velg …",
    "answer.position": "Plass",
    "answer.correct_was": "Riktig svar: {answer}",
    "hint": "Vis hint",
    "true": "Sant",
    "false": "Usant",
    "callout.note": "Merk",
    "callout.tip": "Tips",
    "callout.warning": "Viktig",
    "table.scroll": "Tabell",
    "noscript": "Quizene og fremdriften trenger JavaScript. Innholdet kan leses uten.",
    "toc.label": "Kursets innhold",
    "nav.label": "Sidenavigasjon",
    "exit": "Avslutt",
    "language": "Språk",
    "fallback.notice": "Denne siden er ikke oversatt til {language} ennå. Den vises på {fallback}.",
    "exit.done": "Fremdriften din er lagret. Du kan lukke dette vinduet.",
    "lms.loading": "Starter kurset …",
}

EN = {
    "skip": "Skip to content",
    "contents": "Contents",
    "close": "Close",
    "start": "Start the course",
    "continue": "Continue where you left off",
    "restart": "Start again",
    "restart.confirm": "Delete your progress and answers in this course?",
    "previous": "Previous",
    "next": "Next",
    "home": "Course start page",
    "module": "Module",
    "page.of": "Page {n} of {total}",
    "minutes": "{n} min",
    "duration": "Estimated time: {n} min",
    "progress": "Progress",
    "progress.pages": "{done} of {total} pages read",
    "status.visited": "Read",
    "status.unvisited": "Not read",
    "status.current": "You are here",
    "status.passed": "Passed",
    "status.failed": "Not passed",
    "course.complete": "You have read every page of the course.",
    "course.authors": "Made by",
    "course.licence": "Licence",
    "quiz.label": "Quiz",
    "quiz.questions": "{n} questions",
    "quiz.pass": "Pass mark {n} %",
    "quiz.attempts": "Attempts: {n}",
    "quiz.check": "Check answers",
    "quiz.retry": "Try again",
    "quiz.question": "Question {n}",
    "quiz.score": "{correct} of {total} correct ({percent} %).",
    "quiz.passed": "Passed.",
    "quiz.failed": "Not passed yet.",
    "quiz.attempts.left": "You have {n} attempts left.",
    "quiz.attempts.none": "You have used all attempts.",
    "quiz.unanswered": "Answer every question first. Missing: {list}.",
    "quiz.saved": "Your answer is saved.",
    "answer.correct": "Correct",
    "answer.incorrect": "Incorrect",
    "answer.partly": "Partly correct",
    "answer.your": "Your answer",
    "answer.number": "Your answer (a number)",
    "answer.reflection": "Write your thoughts",
    "answer.choose": "Choose …",
    "answer.position": "Position",
    "answer.correct_was": "Correct answer: {answer}",
    "hint": "Show hint",
    "true": "True",
    "false": "False",
    "callout.note": "Note",
    "callout.tip": "Tip",
    "callout.warning": "Important",
    "table.scroll": "Table",
    "noscript": "Quizzes and progress need JavaScript. The content can be read without it.",
    "toc.label": "Course contents",
    "nav.label": "Page navigation",
    "exit": "Exit",
    "language": "Language",
    "fallback.notice": "This page has not been translated into {language} yet. It is shown in {fallback}.",
    "exit.done": "Your progress is saved. You can close this window.",
    "lms.loading": "Starting the course …",
}

CATALOGS = {"nb": NB, "en": EN}


def strings_for(language: str) -> dict[str, str]:
    """The interface strings for ``language``, falling back to bokmål, then English."""
    base = dict(EN)
    base.update(NB if language in ("nb", "nn", "no", "se") else {})
    base.update(CATALOGS.get(language, {}))
    return base


def text_direction(language: str) -> str:
    """``"rtl"`` or ``"ltr"``, from Babel's locale data."""
    return Locale.parse(language.replace("-", "_")).text_direction


def language_name(language: str) -> str:
    """The language's own name for itself, e.g. ``"Norsk bokmål"``, ``"العربية"``."""
    try:
        name = Locale.parse(language.replace("-", "_")).get_display_name(language.replace("-", "_")) or language
    except (ValueError, LookupError):
        return language
    return name[:1].upper() + name[1:]
