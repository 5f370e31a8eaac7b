"""First contact: the header line (what the page is, articles and sources, last
ingest, the span of the events in view) and "Add articles" reachable from the top --
the pure text (page.header.header_text) and the page through AppTest."""
from __future__ import annotations

import re

import pytest
from streamlit.testing.v1 import AppTest

from page.header import TAGLINE, header_text
from test_app import SUBMIT_INGEST, db, run  # noqa: F401  (db is a fixture)

FACETS = {"n_documents": 5, "n_sources": 2, "n_unlinked": 1,
          "last_ingest": "2026-12-02T13:20:05+00:00"}
SPAN = {"first": "2023-07-01", "last": "2024-10-07", "undated": 0}

# --- the header text ---------------------------------------------------------

HEADER_CASES = [
    # (facets, span, parts the line holds after the tagline)
    (FACETS, SPAN, ["5 articles from 2 sources (1 without a web address)",
                    "last ingest 2026-12-02 13:20 UTC",
                    "events in view: 2023-07-01 – 2024-10-07"]),
    # one of each: singular words; a one-day span is one date; no unlinked note
    ({"n_documents": 1, "n_sources": 1, "n_unlinked": 0, "last_ingest": "2024-01-01T08:00:00+00:00"},
     {"first": "2023-09-07", "last": "2023-09-07"},
     ["1 article from 1 source", "last ingest 2024-01-01 08:00 UTC", "events in view: 2023-09-07"]),
    # a timestamp in another zone is shown in UTC
    ({**FACETS, "last_ingest": "2024-01-01T10:30:00+02:00"}, SPAN,
     ["5 articles from 2 sources (1 without a web address)", "last ingest 2024-01-01 08:30 UTC",
      "events in view: 2023-07-01 – 2024-10-07"]),
    # an empty store: nothing ingested, nothing dated
    ({"n_documents": 0, "n_sources": 0, "n_unlinked": 0, "last_ingest": None},
     {"first": None, "last": None}, ["0 articles from 0 sources", "no dated events in view"]),
]

# stored values that are not dates never reach the page's text
HOSTILE_SPANS = [
    {"first": "<img src=x onerror=alert(1)>", "last": "2024-01-01"},
    {"first": "2023-01-01", "last": "**bold** [x](javascript:alert(1))"},
]


@pytest.mark.parametrize("facets, span, parts", HEADER_CASES)
def test_header_text(facets, span, parts):
    assert header_text(facets, span).split(" · ") == [TAGLINE, *parts]


@pytest.mark.parametrize("span", HOSTILE_SPANS)
def test_header_shows_only_dates(span):
    text = header_text(FACETS, span)
    assert text.endswith("no dated events in view")
    assert not set(text) & set("<>*[]") and "javascript" not in text and "img" not in text


def test_header_ignores_a_bad_timestamp():
    assert "last ingest" not in header_text({**FACETS, "last_ingest": "<b>soon</b>"}, SPAN)


# --- the page ----------------------------------------------------------------

def _walk(block):
    for child in getattr(block, "children", {}).values():
        yield child
        yield from _walk(child)


def _header(at: AppTest) -> str:
    return next(m.value for m in at.markdown if m.value.startswith(TAGLINE))


def test_header_line_on_the_page(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    assert _header(at) == " · ".join([
        TAGLINE, "2 articles from 1 source (1 without a web address)",
        re.search(r"last ingest [\d-]+ [\d:]+ UTC", _header(at)).group(),
        "events in view: 2023-07-01 – 2023-10-01"])
    # the span follows the filters: only the meeting's month
    at.text_input(key="f_text").input("Kim")
    run(at)
    assert _header(at).endswith("events in view: 2023-09-01 – 2023-09-30")
    at.multiselect(key="f_types").set_value(["nothing-of-this-type"])
    run(at)
    assert _header(at).endswith("no dated events in view")


def test_add_articles_is_at_the_top(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    main = list(_walk(at.main))
    kinds = [type(e).__name__ for e in main]
    add = next(i for i, e in enumerate(main)
               if type(e).__name__ == "Expander" and e.label == "Add articles")
    header = next(i for i, e in enumerate(main)
                  if getattr(e, "value", None) and str(e.value).startswith(TAGLINE))
    count = next(i for i, e in enumerate(main)
                 if kinds[i] == "Caption" and "of 4 events" in e.value)
    assert header < add < count          # right under the header line, above map and table
    assert [e.label for e in at.expander].count("Add articles") == 1
    # collapsed on a filled store; the form inside it works from there
    expander = main[add]
    assert expander.proto.expanded is False
    at.text_area(key="in_text").input("")
    at.button(key=SUBMIT_INGEST).click()
    run(at)
    assert any("Paste a text or choose files first." in i.value for i in at.info)
    # after a submission the panel stays open on its message
    add_now = next(e for e in _walk(at.main)
                   if type(e).__name__ == "Expander" and e.label == "Add articles")
    assert add_now.proto.expanded is True
