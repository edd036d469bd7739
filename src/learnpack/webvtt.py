"""WebVTT caption files: read and checked at build time, carried by the pages as ``data:`` URLs.

A browser refuses ``<track src="film.vtt">`` in a page opened from the file system (every
``file:`` URL is its own origin, so the track is a cross-origin load) and tells the learner
nothing. A ``data:`` URL is loaded from the page itself: the captions show from ``file://``, a
web server and an LMS's frame alike, through the browser's own WebVTT parser and caption menu,
with no script. The checks follow the WebVTT parser (https://www.w3.org/TR/webvtt1/#parsing):
what they report is what a browser skips or never shows.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r"\ufeff?WEBVTT(?:[ \t].*)?")
TIMESTAMP = r"(?:(\d+):)?(\d{2}):(\d{2})\.(\d{3})"
TIMING = re.compile(rf"[ \t]*{TIMESTAMP}[ \t]*-->[ \t]*{TIMESTAMP}.*")  # then cue settings, if any (browsers skip others)
EXAMPLE = "00:01.000 --> 00:04.500"
#: What a ``data:`` URL cannot hold as it is: ``%`` escapes, ``#`` ends it, ``?`` would start its query,
#: and tabs and line breaks are dropped from URLs.
URL_ESCAPES = {"%": "%25", "#": "%23", "?": "%3F", "\t": "%09", "\n": "%0A"}


@dataclass(frozen=True, slots=True)
class Cue:
    """A cue: from ``start`` to ``end`` (seconds), its text (lines joined by ``\\n``) and its timing line."""

    start: float
    end: float
    text: str
    line: int


@dataclass(frozen=True, slots=True)
class Problem:
    """Something in a caption file that a browser does not show: where (1-based line) and what."""

    line: int | None
    message: str


def read(path: Path) -> tuple[str | None, list[Problem]]:
    """The text of the WebVTT file ``path`` (line breaks as ``\\n``, no byte order mark), and its problems."""
    try:
        text = path.read_bytes().decode("utf-8")
    except UnicodeDecodeError:
        return None, [Problem(None, "not UTF-8 text: save the caption file as UTF-8")]
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return text, parse(text)[1]


def parse(text: str) -> tuple[list[Cue], list[Problem]]:
    """The cues of a WebVTT text and what is wrong with it; NOTE, STYLE and REGION blocks are skipped."""
    lines = text.split("\n")
    if not HEADER.fullmatch(lines[0]):
        return [], [Problem(1, "a caption file starts with the line WEBVTT (an .srt file must be converted to WebVTT)")]
    cues: list[Cue] = []
    problems: list[Problem] = []
    for start, block in list(_blocks(lines))[1:]:  # the first block is the header
        if not _has_timing(block) and _is_skipped(block[0]):
            continue
        cue = _cue(start, block)
        if isinstance(cue, Problem):
            problems.append(cue)
        else:
            cues.append(cue)
    return cues, problems


def data_url(text: str) -> str:
    """``text`` as a ``data:text/vtt`` URL (for an HTML attribute, still to be escaped as one)."""
    return "data:text/vtt," + "".join(URL_ESCAPES.get(char, char) for char in text)


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """The blocks as a browser collects them, each with its first line's number: lines up to an
    empty line, or up to a line with ``-->`` that cannot be this block's timing (a cue that
    follows another without an empty line between them)."""
    block: list[str] = []
    start = 1
    for number, line in enumerate(lines, start=1):
        if block and (line == "" or ("-->" in line and not _timing_may_follow(block, start))):
            yield start, block
            block = []
        if line != "":
            if not block:
                start = number
            block.append(line)
    if block:
        yield start, block


def _timing_may_follow(block: list[str], start: int) -> bool:
    """Whether the next line of ``block`` may be its timing: after a cue's identifier, not in the header."""
    return start != 1 and len(block) == 1 and "-->" not in block[0]


def _has_timing(block: list[str]) -> bool:
    """Whether a block is a cue: a timing line (with ``-->``) first, or after its identifier.

    A block that starts with ``NOTE`` is a cue all the same when its second line is a timing.
    """
    return any("-->" in line for line in block[:2])


def _is_skipped(first: str) -> bool:
    """A comment (``NOTE …``), a style sheet or a region definition: no cue."""
    return re.match(r"NOTE(?:[ \t]|$)", first) is not None or first.strip() in ("STYLE", "REGION")


def _cue(start: int, block: list[str]) -> Cue | Problem:
    """The cue of a block (an optional identifier line, the timing line, the text), or what is wrong."""
    index = 0 if "-->" in block[0] else 1
    if not _has_timing(block):
        return Problem(start, f"no cue timing (like {EXAMPLE}) at the start of {block[0][:40]!r}, so browsers "
                       "skip these lines: write the timing, or remove the empty line above if they belong to "
                       "the cue before")
    timing = block[index]
    match = TIMING.fullmatch(timing)
    line = start + index
    if match is None:
        comma = ", with a full stop before the milliseconds, not a comma as in .srt files" if "," in timing else ""
        return Problem(line, f"cue timing {timing.strip()!r} cannot be read: write start --> end, each as "
                       f"minutes:seconds.milliseconds or hours:minutes:seconds.milliseconds (like {EXAMPLE}){comma}")
    begin, end = _seconds(*match.groups()[:4]), _seconds(*match.groups()[4:])
    if begin is None or end is None:
        return Problem(line, f"cue timing {timing.strip()!r}: minutes and seconds go from 00 to 59")
    if end <= begin:
        return Problem(line, f"cue timing {timing.strip()!r} does not end after it starts: the cue would never show")
    return Cue(begin, end, "\n".join(block[index + 1:]), line)


def _seconds(hours: str | None, minutes: str, seconds: str, millis: str) -> float | None:
    """The seconds of a timestamp's parts; None if its minutes or seconds are over 59."""
    if int(minutes) > 59 or int(seconds) > 59:
        return None
    return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) + int(millis) / 1000
