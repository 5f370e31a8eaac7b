"""``python -m bench``: score every present corpus, time the pipeline, write the reports."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys
import time
from pathlib import Path
from typing import Optional

from bench import corpora as corpora_mod
from bench import report, scoring, system
from bench.runner import Workers

SECTIONS = ("startup", "jobs", "geotext", "profile", "build")
GEOTEXT_CORPORA = ("lgl_en", "geowebnews_en")
# corpora that annotate demonyms ("Russian") as toponyms: scored a second time with --demonyms
DEMONYM_CORPORA = ("lgl_en", "geowebnews_en")
# (corpus, first N documents or None for all): news-like German and English text
PROFILE_SAMPLE = (("lgl_en", 300), ("germeval2014_dev_de", 600), ("news_dev", None))


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def build_parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--quick", nargs="?", type=int, const=20, metavar="N",
                    help="only the first N documents of each corpus (default 20); writes to bench/quick/")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                    help="worker processes for the parallel run (default: the number of cores)")
    ap.add_argument("--repeat", type=int, default=2, metavar="R",
                    help="timed passes per corpus; the fastest counts (default 2)")
    ap.add_argument("--corpora", nargs="+", metavar="NAME", choices=corpora_mod.all_names(),
                    help="only these corpora")
    ap.add_argument("--skip", nargs="+", default=[], choices=SECTIONS, help="leave these measurements out")
    ap.add_argument("--out", type=Path, help="output folder (default bench/, or bench/quick/ with --quick)")
    return ap


def main(argv: Optional[list[str]] = None) -> int:
    import signal

    # a killed bench takes its worker processes with it (SystemExit unwinds the pools)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        return _main(sys.argv[1:] if argv is None else argv)
    except RuntimeError as err:
        log(f"failed: {err}")
        return 1


def _main(argv: list[str]) -> int:
    a = build_parser().parse_args(argv)
    t_start = time.perf_counter()
    shared = corpora_mod.shared_dir()
    found = corpora_mod.available(shared, a.corpora)
    scorer = corpora_mod.load_scorer(shared)
    if not found or scorer is None:
        log(f"no corpora or scorer under {shared} (bench/ and tools/score.py): nothing to measure, skipping")
        return 0
    out_dir = a.out or (Path(__file__).resolve().parent / ("quick" if a.quick else ""))
    skip = set(a.skip)
    machine = system.machine()
    machine["code"] = system.code_fingerprint()
    log(f"{len(found)} corpora from {shared}; machine {machine['cpu']}, {machine['cores']} cores, "
        f"load {machine['loadavg']}")

    golds = {c.name: corpora_mod.load_gold(scorer, c, a.quick) for c in found}
    results: dict = {"generated": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
                     "command": "python -m bench" + ("" if not argv else " " + " ".join(argv)),
                     "mode": (f"quick: first {a.quick} documents per corpus" if a.quick else "full corpora")
                     + f"; speed: fastest of {max(1, a.repeat)} passes",
                     "machine": machine, "corpora": {}, "speed": {}}
    if "startup" not in skip:
        log("cold start (fresh interpreters, warm cache)")
        results["startup"] = system.cold_start()

    log("single process: extracting every corpus")
    cats_by_corpus = {}
    single_out = {}
    with Workers(1) as w:
        results["speed"]["ready_single_s"] = w.ready_s
        single = {}
        for c in found:
            docs = corpora_mod.extract_input(golds[c.name])
            run = _best_of(w, docs, a.repeat)
            single_out[c.name] = run["result"]
            single[c.name] = {"docs": len(docs), "chars": sum(len(d["text"]) for d in docs),
                              "wall": run["wall"], "cpu": run["cpu"]}
            summary = scoring.summarise(scorer, golds[c.name], run["result"])
            cats_by_corpus[c.name] = scoring.categorise(scorer, golds[c.name], run["result"])
            results["speed"].setdefault("deterministic", True)
            results["speed"]["deterministic"] &= run["stable"]
            results["corpora"][c.name] = {"kind": c.kind, "lang": c.lang, "bench": c.bench, "summary": summary,
                                          "errors": {k: len(v) for k, v in cats_by_corpus[c.name].items()}}
            log(f"  {c.name}: {len(docs)} docs in {run['wall']:.1f} s — {_headline(summary)}")
            results["speed"]["rss_single_mb"] = run["rss_mb"]
            if c.name in DEMONYM_CORPORA:  # the second row: demonyms counted (not timed)
                dem = scoring.summarise(scorer, golds[c.name], w.run(docs, options=("--demonyms",))["result"])
                results["corpora"][c.name]["with_demonyms"] = {"summary": dem}
                log(f"  {c.name} with --demonyms: {_headline(dem)}")
        results["speed"]["single"] = single
        if "profile" not in skip:
            sample, parts = [], []
            for name, n in PROFILE_SAMPLE:
                if name in golds:
                    docs = corpora_mod.extract_input(golds[name])[:n]
                    sample += docs
                    parts.append(f"{name}[:{len(docs)}]")
            if sample:
                log(f"profiling {len(sample)} documents")
                prof = w.profile(sample)
                prof.update(what=" + ".join(parts), docs=len(sample))
                results["profile"] = prof

    if "jobs" not in skip and a.jobs > 1:
        log(f"--jobs {a.jobs}: extracting every corpus over {a.jobs} workers")
        with Workers(a.jobs) as w:
            per, identical, rss = {}, True, 0.0
            for c in found:
                docs = corpora_mod.extract_input(golds[c.name])
                run = _best_of(w, docs, a.repeat)
                per[c.name] = {"docs": len(docs), "chars": sum(len(d["text"]) for d in docs),
                               "wall": run["wall"], "cpu": run["cpu"]}
                same = run["result"] == single_out[c.name] and run["stable"]
                identical &= same
                rss = max(rss, run["rss_mb"])
                log(f"  {c.name}: {run['wall']:.1f} s over {run['chunks']} chunks{'' if same else ' (OUTPUT DIFFERS)'}")
            results["speed"]["jobs"] = {"n": a.jobs, "corpora": per, "identical": identical, "rss_mb": rss,
                                        "ready_s": w.ready_s}

    if "geotext" not in skip:
        results["geotext"] = _geotext(scorer, golds)

    if "build" not in skip:
        log("gazetteer build into an empty temporary cache")
        results["build"] = system.build_time()

    results["elapsed_s"] = time.perf_counter() - t_start
    results["machine"]["loadavg_end"] = system.machine()["loadavg"]
    results["machine"]["code_end"] = system.code_fingerprint()
    if results["machine"]["code_end"] != machine["code"]:
        log("extract/, geo/ or data/ changed during the run: the figures mix code versions")
    _write(out_dir, results, cats_by_corpus)
    log(f"done in {results['elapsed_s'] / 60:.1f} min: {out_dir / 'RESULTS.md'}")
    return 0


def _best_of(w: Workers, docs: list[dict], repeat: int) -> dict:
    """``repeat`` timed passes; the fastest one's timing, and whether every pass gave the same output."""
    runs = [w.run(docs) for _ in range(max(1, repeat))]
    best = min(runs, key=lambda r: r["wall"])
    best = dict(best, result=runs[0]["result"], stable=all(r["result"] == runs[0]["result"] for r in runs),
                rss_mb=max(r["rss_mb"] for r in runs))
    if not best["stable"]:
        log("  output differs between repeated passes")
    return best


def _geotext(scorer, golds: dict) -> dict:
    import importlib.util

    if importlib.util.find_spec("geotext") is None:
        log("geotext not installed (pip install -r requirements-bench.txt): peer run skipped")
        return {}
    from bench import geotext_peer
    from geo.gazetteer import default_gazetteer

    gaz = default_gazetteer()
    out: dict = {}
    for name in GEOTEXT_CORPORA:
        if name not in golds:
            continue
        docs = corpora_mod.extract_input(golds[name])
        run = geotext_peer.run(docs, gaz.lookup)
        out.setdefault("import_s", run["import_s"])
        summary = scoring.summarise(scorer, golds[name], run["result"])
        out[name] = {"docs": len(docs), "chars": sum(len(d["text"]) for d in docs), "names_s": run["names_s"],
                     "resolve_s": run["resolve_s"], "summary": summary}
        log(f"  geotext {name}: {_headline(summary)}")
    return out


def _headline(s: dict) -> str:
    c = s["counts"]
    parts = []
    if c["gold_places"]:
        parts.append(f"places F1 {s['place_f1']:.2f} acc@161 {s['acc161']:.2f}")
    if c["gold_timex"]:
        parts.append(f"timex R {s['timex_recall']:.2f} value {s['timex_value_acc']:.2f}")
    if c["gold_events"]:
        parts.append(f"events R {s['event_recall']:.2f} P {s['event_precision']:.2f}")
    return ", ".join(parts)


def _write(out_dir: Path, results: dict, cats_by_corpus: dict) -> None:
    err_dir = out_dir / "errors"
    err_dir.mkdir(parents=True, exist_ok=True)
    for old in err_dir.glob("*.md"):
        old.unlink()
    for name, cats in cats_by_corpus.items():
        (err_dir / f"{name}.md").write_text(report.errors_md(name, results["corpora"][name]["summary"], cats),
                                            encoding="utf-8")
    (out_dir / "results.json").write_text(json.dumps(results, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    (out_dir / "RESULTS.md").write_text(report.results_md(results), encoding="utf-8")
