"""Which language each text of a page is in, by its script: the scan behind WCAG 3.1.2 tests.

A text node's language is that of its nearest ``lang``. Arabic-script text must sit in an
Arabic-script language; Latin-script words must not sit in one, unless isolated in a
``<bdi>`` (numbers, terms and names inside right-to-left text).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from lxml import html as lxml_html

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
LATIN_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]{3,}")  # a word of three or more Latin letters
ARABIC_SCRIPT_LANGUAGES = ("ar", "fa", "ps", "ur")
SKIPPED = ("script", "style", "template")
UTF8 = lxml_html.HTMLParser(encoding="utf-8")  # as every page says in its <meta charset>


def texts(document: bytes) -> Iterator[tuple[str, str, str]]:
    """Every visible text of ``document`` as (text, its language, the tag that holds it)."""
    root = lxml_html.document_fromstring(document, parser=UTF8)
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue
        for text, owner in ((element.text, element), (element.tail, element.getparent())):
            if owner is None or owner.tag in SKIPPED or not (text and text.strip()):
                continue
            if owner.xpath("ancestor::*[self::script or self::style or self::template]"):
                continue
            yield text.strip(), str(owner.xpath("string(ancestor-or-self::*[@lang][1]/@lang)")), str(owner.tag)


def misplaced(document: bytes) -> list[str]:
    """The texts whose script contradicts the language they are marked with."""
    found = []
    for text, language, tag in texts(document):
        arabic_language = language.split("-")[0] in ARABIC_SCRIPT_LANGUAGES
        if ARABIC_SCRIPT.search(text) and not arabic_language:
            found.append(f"Arabic script in lang={language!r}: {text[:60]!r}")
        elif arabic_language and not ARABIC_SCRIPT.search(text) and LATIN_WORD.search(text) and tag != "bdi":
            found.append(f"Latin script in lang={language!r} <{tag}>: {text[:60]!r}")
    return found
