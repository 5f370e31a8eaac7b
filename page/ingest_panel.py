"""Articles in: the "Add articles" panel (paste, upload articles or batch result
parts; "Check folder now" when ``$LAGEBILD_WATCH_DIR`` names a watched folder) and
the demo articles a first start with an empty store is seeded with. Each
submission is recorded as an ingest run (store.runs), which the header shows."""
from __future__ import annotations

import datetime as dt
import io
import os

import streamlit as st

from page.cache import get_online_pipeline, get_pipeline
from records import languages
from records.errors import LagebildError
from store import Store
from store.loader import Article, IngestReport, demo_articles, extract_and_store, read_upload
from store.parquet import import_part
from viz.escape import md_text


def seed_demo(store: Store) -> None:
    if not store.is_empty():
        return
    started = _now()
    with st.spinner("First start: extracting the bundled demo articles …"):
        report = extract_and_store(store, get_pipeline(), demo_articles())
    store.record_run(report.run(started, _now(), source="page: demo articles"))
    for name, reason in report.failed:
        st.warning(f"Demo article {md_text(name)} was not loaded: {md_text(reason)}")


WATCH_ENV = "LAGEBILD_WATCH_DIR"


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def input_panel(store: Store) -> None:
    # the last submission's outcome stays until the next one (other reruns -- a map
    # click, a filter -- must not wipe it before the analyst has read it)
    for kind, text in st.session_state.get("_ingest_messages", []):
        getattr(st, kind)(text)
    if os.environ.get(WATCH_ENV):
        watch_button(store, os.environ[WATCH_ENV])
    with st.form("ingest_form", clear_on_submit=False):
        text = st.text_area("Paste an article", key="in_text", height=150)
        c1, c2, c3, c4 = st.columns([3, 3, 2, 1])
        title = c1.text_input("Title", key="in_title")
        url = c2.text_input("URL", key="in_url")
        pub = c3.date_input("Publication date", value=None, key="in_date",
                            help="Relative dates ('on Friday') are resolved against it.")
        lang = c4.selectbox("Language", list(languages.choices()), key="in_lang")
        files = st.file_uploader("…or upload files", type=["txt", "md", "html", "htm", "parquet"],
                                 accept_multiple_files=True, key="in_files",
                                 help="Articles (.txt, .md, .html) are extracted; .parquet "
                                      "result parts of a batch run (--parquet-out) are loaded "
                                      "as they are.")
        use_today = st.checkbox("Use today's date for documents that have none", key="in_today")
        online = st.checkbox(
            "Online geocoding (Nominatim)", value=False, key="in_online",
            help="Off by default: Lagebild needs no network. When on, place names the offline "
                 "gazetteer lacks are looked up on OpenStreetMap's Nominatim (one request a "
                 "second, answers cached in the store); such places are marked 'online'.")
        if not st.form_submit_button("Extract and store"):
            return
    articles, failed, loaded = [], [], []
    if text.strip():
        articles.append(Article("pasted text", text, pub, title or None, url or None, lang))
    for upload in files or []:
        if upload.name.lower().endswith(".parquet"):
            part = import_part(store, io.BytesIO(upload.getvalue()), upload.name)
            if sum(part.counts.values()):
                loaded.append((upload.name, part.summary()))
            failed += [(upload.name, e.removeprefix(f"{upload.name}: ")) for e in part.errors]
            continue
        try:
            art = read_upload(upload.name, upload.getvalue())
        except LagebildError as err:
            failed.append((upload.name, str(err)))
            continue
        art.doc_date = pub or art.doc_date
        art.title = title or art.title or upload.name
        art.url, art.lang = url or art.url, lang
        articles.append(art)
    report = IngestReport()
    started = _now()
    if articles:  # only rejected files: no need to load the pipeline
        bar = st.progress(0.0, text="Extracting …")
        pipeline = get_online_pipeline(store.label, store) if online else get_pipeline()
        report = extract_and_store(
            store, pipeline, articles, default_date=dt.date.today() if use_today else None,
            progress=lambda i, n, name: bar.progress(
                min(i / max(n, 1), 1.0),
                text=md_text(f"{name} ({int(i) + 1}/{n}, {i % 1:.0%})") if name else "done"))
    # file names and reasons are shown literally (markdown/HTML-escaped)
    if articles or failed or loaded:
        store.record_run(report.run(started, _now(), also_failed=failed))
    messages = [("success", md_text(f"{name}: {status}, {n} events"))
                for name, status, n in report.stored]
    messages += [("success", md_text(f"{name}: results part loaded, {summary}"))
                 for name, summary in loaded]
    messages += [("error", md_text(f"{name}: {reason}")) for name, reason in failed + report.failed]
    if not articles and not failed and not loaded:
        messages.append(("info", "Paste a text or choose files first."))
    st.session_state["_ingest_messages"] = messages
    st.rerun()


def watch_button(store: Store, folder: str) -> None:
    """"Check folder now": one poll of the watched folder (ingest.watch), as
    ``python -m ingest --watch DIR --once`` does; its outcome stays as a message."""
    from ingest.watch import Watcher
    from page.header import run_summary

    if not st.button("Check folder now", key="watch_check",
                     help="Ingest the new or changed .jsonl, .txt and .html files of the "
                          f"folder in ${WATCH_ENV}."):
        return
    try:
        watcher = Watcher(folder, store, report=lambda run: None)
        with st.spinner("Reading the watched folder …"):
            run = watcher.poll()
    except LagebildError as err:
        messages = [("error", md_text(f"Watched folder: {err}"))]
    else:
        if run is None:
            messages = [("info", "Watched folder: no new or changed files.")]
        else:
            messages = [("success", md_text(run_summary(run.to_dict())))]
            messages += [("error", md_text(f"{name}: {reason}")) for name, reason in run.errors]
    st.session_state["_ingest_messages"] = messages
    st.rerun()
