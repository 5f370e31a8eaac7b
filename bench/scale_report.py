"""Batch-ingest scale figures (issue 8): kept in bench/scale.json by
``tools/scale_bench.py``, rendered into docs/SCALE.md and bench/RESULTS.md.

Runs are kept by label (``jobs1``, ``jobs2``, ``dask2`` ...) for one input size;
a later run of a label replaces the earlier one, so the three configurations may
be measured in separate sittings. Each run carries the date, the commit and the
load average around it. Pure functions of the stored figures.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Optional

SCALE_JSON = Path(__file__).resolve().parent / "scale.json"
TARGET = 10_000_000
LABELS = {
    "jobs1": "one process: `python -m ingest --jsonl FILE --store DB`",
    "jobs1-nomerge": "as jobs1, without cross-article merging: the reference for issue 17 "
                     "(merging within 20 % of it), measured back to back with jobs1 from a "
                     "scratch worktree of the parent commit (the same extraction) whose "
                     "ingest does not call `store.happenings.assign_rows` (no option of the "
                     "program; see 'Cross-article merging at 100,000 articles' below)",
    "jobs2": "two local worker processes: `... --jobs 2`",
    "dask2": "Dask LocalCluster, 2 worker processes x 1 thread: `... --scheduler local --jobs 2`",
    "dask2-pg": "as dask2, into PostgreSQL 15 (on this machine, default durability), the workers "
                "writing: `... --store postgresql://... --scheduler local --jobs 2 --workers-write`",
}


def load(path: Path = SCALE_JSON) -> dict[str, Any]:
    if not path.exists():
        return {"runs": {}, "writers": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def merge(data: dict[str, Any], runs: list[dict], writers: dict[str, dict]) -> dict[str, Any]:
    """*data* with *runs* (by label) and *writers* (by key) replaced or added.
    Runs of another input size than the new ones are dropped: a table mixes no sizes."""
    out = {"runs": dict(data.get("runs") or {}), "writers": dict(data.get("writers") or {})}
    sizes = {r["input"] for r in runs}
    if sizes:
        out["runs"] = {k: r for k, r in out["runs"].items() if r.get("input") in sizes}
    for r in runs:
        out["runs"][r["label"]] = r
    out["writers"].update(writers)
    return out


def save(data: dict[str, Any], path: Path = SCALE_JSON) -> None:
    path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def projection(data: dict[str, Any], nodes: int = 16, cores: int = 8) -> Optional[dict[str, float]]:
    """Cluster rate and hours for TARGET articles from the measured runs, or None."""
    runs = data.get("runs") or {}
    one = runs.get("jobs1")
    parallel = [r for k, r in runs.items() if k in ("jobs2", "dask2") and r.get("rate")]
    if not one or not one.get("rate"):
        return None
    per_core = one["rate"]
    best = max(parallel, key=lambda r: r["rate"]) if parallel else None
    eff = min(best["rate"] / (per_core * best["jobs"]), 1.0) if best else 1.0
    extract_rate = nodes * cores * per_core * eff
    w = data.get("writers") or {}
    single = (w.get("sqlite-1") or {}).get("docs_s")
    pg = max((v for k, v in w.items() if k.startswith("postgresql-")),
             key=lambda v: v.get("docs_s", 0), default=None)
    out = {"nodes": nodes, "cores": cores, "per_core": per_core, "eff": eff,
           "best": best["label"] if best else None, "extract_rate": extract_rate,
           "extract_hours": TARGET / extract_rate / 3600}
    if single:
        out["single_writer"] = single
        out["client_hours"] = TARGET / min(extract_rate, single) / 3600
    if pg:
        out["pg_writers"], out["pg_rate"] = pg["writers"], pg["docs_s"]
    return out


def _runs_table(data: dict[str, Any]) -> list[str]:
    rows = ["| run | extracted | events | time | articles/s | peak memory (all processes) "
            "| re-run of all input (all skipped) | load avg before / after | commit |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    order = [k for k in LABELS if k in data["runs"]] + sorted(set(data["runs"]) - set(LABELS))
    for k in order:
        r = data["runs"][k]
        rows.append(f"| {k} | {r['n']:,} | {r['events']:,} | {r['seconds']:.0f} s | {r['rate']:.1f} "
                    f"| {r['peak_mb']:,.0f} MB | {r['rerun_seconds']:.1f} s ({r['rerun_skipped']:,}) "
                    f"| {r.get('load_before', '?')} / {r.get('load_after', '?')} "
                    f"| {r.get('commit', '?')} |")
    return rows


def _writers_table(data: dict[str, Any]) -> list[str]:
    w = data.get("writers") or {}
    if not w:
        return []
    rows = ["| store | parallel writers | documents/s (all writers) |", "| --- | ---: | ---: |"]
    for k in sorted(w, key=lambda k: (w[k]["backend"], w[k]["writers"])):
        rows.append(f"| {w[k]['backend']} | {w[k]['writers']} | {w[k]['docs_s']:,.0f} |")
    return rows


def ingest_md(data: dict[str, Any], nodes: int = 16, cores: int = 8) -> list[str]:
    """The measured runs, the store's write rates and the projection (markdown lines)."""
    runs = data.get("runs") or {}
    if not runs:
        return ["No scale runs on record: `python tools/scale_bench.py --n 100000`.", ""]
    first = next(iter(runs.values()))
    dates = sorted({r["date"] for r in runs.values()})
    out = [f"Input: **{first['input']:,} generated articles** (~1 KB each: the demo articles with "
           "sentences shuffled, place names swapped, days and publication dates shifted; those that "
           "come out identical to an earlier one are skipped by content hash, so each run extracts "
           f"the distinct ones). Machine: {first.get('machine', '?')}; SQLite store on local disk unless the run says otherwise; "
           f"measured {', '.join(dates)}. Command: "
           f"`.venv/bin/python tools/scale_bench.py --n {first['input']} --runs LABEL`.", ""]
    out += _runs_table(data) + [""]
    out += [f"* `{k}`: {v}" for k, v in LABELS.items() if k in runs] + [""]
    out += ["Peak memory is the summed RSS of the process and all its children, sampled every 0.2 s; "
            "it does not grow with the input (streamed input, a bounded number of chunks in flight).", ""]
    wt = _writers_table(data)
    if wt:
        out += ["Store write rate (synthetic documents of 5 events, no extraction; one connection "
                "per writer, one transaction per document, `tools/scale_bench.py --writers`):", ""]
        out += wt + [""]
    p = projection(data, nodes, cores)
    if p:
        out += [f"### Projection: {TARGET:,} articles on a {nodes}-node cluster", "",
                f"Assumed: {nodes} nodes x {cores} cores, one single-threaded Dask worker per core; "
                f"measured here: {p['per_core']:.1f} articles/s per core (`jobs1`), parallel "
                f"efficiency {p['eff']:.0%} (`{p['best']}` against twice `jobs1`, at most 100%: "
                "in `jobs1` one process extracts *and* writes, in `jobs2` the main process "
                "writes beside two extracting workers, so the ratio can pass 1).", "",
                f"    extraction: {TARGET:,} / ({nodes} x {cores} x {p['per_core']:.1f} x {p['eff']:.2f})"
                f" = {p['extract_rate']:,.0f} articles/s -> {p['extract_hours']:.1f} h", ""]
        if p.get("single_writer"):
            out += [f"* Results written by the client into one store (the default): one writer "
                    f"takes {p['single_writer']:,.0f} documents/s, so the run takes "
                    f"**{p['client_hours']:.1f} h** -- the writer, not the cluster, sets the pace."]
        if p.get("pg_rate"):
            out += [f"* Workers writing into PostgreSQL themselves (`--workers-write`): "
                    f"{p['pg_writers']} parallel writers measured {p['pg_rate']:,.0f} documents/s "
                    f"on this 2-core machine (client, server and writers share the cores); a "
                    f"database server of its own needs {p['extract_rate']:,.0f}/s, "
                    f"{p['extract_rate'] / p['pg_rate']:.1f}x that, for the cluster to set the "
                    f"pace ({p['extract_hours']:.1f} h)."]
        out += [f"* Workers writing Parquet parts to shared storage (`--parquet-out DIR "
                f"--workers-write`, no store): each worker writes its own parts, nothing is "
                f"funnelled, so the run is extraction-bound ({p['extract_hours']:.1f} h)"
                + (f"; loading all parts into one store afterwards (`python -m store.parquet "
                   f"DIR`) runs at the single-writer rate, {TARGET / p['single_writer'] / 3600:.1f} h "
                   "on SQLite, or split over several loaders into PostgreSQL."
                   if p.get("single_writer") else ".")]
        out += ["* Not in the figure: articles are ~1 KB here, real news 3-5 KB (extraction time "
                "grows about linearly with length); server cores differ from this machine's; the "
                "client reads and ships every text (~1 KB) and, unless the workers write, receives "
                "every result (~5-10 KB).", ""]
    return out
