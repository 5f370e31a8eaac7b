"""python -m ingest --watch DIR (ingest.watch): new, unchanged, touched, modified, bad
and ignored files; the runs recorded; the loop's pacing through its clock and sleep
seams (no real waiting); --once and SIGTERM through the command line."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from ingest import batch
from ingest.cli import main as ingest_main
from ingest.watch import MIN_PAUSE, Watcher
from records.errors import InputError, StoreError
from store import Store

ROOT = Path(__file__).resolve().parent.parent
TEXT_A = ("BERLIN, 4. März – Ein Güterzug mit Munition hat am Montag Rotterdam in Richtung "
          "Warschau verlassen, teilte das Ministerium mit.")
TEXT_A2 = TEXT_A + " Der Zug soll am Freitag in Warschau ankommen."
LINES = [{"id": "j1", "text": "Kim Jong Un traf am 13. September 2023 Wladimir Putin in Wostotschny.",
          "doc_date": "2023-10-13", "lang": "de"},
         {"id": "j2", "text": "A freight train carrying grain left Odesa for Gdansk on Monday.",
          "doc_date": "2024-03-04", "lang": "en"}]
LINE_3 = {"id": "j3", "text": "Olaf Scholz met Xi Jinping in Beijing on 16 April 2024.",
          "doc_date": "2024-04-20", "lang": "en"}


def _jsonl(docs) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def _touch(path: Path, step: int) -> None:
    """A new modification time (whatever the file system's resolution)."""
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + step * 1_000_000_000))


@pytest.fixture(scope="module")
def warm(pipeline):
    """The pipeline with both languages read once (the first text of each costs seconds)."""
    import datetime as dt

    for text, lang in ((TEXT_A, "de"), (LINES[1]["text"], "en")):
        pipeline.process(text, doc_id="warm", doc_date=dt.date(2024, 3, 4), lang=lang)
    return pipeline


@pytest.fixture
def folder(tmp_path):
    d = tmp_path / "feed"
    d.mkdir()
    return d


@pytest.fixture
def store(tmp_path):
    return Store(tmp_path / "w.sqlite3")


def _summary(run):
    if run is None:
        return None
    return {"files": run.files, "docs": (run.docs_new, run.docs_updated, run.docs_unchanged),
            "errors": [name for name, _ in run.errors]}


# (what happens in the folder, what the next poll reports); one folder, in order
STEPS = [
    ("three new files and some to ignore",
     {"a.txt": TEXT_A, "b.jsonl": _jsonl(LINES), "bad.txt": b"\x00\x01\x02\x03binary",
      "notes.md": "ignored", ".hidden.txt": "ignored", "draft.txt.part": "ignored"},
     {"files": ["a.txt", "b.jsonl", "bad.txt"], "docs": (3, 0, 0), "errors": ["bad.txt"]}),
    ("nothing changed", {}, None),
    ("a.txt touched, content the same", {"a.txt": "touch"},
     {"files": ["a.txt"], "docs": (0, 0, 1), "errors": []}),
    ("a.txt modified", {"a.txt": TEXT_A2}, {"files": ["a.txt"], "docs": (0, 1, 0), "errors": []}),
    ("the bad file fixed, a line added to b.jsonl",
     {"bad.txt": TEXT_A.replace("Munition", "Getreide").replace("Warschau", "Danzig"),
      "b.jsonl": _jsonl(LINES + [LINE_3])},
     {"files": ["b.jsonl", "bad.txt"], "docs": (2, 0, 2), "errors": []}),
    ("a file removed", {"a.txt": None}, None),
]


def test_watch_steps(folder, store, warm):
    watcher = Watcher(folder, store, report=lambda run: None)
    (folder / "sub.txt").mkdir()                       # a folder with a watched name
    for step, (what, changes, expected) in enumerate(STEPS):
        for name, content in changes.items():
            path = folder / name
            if content is None:
                path.unlink()
            elif content == "touch":
                _touch(path, step)
            else:
                path.write_bytes(content if isinstance(content, bytes) else content.encode())
                _touch(path, step)
        assert _summary(watcher.poll()) == expected, what
    runs = store.runs()
    assert len(runs) == 4 and runs[0]["source"] == f"watch {folder.resolve()}"
    first = runs[-1]
    assert first["files"] == ["a.txt", "b.jsonl", "bad.txt"]
    # the bad file is reported by name with its reason; the others are stored
    assert first["errors"] == [("bad.txt", "binary file, not text (control characters)")]
    assert first["events_added"] > 0
    assert sorted(d["doc_id"] for d in store.documents()) == ["a.txt", "bad.txt", "j1", "j2", "j3"]
    # a restart reads nothing again: the store remembers the files
    again = Watcher(folder, store, report=lambda run: None)
    assert again.pending() == ([], [])
    assert again.poll() is None


def test_a_text_without_a_date_is_dated_by_its_first_sighting(folder, store):
    seen = []

    def fake_ingest(opts):
        seen.append((opts.paths[0].name, opts.today.isoformat()))
        return batch.Stats(new=1)

    (folder / "a.txt").write_text(TEXT_A)
    w = Watcher(folder, store, report=lambda run: None, ingest=fake_ingest,
                now=lambda: "2026-11-05T08:00:00+00:00")
    w.poll()
    w._now = lambda: "2026-11-09T08:00:00+00:00"          # days later the file changes
    (folder / "a.txt").write_text(TEXT_A2)
    _touch(folder / "a.txt", 3)
    (folder / "c.txt").write_text(TEXT_A)
    w.poll()
    assert seen == [("a.txt", "2026-11-05"), ("a.txt", "2026-11-05"), ("c.txt", "2026-11-09")]


def test_a_store_failure_is_tried_again(folder, store):
    calls = []

    def flaky(opts):
        calls.append(opts.paths[0].name)
        if len(calls) == 1:
            raise StoreError("event store 'x': the database is locked")
        return batch.Stats(new=1)

    (folder / "a.txt").write_text(TEXT_A)
    w = Watcher(folder, store, report=lambda run: None, ingest=flaky)
    first = w.poll()
    assert first.errors[0][0] == "a.txt" and "locked" in first.errors[0][1]
    assert w.poll().docs_new == 1
    assert w.poll() is None and calls == ["a.txt", "a.txt"]


# --- the loop: paced by its seams ----------------------------------------------------

PACE_CASES = [
    # (interval, seconds a poll takes, pauses asked for)
    (5.0, 1.5, [3.5, 3.5, 3.5]),
    (1.0, 1.5, [MIN_PAUSE] * 3),        # a poll longer than the interval still pauses
    (2.0, 0.0, [2.0, 2.0, 2.0]),
]


@pytest.mark.parametrize("interval, took, pauses", PACE_CASES)
def test_loop_pauses_between_polls(folder, store, interval, took, pauses):
    ticks = iter(x * took for x in range(100))
    asked = []
    w = Watcher(folder, store, clock=lambda: next(ticks), report=lambda run: None)

    def sleep(seconds):
        asked.append(seconds)
        if len(asked) == 3:
            w.stop()

    w._sleep = sleep
    assert w.run(interval=interval) == 0
    assert asked == pytest.approx(pauses)


def test_once_polls_once_and_interval_has_a_floor(folder, store):
    slept = []
    w = Watcher(folder, store, sleep=slept.append, report=lambda run: None)
    assert w.run(interval=1, once=True) == 0 and slept == []
    with pytest.raises(InputError, match="at least"):
        w.run(interval=0.01)


def test_ctrl_c_in_a_pause_ends_the_loop(folder, store):
    def interrupted(seconds):
        raise KeyboardInterrupt

    w = Watcher(folder, store, sleep=interrupted, report=lambda run: None)
    with pytest.raises(KeyboardInterrupt):
        w.run(interval=1)


def test_not_a_folder(tmp_path, store):
    with pytest.raises(InputError, match="not a directory"):
        Watcher(tmp_path / "missing", store)


# --- the command line ------------------------------------------------------------------

def test_watch_once_on_the_command_line(folder, tmp_path, capsys, caplog, warm):
    db = str(tmp_path / "cli.sqlite3")
    (folder / "a.txt").write_text(TEXT_A)
    assert ingest_main(["--watch", str(folder), "--once", "--store", db]) == 0
    err = capsys.readouterr().err
    assert "1 file(s); documents 1 new" in err
    (folder / "bad.html").write_bytes(b"\xff\xfe\x00")
    assert ingest_main(["--watch", str(folder), "--once", "--store", db]) == 1
    assert "1 file(s); documents 0 new" in capsys.readouterr().err
    assert "bad.html: starts with a utf-16-le byte-order mark" in caplog.text   # logged
    assert Store(db).last_run()["errors"] == [
        ("bad.html", "starts with a utf-16-le byte-order mark but is not utf-16-le (byte 2)")]
    assert ingest_main(["--watch", str(folder), "--once", "--store", db]) == 0
    assert [r["files"] for r in Store(db).runs()] == [["bad.html"], ["a.txt"]]


def test_sigterm_stops_the_watch_cleanly(folder, tmp_path):
    db = str(tmp_path / "sig.sqlite3")
    proc = subprocess.Popen([sys.executable, "-m", "ingest", "--watch", str(folder),
                             "--interval", "30", "--store", db], cwd=ROOT,
                            stderr=subprocess.PIPE, text=True)
    try:
        seen = []
        for line in proc.stderr:                          # ready: in its loop
            seen.append(line)
            if line.startswith("watching"):
                break
        assert seen and seen[-1].startswith("watching"), seen
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=20) == 0, seen + [proc.stderr.read()]
        assert "stopped" in proc.stderr.read()
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
