"""The machine, and the start-up measurements that need a fresh interpreter."""
from __future__ import annotations

import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpora import ROOT

COLD_START = r"""
import json, resource, time
t0 = time.perf_counter()
from geo.gazetteer import Gazetteer
g = Gazetteer.load()
t1 = time.perf_counter()
print(json.dumps({"load_s": t1 - t0, "entries": len(g),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

FIRST_DOC = r"""
import datetime, json, resource, time
t0 = time.perf_counter()
from extract.pipeline import get_pipeline
p = get_pipeline()
t1 = time.perf_counter()
d = p.process("Am Freitag traf Scholz in Paris Macron; Lieferungen aus Rostock nach Odessa.",
              doc_id="x", doc_date=datetime.date(2023, 10, 13), lang="de")
t2 = time.perf_counter()
print(json.dumps({"pipeline_s": t1 - t0, "first_doc_s": t2 - t1, "places": len(d.places),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

BUILD = r"""
import json, resource, time
from geo.gazetteer import Gazetteer
t0 = time.perf_counter()
g = Gazetteer.load(rebuild=True)
print(json.dumps({"build_s": time.perf_counter() - t0, "entries": len(g),
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def machine() -> dict:
    cpu = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    return {"cpu": cpu or platform.processor() or "unknown", "cores": os.cpu_count(), "ram_gb": mem_gb,
            "python": platform.python_version(), "platform": platform.platform(),
            "loadavg": _loadavg(), "git": _git()}


CODE_DIRS = ("extract", "geo", "data")


def code_fingerprint(root: Path = ROOT) -> str:
    """A hash of the code and data the extractor runs on (to notice edits made during a run)."""
    import hashlib

    h = hashlib.sha256()
    for d in CODE_DIRS:
        for path in sorted((root / d).rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts:
                h.update(str(path.relative_to(root)).encode())
                h.update(path.read_bytes())
    return h.hexdigest()[:12]


def _loadavg():
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None


def _git() -> str:
    try:
        head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True, timeout=10).stdout.strip()
        return head + (" (+ uncommitted changes)" if dirty else "")
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def fresh_python(code: str, env: dict | None = None, timeout: int = 600) -> dict:
    """Run ``code`` in a new interpreter at the repository root; its JSON line plus wall time."""
    full_env = dict(os.environ)
    full_env.update(env or {})
    full_env["PYTHONPATH"] = str(ROOT) + os.pathsep + full_env.get("PYTHONPATH", "")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=full_env, capture_output=True,
                          text=True, timeout=timeout)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise RuntimeError(f"subprocess failed ({proc.returncode}): {proc.stderr[-2000:]}")
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_wall_s"] = wall
    return out


def cold_start(repeats: int = 3) -> dict:
    """Median over fresh interpreters, the cache warm (one unmeasured run first)."""
    fresh_python(COLD_START)
    runs = [fresh_python(COLD_START) for _ in range(repeats)]
    first = [fresh_python(FIRST_DOC) for _ in range(repeats)]
    med = lambda rows, k: statistics.median(r[k] for r in rows)  # noqa: E731
    return {"repeats": repeats, "gazetteer_load_s": med(runs, "load_s"),
            "gazetteer_process_wall_s": med(runs, "process_wall_s"), "gazetteer_rss_mb": med(runs, "rss_mb"),
            "entries": runs[0]["entries"], "pipeline_s": med(first, "pipeline_s"),
            "first_doc_s": med(first, "first_doc_s"), "first_doc_process_wall_s": med(first, "process_wall_s"),
            "pipeline_rss_mb": med(first, "rss_mb"), "all": {"gazetteer": runs, "first_doc": first}}


def build_time() -> dict:
    """``Gazetteer.load(rebuild=True)`` into an empty temporary LAGEBILD_CACHE_DIR."""
    with tempfile.TemporaryDirectory(prefix="lagebild-bench-cache-") as tmp:
        return fresh_python(BUILD, env={"LAGEBILD_CACHE_DIR": tmp})
