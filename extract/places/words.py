"""How common a word is, and the word-level reasons a capitalised word is no place: an
inflected common noun ("Zelten"), an office's field ("Ministry of Commerce")."""
from __future__ import annotations

from functools import lru_cache

from wordfreq import zipf_frequency

from extract.lexicon import PlaceCues
from extract.text.document import Piece
from extract.text.lemmas import lemma

INFLECTED_MIN_ZIPF = 3.0  # an inflected form's lemma at least this common is a common noun
OFFICE_FIELD_MIN_ZIPF = 3.5    # 'commerce' 4.4, 'justice' 5.0: a common word ...
OFFICE_FIELD_MAX_POP = 100_000  # ... and a small town of that name (Commerce, CA): the office's field


@lru_cache(maxsize=200_000)
def commonness(word: str, lang: str) -> float:
    """Zipf frequency (0..8) of a word or phrase in ``lang``."""
    return zipf_frequency(word.lower(), lang)


@lru_cache(maxsize=2)
def stop_words(lang: str) -> frozenset[str]:
    """spaCy's stop-word list for ``lang``."""
    from spacy.util import get_lang_class

    return frozenset(get_lang_class(lang).Defaults.stop_words)


def inflected_common_noun(form: str, lang: str) -> bool:
    """Whether a word is an inflected form of a common word ("Zelten" of "Zelt", "Dächern" of
    "Dach"): place names do not inflect, but for the genitive -s ("Chinas", "Kiews")."""
    low = form.lower()
    base = lemma(form, lang)
    return base != low and low != base + "s" and commonness(base, lang) >= INFLECTED_MIN_ZIPF


def office_field(pieces: list[Piece], i: int, form: str, population: int, lang: str, cues: PlaceCues) -> bool:
    """Whether the name at piece ``i`` is the field of an office before it ("Ministry of
    Commerce", "Department of Justice"): a common word there, and only a small town of the name."""
    prev = pieces[i - 1] if i > 0 and pieces[i - 1].sent == pieces[i].sent else None
    return prev is not None and prev.lower in cues.office_links and i >= 2 \
        and pieces[i - 2].sent == pieces[i].sent and pieces[i - 2].lower in cues.office_heads \
        and population < OFFICE_FIELD_MAX_POP and commonness(form, lang) >= OFFICE_FIELD_MIN_ZIPF
