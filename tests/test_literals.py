"""The literal pre-test of the date patterns (extract.dates.literals) never hides a match."""
import re

import pytest

from extract.dates.grammar import load_grammar
from extract.dates.literals import fold_case, needed_literals

SAMPLES = {
    "en": ["In the 1990s, between 3 and 5 March 2021, two weeks later, on 2021-03-04 and 3/4/2021, "
           "every Monday morning of the 21st century, a few days ago, next quarter, the weekend, "
           "last year's fiscal year-end, 300 BC, in spring 2022, yesterday afternoon, annually.",
           "SEPTEMBER 11, Tues. night, the past several months, from January to April, mid-July."],
    "de": ["Am 3. Oktober 1990, zwischen 4. und 6. Mai, im 19. Jahrhundert, in den 1990er Jahren, "
           "vor drei Wochen, zwei Tage danach, jeden Montag, am Wochenende, Mitte des Jahres, "
           "im Frühjahr 2022, 300 v. Chr., am Dienstagabend, wöchentlich, seit einigen Monaten.",
           "Anfang März, 2021-03-04, 4.3.2021, Ende der Woche, im Sommer, monatlich."],
}


def test_needed_literals_of_simple_patterns():
    assert needed_literals(re.compile(r"(?<!\w)(?:foo|bar)\s+\d+", re.I)) == ("bar", "foo")
    assert needed_literals(re.compile(r"x?y")) is None          # nothing long enough is required
    assert needed_literals(re.compile(r"(?:ab)?cd|efg")) == ("cd", "efg")
    assert needed_literals(re.compile(r"(?=word)\d+")) is None  # a lookahead consumes nothing
    # items with few exact forms spell strings together; a longer one holding a shorter is left out
    assert needed_literals(re.compile(r"\d+\s*(?:B\.?C\.?|BCE)", re.I)) == ("b.c", "bc")
    assert needed_literals(re.compile(r"\d0'?s")) == ("0's", "0s")


def test_fold_case_keeps_length_and_reads_as_the_regex_engine():
    text = "ſeptember İstanbul Kelvin ÄÖÜ"
    assert len(fold_case(text)) == len(text)
    assert fold_case("ſ") == "s" and re.fullmatch("s", "ſ", re.I)


@pytest.mark.parametrize("lang", ["en", "de"])
def test_every_match_holds_a_needed_literal(lang):
    grammar = load_grammar(lang)
    matched = 0
    for text in SAMPLES[lang]:
        for pattern in grammar.patterns:
            if not pattern.needs:
                continue
            for m in pattern.regex.finditer(text):
                matched += 1
                assert any(w in fold_case(m.group()) for w in pattern.needs), (pattern.name, m.group())
    assert matched > 10
