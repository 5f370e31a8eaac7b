"""Hostile documents for the output-safety tests: every text field an article
(or its file name) can fill carries script, HTML, ``javascript:`` links,
markdown injection, spreadsheet formulas or a right-to-left override.

Also :func:`html_problems`, which parses rendered HTML (the map page) and
names every place where a payload would become markup.
"""
from __future__ import annotations

import json
import re
from html.parser import HTMLParser

# --- payloads ------------------------------------------------------------
SCRIPT = "<script>alert('script')</script>"
IMG = "<img src=x onerror=alert('img')>"
SVG = "<svg onload=alert('svg')>"
JS_URL = "javascript:alert('url')"
MD_LINK = "[click me](javascript:alert('md'))"
MD_HTML = "<a href=\"javascript:alert('a')\">raw link</a> **bold** $x^2$ :red[red]"
RTL = "invoice\u202etxt.exe"                    # shows as "invoiceexe.txt"
TEMPLATE = "`${alert('template')}`"
BACKSLASH = "\\u003cimg src=x onerror=alert('backslash')\\u003e"  # JS-decoded: <img ...>
BREAKOUT = "</script><script>alert('breakout')</script>"
FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")"

PAYLOADS = [SCRIPT, IMG, SVG, JS_URL, MD_LINK, MD_HTML, RTL, TEMPLATE, BACKSLASH, BREAKOUT]
# a hostile file name for uploads
FILE_NAME = "<img src=x onerror=alert('file')>[x](javascript:alert(1))\u202etxt.exe.txt"


def _place(name: str, lat: float, lon: float, cc: str = "UA") -> dict:
    return {"name": name, "geonameid": None, "lat": lat, "lon": lon, "country_code": cc,
            "feature": "city"}


PLACE_IMG = _place(IMG, 50.45, 30.52)
PLACE_BACKSLASH = _place(BACKSLASH, 46.48, 30.73)
PLACE_RTL = _place(RTL + BREAKOUT, 48.0, 37.8, cc=SCRIPT)

MEETING = {
    "id": "ev-x-meet", "type": "meeting", "date_start": "2023-09-05", "date_end": "2023-09-05",
    "date_precision": "day", "actors": [SCRIPT, IMG, MD_LINK, RTL, TEMPLATE, BACKSLASH],
    "location": PLACE_IMG, "origin": None, "destination": None, "modes": [],
    "cargo": SVG, "evidence": f"{SCRIPT} {MD_HTML} {MD_LINK} {RTL} {BREAKOUT}",
    "start": 0, "end": 10, "confidence": 0.7}
SHIPMENT = {
    "id": "ev-x-ship", "type": "shipment", "date_start": "2023-09-06",
    "date_end": "2023-09-08", "date_precision": "day",
    "actors": [FORMULA, "@SUM(1+1)*cmd|' /C calc'!A0", "-2+3", "+1"],
    "location": None, "origin": PLACE_BACKSLASH, "destination": PLACE_RTL, "via": [],
    "modes": [IMG, "sea"], "cargo": FORMULA, "evidence": f"{FORMULA} {IMG}",
    "start": 0, "end": 10, "confidence": 0.6}
ODD_TYPE = {
    "id": "ev-x-type", "type": SVG, "date_start": "2023-09-07", "date_end": "2023-09-07",
    "date_precision": "day", "actors": [SVG], "location": PLACE_BACKSLASH, "origin": None,
    "destination": None, "modes": [], "cargo": None, "evidence": TEMPLATE,
    "start": 0, "end": 10, "confidence": 0.5}
# the meeting's words marked: a trigger on the script tag, a place over the RTL override and
# the breakout, an actor crossing into it, a date outside the sentence, a kind nobody knows
_EV = MEETING["evidence"]
_RTL_AT = _EV.index(RTL)
MEETING.update(evidence_spans=[[100, 100 + len(_EV)]], highlights=[
    [100, 100 + len(SCRIPT), "trigger"], [100 + _RTL_AT, 100 + len(_EV), "place"],
    [100 + _RTL_AT - 5, 100 + _RTL_AT + 3, "actor"], [0, 50, "date"],
    [100, 110, "<img src=x onerror=alert('kind')>"]])
EVENTS = [MEETING, SHIPMENT, ODD_TYPE]


def _mention(place: dict) -> dict:
    return dict(place, text=place["name"], start=0, end=len(place["name"]), confidence=0.5)


DOCS = [
    {"id": "x-doc-1", "lang": "en", "doc_date": "2023-09-10", "doc_date_source": "argument",
     "title": SCRIPT + MD_LINK, "url": JS_URL,
     "places": [_mention(PLACE_IMG), _mention(PLACE_BACKSLASH), _mention(PLACE_RTL)],
     "timexes": [], "events": [MEETING, SHIPMENT]},
    {"id": "x-doc-2", "lang": "en", "doc_date": "2023-09-11", "doc_date_source": "argument",
     "title": RTL + IMG, "url": "https://example.org/ok?a=1&b=\"><script>alert(1)</script>",
     "places": [], "timexes": [], "events": [ODD_TYPE]},
]
EVENT_IDS = [e["id"] for e in EVENTS]


# --- checking rendered HTML ------------------------------------------------
_DANGEROUS_TAGS = {"script", "img", "svg", "iframe", "object", "embed", "a", "form", "link",
                   "meta", "base"}
_BAD_SCHEME = re.compile(r"^\s*(javascript|vbscript|data\s*:\s*text/html)\s*:?", re.I)
# what the payloads would look like once they had become markup inside a script
_MARKUP_IN_SCRIPT = re.compile(
    r"<\s*(img|svg|iframe)\b|<script>alert|href\s*=\s*[\"']?\s*javascript:", re.I)


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)


def _decode_js(text: str) -> str:
    """Undo the escapes JSON and JS string literals use for markup characters."""
    def one(m: re.Match) -> str:
        code = m.group(1)
        return "\\" if code == "\\" else chr(int(code[1:], 16))
    return re.sub(r"\\(\\|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})", one, text)


def html_problems(page: str, allowed_scripts: tuple[str, ...] = ()) -> list[str]:
    """Every spot in *page* where hostile text became markup: a tag a payload
    introduced, an ``on*`` handler, a ``javascript:`` address, or markup
    characters inside a script (after undoing JSON/JS escapes)."""
    parser = _Collector()
    parser.feed(page)
    problems = []
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=...>")
            if name in ("href", "src", "action", "formaction", "xlink:href") and value \
                    and _BAD_SCHEME.match(value):
                problems.append(f"<{tag} {name}={value!r}>")
        if tag == "img" and attrs.get("src") == "x":
            problems.append("<img src=x>")
        if tag == "script" and attrs.get("src") is None:
            continue
        if tag in _DANGEROUS_TAGS - {"script", "link", "meta"}:
            problems.append(f"unexpected <{tag}>")
    for script in parser.scripts:
        for match in _MARKUP_IN_SCRIPT.finditer(_decode_js(script)):
            problems.append(f"markup in a script: {match.group()!r}")
    return problems


def popup_values(page: str) -> list[str]:
    """The popup/tooltip values of the map's GeoJSON layers (already escaped)."""
    out = []
    for blob in re.findall(r"^\s*geo_json_\w+_add\((\{.*\})\);\s*$", page, flags=re.M):
        for feature in json.loads(blob).get("features", []):
            out.extend(v for v in feature.get("properties", {}).values() if isinstance(v, str))
    return out
