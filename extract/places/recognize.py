"""Place-name recognition: gazetteer matching over spaCy tokens, then context rules.

1. Tokens are cut further at hyphens ("US-Beamte" -> "US", "-", "Beamte") into
   *pieces*; spans of up to five pieces inside a sentence are looked up in the
   gazetteer, longest first, also with a German genitive ending removed
   ("Russlands" -> "Russland").
2. People are found first: a title ("Herr", "Präsident", "Mr") or a given name
   ("John", "Wladimir") starts a chain of capitalised words that is a person;
   those words are people throughout the document ("Herr Kim" makes "Kim" in
   "Kim Jong Un" a person as well).
3. Each remaining span is kept when the importance of the place it may denote
   outweighs how common the word is in the document's language (``wordfreq``),
   helped by a locative preposition before it; names followed by an
   organisation word ("Washington Post") or near a weapon or vehicle noun
   ("Interkontinentalrakete Hwasong") are not places.
4. Only with an online geocoder (geo.online, off by default): a name the
   gazetteer lacks, right after a locative preposition, is looked up online;
   see :meth:`PlaceRecognizer._online_span`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Optional

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.tokens import Doc
from wordfreq import zipf_frequency

from extract.lexicon import PlaceCues, place_cues
from geo.gazetteer import MATCH_NAME, MATCH_TRANSLIT, Candidate, Gazetteer
from geo.online import MATCH_ONLINE, ONLINE_ID, OnlineGeocoder
from geo.translit import fold

MAX_PIECES = 5
ACCEPT = 0.5          # importance + context - commonness must reach this
DETERMINER_PENALTY = 1.0
ALIAS_PENALTY = 0.5
GIVEN_NAME_MAX_ZIPF = 5.0
MAX_GAP = 3           # characters of white space between words of one name
LOCATIVE_BONUS = 1.5
TRANSLIT_MAX_ZIPF = 2.0
TRANSLIT_MIN_POP = 50_000  # a sound-alike match must be a town news would name
_QUOTES = "„“”\"'‚‘’«»("
# the online hook: after these prepositions (each also a locative word of data/lexicon/places_*.json),
# 1-3 capitalised words no rarer in the language than ONLINE_MAX_ZIPF
ONLINE_PREPOSITIONS = {"de": ("in", "nach", "bei", "aus"), "en": ("in", "to", "near", "from", "at")}
ONLINE_MAX_WORDS = 3
ONLINE_MAX_ZIPF = 2.0


class Piece:
    """A token or a hyphen-separated part of one, with its sentence number."""

    __slots__ = ("text", "start", "end", "sent", "sent_initial", "lower", "cap")

    def __init__(self, text: str, start: int, end: int, sent: int, sent_initial: bool):
        self.text, self.start, self.end, self.sent, self.sent_initial = text, start, end, sent, sent_initial
        self.lower = text.lower()
        self.cap = text[:1].isupper() and (text[:1].isalpha() or any(c.isalpha() for c in text))

    def __repr__(self) -> str:
        return f"Piece({self.text!r}, {self.start}, {self.end}, sent={self.sent})"


@dataclass
class SpanCandidates:
    """A recognised place name and the entries it may denote."""

    text: str
    start: int
    end: int
    candidates: list[Candidate]
    score: float                      # acceptance score (importance + context - commonness)
    facility_context: bool = False
    qualifier: Optional[int] = None   # index of a following ", Country" span that qualifies this one
    first_piece: int = 0
    last_piece: int = 0
    extra: dict = field(default_factory=dict)


def pieces_of(doc: Doc, text: Optional[str] = None) -> list[Piece]:
    """Tokens cut at hyphens and slashes, with sentence numbers.

    Reads token offsets and sentence starts as arrays: building a spaCy Token
    object per word costs more than the rest of recognition."""
    text = doc.text if text is None else text  # doc.text rebuilds the string token by token
    arr = doc.to_array([IDX, LENGTH, SENT_START, IS_SPACE])
    out: list[Piece] = []
    sent_no = -1
    first = True
    for idx, length, sent_start, is_space in arr.tolist():
        if sent_start == 1 or sent_no < 0:
            sent_no += 1
            first = True
        if is_space:
            continue
        word = text[idx:idx + length]
        pos = 0
        for part in _split_hyphens(word):
            if part:
                out.append(Piece(part, idx + pos, idx + pos + len(part), sent_no,
                                 first or (out[-1].text in _QUOTES and out[-1].sent_initial)))
                first = False
            pos += len(part)
    return out


def _split_hyphens(word: str) -> list[str]:
    if "-" not in word and "/" not in word or len(word) < 3:
        return [word]
    parts, cur = [], ""
    for ch in word:
        if ch in "-/":
            parts += [cur, ch]
            cur = ""
        else:
            cur += ch
    parts.append(cur)
    return parts


@lru_cache(maxsize=200_000)
def commonness(word: str, lang: str) -> float:
    """Zipf frequency (0..8) of a word or phrase in ``lang``."""
    return zipf_frequency(word.lower(), lang)


@lru_cache(maxsize=2)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang``."""
    from spacy.util import get_lang_class

    return frozenset(get_lang_class(lang).Defaults.stop_words)


def importance(c: Candidate) -> float:
    p = c.place
    if p.feature == "country":
        return 9.0
    base = math.log10(max(p.population, 1) + 1)
    if p.feature in ("admin", "region"):
        return max(5.5, base)
    if p.feature == "facility":
        return max(5.0, base)
    return base + (1.0 if c.capital else 0.0)


def _head_before(pieces: list[Piece], i: int) -> str:
    """The word a name directly follows, skipping parentheses and acronyms:
    "Interkontinentalrakete (ICBM) Hwasong" -> "interkontinentalrakete"."""
    k = i - 1
    while k >= 0 and pieces[k].sent == pieces[i].sent and \
            (pieces[k].text in "()" or (pieces[k].text.isupper() and len(pieces[k].text) <= 6)):
        k -= 1
    return pieces[k].lower if k >= 0 and pieces[k].sent == pieces[i].sent else ""


def find_people(pieces: list[Piece], cues: PlaceCues,
                is_country: Callable[[str], bool] = lambda s: False,
                is_given: Optional[Callable[[str], bool]] = None,
                is_place_name: Callable[[str], bool] = lambda s: False) -> tuple[set[int], set[str]]:
    """Pieces that belong to person names, and the folded words that are names of people.

    A chain stops at a country name ("Kim Jong Un Russland" is a person and a country)."""
    person_idx: set[int] = set()
    names: set[str] = set()
    n = len(pieces)
    is_given = is_given or cues.given_names.__contains__
    for i, p in enumerate(pieces):
        if not p.cap:
            continue
        prev = pieces[i - 1] if i else None
        titled = prev is not None and prev.sent == p.sent and prev.lower.rstrip(".") in cues.person_titles
        given = is_given(p.text) and i + 1 < n and pieces[i + 1].cap \
            and pieces[i + 1].sent == p.sent and pieces[i + 1].start - p.end <= MAX_GAP \
            and not is_place_name(f"{p.text} {pieces[i + 1].text}")  # "Sierra Leone", "Hong Kong"
        if not (titled or given):
            continue
        j = i
        while j < n and j - i < 4 and pieces[j].cap and pieces[j].sent == p.sent \
                and pieces[j].text.replace(".", "").isalpha() \
                and (j == i or pieces[j].start - pieces[j - 1].end <= MAX_GAP):
            if j > i and (pieces[j].lower in cues.person_titles or is_country(pieces[j].text)):
                break
            person_idx.add(j)
            names.add(fold(pieces[j].text))
            for suf in cues.genitive_suffixes:
                if pieces[j].lower.endswith(suf):
                    names.add(fold(pieces[j].text[: -len(suf)]))
            j += 1
    return person_idx, names


class PlaceRecognizer:
    """Finds place-name spans and their candidate entries (resolution is geo.resolve)."""

    def __init__(self, gazetteer: Gazetteer, online: Optional[OnlineGeocoder] = None):
        self.gaz = gazetteer
        self.online = online

    def _is_given_name(self, word: str, lang: str, cues: PlaceCues) -> bool:
        """A first name that starts a person's name here: listed, not an everyday word,
        and not itself the name of a country or a large place ("Georgia", "Paris")."""
        if word in cues.given_names:
            return True
        if word not in self.gaz.given_names or commonness(word, lang) >= GIVEN_NAME_MAX_ZIPF:
            return False
        return not any(c.place.feature != "city" or c.place.population >= 100_000
                       for c in self.gaz.lookup(word, translit=False))

    def _is_country(self, word: str) -> bool:
        return any(c.place.feature == "country" for c in self.gaz.lookup(word, translit=False))

    def _lookup(self, surface: str, lang: str, cues: PlaceCues, single: bool):
        """Candidates for a surface, trying a genitive ending off; (candidates, looked-up form)."""
        forms = [surface]
        forms += [surface[: -len(s)] for s in cues.genitive_suffixes if surface.endswith(s) and len(surface) > len(s) + 2]
        for form in forms:
            if self.gaz.has_key(fold(form)):
                cands = self.gaz.lookup(form, translit=False, lang=lang)
                if cands:
                    return cands, form
        if single and surface[:1].isupper() and commonness(surface, lang) <= TRANSLIT_MAX_ZIPF:
            for form in forms:
                cands = [c for c in self.gaz.lookup(form, translit=True, lang=lang)
                         if c.place.feature != "city" or c.place.population >= TRANSLIT_MIN_POP]
                if cands:
                    return cands, form
        return [], surface

    def recognize(self, text: str, doc: Doc, lang: str) -> list[SpanCandidates]:
        cues = place_cues(lang)
        pieces = pieces_of(doc, text)
        person_idx, person_names = find_people(pieces, cues, self._is_country,
                                               lambda w: self._is_given_name(w, lang, cues),
                                               lambda s: self.gaz.has_key(fold(s)))
        spans: list[SpanCandidates] = []
        i, n = 0, len(pieces)
        while i < n:
            p = pieces[i]
            if not p.cap or i in person_idx or not p.text[0].isalpha():
                i += 1
                continue
            found = None
            for size in range(min(MAX_PIECES, n - i), 0, -1):
                j = i + size - 1
                last = pieces[j]
                if last.sent != p.sent or not last.cap:
                    continue
                if any(not (q.cap or q.lower in cues.connectors or q.text in "-'’")
                       for q in pieces[i:j + 1]):
                    continue
                surface = text[p.start:last.end]
                if "\n\n" in surface:
                    continue
                cands, form = self._lookup(surface, lang, cues, single=size == 1)
                if cands:
                    found = (j, surface, form, cands)
                    break
            if not found:
                span = None if self.online is None else \
                    self._online_span(text, pieces, i, lang, cues, person_idx, person_names)
                if span is not None:
                    spans.append(span)
                i = i + 1 if span is None else span.last_piece + 1
                continue
            j, surface, form, cands = found
            if j > i and pieces[i].lower in cues.facility_words:
                # "Raumfahrtzentrum Wostotschny": the name is the literal part, the noun its context
                i += 1
                surface = text[pieces[i].start:pieces[j].end]
            span = self._judge(text, pieces, i, j, surface, form, cands, lang, cues, person_idx, person_names)
            if span is not None:
                spans.append(span)
            i = j + 1
        self._link_qualifiers(pieces, spans)
        return spans

    def _judge(self, text, pieces, i, j, surface, form, cands, lang, cues, person_idx, person_names):
        """Score a matched span in its context; None when it is not a place here."""
        best = max(cands, key=importance)
        is_country = any(c.place.feature == "country" for c in cands)
        prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
        nxt = pieces[j + 1] if j + 1 < len(pieces) and pieces[j + 1].sent == pieces[j].sent else None
        # people
        if not is_country:
            if prev is not None and prev.lower.rstrip(".") in cues.person_titles:
                return None
            if fold(form) in person_names or fold(surface) in person_names:
                return None
            if (prev is not None and (i - 1) in person_idx and pieces[i].start - prev.end <= MAX_GAP) or \
                    (nxt is not None and (j + 1) in person_idx and nxt.start - pieces[j].end <= MAX_GAP):
                return None
            if nxt is not None and nxt.cap and nxt.start - pieces[j].end <= MAX_GAP and pieces[i].text in cues.given_names:
                return None
        # organisations and named things
        if nxt is not None and nxt.lower in cues.org_after and nxt.cap:
            return None
        if prev is not None and prev.lower in cues.org_before:
            return None
        window = [q.lower for q in pieces[max(0, i - 4):i] if q.sent == pieces[i].sent]
        after = [q.lower for q in pieces[j + 1:j + 4] if q.sent == pieces[j].sent]
        if _head_before(pieces, i) in cues.nonplace_heads or \
                (after[:1] and after[0] in cues.nonplace_heads and not is_country):  # "Taiwan mission"
            return None
        if (len(form.replace(" ", "")) < 3 or form.lower() in stop_words(lang)) and not is_country:
            return None  # "Dabei", "She": function words are never place names here
        facility_ctx = any(w in cues.facility_words for w in window[-2:] + after[:2])
        score = importance(best) - commonness(form, lang)
        if prev is not None and prev.lower in cues.locative_before:
            score += LOCATIVE_BONUS
        if facility_ctx and any(c.place.feature == "facility" for c in cands):
            score += LOCATIVE_BONUS
        if prev is not None and prev.lower in cues.determiners and \
                not any(c.place.feature in ("country", "region", "admin") for c in cands):
            score -= DETERMINER_PENALTY  # "das Essen", "a reading": a noun, not a town
        if lang == "en" and pieces[i].sent_initial and not is_country:
            score -= 0.5
        if all(c.match == MATCH_TRANSLIT for c in cands):
            score -= 0.5
        elif all(c.match != MATCH_NAME for c in cands) and importance(best) < 5.0 and not is_country:
            score -= ALIAS_PENALTY  # another name of the place: less sure than its own name
        if score < ACCEPT:
            return None
        return SpanCandidates(surface, pieces[i].start, pieces[j].end, cands, score,
                              facility_context=facility_ctx, first_piece=i, last_piece=j)

    def _online_span(self, text, pieces, i, lang, cues, person_idx, person_names) -> Optional[SpanCandidates]:
        """The online hook: "nach Xyzburg", "near Xyzburg" -- 1-3 capitalised words right after a
        locative preposition, the whole chain of capitalised words, with no gazetteer entry
        (the caller found none), no person (no title or given name, not a person's word of
        this document), no acronym, organisation word or common word -- looked up with
        ``self.online``; a result is a span whose one candidate is the online place."""
        prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
        if prev is None or prev.lower not in ONLINE_PREPOSITIONS.get(lang, ()) \
                or prev.lower not in cues.locative_before or pieces[i].start - prev.end > MAX_GAP:
            return None
        j = i
        while j + 1 < len(pieces) and pieces[j + 1].cap and pieces[j + 1].sent == pieces[i].sent \
                and pieces[j + 1].start - pieces[j].end <= MAX_GAP and j - i < ONLINE_MAX_WORDS:
            j += 1
        words = pieces[i:j + 1]
        if len(words) > ONLINE_MAX_WORDS or any(not q.text.isalpha() or (q.text.isupper() and len(q.text) > 1)
                                                 for q in words):
            return None  # a longer chain is an organisation or a title; "NATO", "EU" are not towns
        surface = text[pieces[i].start:pieces[j].end]
        if any(k in person_idx for k in range(i, j + 1)) or fold(surface) in person_names \
                or any(fold(q.text) in person_names or q.text in cues.given_names for q in words):
            return None
        if any(q.lower in cues.org_after or q.lower in cues.person_titles for q in words) \
                or commonness(surface, lang) > ONLINE_MAX_ZIPF or surface.lower() in stop_words(lang):
            return None
        place = self.online.geocode(surface)
        if place is None:
            return None
        return SpanCandidates(surface, pieces[i].start, pieces[j].end,
                              [Candidate(ONLINE_ID, place, MATCH_ONLINE, False)], LOCATIVE_BONUS,
                              first_piece=i, last_piece=j)

    @staticmethod
    def _link_qualifiers(pieces: list[Piece], spans: list[SpanCandidates]) -> None:
        """'Najin, Nordkorea' / 'Paris, Texas': the second name qualifies the first."""
        for k in range(len(spans) - 1):
            a, b = spans[k], spans[k + 1]
            if b.first_piece == a.last_piece + 2 and pieces[a.last_piece + 1].text == "," and \
                    any(c.place.feature in ("country", "admin") for c in b.candidates):
                a.qualifier = k + 1
