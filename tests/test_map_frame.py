"""page.map_frame sends the component what st_folium would for the same map,
and builds a map once per content (its payload cached by a content digest)."""
from __future__ import annotations

import pytest
import streamlit_folium as sf

from page import map_frame as mf
from store.synthetic import synthetic_documents
from test_export import HOSTILE, MADRID, MEETING, SHIPMENT, UNPLACED
from viz import build_map

SYNTHETIC = [e for d in synthetic_documents(400) for e in d["events"]]
UNDATED = dict(MEETING, id="undated-1", date_start=None, date_end=None, date_precision=None)

CASES = [  # (name, events, build_map options)
    ("contract events", [SHIPMENT, MEETING, HOSTILE, UNPLACED], {"places": [MADRID]}),
    ("highlighted shipment", [SHIPMENT, MEETING], {"highlight_id": SHIPMENT["id"]}),
    ("undated, web tiles", [UNDATED, MEETING], {"basemap": "osm"}),
    ("400 synthetic: canvas, clustered", SYNTHETIC, {"label_lang": "de"}),
    ("no events", [], {}),
]


@pytest.fixture
def sent(monkeypatch):
    calls: list[dict] = []
    monkeypatch.setattr(sf, "_component_func", lambda **kw: calls.append(kw) or kw["default"])
    return calls


@pytest.mark.parametrize("name,events,opts", CASES, ids=[c[0] for c in CASES])
def test_same_arguments_as_st_folium(sent, name, events, opts):
    sf.st_folium(build_map(events, strict=False, **opts), key="map",
                 returned_objects=["last_object_clicked"], height=520, use_container_width=True)
    mf.map_frame(lambda: build_map(events, strict=False, **opts),
                 mf.content_key(name, events, opts), key="map", height=520)
    theirs, ours = ({k: v for k, v in call.items() if k != "on_change"} for call in sent)
    assert ours == theirs


def test_payload_built_once_per_content(sent):
    builds: list[int] = []

    def build(events):
        builds.append(len(events))
        return build_map(events)

    for events in ([MEETING], [MEETING], [MEETING, SHIPMENT], [MEETING]):
        mf.map_frame(lambda: build(events), mf.content_key("once", events))
    assert builds == [1, 2]
    assert sent[0]["key"] == sent[1]["key"] == sent[3]["key"] != sent[2]["key"]


@pytest.mark.parametrize("a,b,same", [
    (([MEETING], "offline"), ([MEETING], "offline"), True),
    (([MEETING], "offline"), ([MEETING], "osm"), False),
    (([MEETING], "offline"), ([dict(MEETING, evidence="changed")], "offline"), False),
    (([MEETING, SHIPMENT], None), ([SHIPMENT, MEETING], None), False),  # drawing order
])
def test_content_key(a, b, same):
    assert (mf.content_key(*a) == mf.content_key(*b)) is same
