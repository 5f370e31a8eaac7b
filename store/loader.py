"""From text to stored events: demo corpus, uploads, pasted articles.

The pipeline is passed in (anything with ``process(text, doc_id=..., doc_date=...,
lang=..., title=..., url=...) -> Document``), so tests can hand in a fake.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Protocol

from records.documents import parse_date
from records.errors import InputError, LagebildError
from records.paths import DEMO_DIR


class PipelineLike(Protocol):
    def process(self, text: str, *, doc_id: str, doc_date: Optional[dt.date] = None,
                lang: str = "auto", title: Optional[str] = None,
                url: Optional[str] = None, progress: Any = None) -> Any: ...


@dataclass
class Article:
    """One input document before extraction."""

    name: str                      # shown in messages (file name or "pasted text")
    text: str
    doc_date: Optional[dt.date]
    title: Optional[str] = None
    url: Optional[str] = None
    lang: str = "auto"
    doc_id: Optional[str] = None

    def ensure_id(self) -> str:
        if not self.doc_id:
            stem = re.sub(r"[^A-Za-z0-9_-]+", "-", Path(self.name).stem).strip("-")[:40] or "doc"
            digest = hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:10]
            self.doc_id = f"{stem}-{digest}"
        return self.doc_id


@dataclass
class IngestReport:
    stored: list[tuple[str, str, int]] = field(default_factory=list)  # name, status, n events
    failed: list[tuple[str, str]] = field(default_factory=list)       # name, reason
    events: dict[str, int] = field(default_factory=dict)  # stored events added/changed/removed

    def run(self, started: str, finished: str, source: str = "page",
            also_failed: Iterable[tuple[str, str]] = ()) -> Any:
        """This report as a store.runs.IngestRun (to record with Store.record_run);
        *also_failed*: files refused before extraction, ``(name, reason)``."""
        from store.runs import IngestRun

        failed = self.failed + list(also_failed)
        statuses = [status for _, status, _ in self.stored]
        return IngestRun(started=started, finished=finished, source=source,
                         files=[name for name, _, _ in self.stored] + [n for n, _ in failed],
                         docs_new=statuses.count("new"), docs_updated=statuses.count("updated"),
                         docs_unchanged=statuses.count("unchanged"),
                         events_added=self.events.get("added", 0),
                         events_changed=self.events.get("changed", 0),
                         events_removed=self.events.get("removed", 0), errors=failed)


def demo_articles(folder: Path = DEMO_DIR) -> list[Article]:
    """The bundled demo articles: ``NAME.txt`` with metadata in ``NAME.json``
    (``id``, ``title``, ``url``, ``doc_date``, ``lang``)."""
    out = []
    for path in sorted(folder.glob("*.txt")):
        sidecar = path.with_suffix(".json")
        meta = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
        out.append(Article(name=path.name, text=path.read_text(encoding="utf-8"),
                           doc_date=parse_date(meta.get("doc_date"), f"{path.name}: doc_date"),
                           title=meta.get("title"), url=meta.get("url"),
                           lang=meta.get("lang", "auto"), doc_id=meta.get("id")))
    return out


def read_upload(name: str, data: bytes) -> Article:
    """An uploaded .txt/.md/.html file; title/date/url from HTML metadata if any."""
    from records.inputs import read_bytes

    doc = read_bytes(data, name)
    return Article(name=name, text=doc.text, title=doc.title,
                   doc_date=parse_date(doc.doc_date, f"{name}: publication date"), url=doc.url)


def extract_and_store(store: Any, pipeline: PipelineLike, articles: Iterable[Article],
                      default_date: Optional[dt.date] = None,
                      progress: Any = None) -> IngestReport:
    """Run *pipeline* over each article and store the result.

    An article without a publication date uses *default_date* when given,
    else it is refused (never silently today). A failing article is reported
    by name and the others go on. *progress(i, n, name)* is called before each,
    and *progress(i + fraction, n, name)* after each piece of a long article (the pipeline
    reads long texts in chunks and says how far it got).
    """
    report = IngestReport()
    items = list(articles)
    for i, art in enumerate(items):
        if progress is not None:
            progress(i, len(items), art.name)
        try:
            doc_date = art.doc_date or default_date
            if doc_date is None:
                raise InputError(f"{art.name}: no publication date; set one so that "
                                 "'last Friday' etc. resolve correctly")
            if not art.text.strip():
                raise InputError(f"{art.name}: no text")
            kwargs = {}
            if progress is not None:
                kwargs["progress"] = lambda done, total, i=i, name=art.name: progress(
                    i + done / max(total, 1), len(items), name)
            document = pipeline.process(art.text, doc_id=art.ensure_id(), doc_date=doc_date,
                                        lang=art.lang or "auto", title=art.title, url=art.url,
                                        **kwargs)
            # with each place's explanation: the store gives it to the events (store.explained)
            as_dict = (document.to_dict(explain=True) if hasattr(document, "to_dict")
                       else dict(document))
            as_dict.setdefault("title", art.title)
            as_dict.setdefault("url", art.url)
            _, status = store.ingest(as_dict, art.text, tally=report.events)
            report.stored.append((art.name, status, len(as_dict.get("events") or [])))
        except LagebildError as err:
            report.failed.append((art.name, str(err)))
        except (ValueError, UnicodeError, OSError) as err:
            report.failed.append((art.name, f"{type(err).__name__}: {err}"))
    if progress is not None:
        progress(len(items), len(items), "")
    return report
