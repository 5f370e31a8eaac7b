"""What the words around a trigger say about its mention: a guest named near a host verb,
a counterpart after a meeting noun, a meeting named for its body, a trade noun of money,
a visit told as the occasion of a report's words."""
from __future__ import annotations

from typing import Optional

from extract.events.lexicon import EventLexicon
from extract.events.roles import EventMention
from extract.text.document import Token
from extract.dates.grammar import load_grammar, norm
from extract.text.lemmas import lemma
from extract.text.people import people_lexicon


def said_during(tokens: list[Token], m: EventMention, lex: EventLexicon) -> bool:
    """A visit named in the phrase a present-tense report attaches to its speaker ("he told
    reporters during a brief visit to Malaysia", "sagte Alfano bei einem Besuch auf Lipari"):
    the visit is when the words were said, the report's day; so is a gathering that is
    the object of a verb of addressing ("he told a meeting of party leaders") and a visit
    told as going on now ("currently in Dublin on a four-nation visit", "derzeit zu Besuch"). Not when the
    speaking verb is in the perfect or has its own date (the caller checks the latter)."""
    ti = m.trigger_idx
    if m.trigger_def.visit and any(t.low in lex.present_words for t in tokens if t.clause == m.trigger.clause):
        return True  # "Mr Snow, who is currently in Dublin at the start of a four-nation EU visit"
    if ti < 2 or (m.trigger_def.kind != "noun" and tokens[ti - 1].low not in lex.articles):
        return False  # (after an article "meeting" is the noun, whichever entry read it)
    k = ti - 1
    while k > 0 and tokens[k].low in lex.articles | lex.determiners and ti - k < 3:
        k -= 1
    while k > 0 and not tokens[k].cap and tokens[k].low not in lex.during | lex.address_verbs and ti - k < 4:
        k -= 1  # "a brief visit"
    if tokens[k].clause != m.trigger.clause:
        return False
    if tokens[k].low in lex.address_verbs:
        return True  # "he told a meeting of party leaders", "addressed the conference": the words were said there
    if tokens[k].low not in lex.during or not m.trigger_def.visit:
        return False
    return any(t.low in lex.speech for t in tokens[max(0, k - 6):k] if t.clause == m.trigger.clause)


_OBJECT_REACH = 3  # words after a verb to its object: "supplies funds to", "delivered a stern warning"


def money(tokens: list[Token], ti: int, lex: EventLexicon, is_goods=lambda w: False) -> bool:
    """Whether the trade word at ``ti`` is one of money or of no matter: a money word as its
    compound's first part ("Kapitalexporte") or right before it ("capital exports", "money
    supply"); or, with no goods before it, a money word or a word of no matter as its object
    ("supplies funds to", "liefert Geld an", "delivered a stern warning to Ukraine", "Angaben
    liefern": where verbs end their clause, the object stands before them)."""
    low = tokens[ti].low
    if lex.money_modifiers and low.startswith(lex.money_modifiers):
        return True
    if ti > 0 and tokens[ti - 1].clause == tokens[ti].clause and tokens[ti - 1].low in lex.money_modifiers:
        return True
    spans = [range(ti + 1, min(len(tokens), ti + 1 + _OBJECT_REACH))]
    if lex.verb_final and not tokens[ti].cap:
        spans.append(range(ti - 1, max(-1, ti - 1 - 4 * _OBJECT_REACH), -1))  # (its object may carry a phrase:
        #                               "um eine Grundlage für eine Begrünung Europas zu liefern")
    for span in spans:
        for k in span:
            t = tokens[k]
            if t.clause != tokens[ti].clause or is_goods(t.low):
                break
            if t.low in lex.money_modifiers or t.low in lex.nonmaterial_objects:
                return True
    return False


OWNED_REACH = 8  # words after a trade trigger searched for what changes hands
PASSIVE_REACH = 5  # words before a passive's auxiliary searched for it


def owned(tokens: list[Token], ti: int, lex: EventLexicon, is_goods) -> bool:
    """Whether what a purchase or sale at ``ti`` hands over is a business, not goods: an
    ownership noun after it, before any goods word ("to buy the Christian Lacroix couture
    house", "the purchase of Yukos' production unit", "kaufte die Sparte"); a goods word
    right before such a noun names the business ("a shell company", "oil firm")."""
    if not lex.ownership_nouns:
        return False
    window = [k for k in range(ti + 1, min(len(tokens), ti + 1 + OWNED_REACH)) if tokens[k].clause == tokens[ti].clause]
    if ti and tokens[ti - 1].low in lex.passive_auxiliaries:
        # a passive: what changes hands stands before it ("a shell company which was bought by Rosneft")
        window = list(range(max(0, ti - 1 - PASSIVE_REACH), ti - 1)) + window  # (a relative clause's noun too)
    for n, k in enumerate(window):
        low = tokens[k].low.rsplit("-", 1)[-1]
        nxt = tokens[window[n + 1]].low if n + 1 < len(window) else ""
        if low in lex.ownership_nouns and nxt not in ("'s", "’s"):
            return True
        if is_goods(tokens[k].low) and nxt.rsplit("-", 1)[-1] not in lex.ownership_nouns:
            return False
    return False


def guest_near(tokens: list[Token], ti: int, people, lex: EventLexicon) -> bool:
    """Whether a host verb has a guest: a person, a title or a group of people among the
    words after it ("empfing den Präsidenten", "welcomed the delegation", "was received by
    the king"), anywhere in its clause where the verb may come last ("hatte die Botschafterin
    ... einbestellt")."""
    starts = {p.start for p in people}
    titles = people_lexicon(lex.lang)
    for k in range(ti + 1, min(len(tokens), ti + 7)) if not lex.verb_final else range(len(tokens)):
        t = tokens[k]
        if lex.verb_final and t.clause != tokens[ti].clause:
            continue
        if k != ti and (t.start in starts or titles.is_title(t.low) or t.low in lex.delegations
                        or t.low in lex.pronouns):
            return True
    if not lex.verb_final and _passive(tokens, ti, lex):
        # "President X, who was welcomed with military honours": the guest is the subject
        return any(t.start in starts or titles.is_title(t.low) or t.low in lex.delegations
                   for t in tokens[max(0, ti - PASSIVE_REACH):ti])
    return False


PASSIVE_REACH = 8   # words back from a passive host verb to its subject (past a relative "who")


def _passive(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A passive auxiliary right before the verb, an adverb between allowed ("was warmly received")."""
    before = [t.low for t in tokens[max(0, ti - 2):ti] if t.clause == tokens[ti].clause]
    return bool(before) and (before[-1] in lex.passive_auxiliaries
                             or len(before) == 2 and before[0] in lex.passive_auxiliaries
                             and before[1].endswith("ly"))


def visiting_guest(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A participle of visiting as the attribute of the person it names ("told visiting U.S.
    Secretary of State George Shultz"): the guest is at the place the story is told from,
    not on the way to a place the sentence names."""
    t = tokens[ti]
    if t.low not in lex.guest_participles or ti + 1 >= len(tokens) or tokens[ti + 1].clause != t.clause:
        return False
    if ti > 0 and tokens[ti - 1].low in lex.progressive_auxiliaries:
        return False  # "who is visiting China": the verb
    nxt = tokens[ti + 1]
    return nxt.cap or people_lexicon(lex.lang).is_title(nxt.low)


def in_attribute(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A meeting noun inside the attribute of another noun, before the participle that closes
    it ("die beiden für das G-7-Treffen eingerichteten Checkpoints", "die beim Gipfel
    getroffenen Vereinbarungen"): the meeting is what the thing is for, not an event told of."""
    if not lex.attribute_participles or ti + 2 >= len(tokens):
        return False
    part, head = tokens[ti + 1], tokens[ti + 2]
    return part.clause == head.clause == tokens[ti].clause and part.text.islower() and "ge" in part.low \
        and part.low.endswith(lex.attribute_participles) and head.cap


def named_body(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A meeting noun named for the body that holds it ("Beim EU-Gipfel", "the Nato summit",
    "G7-Treffen"): one specific happening even with no place or date in the text."""
    t = tokens[ti]
    if "-" in t.text and t.text.split("-", 1)[0] in lex.organisations:
        return True
    return ti > 0 and tokens[ti - 1].text in lex.organisations and tokens[ti - 1].clause == t.clause


def ongoing(tokens: list[Token], ti: int, lex: EventLexicon) -> Optional[str]:
    """Talks told as a process that goes on, not as one meeting: "state" for "in" right before
    the noun ("is in talks with Barclays", "in Verhandlungen mit") or a span of time ("seit
    einem Jahr"); "going" for a word of going on in its clause ("talks will continue",
    "Negotiations had been ongoing", "die Verhandlungen laufen": in a dated lead, that day's
    session); "deal" for a state or an English progressive whose clause tells of a change of
    ownership ("is in talks with Barclays over the sale of its stake"): a firm's deal in the
    making, no meeting; else None."""
    state = _ongoing(tokens, ti, lex)
    progressive = ti > 0 and tokens[ti - 1].low in lex.progressive_auxiliaries and tokens[ti].low.endswith("ing")
    if (state == "state" or progressive and not lex.nouns_capitalised) and _deal_in_clause(tokens, ti, lex):
        return "deal"  # "is in talks with Barclays over the sale of its stake", "is negotiating the sale of X"
    return state


def _deal_in_clause(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """A change of ownership after the talk word in its clause: a takeover or merger
    (``deal_nouns``), a business or a share in one (``ownership_nouns``) after a word of handing
    over ("to take a 20% stake", "over the sale of its stake"; not "negotiations with the mining
    companies": who talks), or the sale of a named firm ("the sale of Bankhaus Centrale Credit")."""
    transfer = False
    for k in range(ti + 1, len(tokens)):
        t = tokens[k]
        if t.clause != tokens[ti].clause:
            break
        if not (lex.nouns_capitalised or t.text.islower()):
            continue  # (a name's word is none: "visiting the West Bank")
        if t.low.rsplit("-", 1)[-1] in lex.deal_nouns or transfer and t.low in lex.ownership_nouns:
            return True
        if t.low in lex.sale_nouns and k + 2 < len(tokens) and tokens[k + 1].low in lex.genitive_articles \
                and tokens[k + 2].cap and not lex.nouns_capitalised:
            return True  # (goods are written small: "the sale of 30 jets")
        transfer = transfer or t.low in lex.sale_nouns or lemma(t.low, lex.lang) in lex.transfer_verbs
    return False


def _ongoing(tokens: list[Token], ti: int, lex: EventLexicon) -> Optional[str]:
    k = ti - 1
    while k > 0 and ti - k <= _ONGOING_MODIFIERS and tokens[k].clause == tokens[ti].clause \
            and tokens[k].text.isalpha() and tokens[k].text.islower() and tokens[k].low not in lex.articles \
            and tokens[k].low not in lex.ongoing_prepositions:
        k -= 1  # "in tough talks with unions", "in intensiven Gesprächen" (not "in the talks": during them)
    if ti and k >= 0 and tokens[k].low in lex.ongoing_prepositions and tokens[k].clause == tokens[ti].clause:
        return "state"
    clause = [k for k in range(len(tokens)) if tokens[k].clause == tokens[ti].clause]
    if any(tokens[k].low in lex.ongoing_spans and _span_of_time(tokens, k, lex) for k in clause):
        return "state"  # "verhandelt seit einem Jahr mit Ikea", "have been negotiating for months"
    going = [k for k in clause if k != ti and (tokens[k].low in lex.ongoing_words
                                                or lemma(tokens[k].low, lex.lang) in lex.ongoing_words)]
    if any(tokens[k].low in lex.present_words for k in going):
        return "state"  # "führen im Moment Verhandlungen", "are currently negotiating"
    return "going" if going else None


_ONGOING_MODIFIERS = 2  # adjectives between "in" and the talk noun: "in tough talks"
_SPAN_REACH = 3  # words from "seit"/"for" to its unit of time: "seit einem guten Jahr"


def _span_of_time(tokens: list[Token], k: int, lex: EventLexicon) -> bool:
    """A unit of time (the timex grammar's ``units``: "Jahr", "months") within a few words after
    ``k``, in its clause, and no day or month name (a date, not a span: "since Monday")."""
    units = load_grammar(lex.lang).lookup.get("units", {})
    for j in range(k + 1, min(len(tokens), k + 1 + _SPAN_REACH)):
        if tokens[j].clause != tokens[k].clause:
            return False
        if norm(tokens[j].low) in units:
            return True
    return False



def invited_to_act(tokens: list[Token], ti: int, lex: EventLexicon) -> bool:
    """An invitation whose content is an infinitive of doing ("lud Unternehmen ein, in Usbekistan zu
    investieren", "invited companies to invest in"), or one to the press (a word of its clause opens
    with a press prefix: "lud zu einem Pressegespräch"): asked to act, no visit to anyone. German: a
    later clause of the sentence ends "zu" + verb; English: "to" + a small word that is no article
    or name within four words of the verb."""
    if not tokens[ti].low.startswith(lex.invitation_stems):
        return False
    if any(tokens[k].low.startswith(lex.press_prefixes) and (tokens[k].cap or not lex.nouns_capitalised)
           for k in range(len(tokens)) if tokens[k].clause == tokens[ti].clause and k != ti):
        return True  # "lud zu einem Pressegespräch in die Sky-Bar", "invited reporters to a press briefing": the press
    if lex.verb_final:
        for k in range(ti + 1, len(tokens) - 1):
            if tokens[k].clause != tokens[ti].clause and tokens[k].low in lex.infinitive_markers \
                    and tokens[k + 1].text.islower() and tokens[k + 1].low.endswith("en") \
                    and (k + 2 >= len(tokens) or tokens[k + 2].clause != tokens[k + 1].clause
                         or not tokens[k + 2].text[:1].isalpha()):
                return True
        return False
    for k in range(ti + 1, min(len(tokens) - 1, ti + 5)):
        if tokens[k].low in lex.infinitive_markers:
            nxt = tokens[k + 1]
            return nxt.text.isalpha() and nxt.text.islower() and nxt.low not in lex.determiners
    return False
