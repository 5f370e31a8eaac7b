"""Lagebild benchmarks: accuracy beside published geoparsers, speed and memory.

``python -m bench`` (or ``make bench``) regenerates ``bench/RESULTS.md``,
``bench/results.json`` and ``bench/errors/<corpus>.md``; see ``bench/README.md``.
"""
