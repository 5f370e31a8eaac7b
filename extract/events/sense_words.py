"""The word lists that read a trigger's sense and its clause (issue 13): what a gathering is for,
whether it happened, a condition, a contrast, a reported clause. Plain lists, each loaded from
the data key of its name by :func:`extract.events.lexicon.event_lexicon`; a base of
:class:`~extract.events.lexicon.EventLexicon`, kept apart so that neither module grows past
its size."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, kw_only=True)
class SenseWords:
    gerund_prepositions: frozenset[str] = frozenset()  # "for": opens a gerund phrase ("praised X for flying aid")
    state_complements: frozenset[str] = frozenset()    # "unchanged": "leave its rates unchanged" is no departure
    market_words: frozenset[str] = frozenset()         # "trading", "Börse": a sitting noun near them is a trading session
    doubt_words: frozenset[str] = frozenset()          # "unlikely", "unwahrscheinlich" after an event noun: it will not happen
    virtual_words: tuple[str, ...] = ()                # "Internet-", "online": a forum on the net, no gathering
    purpose_prepositions: frozenset[str] = frozenset()  # "zu", "for": what a meeting verb's gathering is for
    happening_words: frozenset[str] = frozenset()  # "take place", "stattfinden": an event noun's verb of happening
    clause_negators: frozenset[str] = frozenset()  # "not", "nicht": negate a clause's verb (not "no", "kein")
    conditional_openers: frozenset[str] = frozenset()  # "falls", "if": a clause of condition
    unreal_openers: frozenset[str] = frozenset()   # "wenn": of condition when the unreal mood follows
    unreal_verbs: frozenset[str] = frozenset()     # "würden", "wäre": the unreal mood
    question_heads: frozenset[str] = frozenset()   # "ask", "remember": an "if" after them asks, it sets no condition
    flow_ends: frozenset[str] = frozenset()            # "to", "nach" right after a trade word: an end of its flow
    pair_words: frozenset[str] = frozenset()           # "the two", "die beiden": two sides as a subject
    pair_nouns: frozenset[str] = frozenset()           # "sides", "Seiten": "the two sides", "beide Seiten"
    session_nouns: tuple[str, ...] = ()                # "Sitzung", "session": a body's sitting (also a compound's head)
    content_heads: frozenset[str] = frozenset()        # "report", "said": a "that" after them opens what was told
    complementizers: frozenset[str] = frozenset()      # "that", "dass"
    contrast_links: frozenset[str] = frozenset()       # ", while", ", während": the clause after is another thing
    sitting_bodies: frozenset[str] = frozenset()       # "Regierung", "government": whose sittings are their own
    prospective_phrases: frozenset[str] = frozenset()  # "kurz vor", "shortly before": the noun after lies ahead
    negative_subjects: frozenset[str] = frozenset()    # "none", "niemand": a clause's subject that denies its event
    unreal_obligations: frozenset[str] = frozenset()   # "müssten": what would have to happen
    audience_formats: frozenset[str] = frozenset()     # "answer": "a question and answer session" is a public format
    maker_participles: frozenset[str] = frozenset()    # "made", "built": "U.S.-made cars" are the country's goods
    object_pronouns: frozenset[str] = frozenset()      # "him", "them": a guest a verb of hosting names
    infinitive_subjects: frozenset[str] = frozenset()  # "for": "for Indonesia to stick to its quota" names who acts
    infinitive_subject_heads: frozenset[str] = frozenset()  # "easy", "time": judge what "for X to" does
    market_movers: frozenset[str] = frozenset()  # "shares": a date after them, past a noun trigger, is the market's
    market_prepositions: frozenset[str] = frozenset()  # "in": "sold cars in Asia" names a market
    value_words: frozenset[str] = frozenset()         # "worth", "dlrs": goods measured in money
    currency_signs: frozenset[str] = frozenset()      # "£", "$": a figure of money
    member_words: frozenset[str] = frozenset()        # "nation": "the six-nation council" is a body of states
    meeting_modifier_heads: frozenset[str] = frozenset()  # "centre": "the conference centre" is a building, no meeting
    happening_prepositions: frozenset[str] = frozenset()  # "zu": "es kam zu Zusammenstößen" tells what happened
    date_prepositions: frozenset[str] = frozenset()   # "in", "on": before a date that ends a participle phrase
    irregular_participles: frozenset[str] = frozenset()  # "set", "held": past participles without -ed
    phrase_openers: frozenset[str] = frozenset()      # "eines", "an": after "und"/"and" they open a coordinated noun phrase
    market_nouns: frozenset[str] = frozenset()        # "market", "Markt": "in the European market" names a market
    production_participles: frozenset[str] = frozenset()  # "built in Japan", "in Mexiko gebaut": where goods are made
    now_words: frozenset[str] = frozenset()            # "now", "nun": a clause told of the present, not of a neighbour's day
    preposition_idioms: frozenset[str] = frozenset()   # "contrast": "in contrast to X" names no end of a flow
    aim_objects: frozenset[str] = frozenset()          # "agenda", "quota": met as a direct object, a plan fulfilled
    venue_nouns: frozenset[str] = frozenset()          # "site": "Milwaukee, site of the talks" names a meeting's place
    purpose_participles: frozenset[str] = frozenset()  # "aimed": "talks aimed at ..." tells their purpose, no plan
    deal_nouns: frozenset[str] = frozenset()           # "takeover", "Fusion": talks going on about one are a deal in the making
    sale_nouns: frozenset[str] = frozenset()           # "sale": "the sale of <a named firm>" changes its owner
    transfer_verbs: frozenset[str] = frozenset()       # "take", "übernehmen": hand a business or a share over
    future_copulas: frozenset[str] = frozenset()       # "is", "are": "are to meet" is arranged, still ahead
    future_auxiliaries: frozenset[str] = frozenset()   # "will": a meeting a gerund of sequence governs is ahead too
    occasion_nouns: frozenset[str] = frozenset()       # "occasions": "on three occasions" counts many meetings
    many_words: frozenset[str] = frozenset()           # "several": a count of many without a number
    situation_nouns: tuple[str, ...] = ()              # "war", "Krise": "the war in Syria" places the war, not a meeting
    earlier_words: frozenset[str] = frozenset()        # "previous", "früheren": with no article, earlier ones of a kind
    source_prepositions: frozenset[str] = frozenset()  # "from", "aus": "from a holiday in Egypt" is where one came from
    reached_states: tuple[str, ...] = ()               # "agreement", "Einigung": reached, a state, not a place (a compound's head)
