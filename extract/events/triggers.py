"""Trigger words and the checks that make a trigger an event: word families by lemma,
separable verbs, goods for shipments, the mover of a verb of motion, and verbs used in
another sense (topics of talk and abstract objects: extract.events.topics; negation and
the senses that are no event: extract.events.negation)."""
from __future__ import annotations

from typing import Optional

from extract.events.cues import in_attribute
from extract.events.goods import has_cargo, has_carrier, is_cargo
from extract.events.hypotheticals import (counterfactual, negated_verb_final, negative_subject, refused_infinitive,
                                         unreal_obligation)
from extract.events.lexicon import EventLexicon, Trigger
from extract.events.movers import is_motion, moves_goods
from extract.events.negation import (court_hearing, domestic_body, founded, happening_denied, interview, negated,
                                     generic, possible, possible_noun, undecided, under_discussion)
from extract.events.senses import (attributive_participle, broadcast_purpose, conditional_clause, delegation_after,
                                   government_sitting, numbered_session, session_period, share_told, step_to,
                                   state_reached, thing_hosted, to_court, transitive_travel, verb_first_condition)
from extract.events.sides import counterpart_named, mover_kind, partner_with, purpose_head, sides_before, titles_joined
from extract.events.text import in_name, past_modifiers
from extract.events.topics import abstract_object, is_topic
from extract.text.document import Token
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon
from records.event_types import event_type


def find_triggers(tokens: list[Token], lex: EventLexicon, person_starts: frozenset[int] = frozenset(),
                  date_starts: frozenset[int] = frozenset()) -> list[tuple[int, Trigger]]:
    """(token index, trigger) for every trigger word in a sentence, first pattern wins.

    A verb whose particle ends its clause is read with it ("kam ... an" -> "ankommen"); a
    trigger that needs goods finds them as cargo or as a carrier ("Frachter", "convoy"); a
    noun that is what others talk about ("um über Lieferungen zu sprechen") is no event."""
    if verb_first_condition(tokens, lex):
        return []  # "Werden Kartoffeln aus Ägypten eingeführt, kommt das einem Wasserimport gleich"
    out = []
    lows_by_clause: Optional[dict[int, list[str]]] = None  # made for the first trigger that needs a cue
    particles = _clause_particles(tokens, lex) if lex.separable else {}
    goods = None
    memo = lex.trigger_memo.get  # (triggers_for's memo, read here first: one look-up per token)
    for i, t in enumerate(tokens):
        trigs = memo(t.low)
        if trigs is None:
            trigs = lex.triggers_for(t.low)
        particle = particles.get(t.clause)
        if particle is not None:
            split = lex.separable_triggers(t.low, particle)
            if split:
                # "trafen ... ein" is eintreffen, not treffen: the particle's verb only
                trigs = tuple(x for x in lex.triggers if x in set(split))
            elif trigs and lemma(t.low, lex.lang) in lex.separable_bases:
                # "kommt ... zusammen" is zusammenkommen, not kommen: the particle makes another verb
                trigs = tuple(x for x in trigs if x.regex is not None and x.regex.fullmatch(t.low))
        if not trigs or t.low in lex.trigger_stop or not t.text[:1].isalpha():
            continue
        nxt = f"{t.low} {tokens[i + 1].low}" if i + 1 < len(tokens) else t.low
        prev = f"{tokens[i - 1].low} {t.low}" if i else t.low
        if nxt in lex.phrase_stop or prev in lex.phrase_stop:
            continue
        noun_use = not lex.nouns_capitalised and any(x.kind == "noun" for x in trigs) and any(
            tokens[k].low in lex.determiners and tokens[k].clause == t.clause for k in range(max(0, i - 2), i)) \
            and not (i and tokens[i - 1].low not in lex.determiners
                     and any(tokens[k].low in lex.verb_markers for k in range(max(0, i - 4), i - 1)))
        # ("a brief visit", "his trip"; but "will this week visit Britain": "this" is the week's)
        for trig in trigs:
            if (trig.capitalized and not t.cap) or (trig.lowercase and t.text != t.low):
                continue
            if noun_use and trig.kind != "noun":
                continue  # "during a brief visit", "his trip": the noun, dated by its own phrase
            if trig.type == "meeting" and trig.kind == "verb" and not lex.nouns_capitalised and t.low.endswith("s") \
                    and not t.low.endswith("ings") and _noun_plural(tokens, i, lex):
                continue  # "the 19 February meets", "more than 250 meets": a plural noun of another sense
            if trig.kind == "noun" and not lex.nouns_capitalised and i and tokens[i - 1].low in lex.person_subjects:
                continue  # "he talks of ...": a verb after a pronoun
            if trig.type == "meeting" and trig.kind == "noun" and lex.virtual_words and (
                    t.low.startswith(lex.virtual_words) or (i and tokens[i - 1].low.rstrip("-") in lex.virtual_words)):
                continue  # "ein Internetforum", "an online conference": on the net, no gathering in a place
            if trig.host and trig.kind == "verb" and thing_hosted(tokens, i, lex):
                continue  # "received money from the regime", "welcomed the decision": no guest
            if trig.type == "meeting" and trig.kind == "verb" and broadcast_purpose(tokens, i, lex):
                continue  # "kommen ... zu ihrer letzten Fernsehdebatte zusammen": a broadcast, no meeting
            if trig.type == "meeting" and trig.kind == "noun" and t.low.rsplit("-", 1)[-1] in lex.session_nouns \
                    and any(tk.low in lex.market_words for tk in tokens):
                continue  # "panic selling during Friday's session": a market's trading session
            if trig.type == "meeting" and trig.kind == "noun" and session_period(tokens, i, lex):
                continue  # "die Bilanz der Tagung 2014/15": a body's working season
            if trig.kind == "departure" and any(tk.low in lex.state_complements for tk in tokens[i + 1:i + 6]
                                                if tk.clause == t.clause):
                continue  # "will leave its rates unchanged": something left as it is, no departure
            if trig.type == "shipment" and trig.kind == "verb" and attributive_participle(tokens, i, lex):
                continue  # "to operate imported equipment", "the cost of imported oil": an adjective
            if trig.kind == "arrival" and (_quantity_after(tokens, i, lex) or state_reached(tokens, i, lex)):
                continue  # "output reached 7.7 mln bales": a figure; "failed to reach agreement": a state
            if trig.type == "shipment" and i + 1 < len(tokens) and tokens[i + 1].low in lex.trade_modifier_heads \
                    and not (tokens[i + 1].low in lex.quota_heads and _amount_after(tokens, i + 1)):
                continue  # "export quotas", "import controls": a modifier of a policy or a figure
            if trig.type == "meeting" and trig.kind == "noun" and i + 1 < len(tokens) and tokens[i + 1].low in lex.meeting_modifier_heads:
                continue  # "the conference centre", "a conference company", "a conference call": a modifier
            if trig.type == "shipment" and in_name(tokens, i, lex):
                continue  # "British and Commonwealth Shipping said": a firm's name
            if trig.type == "shipment" and trig.kind != "noun" and not trig.trade and any(
                    tokens[k].low in lex.percent_words for k in range(i + 1, min(len(tokens), i + 4))):
                continue  # "sold 2.1% more cars": a statistic
            if trig.type == "shipment" and trig.trade and share_told(tokens, i, lex):
                continue  # "EU exports rose 2%", "imports at about 30 pct of consumption": a trade statistic
            if trig.type == "shipment" and any(tokens[k].low in lex.reflexives for k in range(i + 1, min(len(tokens), i + 3))
                                               if tokens[k].clause == t.clause):
                continue  # "liefern sich schwere Gefechte": the reflexive idiom, no delivery
            if trig.kind == "travel" and not lex.nouns_capitalised and transitive_travel(tokens, i, lex):
                continue  # "instrumental in returning Mr Livingstone to the party", "returned the favour": no journey
            if trig.kind == "noun" and trig.visit and _crowd_journey(tokens, i, lex, person_starts):
                continue  # "drei Millionen Menschen hofften auf die Weiterreise nach Europa"
            if (trig.traveller or trig.kind == "travel" and trig.visit) and not _traveller(tokens, i, lex, person_starts):
                continue  # "Menschen kommen nach Serbien", "es kommt zu ...": no person of office travels
            if trig.kind == "travel" and trig.visit and not (i and tokens[i - 1].low in lex.articles) and any(
                    tokens[k].low in lex.passive_auxiliaries for k in range(len(tokens))
                    if tokens[k].clause == t.clause):
                continue  # "wurden ... ins Krankenhaus geflogen": carried, not visiting
            if lex.nouns_capitalised and (trig.regex is None or not trig.regex.fullmatch(t.low)) \
                    and (trig.kind == "noun") != (t.cap and (i > 0 or trig.kind == "noun")):
                continue  # by lemma, German nouns are capitalised and verbs are not ("Land" is no "landen")
            if lex.verb_markers and trig.kind != "noun" and trig.regex is None \
                    and lemma(t.low, lex.lang) == t.low and not (i and _verb_before(tokens[i - 1], lex)):
                continue  # English "ship", "land", "station": a verb only inflected, after "to", "will", or
                #           after its subject of people ("European leaders gather in Rome")
            if not lex.nouns_capitalised and trig.type == "shipment" and trig.kind != "noun" and step_to(tokens, i, lex):
                continue  # "Moves to lift the ban", "moved to block the sale": a step to do something, no transport
            if trig.presence and not (i + 2 < len(tokens) and tokens[i + 1].low in lex.locatives and tokens[i + 2].cap):
                continue  # "currently in Peking" is a stay there; "currently in hospital", "in talks" are not
            if trig.needs_cue is not None:
                if lows_by_clause is None:
                    lows_by_clause = {}
                    for tok in tokens:
                        lows_by_clause.setdefault(tok.clause, []).append(tok.low)
                clause = lows_by_clause.get(t.clause, [])
                if i and tokens[i - 1].clause != t.clause and t.start - tokens[i - 1].end == 2 and clause[:1] == [t.low]:
                    clause = clause + [tokens[i - 1].low]  # "The protocol, signed in Cairo, ...": the noun
                    #                                        a reduced relative clause after a comma tells of
                if not any(trig.needs_cue.fullmatch(w) for w in clause if w != t.low) and not (
                        trig.or_person_object and _person_after(tokens, i, lex, person_starts)) \
                        and not (trig.kind == "verb" and titles_joined(tokens, i, lex)):
                    continue  # (two sides as the subject need no "mit": "Ministerin und Landeshauptleute verhandelten")
            if trig.addressee and not delegation_after(tokens, i, lex):
                continue  # "told reporters", "told Mr Brown", "officials told Reuters": speech, no meeting
            if trig.needs_audience and not _audience_after(tokens, i, lex):
                continue  # "eine Rede über Europa": a speech, but before no gathering
            if trig.needs_partner and not partner_with(tokens, i, lex, person_starts):
                continue  # "bei einer Pressekonferenz in Berlin": one speaker; "mit seinem Kollegen X": two sides
            if trig.needs_cargo and goods is None:
                cargo = has_cargo(tokens, lex)
                goods = cargo or has_carrier(tokens, lex, freight_only=not cargo)
            if trig.needs_cargo and goods and not cargo and _people_carried(tokens, i, lex):  # (cargo: set with goods)
                continue  # "Die Flüchtlinge wurden mit Lastwagen nach Griechenland gebracht": people, no goods
            if trig.orders and not _ordered_goods(tokens, i, lex):
                continue  # an order's goods are its object ("ordered 30 planes"); "ordered an inquiry", "losing orders to"
            own_goods = goods
            if trig.needs_cargo and goods and trig.kind != "noun" and is_cargo(t.low, lex):
                own_goods = has_cargo(tokens, lex, skip=i) or has_carrier(tokens, lex)
                # (the verb is no goods of its own: "supplies 150 teams"; "supplies medical supplies" has)
            sold = trig.needs_cargo and not own_goods and not is_motion(trig, t) and has_carrier(tokens, lex)
            # (what is sold, bought or ordered may be vehicles: "ordered 30 planes")
            if trig.needs_cargo and not own_goods and not sold and not (trig.personnel and any(
                    (tk.cap or not lex.nouns_capitalised) and lex.goods.is_personnel(tk.low) for tk in tokens)):
                continue  # (police or experts sent somewhere are what a deployment moves)
            if trig.needs_cargo and is_motion(trig, t) and not moves_goods(
                    tokens, i, lex, person_starts, intransitive=trig.kind in ("departure", "arrival"),
                    personnel=trig.personnel):
                continue
            if is_topic(tokens, i, lex):
                continue
            if not event_type(trig.type).route and trig.kind != "noun" and abstract_object(tokens, i, lex, trig.needs_cue) \
                    and not (t.low.endswith(("ing", "ings")) and (d := past_modifiers(tokens, i, lex)) >= 0 and tokens[d].low in lex.determiners):
                continue  # "can meet demand"; but "issue a statement at a monthly meeting": the noun has no object
            if i >= 2 and tokens[i - 1].low in lex.infinitive_markers and (
                    tokens[i - 2].low in lex.wishes or lemma(tokens[i - 2].low, lex.lang) in lex.wishes):
                continue  # "would like to meet": a wish
            if trig.kind == "travel" and lex.travel_idioms and _idiom_in_clause(tokens, i, lex) \
                    or trig.type == "meeting" and trig.kind in ("travel", "arrival") and to_court(tokens, i, lex):
                continue  # "kam ums Leben", "came to an end": no journey; "arrived at the High Court": in court
            if prev in lex.noun_idioms or trig.kind == "noun" and (_title_genitive(tokens, i, lex) or in_attribute(tokens, i, lex)):
                continue  # "in Empfang genommen" (whichever entry read the word); "der Vorsitzende der Uno-Vollversammlung"
            if trig.type == "meeting" and (trig.kind == "noun" and (numbered_session(tokens, i, lex)
                                                                   or i and tokens[i - 1].low in lex.audience_formats)
                                           or government_sitting(tokens, i, lex)):
                continue  # "der 31. Sitzung des Menschenrechtsrats", "Regierungssitzung": a body's own routine
            head = purpose_head(tokens, i, lex) if trig.type == "meeting" else i  # ("met ... to discuss": the meeting's)
            if trig.type == "meeting" and not trig.needs_audience and domestic_body(tokens, head, lex) \
                    and not counterpart_named(tokens, head, trig, lex, person_starts) and not sides_before(tokens, head, lex):
                continue  # "the Treasury committee meets", "Nationalratssitzung": one body's routine
                #           (not "The cabinet met President Bush", "Executives of the two firms met")
            if refused_infinitive(tokens, i, lex) or negative_subject(tokens, i, lex) or unreal_obligation(tokens, i, lex) \
                    or (trig.kind != "noun" and negated_verb_final(tokens, i, lex)):
                continue  # "refusal to hold talks", "None of the members has asked for a meeting", "müssten ... gebracht werden"
            if conditional_clause(tokens, i, lex, date_starts) and (trig.kind != "noun" or happening_denied(tokens, i, lex, conditional=True)):
                continue  # "Falls die Waffen nach Syrien geliefert würden", "if the talks go ahead": a condition
                #           (a noun is there all the same when the condition is its outcome: "if rescue talks fail")
            if (trig.kind == "noun" or i and tokens[i - 1].low in lex.determiners) and happening_denied(tokens, i, lex):
                continue  # "the talks did not take place", "Das Treffen kam nicht zustande"
            if negated(tokens, i, trig, lex) or possible_noun(tokens, i, lex) or undecided(tokens, i, lex) \
                    or generic(tokens, i, trig, lex) or (trig.kind != "noun" and (counterfactual(tokens, i, lex)
                                                                        or possible(tokens, i, lex))) or (trig.kind == "noun" and (
                    (interview(tokens, i, lex) and not trig.needs_partner) or under_discussion(tokens, i, lex)
                    or court_hearing(tokens, i, lex) or founded(tokens, i, lex)
                    or (lex.verb_final and i >= 2 and tokens[i - 1].low in lex.genitive_articles
                        and tokens[i - 2].cap and tokens[i - 2].low not in lex.pp_openers and possible(tokens, i, lex)))):
                # ("könnte die Wiederaufnahme der Friedensgespräche gefährden": talks a chance is about;
                #  "dürfte im Außenministerrat geschehen" is where the likely thing happens)
                # (a press conference is an interview; one "mit" a counterpart is a joint appearance)
                continue
            out.append((i, trig))
            break
    return out


def _people_carried(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the clause of a trigger whose only goods are a carrier names a group of people
    (``person_groups``: "Flüchtlinge", "refugees"): the vehicle carries them, a journey."""
    return any((t.cap or not lex.nouns_capitalised)
               and (t.low in lex.person_groups or lemma(t.low, lex.lang) in lex.person_groups)
               for t in tokens if t.clause == tokens[i].clause)


def _ordered_goods(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Goods or vehicles as the object of the order word at ``i``: among the next nine words of
    its clause, before a coordinator or a word that opens another clause ("placed an order for
    10 Airbus A380 jets"; not "losing orders to Vietnam while British troops stay"), or before a
    clause-final verb."""
    def goods(span) -> bool:
        for tk in span:
            if tk.clause != tokens[i].clause or tk.low in lex.coordinators or tk.low in lex.barriers:
                return False
            if (tk.cap or not lex.nouns_capitalised) and (is_cargo(tk.low, lex) or lex.carrier(tk.low)):
                return True
        return False
    # where verbs end their clause, the object comes before them ("hat 20 Flugzeuge bei Airbus bestellt")
    return goods(tokens[i + 1:i + 10]) or (lex.verb_final and goods(tokens[max(0, i - 9):i][::-1]))


def _audience_after(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A gathering after the speech noun at ``i``: a preposition within five words, then a body
    word (also a compound's head) within five ("Rede in einer Nationalratssitzung", "speech to
    the Economic Planning Advisory Council")."""
    clause = tokens[i].clause
    for k in range(i + 1, min(len(tokens), i + 6)):
        if tokens[k].clause != clause:
            return False
        if tokens[k].low in lex.audience_prepositions:
            return any(tokens[j].low.rsplit("-", 1)[-1].endswith(lex.audience_bodies)
                       for j in range(k + 1, min(len(tokens), k + 7)) if tokens[j].clause == clause)
    return False


def _idiom_in_clause(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the clause of the verb at ``i`` holds an idiom that makes it no journey: a fixed
    phrase ("kam ums Leben"), or the impersonal subject with a preposition of what happens ("soll
    es ... zu sexuellen Übergriffen gekommen sein", "es kam zu Zusammenstößen")."""
    words = [t.low for t in tokens if t.clause == tokens[i].clause]
    clause = " " + " ".join(words) + " "
    return any(f" {p} " in clause for p in lex.travel_idioms) or bool(lex.happening_prepositions) \
        and not lex.impersonal.isdisjoint(words) and not lex.happening_prepositions.isdisjoint(words)


def _title_genitive(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A meeting noun in the genitive after a person's title ("Vorsitzende der Uno-Vollversammlung",
    "president of the conference"): part of a title, no event."""
    k = i - 1
    while k >= 0 and tokens[k].low in lex.articles and tokens[k].clause == tokens[i].clause:
        k -= 1
    if k >= 0 and tokens[k].low in lex.genitive_articles:
        k -= 1  # "president of the conference"
    return k >= 0 and k < i - 1 and tokens[k].clause == tokens[i].clause and people_lexicon(lex.lang).is_title(tokens[k].low)


def _verb_before(prev: Token, lex: EventLexicon) -> bool:
    """Whether the word before a base form makes it a verb: a verb marker ("to", "will"), a
    subject pronoun ("they") or a group of people ("leaders", "ministers", "delegations")."""
    return prev.low in lex.verb_markers or prev.low in lex.person_subjects or prev.low in lex.delegations \
        or (prev.low.endswith("s") and people_lexicon(lex.lang).is_title(prev.low))


def _amount_after(tokens: list[Token], i: int) -> bool:
    """A number within the next few words of its clause ("quota of 737,987 tonnes")."""
    return any(tokens[k].text[:1].isdigit() for k in range(i + 1, min(len(tokens), i + 4))
               if tokens[k].clause == tokens[i].clause)


_NAME_WORDS = 4  # words of a person's name: "Recep Tayyip Erdoğan"


def _name_ends(tokens: list[Token], k: int, person_starts: frozenset[int]) -> bool:
    """Whether a person's name of several capitalised words ends at ``k``."""
    j = k
    while j > 0 and k - j < _NAME_WORDS and tokens[j].cap and tokens[j].clause == tokens[k].clause:
        if tokens[j].start in person_starts:
            return True
        j -= 1
    return False


def _person_after(tokens: list[Token], i: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """A person as the object of the verb at ``i``: a name, a title or a group of people
    among the next words of its clause ("traf am Freitag die Vertreter der Opposition"), or
    right before a German participle ("hatte den Minister getroffen")."""
    titles = people_lexicon(lex.lang)
    if any(t.low in lex.encounter_words for t in tokens if t.clause == tokens[i].clause):
        return False  # "traf bei Mylae auf die Flotte", "trafen aufeinander"
    def person(t: Token) -> bool:
        return t.start in person_starts or titles.is_title(t.low) or t.low in lex.person_groups

    for k in range(i + 1, min(len(tokens), i + 9)):
        t = tokens[k]
        if t.clause != tokens[i].clause:
            break
        if person(t):
            return True
    # a German participle comes after its object: "... einen anderen Agenten getroffen haben"
    # (the word right before it; "eine Entscheidung getroffen", "wurde getroffen" are no meeting)
    if lex.lang == "de" and tokens[i].low.startswith("ge") and i > 0 \
            and tokens[i - 1].clause == tokens[i].clause and (person(tokens[i - 1]) or _name_ends(tokens, i - 1, person_starts)):
        return True  # (also a name of several words: "hatte ... Fidel Castro getroffen")
    # so does the finite verb that ends a subordinate clause: "..., wo er Präsident Rohani traf"
    # (a name or title after the clause's opener and before the verb)
    ends = i + 1 >= len(tokens) or tokens[i + 1].clause != tokens[i].clause or not tokens[i + 1].text[:1].isalnum()
    if lex.verb_final and ends and i > 0 and tokens[i].clause != tokens[0].clause:
        own = [k for k in range(i) if tokens[k].clause == tokens[i].clause]
        return bool(own) and (tokens[own[0]].low in lex.relative or tokens[own[0]].low in lex.openers) \
            and any(person(tokens[k]) for k in own[1:])
    return False


_OF_REACH = 4  # words after a travel noun to its traveller: "the arrival of US President Bush"


def _crowd_journey(tokens: list[Token], i: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether the subject before a visit noun in its clause is a crowd ("drei Millionen Menschen
    hofften auf die Weiterreise nach Europa, sagte der Kommissar"): theirs is no visit."""
    before = [f for f in (mover_kind(tokens[k], lex, person_starts) for k in range(max(0, i - 14), i)
                          if tokens[k].clause == tokens[i].clause) if f]
    return bool(before) and before[-1] == "crowd"


def _traveller(tokens: list[Token], i: int, lex: EventLexicon, person_starts: frozenset[int]) -> bool:
    """Whether a person travels: the subject before the verb in its clause (or, where the verb
    comes second, right after it) is a name, a title, a delegation or a personal pronoun --
    not a crowd ("Menschen", "refugees"), "es" nor a vehicle ("the plane may be able to fly to Sydney")."""
    clause = tokens[i].clause

    def kind(k: int) -> Optional[str]:
        return mover_kind(tokens[k], lex, person_starts) or ("vehicle" if lex.carrier(tokens[k].low) else None)

    if i and (tokens[i - 1].low in lex.articles or tokens[i - 1].low in lex.person_possessives) and not tokens[i].cap:
        # the noun ("the arrival of President Bush", "his arrival"): who arrives is its genitive
        of = [f for f in (kind(k) for k in range(i + 1, min(len(tokens), i + 1 + _OF_REACH))
                          if tokens[k].clause == clause) if f]
        return tokens[i - 1].low in lex.person_possessives or (bool(of) and of[0] == "person")
    before = [f for f in (kind(k) for k in range(max(0, i - 14), i) if tokens[k].clause == clause) if f]
    after = [f for f in (kind(k) for k in range(i + 1, min(len(tokens), i + 4)) if tokens[k].clause == clause) if f] \
        if lex.verb_second else []
    if lex.verb_second and after:
        return after[0] == "person" and "crowd" not in before[-1:]  # "Am Mittwoch reiste der Minister"
    return bool(before) and before[-1] == "person"


def _quantity_after(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A number right after the verb (or after "some", "about"): its object is a figure."""
    for k in range(i + 1, min(len(tokens), i + 3)):
        if lex.goods.is_number(tokens[k].low):
            return True
        if tokens[k].low not in lex.approximators:
            return False
    return False


def _clause_particles(tokens: list[Token], lex: EventLexicon) -> dict[int, str]:
    """clause -> the verb particle that ends it ("Der Zug kam am Montag in Duisburg an.")."""
    out: dict[int, str] = {}
    for k, t in enumerate(tokens):
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        if t.low in lex.separable and (nxt is None or nxt.clause != t.clause or not nxt.text[:1].isalnum()):
            out[t.clause] = t.low
    return out


def _noun_plural(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether an English "-s" form is a plural noun: right after a determiner or a number, or
    after a day and month ("the meets", "250 meets", "the 19 February meets"); a verb follows
    its subject ("the minister meets")."""
    prev = tokens[i - 1] if i else None
    if prev is None or prev.clause != tokens[i].clause:
        return False
    return prev.low in lex.determiners or prev.text.replace(",", "").isdigit() \
        or (i >= 2 and tokens[i - 2].text.isdigit() and prev.cap)
