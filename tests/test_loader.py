"""extract_and_store on long articles: progress inside an article, counts that equal
what is stored, and a text that repeats itself storing each happening once."""
from __future__ import annotations

import datetime as dt

from extract.pipeline import MAX_CHARS_PER_CHUNK
from store import Store
from store.loader import Article, demo_articles, extract_and_store

DATE = dt.date(2024, 3, 1)


def _long_text(min_chars: int) -> str:
    parts, size = [], 0
    demo = [a.text for a in demo_articles() if a.lang == "de"]
    while size < min_chars:
        parts.append(demo[len(parts) % len(demo)])
        size += len(parts[-1]) + 2
    return "\n\n".join(parts)


def test_progress_moves_inside_one_long_article(tmp_path, pipeline):
    text = _long_text(3 * MAX_CHARS_PER_CHUNK)
    calls = []
    extract_and_store(Store(tmp_path / "s.sqlite3"), pipeline,
                      [Article("long.txt", text, DATE, lang="de")],
                      progress=lambda i, n, name: calls.append((i, n, name)))
    inside = [i for i, n, name in calls if name == "long.txt" and 0 < i < 1]
    assert len(inside) >= 2, calls            # at least one step per chunk but the last
    assert inside == sorted(inside)
    assert calls[-1] == (1, 1, "")


def test_reported_counts_equal_stored_events(tmp_path, pipeline):
    store = Store(tmp_path / "s.sqlite3")
    arts = [Article("long.txt", _long_text(2 * MAX_CHARS_PER_CHUNK), DATE, lang="de"),
            *demo_articles()]
    report = extract_and_store(store, pipeline, arts)
    assert not report.failed
    assert sum(n for _name, _status, n in report.stored) == store.count()


def test_a_text_repeating_itself_stores_no_identical_events(tmp_path, pipeline):
    store = Store(tmp_path / "s.sqlite3")
    extract_and_store(store, pipeline, [Article("rep.txt", _long_text(2 * MAX_CHARS_PER_CHUNK),
                                                DATE, lang="de")])
    rows = [(e["type"], e["date_start"], e["date_end"], str(e["location"]), str(e["origin"]),
             str(e["destination"]), e["evidence"]) for e in store.events()]
    assert rows and len(rows) == len(set(rows))
