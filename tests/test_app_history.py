"""The living dataset on the page: the history under the correction form, the
"Changes since" download, the last ingest in the header and "Check folder now"
(AppTest on a temporary store), and the pure text behind them."""
from __future__ import annotations

import copy
import csv
import datetime as dt
import io

import pytest
from streamlit.testing.v1 import AppTest

import store.ingest as store_ingest
from page.header import TAGLINE
from page.history_view import history_lines, history_markdown, stamps_line
from records.changes import change_row, changes_csv, entry_text, value_text
from store import IngestRun, Store
from test_app import db, run  # noqa: F401  (db is a fixture)
from test_export import DOCS, HOSTILE, RAJIN
from viz.escape import md_text
from test_watch import TEXT_A, warm  # noqa: F401  (warm is a fixture)

EVIL = "<b>Evil</b> **x** [y](javascript:alert(1))"


def _markdown(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def _history(at: AppTest) -> str:
    texts = _markdown(at)
    return texts[texts.index("**History**") + 1]


def _open_on(app_file, event_id) -> AppTest:
    at = run(AppTest.from_file(app_file, default_timeout=90))
    at.selectbox(key="edit_event").set_value(event_id)
    return run(at)


# --- the history under the correction form -----------------------------------------

def test_history_under_the_form_lists_edits_and_re_extractions(app_file, db):
    store = Store(db)
    store.edit("ev-meet", {"type": "visit"}, author="ana")
    changed = copy.deepcopy(DOCS[0])
    changed["events"][1]["actors"] = [EVIL]           # a re-extraction with hostile text
    store.ingest(changed, "text of seed-de, again")
    at = _open_on(app_file, "ev-meet")
    shown = _history(at)
    assert shown.startswith("First stored ")
    lines = shown.split("\n\n", 1)[1].split("\n")
    assert len(lines) == 2 and all(line.startswith("- ") for line in lines)
    assert md_text(" · ana · type: meeting -> visit") in lines[0]
    assert md_text(" · pipeline · actors: Kim Jong Un, Wladimir Putin -> ") in lines[1]
    # the hostile actor is shown literally: no tag, link or emphasis reaches the page
    assert "<b>" not in shown and "](" not in shown and "**x" not in shown
    assert "&lt;b&gt;Evil&lt;/b&gt; \\*\\*x\\*\\*" in shown
    # a correction saved on the page joins the list at once
    at.selectbox(key="edit_prec_ev-meet").set_value("day")
    at.button(key="edit_save").click()
    run(at)
    assert md_text("analyst · date_precision: month -> day") in _history(at)


def test_an_event_never_changed_says_so(app_file, db):
    shown = _history(_open_on(app_file, "ev-ship"))
    assert shown.endswith("No edits or re-extractions yet.")


ENTRY = {"at": "2026-11-02T10:00:00+00:00", "author": "ana", "kind": "edit",
         "action": "edited", "field": "cargo", "old": "Munition", "new": "Raketen"}

LINE_CASES = [
    # (entries, lines)
    ([ENTRY], ["2026-11-02 10:00 UTC · ana · cargo: Munition -> Raketen"]),
    ([dict(ENTRY, author=None)], ["2026-11-02 10:00 UTC · analyst · cargo: Munition -> Raketen"]),
    ([dict(ENTRY, kind="pipeline", action="removed", field=None, author="pipeline")],
     ["2026-11-02 10:00 UTC · pipeline · removed by a re-extraction"]),
    ([dict(ENTRY, field="origin", old=None, new=RAJIN)],
     ["2026-11-02 10:00 UTC · ana · origin: (none) -> Rajin"]),
    ([dict(ENTRY, field="reviewed", old=None, new=True)],
     ["2026-11-02 10:00 UTC · ana · confirmed as it is"]),
    ([dict(ENTRY, old="x" * 200)],
     ["2026-11-02 10:00 UTC · ana · cargo: " + "x" * 59 + "… -> Raketen"]),
    # the latest twelve, after a count of the earlier ones
    ([dict(ENTRY, new=str(i)) for i in range(14)],
     ["… 2 earlier change(s)"] + [f"2026-11-02 10:00 UTC · ana · cargo: Munition -> {i}"
                                  for i in range(2, 14)]),
]


@pytest.mark.parametrize("entries, lines", LINE_CASES)
def test_history_lines(entries, lines):
    assert history_lines(entries) == lines


@pytest.mark.parametrize("event, line", [
    ({"created": "2026-11-01T10:00:00+00:00", "updated": "2026-11-01T10:00:00+00:00"},
     "First stored 2026-11-01 10:00 UTC"),
    ({"created": "2026-11-01T10:00:00+00:00", "updated": "2026-11-03T12:30:00+00:00"},
     "First stored 2026-11-01 10:00 UTC · last changed 2026-11-03 12:30 UTC"),
    ({"created": "<script>", "updated": None}, ""),
])
def test_stamps_line(event, line):
    assert stamps_line(event) == line


def test_history_markdown_escapes_everything():
    text = history_markdown({}, [dict(ENTRY, author=EVIL, new=EVIL)])
    assert "<b>" not in text and "](" not in text and text.startswith("- 2026")


# --- the "changes since" export ------------------------------------------------------

VALUE_CASES = [(None, "(none)"), ([], "(none)"), (True, "yes"), (False, "no"),
               (["sea", "rail"], "sea, rail"), (RAJIN, "Rajin"), ([RAJIN, RAJIN], "Rajin, Rajin"),
               (0.5, "0.5"), ("abc", "abc")]


@pytest.mark.parametrize("value, text", VALUE_CASES)
def test_value_text(value, text):
    assert value_text(value) == text


def test_entry_text_of_a_pipeline_addition():
    assert entry_text({"field": None, "action": "added"}) == "added by a re-extraction"


def test_changes_csv_is_spreadsheet_safe_and_joins_the_export(tmp_path, monkeypatch):
    monkeypatch.setattr(store_ingest, "_now", lambda: "2026-11-02T10:00:00+00:00")
    store = Store(tmp_path / "c.sqlite3")
    store.ingest(DOCS[1], "doc 2")
    store.edit("ev-evil", {"cargo": "=cmd|' /C calc'!A0"}, author="@evil")
    rows = list(csv.DictReader(io.StringIO(changes_csv(store.changes_since("2026-11-01")))))
    evil = next(r for r in rows if r["event_id"] == "ev-evil")
    assert (evil["change"], evil["who"]) == ("created", "'@evil")
    assert evil["what"] == "cargo: +1+1 -> =cmd|' /C calc'!A0"        # starts with a letter
    assert evil["cargo"] == "'=cmd|' /C calc'!A0" and evil["actors"].startswith("'=HYPERLINK")
    assert list(rows[0])[:7] == ["change", "changed_at", "created", "updated", "who", "what",
                                 "event_id"]
    assert change_row({"event_id": "x", "change": "created", "event": HOSTILE})["what"] == \
        "first stored"


def test_changes_download_on_the_page(app_file, db):
    at = run(AppTest.from_file(app_file, default_timeout=60))
    week_ago = dt.date.today() - dt.timedelta(days=7)
    assert at.date_input(key="changes_since").value == week_ago
    labels = [b.proto.label for b in at.get("download_button")]
    assert f"Download changes since {week_ago.isoformat()}" in labels
    at.date_input(key="changes_since").set_value(dt.date(2026, 11, 1))
    run(at)
    button = next(b for b in at.get("download_button") if b.proto.label.startswith("Download ch"))
    assert button.proto.label == "Download changes since 2026-11-01"


# --- the last ingest, and "Check folder now" ----------------------------------------

def _header(at: AppTest) -> str:
    return next(m for m in _markdown(at) if m.startswith(TAGLINE))


def test_header_says_what_the_last_ingest_changed(app_file, db):
    later = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(minutes=5)).isoformat(
        timespec="seconds")
    Store(db).record_run(IngestRun(started=later, finished=later, source="python -m ingest",
                                   docs_new=2, events_added=4, events_removed=1,
                                   errors=[("x.jsonl:3", EVIL)]))
    at = run(AppTest.from_file(app_file, default_timeout=60))
    assert "(batch: 2 new articles, events 4 added, 1 removed, 1 error)" in _header(at)
    assert "Evil" not in _header(at)


def test_no_folder_button_without_a_watched_folder(app_file, db, monkeypatch):
    monkeypatch.delenv("LAGEBILD_WATCH_DIR", raising=False)
    at = run(AppTest.from_file(app_file, default_timeout=60))
    assert "watch_check" not in [b.key for b in at.button]


def test_check_folder_now(app_file, db, tmp_path, monkeypatch, warm):
    folder = tmp_path / "feed"
    folder.mkdir()
    (folder / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (folder / "bad<i>.txt").write_bytes(b"\x00\x01\x02binary")
    (folder / "notes.md").write_text("not read")
    monkeypatch.setenv("LAGEBILD_WATCH_DIR", str(folder))
    at = run(AppTest.from_file(app_file, default_timeout=90))
    at.button(key="watch_check").click()
    run(at)
    assert [s.value for s in at.success] == [md_text("watched folder: 1 new article, "
                                                     "events 1 added, 1 error")]
    assert [e.value for e in at.error] == [
        md_text("bad<i>.txt: binary file, not text (control characters)")]
    assert "(watched folder: 1 new article" in _header(at)
    assert "a.txt" in [d["doc_id"] for d in Store(db).documents()]
    at.button(key="watch_check").click()
    run(at)
    assert [i.value for i in at.info] == ["Watched folder: no new or changed files."]
