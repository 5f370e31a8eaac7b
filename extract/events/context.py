"""What a document's head and its earlier sentences lend an event mention: the dateline's
day, the country whose trade a report is about, the people it names by office."""
from __future__ import annotations

import re
from collections import Counter

from extract.events.dates import interval
from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention
from extract.text.document import words
from records.model import Mention


def implicit_traders(mentions: list[EventMention], dline, gazetteer, places: list[Mention],
                     demonyms=Counter) -> None:
    """Exports with no sender (imports with no receiver) are the trade of the country the
    report is about: the last country that traded before (sending or receiving: "die
    indonesischen Ölimporte die Exporte übertrafen"), else the dateline's when the story
    names that country again ("JAKARTA - ... Indonesia ... Exports are forecast to rise"),
    else the country it names most, by name or nationality (``demonyms()``: ISO code -> count,
    counted only when a trade needs its trader)."""
    if not any(m.spec.route and (m.trigger_def.trade or m.trigger_def.kind == "agent") for m in mentions):
        return
    home = None
    if dline and dline[0].place.country_code:
        iso = dline[0].place.country_code
        if any(pm.place.country_code == iso and pm.start != dline[0].start and pm.place.feature == "country"
               for pm in places):
            home = gazetteer.country(iso)
    if home is None:  # no dateline: the country the report names most, when one clearly leads
        counts = Counter(pm.place.country_code for pm in places
                         if pm.place.feature == "country" and pm.place.country_code and pm.confidence > 0.6)
        counts.update({iso: n for iso, n in demonyms().items() if iso in counts})
        # ("Israeli economy picking up pace ... Israel's economy": the report's country, named once)
        ranked = counts.most_common(2)
        if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] > ranked[1][1]):
            home = gazetteer.country(ranked[0][0])
            first = next(pm for pm in places if pm.place.country_code == ranked[0][0])
            dline = (first, 0)
    last = receiver = None
    for m in mentions:
        role = "destination" if m.trigger_def.reverse else "origin"
        own = m.place(role)
        if m.spec.route and m.trigger_def.trade and own is None:
            trader = last or (Mention(dline[0].text, dline[0].start, dline[0].end, home, 0.5) if home else None)
            other = m.place("origin" if role == "destination" else "destination")
            ends = {pm.place.country_code for o in mentions if (o.sentence, o.trigger_idx) == (m.sentence, m.trigger_idx)
                    for pm in o.roles.get("origin" if role == "destination" else "destination", [])}
            if trader is not None and not (other is not None and other.country_code == trader.place.country_code) \
                    and trader.place.country_code not in ends:
                m.roles[role] = [trader]  # (not the other end's country: "imports of U.S. goods" in a Washington
                #                           story; nor one of a list's: "exports to Germany and France")
        elif own is not None and own.feature == "country" and m.spec.route and m.trigger_def.trade:
            last = m.roles[role][0]
            if role == "destination":
                receiver = last
        if m.spec.route and m.trigger_def.kind == "agent" and not m.roles.get("destination") and receiver is not None:
            m.roles["destination"] = [receiver]  # "The main suppliers in 1986 were Australia ...": to the importer


def dateline_day(timexes, dateline_start: int, dateline_end: int):
    """The day a dateline gives ("LONDON, March 2 -"), as an interval, or None (a day in the
    headline before it is the headline's)."""
    for t in timexes:
        if t.start >= dateline_end:
            break
        if t.start < dateline_start:
            continue
        iv = interval(t.value)
        if iv is not None and iv[2] == "day" and iv[0] == iv[1]:
            return iv
    return None



class OfficeHolders(frozenset):
    """Names of the people a document names with an office, and who was named last where."""

    people: tuple = ()

    def holds(self, name: str) -> bool:
        """Whether ``name`` or the person it shortens holds an office ("Shultz" after
        "Secretary of State George Shultz")."""
        return name in self or any(o.rsplit(" ", 1)[-1] == name for o in self if " " in o)

    def told_before(self, offset: int) -> bool:
        """Whether the last person named before ``offset`` holds an office ("Prime Minister
        Tony Blair ... He also flew to Basra": "he" is the prime minister)."""
        last = None
        for p in self.people:
            if p.start >= offset:
                break
            last = p
        return last is not None and last.name in self


def office_holders(text: str, people, titles) -> OfficeHolders:
    """Names of the people the document names with an office ("Innenminister Angelino
    Alfano", "Pope Francis", "der Präsident der Kommission, Jean-Claude Juncker"): a title
    word among the three words before one of their mentions."""
    out = set()
    for p in people:
        if p.name in out:
            continue
        before = text[max(0, p.start - 60):p.start]
        if any(titles.is_title(w.lower()) for w in re.findall(r"[\w.-]+", before)[-3:]):
            out.add(p.name)
    holders = OfficeHolders(out)
    holders.people = tuple(people)
    return holders


def nationalities(text: str, lex: EventLexicon) -> Counter:
    """How often a text names each country by its nationality ("Israeli economy", "israelische
    Wirtschaft"; English adjectives are capitalised)."""
    out: Counter = Counter()
    ws = words(text, 0, len(text))
    for k, w in enumerate(ws):
        if w[:1].isalpha() and (lex.nouns_capitalised or w[:1].isupper()):
            low = w.lower()
            if lex.region_demonym(low) or k and lex.region_demonym(f"{ws[k - 1].lower()} {low}"):
                continue  # "Latin American", "lateinamerikanisch": a region's, not America's
            iso = lex.demonym(low)
            if iso:
                out[iso] += 1
    return out
