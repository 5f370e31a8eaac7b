"""Words a pattern cannot match without: a cheap test before running a regex on a window.

    needed_literals(regex) -> tuple of lower-case ASCII strings, or None

Every match of the regex contains at least one of the returned strings (compared
case-insensitively, see :func:`fold_case`), so a text window holding none of them
cannot contain a match and the regex need not run there. The strings are read off
the parsed pattern: a run of literal characters (or of items with few exact forms) in
sequence, the union over the
branches of an alternation, the body of a group or of a repetition taken at least
once. Lookarounds, classes and optional parts say nothing. None when no good set
is found (then the regex always runs): the test never changes what is matched.
"""
from __future__ import annotations

import re
from typing import Optional

try:  # Python 3.11+
    from re import _parser as sre_parse
    from re._constants import (ASSERT, ASSERT_NOT, AT, BRANCH, LITERAL, MAX_REPEAT, MIN_REPEAT,
                               SUBPATTERN)
except ImportError:  # pragma: no cover - older Pythons
    import sre_parse  # type: ignore[no-redef]
    from sre_constants import (ASSERT, ASSERT_NOT, AT, BRANCH, LITERAL, MAX_REPEAT,  # type: ignore
                               MIN_REPEAT, SUBPATTERN)

MAX_STRINGS = 16  # more alternatives than this and the test costs about what the regex does
MIN_SCORE = 2

# Under IGNORECASE the regex engine also matches these to an ASCII letter ('İ', 'ı' ~ 'i',
# 'ſ' ~ 's', Kelvin sign ~ 'k'); folding them first keeps the test a necessary condition.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def fold_case(text: str) -> str:
    """``text`` as the literal test reads it: the regex engine's ASCII case equivalents
    folded, lower-cased. Same length as ``text`` (else :func:`needed_literals` is not
    to be used on it)."""
    return text.translate(_FOLD).lower()


def needed_literals(regex: re.Pattern) -> Optional[tuple[str, ...]]:
    """Strings at least one of which every match of ``regex`` contains; see the module."""
    try:
        parsed = sre_parse.parse(regex.pattern, regex.flags)
    except Exception:  # pragma: no cover - a pattern re compiled parses again
        return None
    found = _sequence(list(parsed))
    if not found or len(found) > MAX_STRINGS or _score(found) < MIN_SCORE:
        return None
    return tuple(sorted(found))


def _score(strings: frozenset[str]) -> int:
    """How rarely a window holds one of ``strings``: the shortest one's length, digits and
    marks counting double (news is mostly letters)."""
    return min(len(s) + sum(1 for c in s if not c.isalpha()) for s in strings)


def _better(a: Optional[frozenset], b: Optional[frozenset]) -> Optional[frozenset]:
    if a is None or len(a) > MAX_STRINGS:
        return b
    if b is None or len(b) > MAX_STRINGS:
        return a
    return a if (_score(a), -len(a)) >= (_score(b), -len(b)) else b


def _sequence(items: list) -> Optional[frozenset[str]]:
    """The best necessary set of a sequence of parsed items: any one item's set will do, and
    so will the strings a run of items with few exact forms spells ("B\\.?C" -> "bc", "b.c")."""
    best: Optional[frozenset[str]] = None
    run = frozenset([""])  # every string the run of exact items so far can match
    for op, av in items:
        exact = _exact(op, av)
        if exact is not None:
            longer = frozenset(a + b for a in run for b in exact)
            if len(longer) <= MAX_STRINGS:
                run = longer
            else:
                best, run = _better(best, _needed(run)), exact
            continue
        best, run = _better(best, _needed(run)), frozenset([""])
        best = _better(best, _item(op, av))
    return _better(best, _needed(run))


def _needed(strings: frozenset[str]) -> Optional[frozenset[str]]:
    """A run's strings as a necessary set (none when the run may match nothing); a string
    holding another one of them is left out (the shorter one is in the text too)."""
    if "" in strings:
        return None
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def _exact(op, av) -> Optional[frozenset[str]]:
    """Every string an item can match, lower-cased, when they are few; else None."""
    if op is LITERAL:
        return frozenset([chr(av).lower()]) if av < 128 else None
    if op in (ASSERT, ASSERT_NOT, AT):
        return frozenset([""])  # a lookaround consumes nothing
    if op is SUBPATTERN:
        return _exact_sequence(list(av[-1]))
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _exact_sequence(list(alt))
            if found is None:
                return None
            out |= found
            if len(out) > MAX_STRINGS:
                return None
        return frozenset(out)
    if op in (MAX_REPEAT, MIN_REPEAT):
        lo, hi, body = av
        found = _exact_sequence(list(body)) if hi <= 1 else None
        if found is None:
            return None
        return found if lo >= 1 else found | {""} if hi == 1 else frozenset([""])
    return None


def _exact_sequence(items: list) -> Optional[frozenset[str]]:
    out = frozenset([""])
    for op, av in items:
        found = _exact(op, av)
        if found is None:
            return None
        out = frozenset(a + b for a in out for b in found)
        if len(out) > MAX_STRINGS:
            return None
    return out


def _item(op, av) -> Optional[frozenset[str]]:
    if op is SUBPATTERN:
        return _sequence(list(av[-1]))
    if op is BRANCH:
        out: set[str] = set()
        for alt in av[1]:
            found = _sequence(list(alt))
            if not found:
                return None
            out |= found
            if len(out) > 4 * MAX_STRINGS:
                return None
        return frozenset(out)
    if op in (MAX_REPEAT, MIN_REPEAT):
        lo, _hi, body = av
        return _sequence(list(body)) if lo >= 1 else None
    if op in (ASSERT, ASSERT_NOT, AT):
        return None  # a lookaround consumes nothing
    return None  # a class, a category, any character, a group reference ...
