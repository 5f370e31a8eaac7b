"""The tagger's trigger-word scan (extract.dates.grammar.trigger_regex) finds the same
words as a word-by-word scan."""
import re

from extract.dates import grammar as G
from extract.dates import tagger


def _naive(text, g):
    out = []
    for m in re.finditer(r"\w+", text):
        w = m.group()
        if w[0].isdigit() or w.lower() in g.trigger_words:
            out.append(m.span())
    return out


def test_other_digits_are_the_unicode_ones():
    want = {c for c in map(chr, range(0x110000)) if c.isdigit() and not c.isdecimal()}
    cls = re.compile("[" + G._OTHER_DIGITS + "]")
    assert {c for c in want if cls.fullmatch(c)} == want
    assert all(cls.fullmatch(c) is None or c in want for c in map(chr, range(0x10000)))


def test_trigger_regex_finds_whole_words():
    for lang in ("de", "en"):
        g = G.load_grammar(lang)
        for text in ("Am Montagabend, 3. Mai 2020; im Mai_ 5_ x² ²x Maier Januar-Februar",
                     "next week's meeting on Tuesday, in the spring of 1990s; Monday2 MONDAY",
                     "Sommer Sommers sommer winterlich Jahr jahre"):
            low = text.lower()
            assert [m.span() for m in g.trigger_regex.finditer(low)] == _naive(text, g)


def test_windows_fall_back_when_lower_case_is_longer():
    g = G.load_grammar("de")
    text = "İstanbul, am 3. Mai"
    assert tagger._windows(text, g)["DIGIT"][0][0] == 0
