"""Shared fixtures: the repository root, the bundled gazetteer and the pipeline.

The gazetteer and the pipeline are process-wide (loaded once, on first use); a
test that needs them asks for the fixture rather than calling the loaders."""
from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def root() -> Path:
    """The repository root (where app.py, Makefile and .streamlit/ are)."""
    return ROOT


@pytest.fixture(scope="session")
def app_file(root) -> str:
    """The page script, as streamlit's AppTest.from_file wants it."""
    return str(root / "app.py")


@pytest.fixture(scope="session")
def gazetteer():
    """The bundled gazetteer (geo.gazetteer.default_gazetteer)."""
    from geo.gazetteer import default_gazetteer

    return default_gazetteer()


@pytest.fixture(scope="session")
def pipeline(gazetteer):
    """The process-wide extraction pipeline on the bundled gazetteer."""
    from extract.pipeline import get_pipeline

    return get_pipeline()


# Slow tests (> ~3 s, measured with --durations) in files that are being edited
# elsewhere right now; they get the mark here until it is written beside them.
SLOW_ELSEWHERE = {
    "tests/test_batch.py::test_workers_write_into_the_store_and_parts",                 # 13.4 s
    "tests/test_batch.py::test_two_processes_match_one",                                #  6.7 s
    "tests/test_batch.py::test_command_line_end_to_end",                                #  3.3 s
    "tests/test_store_scale.py::test_two_processes_ingest_into_one_file_and_lose_nothing",  # 12.1 s
    "tests/test_hostile_inputs.py::test_hostile_jsonl_line[huge-json-line-1.7mb]",      #  6.0 s
    "tests/test_hostile_inputs.py::test_twenty_megabytes_without_newlines_in_bounded_time",  # 5.1 s
    "tests/test_postgres.py::test_cluster_workers_write_into_postgres",                 #  4.4 s
}


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.nodeid in SLOW_ELSEWHERE:
            item.add_marker(pytest.mark.slow)


PLACES_DATE = dt.date(2023, 10, 13)  # a Friday: the publication date of the place tables


@pytest.fixture(scope="session")
def places(pipeline):
    """places(text, lang) -> {surface: resolved place}, offsets and confidences checked."""
    @lru_cache(maxsize=None)
    def found(text, lang):
        doc = pipeline.process(text, doc_id="t", doc_date=PLACES_DATE, lang=lang)
        for m in doc.places:
            assert text[m.start:m.end] == m.text
            assert 0.0 <= m.confidence <= 1.0
        return {m.text: m.place for m in doc.places}
    return found

