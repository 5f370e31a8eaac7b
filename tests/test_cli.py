"""The command-line contract of ``python -m extract`` (shared/contract/CONTRACT.md)."""
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from extract.cli import main, run

ROOT = Path(__file__).resolve().parent.parent
ARTICLE = "Pjöngjang habe am Freitag Container nach Russland geliefert, sagte Herr Kirby in Washington.\n"


def cli(argv):
    out = io.StringIO()
    code = run(argv, out)
    return code, out.getvalue()


def test_file_output_follows_the_contract(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    code, out = cli([str(f), "--doc-date", "2023-10-13"])
    assert code == 0
    data = json.loads(out)
    assert data["errors"] == []
    (doc,) = data["documents"]
    assert doc["lang"] == "de" and doc["doc_date"] == "2023-10-13" and doc["doc_date_source"] == "argument"
    for key in ("places", "timexes", "events"):
        assert isinstance(doc[key], list)
    names = {p["name"] for p in doc["places"]}
    assert {"Pyongyang", "Russia"} <= names
    for p in doc["places"]:
        assert ARTICLE[p["start"]:p["end"]] == p["text"]
        assert set(p) >= {"name", "geonameid", "lat", "lon", "country_code", "feature", "confidence"}


def test_bad_files_are_reported_by_name_and_the_rest_is_processed(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "missing.txt"
    code, out = cli([str(empty), str(good), str(binary), str(missing)])
    data = json.loads(out)
    assert code == 1
    assert [d["id"] for d in data["documents"]] == [str(good)]
    errors = {e["id"]: e["error"] for e in data["errors"]}
    assert set(errors) == {str(empty), str(binary), str(missing)}
    assert "empty" in errors[str(empty)] and "binary" in errors[str(binary)]


def test_cp1252_text_is_decoded(tmp_path):
    f = tmp_path / "legacy.txt"
    f.write_bytes("Die Minister trafen sich in Düsseldorf und München.".encode("cp1252"))
    code, out = cli([str(f), "--lang", "de", "--doc-date", "2020-01-01"])
    doc = json.loads(out)["documents"][0]
    assert code == 0 and {"Düsseldorf", "München"} <= {p["text"] for p in doc["places"]}


def test_jsonl_uses_each_documents_date_and_reports_bad_lines(tmp_path):
    f = tmp_path / "in.jsonl"
    lines = [json.dumps({"id": "a", "text": "Kim reiste am Freitag nach Moskau.", "doc_date": "2023-10-13", "lang": "de"}),
             "{not json",
             json.dumps({"id": "b", "text": ""}),
             json.dumps({"id": "c", "text": "The minister visited Kyiv."})]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out = cli(["--jsonl", str(f)])
    data = json.loads(out)
    assert code == 1
    docs = {d["id"]: d for d in data["documents"]}
    assert docs["a"]["doc_date"] == "2023-10-13" and docs["a"]["doc_date_source"] == "document"
    assert docs["c"]["doc_date_source"] == "default" and docs["c"]["lang"] == "en"
    assert {e["id"] for e in data["errors"]} == {f"{f}:2", "b"}


def test_html_is_reduced_to_article_text(tmp_path):
    f = tmp_path / "page.html"
    f.write_text("<html><head><title>T</title><meta property='article:published_time' content='2023-10-13T08:00'>"
                 "<script>alert('Berlin')</script></head><body><article><p>Die Delegation reiste nach Wien.</p>"
                 "</article></body></html>", encoding="utf-8")
    code, out = cli([str(f)])
    doc = json.loads(out)["documents"][0]
    assert doc["doc_date"] == "2023-10-13" and doc["doc_date_source"] == "document"
    assert [p["text"] for p in doc["places"]] == ["Wien"]


@pytest.mark.parametrize("argv", [[], ["--doc-date", "13.10.2023", "x.txt"], ["--format", "xml", "x.txt"]])
def test_usage_errors_exit_2(argv, capsys):
    assert main(argv) == 2
    assert capsys.readouterr().out == ""


def test_module_entry_point_prints_only_json(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    proc = subprocess.run([sys.executable, "-m", "extract", str(f), "--doc-date", "2023-10-13"],
                          capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["documents"][0]["id"] == str(f)
