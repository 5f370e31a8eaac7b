"""The command-line contract of ``python -m extract`` (shared/contract/CONTRACT.md)."""
import io
import datetime as dt
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


# -- --jobs: the same bytes as one process ---------------------------------------------------

def _mixed_jsonl(path: Path) -> Path:
    """Good documents around every kind of failure, in more than one chunk: bad lines
    (three in a row fill a chunk of their own), a duplicate id, the same text twice, a bad
    doc_date, an HTML-free note on stderr."""
    texts = ["Pjöngjang lieferte am Freitag Container nach Russland.",
             "The ministers met in Vienna on Monday.",
             "Am 3. Oktober 2023 reiste die Delegation von Berlin nach Warschau."]
    lines = [json.dumps({"id": "a", "text": texts[0], "doc_date": "2023-10-13"}), "{not json",
             "[1]", json.dumps({"id": 7, "text": texts[1]}), json.dumps({"id": "b", "text": texts[1],
                                                                       "lang": "en"}),
             json.dumps({"id": "a", "text": texts[2]}),                       # duplicate id
             json.dumps({"id": "c", "text": texts[0], "doc_date": "2023-10-13"}),  # same text
             json.dumps({"id": "d", "text": texts[2], "doc_date": "2023-02-30"}),  # bad date
             json.dumps({"text": texts[2], "doc_date": "2023-10-01"}),         # no id
             json.dumps({"id": "e", "text": texts[1], "doc_date": "2024-01-05", "lang": "en"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["json", "csv", "geojson"])
def test_jobs_2_prints_the_same_bytes_as_one_process(tmp_path, monkeypatch, fmt, capsys):
    import extract.cli as cli_module

    monkeypatch.setattr(cli_module, "CHUNK_SIZE", 3)
    # the CSV's and GeoJSON's timestamp is the run's time: the same for both runs here
    monkeypatch.setattr(cli_module, "now", lambda: dt.datetime(2024, 5, 1, 12, tzinfo=dt.timezone.utc))
    src = _mixed_jsonl(tmp_path / "mixed.jsonl")
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    argv = [str(tmp_path / "missing.txt"), str(good), "--jsonl", str(src), "--format", fmt]
    one, two = cli(argv), cli(argv + ["--jobs", "2"])
    assert one[0] == two[0] == 1
    assert one[1] == two[1] and one[1].strip()
    if fmt == "json":
        data = json.loads(one[1])
        assert [d["id"] for d in data["documents"]] == [str(good), "a", "b", "c", "mixed.jsonl:9", "e"]
        assert [e["id"] for e in data["errors"]] == [str(tmp_path / "missing.txt"), f"{src}:2",
                                                     f"{src}:3", f"{src}:4", "a", "d"]
    assert "same text as 'a'" in capsys.readouterr().err


def test_jobs_must_be_positive(capsys):
    assert main(["--jobs", "0", "x.txt"]) == 2
    assert "--jobs must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize("option", ["--store", "--input-dir", "--scheduler", "--parquet-out",
                                    "--workers-write"])
def test_ingest_options_are_refused_with_the_command_that_has_them(option, tmp_path, capsys):
    argv = ["--jsonl", str(tmp_path / "in.jsonl"), option] + ([] if option == "--workers-write" else ["x"])
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert f"{option} belongs to the ingest command: python -m ingest " in captured.err


def test_help_describes_every_option(capsys):
    from extract.cli import build_parser

    with pytest.raises(SystemExit) as exited:
        main(["--help"])
    assert exited.value.code == 0
    text = capsys.readouterr().out
    assert text.startswith("usage: python -m extract") and "python -m ingest" in text
    for action in build_parser()._actions:
        assert action.help, action.option_strings or action.dest
        for option in action.option_strings:
            assert option in text
