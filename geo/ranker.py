"""The learned candidate ranker at run time: a small model read from ``data/ranker.json``,
evaluated with numpy (no scikit-learn at run time; bench.train_ranker writes the file).

Two kinds of model file, both giving a logit per feature vector (geo.features):

* ``"logistic"``: standardised features (``mean``, ``scale``) times ``coef`` plus ``intercept``;
* ``"trees"``: gradient-boosted regression trees of at most ``depth`` levels, ``init`` plus
  ``rate`` times the sum of the leaves reached; a tree is five parallel lists ``feature``,
  ``threshold``, ``left``, ``right``, ``value`` indexed by node, node 0 the root (feature -1
  marks a leaf; a sample goes left when its value is <= the threshold).

A file that is missing, unreadable, of another kind or trained on other features gives no
ranker (None, with a warning for all but a missing file): resolution then falls back to the
hand-tuned scores (geo.resolve).
"""
from __future__ import annotations

import json
import logging
import math
from pathlib import Path
from typing import Optional, Sequence

import numpy as np

from geo.features import FEATURES

log = logging.getLogger("lagebild.geo")

MODEL_PATH = Path(__file__).resolve().parent.parent / "data" / "ranker.json"
DEFAULT = object()  # "the default ranker" (None means: no ranker, the hand-tuned order)


class Ranker:
    """Logits of many feature vectors at once (numpy: one call per document, not per name)."""

    def __init__(self, spec: dict):
        if list(spec.get("features", ())) != list(FEATURES):
            raise ValueError("trained on other features than geo.features.FEATURES")
        self.kind = spec["kind"]
        n = len(FEATURES)
        if self.kind == "logistic":
            mean, scale, coef = (np.asarray(spec[k], dtype=float) for k in ("mean", "scale", "coef"))
            if not mean.shape == scale.shape == coef.shape == (n,) or not scale.all():
                raise ValueError("logistic model of the wrong size")
            # (x - mean) / scale . coef  ==  x . (coef / scale) - mean . (coef / scale)
            self._w = coef / scale
            self._b = float(spec["intercept"]) - float(mean @ self._w)
        elif self.kind == "trees":
            self._init, self._rate, self._depth = float(spec["init"]), float(spec["rate"]), int(spec["depth"])
            self._pack(spec["trees"], n)
        else:
            raise ValueError(f"unknown model kind {self.kind!r}")

    def _pack(self, trees: list, n: int) -> None:
        """All trees' nodes in flat arrays (a node's children as flat indexes); a leaf points
        to itself (threshold +inf), so that every sample can take ``depth`` steps."""
        feature, threshold, left, right, value, roots = [], [], [], [], [], []
        for t in trees:
            f, th, lo, hi, v = (t[k] for k in ("feature", "threshold", "left", "right", "value"))
            size, base = len(v), len(value)
            if not len(f) == len(th) == len(lo) == len(hi) == size:
                raise ValueError("tree arrays of unequal length")
            roots.append(base)
            for j in range(size):
                if f[j] < 0:
                    feature.append(0), threshold.append(math.inf), left.append(base + j), right.append(base + j)
                elif f[j] >= n or not (0 < lo[j] < size and 0 < hi[j] < size):
                    raise ValueError("tree node out of range")
                else:
                    feature.append(f[j]), threshold.append(th[j]), left.append(base + lo[j]), right.append(base + hi[j])
                value.append(v[j])
        self._f = np.array(feature, dtype=np.intp)
        self._t = np.array(threshold, dtype=float)
        self._l = np.array(left, dtype=np.intp)
        self._r = np.array(right, dtype=np.intp)
        self._v = np.array(value, dtype=float)
        self._roots = np.array(roots, dtype=np.intp)

    def logits(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The logit of each feature vector."""
        if self.kind == "logistic":
            return (np.asarray(rows, dtype=float) @ self._w + self._b).tolist()
        # as scikit-learn's trees compare: the sample in float32 against float64 thresholds
        x = np.asarray(rows, dtype=np.float32).astype(float)
        width = x.shape[1]
        base = (np.arange(len(x)) * width)[:, None]
        flat = x.ravel()
        node = np.broadcast_to(self._roots, (len(x), len(self._roots)))
        for _ in range(self._depth):
            go_left = flat.take(base + self._f.take(node)) <= self._t.take(node)
            node = np.where(go_left, self._l.take(node), self._r.take(node))
        return (self._init + self._rate * self._v.take(node).sum(axis=1)).tolist()


def load_ranker(path: Path = MODEL_PATH) -> Optional[Ranker]:
    """The model in ``path``, or None when there is none or it cannot be used."""
    try:
        with open(path, encoding="utf-8") as f:
            return Ranker(json.load(f))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as err:
        log.warning("ranker model %s unusable (%s); resolving by the hand-tuned scores", path, err)
        return None


_LOADED: dict = {}


def default_ranker() -> Optional[Ranker]:
    """The process-wide model from :data:`MODEL_PATH` (read once)."""
    if "model" not in _LOADED:
        _LOADED["model"] = load_ranker(MODEL_PATH)
    return _LOADED["model"]
