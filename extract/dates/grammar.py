"""Load the per-language temporal lexicons and compile their patterns.

The grammar is data: ``data/lexicon/timex_<lang>.json`` holds month and
weekday names, number words, units, modifiers, cue words and the list of
candidate patterns. A pattern is a regular expression written with
placeholders such as ``{MONTH}`` or ``{UNIT}`` that are expanded here from
the lexicon; its named groups (``day``, ``month``, ``rel``, ``unit`` ...) are
what the resolver reads. A group named ``t`` marks the reported span when the
pattern needs context (a preposition) that is not part of the expression.
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Iterable, Optional

from extract.dates.literals import needed_literals
from records import languages

# lexicon entries that are regular expressions already (everything else is literal text)
_REGEX_KEYS = {"approx", "bc", "centuries", "future_cues", "past_cues"}
_PLACEHOLDER = re.compile(r"\{([A-Z_]+)\}")


@dataclass(frozen=True)
class Pattern:
    """One compiled candidate pattern."""

    name: str
    kind: str
    regex: re.Pattern
    priority: int
    trigger: str  # a word class every match contains; the pattern only runs near its hits
    needs: Optional[tuple[str, ...]] = None  # strings one of which every match contains (extract.dates.literals)
    needs_regex: Optional[re.Pattern] = None  # any of ``needs``, as one search

    def __post_init__(self) -> None:
        if self.needs and self.needs_regex is None:
            object.__setattr__(self, "needs_regex", re.compile("|".join(map(re.escape, self.needs))))


@dataclass(frozen=True)
class Grammar:
    """Everything the tagger needs for one language."""

    lang: str
    lex: dict[str, Any]
    lookup: dict[str, dict[str, Any]]  # lexicon maps keyed by lower-cased surface
    patterns: tuple[Pattern, ...]
    trigger_words: dict[str, tuple[str, ...]]  # lower-cased word -> the classes it triggers (MONTH, UNIT ...)
    future_cue: re.Pattern
    past_cue: re.Pattern
    year_mention: re.Pattern
    present_forms: frozenset[str] = frozenset()   # present tense of verbs of plans ("fliegt", "begin")
    determiners: frozenset[str] = frozenset()     # before them a present form is a noun ("the visit")
    attributive: frozenset[str] = frozenset()     # after them a past form is an adjective ("die nächste Runde")
    progressive: frozenset[str] = frozenset()     # "is", "are": before them an -ing form of a plan verb is one
    passive_plans: frozenset[str] = frozenset()   # "hosted", "held": after "is being" a plan verb's participle is one
    subclause: Optional[re.Pattern] = None        # ", bevor", ", when": a clause with its own tense begins
    relatives: frozenset[str] = frozenset()       # ", who", ", der": a relative clause, ended by its comma
    coordinated: Optional[re.Pattern] = None      # ", and holds", ", aber fliegt": a coordinated clause begins
    trigger_regex: Optional[re.Pattern] = None    # on the lower-cased text: the words of trigger_words and digits
    year_back: Optional[re.Pattern] = None        # "a year earlier", "Vorjahresquartal": the same period a year before
    perfect: Optional[re.Pattern] = None          # "getroffen haben", "to have met": a claim about the past
    content_clause: Optional[re.Pattern] = None   # "told officials on Monday that tariffs would fall": what was told


# characters for which str.isdigit() holds but not regex \d (superscripts, circled digits ...);
# tests/test_dates_windows.py checks the list against the Unicode tables
_OTHER_DIGITS = ("\u00b2\u00b3\u00b9\u1369-\u1371\u19da\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468"
                 "\u2474-\u247c\u2488-\u2490\u24ea\u24f5-\u24fd\u24ff\u2776-\u277e\u2780-\u2788"
                 "\u278a-\u2792\U00010a40-\U00010a43\U00010e60-\U00010e68\U00011052-\U0001105a"
                 "\U0001f100-\U0001f10a")


def trigger_regex(words: Iterable[str]) -> re.Pattern:
    """The whole words (runs of ``\\w``) of a lower-cased text that are one of ``words`` or
    start with a digit, as one regex: the tagger's word scan in C. ``words`` are matched
    as a trie (one branch per letter), so a word costs a character test, not one per word."""
    trie: dict = {}
    for word in words:
        if re.fullmatch(r"\w+", word):  # others never equal a run of word characters
            node = trie
            for ch in word:
                node = node.setdefault(ch, {})
            node[""] = {}

    def emit(node: dict) -> str:
        alts = [re.escape(ch) + emit(node[ch]) for ch in sorted(node) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and len(alts[0]) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return re.compile(r"(?<!\w)(?:[\d" + _OTHER_DIGITS + r"]\w*|" + emit(trie) + r"(?!\w))")


def _alternation(words: Iterable[str], literal: bool = True) -> str:
    """A non-capturing alternation, longest first so the regex prefers longer words."""
    items = sorted(set(words), key=lambda w: (-len(w), w))
    if literal:
        items = [re.escape(w).replace(r"\ ", r"[\s„“\"»«]+") for w in items]
    return "(?:" + "|".join(items) + ")" if items else "(?!)"


def _case_sensitive(words: Iterable[str], literal: bool = True) -> str:
    """An alternation that ignores the pattern's IGNORECASE flag (for names)."""
    return "(?-i:" + _alternation(words, literal) + ")"


def _month_alternation(lex: dict[str, Any], safe: bool) -> str:
    """Month names (and UPPER CASE forms) plus abbreviations with an optional dot."""
    ambiguous = set(lex.get("ambiguous_months", [])) if safe else set()
    full = [m for m in lex["months"] if m not in ambiguous]
    names = [re.escape(m) for m in full] + [re.escape(m.upper()) for m in full]
    if not safe:
        abbrevs = list(lex.get("month_abbrevs", {}))
        names += [re.escape(a) + r"\.?" for a in abbrevs] + [re.escape(a.upper()) + r"\.?" for a in abbrevs]
    names.sort(key=len, reverse=True)
    return "(?-i:(?:" + "|".join(names) + r")(?![a-zäöü]))"


def _weekday_alternation(lex: dict[str, Any]) -> str:
    """Weekday names (a German name may run on into a part of day: 'Montagabend');
    abbreviations of four letters or fewer must end the word ('Mon.' but not 'MONTH')."""
    full = [w for w in lex["weekdays"] if len(w) > 4]
    short = [w for w in lex["weekdays"] if len(w) <= 4]
    names = [re.escape(w) for w in full + [w.upper() for w in full]]
    names += [re.escape(w) + r"\.?(?![A-Za-z])" for w in short + [w.upper() for w in short]]
    names.sort(key=len, reverse=True)
    return "(?-i:(?:" + "|".join(names) + "))"


def _number_alternation(lex: dict[str, Any]) -> str:
    """Digits, number words, and English compounds such as 'twenty four'."""
    words = lex["numbers"]
    tens = [w for w, v in words.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    ones = [w for w, v in words.items() if isinstance(v, int) and 1 <= v <= 9 and len(w) > 2]
    compound = _alternation(tens) + r"[-\s]" + _alternation(ones)
    return r"(?:\d{1,3}(?:[.,]5)?|" + compound + "|" + _alternation(words) + ")"


def _spelled_year_alternation(lex: dict[str, Any]) -> str:
    """Years said as words ('nineteen ninety-six', 'nineteen oh five', 'two thousand and one'):
    a century word of ``spelled_years`` and a rest under a hundred; never matches without them."""
    heads = lex.get("spelled_years")
    if not heads:
        return "(?!)"
    words = lex["numbers"]
    tens = [w for w, v in words.items() if isinstance(v, int) and 20 <= v <= 90 and v % 10 == 0]
    units = [w for w, v in words.items() if isinstance(v, int) and 1 <= v <= 19 and len(w) > 2]
    ones = [w for w, v in words.items() if isinstance(v, int) and 1 <= v <= 9 and len(w) > 2]
    rest = "(?:" + _alternation(tens) + r"(?:[-\s]" + _alternation(ones) + ")?|" + _alternation(units) + ")"
    zero = _alternation(lex.get("spelled_year_zero", []))  # ("and" between a thousand and the rest: the fillers)
    centuries = [w for w, v in heads.items() if v % 1000]
    thousands = [w for w, v in heads.items() if not v % 1000 and " " in w]
    return ("(?:" + _alternation(centuries) + r"\s+(?:" + zero + r"\s+" + _alternation(ones) + "|" + rest + ")"
            + "|" + _alternation(thousands) + r"(?:\s+(?:and\s+)?" + rest + ")?)" + r"(?![-\w])")


def _placeholders(lex: dict[str, Any]) -> dict[str, str]:
    """Expand every placeholder a pattern may use from the lexicon."""
    alt = _alternation
    year = r"(?:1[0-9]{3}|20[0-9]{2})(?!\d)"
    later = list(lex.get("later_after", [])) + list(lex.get("ago_after", []))
    deictic_cs = set(lex.get("deictic_case_sensitive", []))
    deictic = [re.escape(w).replace(r"\ ", r"\s+") for w in lex["deictic"] if w not in deictic_cs]
    deictic += ["(?-i:" + re.escape(w) + ")" for w in deictic_cs]
    return {
        "MONTH": _month_alternation(lex, safe=False),
        "MONTH_SAFE": _month_alternation(lex, safe=True),
        "WEEKDAY": _weekday_alternation(lex),
        "DAY": r"(?:0?[1-9]|[12][0-9]|3[01])(?!\d)" + (r"(?![.,]\d)" if lex.get("day_not_decimal") else ""),
        "ORD": r"(?:st|nd|rd|th)?",
        "YEAR": year,
        # a free-standing year is not a decimal number ("schloss bei 2082,1 Punkten")
        "YEAR_FREE": "".join(r"(?<!\b" + re.escape(w) + r"\s)" for w in lex.get("not_before_year", []))  # "Flug 2015"
        + year + r"(?![.,]\d)(?!\s*(?:" + "|".join(re.escape(w) for w in lex.get("not_after_year", [])) + r")(?!\w))",
        "NUM": _number_alternation(lex),
        "FUZZY": alt(lex.get("fuzzy_numbers", [])),
        "UNIT": alt(lex["units"]) + r"(?!\w)",
        "REL": alt(lex["rel"]),
        "MOD": alt(lex["modifiers"]),
        "DEICTIC": "(?:" + "|".join(sorted(deictic, key=len, reverse=True)) + ")",
        "POD": alt(lex.get("parts_of_day", {})),
        "PODW": alt(lex.get("parts_of_day_words", {})),
        "SEASON": alt(lex.get("seasons", {})),
        "VAGUE": alt(lex.get("vague", {})),
        "SETWORD": alt(lex.get("set_words", {})),
        "SETHEAD": alt(lex.get("set_heads", [])),
        "APPROX": alt(lex.get("approx", []), literal=False),
        "CENTURY": alt(lex.get("centuries", []), literal=False),
        "BC": alt(lex.get("bc", []), literal=False),
        "MPREP": _case_sensitive(lex.get("month_preps", [])),
        "AGO_BEFORE": alt(lex.get("ago_before", [])),
        "AGO_AFTER": alt(lex.get("ago_after", [])),
        "LATER": alt(later),
        "RLINK": alt(lex.get("range_links", [])),
        "BETWEEN": alt(lex.get("between", [])),
        "BLINK": alt(lex.get("between_links", [])),
        "NEXTDAY": alt(lex.get("next_day_links", [])) if lex.get("next_day_links") else "(?!)",
        "YEARNOUN": alt(lex.get("year_nouns", [])),
        "ORDINAL": alt(lex.get("ordinals", {})),
        "HOLIDAY": alt(lex.get("holidays", {})),
        "DECWORD": alt(lex.get("decade_words", {})),
        "HALF": alt(lex.get("half_words", [])),
        "EDGE": alt(lex.get("edge_words", {})),
        "SPELLEDYEAR": _spelled_year_alternation(lex),
    }


# trigger class -> the lexicon entries whose words trigger it
TRIGGER_SOURCES = {"MONTH": ("months", "month_abbrevs"), "WEEKDAY": ("weekdays",), "UNIT": ("units",),
                   "DEICTIC": ("deictic",), "VAGUE": ("vague",), "SETWORD": ("set_words",), "SEASON": ("seasons",),
                   "PODW": ("parts_of_day_words",), "HOLIDAY": ("holidays",), "DECWORD": ("decade_words",),
                   "HALF": ("half_words",), "PERIOD": ("period_words",), "SPELLED": ("spelled_years",)}


def _trigger_words(lex: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Every word (lower-cased, first word of a phrase) that signals a pattern class.
    German weekday compounds ('montagabend') are listed too."""
    table: dict[str, set[str]] = {}
    for cls, keys in TRIGGER_SOURCES.items():
        for key in keys:
            for entry in lex.get(key, {}):
                words = re.findall(r"\w+", entry.lower())
                if words:
                    # the longest word of a phrase, not its article ("the past" -> "past"):
                    # every match contains it, and it is far rarer than "the", "in", "am"
                    word = max(reversed(words), key=len)
                    table.setdefault(word, set()).add(cls)
    for day in lex["weekdays"]:
        for pod in lex.get("parts_of_day", {}):
            table.setdefault((day + pod).lower(), set()).add("WEEKDAY")
    return {w: tuple(sorted(c)) for w, c in table.items()}


def expand(template: str, slots: dict[str, str]) -> str:
    """Replace ``{NAME}`` placeholders; unknown names raise KeyError (a data bug)."""
    return _PLACEHOLDER.sub(lambda m: slots[m.group(1)], template)


def _lookup_maps(lex: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Lower-cased views of the lexicon maps the resolver consults."""
    maps = {}
    for key in ("months", "month_abbrevs", "weekdays", "numbers", "units", "rel", "modifiers", "deictic",
                "parts_of_day", "parts_of_day_words", "seasons", "vague", "set_words", "later_signs", "ordinals",
                "year_mod_month", "holidays", "decade_words", "clock_words", "edge_words", "spelled_years"):
        maps[key] = {_norm(k): v for k, v in lex.get(key, {}).items()}
    for key in ("fuzzy_numbers", "plural_units", "ago_before", "news_deictics", "anaphoric_rel", "spelled_year_fillers"):
        maps[key] = {_norm(k): True for k in lex.get(key, [])}
    return maps


def _norm(word: str) -> str:
    """Lower-case and collapse inner whitespace and quotes (the lookup key of a surface form)."""
    return " ".join(re.sub(r"[„“\"»«]", " ", word).lower().split())


@lru_cache(maxsize=None)
def load_grammar(lang: str) -> Grammar:
    """Read and compile the grammar for ``lang`` (a registered language; anything else falls
    back to the registry's default)."""
    lang = lang if languages.supported(lang) else languages.default_code()
    with open(languages.language(lang).lexicon("timex"), encoding="utf-8") as f:
        lex = json.load(f)
    lex["seasons"] = season_family(lex.get("seasons", {}), lex.get("season_family", {}))
    slots = _placeholders(lex)
    patterns = []
    for i, spec in enumerate(lex["patterns"]):
        body = expand(spec["re"], slots)
        regex = re.compile(r"(?<![\w])(?:" + body + r")(?![\w])", re.IGNORECASE)
        patterns.append(Pattern(spec["name"], spec["kind"], regex, i, spec.get("trigger", "ANY"), needed_literals(regex)))
    cue = lambda key: re.compile(r"(?<![\w'])" + _alternation(lex.get(key, []), literal=False) + r"(?!\w)", re.IGNORECASE)
    words = _trigger_words(lex)
    return Grammar(lang=lang, lex=lex, lookup=_lookup_maps(lex), patterns=tuple(patterns), trigger_words=words,
                   trigger_regex=trigger_regex(words),
                   future_cue=cue("future_cues"), past_cue=cue("past_cues"),
                   year_mention=re.compile(r"(?<![\d.,])(1[0-9]{3}|20[0-9]{2})(?![\d.,]\d)"),
                   present_forms=_present_forms(lex.get("present_verbs", {}), lang),
                   determiners=frozenset(lex.get("present_verbs", {}).get("determiners", ())),
                   progressive=frozenset(lex.get("present_verbs", {}).get("progressive_auxiliaries", ())),
                   passive_plans=_participles(lex.get("present_verbs", {})),
                   attributive=frozenset(lex.get("attributive_determiners", ())),
                   subclause=re.compile(r",\s*(" + _alternation(lex["subordinators"] + lex.get("relatives", []), literal=True)
                                        + r")(?!\w)", re.IGNORECASE) if lex.get("subordinators") else None,
                   relatives=frozenset(lex.get("relatives", ())),
                   coordinated=_coordinated(lex.get("coordinators")),
                   year_back=re.compile(_alternation(lex["year_back"], literal=False), re.IGNORECASE)
                   if lex.get("year_back") else None,
                   perfect=re.compile(r"(?<!\w)" + lex["perfect_infinitive"] + r"(?!\w)", re.IGNORECASE)
                   if lex.get("perfect_infinitive") else None,
                   content_clause=_content_clause(lex.get("content_clause")))


def _content_clause(spec: Optional[dict]) -> Optional[re.Pattern]:
    """A word that opens a reported clause (``openers``: "that") before a word that is no verb
    (``not_before``: "that will decide" is a relative clause about the noun)."""
    if not spec:
        return None
    return re.compile(r"(?<!\w)(?:" + _alternation(spec["openers"], literal=True) + r")\s+(?!(?:"
                      + _alternation(spec["not_before"], literal=True) + r")(?!\w))(?=\w)", re.IGNORECASE)


def _coordinated(spec: Optional[dict]) -> Optional[re.Pattern]:
    """A comma and a coordinating conjunction before a lower-case word that is not one of
    ``not_before`` (a determiner: a list of noun phrases goes on): ", and holds", ", aber fliegt"."""
    if not spec:
        return None
    skip = r"(?!(?:" + _alternation(spec["not_before"], literal=True) + r")\b)" if spec.get("not_before") else ""
    return re.compile(r",\s*(?:" + _alternation(spec["words"], literal=True) + r")\s+" + skip + r"(?=[a-zäöüß])")


def season_family(seasons: dict[str, str], family: dict) -> dict[str, str]:
    """The seasons with their word family: genitive endings ("Frühjahres", "Sommers") and
    compounds of a modifier and the season ("Frühsommer", "Spätherbstes", "midsummer")."""
    out = dict(seasons)
    for word, code in seasons.items():
        if " " in word:
            continue
        stems = [word] + [p + word.lower() for p in family.get("prefixes", ())]
        for stem in stems:
            out.setdefault(stem, code)
            for ending in family.get("endings", ()):
                out.setdefault(stem + ending, code)
    return out


def _participles(spec: dict) -> frozenset[str]:
    """Past participles of the verbs of plans, for the progressive passive ("is being hosted
    on Tuesday"): regular ones made, irregular ones given."""
    if not spec.get("progressive_auxiliaries"):
        return frozenset()
    out = set(spec.get("participles", ()))
    for lemma in spec.get("lemmas", ()):
        out.add(lemma + ("d" if lemma.endswith("e") else "ed"))
    return frozenset(out)


def _present_forms(spec: dict, lang: str) -> frozenset[str]:
    """The present-tense forms of the lexicon's verbs of plans: German infinitive (plural)
    and stem + t/et/st; English base and third person; plus the irregular forms given."""
    out = set(spec.get("forms", ()))
    for lemma in spec.get("lemmas", ()):
        out.add(lemma)
        if lang == "de":
            stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
            out.update({stem + "t", stem + "et", stem + "st"})
            out.update(lemma + "d" + end for end in ("", "e", "en", "er", "es"))  # "stattfindende"
        else:
            out.update({lemma + "s", lemma + "es"})
            if lemma.endswith("y"):
                out.add(lemma[:-1] + "ies")
            if spec.get("progressive_auxiliaries"):  # "meeting", "leaving", "beginning" (after "is"/"are" only)
                stem = lemma[:-1] if lemma.endswith("e") and not lemma.endswith("ee") else lemma
                out.update({stem + "ing", stem + stem[-1] + "ing"})
    return frozenset(out)


def norm(word: str) -> str:
    """Public alias of the lookup normalisation used by the resolver."""
    return _norm(word)
