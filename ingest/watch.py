"""``python -m ingest --watch DIR``: a folder as a feed.

Every *interval* seconds the folder is listed (not recursively); each file with a
name ending in :data:`WATCH_SUFFIXES` that is new, or whose modification time or
size differs from when it was last read, is ingested with :func:`ingest.batch.ingest`
-- documents already stored (by content hash) are skipped, a text or HTML file's id
is its name, so a changed file replaces its document. Other names, hidden files and
folders are ignored. The store remembers each file's time and size
(``store.runs.seen_files``), so an unchanged folder costs one listing, even after a
restart. A document without a publication date is dated by the day its file was
first seen (not the day it is read again).

A bad file or document is reported by name with its reason and the others go on;
the file is not read again until it changes. A file the store could not take (the
store locked, say) is tried again at the next poll. Each poll that found something
is recorded as an ingest run (``store.runs.IngestRun``).

The clock, the pause and the report are seams (``clock``, ``sleep``, ``report``), so a
test runs the loop without waiting. Ctrl-C (and SIGTERM, which the command line maps
to it) stops the loop; what was committed stays, an interrupted file is read again
next time.
"""
from __future__ import annotations

import datetime as dt
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional

from ingest import batch
from ingest.sources import TEXT_SUFFIXES
from records.documents import JSONL_SUFFIXES
from records.errors import InputError, LagebildError
from store.runs import IngestRun

WATCH_SUFFIXES = JSONL_SUFFIXES + TEXT_SUFFIXES
DEFAULT_INTERVAL = 10.0      # seconds between two looks at the folder
MIN_INTERVAL = 0.5           # shorter would be polling for its own sake
MIN_PAUSE = 0.1              # a poll that took longer than the interval still pauses


def _utc_now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


@dataclass(frozen=True)
class Seen:
    """A file of the folder as listed: what decides whether it changed."""
    name: str
    mtime_ns: int
    size: int


def list_folder(folder: Path) -> dict[str, Seen]:
    """The watchable files of *folder* by name (regular files, not hidden, with a
    name ending in :data:`WATCH_SUFFIXES`, any case)."""
    out: dict[str, Seen] = {}
    with os.scandir(folder) as entries:
        for entry in entries:
            name = entry.name
            if name.startswith(".") or not name.lower().endswith(WATCH_SUFFIXES):
                continue
            try:
                if not entry.is_file():
                    continue
                st = entry.stat()
            except OSError:            # gone between listing and looking
                continue
            out[name] = Seen(name, st.st_mtime_ns, st.st_size)
    return out


def run_line(run: IngestRun) -> str:
    """One line about a run for standard error."""
    return (f"{run.finished} {run.source}: {len(run.files)} file(s); documents {run.docs_new} new, "
            f"{run.docs_updated} updated, {run.docs_unchanged} unchanged; events "
            f"{run.events_added} added, {run.events_changed} changed, {run.events_removed} "
            f"removed; {len(run.errors)} error(s)")


def _print(run: IngestRun) -> None:
    """The run's line on standard error (each error was logged as it happened)."""
    print(run_line(run), file=sys.stderr)


class Watcher:
    """Polls *folder* and ingests into *store*; see the module's docstring.

    *clock* (monotonic seconds) and *sleep* (pause so many seconds) pace the loop,
    *now* (ISO UTC text) stamps the runs, *report* receives each run that found
    something; *ingest* is :func:`ingest.batch.ingest` or a stand-in with its signature.
    """

    def __init__(self, folder, store, *, lang: str = "auto",
                 forced_date: Optional[dt.date] = None,
                 clock: Callable[[], float] = time.monotonic,
                 sleep: Callable[[float], Any] = time.sleep,
                 now: Callable[[], str] = _utc_now,
                 report: Callable[[IngestRun], Any] = _print,
                 ingest: Callable[..., batch.Stats] = batch.ingest):
        self.folder = Path(folder).expanduser().resolve()
        if not self.folder.is_dir():
            raise InputError(f"{folder}: not a directory")
        self.store = store
        self.lang, self.forced_date = lang, forced_date
        self._clock, self._sleep, self._now = clock, sleep, now
        self._report, self._ingest = report, ingest
        self.key = str(self.folder)
        self.seen = store.seen_files(self.key)      # name -> (mtime_ns, size, first_seen)
        self.stopped = False
        self.last: Optional[IngestRun] = None       # the latest run that found something

    def stop(self) -> None:
        """Ask the loop to end after the current poll or pause."""
        self.stopped = True

    def pending(self) -> tuple[list[Seen], list[str]]:
        """Files new or changed since last read (by name), and names no longer there."""
        listed = list_folder(self.folder)
        todo = [f for name, f in sorted(listed.items())
                if self.seen.get(name, (None, None))[:2] != (f.mtime_ns, f.size)]
        return todo, sorted(set(self.seen) - set(listed))

    def poll(self) -> Optional[IngestRun]:
        """Look once; ingest what is new or changed. The run, or None when nothing was."""
        try:
            todo, gone = self.pending()
        except OSError as err:
            raise InputError(f"{self.folder}: cannot list the folder "
                             f"({err.strerror or err})") from err
        if not todo:
            if gone:
                self.store.mark_seen(self.key, [], gone)
                for name in gone:
                    self.seen.pop(name, None)
            return None
        started = self._now()
        run = IngestRun(started=started, finished=started, source=f"watch {self.folder}")
        done: list[tuple[str, int, int, str]] = []
        try:
            for f in todo:
                first_seen = self.seen.get(f.name, (0, 0, started))[2]
                if self._one(f, first_seen, run):
                    done.append((f.name, f.mtime_ns, f.size, first_seen))
        except KeyboardInterrupt:
            run.errors.append((f.name, "interrupted; read again at the next start"))
            raise
        finally:
            self.store.mark_seen(self.key, done, gone)
            for name, mtime_ns, size, first in done:
                self.seen[name] = (mtime_ns, size, first)
            for name in gone:
                self.seen.pop(name, None)
            run.finished = self._now()
            self.store.record_run(run)
            self.last = run
        self._report(run)
        return run

    def _one(self, f: Seen, first_seen: str, run: IngestRun) -> bool:
        """Ingest one file into *run*'s counts; False when it should be tried again."""
        run.files.append(f.name)
        opts = batch.Options(paths=[self.folder / f.name], store=self.store, lang=self.lang,
                             forced_date=self.forced_date,
                             today=dt.date.fromisoformat(first_seen[:10]))
        try:
            stats = self._ingest(opts)
        except LagebildError as err:        # the store, not the file: try again later
            return self._failed(run, f.name, f"{err}; tried again at the next poll")
        except OSError as err:              # gone or unreadable right now
            return self._failed(run, f.name, f"cannot read ({err.strerror or err}); "
                                "tried again at the next poll")
        for key in ("new", "updated", "unchanged"):
            setattr(run, f"docs_{key}", getattr(run, f"docs_{key}") + getattr(stats, key))
        run.docs_unchanged += stats.skipped
        for key in ("added", "changed", "removed"):
            name = f"events_{key}"
            setattr(run, name, getattr(run, name) + getattr(stats, name))
        path = f"{self.folder / f.name}: "
        run.errors += [(f.name, reason.removeprefix(path)) for _, reason in stats.failed]
        return True

    @staticmethod
    def _failed(run: IngestRun, name: str, reason: str) -> bool:
        batch.log.error("%s: %s", name, reason)
        run.errors.append((name, reason))
        return False

    def run(self, interval: float = DEFAULT_INTERVAL, once: bool = False) -> int:
        """Poll until stopped (or once); returns how many polls found something."""
        if interval < MIN_INTERVAL:
            raise InputError(f"--interval {interval:g}: at least {MIN_INTERVAL:g} seconds")
        found = 0
        while not self.stopped:
            began = self._clock()
            found += self.poll() is not None
            if once or self.stopped:
                break
            self._sleep(max(interval - (self._clock() - began), MIN_PAUSE))
        return found
