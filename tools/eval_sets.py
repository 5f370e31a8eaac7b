"""Score the extractor on every evaluation set the project keeps, one line a set.

    .venv/bin/python tools/eval_sets.py                 # seed, both news_dev halves, sets 21 (dev)
    .venv/bin/python tools/eval_sets.py set22_de set22_en   # the blind sets: score only
    .venv/bin/python tools/eval_sets.py --details devA  # every miss (score.py's own listing)

Sets: ``seed`` (../shared/gold/seed_de.json); ``devA``/``devB``: the odd and even lines of
``../shared/gold/news_dev.jsonl`` (rules are grown on A and checked on B); a name in
``bench/silver_gold`` (our own annotations of silver articles, joined with their text by
``bench.silver_gold``); ``tbaq`` and ``wikiwars`` (the timex corpora in ``../shared/bench``).
Each set runs ``../shared/tools/score.py`` with this checkout's interpreter.
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpora import shared_dir  # noqa: E402
from bench.silver_gold import HERE as SILVER_GOLD, build  # noqa: E402

DEFAULT = ("seed", "devA", "devB", "set21_de", "set21_en")
BENCH = {"tbaq": "tempeval3_tbaq_en.jsonl", "wikiwars": "wikiwarsde_de.jsonl"}


def gold_file(name: str, tmp: Path) -> Path:
    shared = shared_dir()
    if name == "seed":
        return shared / "gold" / "seed_de.json"
    if name in ("devA", "devB"):
        lines = [ln for ln in (shared / "gold" / "news_dev.jsonl").read_text(encoding="utf-8").splitlines()
                 if ln.strip()]
        half = lines[0::2] if name == "devA" else lines[1::2]
        out = tmp / f"{name}.jsonl"
        out.write_text("\n".join(half) + "\n", encoding="utf-8")
        return out
    if name in BENCH:
        return shared / "bench" / BENCH[name]
    if (SILVER_GOLD / f"{name}.json").exists():
        out = tmp / f"{name}.jsonl"
        build(name, out)
        return out
    path = Path(name)
    if path.exists():
        return path
    raise SystemExit(f"unknown set {name!r}: not seed/devA/devB/tbaq/wikiwars, "
                     f"not in {SILVER_GOLD}, not a file")


def score(gold: Path, python: str, details: bool) -> tuple[dict, str]:
    cmd = [sys.executable, str(shared_dir() / "tools" / "score.py"), str(gold), "--python", python]
    if not details:
        cmd += ["--json", "--quiet"]
    run = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if run.returncode != 0 and not run.stdout.strip():
        raise SystemExit(f"{gold}: score.py failed: {run.stderr[-2000:]}")
    if details:
        return {}, run.stdout
    return json.loads(run.stdout.strip().splitlines()[-1]), ""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("sets", nargs="*", default=list(DEFAULT))
    ap.add_argument("--python", default=str(ROOT / ".venv" / "bin" / "python"))
    ap.add_argument("--details", action="store_true", help="print score.py's listing of every item")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        golds = [(name, gold_file(name, Path(tmp))) for name in args.sets]
        with ThreadPoolExecutor(args.jobs) as pool:
            results = list(pool.map(lambda ng: score(ng[1], args.python, args.details), golds))
    if args.details:
        for (name, _), (_, text) in zip(golds, results):
            print(f"===== {name}\n{text}")
        return 0
    print(f"{'set':<12} {'docs':>4} {'ev R':>5} {'ev P':>5} {'gold':>4} {'pred':>4} "
          f"{'dates':>5} {'tx P':>5} {'pl F1':>5}")
    for (name, _), (s, _) in zip(golds, results):
        c = s["counts"]
        print(f"{name:<12} {s['documents']:>4} {s['event_recall']:>5.2f} {s['event_precision']:>5.2f} "
              f"{c['gold_events']:>4} {c['pred_events']:>4} {s['timex_date_value_acc']:>5.2f} "
              f"{s['timex_precision']:>5.2f} {s['place_f1']:>5.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
