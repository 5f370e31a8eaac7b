"""Section headings of a long text, for the reference time of a narrative.

A history told in sections ("1862" / "Strategische und politische Entwicklung" / ...
"Westlicher Kriegsschauplatz") restarts its time at every subheading: "Im Februar" under
"Westlicher Kriegsschauplatz" is February of the section's year, not of the last date the
previous subsection reached. A heading is a short line of its own between blank lines (or
the text's edges) that does not end like a sentence.
"""

from __future__ import annotations

import re

_MAX_WORDS = 8
_MAX_CHARS = 80
_LINE = re.compile(r"[^\n]+")
_SENTENCE_END = re.compile(r"[.!?:;,\"“”»«]\s*$")


def headings(text: str) -> list[tuple[int, int]]:
    """(start, end) of every heading line of ``text``, in order."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group().strip()
        if not line or len(line) > _MAX_CHARS or len(line.split()) > _MAX_WORDS or _SENTENCE_END.search(line):
            continue
        before = text[max(0, m.start() - 2):m.start()]
        after = text[m.end():m.end() + 2]
        blank_before = m.start() == 0 or before == "\n\n"
        blank_after = m.end() == len(text) or after == "\n\n" or after.strip() == ""
        if blank_before and blank_after:
            out.append((m.start(), m.end()))
    return out
