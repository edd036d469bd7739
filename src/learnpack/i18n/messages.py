"""The interface strings in English: the message ids and source texts of the catalogs.

Each entry is an id, the English text (or singular and plural), and a note for translators.
Placeholders in braces ({n}) stay as they are in every translation.
"""

from __future__ import annotations

from typing import NamedTuple


class Message(NamedTuple):
    text: str
    plural: str | None = None
    note: str = ""


MESSAGES: dict[str, Message] = {
    'skip': Message('Skip to content', note='link at the top of every page, for keyboard and screen-reader users'),
    'contents': Message('Contents'),
    'close': Message('Close'),
    'start': Message('Start the course'),
    'continue': Message('Continue where you left off'),
    'restart': Message('Start again'),
    'restart.confirm': Message('Delete your progress and answers in this course?'),
    'previous': Message('Previous'),
    'next': Message('Next'),
    'home': Message('Course start page'),
    'module': Message('Module'),
    'page.of': Message('Page {n} of {total}', note='position of the page in the course'),
    'minutes': Message('{n} min', note='estimated time of a module'),
    'duration': Message('Estimated time: {n} min'),
    'progress': Message('Progress'),
    'progress.pages': Message('{done} of {total} page read', '{done} of {total} pages read'),
    'status.visited': Message('Read'),
    'status.unvisited': Message('Not read'),
    'status.current': Message('You are here'),
    'status.passed': Message('Passed'),
    'status.failed': Message('Not passed'),
    'course.complete': Message('You have read every page of the course.'),
    'course.authors': Message('Made by'),
    'course.licence': Message('Licence'),
    'quiz.label': Message('Quiz'),
    'quiz.questions': Message('{n} question', '{n} questions'),
    'quiz.pass': Message('Pass mark {n} %'),
    'quiz.attempts': Message('Attempts: {n}'),
    'quiz.check': Message('Check answers'),
    'quiz.retry': Message('Try again'),
    'quiz.question': Message('Question {n}'),
    'quiz.score': Message('{correct} of {total} correct ({percent} %).', note='after checking a quiz; percent is a whole number'),
    'quiz.passed': Message('Passed.'),
    'quiz.failed': Message('Not passed yet.'),
    'quiz.attempts.left': Message('You have {n} attempt left.', 'You have {n} attempts left.'),
    'quiz.attempts.none': Message('You have used all attempts.'),
    'quiz.unanswered': Message('Answer every question first. Missing: {list}.'),
    'quiz.saved': Message('Your answer is saved.'),
    'answer.correct': Message('Correct'),
    'answer.incorrect': Message('Incorrect'),
    'answer.partly': Message('Partly correct'),
    'answer.your': Message('Your answer'),
    'answer.number': Message('Your answer (a number)'),
    'answer.reflection': Message('Write your thoughts'),
    'answer.choose': Message('Choose …'),
    'answer.position': Message('Position'),
    'answer.correct_was': Message('Correct answer: {answer}'),
    'hint': Message('Show hint'),
    'true': Message('True'),
    'false': Message('False'),
    'callout.note': Message('Note'),
    'callout.tip': Message('Tip'),
    'callout.warning': Message('Important'),
    'table.scroll': Message('Table'),
    'noscript': Message('Quizzes and progress need JavaScript. The content can be read without it.', note='shown when JavaScript is off'),
    'toc.label': Message('Course contents'),
    'nav.label': Message('Page navigation'),
    'exit': Message('Exit', note='button that ends the session in an LMS'),
    'language': Message('Language'),
    'fallback.notice': Message('This page has not been translated into {language} yet. It is shown in {fallback}.', note='on a page shown in another language because it is not translated; language and fallback are language names'),
    'exit.done': Message('Your progress is saved. You can close this window.'),
    'lms.loading': Message('Starting the course …'),
    'lms.not_recorded': Message('This visit is not recorded (review or preview): nothing you do here is saved.', note='in an LMS, on a visit in review or preview mode'),
    'exit.confirm': Message('End this session? Your progress is saved, and you can go on later.', note='asked on the page when the learner presses Exit in an LMS'),
    'exit.ended': Message('The session has ended. You can close this window.', note='after Exit, when the LMS did not confirm that progress was saved, or nothing was recorded'),
    'cancel': Message('Cancel'),
    'quiz.not_a_number': Message('Write the answer as a number: {list}.', note='list: the questions whose answer is not a number'),
    'link.other_module': Message('(in the module “{module}”)', note='after the text of a link to a page of another module, in an LMS package that holds one module (the link cannot be followed there); module is its title'),
}
