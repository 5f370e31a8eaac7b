"""A normalised key for a person's (or an organisation's) name, so that German and
English copy of one name meet: "Sergej Lawrow" and "Sergei Lavrov", "Wadim
Scherschnjow" and "Vadim Shershnyov", "Rustam Chodschajew" and "Rustam Khodzhayev"
all have one key.

German and English transliterate names from the Cyrillic alphabet differently
(Duden vs. the BGN/PCGN-like press usage): ш sch/sh, ж sch/zh, ч tsch/ch, х ch/kh,
дж dsch/dzh, в w/v, й j/y/i, е je/ye/e, ц z/ts. The key folds each pair onto one
symbol; because German "ch" is х and English "ch" is ч, the four hushing and
guttural sounds (ш ж ч х) share one symbol. That makes the key coarse on purpose: it
decides whether two *spellings* may be one name, and is only ever used together with
a place and a date (store.matching).

>>> name_key("Sergej Lawrow") == name_key("Sergei Lavrov")
True
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Iterable

# longest first; upper-case letters are symbols of the key, never input (input is lowered)
_FOLDS: tuple[tuple[str, str], ...] = (
    ("dsch", "J"), ("dzh", "J"), ("dzch", "J"), ("dj", "J"),        # дж
    ("shch", "X"), ("schtsch", "X"), ("tsch", "X"), ("tch", "X"),  # щ ч
    ("sch", "X"), ("sh", "X"), ("zh", "X"), ("ch", "X"), ("kh", "X"),  # ш ж ч/х х
    ("ts", "S"), ("tz", "S"), ("z", "S"), ("s", "S"),              # ц з с
    ("ck", "K"), ("c", "K"), ("q", "K"), ("k", "K"), ("x", "KS"),
    ("ph", "F"), ("f", "F"), ("w", "V"), ("v", "V"),
    ("j", "I"), ("y", "I"), ("i", "I"),
)
_FOLD_RE = re.compile("|".join(re.escape(a) for a, _ in _FOLDS))
_FOLD_MAP = dict(_FOLDS)
_VOWELS = "aeouI"
_TOKEN = re.compile(r"[^\W\d_]+")


def _ascii(text: str) -> str:
    """Lower case without diacritics (ё -> e is not attempted: the input is Latin)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("ß", "ss"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_token(token: str) -> str:
    key = _FOLD_RE.sub(lambda m: _FOLD_MAP[m.group(0)], token)
    # a й/j/y between or after vowels is no letter of its own ("Sergej"/"Sergei",
    # "Khodzhayev"/"Khodzhaev"); doubled letters are one ("Tokhtarow"/"Tochtarow")
    key = re.sub(r"(?<=[aeou])I", "", key)
    key = re.sub(r"(.)\1+", r"\1", key)
    return key


@lru_cache(maxsize=65536)
def name_key(name: str) -> str:
    """The key of *name*: its words (letters only) folded, joined by one space;
    '' when it has no letters."""
    return " ".join(_fold_token(t) for t in _TOKEN.findall(_ascii(name or "")))


def same_name(a: str, b: str) -> bool:
    """Whether two names may denote one person: equal keys, or one name is the other's
    surname alone ("Lawrow" and "Sergei Lavrov")."""
    return same_key(name_key(a), name_key(b))


def same_key(ka: str, kb: str) -> bool:
    """:func:`same_name` of two names' keys."""
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long_ = sorted((ka.split(), kb.split()), key=len)
    return len(short) == 1 and len(long_) > 1 and short[0] == long_[-1]


def key_sets(keys: Iterable[str]) -> tuple[frozenset, frozenset, frozenset]:
    """(the keys, those of one word, the last words of the others) of names' keys, ''
    left out: two lists hold names that :func:`same_key` joins exactly when
    :func:`keys_overlap` says so."""
    whole = frozenset(k for k in keys if k)
    single = frozenset(k for k in whole if " " not in k)
    return whole, single, frozenset(k.rsplit(" ", 1)[1] for k in whole - single)


def keys_overlap(a: tuple[frozenset, frozenset, frozenset],
                 b: tuple[frozenset, frozenset, frozenset]) -> bool:
    """Whether a name of one :func:`key_sets` and one of the other have one key, or one
    is the other's surname alone."""
    return bool(a[0] & b[0] or a[1] & b[2] or b[1] & a[2])
