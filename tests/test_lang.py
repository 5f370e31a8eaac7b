"""Per-document language detection (extract/lang.py) and sentence offsets (extract/nlp.py)."""
import pytest

from extract.text.lang import detect_language
from extract.text.nlp import get_nlp, sentence_spans

LANG = [
    ("Der Minister besuchte am Freitag Kiew und sprach mit dem Präsidenten.", "de"),
    ("Die Lieferungen wurden per Schiff nach Russland gebracht.", "de"),
    ("Nordkorea hat Munition geliefert, sagte ein Sprecher.", "de"),
    ("The minister visited Kyiv on Friday and met the president.", "en"),
    ("Shipments were sent by rail to a depot near the border.", "en"),
    ("North Korea delivered ammunition, a spokesman said.", "en"),
    ("Pjöngjang – Tichorezk", "de"),          # no function words: German letters decide
    ("Kyiv - Moscow", "en"),                  # no evidence: the default
]


@pytest.mark.parametrize("text,lang", LANG)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


@pytest.mark.parametrize("lang,text", [
    ("de", "Erster Satz. Zweiter Satz mit Kiew.\n\nDritter Satz!  "),
    ("en", "First sentence. Second one in Kyiv.\nThird one?"),
])
def test_sentence_spans_cover_the_sentences(lang, text):
    spans = sentence_spans(get_nlp(lang)(text))
    assert len(spans) == 3
    assert all(text[a:b] == text[a:b].strip() and text[a:b] for a, b in spans)
    assert spans == sorted(spans)


def test_unsupported_language_is_refused():
    with pytest.raises(ValueError):
        get_nlp("fr")
