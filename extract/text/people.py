"""People: found once per document, by one set of rules, for every later step.

Place recognition reads which words name people (so "Kim" in "Kim Jong Un" or a
"Georgia" who is a person is no place); the event step reads who is named in a
sentence (its actors). Rules, over the document's pieces (tokens cut at hyphens):

* a **title or honorific** before a capitalised word starts a name ("Präsident
  Macron", "Verteidigungsminister Sergej Schoigu", "Herr Kim", "Sen. Warren");
  titles come from ``data/lexicon/people_<lang>.json`` and also match as the head
  of a closed compound and with an inflection ending (languages with closed
  compounds: "Außenministerin" -> "minister");
* a **given name** followed by a capitalised word starts one ("John Kirby");
* a name runs over up to four capitalised words (name particles such as "bin",
  "von", "al" inside), and stops at a title or a country name;
* the first full name a word belongs to is **that person** throughout the
  document: a later "Schoigu", "Herrn Schoigus" or "Herr Schoigu" is Sergej Schoigu.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional, Sequence

from rapidfuzz.distance import DamerauLevenshtein

from extract.lexicon import load_json
from geo.translit import fold
from records import languages

MAX_GAP = 3        # characters of white space between the words of one name
MAX_WORDS = 4
MIN_COMPOUND_TITLE = 6  # a title this long may be the head of a compound ("...minister")
TITLE_MEMO_MAX = 100_000  # words whose title verdict a lexicon remembers


@dataclass(frozen=True)
class Person:
    """One mention of a person: ``name`` is the full name it stands for."""

    name: str
    start: int
    end: int


@dataclass
class People:
    """The people layer of a document."""

    mentions: list[Person] = field(default_factory=list)   # in text order
    piece_idx: set[int] = field(default_factory=set)       # pieces inside a written-out name
    names: set[str] = field(default_factory=set)           # folded words that name people here

    def between(self, start: int, end: int) -> list[Person]:
        return [p for p in self.mentions if start <= p.start < end]


@dataclass(frozen=True)
class PeopleLexicon:
    lang: str
    titles: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    inflections: tuple[str, ...]
    genitive_suffixes: tuple[str, ...]
    closed_compounds: bool
    short_heads: frozenset[str] = frozenset()  # short titles that head compounds ("chef": "Verhandlungschef")
    # word -> is_title's verdict (hashing the whole lexicon for a shared cache costs more)
    title_memo: dict = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def compound_heads(self) -> tuple[str, ...]:
        """The titles that may end a closed compound (none where compounds are open)."""
        return _compound_heads(self)

    def is_title(self, low: str) -> bool:
        """A title word ("präsident", "sen"), also inflected ("präsidenten",
        "außenministerin") or as a compound's head ("verteidigungsminister")."""
        memo = self.title_memo
        hit = memo.get(low)
        if hit is None:
            if len(memo) > TITLE_MEMO_MAX:
                memo.clear()
            hit = memo[low] = _is_title(self, low.rstrip("."))
        return hit


@lru_cache(maxsize=8)
def _compound_heads(lex: "PeopleLexicon") -> tuple[str, ...]:
    if not lex.closed_compounds:
        return ()
    return tuple(sorted({t for t in lex.titles if len(t) >= MIN_COMPOUND_TITLE} | lex.short_heads))


@lru_cache(maxsize=100_000)
def _is_title(lex: PeopleLexicon, low: str) -> bool:
    if "-" in low:
        low = low.rsplit("-", 1)[1]  # "fbi-undercover-agenten", "us-präsident": the last part
    forms = [low] + [low[: -len(e)] for e in lex.inflections if low.endswith(e) and len(low) > len(e) + 2]
    heads = lex.compound_heads
    return any(form in lex.titles or (heads and form.endswith(heads)) for form in forms)


@lru_cache(maxsize=None)
def people_lexicon(lang: str) -> PeopleLexicon:
    spec = languages.language(lang)
    raw = load_json(spec.lexicon("people").name)
    places = load_json(spec.lexicon("places").name)
    return PeopleLexicon(lang=lang, titles=frozenset(raw["titles"]) | frozenset(raw.get("honorifics", ())),
                         honorifics=frozenset(raw.get("honorifics", ())),
                         particles=frozenset(raw.get("particles", ())),
                         inflections=tuple(raw.get("inflections", ())),
                         genitive_suffixes=tuple(places.get("genitive_suffixes", ())),
                         closed_compounds=spec.closed_compounds,
                         short_heads=frozenset(raw.get("short_compound_heads", ())))


def find_people(text: str, pieces: Sequence, lex: PeopleLexicon,
                is_given: Callable[[str], bool],
                is_country: Callable[[str], bool] = lambda s: False,
                is_place_name: Callable[[str], bool] = lambda s: False,
                is_common: Callable[[str], bool] = lambda s: True) -> People:
    """The people layer of ``text`` from its pieces (objects with ``text``, ``lower``,
    ``start``, ``end``, ``sent``, ``cap``; see extract.places.recognize.Piece).
    ``is_common``: whether a word is a common word of the language (no spelling variant of a
    name: "Schutz" is no "Schulz")."""
    out = People()
    full: dict[str, str] = {}   # a word of a full name -> the full name
    n = len(pieces)
    i = 0
    while i < n:
        p = pieces[i]
        if not p.cap or not p.text[:1].isalpha():
            i += 1
            continue
        prev = pieces[i - 1] if i and pieces[i - 1].sent == p.sent else None
        titled = prev is not None and lex.is_title(prev.lower)
        given = not titled and i + 1 < n and pieces[i + 1].cap \
            and pieces[i + 1].sent == p.sent and pieces[i + 1].start - p.end <= MAX_GAP \
            and is_given(p.text) and not is_place_name(f"{p.text} {pieces[i + 1].text}")  # "Hong Kong"
        if not (titled or given) or lex.is_title(p.lower) or (titled and is_country(p.text)):
            i += 1  # "die Minister Rumänien einen Besuch ab": a country after a title is no name
            continue
        last = _name_end(pieces, i, lex, is_country, full)
        if last < i:
            i += 1
            continue
        words = [pieces[k] for k in range(i, last + 1) if pieces[k].cap]
        written = text[p.start:pieces[last].end]
        if len(words) > 1:
            for w in words:
                full.setdefault(w.text, written)
            name = written
        else:
            name = _known(full, p.text, lex) or written
        out.mentions.append(Person(name, p.start, pieces[last].end))
        for k in range(i, last + 1):
            out.piece_idx.add(k)
            if pieces[k].cap:
                out.names.add(fold(pieces[k].text))
                for suf in lex.genitive_suffixes:
                    if pieces[k].lower.endswith(suf):
                        out.names.add(fold(pieces[k].text[: -len(suf)]))
        i = last + 1
    # a bare word of a name written out before ("Xi", "Kirby") is that person, also spelt one
    # letter apart ("Schultz" for George Shultz, as wire copy slips)
    named = {(m.start, m.end) for m in out.mentions}
    for k, p in enumerate(pieces if full else ()):  # (with no full name, no word is known)
        if not p.cap or k in out.piece_idx:
            continue
        name = _known(full, p.text, lex) or (None if is_common(p.text) else _variant(full, p.text))
        if name and (p.start, p.end) not in named and not is_country(p.text):
            out.mentions.append(Person(name, p.start, p.end))
    out.mentions.sort(key=lambda m: m.start)
    return out


def _name_end(pieces: Sequence, i: int, lex: PeopleLexicon, is_country, full: dict) -> int:
    """Index of the last piece of the name that starts at piece ``i``.

    The name goes on over capitalised words, particles ("bin", "von") and hyphens
    that join two parts without a space ("Ban Ki-moon", "Pelczynska-Nalecz"); it
    ends after the genitive of a person named before ("Kims Regime": Kim's regime)."""
    n = len(pieces)
    last = i - 1
    j = i
    while j < n and j - i < MAX_WORDS and pieces[j].sent == pieces[i].sent \
            and (j == i or pieces[j].start - pieces[j - 1].end <= MAX_GAP):
        q = pieces[j]
        if q.cap and q.text.replace(".", "").isalpha():
            if j > i and (lex.is_title(q.lower) or is_country(q.text)):
                break
            last = j
            if q.text not in full and _known(full, q.text, lex):
                break  # a genitive: what follows is what the person has
        elif q.text == "-" and last == j - 1 and j + 1 < n and pieces[j - 1].end == q.start \
                and pieces[j + 1].start == q.end and pieces[j + 1].text.isalpha():
            last = j + 1
            j += 2
            continue
        elif not (j > i and q.lower in lex.particles):
            break
        j += 1
    return last


VARIANT_MIN = 5  # letters: a shorter word one letter from a name is too often another word ("Bush", "Busch")


def _variant(full: dict[str, str], word: str) -> Optional[str]:
    """The full name one of whose words ``word`` spells one edit apart (a letter added,
    dropped, changed or two swapped; same first letter, both at least ``VARIANT_MIN``
    long): "Schultz" -> "George Shultz"."""
    if len(word) < VARIANT_MIN or not word.isalpha():
        return None
    for w, name in full.items():
        if len(w) >= VARIANT_MIN and w[0] == word[0] and abs(len(w) - len(word)) <= 1 \
                and DamerauLevenshtein.distance(w, word, score_cutoff=1) <= 1:
            return name
    return None


def _known(full: dict[str, str], word: str, lex: PeopleLexicon) -> Optional[str]:
    """The full name ``word`` (perhaps with a genitive ending) belongs to, if any."""
    if word in full:
        return full[word]
    for suf in lex.genitive_suffixes:
        if word.endswith(suf) and word[: -len(suf)] in full:
            return full[word[: -len(suf)]]
    return None
