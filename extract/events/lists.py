"""Lists of names do not open clauses.

The clause tokens break at every comma and dash (extract.text.document), so in
"Am Montag treffen sich die Staatsspitzen der vier Visegrád-Staaten – Tschechien,
Polen, Slowakei und Ungarn – sowie Bulgariens in Prag" the place "Prag" stands five
clauses from its verb, and "the Netherlands, Portugal and the Czech Republic have
announced the withdrawal" splits its subject from its verb. A list's items (short
runs of names, one closed by a list joiner: "und", "sowie", "and") and the words that
continue the clause after a list set off by dashes get the clause number of the words
before the list.
"""
from __future__ import annotations

from extract.events.goods import is_cargo
from extract.events.lexicon import EventLexicon
from extract.text.document import Token

_ITEM_TOKENS = 6  # "Portugal and the Czech Republic"


def join_lists(text: str, tokens: list[Token], lex: EventLexicon,
               place_spans: tuple[tuple[int, int], ...] = ()) -> list[Token]:
    """``tokens`` with the clause numbers of list items (and of what follows a list set off
    by dashes) made those of the clause the list stands in; the same list when there is none.
    A place that qualifies the name before it ("in the Plaza Hotel, New York, on ...",
    ``place_spans``: the sentence's place mentions) is an item too."""
    segments: list[list[int]] = []
    for k, t in enumerate(tokens):
        if segments and tokens[segments[-1][-1]].clause == t.clause:
            segments[-1].append(k)
        else:
            segments.append([k])
    if len(segments) < 2:
        return tokens
    items = [_is_item(tokens, seg, lex) for seg in segments]
    joined = [False] * len(segments)
    gaps = [""] + [text[tokens[segments[j - 1][-1]].end:tokens[segments[j][0]].start] for j in range(1, len(segments))]
    for j in range(1, len(segments)):
        # "visit Britain, France, West Germany, Switzerland and Italy for talks": a run of
        # names after commas closed by a joiner; the closing item may go on with the clause
        prev = tokens[segments[j - 1][-1]]
        if not ("," in gaps[j] and prev.cap and (items[j] or (
                (_at_place(tokens, segments[j - 1][-1], place_spans) or is_cargo(prev.low, lex))
                and _closing_item(tokens, segments[j], lex)))):
            continue  # (a list of goods too: "mit Generatoren, Kesseln und Decken ist ... angekommen")
        k = j
        while k + 1 < len(segments) and items[k] and not _has_joiner(tokens, segments[k], lex) and "," in gaps[k + 1]:
            k += 1
        places_run = _at_place(tokens, segments[j - 1][-1], place_spans) and _at_place(tokens, segments[k][0], place_spans) \
            or is_cargo(prev.low, lex)  # goods named first: the items after it are goods too
        if (items[k] and _has_joiner(tokens, segments[k], lex)) or \
                ((k > j or places_run) and _closing_item(tokens, segments[k], lex)):
            # ("visiting Tanzania, Mozambique and Kenya last week": two places closed by a joiner)
            for x in range(j, k + 1):
                joined[x] = True
    for j in range(1, len(segments)):
        if joined[j]:
            continue
        gap = text[tokens[segments[j - 1][-1]].end:tokens[segments[j][0]].start]
        closes = _has_joiner(tokens, segments[j], lex) or (j + 1 < len(segments) and items[j + 1]
                                                           and _has_joiner(tokens, segments[j + 1], lex))
        after_name = tokens[segments[j - 1][-1]].cap
        if items[j] and after_name and closes and ("," in gap or _dash(gap)):
            joined[j] = True  # "Tschechien, Polen, Slowakei und Ungarn"
        elif items[j] and after_name and "," in gap and _is_place(tokens, segments[j], place_spans):
            joined[j] = True  # "in the Plaza Hotel, New York": a qualifier of the name before it
        elif items[j] and _dash(gap) and j + 1 < len(segments) and _dash(
                text[tokens[segments[j][-1]].end:tokens[segments[j + 1][0]].start]):
            joined[j] = True  # "– Tschechien –": a name set off by dashes
        elif joined[j - 1] and _dash(gap) and tokens[segments[j][0]].low in lex.list_joiners:
            joined[j] = True  # "– ... und Ungarn – sowie Bulgariens in Prag": the clause goes on
    if not any(joined):
        return tokens
    out = list(tokens)
    clause = tokens[0].clause
    for j, seg in enumerate(segments):
        if not joined[j]:
            clause = tokens[seg[0]].clause
        for k in seg:
            if out[k].clause != clause:
                out[k] = out[k]._replace(clause=clause)
    return out


def _is_place(tokens: list[Token], seg: list[int], place_spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the segment is exactly one place mention."""
    a, b = tokens[seg[0]].start, tokens[seg[-1]].end
    return any(s == a and e == b for s, e in place_spans)


def _at_place(tokens: list[Token], k: int, place_spans: tuple[tuple[int, int], ...]) -> bool:
    """Whether the token at ``k`` is (part of) a place mention."""
    return any(s <= tokens[k].start < e for s, e in place_spans)


def _dash(gap: str) -> bool:
    return "–" in gap or "—" in gap or " - " in gap


def _has_joiner(tokens: list[Token], seg: list[int], lex: EventLexicon) -> bool:
    return any(tokens[k].low in lex.list_joiners for k in seg[1:])


def _closing_item(tokens: list[Token], seg: list[int], lex: EventLexicon) -> bool:
    """Whether the segment opens with the list's last items and goes on with its clause
    ("Switzerland and Italy for discussions with ...")."""
    joiner = next((n for n, k in enumerate(seg[:_ITEM_TOKENS]) if n and tokens[k].low in lex.list_joiners), None)
    if joiner is None or joiner + 1 >= len(seg):
        return False
    end = joiner + 1
    while end + 1 < len(seg) and tokens[seg[end + 1]].cap:
        end += 1
    return _is_item(tokens, seg[:end + 1], lex)


def _is_item(tokens: list[Token], seg: list[int], lex: EventLexicon) -> bool:
    """A short run of names: capitalised words, articles and list joiners only, opening
    with a name or an article."""
    if len(seg) > _ITEM_TOKENS:
        return False
    words = [tokens[k] for k in seg]
    if not (words[0].cap or words[0].low in lex.articles):
        return False
    return all(t.cap or t.low in lex.articles or t.low in lex.list_joiners for t in words)
