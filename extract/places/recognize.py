"""Place-name recognition: gazetteer matching over spaCy tokens, then context rules.

1. The document's *pieces* (tokens cut at hyphens: "US-Beamte" -> "US", "-",
   "Beamte"; extract.text.document): spans of up to five pieces inside a sentence
   are looked up in the gazetteer, longest first, also with a German genitive
   ending removed ("Russlands" -> "Russland").
2. People come first (the document's people layer, extract.text.people): words of
   a person's name are no place anywhere in the document ("Herr Kim" makes "Kim"
   in "Kim Jong Un" a person as well).
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

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from extract.lexicon import PlaceCues, place_cues
from extract.places.abbreviations import abbreviation_at
from extract.places.compass import country_part
from extract.places.county_lists import county_lists
from extract.places.words import commonness, inflected_common_noun, office_field, stop_words
from extract.text.document import Piece, TextDoc
from extract.text.people import People, find_people, people_lexicon
from records import languages
from records.actors import organisation_spans
from geo.admin_units import is_county_name
from geo.gazetteer import MATCH_NAME, MATCH_TRANSLIT, Candidate, Gazetteer, importance
from geo.online import MATCH_ONLINE, ONLINE_ID, OnlineGeocoder
from geo.translit import fold

MAX_PIECES = 5
ACCEPT = 0.5          # importance + context - commonness must reach this
DETERMINER_PENALTY = 1.0
ALIAS_PENALTY = 0.5
INFLECTED_PENALTY = 1.5   # a capitalised word that is an inflected form of a common noun (as much as a locative before it)
GIVEN_NAME_MAX_ZIPF = 5.0
NAME_VARIANT_MAX_ZIPF = {"en": 4.0}  # a word this common is a word of its own, no misspelt name; in German,
NAME_VARIANT_MAX_ZIPF_NOUNS = 2.0    # where every noun is capitalised, only a rare word ("Schutz" 4.8, "Schilling" 3.3)
GIVEN_MEMO_MAX = 100_000  # words whose given-name verdict (and surfaces whose lookup) is remembered
MAX_GAP = 3           # characters of white space between words of one name
LOCATIVE_BONUS = 1.5
TRANSLIT_MAX_ZIPF = 2.0
TRANSLIT_MIN_POP = 50_000  # a sound-alike match must be a town news would name
ACRONYM_LETTERS = 4        # an all-caps word this short may be an acronym ("ICO", "EEC") ...
ACRONYM_MIN_POP = 100_000  # ... and names a place only as a country or a city this large
# the online hook: after a preposition of the lexicon's "online_after" (data/lexicon/places_*.json),
# 1-3 capitalised words no more common in the language than ONLINE_MAX_ZIPF
ONLINE_MAX_WORDS = 3
ONLINE_MAX_ZIPF = 2.0


@dataclass
class SpanCandidates:
    """A recognised place name and the entries it may denote."""

    text: str
    start: int
    end: int
    candidates: list[Candidate]
    score: float                      # acceptance score (importance + context - commonness)
    facility_context: bool = False
    region_context: bool = False      # a region word right before ("Grafschaft Cornwall", "the county of Kent")
    qualifier: Optional[int] = None   # index of a following ", Country" span that qualifies this one
    country_hint: Optional[str] = None  # ISO code of a nationality right before ("im polnischen Płock")
    first_piece: int = 0
    last_piece: int = 0
    extra: dict = field(default_factory=dict)


def _spelt_as_written(surface: str, cands: list[Candidate], lang: str) -> list[Candidate]:
    """In a language that writes its own letters (German ä, ö, ü, ß), a name written without
    them is not the place spelt with them when a place spelt as written exists: "Munster" in a
    German text is the town in Lower Saxony, not Münster."""
    letters = _letters(lang)
    if letters is None or letters.search(surface):
        return cands
    plain = [c for c in cands if not letters.search(c.place.name)]
    return plain if plain and len(plain) < len(cands) else cands


@lru_cache(maxsize=None)
def _letters(lang: str) -> Optional[re.Pattern]:
    spec = languages.language(lang)
    return re.compile(spec.letters) if getattr(spec, "letters", "") else None


_DATELINE_AFTER = re.compile(r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?\s+[–—-]\s")


def _dateline_at(text: str, pieces: list[Piece], i: int, j: int) -> bool:
    """Whether the span of pieces i..j opens a line or follows a sentence's end and a dash
    follows it (with a date between: "CAIRO, March 2 -"): a news dateline."""
    start = pieces[i].start
    before = text[max(0, start - 3):start]
    if start and not (before.endswith("\n") or re.search(r"[.!?\"“]\s$", before)):
        return False
    return bool(_DATELINE_AFTER.match(text, pieces[j].end))


def _compound_modifier(text: str, pieces: list[Piece], j: int, lang: str) -> bool:
    """Whether the name ending at piece ``j`` opens a hyphenated compound of a language that
    writes compounds as one word ("Volta-Kongo-Sprachen", "Bayern-Wahl")."""
    if not languages.language(lang).closed_compounds or j + 2 >= len(pieces):
        return False
    hyphen, head = pieces[j + 1], pieces[j + 2]
    return hyphen.text == "-" and hyphen.start == pieces[j].end and head.start == hyphen.end and head.text[:1].isalpha()


def _head_before(pieces: list[Piece], i: int) -> str:
    """The word a name directly follows, skipping parentheses and acronyms:
    "Interkontinentalrakete (ICBM) Hwasong" -> "interkontinentalrakete"."""
    k = i - 1
    while k >= 0 and pieces[k].sent == pieces[i].sent and \
            (pieces[k].text in "()" or (pieces[k].text.isupper() and len(pieces[k].text) <= 6)):
        k -= 1
    return pieces[k].lower if k >= 0 and pieces[k].sent == pieces[i].sent else ""


class PlaceRecognizer:
    """Finds place-name spans and their candidate entries (resolution is geo.resolve)."""

    def __init__(self, gazetteer: Gazetteer, online: Optional[OnlineGeocoder] = None):
        self.gaz = gazetteer
        self._given_memo: dict[tuple[str, str], bool] = {}
        self._lookup_memo: dict[tuple[str, str, bool], tuple[tuple[Candidate, ...], str]] = {}
        self.online = online

    def _is_given_name(self, word: str, lang: str, cues: PlaceCues) -> bool:
        """A first name that starts a person's name here: listed, not an everyday word,
        and not itself the name of a country or a large place ("Georgia", "Paris")."""
        key = (word, lang)
        hit = self._given_memo.get(key)
        if hit is None:
            if len(self._given_memo) > GIVEN_MEMO_MAX:
                self._given_memo.clear()
            hit = self._given_memo[key] = word in cues.given_names or (
                word in self.gaz.given_names and commonness(word, lang) < GIVEN_NAME_MAX_ZIPF
                and not any(c.place.feature != "city" or c.place.population >= 100_000
                            for c in self.gaz.lookup(word, translit=False)))
        return hit

    def _is_country(self, word: str) -> bool:
        return any(c.place.feature == "country" for c in self.gaz.lookup(word, translit=False))

    def _lookup(self, surface: str, lang: str, cues: PlaceCues, single: bool):
        """Candidates for a surface, trying a genitive ending off; (candidates, looked-up form).
        Memoised per surface (news repeats its names; ``cues`` are the language's)."""
        key = (surface, lang, single)
        hit = self._lookup_memo.get(key)
        if hit is None:
            if len(self._lookup_memo) > GIVEN_MEMO_MAX:
                self._lookup_memo.clear()
            cands, form = self._lookup_forms(surface, lang, cues, single)
            hit = self._lookup_memo[key] = (tuple(cands), form)
        if not hit[0]:
            return [], hit[1]  # (most surfaces tried name no place)
        # new Candidate objects per call, as a fresh lookup makes: geo.resolve tells a
        # qualifier's candidate from the name's own by identity ("New York, New York")
        return [Candidate(c.id, c.place, c.match, c.capital) for c in hit[0]], hit[1]

    def _lookup_forms(self, surface: str, lang: str, cues: PlaceCues, single: bool):
        forms = [surface]
        forms += [surface[: -len(s)] for s in cues.genitive_suffixes if surface.endswith(s) and len(surface) > len(s) + 2]
        for form in forms:
            if self.gaz.has_key(fold(form)):
                cands = self.gaz.lookup(form, translit=False, lang=lang)
                if cands:
                    return cands, form
        if single and (part := country_part(self.gaz, surface, lang, cues.compass_prefixes)):
            return part, surface  # "Nordirak", "Ostukraine": a part of the country, placed at it
        if single and surface[:1].isupper() and commonness(surface, lang) <= TRANSLIT_MAX_ZIPF:
            for form in forms:
                cands = [c for c in self.gaz.lookup(form, translit=True, lang=lang)
                         if c.place.feature != "city" or c.place.population >= TRANSLIT_MIN_POP]
                if cands:
                    return cands, form
        return [], surface

    def people(self, tdoc: TextDoc) -> People:
        """The document's people (extract.text.people), with this gazetteer's view of
        given names, countries and multiword place names."""
        cues = place_cues(tdoc.lang)
        return find_people(tdoc.text, tdoc.pieces, people_lexicon(tdoc.lang),
                           is_given=lambda w: self._is_given_name(w, tdoc.lang, cues),
                           is_country=self._is_country,
                           is_place_name=lambda s: self.gaz.has_key(fold(s)),
                           is_common=lambda w: commonness(w, tdoc.lang)
                           >= NAME_VARIANT_MAX_ZIPF.get(tdoc.lang, NAME_VARIANT_MAX_ZIPF_NOUNS))

    def recognize(self, tdoc: TextDoc) -> list[SpanCandidates]:
        """Place-name spans of ``tdoc`` (its pieces; its people layer must be filled)."""
        text, lang, pieces = tdoc.text, tdoc.lang, tdoc.pieces
        cues = place_cues(lang)
        person_idx, person_names = tdoc.people.piece_idx, tdoc.people.names
        spans: list[SpanCandidates] = []
        i, n = 0, len(pieces)
        # run[k]: how many pieces from k on may belong to one name (capitalised, connectors)
        run = [0] * (n + 1)
        connectors = cues.connectors
        for k in range(n - 1, -1, -1):
            q = pieces[k]
            if q.cap or q.lower in connectors or q.text in "-'’":
                run[k] = run[k + 1] + 1
        orgs = organisation_spans(text)
        while i < n:
            p = pieces[i]
            org_end = next((b for a, b in orgs if a <= p.start < b), None)
            if org_end is not None:  # "McDonnell Douglas": an organisation's words, no place
                while i < n and pieces[i].start < org_end:
                    i += 1
                continue
            if not p.cap or i in person_idx or not p.text[0].isalpha():
                i += 1
                while i < n and not run[i]:  # (a piece that is no capital, connector or mark starts no name)
                    i += 1
                continue
            abbr = abbreviation_at(text, pieces, i, self.gaz, cues.locative_before)
            if abbr is not None:  # "Charleston, W.Va.": the state
                j, cands = abbr
                spans.append(SpanCandidates(text[p.start:pieces[j].end], p.start, pieces[j].end, cands,
                                            max(importance(c) for c in cands), first_piece=i, last_piece=j))
                i = j + 1
                continue
            found = None
            for size in range(min(MAX_PIECES, n - i, run[i]), 0, -1):
                j = i + size - 1
                last = pieces[j]
                if last.sent != p.sent or not last.cap:
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
            j, surface, form, cands = self._bracketed(text, pieces, i, *found, lang)
            cands = _spelt_as_written(surface, cands, lang)
            if j > i and pieces[i].lower in cues.facility_words:
                # "Raumfahrtzentrum Wostotschny": the name is the literal part, the noun its context
                i += 1
                surface = text[pieces[i].start:pieces[j].end]
            span = self._judge(text, pieces, i, j, surface, form, cands, lang, cues, person_idx, person_names)
            if span is not None:
                spans.append(span)
            i = j + 1
        spans = county_lists(text, pieces, spans, self.gaz, lambda surface, start, end, cands, score, a, b:
                             SpanCandidates(surface, start, end, cands, score, region_context=True,
                                            first_piece=a, last_piece=b))
        self._link_qualifiers(pieces, spans)
        return spans

    def _bracketed(self, text: str, pieces: list[Piece], i: int, j: int, surface: str, form: str,
                   cands: list[Candidate], lang: str):
        """A name whose entry carries its river or region in brackets: "Frankfurt (Oder)",
        "Halle (Saale)" -- the longer name when the gazetteer has it, else the name as found."""
        k = j + 3
        if k < len(pieces) and pieces[j + 1].text == "(" and pieces[k].text == ")" \
                and pieces[j + 2].cap and pieces[k].sent == pieces[i].sent:
            longer = text[pieces[i].start:pieces[k].end]
            if self.gaz.has_key(fold(longer)):
                found = self.gaz.lookup(longer, translit=False, lang=lang)
                if found:
                    return k, longer, longer, found
        return j, surface, form, cands

    def _judge(self, text, pieces, i, j, surface, form, cands, lang, cues, person_idx, person_names):
        """Score a matched span in its context; None when it is not a place here."""
        best = max(cands, key=importance)
        is_country = any(c.place.feature == "country" for c in cands)
        prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
        nxt = pieces[j + 1] if j + 1 < len(pieces) and pieces[j + 1].sent == pieces[j].sent else None
        # people
        if not is_country:
            if prev is not None and people_lexicon(lang).is_title(prev.lower):
                return None
            if fold(form) in person_names or fold(surface) in person_names:
                return None
            if (prev is not None and (i - 1) in person_idx and pieces[i].start - prev.end <= MAX_GAP) or \
                    (nxt is not None and (j + 1) in person_idx and nxt.start - pieces[j].end <= MAX_GAP
                     and not self._is_given_name(nxt.text, lang, cues)):
                return None  # (a name that starts with its given name right after the place is another
                #             word: "in Havanna Fidel Castro getroffen")
            if nxt is not None and nxt.cap and nxt.start - pieces[j].end <= MAX_GAP and pieces[i].text in cues.given_names:
                return None
        # an acronym ("ICO", "OAU") is a place only as a country or a large city ("ROME, March 2 -")
        if i == j and surface.isupper() and len(surface) <= ACRONYM_LETTERS and not is_country \
                and best.place.population < ACRONYM_MIN_POP:
            return None
        # organisations and named things; a county's full name is the county in theirs too
        # ("Kanawha County Commission", "Rapides Parish Fire District")
        county = all(c.place.feature == "admin" and is_county_name(c.place.name) for c in cands)
        if nxt is not None and nxt.lower in cues.org_after and nxt.cap and not county:
            return None
        if prev is not None and prev.lower in cues.org_before:
            return None
        if not is_country and office_field(pieces, i, form, best.place.population, lang, cues):
            return None  # "Ministry of Commerce", "Department of Justice": the office's field, not a town
        window = [q.lower for q in pieces[max(0, i - 4):i] if q.sent == pieces[i].sent]
        after = [q.lower for q in pieces[j + 1:j + 4] if q.sent == pieces[j].sent]
        if _head_before(pieces, i) in cues.nonplace_heads or \
                (after[:1] and after[0] in cues.nonplace_heads and not is_country and not county):  # "Taiwan mission"
            return None
        if _compound_modifier(text, pieces, j, lang) and all(c.place.feature in ("admin", "region") for c in cands):
            return None  # "Volta-Kongo-Sprachen": in a closed compound only a country counts ("US-Beamte")
        if (len(form.replace(" ", "")) < 3 or form.lower() in stop_words(lang)) and not is_country:
            return None  # "Dabei", "She": function words are never place names here
        facility_ctx = any(w in cues.facility_words for w in window[-2:] + after[:2])
        region_ctx = any(w in cues.region_words for w in window[-2:])
        # "Henry County": wordfreq scores a phrase by its words; a county's full name is no phrase
        score = importance(best) - (0.0 if county else commonness(form, lang))
        if prev is not None and prev.lower in cues.locative_before:
            score += LOCATIVE_BONUS
        elif _dateline_at(text, pieces, i, j):
            score += LOCATIVE_BONUS  # "St. Pölten – Noch vor ...", "BAD ISCHL, March 2 -": a dateline names a place
        if facility_ctx and any(c.place.feature == "facility" for c in cands):
            score += LOCATIVE_BONUS
        if prev is not None and prev.lower in cues.determiners and \
                not any(c.place.feature in ("country", "region", "admin") for c in cands):
            score -= DETERMINER_PENALTY  # "das Essen", "a reading": a noun, not a town
        if not cues.nouns_capitalised and pieces[i].sent_initial and not is_country:
            # where only names are capitalised, a capital at a sentence start says nothing
            score -= 0.5
        if cues.nouns_capitalised and i == j and not is_country and inflected_common_noun(surface, lang):
            score -= INFLECTED_PENALTY  # "von Zelten" (Zelt), "mit Dächern": a noun inflected, not a town
        if all(c.match == MATCH_TRANSLIT for c in cands):
            score -= 0.5
        elif all(c.match != MATCH_NAME for c in cands) and importance(best) < 5.0 and not is_country:
            score -= ALIAS_PENALTY  # another name of the place: less sure than its own name
        if score < ACCEPT:
            return None
        return SpanCandidates(surface, pieces[i].start, pieces[j].end, cands, score,
                              facility_context=facility_ctx, region_context=region_ctx,
                              first_piece=i, last_piece=j)

    def _online_span(self, text, pieces, i, lang, cues, person_idx, person_names) -> Optional[SpanCandidates]:
        """The online hook: "nach Xyzburg", "near Xyzburg" -- 1-3 capitalised words right after a
        locative preposition, the whole chain of capitalised words, with no gazetteer entry
        (the caller found none), no person (no title or given name, not a person's word of
        this document), no acronym, organisation word or common word -- looked up with
        ``self.online``; a result is a span whose one candidate is the online place."""
        prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
        if prev is None or prev.lower not in cues.online_after or pieces[i].start - prev.end > MAX_GAP:
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
        if any(q.lower in cues.org_after or people_lexicon(lang).is_title(q.lower) for q in words) \
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
