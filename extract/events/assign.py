"""Which role a place plays for an event mention: origin, destination or location, from
role cues, word order (subject, object, modifier), the trigger's kind, topics of talk,
and senders named by nationality."""
from __future__ import annotations

from typing import Optional

from extract.events.goods import is_cargo
from extract.events.lexicon import EventLexicon
from extract.events.orgs import ORG_CONFIDENCE
from extract.events.places import ADJECTIVE_CONFIDENCE, unmarked_role
from extract.events.roles import EventMention, np_reach, place_role
from extract.events.owners import (descriptor_modifier, genitive_of_noun, infinitive_clause, infinitive_object, last_index,
                                   last_token, owner_of_noun, possessor_of_person, situation_place, source_place,
                                   title_after)
from extract.events.senders import goods_maker, maker_role, production_place
from extract.events.topics import is_topic
from extract.text.document import Token
from extract.text.lemmas import lemma
from records.model import Mention


def role_of(tokens: list[Token], i: int, m: EventMention, lex: EventLexicon,
          place_idx: frozenset[int], pm: Mention, country_of, conj: list[int],
          is_capital=lambda place: False, fired: Optional[frozenset[int]] = None):
    """The role of the place at token ``i`` in mention ``m``, or None (``is_capital``:
    events.places.capital_check)."""
    ti = m.trigger_idx
    trig = m.trigger_def
    origin_clause = trig.kind == "departure" or any(
        t.low in lex.origin_verbs for k, t in enumerate(tokens)
        if (t.clause == tokens[i].clause or i < k <= i + 5) and conj[k] == conj[i])
    role = place_role(tokens, i, m.type, lex, ti, origin_clause or trig.leaves,
                      arrival=trig.kind == "arrival" or trig.stationed, place_idx=place_idx)
    if not m.spec.route:
        if infinitive_subject(tokens, i, pm, lex):
            return None  # "hard for Britain to host the talks": who would act, not where
        if i > ti and is_topic(tokens, i, lex) and not any(
                tokens[k].low in lex.locatives for k in range(max(ti + 1, i - 3), i)):
            return None  # "met Berlusconi to talk about Turkey entering the EU": what, not where
        if possessor_of_person(tokens, i, lex) or descriptor_modifier(tokens, i, pm, lex) \
                or situation_place(tokens, i, lex) or source_place(tokens, i, ti, lex):
            return None  # ("talks on the war in Syria": the war's place; "from a holiday in Egypt": whence)
        if i > ti and any(tokens[k].low in lex.complementizers and k > 0 and tokens[k - 1].low not in lex.articles
                          and tokens[k - 1].low not in lex.pp_openers for k in range(ti + 1, i)):
            return None  # "told reporters after meeting Suharto that weakness ... was due to weather in the U.S.":
            #              a place of what was told (not "met at that summit in Paris")  # "made clear to Turkey's ambassador when he met ...": whose, not where
        if genitive_of_noun(tokens, i, ti, pm, lex) or owner_of_noun(tokens, i, ti, pm, lex) \
                or infinitive_object(tokens, i, ti, lex) or infinitive_clause(tokens, i, ti, lex):
            return None  # "findet auf Initiative Österreichs ein Mini-Gipfel statt", "to seek support for
            #              a refinancing of Nigeria's debt": whose, not where; "talks to bring Turkey
            #              within the EU": the infinitive's object
        if i < ti and any(tokens[k].low in lex.speech for k in range(i + 1, ti)):
            return None  # "sources in Bonn said he would leave for Zurich": where the speakers are
        if trig.venue_after and not (ti + 1 < i <= ti + 3 and tokens[ti + 1].low in lex.locatives):
            return None  # "We agreed that in Afghanistan ...": an opinion, not a meeting there
        if trig.needs_place and (not _venue_near(tokens, i, ti, lex, trig.kind == "noun") or _agreed_on(tokens, i, ti, lex)):
            return None  # "signed an agreement to distribute computers in the US": the infinitive's place
        if trig.from_location:
            # "on his return from Ethiopia", "die gerade aus dem Südsudan zurückgekehrt ist": the
            # place left is the one visited; the place returned to is home ("nach Minsk zurückgekehrt")
            return "location" if role == "origin" and (i > ti or lex.verb_final) else None
        if trig.kind == "noun" and not trig.visit and ti + 2 <= i <= ti + 3 and tokens[i - 1].low in lex.venue_prepositions \
                and all(tokens[k].low in lex.articles for k in range(ti + 1, i - 1)):
            return "location"  # "auf der Konferenz von St. Petersburg", "beim Gipfel von Minsk"
        if ti < i <= ti + 2 and pm.text.lower() in lex.anaphor_here:
            return "location"  # "ended a meeting here", "met here on Monday": the dateline's place
        if role != "location":
            came_from = role == "origin"  # "kamen aus dem Banat": where they came from
            role = None
            if trig.visit and not trig.leaves and not came_from and i > ti and tokens[i].clause == m.trigger.clause \
                    and not last_token(tokens, i, pm).low.endswith(("'s", "’s")) \
                    and _reach(tokens, ti, i, place_idx, lex) <= 8 \
                    and not (bool(lex.participle_endings) and tokens[ti].low.endswith(lex.participle_endings)
                             and title_after(tokens, i, i + 1, lex)):
                role = "location"  # "besuchte ... Russland", "visited Iraq"; not "visiting U.S. envoy Wallis"
            elif trig.host and i < ti and tokens[i].clause == m.trigger.clause \
                    and unmarked_role(tokens, i, lex, ti) == "subject":
                role = "location"  # "Egypt to host talks", "das Weiße Haus hatte eingeladen"
            elif as_noun(tokens, ti, trig, lex) and (
                    (last := last_index(tokens, i, pm)) == ti - 1
                    or (last == ti - 2 and not lex.nouns_capitalised and tokens[ti - 1].text.islower()
                        and tokens[ti - 1].text.isalpha())):
                role = "location"  # "a London conference", "the Paris currencies meeting", "the Downing Street talks"
        if role == "location" and (trig.kind == "noun" and _topic_of(tokens, ti, i, lex) or trig.kind != "noun" and any(
                _topic_of(tokens, j, i, lex) for j in range(ti, i) if tokens[j].clause == tokens[i].clause
                and any(t.type == "meeting" and as_noun(tokens, j, t, lex) for t in lex.triggers_for(tokens[j].low)))):
            return None  # "talks on the future of Gibraltar", "Gespräche über Syrien": the topic (also of a
            #              noun the verb's gathering is for: "kamen zu einer Krisensitzung zu Griechenland zusammen")
        if role == "location" and trig.kind == "noun" and i < ti and _in_conjunct_before(tokens, i, ti, lex):
            return None  # "in der Woche des Nato-Einsatzes ... in der Ägäis und eines EU-Gipfels": the other noun's place
        if role == "location" and trig.kind == "noun" and not np_reach(tokens, ti, i, lex) \
                and (i > ti or _verb_in_clause(tokens, ti, lex, fired)):
            # a noun trigger's place must be in its phrase, unless the clause has no verb trigger
            # and the place comes first ("wird in Brüssel bei der Sitzung zustimmen")
            role = None
        return role
    # shipments
    if i >= 2 and tokens[i - 1].low in lex.locatives and tokens[i - 2].low in lex.speech:
        return None  # "a phased withdrawal of UK troops, he said in London": where it was said
    if trig.seized:
        return role if role in ("origin", "destination", "via") else None  # the seizer is no end of the route
    if production_place(tokens, i, pm, ti, lex):
        return "origin"  # "The SUVs will be built in Japan ... and sold in Europe": where the goods are made
    j = i + 1
    while j < len(tokens) and tokens[j - 1].end < pm.end:
        j += 1  # the token after the place mention that starts at ``i`` (as last_token walks it)
    if pm.confidence == ORG_CONFIDENCE and j < len(tokens) and tokens[j].clause == tokens[i].clause and (
            is_cargo(tokens[j].low, lex) or (any(c.isdigit() for c in tokens[j].text) and tokens[j].text[:1].isalnum()
                                             and not tokens[j].text[:1].islower())):
        return ("origin", pm)  # "an order for 10 Airbus A380 jets", "30 Boeing planes": the maker of the goods
    if not (i == m.trigger_idx + 1 and trig.kind != "noun" and not trig.reverse) \
            and (made := goods_maker(tokens, i, pm, lex, compound=False)):
        return (maker_role(m, made), as_country(pm, country_of))  # "U.S. goods accounted for 19 pct of its imports",
        #     "Egypt bought U.S. wheat" (not the receiver right after a verb of selling: "sold Iran arms")
    subject = infinitive_subject(tokens, i, pm, lex)
    if subject and i > ti:
        return None  # "shipped wheat, easy for Egypt to store": who would act, no end of the route
    if subject or not lex.verb_final and j + 1 == m.trigger_idx and tokens[j].low in lex.infinitive_markers \
            and tokens[j].clause == tokens[i].clause:
        # "a deal for Airbus to sell 23 planes to Air China", "easy for Indonesia to stick to an export
        # quota": the subject of the infinitive sends (an import's receives); German puts the verb
        # last, so the word before "zu" is its object or phrase ("Gas aus Peru zu importieren")
        return ("destination" if trig.reverse else "origin", as_country(pm, country_of))
    k = i - 1
    while k > 0 and tokens[k].low in lex.articles:
        k -= 1
    if role is None and k >= 0 and tokens[k].low in lex.agent_prepositions and tokens[k].clause == tokens[i].clause:
        return ("destination" if trig.reverse else "origin", as_country(pm, country_of))  # "supplied by Iran"
    if trig.reverse and k >= 0 and tokens[k].low in lex.seller_prepositions and tokens[k].clause == tokens[i].clause:
        return ("origin", pm if pm.confidence == ORG_CONFIDENCE else as_country(pm, country_of))  # "bei Airbus bestellt"
    if role is None and origin_clause:
        return "origin"
    if role is None and tokens[i].clause == m.trigger.clause:
        u = unmarked_role(tokens, i, lex, ti)
        if u is None:
            return None
        if u == "subject" and i < ti and any(tokens[k].low in lex.speech_openers and tokens[k + 1].cap
                                             for k in range(i + 1, ti - 1)):
            # "Boeing said Korean Air ordered four jets": the speaker is not the subject the reported
            # clause names (but "Bolivia said it expects to export"); a company that tells of an
            # order it received is its seller
            return ("origin", pm) if trig.orders and pm.confidence == ORG_CONFIDENCE else None
        if trig.kind == "agent":
            return ("origin", as_country(pm, country_of))  # "the main suppliers were Australia"
        if i < ti and not (lex.nouns_capitalised and not m.trigger.cap and not trig.reverse) \
                and _modifier_of(tokens, i, ti, lex):
            # "U.S. corn exports", "Indonesia's wheat imports", "Taiwan's textile exports"; a German
            # verb is no noun to modify: "hat den Hafen von Klaipėda erreicht" reaches its object
            possessive = i + 1 < len(tokens) and tokens[i + 1].low in ("'s", "’s", "s")
            if trig.reverse and (possessive or u == "subject"):
                return ("destination", as_country(pm, country_of))
            return ("origin", as_country(pm, country_of))
        noun_use = lex.nouns_capitalised and m.trigger.cap and ti > 0
        if noun_use and (i == ti + 1 or (i == ti + 2 and tokens[ti + 1].low in lex.genitive_articles)):
            # "die Lieferungen Nordkoreas", "die Exporte der Schweiz"; "die Importe Chinas": the receiver
            return ("destination" if trig.reverse else "origin", as_country(pm, country_of))
        if trig.kind == "departure" and not noun_use:
            if u == "object" and (i > ti or lex.verb_final):
                return "origin"  # "left Vienna", "hat Polen verlassen"
            return None
        if trig.kind in ("verb", "arrival") and not noun_use:
            if u == "subject" and (i < ti or (lex.verb_second and i == ti + 1)):
                return ("destination" if trig.reverse else "origin", as_country(pm, country_of))
            if u == "object" and not trig.reverse and (i > ti or lex.verb_final) and pm.text[:1].isupper():
                return "destination"  # "wird Ägypten einen Satelliten verkaufen", "sent Ukraine tanks"
                #                       (not a country told back to: "exports leapt as the country grew")
    if role == "origin" and trig.reverse and pm.place.feature == "city" and is_capital(pm.place):
        return ("origin", as_country(pm, country_of))  # "von Pjöngjang gekauft": bought from the state
    return role


def as_noun(tokens: list[Token], ti: int, trig, lex: EventLexicon) -> bool:
    """Whether the trigger at ``ti`` is used as a noun: a noun trigger, or an English word of
    both kinds after a determiner of its phrase ("the recent Paris currencies meeting")."""
    return trig.kind == "noun" or not lex.nouns_capitalised and any(
        tokens[k].low in lex.determiners for k in range(max(0, ti - 4), ti) if tokens[k].clause == tokens[ti].clause)


def _topic_of(tokens: list[Token], ti: int, i: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is what the meeting noun at ``ti`` is about: a topic
    preposition soon after the noun ("talks held on", "a meeting on Tuesday about",
    "Krisensitzung zu Griechenland") and the place a few words into its phrase ("talks on
    the future of Gibraltar"). A visit's "zu"/"to" is where it goes."""
    if any(t.visit for t in lex.triggers_for(tokens[ti].low)):
        return False
    for k in range(ti + 1, min(ti + 5, i)):
        if tokens[k].clause != tokens[ti].clause:
            return False
        if tokens[k].low in lex.topic_prepositions or tokens[k].low in lex.meeting_topic_prepositions:
            # "über Drogen in New York": a place after its own locative is where, not what
            return i - k <= 5 and all(t.clause == tokens[ti].clause and t.low not in lex.locatives
                                      for t in tokens[k + 1:i])
    return False


def _in_conjunct_before(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether a coordinator and an article (``phrase_openers``) stand between the place at ``i`` and the noun
    trigger at ``ti`` after it: the noun opens a phrase coordinated with the one that holds the
    place ("des Nato-Einsatzes gegen Schlepper in der Ägäis und eines EU-Gipfels", "the NATO
    mission in the Aegean and an EU summit"), not one the place stands in. The place must
    follow a noun's preposition; a place that opens the clause stands for all ("In Paris, the
    ministers and their aides held a meeting")."""
    p = i - 1
    while p > 0 and tokens[p].low in lex.articles:
        p -= 1
    if p < 1 or tokens[p].low not in lex.locatives or tokens[p - 1].clause != tokens[i].clause:
        return False
    noun = tokens[p - 1]  # the place modifies the noun before its preposition ("Schlepper in der Ägäis")
    if not noun.text.isalpha() or (lex.nouns_capitalised and not noun.cap):
        return False
    return any(tokens[k].low in lex.coordinators and tokens[k + 1].low in lex.phrase_openers
               for k in range(i + 1, ti) if tokens[k].clause == tokens[ti].clause)


def _verb_in_clause(tokens: list[Token], ti: int, lex: EventLexicon, fired: Optional[frozenset[int]] = None) -> bool:
    """Whether the clause of the trigger at ``ti`` holds an event verb besides it (of those
    ``fired``, when given: "Shultz, travelling to China for a week-long visit" has none, as
    no one of office is the verb's subject)."""
    return any(k != ti and tokens[k].clause == tokens[ti].clause and (fired is None or k in fired)
               and any(t.kind not in ("noun", "agent") for t in lex.triggers_for(tokens[k].low))
               for k in range(len(tokens)))


def _modifier_of(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether only cargo words, a possessive or punctuation stand between a place and the
    trigger it modifies ("U.S. corn exports")."""
    between = tokens[i + 1:ti]
    return len(between) <= 3 and all(
        t.low in ("'s", "’s", "s", ".") or is_cargo(t.low, lex) for t in between)


def as_country(pm: Mention, country_of) -> Mention:
    """A sender or recipient named by a place stands for its country ("Pjöngjang habe ...
    geliefert" -> North Korea): the mention with the country's entry."""
    if pm.place.feature == "country" or not pm.place.country_code or pm.confidence == ORG_CONFIDENCE:
        return pm  # (a bloc stands at its seat, not for the seat's country: the EU's Brussels is no Belgium)
    c = country_of(pm.place.country_code)
    return Mention(pm.text, pm.start, pm.end, c, pm.confidence) if c else pm


def clause_goes_on(tokens: list[Token], ti: int) -> bool:
    """Whether words of the trigger's clause follow it other than a verb particle (a main
    clause: "fliegt er nach Rom weiter"; not a clause-final verb: "..., als er nach Rom reiste")."""
    rest = [t for t in tokens[ti + 1:] if t.clause == tokens[ti].clause and t.text[:1].isalnum()]
    return len(rest) > 1


_VENUE_REACH = 6  # tokens between a verb that needs a place and that place ("einigten sich am Montag in Genf")


def _venue_near(tokens: list[Token], i: int, ti: int, lex: EventLexicon, noun: bool = False) -> bool:
    """Whether the place at ``i`` is where the trigger at ``ti`` happened: in its clause, a few
    words away, with no infinitive between them ("signed the deal in Buenos Aires", "die in
    Wien erzielte Vereinbarung"; not "signed an agreement to supply cars in Japan"). Where
    verbs come last, the clause-final verb is near all of its clause: before a verb trigger
    ("in der Hofburg ... begrüßt"), and on either side of a noun trigger whose verb ends the
    clause ("ein Bild von der Lage der Flüchtlinge auf der Insel Lesbos gemacht")."""
    lo, hi = min(i, ti), max(i, ti)
    return (hi - lo <= _VENUE_REACH or lex.verb_final and (i < ti or noun)) and tokens[i].clause == tokens[ti].clause and not any(
        tokens[k].low in lex.infinitive_markers and tokens[k + 1].text.islower() for k in range(lo + 1, hi))
    # (a marker before a name or a German noun is a preposition: "war in Wien zu Gast bei ...")


def _reach(tokens: list[Token], ti: int, i: int, place_idx: frozenset[int], lex: EventLexicon) -> int:
    """Words from the trigger to the place at ``i``, not counting the places, commas and
    coordinators of a list between them ("visit Britain, France, West Germany, Switzerland
    and Italy": Italy is as near as Britain)."""
    return sum(1 for k in range(ti + 1, i) if not (
        k in place_idx or tokens[k].low in lex.coordinators
        or (not lex.nouns_capitalised and tokens[k].text[:1].isupper())))  # "West Germany": a name's words


def _agreed_on(tokens: list[Token], i: int, ti: int, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is in what was agreed on ("haben sich auf Fangquoten im
    Atlantik und in der Nordsee geeinigt"): a topic preposition, not with a dative article
    ("auf dem Gipfel"), between the trigger or the clause's start and the place. One right
    before the place is where ("sich auf Lesbos ein Bild gemacht": islands are "auf")."""
    k = i - 2
    while k >= 0 and k != ti and tokens[k].clause == tokens[i].clause:
        if tokens[k].low in lex.agreement_prepositions and not (
                k + 1 < len(tokens) and tokens[k + 1].low in lex.dative_articles):
            return True
        k -= 1
    return False


def plan_sender(m: EventMention, tokens: list[Token], place_idx: dict, lex: EventLexicon, country_of) -> None:
    """The state that plans, approves or promises a flow named by a noun is its sender (the
    receiver for a purchase): the country subject of the clause, before the noun ("Österreich
    hat die Entsendung von 100 Experten nach Griechenland zugesagt", "Deutschland genehmigte
    die Ausfuhr von Panzern nach Katar", "Die USA kündigten Waffenlieferungen an")."""
    ti = m.trigger_idx
    end = "destination" if m.trigger_def.reverse else "origin"
    if not m.spec.route or m.status != "planned" or m.roles.get(end) or not (
            as_noun(tokens, ti, m.trigger_def, lex) or (lex.nouns_capitalised and m.trigger.cap and ti > 0)):
        return
    taken = {pm.start for found in m.roles.values() for pm in found}
    for i, pm in sorted(place_idx.items()):
        if i >= ti or pm.start in taken or tokens[i].clause != tokens[ti].clause:
            continue
        if pm.confidence == ADJECTIVE_CONFIDENCE or not (pm.place.feature == "country" or pm.place.country_code):
            continue  # (a city's adjective is no subject: "Washingtoner Abkommen"; a firm's home is: "Japan
            #           Airlines has made a firm order", "Rheinmetall hat die Lieferung zugesagt")
        if tokens[i].end <= pm.end and unmarked_role(tokens, i, lex) == "subject":  # (not "Russland-Politik")
            m.roles[end] = [as_country(pm, country_of)]
            return


def agreement_city(m: EventMention, tokens: list[Token], place_idx: dict, lex: EventLexicon) -> None:
    """An agreement named for its city is where it was made ("das im Februar ausgehandelte Minsker
    Abkommen", "the Minsk agreement was signed"): that city is the meeting's place, over a place the clause is
    about ("In der Ukraine ist das ... Minsker Abkommen nicht umgesetzt")."""
    nouns = lex.agreement_nouns
    if m.spec.route or nouns is None or m.trigger_def.kind == "noun":
        return
    for i, pm in place_idx.items():
        named = pm.confidence == ADJECTIVE_CONFIDENCE or (pm.place.feature == "city" and tokens[i].end == pm.end)
        if named and i + 1 < len(tokens) and tokens[i + 1].clause == m.trigger.clause \
                and nouns.fullmatch(tokens[i + 1].low):  # (a country before it is the topic: "the Iran deal")
            m.roles["location"] = [pm]
            return


def relative_place(m: EventMention, tokens: list[Token], place_idx: dict, lex: EventLexicon) -> None:
    """A meeting in a clause that "wo"/"where" opens is at the place the clause follows
    ("reiste nach Teheran, wo er Präsident Rohani traf", "flew to Kabul, where he met ...")."""
    if m.spec.route or m.roles.get("location"):
        return
    own = [k for k in range(len(tokens)) if tokens[k].clause == m.trigger.clause]
    if not own or own[0] == 0 or tokens[own[0]].low not in lex.locative_relatives:
        return
    before = place_idx.get(own[0] - 1)
    if before is None:
        k = own[0] - 1  # the place's first token: the mention that ends right before the relative
        before = next((pm for i, pm in place_idx.items() if i <= k and pm.end >= tokens[k].end), None)
    if before is not None and before.confidence > ADJECTIVE_CONFIDENCE:
        m.roles["location"] = [before]


def venue_named(m: EventMention, tokens: list[Token], place_idx: dict, text: str, lex: EventLexicon) -> None:
    """A place with a venue noun after it in apposition is the meeting's place, over the dateline
    and the place of a speaker ("said by telephone from Milwaukee, site of the talks", "in Genf,
    dem Schauplatz der Gespräche"): a comma, a venue noun, a genitive and the meeting's noun."""
    if m.spec.route or not lex.venue_nouns:
        return
    for i, pm in place_idx.items():
        j = next((k for k in range(i, len(tokens)) if tokens[k].start >= pm.end), len(tokens))
        if j < len(tokens) and tokens[j].low in lex.articles and tokens[j].clause != tokens[i].clause:
            j += 1  # ("dem Schauplatz der Gespräche")
        if pm.confidence <= ADJECTIVE_CONFIDENCE or j + 2 >= len(tokens) or tokens[j].low not in lex.venue_nouns \
                or "," not in text[pm.end:tokens[j].start] or tokens[j + 1].low not in lex.genitive_articles:
            continue
        k = j + 2 + (tokens[j + 2].low in lex.articles)
        if k < len(tokens) and any(t.type == m.type and t.kind == "noun" for t in lex.triggers_for(tokens[k].low)):
            m.roles["location"] = [pm]
            m.by_dateline, m.venue = False, True
            return


def visited_object(m: EventMention, tokens: list[Token], place_idx: dict, lex: EventLexicon) -> None:
    """A visit noun with a support verb takes the verb's bare object as the place visited
    ("stattete Albanien am Dienstag einen Staatsbesuch ab", "paid Albania a state visit")."""
    if not m.trigger_def.visit or m.trigger_def.kind != "noun" or m.roles.get("location") or not lex.visit_support_verbs:
        return
    clause = [k for k in range(len(tokens)) if tokens[k].clause == m.trigger.clause]
    if not any(lemma(tokens[k].low, lex.lang) in lex.visit_support_verbs for k in clause):
        return
    for i in clause:
        pm = place_idx.get(i)
        if pm is not None and i < m.trigger_idx and pm.confidence > ADJECTIVE_CONFIDENCE \
                and unmarked_role(tokens, i, lex) == "object":
            m.roles["location"] = [pm]
            return


def infinitive_subject(tokens: list[Token], i: int, pm: Mention, lex: EventLexicon) -> bool:
    """Whether the place at ``i`` is the subject of an infinitive after "for" and a word of
    judgement (``infinitive_subject_heads``: "it would be easy for Indonesia to stick to its
    quota", "hard for Britain to send more troops", "time for Japan to import"): the
    one who would act -- for a shipment after it, the sender (the receiver of an import) -- not
    where goods go or a meeting is. English only (``infinitive_subjects``)."""
    if not lex.infinitive_subjects or i < 2 or tokens[i - 1].low not in lex.infinitive_subjects \
            or tokens[i - 2].low not in lex.infinitive_subject_heads:
        return False  # ("will leave next week for Washington to renegotiate": a journey's goal)
    j = i
    while j < len(tokens) and tokens[j].start < pm.end:
        j += 1  # the token after the place name
    return j + 1 < len(tokens) and tokens[j].low in lex.infinitive_markers and tokens[j + 1].text.isalpha() \
        and tokens[j + 1].text.islower() and lemma(tokens[j + 1].low, lex.lang) == tokens[j + 1].low \
        and tokens[j + 1].low not in lex.articles and tokens[j + 1].low not in lex.determiners  # ("for Egypt to the port")
