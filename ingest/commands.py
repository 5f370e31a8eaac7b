"""The two modes of ``python -m ingest`` besides a batch run (ingest.cli parses):

* ``--watch DIR [--interval S] [--once]``: a folder as a feed (:mod:`ingest.watch`);
* ``--changes-since WHEN [--format csv|json] [--output PATH]``: what changed in the
  store since a date or moment (:func:`store.changes.changes_since`), on standard
  output or into PATH.
"""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path
from typing import Optional

from records.changes import changes_csv, changes_json
from records.errors import LagebildError


def changes_main(args: argparse.Namespace, store) -> int:
    from store.changes import since_stamp

    since = since_stamp(args.changes_since)
    changes = store.changes_since(since)
    fmt = args.format or "csv"
    text = changes_csv(changes) if fmt == "csv" else changes_json(changes, since)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8", newline="")
    else:
        sys.stdout.write(text)
        sys.stdout.flush()
    print(f"{len(changes)} changed event(s) since {since}", file=sys.stderr)
    return 0


def _terminate_as_interrupt() -> Optional[object]:
    """SIGTERM raises KeyboardInterrupt, as Ctrl-C does (main thread only)."""
    try:
        return signal.signal(signal.SIGTERM, signal.default_int_handler)
    except ValueError:            # not the main thread (a test runner's worker, say)
        return None


def watch_main(args: argparse.Namespace, store, watcher_factory=None) -> int:
    """Poll until stopped; 0 when stopped by Ctrl-C/SIGTERM or after --once without a
    failed document, 1 when --once saw one."""
    from ingest.watch import Watcher

    make = watcher_factory or Watcher
    watcher = make(args.watch, store, lang=args.lang, forced_date=args.forced_date)
    failed = False
    previous = _terminate_as_interrupt()
    try:
        print(f"watching {watcher.folder} every {args.interval:g} s (Ctrl-C stops); "
              f"store {store.label}", file=sys.stderr, flush=True)
        watcher.run(interval=args.interval, once=args.once)
        failed = bool(args.once and watcher.last is not None and watcher.last.errors)
    except KeyboardInterrupt:
        print("stopped; what was stored stays", file=sys.stderr)
        return 0
    except LagebildError as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
    finally:
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    return 1 if failed else 0
