"""The document layers (extract.text.document): made once, read per sentence."""
import pytest

from extract.text.document import TextDoc, tokenize
from extract.text.nlp import get_nlp

TEXTS = [
    ("de", "Am Freitag traf Scholz in Paris Macron. Danach, so hieß es, reiste er – ohne Pause – weiter."),
    ("en", "U.S. officials said (on Monday) that 1,500 tonnes left Odessa; the ship reached Istanbul."),
    ("de", "Der US-Beamte sagte: „Die Lieferung kam an.“ Sie kam per Zug."),
]


@pytest.mark.parametrize("lang,text", TEXTS)
def test_sentence_tokens_equal_a_fresh_tokenisation(lang, text):
    tdoc = TextDoc.read(text, lang, get_nlp(lang)(text))
    for s, e in tdoc.sentences:
        got, fresh = tdoc.tokens_in(s, e), tokenize(text, s, e)
        assert [(t.text, t.start) for t in got] == [(t.text, t.start) for t in fresh]
        # clause numbers are counted from the text's start: only their differences matter
        assert [t.clause - got[0].clause for t in got] == [t.clause - fresh[0].clause for t in fresh]


def test_pieces_cut_hyphens_and_number_sentences():
    text = "Der US-Beamte kam. Dann ging er."
    tdoc = TextDoc.read(text, "de", get_nlp("de")(text))
    assert [p.text for p in tdoc.pieces][:4] == ["Der", "US", "-", "Beamte"]
    assert {p.sent for p in tdoc.pieces} == {0, 1}


@pytest.mark.parametrize("lang,text", TEXTS + [
    ("en", "Hello.  World!? (Yes.) \"Quoted.\" Next... end"),
    ("de", "Er kam am 3. Oktober.\n\nDann ging er! Wirklich?"),
    ("en", "."), ("en", ""), ("en", "   "),
])
def test_tokenizer_only_reading_gives_the_sentencizer_layers(lang, text):
    """parse() skips spaCy's sentencizer and applies its rule to the token arrays."""
    from extract.text.nlp import parse
    full, fast = TextDoc.read(text, lang, get_nlp(lang)(text)), TextDoc.read(text, lang, parse(lang, text))
    assert fast.sentences == full.sentences
    assert fast.pieces == full.pieces


def test_a_year_with_its_full_stop_ends_a_german_sentence():
    # German reads "2006." as one (ordinal) token; a capital word after a four-digit year starts anew,
    # a day before a month does not
    from extract.text.nlp import parse, sentence_spans
    text = "Das Urteil stammt aus dem Jahr 2006. Der Gerichtshof tagte am 3. Oktober in Wien."
    spans = sentence_spans(parse("de", text), text)
    assert [text[s:e].strip() for s, e in spans] == ["Das Urteil stammt aus dem Jahr 2006.",
                                                      "Der Gerichtshof tagte am 3. Oktober in Wien."]


@pytest.mark.parametrize("text,same", [
    ("ein Gipfeltreffen der Afrikanischen Union (AU) in Johannesburg", True),
    ("vor dem UNO-Menschenrechtsrat (UNHRC) in Genf", True),
    ("der Minister (er war zuvor Botschafter) reiste nach Rom", False),
])
def test_a_short_name_in_brackets_stays_in_its_clause(text, same):
    tokens = tokenize(text, 0, len(text))
    assert (tokens[0].clause == tokens[-1].clause) == same
    assert all(t.text not in "()" for t in tokens) or not same
