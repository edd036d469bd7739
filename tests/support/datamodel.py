"""The SCORM data model's types and lengths, to check every value a SCO sends.

scorm-again accepts much that a strict LMS refuses, so the tests check each SetValue
themselves. ``problem(version, element, value)`` gives what is wrong, or None.
Only elements learnpack writes are known here: anything else is a problem too.
"""

from __future__ import annotations

import re

DECIMAL = r"-?\d+(\.\d+)?"
ID_12 = re.compile(r"^[\w.\-]{1,255}$", re.ASCII)
ID_2004 = re.compile(r"^[\w.]{1,250}$", re.ASCII)  # what Moodle accepts, stricter than the standard
SHORT_ID = re.compile(r"^[\w.]{1,250}$", re.ASCII)
TIMESPAN_12 = re.compile(r"^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$")
TIME_12 = re.compile(r"^\d{2}:\d{2}:\d{2}(\.\d{1,2})?$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2})?(Z|[+-]\d{2}(:\d{2})?)?$")
LANGUAGE = re.compile(r"^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*)?$")
LOCALIZED = re.compile(r"^(\{lang=[a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*\})?(?!\{lang=)", re.S)
INTERACTION = re.compile(r"^cmi\.interactions\.(\d+)\.(.+)$")
TYPES_12 = {"true-false", "choice", "fill-in", "matching", "performance", "sequencing", "likert", "numeric"}
TYPES_2004 = TYPES_12 | {"long-fill-in", "other"}


def _number(value: str, low: float | None = None, high: float | None = None) -> str | None:
    if not re.fullmatch(DECIMAL, value):
        return f"{value!r} is not a decimal number"
    if (low is not None and float(value) < low) or (high is not None and float(value) > high):
        return f"{value} is outside {low}..{high}"
    return None


def _one_of(value: str, allowed: set[str]) -> str | None:
    return None if value in allowed else f"{value!r} is not one of {sorted(allowed)}"


def _length(value: str, most: int) -> str | None:
    return None if len(value) <= most else f"{len(value)} characters, more than {most}"


class Checker:
    """Checks the values of one session, remembering each interaction's type."""

    def __init__(self, version: str) -> None:
        self.version = version
        self.types: dict[str, str] = {}

    def problem(self, element: str, value: str) -> str | None:
        match = INTERACTION.match(element)
        if match:
            return self._interaction(match.group(1), match.group(2), value)
        return (self._top_12 if self.version == "12" else self._top_2004)(element, value)

    def _top_12(self, element: str, value: str) -> str | None:
        checks = {
            "cmi.core.lesson_status": lambda v: _one_of(v, {"passed", "completed", "failed", "incomplete", "browsed"}),
            "cmi.core.score.raw": lambda v: _number(v, 0, 100),
            "cmi.core.score.min": lambda v: _number(v, 0, 100),
            "cmi.core.score.max": lambda v: _number(v, 0, 100),
            "cmi.core.session_time": lambda v: None if TIMESPAN_12.match(v) else f"{v!r} is not a CMITimespan",
            "cmi.core.exit": lambda v: _one_of(v, {"", "suspend", "logout", "time-out"}),
            "cmi.core.lesson_location": lambda v: _length(v, 255),
            "cmi.suspend_data": lambda v: _length(v, 4096),
            "cmi.student_preference.language": lambda v: _length(v, 255),
        }
        return checks[element](value) if element in checks else f"{element} is not an element learnpack writes"

    def _top_2004(self, element: str, value: str) -> str | None:
        checks = {
            "cmi.completion_status": lambda v: _one_of(v, {"completed", "incomplete", "not attempted", "unknown"}),
            "cmi.success_status": lambda v: _one_of(v, {"passed", "failed", "unknown"}),
            "cmi.score.scaled": lambda v: _number(v, -1, 1),
            "cmi.score.raw": lambda v: _number(v),
            "cmi.score.min": lambda v: _number(v),
            "cmi.score.max": lambda v: _number(v),
            "cmi.progress_measure": lambda v: _number(v, 0, 1),
            "cmi.session_time": lambda v: None if DURATION.match(v) else f"{v!r} is not an ISO 8601 duration",
            "cmi.exit": lambda v: _one_of(v, {"", "suspend", "normal", "logout", "time-out"}),
            "cmi.location": lambda v: _length(v, 1000),
            "cmi.suspend_data": lambda v: _length(v, 64000),
            "cmi.learner_preference.language": lambda v: None if LANGUAGE.match(v) else f"{v!r} is not a language code",
        }
        return checks[element](value) if element in checks else f"{element} is not an element learnpack writes"

    def _interaction(self, n: str, field: str, value: str) -> str | None:
        twelve = self.version == "12"
        if field == "id":
            return None if (ID_12 if twelve else ID_2004).match(value) else f"id {value!r} is not valid"
        if field == "type":
            self.types[n] = value
            return _one_of(value, TYPES_12 if twelve else TYPES_2004)
        kind = self.types.get(n)
        if kind is None:
            return f"interaction {n}: {field} set before type"
        if field == "time" and twelve:
            return None if TIME_12.match(value) else f"{value!r} is not a CMITime"
        if field == "timestamp" and not twelve:
            return None if TIMESTAMP.match(value) else f"{value!r} is not a timestamp"
        if field == "weighting":
            return _number(value)
        if field == "result":
            allowed = {"correct", "wrong", "unanticipated", "neutral"} if twelve else \
                {"correct", "incorrect", "unanticipated", "neutral"}
            return None if value in allowed or re.fullmatch(DECIMAL, value) else f"result {value!r} is not valid"
        if field == "description" and not twelve:
            return _length(LOCALIZED.sub("", value, count=1), 250)
        if field == "student_response" and twelve:
            return self._response_12(kind, value)
        if field == "learner_response" and not twelve:
            return self._response_2004(kind, value)
        pattern = re.fullmatch(r"correct_responses\.(\d+)\.pattern", field)
        if pattern:
            return self._response_12(kind, value) if twelve else self._pattern_2004(kind, value)
        return f"interaction field {field} is not one learnpack writes"

    def _response_12(self, kind: str, value: str) -> str | None:
        if len(value) > 255:
            return f"response of {len(value)} characters, more than 255"
        formats = {
            "true-false": r"[01tf]",
            "choice": r"[0-9a-z](,[0-9a-z])*",
            "sequencing": r"[0-9a-z](,[0-9a-z])*",
            "matching": r"[0-9a-z]\.[0-9a-z](,[0-9a-z]\.[0-9a-z])*",
            "numeric": DECIMAL,
        }
        if kind in formats and not re.fullmatch(formats[kind], value):
            return f"{kind} response {value!r} is not in 1.2's format"
        return None

    def _response_2004(self, kind: str, value: str) -> str | None:
        if kind == "true-false":
            return _one_of(value, {"true", "false"})
        if kind in ("choice", "sequencing"):
            parts = value.split("[,]")
            if not all(SHORT_ID.match(p) for p in parts) or (kind == "choice" and len(set(parts)) != len(parts)):
                return f"{kind} response {value!r} is not a list of short identifiers"
            return None
        if kind == "matching":
            ok = all(re.fullmatch(r"[\w.]+\[\.\][\w.]+", p, re.ASCII) for p in value.split("[,]"))
            return None if ok else f"matching response {value!r} is not in 2004's format"
        if kind == "numeric":
            return _number(value)
        if kind == "fill-in":
            return next(filter(None, (_length(LOCALIZED.sub("", p, count=1), 250) for p in value.split("[,]"))), None)
        if kind == "long-fill-in":
            return _length(LOCALIZED.sub("", value, count=1), 4000)
        return None

    def _pattern_2004(self, kind: str, value: str) -> str | None:
        if kind == "numeric":
            ok = re.fullmatch(rf"({DECIMAL})?\[:\]({DECIMAL})?", value)
            return None if ok else f"numeric pattern {value!r} is not min[:]max"
        if kind == "fill-in":
            rest = re.sub(r"^(\{case_matters=(true|false)\})?(\{order_matters=(true|false)\})?", "", value)
            return self._response_2004(kind, rest)
        return self._response_2004(kind, value)
