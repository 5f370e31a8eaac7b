"""Our own event and date annotations of silver articles (``../shared/silver``), kept
without the articles' text: the silver README forbids copying the articles into the
project, so each file here holds ids, offsets and values only, and this module joins
them with the text again.

    python -m bench.silver_gold strip GOLD.jsonl            # -> bench/silver_gold/NAME.json
    python -m bench.silver_gold build NAME OUT.jsonl        # -> a gold file score.py reads

Sets (annotated blind to the code by helpers, CONVENTIONS.md of the gold news): ``set21_de``,
``set21_en`` are dev sets (their errors are read); ``set22_de``, ``set22_en`` are blind
(scored only, errors never read). ``set24_de`` (shuffle seed 2901, from position 300) and
``set24_en`` (seed 2902) are dev sets of a later session, annotated the same way.
``set25_de`` (seed 3001) and ``set25_en`` (seed 3002) are dev sets of the session after.
Sets 26-32 followed the same way, each blind when made and opened as dev a session later.
``set33_de`` (seed 4301, from position 0) and ``set33_en`` (seed 4302, from position 300) were
blind when made and are dev sets since. ``set34_de`` (seed 4401) and ``set34_en`` (seed 4402),
both walked from position 0, are blind: scored only, their errors not read.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path

from bench.corpora import shared_dir

HERE = Path(__file__).resolve().parent / "silver_gold"


def _silver(lang: str) -> dict[str, str]:
    path = shared_dir() / "silver" / f"news_{lang}.jsonl"
    with open(path, encoding="utf-8") as f:
        return {d["id"]: d["text"] for d in map(json.loads, f)}


def strip(gold_path: Path) -> Path:
    """The annotations of a gold JSONL file without text: evidence and spans as offsets."""
    docs = []
    for line in Path(gold_path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        d = json.loads(line)
        text = d.pop("text")
        for t in d.get("timexes", []):
            t.pop("text", None)
        for e in d.get("events", []):
            ev = e.pop("evidence", "") or ""
            at = text.find(ev) if ev else -1
            e["evidence_span"] = [at, at + len(ev)] if at >= 0 else None
        d.pop("summary", None)
        docs.append(d)
    out = HERE / (Path(gold_path).stem + ".json")
    out.write_text(json.dumps(docs, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return out


def build(name: str, out: Path) -> int:
    """Join a stripped set with the silver text; a changed article is refused by id."""
    docs = json.loads((HERE / f"{name}.json").read_text(encoding="utf-8"))
    texts: dict[str, dict[str, str]] = {}
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            lang_texts = texts.setdefault(d["lang"], _silver(d["lang"]))
            text = lang_texts.get(d["id"])
            if text is None:
                raise SystemExit(f"{name}: article {d['id']} is not in the silver {d['lang']} file")
            for t in d.get("timexes", []):
                t["text"] = text[t["start"]:t["end"]]
            for e in d.get("events", []):
                span = e.pop("evidence_span", None)
                e["evidence"] = text[span[0]:span[1]] if span else ""
            f.write(json.dumps(dict(d, text=text), ensure_ascii=False) + "\n")
    return len(docs)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("strip")
    s.add_argument("gold", type=Path)
    b = sub.add_parser("build")
    b.add_argument("name")
    b.add_argument("out", type=Path)
    args = ap.parse_args(argv)
    if args.cmd == "strip":
        print(strip(args.gold))
    else:
        print(f"{build(args.name, args.out)} documents -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
