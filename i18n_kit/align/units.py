"""Links as translation units, and TMX 1.4 of them (``i18n-kit tm align``).

One unit per link that pairs sentences (a sentence the other text lacks gives none). A
1-2 or 2-1 link is one unit whose merged side joins its sentences with a space, or with
nothing where Chinese meets Chinese (``segments.join_parts``). The confidence goes in a
``<prop type="x-confidence">`` (0-1), the link's kind in ``<prop type="x-link">``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from i18n_kit import __version__
from i18n_kit.align import Alignment
from i18n_kit.segments import join_parts

__all__ = ["AlignedUnit", "aligned_units", "write_aligned_tmx"]

_NOT_XML_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True, slots=True)
class AlignedUnit:
    """A source text and its translation, as one link of an alignment paired them."""

    source_text: str
    target_text: str
    confidence: float
    kind: str  # "1-1", "2-1", "1-2"


def aligned_units(alignment: Alignment) -> list[AlignedUnit]:
    """The units of the links that pair sentences, in the texts' order.

    >>> from i18n_kit.align import align_paragraphs
    >>> result = align_paragraphs([["On 5 May 2026 the SCO met.", "It met in Minsk."]],
    ...                           [["2026年5月5日上合组织在明斯克召开会议。"]],
    ...                           source_lang="en", target_lang="zh")
    >>> [(unit.source_text, unit.kind) for unit in aligned_units(result)]
    [('On 5 May 2026 the SCO met. It met in Minsk.', '2-1')]
    """
    units: list[AlignedUnit] = []
    for link in alignment.links:
        if not link.source or not link.target:
            continue
        units.append(
            AlignedUnit(
                source_text=join_parts([alignment.source[i] for i in link.source]),
                target_text=join_parts([alignment.target[j] for j in link.target]),
                confidence=link.confidence,
                kind=link.kind,
            )
        )
    return units


def write_aligned_tmx(
    units: Sequence[AlignedUnit], *, source_lang: str, target_lang: str, origin: str
) -> str:
    """TMX 1.4 of ``units``, ``origin`` naming the texts in the header's note."""
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<tmx version="1.4">',
        f'  <header creationtool="i18n-kit" creationtoolversion={quoteattr(__version__)}'
        f' datatype="plaintext" segtype="sentence" adminlang="en"'
        f" srclang={quoteattr(_bcp47(source_lang))} o-tmf=\"i18n-kit\">",
        f"    <note>{escape(_clean(origin))}</note>",
        "  </header>",
        "  <body>",
    ]
    for unit in units:
        lines.append(
            "    <tu>"
            f'<prop type="x-confidence">{unit.confidence:.2f}</prop>'
            f'<prop type="x-link">{unit.kind}</prop>'
            f"{_tuv(source_lang, unit.source_text)}{_tuv(target_lang, unit.target_text)}"
            "</tu>"
        )
    lines += ["  </body>", "</tmx>", ""]
    return "\n".join(lines)


def _bcp47(code: str) -> str:
    return code.replace("_", "-")


def _clean(text: str) -> str:
    return _NOT_XML_CHARS.sub("", text)


def _tuv(code: str, text: str) -> str:
    return f'<tuv xml:lang="{escape(_bcp47(code))}"><seg>{escape(_clean(text))}</seg></tuv>'
