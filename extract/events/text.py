"""Tokens, clauses and actors for the event extractor (no trained model: patterns only)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from wordfreq import zipf_frequency

from extract.events.lexicon import EventLexicon
from records.model import Mention

_TOKEN = re.compile(r"\w+(?:[.'’]\w+)*(?:-\w+)*-?|[^\w\s]", re.UNICODE)
_CLAUSE_BREAK = frozenset(",;:()–—[]")
_NAME_PARTICLES = frozenset({"al", "el", "bin", "ibn", "von", "van", "de", "der", "da", "di", "le", "la"})


@dataclass(frozen=True)
class Token:
    text: str
    low: str
    start: int
    end: int
    clause: int  # index of the clause within its sentence

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()


def tokenize(text: str, start: int, end: int) -> list[Token]:
    """Tokens of ``text[start:end]``, each tagged with its clause number.

    Clauses break at commas, semicolons, colons, parentheses and dashes; a comma
    between two digits ("1,5") is part of a number.
    """
    out: list[Token] = []
    clause = 0
    for m in _TOKEN.finditer(text, start, end):
        t = m.group()
        if t in _CLAUSE_BREAK or (t == "-" and m.start() > 0 and text[m.start() - 1] == " "):
            clause += 1
            continue
        out.append(Token(t, t.lower(), m.start(), m.end(), clause))
    return out


def index_at(tokens: list[Token], offset: int) -> Optional[int]:
    """Index of the token that covers or starts after ``offset``."""
    for i, t in enumerate(tokens):
        if t.end > offset:
            return i
    return None


def phrase_before(tokens: list[Token], i: int, phrases) -> Optional[tuple[str, ...]]:
    """The longest cue phrase that ends right before token ``i`` in the same clause."""
    for ph in phrases:
        n = len(ph)
        if i - n < 0:
            continue
        window = tokens[i - n:i]
        if all(t.clause == tokens[i].clause for t in window) and tuple(t.low for t in window) == ph:
            return ph
    return None


# --- people -----------------------------------------------------------------------------

@dataclass
class Person:
    name: str
    role: Optional[str]
    start: int
    end: int


@lru_cache(maxsize=4096)
def _common_word(low: str, lang: str) -> bool:
    """A frequent lower-case word of the language (wordfreq), so no name part."""
    return zipf_frequency(low, lang) >= 4.0


def _name_run(tokens: list[Token], j: int, places: set[int], lex: EventLexicon) -> int:
    """End index (exclusive) of a run of name tokens starting at ``j``."""
    k = j
    while k < len(tokens) and k - j < 4:
        t = tokens[k]
        if t.start in places or lex.is_title(t.low) or t.low in lex.honorifics:
            break
        if t.cap and t.text.isalpha() or (t.cap and "-" in t.text) or (k > j and t.low in _NAME_PARTICLES):
            k += 1
            continue
        break
    while k > j and tokens[k - 1].low in _NAME_PARTICLES:
        k -= 1
    return k


def find_people(text: str, tokens: list[Token], places: list[Mention], lex: EventLexicon) -> list[Person]:
    """People named in a document: after a title ("Verteidigungsminister Sergej Schoigu"),
    with a known given name ("John Kirby"), or by honorific ("Herr Kim", resolved to the
    full name mentioned before)."""
    place_starts = {m.start for m in places}
    people: list[Person] = []
    full: dict[str, str] = {}
    i = 0
    while i < len(tokens):
        t = tokens[i]
        role = None
        j = None
        if lex.is_title(t.low) and (t.low not in ("chef", "chief", "head", "leader") or True):
            k = i + 1
            while k < len(tokens) and lex.is_title(tokens[k].low):
                k += 1
            j = k
            r0 = i
            while r0 > 0 and r0 > i - 3 and not tokens[r0 - 1].cap and tokens[r0 - 1].text.isalpha() \
                    and tokens[r0 - 1].low not in lex.subject_stop and tokens[r0 - 1].clause == t.clause \
                    and len(tokens[r0 - 1].low) > 3:
                r0 -= 1
            role = text[tokens[r0].start:tokens[k - 1].end]
        elif t.low in lex.honorifics:
            j = i + 1
            if j < len(tokens) and tokens[j].cap and tokens[j].start not in place_starts:
                sur = tokens[j].text
                if sur not in full and sur.endswith("s") and sur[:-1] in full:
                    sur = sur[:-1]  # genitive "Herrn Kims"
                people.append(Person(full.get(sur, sur), None, tokens[j].start, tokens[j].end))
                i = j + 1
                continue
        elif t.text in lex.given_names:
            j = i
        if j is None or j >= len(tokens):
            i += 1
            continue
        end = _name_run(tokens, j, place_starts, lex)
        if end > j and tokens[end - 1].clause == tokens[j].clause:
            name = text[tokens[j].start:tokens[end - 1].end]
            if t.low in lex.honorifics or end - j == 1:
                name = full.get(name, name)
            else:
                for part in name.split():
                    if len(part) > 1 and part.lower() not in _NAME_PARTICLES:
                        full.setdefault(part, name)
            people.append(Person(name, role, tokens[j].start, tokens[end - 1].end))
            i = end
            continue
        i += 1
    # a bare surname of a person named before ("Xi", "Kirby") is that person
    known = {p.start for p in people}
    for t in tokens:
        if t.start not in known and t.cap and t.text in full and t.start not in place_starts:
            people.append(Person(full[t.text], None, t.start, t.end))
    people.sort(key=lambda p: p.start)
    return people


def find_organisations(text: str, start: int, end: int, lex: EventLexicon) -> list[tuple[str, int]]:
    """Known organisations named in ``text[start:end]`` (as written, with offsets)."""
    out = []
    for org in lex.organisations:
        for m in re.finditer(r"(?<![\w])" + re.escape(org) + r"(?![\w])", text[start:end]):
            if not any(s <= start + m.start() < s + len(o) for o, s in out):
                out.append((org, start + m.start()))
    return sorted(out, key=lambda x: x[1])
