"""The one reader of input documents (records.documents): a bad line is refused
with the same reason whether the file is .jsonl or .jsonl.gz, and whether
``python -m extract`` or ``python -m ingest`` reads it."""
import gzip
import io
import json
from pathlib import Path

import pytest

from extract.cli import run
from ingest import batch
from records.documents import iter_documents

GOOD_1 = json.dumps({"id": "good-1", "text": "Die Delegation reiste am Freitag nach Wien.",
                     "doc_date": "2023-10-13"})
GOOD_2 = json.dumps({"id": "good-2", "text": "The minister visited Kyiv.", "lang": "en"})
TEXT = "Die Delegation reiste nach Moskau."


def _line(obj) -> bytes:
    if isinstance(obj, bytes):
        return obj
    return (obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)).encode("utf-8")


# (the middle line of three, the reason it is refused)
BAD_LINES = [
    # -- not a document
    pytest.param("[1, 2]", "not a JSON object but list", id="not-an-object"),
    pytest.param("{not json", "invalid JSON", id="invalid-json"),
    pytest.param("[" * 100_000 + "]" * 100_000, "invalid JSON (nested too deeply)", id="nested-too-deep"),
    # -- fields of the wrong kind
    pytest.param({"id": "x"}, "no text (missing 'text')", id="no-text"),
    pytest.param({"id": "x", "text": "  "}, "empty document", id="blank-text"),
    pytest.param({"id": 42, "text": TEXT}, "id must be a string, not int 42", id="id-a-number"),
    pytest.param({"id": "x", "text": TEXT, "lang": "fr"}, "lang must be 'de' or 'en'", id="bad-lang"),
    # -- a publication date that is no date (checked where the document is used)
    pytest.param({"id": "x", "text": TEXT, "doc_date": "2023-02-30"}, "impossible date", id="bad-doc-date"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": "13.10.2023"}, "bad date", id="german-doc-date"),
]

# (the middle line, what the document's text must be read as)
ODD_LINES = [
    pytest.param(json.dumps({"id": "x", "text": "Die Delegation reiste nach Köln."},
                            ensure_ascii=False).encode("cp1252"),
                 "Die Delegation reiste nach Köln.", id="not-utf8-read-as-cp1252"),
    pytest.param(json.dumps({"id": "x", "text": "Mos\ud800kau"}), "Mos\ufffdkau", id="lone-surrogate"),
]


def _write(folder: Path, middle, suffix: str) -> Path:
    data = b"\n".join([_line(GOOD_1), _line(middle), _line(GOOD_2)]) + b"\n"
    path = folder / f"in{suffix}"
    path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
    return path


def _named(records, path: Path) -> list:
    """The records with the file's path and name replaced by FILE (they differ by suffix)."""
    text = json.dumps(records, ensure_ascii=False).replace(str(path), "FILE").replace(path.name, "FILE")
    return json.loads(text)


def _extract_errors(path: Path) -> list:
    out = io.StringIO()
    code = run(["--jsonl", str(path)], out)
    result = json.loads(out.getvalue())
    assert {"good-1", "good-2"} <= {d["id"] for d in result["documents"]}
    return [code] + _named(result["errors"], path)


def _ingest_errors(path: Path) -> list:
    stats = batch.ingest(batch.Options(paths=[path]))      # no store: extract only
    assert stats.extracted == 2
    return _named(stats.failed, path)


@pytest.mark.parametrize("middle, reason", BAD_LINES)
def test_a_bad_line_is_refused_alike_in_jsonl_and_jsonl_gz(tmp_path, middle, reason):
    plain, packed = _write(tmp_path, middle, ".jsonl"), _write(tmp_path, middle, ".jsonl.gz")
    assert _named(list(iter_documents(plain)), plain) == _named(list(iter_documents(packed)), packed)
    by_extract = _extract_errors(plain)
    assert by_extract == _extract_errors(packed)
    code, (error,) = by_extract[0], by_extract[1:]
    assert code == 1 and error["error"].startswith("FILE:2: ") and reason in error["error"], error
    by_ingest = _ingest_errors(plain)
    assert by_ingest == _ingest_errors(packed) == [[error["id"], error["error"]]]


@pytest.mark.parametrize("middle, text", ODD_LINES)
def test_an_odd_line_is_read_alike_in_jsonl_and_jsonl_gz(tmp_path, middle, text):
    for suffix in (".jsonl", ".jsonl.gz"):
        path = _write(tmp_path, middle, suffix)
        (doc_id, fields, error), = [r for r in iter_documents(path) if r[0] == "x"]
        assert error is None and fields["text"] == text and fields["where"] == f"{path}:2"


def test_a_utf8_bom_is_read_and_utf16_refused_in_both(tmp_path):
    for suffix in (".jsonl", ".jsonl.gz"):
        bom = _write(tmp_path, b"\xef\xbb\xbf" + GOOD_2.encode(), suffix)   # BOM on line 2: not JSON
        assert [r[2] is None for r in iter_documents(bom)] == [True, False, True]
        path = tmp_path / f"bom{suffix}"
        data = b"\xef\xbb\xbf" + GOOD_1.encode() + b"\n"
        path.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        assert [r[0] for r in iter_documents(path)] == ["good-1"]
        wide = tmp_path / f"wide{suffix}"
        data = GOOD_1.encode("utf-16")
        wide.write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        ((doc_id, fields, error),) = iter_documents(wide)
        assert doc_id == str(wide) and "UTF-16" in error


def test_a_broken_gzip_stream_keeps_what_was_read_and_names_the_file(tmp_path):
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress((GOOD_1 + "\n" + GOOD_2 + "\n").encode() * 200)[:-30])
    records = list(iter_documents(path))
    assert all(error is None for _, _, error in records[:-1]) and len(records) > 100
    doc_id, fields, error = records[-1]
    assert doc_id == str(path) and fields is None and error.startswith(f"{path}: cannot read")
    not_gzip = tmp_path / "plain.jsonl.gz"
    not_gzip.write_text(GOOD_1 + "\n", encoding="utf-8")
    (record,) = iter_documents(not_gzip)
    assert record[0] == str(not_gzip) and "cannot read" in record[2]
