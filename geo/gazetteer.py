"""The offline gazetteer: a compact index built once, cached on disk.

``Gazetteer.load()`` returns the cached index when its fingerprint (the size
and modification time of every source file, this package's code and the
Python version) matches, and rebuilds it otherwise. The index holds parallel
columns (name, lat, lon, country, feature, population, GeoNames id, capital)
and two key tables: folded name -> entry ids, transliteration key -> entry
ids. Lookups never touch the raw sources.
"""
from __future__ import annotations

import bisect
import hashlib
import logging
import math
import os
import pickle
import sys
import tempfile
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional

from records.model import Place
from geo import sources
from records.errors import GazetteerError
from geo.translit import fold, translit_keys

log = logging.getLogger("lagebild.geo")

INDEX_VERSION = 5
MATCH_NAME, MATCH_ALIAS, MATCH_TRANSLIT = "name", "alias", "translit"
# A transliteration key is only indexed for places that news may plausibly name
# in a foreign spelling; tiny villages would add noise, not recall.
TRANSLIT_MIN_POP = 5000


def default_cache_dir() -> Path:
    env = os.environ.get("LAGEBILD_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "lagebild"


def fingerprint(files: Iterable[Path]) -> str:
    h = hashlib.sha256(f"v{INDEX_VERSION} py{sys.version_info[:2]}".encode())
    code = [Path(__file__), Path(sources.__file__), Path(__file__).with_name("translit.py"),
            Path(__file__).with_name("admin_units.py")]
    for path in [*code, *files]:
        st = path.stat()
        h.update(f"{path.name}:{st.st_size}:{int(st.st_mtime)}".encode())
    for path in code:
        h.update(path.read_bytes())
    return h.hexdigest()[:16]


@dataclass(frozen=True)
class Candidate:
    """A gazetteer entry that a surface form may denote, and how it matched."""

    id: int
    place: Place
    match: str  # MATCH_NAME | MATCH_ALIAS | MATCH_TRANSLIT
    capital: bool


def importance(c: Candidate) -> float:
    """How likely news means this entry, before any context: log10 of the population,
    at least 5.5 for a region, admin unit or facility, 9 for a country, +1 for a
    capital. The one place score: recognition weighs it against how common the word
    is, resolution adds the match quality."""
    p = c.place
    return _importance(p.feature, p.population, c.capital)  # memoised by all it depends on: asked per sort key


@lru_cache(maxsize=100_000)
def _importance(feature: str, population: int, capital: bool) -> float:
    if feature == "country":
        return 9.0
    base = math.log10(max(population, 1) + 1)
    if feature in ("admin", "region", "facility"):
        base = max(base, 5.5)
    return base + (1.0 if capital else 0.0)


def abbreviation_key(text: str) -> str:
    """An abbreviation as a key: case kept, full stops and spaces dropped ("W. Va." -> "WVa")."""
    return text.replace(".", "").replace(" ", "")


def _add(table: dict, key: str, idx: int) -> None:
    old = table.get(key)
    if old is None:
        table[key] = idx
    elif isinstance(old, int):
        if old != idx:
            table[key] = (old, idx)
    elif idx not in old:
        table[key] = old + (idx,)


def build_index(entries: Iterable[dict]) -> dict:
    """Columns and key tables from entry dicts (see geo.sources)."""
    keys = ("name", "lat", "lon", "cc", "feature", "pop", "gid", "capital")
    cols: dict[str, list] = {k: [] for k in (*keys, "folded")}
    by_fold: dict[str, object] = {}
    by_translit: dict[str, object] = {}
    lang_only: dict[tuple[str, int], str] = {}
    abbreviations: dict[str, object] = {}
    for idx, e in enumerate(entries):
        for abbr in e.get("abbreviations") or ():
            _add(abbreviations, abbreviation_key(abbr), idx)
        for name, lang in (e.get("names_lang") or {}).items():
            lang_only[(fold(name), idx)] = lang
        for k in keys:
            cols[k].append(e.get(k))
        cols["folded"].append(fold(e["name"]))
        big = e["feature"] != "city" or e["pop"] >= TRANSLIT_MIN_POP
        for name in e["names"]:
            key = fold(name)
            if key:
                _add(by_fold, key, idx)
            if big:
                for tk in translit_keys(name):
                    _add(by_translit, tk, idx)
    return {"cols": cols, "fold": by_fold, "translit": by_translit, "lang_only": lang_only,
            "abbreviations": abbreviations,
            "given_names": sources.given_names()}


class Gazetteer:
    """Lookups over the compact index. Build with :meth:`load`."""

    def __init__(self, index: dict):
        self._cols = index["cols"]
        self._capitals: Optional[dict[str, int]] = None
        self._fold = index["fold"]
        self._translit = index["translit"]
        self._lang_only = index["lang_only"]
        self._abbreviations = index.get("abbreviations") or {}
        self.given_names: frozenset[str] = index["given_names"]
        self._folded_names = self._cols["folded"]
        self._country_ids = {cc: i for i, (cc, f) in enumerate(zip(self._cols["cc"], self._cols["feature"]))
                             if f == "country"}
        self._places: dict[int, Place] = {}
        self._sorted_keys: Optional[list[str]] = None

    # -- construction -------------------------------------------------
    @classmethod
    def load(cls, cache_dir: Optional[Path] = None, rebuild: bool = False) -> "Gazetteer":
        """The cached index, rebuilt when its inputs changed (or when asked)."""
        cache_dir = Path(cache_dir) if cache_dir else default_cache_dir()
        files = sources.source_files()
        path = cache_dir / f"gazetteer-{fingerprint(files)}.pickle"
        if path.exists() and not rebuild:
            try:
                with open(path, "rb") as f:
                    return cls(pickle.load(f))
            except (OSError, pickle.UnpicklingError, EOFError, KeyError) as err:
                log.warning("gazetteer cache %s unreadable (%s); rebuilding", path, err)
        t0 = time.perf_counter()
        index = build_index(sources.iter_entries())
        cls._write(path, index)
        log.info("gazetteer index built in %.1f s: %s", time.perf_counter() - t0, path)
        return cls(index)

    @staticmethod
    def _write(path: Path, index: dict) -> None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            # keep a few other versions: several checkouts may share the cache folder
            others = sorted(path.parent.glob("gazetteer-*.pickle"), key=lambda p: p.stat().st_mtime)
            for old in others[:-2]:
                old.unlink(missing_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")  # created 0600
            with os.fdopen(fd, "wb") as f:
                pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path)
        except OSError as err:  # a read-only cache only costs the next start time
            log.warning("gazetteer cache not written (%s)", err)

    # -- lookups ------------------------------------------------------
    def __len__(self) -> int:
        return len(self._cols["name"])

    def place(self, idx: int) -> Place:
        p = self._places.get(idx)
        if p is None:
            c = self._cols
            p = Place(name=c["name"][idx], lat=c["lat"][idx], lon=c["lon"][idx], feature=c["feature"][idx],
                      country_code=c["cc"][idx], geonameid=c["gid"][idx], population=c["pop"][idx] or 0)
            self._places[idx] = p
        return p

    def is_capital(self, idx: int) -> bool:
        return bool(self._cols["capital"][idx])

    def country(self, iso: str) -> Optional[Place]:
        idx = self._country_ids.get((iso or "").upper())
        return None if idx is None else self.place(idx)

    def capital(self, iso: str) -> Optional[Place]:
        """The national capital of country ``iso`` (the most populous entry marked capital)."""
        if self._capitals is None:
            best: dict[str, int] = {}
            cols = self._cols
            for idx, (cc, cap, pop) in enumerate(zip(cols["cc"], cols["capital"], cols["pop"])):
                if cap and cc and (cc not in best or (pop or 0) > (cols["pop"][best[cc]] or 0)):
                    best[cc] = idx
            self._capitals = best
        idx = self._capitals.get((iso or "").upper())
        return None if idx is None else self.place(idx)

    def has_key(self, folded: str) -> bool:
        return folded in self._fold

    @staticmethod
    def _ids(value) -> tuple[int, ...]:
        if value is None:
            return ()
        return (value,) if isinstance(value, int) else value

    def lookup(self, name: str, translit: bool = True, lang: Optional[str] = None) -> list[Candidate]:
        """Entries that ``name`` may denote: by folded name, then by transliteration key.

        With ``lang``, names known only in another language are skipped.
        """
        key = fold(name)
        out: dict[int, Candidate] = {}
        for idx in self._ids(self._fold.get(key)):
            only = self._lang_only.get((key, idx))
            if lang and only and only != lang:
                continue
            kind = MATCH_NAME if self._folded_names[idx] == key else MATCH_ALIAS
            out[idx] = Candidate(idx, self.place(idx), kind, self.is_capital(idx))
        if translit and not out and key not in self._fold:
            for tk in translit_keys(name):
                for idx in self._ids(self._translit.get(tk)):
                    if idx not in out:
                        out[idx] = Candidate(idx, self.place(idx), MATCH_TRANSLIT, self.is_capital(idx))
        return list(out.values())

    def abbreviation(self, text: str) -> list[Candidate]:
        """The entries an abbreviation stands for ("W.Va." -> West Virginia), case-sensitive;
        where a text may read it as one is the recognizer's business."""
        return [Candidate(idx, self.place(idx), MATCH_ALIAS, self.is_capital(idx))
                for idx in self._ids(self._abbreviations.get(abbreviation_key(text)))]

    def names_starting(self, prefix: str, limit: int = 50) -> list[str]:
        """Up to *limit* folded names (and aliases) that begin with *prefix*, in
        alphabetical order: what a search box offers while the name is typed. The
        sorted key list is built on the first call."""
        key = fold(prefix)
        if not key:
            return []
        if self._sorted_keys is None:
            self._sorted_keys = sorted(self._fold)
        keys, out = self._sorted_keys, []
        for i in range(bisect.bisect_left(keys, key), len(keys)):
            if not keys[i].startswith(key) or len(out) >= limit:
                break
            out.append(keys[i])
        return out

    def translit_has(self, name: str) -> bool:
        return any(tk in self._translit for tk in translit_keys(name))


_DEFAULT: Optional[Gazetteer] = None


def default_gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        try:
            _DEFAULT = Gazetteer.load()
        except OSError as err:
            raise GazetteerError(f"gazetteer sources unreadable: {err}") from err
    return _DEFAULT
