"""The work of one chunk, as a worker process runs it: extract every document,
and -- with ``--workers-write`` -- store the results right there.

By default a worker hands each contract DOCUMENT back and the client writes
it: one writer, wherever the workers run. When the workers write themselves
(into a PostgreSQL store and/or a folder of Parquet parts that they can reach),
the client receives only a status per document, so neither a single writer
nor the results' trip back limits a cluster. Each worker process opens its
store connection once and keeps it for its life.
"""
from __future__ import annotations

import atexit
import contextlib
import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Optional

from records.errors import LagebildError
from store.explained import explained

# (item, DOCUMENT dict | Written | None, error | None) per document
Results = list[tuple[dict, Any, Optional[str]]]


@dataclass(frozen=True)
class Targets:
    """Where workers write when they write themselves (None: they do not)."""
    store: Optional[str] = None      # a store path or URL the worker can open
    parquet: Optional[str] = None    # a folder of Parquet parts the worker can reach


@dataclass(frozen=True)
class Written:
    """What a writing worker returns for a stored document instead of the document."""
    status: str                      # "new", "updated", "unchanged" or "parquet"
    events: int
    changes: dict = field(default_factory=dict)   # {"added": n, ...} (store.Writer.last)


def extract_chunk(items: list[dict], targets: Optional[Targets] = None) -> Results:
    """Extract each item; with *targets*, write the results in this process.

    The pipeline is the process-wide one, loaded on the worker's first chunk.
    """
    from extract.pipeline import get_pipeline

    pipeline = get_pipeline()
    out: Results = []
    for item in items:
        try:
            doc = pipeline.process(item["text"], doc_id=item["doc_id"],
                                   doc_date=dt.date.fromisoformat(item["doc_date"]),
                                   doc_date_source=item["doc_date_source"], lang=item["lang"],
                                   title=item["title"], url=item["url"])
            # the events keep why their places were chosen, the mentions not (store.explained)
            as_dict = explained(doc.to_dict(explain=True))
            as_dict.setdefault("title", item["title"])
            as_dict.setdefault("url", item["url"])
            out.append((item, as_dict, None))
        except LagebildError as err:
            out.append((item, None, f"{item['where']}: {err}"))
        except Exception as err:  # one hostile document must not cost the others
            out.append((item, None, f"{item['where']}: internal error "
                                    f"({type(err).__name__}: {str(err)[:200]})"))
    return write_here(out, targets) if targets else out


def load_pipeline() -> None:
    from extract.pipeline import get_pipeline

    get_pipeline()


# -- writing in the worker ----------------------------------------------------------------

_WRITERS: dict[str, Any] = {}
_CLOSE = contextlib.ExitStack()
atexit.register(_CLOSE.close)


def _writer(target: str):
    """This process's writer for *target*, opened on first use and kept."""
    if target not in _WRITERS:
        from store import Store

        _WRITERS[target] = _CLOSE.enter_context(Store(target).writer())
    return _WRITERS[target]


def write_here(results: Results, targets: Targets) -> Results:
    """Store the extracted documents of *results* into *targets*; the texts and
    documents are dropped from what goes back to the client."""
    good = [(item, doc) for item, doc, error in results if error is None]
    statuses: list[Any] = ["parquet"] * len(good)
    changes: list[Any] = [{}] * len(good)
    if targets.store:
        try:
            writer = _writer(targets.store)
            statuses, changes = [], []
            for status in writer.ingest_each((doc, item["text"]) for item, doc in good):
                statuses.append(status)
                changes.append(dict(writer.last))
        except LagebildError as err:            # the store cannot be opened at all
            statuses, changes = [err] * len(good), [{}] * len(good)
    if targets.parquet and good:
        from ingest.parts import ParquetSink

        ParquetSink(targets.parquet).write(good)
    outcome = {id(item): (status, change)
               for (item, _), status, change in zip(good, statuses, changes)}
    out: Results = []
    for item, doc, error in results:
        light = {k: v for k, v in item.items() if k != "text"}
        status, change = outcome.get(id(item), (None, {}))
        if error is not None:
            out.append((light, None, error))
        elif isinstance(status, LagebildError):
            out.append((light, None, f"{item['where']}: {status}"))
        else:
            out.append((light, Written(status, len(doc.get("events") or []), change), None))
    return out
