"""What the reading tables of issue 13 ask of one sentence: its events, and a place's name
folded to ASCII lower case ("Kiew" and "Kyiv" compare as "kyiv")."""
import datetime as dt

from geo.translit import fold

DOC_DATE = {"de": "2016-02-16", "en": "2005-02-15"}  # a Tuesday in each corpus's years


def events_of(pipeline, text, lang, doc_date=None):
    doc = pipeline.process(text, doc_id="t", doc_date=dt.date.fromisoformat(doc_date or DOC_DATE[lang]), lang=lang)
    return doc.events


def place(p):
    return fold(p.name) if p else None
