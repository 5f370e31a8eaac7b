"""build_map time and page size for 1,000 shipments drawn as legs.

    .venv/bin/python tools/routes_bench.py [--sea] [--shipments 1000]

The shipments come from ``store.synthetic`` (routes between its few dozen real
places, 1-2 random modes); every third gets a transit place, so a third are
two legs. ``--sea`` makes every shipment "by sea" (the most sea lanes). Three
runs in one process: the first pays for loading searoute's network and the
coastline and for routing each port pair once (the caches), the others hit
the caches, as the page does on a rerun.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def shipments(n: int, sea: bool) -> list[dict]:
    from store.synthetic import synthetic_documents

    rng = random.Random(3)
    ships = [e for d in synthetic_documents(n * 6) for e in d["events"]
             if e["type"] == "shipment" and e.get("origin") and e.get("destination")][:n]
    places = sorted({e["origin"]["name"]: e["origin"] for e in ships}.items())
    for e in ships[::3]:
        e["via"] = [dict(rng.choice(places)[1])]
    if sea:
        for e in ships:
            e["modes"] = ["sea"]
    return ships


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shipments", type=int, default=1000)
    ap.add_argument("--sea", action="store_true", help="every shipment by sea")
    args = ap.parse_args()
    from viz import build_map

    ships = shipments(args.shipments, args.sea)
    for run in ("cold", "warm", "warm"):
        t = time.perf_counter()
        m = build_map(ships)
        built = time.perf_counter() - t
        t = time.perf_counter()
        html = m.get_root().render()
        rendered = time.perf_counter() - t
        print(f"{run}: build_map {built:.2f} s, render {rendered:.2f} s, "
              f"page {len(html) / 1e6:.2f} MB")
    from viz.geometry import event_points
    from viz.legs import event_legs

    legs = [leg for e in ships for leg in event_legs(e, event_points(e))]
    print(f"{len(ships)} shipments, {len(legs)} legs {dict(Counter(leg.mode for leg in legs))}, "
          f"{sum(len(leg.points) for leg in legs)} points, "
          f"{sum(1 for leg in legs if leg.note and 'straight' in leg.note)} sea legs drawn straight")


if __name__ == "__main__":
    main()
