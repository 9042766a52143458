"""The final-punctuation check: a sentence keeps its closing mark, mapped per locale."""

from __future__ import annotations

from collections.abc import Iterator

from i18n_kit.checks.registry import Issue, TextPair

_KIND = {
    ".": "stop", "。": "stop", "．": "stop",
    "?": "question", "？": "question",
    "!": "exclamation", "！": "exclamation",
    "…": "ellipsis",
    ":": "colon", "：": "colon",
    ";": "semicolon", "；": "semicolon",
    ",": "comma", "，": "comma", "、": "comma",
}
#: Marks that end a clause of a longer sentence: a declaration's preamble and its list of
#: clauses end each clause with «;» in English, «,» in Russian, «；» or «，» (even «。») in
#: Chinese, and the lead-in with «,» or «:» / «：». Any of them answers any other, and a
#: full stop answers one of them.
CLAUSE_KINDS = frozenset({"colon", "semicolon", "comma"})
# What may follow the mark without changing how the sentence ends: «…». and "…." both end
# with a full stop; so do **bold.** and (a note.)
_CLOSERS = frozenset(" \t\n\u00a0\u3000\"'»«”“’‘„」』）)]】*_`~\\")
_MARK = {
    "zh": {"stop": "。", "question": "？", "exclamation": "！", "ellipsis": "……",
           "colon": "：", "semicolon": "；", "comma": "，"},
    "": {"stop": ".", "question": "?", "exclamation": "!", "ellipsis": "…",
         "colon": ":", "semicolon": ";", "comma": ","},
}
_NAME = {"stop": "a full stop", "question": "a question mark",
         "exclamation": "an exclamation mark", "ellipsis": "an ellipsis", "colon": "a colon",
         "semicolon": "a semicolon", "comma": "a comma"}


def final_marks(text: str) -> frozenset[str]:
    """The kinds of closing punctuation ``text`` ends with (empty: none).

    >>> sorted(final_marks("Он сказал: «Мы согласны»."))
    ['stop']
    >>> sorted(final_marks("他说：“我们同意！”"))
    ['exclamation']
    """
    kinds: set[str] = set()
    index = len(text) - 1
    run_start = index
    while index >= 0 and (text[index] in _CLOSERS or text[index] in _KIND):
        kind = _KIND.get(text[index])
        if kind is not None:
            kinds.add(kind)
        index -= 1
        run_start = index
    tail = text[run_start + 1 :]
    if ".." in tail or "…" in tail:
        kinds.discard("stop")
        kinds.add("ellipsis")
    return frozenset(kinds)


def check_final_punctuation(pair: TextPair) -> Iterator[Issue]:
    """The translation ends with the same kind of mark as the source.

    >>> [i.message for i in check_final_punctuation(TextPair(source_text="It opened.",
    ...     target_text="会议开幕", source_lang="en", target_lang="zh"))]
    ['the source ends with a full stop; end the translation with «。»']
    """
    source = final_marks(pair.source_text)
    target = final_marks(pair.target_text)
    if source == target or source & target:
        return
    both = source | target
    if source and target and both <= CLAUSE_KINDS | {"stop"} and both & CLAUSE_KINDS:
        # "…on the following:" = «…следующее.» = "声明如下：", "considering…;" =
        # «учитывая…,» = "考虑到……；": clause marks differ by language, see CLAUSE_KINDS
        return
    if both == {"comma"}:
        return  # a clause cut by a comma on one side only is a style choice, not a loss
    marks = _MARK.get(pair.target_lang, _MARK[""])
    if not target:
        kind = min(source)
        message = f"the source ends with {_NAME[kind]}; end the translation with «{marks[kind]}»"
    elif not source:
        message = f"the translation ends with {_NAME[min(target)]}; the source has no final mark"
    else:
        kind = min(source)
        message = (
            f"the translation ends with {_NAME[min(target)]}, the source with {_NAME[kind]} "
            f"(«{marks[kind]}»)"
        )
    yield Issue(check="final-punctuation", message=message)
