"""Events (shipments, meetings) from places, timexes and trigger lexicons.

    extract_events(tdoc, doc_date, gazetteer) -> list[Event]

It reads the layers of the document (extract.text.document.TextDoc): sentences, clause
tokens, people, places and timexes.

Per sentence: trigger words (``data/lexicon/events_<lang>.json``) open event
mentions; place mentions get roles from the prepositions before them
(:mod:`extract.events.roles`), timexes date the trigger of their clause
(:mod:`extract.events.dates`); anaphors ("das Land", "the country"), "hier"/"here"
and institutions ("das Weiße Haus") become places (:mod:`extract.events.places`).
Mentions of one happening are then merged (:mod:`extract.events.merge`).
No trained model is involved.
"""
from __future__ import annotations

import copy
import datetime as dt
from extract.events.dates import assign_dates, usable_timexes
from extract.events.lexicon import EventLexicon, event_lexicon
from extract.events.keep import worth_an_event
from extract.events.merge import compatible, inherit, merge, to_event
from extract.events.phrases import (coordinated_role, definite, in_relative_about_place, listed_role, owners, possessed,
                                    prospective_before, trigger_distance)
from extract.events.orgs import ORG_CONFIDENCE
from extract.events.carried import carry_dates
from extract.events.combine import arrival_dates, join_route, unite
from extract.events.lists import join_lists
from extract.events.places import (ADJECTIVE_CONFIDENCE, capital_check, dateline, extra_places, refine_sentences,
                                   region_place)
from extract.events.goods import amount_refs, cargo_nouns, find_cargo, find_modes, has_carrier, is_cargo, valued
from extract.events.context import dateline_day, implicit_traders, nationalities, office_holders
from extract.events.cues import guest_near, invited_to_act, money, owned, named_body, ongoing, said_during, visiting_guest
from extract.events.sides import named_partner, partner_after, sides_before
from extract.events.assign import (agreement_city, as_country, as_noun, clause_goes_on, plan_sender,
                                   relative_place, role_of, venue_named, visited_object)
from extract.events.senders import goods_maker, goods_origins, made_at, maker_role, market_named, market_sale, sender
from extract.events.roles import EventMention, actors_in
from extract.events.split import split_stops, stop_dates
from extract.events.negation import modality_cue
from extract.events.senses import bare_sitting
from extract.events.plans import conjuncts, gerund_of_plan, is_planned, ordered_against, talk_of_talks
from extract.events.retold import retell_dates
from extract.events.triggers import find_triggers
from extract.events.text import find_organisations
from extract.text.document import TextDoc, Token, words
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon
from records import languages
from records.model import Event, Mention


def extract_events(tdoc: TextDoc, doc_date: dt.date, gazetteer, date_known: bool = True) -> list[Event]:
    """Shipments and meetings of one document, one event per happening (``date_known``: the
    publication date is the document's own, not today's by default)."""
    text, sentences, timexes = tdoc.text, tdoc.sentences, tdoc.timexes
    lang = tdoc.lang
    lex = event_lexicon(lang if languages.supported(lang) else languages.default_code())
    places = sorted(tdoc.places, key=lambda m: m.start)
    dline = dateline(text, places)
    if dline and dline[0].place.feature == "country":  # "SINGAPORE, March 2 -", "KUWAIT -": a city that names its state
        city = gazetteer.capital(dline[0].place.country_code or "")
        if city is not None and city.name.startswith(dline[0].place.name):
            dline = (Mention(dline[0].text, dline[0].start, dline[0].end, city, dline[0].confidence), dline[1])
    dateline_end = dline[1] if dline else 0
    dateline_start = dline[0].start if dline else 0  # (a headline before it is no part of it)
    lead_day = dateline_day(timexes, dateline_start, dateline_end)
    lead_guessed = lead_day is None
    if lead_day is None and dline is not None and date_known:
        lead_day = (doc_date, doc_date, "day")  # "Wien – Ban Ki-moon hat ... gehalten": the lead is the day's news
    capital = capital_check(gazetteer)
    officials = office_holders(text, tdoc.people.mentions, people_lexicon(lang))
    mentions: list[EventMention] = []
    spans = list(refine_sentences(text, sentences))
    for si, (s, e) in enumerate(spans):
        if not lex.may_any(words(text, s, e)):
            continue  # no word of the sentence can be a trigger: no tokens needed
        tokens = join_lists(text, tdoc.tokens_in(s, e), lex,
                            tuple((m.start, m.end) for m in places if s <= m.start < e))
        sent_timexes = [t for t in timexes if s <= t.start < e]  # (read once: the triggers' and the dates')
        triggers = find_triggers(tokens, lex, frozenset(p.start for p in tdoc.people.between(s, e)),
                                 frozenset(t.start for t in sent_timexes)) if tokens else []
        if not triggers:
            continue
        sent_places = [m for m in places if s <= m.start < e]
        sent_places += extra_places(text, s, e, tokens, places, lex, dline, gazetteer)
        sent_places.sort(key=lambda m: m.start)
        sent_people = tdoc.people.between(s, e)
        orgs = find_organisations(text, s, e, lex)
        sent_mentions = _sentence_mentions(text, (s, e), si, tokens, triggers, sent_places,
                                           sent_people, orgs, lex, gazetteer, capital, officials)
        usable = usable_timexes(sent_timexes, tokens, lex, (dateline_start, dateline_end), doc_date)
        assign_dates(sent_mentions + [m.arrival for m in sent_mentions if m.arrival], usable, tokens, lex)
        stop_dates(sent_mentions, usable)
        arrival_dates(sent_mentions)
        if lead_day is not None and s <= dateline_end <= e:
            for m in sent_mentions:
                if m.date is None and m.status == "reported" and not (m.spec.route and not m.roles.get("destination")) \
                        and not _elsewhere(m, dline) and m.ongoing not in ("state", "deal"):
                    m.date = lead_day  # "LONDON, March 2 - Talks ... continued": the lead is that day's news
                    m.soft_date = lead_guessed  # no day in the dateline: a later dated account wins
        for m in sent_mentions:
            m.now = any(t.low in lex.now_words or t.low in lex.present_words for t in tokens if t.clause == m.trigger.clause)
            if e <= dateline_start and m.status == "reported" and any(
                    tokens[k].low in lex.infinitive_markers for k in range(m.trigger_idx)
                    if tokens[k].clause == m.trigger.clause):
                m.status = "planned"  # a headline's "to" is its future: "EGYPT TO HOST AFRICAN TALKS THIS MONTH"
            if m.date is None and m.status == "reported" and not m.spec.route and said_during(tokens, m, lex):
                m.date = (doc_date, doc_date, "day")  # "sagte ... bei einem Besuch in X": the report's day
            if m.date is not None and m.date[0] > doc_date and m.status == "reported":
                m.status = "planned"
            if dline and "location" in m.spec.roles and not m.roles.get("location") and e > dateline_start \
                    and dline[0].place.feature != "country" and not m.anaphoric and m.ongoing not in ("state", "deal") \
                    and (not m.trigger_def.visit or visiting_guest(tokens, m.trigger_idx, lex)) \
                    and not m.trigger_def.needs_place and not m.trigger_def.from_location \
                    and (m.trigger_def.kind != "noun" or m.date is not None or m.partner or m.has_person
                         or m.named_body or s <= dateline_end <= e) \
                    and not any(o.type == m.type and o.place("location") is not None
                                and o.place("location").name != dline[0].place.name for o in sent_mentions):
                # (a visit names where it goes; talks that go on are no one day's news in that city:
                # "Duisburg – ... sich in Gesprächen mit Peking einsetzen"; a bare talk noun outside the lead with no date, person
                # or partner is talk of talks: "man sei zu Gesprächen bereit"; "meet again ... for the
                # meetings in Washington": the sentence's other mention says where)
                m.roles["location"] = [dline[0]]  # a meeting in a datelined story: the dateline city
                m.by_dateline = True
        mentions += sent_mentions
    implicit_traders(mentions, dline, gazetteer, places, lambda: nationalities(text, lex))
    carry_dates(mentions, spans, timexes, tdoc.people.mentions, lex, text, doc_date, (dateline_start, dateline_end))
    events = []
    happenings = merge(mentions)
    inherit(happenings)
    retell_dates(happenings, timexes)
    for h in happenings:
        if worth_an_event(h, text, lex):
            events.append(to_event(text, h))
    return events


_PROSPECTIVE_REACH = 4  # words before a meeting noun: "ahead of an EU summit", "die nächste große Konferenz"


def _elsewhere(m: EventMention, dline) -> bool:
    """Whether a meeting of the lead is placed away from the dateline's city ("WARSAW, March 2 -
    Poland's talks in Washington ..."): the reporter's day is not that meeting's."""
    here = m.place("location")
    return here is not None and dline is not None and not compatible(here, dline[0].place)


def _sentence_mentions(text, span, si, tokens, triggers, sent_places, people, orgs, lex,
                       gazetteer, capital, officials=frozenset()) -> list[EventMention]:
    out: list[EventMention] = []
    for ti, trig in triggers:
        out.append(EventMention(type=trig.type, sentence=si, span=span, trigger=tokens[ti],
                                trigger_def=trig, trigger_idx=ti,
                                anaphoric=trig.kind == "noun" and ti > 0
                                and tokens[ti - 1].low in lex.anaphoric,
                                definite=definite(tokens, ti, trig, lex)))
    if not out:
        return []
    conj = conjuncts(tokens, [m.trigger_idx for m in out if m.trigger_def.kind not in ("noun", "agent")], lex)
    fired = frozenset(m.trigger_idx for m in out)
    place_idx = {}
    covered = set()
    for pm in sent_places:
        i = next((k for k, t in enumerate(tokens) if t.end > pm.start), None)
        if i is not None:
            place_idx[i] = pm
            covered.update(k for k in range(i, len(tokens)) if tokens[k].start < pm.end)
    role_places: set[int] = set()
    heads = {}
    for t in tokens:
        heads.setdefault(t.clause, t)
    for i, pm in sorted(place_idx.items()):
        if text[pm.end:pm.end + 1] == "-":
            # "US-Beamte": a modifier, not a place the event happens at; but "US-Streitkräfte"
            # as the subject of a shipment is its sender, and "Indien-Besuch" is a visit there
            made = goods_maker(tokens, i, pm, lex, compound=True)  # "US-Waffen", "U.S.-made cars": their maker
            for m in (o for o in (owners(out, i, lex, tokens, conj) if made else ()) if o.spec.route):
                m.roles.setdefault(maker_role(m, made), []).append(as_country(pm, gazetteer.country))
            for m in out:
                if m.trigger_idx == i and m.trigger_def.visit and m.trigger_def.kind == "noun":
                    m.roles.setdefault("location", []).append(pm)
            if tokens[i].low.endswith(tuple(lex.government_heads) + lex.institution_heads):
                for m in owners(out, i, lex, tokens, conj):
                    if m.spec.route and i < m.trigger_idx and not m.trigger_def.reverse:
                        m.roles.setdefault("origin", []).append(as_country(pm, gazetteer.country))
            continue
        if in_relative_about_place(tokens, i, covered, heads, lex, out):
            continue
        owning = owners(out, i, lex, tokens, conj)
        for m in sorted((o for o in out if o not in owning and not o.spec.route and o.trigger.clause == tokens[i].clause
                         and any(w.type == o.type for w in owning)),
                        key=lambda o: trigger_distance(tokens, o.trigger_idx, tokens[i])):
            owning.append(m)  # a meeting verb further off, for when the nearest has no use for the place
            #                   ("will leave next week for Washington to renegotiate")
        taken_types: set[str] = set()
        for m in owning:
            if m.type in taken_types:
                continue
            if pm.confidence == ORG_CONFIDENCE and not m.spec.route:
                continue  # "talks with Boeing" are not held in the United States
            if pm.confidence == ADJECTIVE_CONFIDENCE and m.spec.route:
                continue  # "nach dem Washingtoner Abkommen geschützt": an adjective is no end of a route
            if m.trigger_def.kind == "travel" and i < m.trigger_idx and clause_goes_on(tokens, m.trigger_idx) \
                    and any(o.trigger_idx < i and o.trigger.clause == tokens[i].clause for o in out if o is not m):
                continue  # "Nach einem Aufenthalt in Bari fliegt er nach Rom weiter": Bari is the stay's
            role = (m.spec.route and listed_role(text, tokens, i, m, place_idx, lex)) \
                or role_of(tokens, i, m, lex, frozenset(place_idx), pm, gazetteer.country, conj, capital, fired)
            if role is None and m.spec.route:
                role = coordinated_role(tokens, i, m, place_idx, lex)  # "to Germany or Japan"
            if role is None:
                continue
            if isinstance(role, tuple):  # a government named by its capital: the country
                role, pm = role
            taken_types.add(m.type)
            m.roles.setdefault(role, []).append(pm)
            if not m.spec.route or pm.confidence <= 0.6:
                role_places.add(pm.start)
    for m in out:
        agreement_city(m, tokens, place_idx, lex)
        relative_place(m, tokens, place_idx, lex)
        visited_object(m, tokens, place_idx, lex)
        venue_named(m, tokens, place_idx, text, lex)
    used = {pm.start for m in out for found in m.roles.values() for pm in found}
    for m in out:
        role = "destination" if m.trigger_def.reverse else "origin"
        if m.spec.route and m.trigger_def.trade and not m.roles.get(role) and m.trigger_idx \
                and tokens[m.trigger_idx - 1].low in lex.possessives:
            # "Brazil and China have pledged to limit their exports": the countries named before
            states_before = [as_country(pm, gazetteer.country) for i, pm in sorted(place_idx.items())
                      if i < m.trigger_idx and pm.place.feature == "country" and pm.start not in used]
            for k, owner in enumerate(states_before):  # one flow each ("Brazil and China ... their exports")
                flow = m if k == 0 else copy.copy(m)
                flow.roles = {**m.roles, role: [owner]}
                if k:
                    out.append(flow)
    for m in out:
        role = "destination" if m.trigger_def.reverse else "origin"  # "Dutch imports": the receiver
        if m.spec.route and not m.roles.get(role) and not m.trigger_def.seized:  # "Italian police seized"
            by_nationality = sender(tokens, m.trigger_idx, m.trigger_def.kind == "noun", lex, conj,
                                    gazetteer.country, lambda name: region_place(gazetteer, name))
            if by_nationality is not None:
                m.roles[role] = [by_nationality]
    for m in list(out):
        if m.spec.route and not m.roles.get("origin"):
            # "India bought 20,000 tonnes of Malaysian palm olein": the goods' nationality sends them;
            # goods of several origins are one flow each
            made = [pm for pm in goods_origins(tokens, lex, gazetteer.country, lambda name: region_place(gazetteer, name))
                    if not any(pm.place.name == d.place.name for d in m.roles.get("destination", []))]
            for k, pm in enumerate(made):
                flow = m if k == 0 else copy.copy(m)
                flow.roles = {**m.roles, "origin": [pm]}
                if k:
                    out.append(flow)
    names, has_person = actors_in(text, tokens, sent_places, people, orgs, lex,
                                         gazetteer.country, capital,
                                         exclude=role_places | {pm.start for pm in sent_places
                                                                if pm.confidence == ORG_CONFIDENCE})
    states = set(names) - {p.name for p in people} - {o for o, _ in orgs}  # countries as actors
    modes = find_modes(tokens, lex)
    lows = {t.low for t in tokens}
    parts = contrast_parts(tokens, lex)
    for m in out:
        m.part = sum(1 for b in parts if b <= m.trigger_idx)
    split_goods = len({m.part for m in out if m.spec.route}) > 1
    goods = [t for t in tokens if not any(pm.start <= t.start < pm.end for pm in sent_places)]
    goods_at = {t.start for t in goods}
    cargo = find_cargo(text, span, goods, lex)  # "evacuating its nationals from Ivory Coast": a place, no ivory
    # a person named by office or as a group ("Die Ministerin besuchte Athen", "the delegation")
    titles = people_lexicon(lex.lang)
    named_role = any(titles.is_title(t.low) or t.low in lex.delegations for t in tokens)
    kept = []
    for m in out:
        m.conj = conj
        m.actors = list(names)
        m.has_person = has_person
        m.partner = partner_after(tokens, m.trigger_idx, {p.start for p in people}, lex) or (
            not m.spec.route and sides_before(tokens, m.trigger_idx, lex))
        m.ongoing = ongoing(tokens, m.trigger_idx, lex)
        m.named_partner = m.trigger_def.kind == "noun" and named_partner(tokens, m.trigger_idx, lex)
        m.hearsay = m.trigger_def.kind == "noun" and talk_of_talks(tokens, m.trigger_idx, lex)
        m.valued = m.spec.route and valued(tokens, m.trigger_idx, lex)
        m.named_body = m.trigger_def.kind == "noun" and named_body(tokens, m.trigger_idx, lex)
        m.repeated = any(t.low in lex.repetitions for t in tokens[max(0, m.trigger_idx - 4):m.trigger_idx + 4]
                         if t.clause == m.trigger.clause)
        m.ordered = ordered_against(tokens, m.trigger_idx, lex)
        if m.trigger_def.orders or m.trigger_def.expected or is_planned(
                tokens, m.trigger.clause, lex, conj, conj[m.trigger_idx], m.trigger_idx,
                verb=m.trigger_def.kind not in ("noun", "agent")):
            m.status = "planned"
        ti = m.trigger_idx
        if as_noun(tokens, ti, m.trigger_def, lex) and prospective_before(tokens, ti, lex, _PROSPECTIVE_REACH):
            m.status = "planned"  # "der nächste Finanzministerrat", "the upcoming summit", "ahead of a meeting"
            m.prospective = True
        if gerund_of_plan(tokens, ti, lex):
            m.status = "planned"  # "He will visit ... before chairing a meeting in Cape Town"
        m.status = modality_cue(tokens, m.trigger_idx, lex, m.trigger_def.kind == "noun") or m.status
        plan_sender(m, tokens, place_idx, lex, gazetteer.country)
        if m.spec.modes:
            m.modes = modes
        if m.spec.cargo and split_goods:  # each side of a contrast has its goods
            own = _part_tokens(tokens, parts, m.part)
            own_goods = [t for t in own if t.start in goods_at]
            m.cargo = find_cargo(text, (own[0].start, own[-1].end), own_goods, lex)
            m.cargo_nouns = cargo_nouns(own_goods, lex)
        elif m.spec.cargo:
            m.cargo = cargo
            m.cargo_nouns = cargo_nouns(goods, lex)
        if m.spec.route:
            m.amount_refs = amount_refs(tokens, m, lex)
        if m.trigger_def.host and m.trigger_def.kind != "noun" and m.roles.get("location"):
            hosted = next((o for o in out if o.type == m.type and o.trigger_def.kind == "noun"
                           and o.trigger.clause == m.trigger.clause and o.trigger_idx > m.trigger_idx), None)
            if hosted is not None and not hosted.roles.get("location"):
                hosted.roles["location"] = m.roles["location"]  # "Egypt will host talks": the host is the venue
        m.bare_sitting = m.trigger_def.kind == "noun" and not m.roles.get("location") and bare_sitting(tokens, m.trigger_idx, lex)
        if m.trigger_def.needs_person and not (has_person or orgs or lows & lex.pronouns or named_role
                                               or possessed(m, tokens, lex)):
            continue
        if m.trigger_def.receiver_after and not any(pm.start > m.trigger.start for pm in m.roles.get("destination", ())):
            continue  # "India's domestic car sales rose": a market's figure, no flow to anyone
        market = market_sale(m, tokens, place_idx, lex) or market_named(
            m, tokens, lex, gazetteer.country, lambda name: region_place(gazetteer, name))
        if market is not None:
            if not made_at(m, tokens, place_idx, lex):
                continue  # "BMW sold nearly 95,000 cars in Asia last year": a market's figure, no flow
            m.roles["destination"] = [market]  # "made in Mexico and sold in the United States", "... in the European market"
        if m.trigger_def.needs_place and not any(m.roles.values()):
            continue  # "to renegotiate an agreement signed last year": no place, and not the trip's date
        if m.trigger_def.needs_place and not m.trigger_def.visit and lows & lex.firm_words and not (named_role or states):
            continue  # "the company said it signed an agreement in ...": a firm's contract (a firm may host a guest)
        if m.trigger_def.kind == "travel" and (m.trigger_def.visit or m.trigger_def.from_location) and not (
                named_role or orgs or any(officials.holds(p.name) for p in people)
                or (lows & lex.office_pronouns and officials.told_before(span[0]))):
            continue  # "So kam er nach Uganda", "reiste nach Syrien": no office holder travels, no one is
            #           visited; "He also flew to Basra" after "Prime Minister Tony Blair ..." is a visit
        if m.trigger_def.host and m.trigger_def.kind != "noun" and (not guest_near(tokens, m.trigger_idx, people, lex)
                                                                   or invited_to_act(tokens, m.trigger_idx, lex)):
            continue  # "received a proposal", "welcomed the survey": no guest, no meeting
        if m.trigger_def.kind == "arrival" and m.spec.cargo and not (cargo or has_carrier(tokens, lex)):
            continue
        if m.spec.route and money(tokens, m.trigger_idx, lex, lambda w: is_cargo(w, lex)):
            continue  # "Swiss capital exports", "die Kapitalexporte", "money supply": money, no goods
        if m.spec.route and owned(tokens, m.trigger_idx, lex, lambda w: is_cargo(w, lex)):
            continue  # "to buy the Lacroix couture house", "a stake in": a business changes hands
        kept.append(m)
    return split_stops(unite(join_route(kept)), tokens, lex, text)


def contrast_parts(tokens: list[Token], lex: EventLexicon) -> list[int]:
    """Where a sentence turns to a contrast: the token indexes of a link of contrast that opens
    a clause (after a comma or a dash) ("..., while the 70 new orders are due", "..., während die übrigen")."""
    return [i for i in range(1, len(tokens)) if tokens[i].low in lex.contrast_links
            and tokens[i].clause != tokens[i - 1].clause]


def _part_tokens(tokens: list[Token], parts: list[int], k: int) -> list[Token]:
    bounds = [0] + parts + [len(tokens)]
    return tokens[bounds[k]:bounds[k + 1]]
