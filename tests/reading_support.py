"""What the reading tables of issue 13 (tests/test_event_readings*.py) ask of one sentence: its
events on a publication date (a Tuesday unless given), and a place's name folded to ASCII
lower case ("Kiew" and "Kyiv" compare as "kyiv")."""
import datetime as dt

from geo.translit import fold

TUESDAY = "2005-02-15"


def events_of(pipeline, text, lang, doc_date=TUESDAY):
    doc = pipeline.process(text, doc_id="t", doc_date=dt.date.fromisoformat(doc_date), lang=lang)
    return doc.events


def place(p):
    return fold(p.name) if p else None
