"""Character classes and the masking of verbatim spans (URLs, code, link targets) checks share."""

from __future__ import annotations

import re

CJK_CHARS = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# Full-width and CJK punctuation: what sits between Chinese characters without spaces.
CJK_PUNCTUATION = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—·"
CYRILLIC_CHARS = "\u0400-\u04ff"

CJK_RE = re.compile(f"[{CJK_CHARS}]")
CYRILLIC_RE = re.compile(f"[{CYRILLIC_CHARS}]")
LATIN_LETTER_RE = re.compile(r"[A-Za-z\u00c0-\u024f]")

# A bare URL or e-mail address: it ends before CJK text, which follows it without a space.
URL_PATTERN = (
    rf"(?:https?://|ftp://|www\.)[^\s<>()\[\]«»“”{CJK_CHARS}{CJK_PUNCTUATION}]*"
    rf"[^\s<>()\[\].,;:!?«»“”'\"{CJK_CHARS}{CJK_PUNCTUATION}]"
    r"|(?<![A-Za-z0-9._%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+"
)

# Spans whose characters are not prose: a Markdown link or image target, a code span, a
# bare URL, an e-mail address, an autolink, a placeholder.
_VERBATIM_RE = re.compile(
    r"\]\([^()\s]*(?:\([^()\s]*\)[^()\s]*)*(?:\s+\"[^\"]*\")?\)"  # ](target "title")
    r"|`+[^`]*`+"  # code span
    r"|<(?:https?://|mailto:)[^>\s]*>"  # autolink
    rf"|{URL_PATTERN}"  # bare URL or e-mail address
    r"|%\(\w+\)[sdif]|%[sdif]|\{\w*\}"  # placeholders
)


#: What masked characters become: not a letter, digit, space, punctuation or CJK.
MASK = "\ue000"


def mask_verbatim(text: str) -> str:
    """``text`` with URLs, link targets, code spans, e-mails and placeholders blanked
    out (each character replaced by ``MASK``, so offsets stay valid).

    >>> mask_verbatim("See [site](https://x.org/2020) and `v2`.").replace(MASK, "#")
    'See [site##################### and ####.'
    """
    if not any(mark in text for mark in "](`@:{%w"):
        return text
    return _VERBATIM_RE.sub(lambda match: MASK * len(match.group()), text)


def primary_language(locale_code: str) -> str:
    """The language part of a locale code: ``zh_Hans_CN`` -> ``zh``.

    >>> primary_language("pt_BR")
    'pt'
    """
    return locale_code.replace("-", "_").split("_", 1)[0].lower()
