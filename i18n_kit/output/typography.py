"""Per-language typography of rendered HTML: no-break spaces where a language wants them.

Only Russian gets any: a no-break space after one- and two-letter words (prepositions,
conjunctions: «в Москве», «и на») and before an em dash, so a line never ends with
«в» or starts with «—». The particles «же», «ли», «бы» (and «ж», «ль», «б») lean on
the word *before* them, so they get the no-break space before instead of after.
English and Chinese text is left exactly as it is: the no-break spaces a Russian CMS
left in English sources are normalised away upstream and are not put back here.
"""

from __future__ import annotations

import re

NBSP = "\u00a0"

_TAG = re.compile(r"(<[^<>]*>)")  # not "[^>]": a run of "<" would be rescanned from each
_CYRILLIC_WORD = "[А-Яа-яЁё]"
_RU_PARTICLES = "же|ли|ль|бы|ж|б"
# Lookbehind keeps hyphenated words («из-за», «по-русски») and longer words whole.
_RU_PARTICLE_BEFORE = re.compile(rf"(?<=\w) (?=(?:{_RU_PARTICLES})(?![\w-]))", re.IGNORECASE)
_RU_SHORT_WORD = re.compile(
    rf"(?<![\w-])(?!(?:{_RU_PARTICLES})(?![\w-])){_CYRILLIC_WORD}{{1,2}}(?![\w-]) (?=\S)",
    re.IGNORECASE,
)
_RU_DASH = re.compile(r"(?<=\S) (?=\u2014)")
# Text inside these elements is code or preformatted: never touched.
_VERBATIM = frozenset({"code", "pre", "kbd", "samp", "script", "style"})


def apply_typography(html: str, lang: str) -> str:
    """Add the no-break spaces `lang` wants to the text nodes of an HTML fragment.

    >>> apply_typography("<p>Встреча в Москве — <a href=\\"x\\">и на</a> форуме</p>", "ru")
    '<p>Встреча в\\xa0Москве\\xa0— <a href="x">и\\xa0на</a> форуме</p>'
    """
    if lang.split("-")[0].lower() != "ru":
        return html
    pieces = _TAG.split(html)
    verbatim_depth = 0
    for index, piece in enumerate(pieces):
        if index % 2 == 1:
            verbatim_depth += _verbatim_change(piece)
        elif piece and verbatim_depth == 0:
            # Words next to a tag («в <a>Москве</a> — ») still bind across it: a
            # placeholder stands in for the neighbouring element while matching.
            before = "\x00" if index > 0 else ""
            after = "\x00" if index + 1 < len(pieces) else ""
            text = _russian(before + piece + after)
            pieces[index] = text[len(before) : len(text) - len(after)]
    return "".join(pieces)


def _verbatim_change(tag: str) -> int:
    match = re.match(r"<(/?)([A-Za-z][A-Za-z0-9]*)", tag)
    if match is None or match.group(2).lower() not in _VERBATIM:
        return 0
    return -1 if match.group(1) else 1


def _russian(text: str) -> str:
    text = _RU_PARTICLE_BEFORE.sub(NBSP, text)
    text = _RU_SHORT_WORD.sub(lambda m: m.group(0)[:-1] + NBSP, text)
    return _RU_DASH.sub(NBSP, text)
