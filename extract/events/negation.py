"""What says a trigger is no event: negation and refusal ("kein Treffen", "ruled out a
meeting", "lehnte ... ab"), a talk with the press, being under discussion, one domestic
body's routine; and the modality a verb near it gives ("abgesagt", "denied")."""
from __future__ import annotations

from typing import Optional

from extract.events.hypotheticals import counterfactual
from extract.events.lexicon import EventLexicon, Trigger
from extract.events.sides import international_word
from extract.events.text import after_conjunction, past_modifiers
from extract.text.document import Token, clause_start, without_possessive
from extract.text.lemmas import lemma


NOUN_PHRASE_REACH = 4   # modifiers between a negating determiner and its noun ("no emergency OPEC talks")


def _negated_phrase(tokens: list[Token], i: int, lex: EventLexicon, negator) -> bool:
    """A negating determiner opening the trigger noun's phrase past its modifiers ("no emergency
    OPEC talks", "kein weiteres offizielles Treffen"): only words, no preposition or comma between."""
    for k in range(i - 1, max(-1, i - 1 - NOUN_PHRASE_REACH), -1):
        t = tokens[k]
        if t.clause != tokens[i].clause or not t.text.isalpha():
            return False
        if negator(k):
            return True
        if t.low in lex.pp_openers or t.low in lex.coordinators or t.low in lex.articles:
            return False
    return False


_GENITIVE_REACH = 7  # words of a genitive phrase after a meeting noun: "a meeting of Suffolk Coastal UKIP members"
_DOUBT_REACH = 10  # words from an event noun to the predicate that doubts it ("imports from Algeria unlikely")


def negated(tokens: list[Token], i: int, trig: Trigger, lex: EventLexicon) -> bool:
    """An event the text says did not or will not happen: a negator just before the
    trigger ("kein Treffen", "did not meet", "never visited") or, where the verb comes
    second, just after it ("trafen sich nicht"); a verb that calls it off or refuses it
    near it in its clause ("verweigert Verhandlungen", "refused to meet", "Das Treffen wurde
    abgesagt")."""
    clause = tokens[i].clause

    def near(a: int, b: int):
        return (k for k in range(max(0, a), min(len(tokens), b)) if k != i and tokens[k].clause == clause)

    def negator(k: int) -> bool:  # "nicht nur", "not only" negate nothing
        return tokens[k].low in lex.negators and not (k + 1 < len(tokens) and tokens[k + 1].low in lex.restrictives)

    reach = 2 if trig.kind == "noun" else 3
    if any(negator(k) for k in near(i - reach, i)):
        return True
    if trig.kind == "noun" and _negated_phrase(tokens, i, lex, negator):
        return True
    if any(tokens[k].low in lex.doubt_words for k in near(i + 1, i + _DOUBT_REACH)):
        return True  # "LNG IMPORTS FROM ALGERIA UNLIKELY IN 1987", "ein Treffen gilt als unwahrscheinlich"
    if lex.verb_second and trig.kind != "noun" and any(negator(k) for k in near(i + 1, i + 4)):
        return True
    words = lex.refusals | lex.demands if trig.type == "meeting" else lex.refusals

    def refusal(k: int) -> bool:  # (or, of talks, a demand or offer: "called for talks", "das Gespräch suchen")
        low = tokens[k].low
        if lemma(low, lex.lang) in words or low in words:
            return True
        if k > 0 and f"{lemma(tokens[k - 1].low, lex.lang)} {low}" in words:
            return True  # "ruled out a meeting": a verb and its particle
        # "lehnte ... ab", "schließt ... aus": a separable verb with its particle later in the clause
        return any(tokens[p].low + lemma(low, lex.lang) in words for p in range(k + 1, len(tokens))
                   if tokens[p].clause == clause and tokens[p].low in lex.separable)


    head = i
    while head > 0 and i - head < 4 and tokens[head - 1].clause == clause \
            and (not lex.nouns_capitalised or tokens[head - 1].low in lex.articles
                 or not tokens[head - 1].text[:1].isupper()) \
            and not negator(head - 1) and not refusal(head - 1) and tokens[head - 1].low not in lex.plan_prepositions \
            and tokens[head - 1].low not in lex.pp_openers:
        head -= 1
        if not lex.nouns_capitalised and tokens[head].low in lex.articles:
            break  # an English phrase opens with its article ("after the talks": not "declined to comment after")
    if not lex.nouns_capitalised and tokens[head].low not in lex.articles:
        head = i
    if trig.kind != "noun" and not any(t.low in lex.articles for t in tokens[head:i]):
        head = i  # a verb ("did not meet"), not a noun's phrase ("ruled out a meeting", a gerund after "a")
    if head != i or trig.kind == "noun":  # the noun's phrase: "ohne vorher das Gespräch", "no plans for an emergency meeting"
        if head > 0 and negator(head - 1):
            return True
        if head > 2 and tokens[head - 1].low in lex.plan_prepositions and tokens[head - 2].low in lex.plan_nouns \
                and negator(head - 3):
            return True  # "no plans for a meeting", "keine Pläne für ein Treffen"

    if head != i and refusal(head - 1):
        return True  # "ruled out a meeting", "verweigert weitere Verhandlungen"
    if _refused_by_noun(tokens, i, lex, refusal):
        return True  # "the ban on arms exports", "ein Embargo für Waffenlieferungen"

    # the refusal governs the trigger: right before it ("verweigert Verhandlungen"), or
    # before "to" + verb ("refused to meet", "failed to agree"); where the verb comes
    # last, after it in its clause ("die Gespräche ... abgelehnt")
    if i >= 1 and tokens[i - 1].clause == clause and refusal(i - 1) \
            and lemma(tokens[i - 1].low, lex.lang) not in lex.verb_only_refusals:
        return True
    if i >= 2 and tokens[i - 1].low in lex.infinitive_markers and refusal(i - 2):
        return True
    if head > 0 and tokens[head - 1].low in lex.pp_openers:
        return False  # "Bei einem Sondertreffen ... lehnten sie ... ab": the clause's verb refuses something else
    return lex.verb_final and any(refusal(k) for k in near(i + 1, i + 9))


def _refused_by_noun(tokens: list[Token], i: int, lex: EventLexicon, refusal) -> bool:
    """A noun of prohibition or stopping, then one of ``refusal_prepositions``, then the trigger
    noun's phrase of at most three words ("the EU's ban on arms exports", "the suspension of
    deliveries", "ein Embargo für Waffenlieferungen")."""
    k = i - 1
    while k > 0 and i - k <= 3 and tokens[k].clause == tokens[i].clause and tokens[k].text.isalpha() \
            and tokens[k].low not in lex.refusal_prepositions and tokens[k].low not in lex.pp_openers:
        k -= 1
    return k > 0 and tokens[k].low in lex.refusal_prepositions and tokens[k - 1].clause == tokens[i].clause \
        and refusal(k - 1)


def domestic_body(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A session of one domestic body: the body names the meeting noun's compound
    ("Nationalratssitzung"), stands before it in its clause ("cabinet meeting", "the committee
    meets", "Der Gerichtshof hat ... in einer Sitzung entschieden"; German compounds by their
    head, "Landesregierung") or after it in the genitive ("Sitzung des Ausschusses", "meeting of
    the board")."""
    if not lex.domestic_bodies:
        return False
    low = tokens[i].low
    if low.rsplit("-", 1)[-1].endswith(lex.summit_nouns):
        return False  # "the European Council summit", "Ratsgipfel": states meet
    if lex.nouns_capitalised and any(low.startswith(b) and len(low) > len(b) + 3 for b in lex.domestic_bodies):
        return True
    # the sentence's subject opens it, after a dateline if there is one ("Wien – Der Oberste Gerichtshof (OGH) hat ...")
    first = next((k for k in range(len(tokens)) if tokens[k].clause != tokens[0].clause), len(tokens))
    opening = first if first <= _DATELINE_WORDS else 0  # a short first clause is a dateline ("Wien –")
    subject = set(range(min(_SUBJECT_OPENING, len(tokens)))) | set(range(opening, min(opening + _SUBJECT_OPENING, len(tokens))))
    hi = i + 4
    if i + 1 < len(tokens) and tokens[i + 1].low in lex.genitive_articles:  # "a meeting of Suffolk Coastal UKIP members":
        hi = i + 2                                                           # the genitive phrase to its head
        while hi < len(tokens) and hi - i <= _GENITIVE_REACH and tokens[hi].clause == tokens[i].clause \
                and tokens[hi].low not in lex.pp_openers and tokens[hi].text[:1].isalpha():
            hi += 1
        hi = max(hi, i + 4)
    reach = range(max(0, i - _BODY_REACH), min(len(tokens), hi))
    if not lex.nouns_capitalised:  # an English opening may be a quote's words ('"A flexible exchange rate ...," he told')
        subject &= set(reach)
    subject |= _antecedent(tokens, i, lex)
    session = low.rsplit("-", 1)[-1].endswith(lex.session_nouns)
    own_clause = after_conjunction(tokens, 0, i, lex)  # where the subordinate clause holding i starts
    near = [without_possessive(tokens[k].low).rsplit("-", 1)[-1] for k in sorted(subject | set(reach))
            if k != i and (k in subject or tokens[k].clause == tokens[i].clause)
            and (session or k < i or tokens[k - 1].low not in lex.locatives)
            and (k >= own_clause or k > i)]
    # (a body before a conjunction is another clause's: "after talks with the board the hospital
    #  waits until health chiefs meet")
    # (a body's name after a locative is where: "einer Zukunftskonferenz im Parlament"; "Sitzung im Parlament" is its sitting)
    # (a German subject counts at any distance: "Das Gericht, das ... aktiv wurde, will sich ... in einer
    #  Dringlichkeitssitzung mit dem Fall befassen")
    def international(j: int, k: int) -> bool:  # the body word at k or one of the three words before it
        return j >= 0 and tokens[j].clause == tokens[k].clause and international_word(tokens[j], lex)
    bodies = [k for k in range(max(0, i - _BODY_REACH), min(len(tokens), hi))
              if k == i or without_possessive(tokens[k].low).rsplit("-", 1)[-1] in lex.domestic_bodies]
    # (also one in the genitive after the noun: "a special meeting of the International Coffee Organization (ICO) council")
    if any(international(j, k) for k in bodies for j in (k, k - 1, k - 2, k - 3)):
        return False  # "The full ICO council is due to meet", "der Nato-Rat tagte": a session of states
    if lex.nouns_capitalised:  # a compound's head names the body too: "Landesregierung", "Verwaltungsgerichtshof"
        return any(w.endswith(b) and len(b) >= 5 or w == b for w in near for b in lex.domestic_bodies)
    return any(w in lex.domestic_bodies for w in near)


def _antecedent(tokens: list[Token], i: int, lex: EventLexicon) -> set[int]:
    """The word a relative clause holding ``i`` refers to ("die Entscheidung der Geschworenen,
    die sich nach Beratungen nicht einigen konnten"): the last word before the clause's
    relative pronoun, which is the clause's subject."""
    k = clause_start(tokens, i)
    if k == 0 or tokens[k].low not in lex.relative:
        return set()
    return {k - 1}


_SUBJECT_OPENING = 3  # the first words of the sentence: its subject, also before an aside in brackets
_DATELINE_WORDS = 3   # words of a dateline, a short first clause ("Wien –", "St. Pölten –")
_BODY_REACH = 10  # words back: the body as the clause's subject ("Der Oberste Gerichtshof (OGH) hat am
#                   Dienstag in einer nichtöffentlichen Sitzung entschieden")


def under_discussion(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """"als Nachfolger im Gespräch", "is in talks to buy", "in takeover talks": being talked
    about or negotiating, not a talk told of -- "im"/"in" before the noun (one lower-case
    modifier may stand between) and no partner ("mit", "with", "between") or venue ("in
    Geneva") after it."""
    if i == 0 or tokens[i].low not in lex.discussion_nouns:
        return False
    before = tokens[i - 1]
    if before.low not in lex.discussion_articles and not (
            i >= 2 and not before.cap and before.text.isalpha() and tokens[i - 2].low in lex.discussion_articles):
        return False
    return not any(t.low in lex.comitatives or t.low in lex.partner_words or t.low in lex.locatives
                   for t in tokens[i + 1:i + 4] if t.clause == tokens[i].clause)  # "in talks in Geneva": held there


def court_hearing(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A hearing in court, not a meeting: a talk noun of ``court_nouns`` in a sentence that names
    a court or its people (``court_words``, also as a compound's head: "Landesgericht",
    "Obersten Gerichtshofs"; "the court", "the judge")."""
    if tokens[i].low not in lex.court_nouns or not lex.court_words:
        return False
    def court(low: str) -> bool:  # German compounds end in the word ("Verfassungsgerichtshof")
        return low.rsplit("-", 1)[-1].endswith(lex.court_words) if lex.nouns_capitalised else low in lex.court_words
    return any(k != i and court(tokens[k].low) for k in range(len(tokens)))


def founded(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A meeting noun in the clause of a verb of founding names an institution ("Die
    Bilderberg-Konferenz wurde 1954 gegründet", "ins Leben gerufen", "was founded in 1971")."""
    if not lex.founding_words:
        return False
    clause = [tokens[k].low for k in range(len(tokens)) if tokens[k].clause == tokens[i].clause]
    text = " ".join(clause)
    return any(w in lex.founding_words or lemma(w, lex.lang) in lex.founding_words for w in clause) \
        or any(" " in w and w in text for w in lex.founding_words)


_OUTLET_REACH = 5  # words after "mit"/"with" that may name the outlet ("mit der ZiB2 des ORF-Fernsehens")


def interview(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """"im Gespräch mit dem STANDARD", "im STANDARD-Gespräch", "Mediengespräch", "press
    conference": a talk with the press is an interview (outlets and press words are data)."""
    low = tokens[i].low
    if "-" in low and low.split("-", 1)[0] in lex.media_words:
        return True
    if lex.nouns_capitalised and any(p in low[:-4] for p in lex.press_prefixes):
        return True  # a press word anywhere before the head: "Antrittspressekonferenz", "Fernsehdebatte"
    if i and tokens[i - 1].low in lex.press_prefixes and tokens[i - 1].clause == tokens[i].clause:
        return True
    if any(_media(t.low, lex) for t in tokens[max(0, i - 3):i] if t.clause == tokens[i].clause):
        return True  # "in dem am Donnerstag ausgestrahlten Gespräch", "a televised debate"
    for k in range(i + 1, min(len(tokens), i + 3)):
        if tokens[k].low in lex.comitatives:
            return any(_media(t.low, lex) for t in tokens[k + 1:k + 1 + _OUTLET_REACH] if t.clause == tokens[i].clause)
    return False


def _media(low: str, lex: EventLexicon) -> bool:
    """An outlet or press word, also as a part of a hyphenated name ("dpa-AFX") or as a
    compound's head ("Nachrichtenagentur")."""
    parts = low.split("-")
    return low in lex.media_words or parts[0] in lex.media_words or parts[-1] in lex.media_words or (
        lex.nouns_capitalised and any(parts[-1].endswith(w) for w in lex.media_words if len(w) >= 6))


def modality_cue(tokens: list[Token], i: int, lex: EventLexicon, noun: bool = False) -> Optional[str]:
    """"cancelled" when a verb near the trigger calls the event off ("Das Treffen wurde
    abgesagt", "postponed the visit"), "denied" when the sentence denies it before the
    trigger ("Moscow denied that weapons had been shipped"), else None."""
    clause = tokens[i].clause
    after = 8 if lex.verb_final or noun else 1  # "Das Treffen wurde abgesagt", "the summit was postponed"
    for k in range(max(0, i - 4), min(len(tokens), i + after)):
        if k != i and tokens[k].clause == clause and (
                lemma(tokens[k].low, lex.lang) in lex.cancellations or tokens[k].low in lex.cancellations):
            return "cancelled"
    for k in range(i):
        if (lemma(tokens[k].low, lex.lang) in lex.denials or tokens[k].low in lex.denials) and not any(
                tokens[j].low in lex.coordinators and tokens[j].clause != tokens[j - 1].clause for j in range(k + 1, i)):
            return "denied"  # (not across ", and": "Blair denied the claims, and before he left for Africa ...")
    return None


def possible(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """A chance, not an event: a modal of possibility right before the verb ("a distributor
    may import Mazda cars", "could soon ship") or, where verbs come last, anywhere in its clause
    before it ("Russland könnte im März Weizen liefern"); an adverb of possibility in the
    clause ("womöglich", "perhaps")."""
    modals, adverbs = lex.possibility_modals, lex.possibility_adverbs
    if not (modals or adverbs):
        return False
    clause = [k for k in range(len(tokens)) if tokens[k].clause == tokens[i].clause]
    if any(tokens[k].low in adverbs for k in clause):
        return True
    if lex.verb_final:
        return any(tokens[k].low in modals for k in clause if k < i)
    k = i - 1
    while k >= 0 and tokens[k].low in lex.modal_gap and tokens[k].clause == tokens[i].clause:
        k -= 1
    return k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low in modals


def undecided(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """An event in an open question before it in its clause: German "ob" ("entscheidet, ob
    Gespräche beginnen"), English "whether" with an infinitive ("will decide whether to begin
    entry talks"); "asked whether the talks had been useful" presupposes them, and so does a
    question about what is done at the event ("Ob das Abkommen beim EU-Gipfel nächste Woche
    beschlossen wird, ist unklar": the summit is the setting, in a prepositional phrase)."""
    if _in_prepositional_phrase(tokens, i, lex):
        return False
    for k in range(i - 1, -1, -1):
        if tokens[k].clause != tokens[i].clause:
            return False
        if tokens[k].low in lex.question_openers:
            return lex.verb_final or any(tokens[j].low in lex.infinitive_markers for j in range(k + 1, i))
    return False


def _in_prepositional_phrase(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """Whether the noun at ``i`` opens a prepositional phrase: one of ``pp_openers`` right
    before it, or before its article and up to two modifiers ("beim Gipfel", "at a monthly meeting")."""
    k = past_modifiers(tokens, i, lex)
    article = k >= 0 and tokens[k].low in lex.articles
    if article:
        k -= 1
    return k >= 0 and tokens[k].clause == tokens[i].clause and tokens[k].low in lex.pp_openers \
        and (article or tokens[k].low not in lex.infinitive_markers)  # ("whether to discuss": an infinitive)


def generic(tokens: list[Token], i: int, trig: Trigger, lex: EventLexicon) -> bool:
    """An event told as a kind, not as one that happened: a determiner of any-ness before the
    event noun past its modifiers ("any negotiations with Algeria would", "jede Lieferung von
    Waffen"), or, for a meeting, a word of recurrence in its clause ("would meet annually",
    "tagt regelmäßig")."""
    k = past_modifiers(tokens, i, lex)
    attributive = {j for j in range(k + 1, i)} if k >= 0 and tokens[k].low in lex.articles else set()
    if trig.type == "meeting" and any(t.low in lex.habitual_words or _occasions(tokens, j, lex) for j, t in enumerate(tokens)
                                      if t.clause == tokens[i].clause and j not in attributive):
        return True  # (but "at a monthly meeting of ministers on Monday" is one of them)
    for k in range(i - 1, max(-1, i - 1 - _CHANCE_REACH), -1):
        t = tokens[k]
        if t.clause != tokens[i].clause or not t.text.isalpha():
            return False
        if t.low in lex.earlier_words and not (k and (tokens[k - 1].low in lex.articles or tokens[k - 1].low in lex.determiners)):
            return True  # "Bei früheren Konferenzen", "at previous meetings": earlier ones, none told (not "an earlier meeting")
        if t.low in lex.generic_determiners:
            # (after a denial or negation "any" is no kind: "Iran has denied any arms shipments")
            return not any(tokens[j].low in lex.negators or lemma(tokens[j].low, lex.lang) in lex.denials | lex.refusals
                           for j in range(k) if tokens[j].clause == tokens[i].clause)
        if t.low in lex.articles or t.low in lex.pp_openers:
            return False
    return False


def _occasions(tokens: list[Token], j: int, lex: EventLexicon) -> bool:
    """A count of occasions: a noun of occasions after a number or a word of many, a word or two
    before ("on at least three occasions", "several times"): many meetings, none told as one."""
    return tokens[j].low in lex.occasion_nouns and any(
        lex.goods.is_number(tokens[k].low) or tokens[k].low in lex.many_words for k in range(max(0, j - 2), j))


_CHANCE_REACH = 3  # words before the noun (or the noun it is the complement of): "a possible new round of talks"


def possible_noun(tokens: list[Token], i: int, lex: EventLexicon) -> bool:
    """An adjective of possibility before the event noun at ``i``, or before the noun whose
    complement it is ("eine mögliche Wiederaufnahme der Gespräche", "a possible resumption of
    talks", "potential arms sales"): a chance, not an event."""
    head = i
    if i >= 2 and tokens[i - 1].low in lex.genitive_articles | lex.plan_prepositions and tokens[i - 2].clause == tokens[i].clause:
        head = i - 2  # "Wiederaufnahme der Gespräche", "resumption of talks"
    return any(tokens[k].low in lex.possibility_adjectives for k in range(max(0, head - _CHANCE_REACH), head + 1)
               if k != i and tokens[k].clause == tokens[i].clause) or \
        any(tokens[k].low in lex.possibility_adjectives for k in range(max(0, i - _CHANCE_REACH), i)
            if tokens[k].clause == tokens[i].clause)


_HAPPENING_REACH = 8  # words from an event noun to the verb of its happening ("the talks in Geneva did not take place")
_NEGATOR_REACH = 3    # words from a negator to that verb ("did not take place", "would not resume")


def happening_denied(tokens: list[Token], i: int, lex: EventLexicon, conditional: bool = False) -> bool:
    """Whether an event noun is the subject of a verb of happening that is negated or unreal
    ("The talks in Geneva did not take place", "the meeting never happened", "talks would not
    resume", "Das Treffen kam nicht zustande", "Die Gespräche finden am Montag nicht statt",
    "talks would have taken place if ..."); an outcome negated is no denial ("did not produce a
    deal", "brachten keinen Durchbruch": no verb of happening). ``conditional``: the clause is
    one of condition, and its verb of happening alone makes the event a supposition ("if the
    talks go ahead")."""
    if not lex.happening_words or not lex.clause_negators:
        return False
    clause = [k for k in range(i + 1, len(tokens)) if tokens[k].clause == tokens[i].clause]
    if not lex.verb_final:
        clause = [k for k in clause if k - i <= _HAPPENING_REACH]
    verbs = [k for k in clause if tokens[k].low in lex.happening_words
             or lemma(tokens[k].low, lex.lang) in lex.happening_words]
    if not verbs:
        return False
    if conditional or counterfactual(tokens, i, lex):
        return True
    if lex.verb_final:  # the negator anywhere after the noun ("finden am Montag nicht statt")
        return any(tokens[k].low in lex.clause_negators for k in clause if k < verbs[-1])
    return any(tokens[k].low in lex.clause_negators for v in verbs for k in range(max(i + 1, v - _NEGATOR_REACH), v))
