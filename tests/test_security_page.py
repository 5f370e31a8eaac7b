"""Output safety: hostile article text, titles, URLs, place and file names never
become markup, links or formulas on the page, the map or the downloads."""
from __future__ import annotations

import json
import os
import re
import sqlite3
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as hs
from markdown_it import MarkdownIt
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1 import app_test as app_test_module

import hostile
from store import Store
from test_app import SUBMIT_INGEST, _KeepingStorage, run as _run
from viz import build_map
from viz.escape import html_text, md_text, visible
from viz.popups import popup_fields
from viz.table import events_frame, parse_csv

# Streamlit renders markdown with CommonMark (+GFM); allow raw HTML here to
# see what would happen in the worst case (unsafe_allow_html=True).
MD = MarkdownIt("commonmark", {"html": True})
MARKDOWN_KINDS = ("markdown", "caption", "error", "warning", "info", "success", "title",
                  "header", "subheader", "toast", "text")
MARK_TAG = re.compile(r"<mark class=lb-(?:trigger|place|date|actor)>|</mark>")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


# --- the escaping functions -------------------------------------------------

@pytest.mark.parametrize("raw, shown", [
    ("invoice\u202etxt.exe", "invoice[U+202E]txt.exe"),
    ("a\u2066b\u2069c\u200fd", "a[U+2066]b[U+2069]c[U+200F]d"),
    ("bell\x07nul\x00esc\x1b", "bell nul esc "),
    ("tab\tand\nnewline", "tab\tand\nnewline"),
    (None, ""),
    (3.5, "3.5"),
])
def test_visible(raw, shown):
    assert visible(raw) == shown


@pytest.mark.parametrize("payload", hostile.PAYLOADS)
def test_html_text_has_no_markup(payload):
    out = html_text(payload)
    assert not set(out) & set("<>\"'`$\\")
    assert "\u202e" not in out


@pytest.mark.parametrize("payload", [*hostile.PAYLOADS, hostile.FILE_NAME,
                                     "# heading", "> quote", "1. list", "- item", "***",
                                     "`code`", "![img](x)", "<https://evil.example>",
                                     "&lt;script&gt;", "a  \nb", "| a | b |\n|---|---|"])
def test_md_text_renders_literally(payload):
    rendered = MD.render(md_text(payload))
    assert hostile.html_problems(rendered) == []
    assert re.fullmatch(r"<p>.*</p>\n", rendered, flags=re.S), rendered


@settings(max_examples=300, deadline=None)
@given(hs.text(alphabet=hs.characters(codec="utf-8", exclude_categories=("Cs", "Zl", "Zp"),
                                      exclude_characters="\n\r\x0b\x0c\x1c\x1d\x1e\x85"),
               min_size=1))
def test_md_text_shows_exactly_the_text(text):
    """Whatever the text, markdown shows it character for character."""
    import html
    rendered = MD.render(md_text(text))
    inner = re.sub(r"<br />\n?", " ", rendered.removeprefix("<p>").removesuffix("</p>\n"))
    assert "<" not in inner
    assert " ".join(html.unescape(inner).split()) == " ".join(visible(text).split())


# --- the map ----------------------------------------------------------------

@pytest.fixture
def hostile_store(tmp_path):
    folder = tmp_path / hostile.IMG  # the store's path is shown in a caption
    folder.mkdir()
    store = Store(folder / "hostile.sqlite3")
    for doc in hostile.DOCS:
        store.ingest(doc, f"text of {doc['id']}")
    return store


def test_map_of_hostile_events_has_no_markup(hostile_store):
    events = hostile_store.events()
    assert sorted(e["id"] for e in events) == sorted(hostile.EVENT_IDS)
    page = build_map(events, places=hostile_store.places()).get_root().render()
    assert hostile.html_problems(page) == []
    marked = hostile.popup_values(page)
    # the marks of viz.evidence are the only tags in a value; all else is escaped text
    assert any("<mark class=lb-trigger>&lt;script&gt;" in v for v in marked)
    assert any("<mark class=lb-place>invoice[U+202E]txt.exe" in v for v in marked)
    values = [MARK_TAG.sub("", v) for v in marked]
    assert not [v for v in values if set(v) & set("<>\"'`\\") or "\u202e" in v]
    # not vacuous: the payloads are there, as text
    assert any("&lt;script&gt;alert(&#x27;script&#x27;)&lt;/script&gt;" in v for v in values)
    assert any("invoice[U+202E]txt.exe" in v for v in values)
    assert "&lt;img src=x onerror=alert(&#x27;img&#x27;)&gt; (UA) – mentioned" in page
    assert "&#92;u003cimg src=x" in page  # a JS escape stays text in the tooltip


def test_popup_links_only_http(hostile_store):
    by_id = {e["id"]: popup_fields(e) for e in hostile_store.events()}
    js = by_id["ev-x-meet"]
    assert "u" not in js  # javascript: is not a link ...
    assert js["x"] == "javascript:alert(&#x27;url&#x27;)"  # ... it is shown as text
    web = by_id["ev-x-type"]
    assert web["u"].startswith("https://example.org/ok?a=1&amp;b=&quot;&gt;&lt;script")
    assert "x" not in web


def test_hostile_legend_and_mode():
    page = build_map([hostile.SHIPMENT]).get_root().render()
    # a mode the map does not know draws no leg of its own (viz.legs) and is no
    # legend row; the popup's Modes row shows it, escaped, then JSON-encoded
    assert "shipment by &lt;img" not in page and "shipment by <img" not in page
    assert "\\u0026lt;img src=x onerror=alert(\\u0026#x27;img\\u0026#x27;)\\u0026gt;, sea" in page
    assert hostile.html_problems(page) == []


def test_table_shows_bidi_controls(hostile_store):
    frame = events_frame(hostile_store.events()).set_index("id")
    assert "invoice[U+202E]txt.exe" in frame.loc["ev-x-meet", "actors"]
    assert not frame.drop(columns=["confidence"]).astype(str).apply(
        lambda col: col.str.contains("\u202e")).any().any()


# --- the page (AppTest) -------------------------------------------------------

@pytest.fixture
def page_db(hostile_store, monkeypatch):
    monkeypatch.setenv("LAGEBILD_DB", str(hostile_store.path))
    monkeypatch.setattr(app_test_module, "MemoryMediaFileStorage", _KeepingStorage)
    return hostile_store


def _markdown_bodies(at: AppTest) -> list[str]:
    bodies = []
    for kind in MARKDOWN_KINDS:
        bodies += [str(el.value) for el in at.get(kind)]
    return bodies


def _assert_markdown_clean(at: AppTest) -> None:
    bodies = _markdown_bodies(at)
    assert bodies, "no markdown element rendered"
    for body in bodies:
        rendered = MD.render(body)
        assert hostile.html_problems(rendered) == [], body
        assert "\u202e" not in body
        for raw in ("<script", "<img", "<svg", "](javascript:"):
            assert raw not in body, body


def _download(at: AppTest, label: str) -> bytes:
    button = next(b for b in at.get("download_button") if b.proto.label == label)
    file_id = button.proto.url.rsplit("/", 1)[-1].split(".")[0]
    return _KeepingStorage.served[file_id]


def test_page_with_hostile_store(app_file, page_db):
    at = _run(AppTest.from_file(app_file, default_timeout=60))
    assert sorted(at.dataframe[0].value["id"]) == sorted(hostile.EVENT_IDS)
    assert hostile.IMG not in at.caption[0].value  # the path is shown escaped
    _assert_markdown_clean(at)
    for key in ("f_actors", "f_places", "f_sources", "f_types"):
        options = at.multiselect(key=key).options
        assert options and not any("\u202e" in o for o in options), key
    # select every hostile filter value once: the page still renders cleanly
    at.multiselect(key="f_types").set_value([hostile.SVG])
    _run(at)
    assert list(at.dataframe[0].value["id"]) == ["ev-x-type"]
    _assert_markdown_clean(at)


def test_picked_hostile_evidence_is_marked_text(app_file, page_db):
    """The pick banner quotes the hostile sentence with its marks (viz.evidence): the marks
    are the only HTML; the payloads, the RTL override and a hostile mark kind stay text."""
    at = _run(AppTest.from_file(app_file, default_timeout=60))
    at.session_state["map_pick"] = ["ev-x-meet", "ev-x-ship", "ev-x-type"]
    _run(at)
    _assert_markdown_clean(at)
    quotes = [b for b in _markdown_bodies(at) if b.startswith("**") and "  \n" in b]
    assert len(quotes) == 3
    rendered = MD.render(next(q for q in quotes if "lb-trigger" in q))
    assert "<mark class=lb-trigger>&lt;script&gt;alert" in rendered
    assert "<mark class=lb-place>invoice[U+202E]txt.exe" in rendered
    assert not re.findall(r"<(?!/?(?:mark|p|strong|br)\b)", rendered), rendered
    assert "kind" not in rendered  # the hostile kind named no class


def test_bad_coordinates_warning_is_escaped(app_file, page_db):
    bad = dict(hostile.ODD_TYPE, id="ev-x-bad",
               location=dict(hostile.PLACE_IMG, name=hostile.MD_LINK + hostile.IMG, lat=999))
    page_db.ingest(dict(hostile.DOCS[1], id="x-doc-3", events=[bad]), "bad coordinates")
    at = _run(AppTest.from_file(app_file, default_timeout=60))
    warnings = [w.value for w in at.warning if w.value.startswith("Not drawn")]
    assert len(warnings) == 1 and "999" in warnings[0]
    _assert_markdown_clean(at)


def test_csv_and_geojson_downloads_of_hostile_events(app_file, page_db):
    at = _run(AppTest.from_file(app_file, default_timeout=60))
    rows = parse_csv(_download(at, "Download CSV").decode("utf-8"))
    assert sorted(r["event_id"] for r in rows) == sorted(hostile.EVENT_IDS)
    for row in rows:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_START), (column, cell)
    ship = next(r for r in rows if r["event_id"] == "ev-x-ship")
    assert ship["cargo"] == "'" + hostile.FORMULA
    assert ship["actors"].startswith("'=HYPERLINK")

    data = json.loads(_download(at, "Download GeoJSON").decode("utf-8"))
    assert data["type"] == "FeatureCollection"
    assert len(data["features"]) == len(hostile.EVENT_IDS)
    for feature in data["features"]:
        geom = feature["geometry"]
        points = [geom["coordinates"]] if geom["type"] == "Point" else geom["coordinates"]
        assert geom["type"] in ("Point", "LineString")
        assert all(-180 <= lon <= 180 and -90 <= lat <= 90 for lon, lat in points)
    # GeoJSON is data: the text is kept as it was (a consumer escapes it)
    meet = next(f for f in data["features"] if f["properties"]["id"] == "ev-x-meet")
    assert hostile.SCRIPT in meet["properties"]["actors"]


def test_upload_bad_and_good_files_at_once(app_file, page_db, monkeypatch):
    """A binary and an empty file are named with their reason; the good one is stored."""
    at = _run(AppTest.from_file(app_file, default_timeout=180))
    good = ("Am 12. September 2023 traf sich der russische Präsident Wladimir Putin mit "
            "Kim Jong Un im Kosmodrom Wostotschny.").encode("utf-8")
    at.file_uploader(key="in_files").set_value([
        ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8,
         "text/plain"),
        ("empty.txt", b"", "text/plain"),
        (hostile.FILE_NAME, b"", "text/plain"),
        ("good.txt", good, "text/plain"),
    ])
    at.date_input(key="in_date").set_value(__import__("datetime").date(2023, 9, 15))
    at.button(key=SUBMIT_INGEST).click()
    _run(at)
    errors = [e.value for e in at.error]
    assert any(e.startswith("binary\\.txt\\:") and "binary" in e.split(":", 1)[1]
               for e in errors), errors
    assert any(e.startswith("empty\\.txt\\:") and "empty" in e for e in errors), errors
    assert any("onerror" in e and "&lt;img" in e for e in errors), errors  # named, escaped
    assert any(s.value.startswith("good\\.txt\\:") for s in at.success), [
        s.value for s in at.success]
    _assert_markdown_clean(at)
    titles = {d["title"] for d in page_db.documents()}
    assert "good.txt" in titles and not any("binary" in str(t) for t in titles)


# --- files on disk are the owner's only --------------------------------------

@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_store_files_are_private(tmp_path, umask):
    old = os.umask(umask)
    try:
        path = tmp_path / "new" / "store.sqlite3"
        store = Store(path)
        keep = sqlite3.connect(path)  # keeps -wal and -shm in place
        keep.execute("SELECT count(*) FROM documents").fetchone()
        store.ingest(hostile.DOCS[0], "text")
        files = [path, Path(f"{path}-wal"), Path(f"{path}-shm")]
        modes = {p.name: oct(stat.S_IMODE(p.stat().st_mode)) for p in files if p.exists()}
        keep.close()
    finally:
        os.umask(old)
    assert set(modes) == {"store.sqlite3", "store.sqlite3-wal", "store.sqlite3-shm"}
    assert set(modes.values()) == {"0o600"}, modes
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("umask", [0o022, 0o000])
def test_gazetteer_cache_is_private(tmp_path, umask):
    from geo.gazetteer import Gazetteer
    old = os.umask(umask)
    try:
        target = tmp_path / "cache" / "gazetteer-test.pickle"
        Gazetteer._write(target, {"name": []})
    finally:
        os.umask(old)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert stat.S_IMODE(target.parent.stat().st_mode) == 0o700
