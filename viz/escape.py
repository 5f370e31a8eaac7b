"""Making untrusted text (article text, titles, URLs, actors, place and FILE
names) safe to show: as HTML (map popups, tooltips, legend), as Streamlit
markdown (messages, captions, progress text), and as plain text (table cells).

Three layers, each built on the one before:

* :func:`visible` — bidi controls (U+202E "RIGHT-TO-LEFT OVERRIDE" and
  friends) become a visible ``[U+202E]`` so ``invoice\\u202etxt.exe`` cannot
  pose as ``invoiceexe.txt``; other control characters become spaces.
* :func:`html_text` — :func:`visible` plus HTML escaping (quotes included),
  and the characters that are special inside a JavaScript template literal
  (`````, ``$``, ``\\``), because folium puts tooltip text into one verbatim.
* :func:`md_text` — :func:`visible` plus escaping for Streamlit markdown:
  ``<``, ``>`` and ``&`` as entities (no raw HTML, even where HTML were
  allowed) and every other markdown punctuation character with a backslash
  (no links, images, emphasis, code, LaTeX ``$``, ``:color[...]``).
"""
from __future__ import annotations

import html
import re
from typing import Any

# LRM, RLM, ALM, LRE..RLO (incl. U+202E), LRI..PDI
_BIDI = re.compile("[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]")
# C0/C1 controls except tab and newline (which text legitimately holds)
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~:$=^\"'])")
_HTML_SPECIAL = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def visible(value: Any) -> str:
    """``str(value)`` with bidi controls shown as ``[U+XXXX]`` and other
    control characters (not tab or newline) replaced by spaces; None -> ""."""
    if value is None:
        return ""
    text = _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", str(value))
    return _CONTROL.sub(" ", text)


def html_text(value: Any) -> str:
    """Text for HTML and for JavaScript template literals: nothing in it is markup."""
    return (html.escape(visible(value), quote=True)
            .replace("\\", "&#92;").replace("`", "&#96;").replace("$", "&#36;"))


def md_text(value: Any) -> str:
    """Text for ``st.markdown``/``st.error``/``st.caption`` etc.: shown literally."""
    # no indentation (it would make a code block, where escapes show literally)
    lines = visible(value).replace("\t", " ").split("\n")
    text = _MD_SPECIAL.sub(r"\\\1", "\n".join(line.lstrip(" ") for line in lines))
    return re.sub("[&<>]", lambda m: _HTML_SPECIAL[m.group()], text)
