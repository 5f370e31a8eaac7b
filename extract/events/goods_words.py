"""The goods words of an event lexicon: what can be shipped, as noun families with their
endings, compound heads where compounds are closed, whole words, patterns and measures."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

MEMO_MAX = 200_000  # words in a lexicon's memo; dropped and refilled beyond that (bounded memory)


def alternation(words) -> re.Pattern:
    return re.compile("|".join(f"(?:{w})" for w in words))


@dataclass
class GoodsWords:
    """What can be shipped (``goods`` in the lexicon): noun families with their endings,
    compound heads where compounds are closed, whole words, regexes, and measures."""
    forms: frozenset[str]              # every family entry with every ending, and the words
    heads: frozenset[str]              # family forms that may end a closed compound
    patterns: Optional[re.Pattern]
    measures: frozenset[str]           # units of bulk goods, with endings
    number_words: frozenset[str]
    troops: frozenset[str] = frozenset()  # the "troops" family's forms: forces on the move
    personnel: frozenset[str] = frozenset()  # people of a service (police, experts): goods of a deployment only
    memo: dict = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def from_data(cls, raw: dict, compounds: bool) -> "GoodsWords":
        endings = [""] + list(raw.get("endings", ()))
        family = {e + end for words in raw.get("families", {}).values() for e in words for end in endings}
        return cls(forms=frozenset(family | set(raw.get("words", ()))),
                   heads=frozenset(f for f in family if len(f) >= 4) if compounds else frozenset(),
                   patterns=alternation(raw["patterns"]) if raw.get("patterns") else None,
                   measures=frozenset(m + end for m in raw.get("measures", ()) for end in endings),
                   number_words=frozenset(raw.get("number_words", ())),
                   troops=frozenset(e + end for e in raw.get("families", {}).get("troops", ()) for end in endings),
                   personnel=frozenset(e + end for e in raw.get("personnel", ()) for end in endings))

    def is_personnel(self, low: str) -> bool:
        """People of a service sent somewhere ("Polizisten", "Grenzschützer", "police officers"),
        also as a compound's last part ("OSZE-Beobachter", "Polizeiexperten")."""
        last = low.rsplit("-", 1)[-1]
        return last in self.personnel or any(low[k:] in self.personnel for k in range(3, len(low) - 3))

    def __contains__(self, low: str) -> bool:
        """Whether a lower-cased word names goods: a family form, a word, a pattern, the last
        part of a hyphenated compound, or (closed compounds) a family form as the head
        after at least three letters ("schützenpanzer", "flugabwehrraketen")."""
        hit = self.memo.get(low)
        if hit is None:
            if len(self.memo) > MEMO_MAX:
                self.memo.clear()
            last = low.rsplit("-", 1)[-1]
            hit = low in self.forms or last in self.forms or bool(
                self.patterns and (self.patterns.fullmatch(low) or self.patterns.fullmatch(last))) or any(
                low[k:] in self.heads for k in range(3, len(low) - 3))
            self.memo[low] = hit
        return hit

    def is_number(self, low: str) -> bool:
        return any(c.isdigit() for c in low) or low in self.number_words
