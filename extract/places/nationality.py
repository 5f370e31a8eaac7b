"""A nationality right before a place name says which country the place is in ("im
polnischen Płock", "the Polish port of Gdansk", "die ukrainische Hafenstadt Odessa"):
the span gets that country as a hint for resolution (geo.resolve)."""
from __future__ import annotations

import re
from typing import Callable, Optional, Sequence

_WORD = re.compile(r"[^\W\d_][\w'-]*")
LOOK_BACK = 60   # characters before a name searched for its nationality
MAX_WORDS = 3    # a nationality and up to two words between it and the name


def country_hints(text: str, spans: Sequence, demonym: Callable[[str], Optional[str]],
                  heads: frozenset[str], capitalised_nouns: bool) -> None:
    """Set ``country_hint`` on each span preceded by a nationality adjective, with only
    ``heads`` ("Stadt", "port of") between them. German adjectives are lower case,
    English ones capitalised."""
    for span in spans:
        before = text[max(0, span.start - LOOK_BACK):span.start]
        if re.search(r"[.!?;:,\n]\s*$", before):
            continue
        words = _WORD.findall(before)[-MAX_WORDS:]
        for w in reversed(words):
            low = w.lower()
            adjective = w.islower() if capitalised_nouns else w[:1].isupper()
            iso = demonym(low) if adjective else None
            if iso:
                span.country_hint = iso
                break
            if low not in heads:
                break
