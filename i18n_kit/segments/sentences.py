"""Sentence boundaries in one block's inline text, for English, Russian and Chinese.

One compiled regex finds candidate ends (a terminator run, the closing quotes,
brackets and inline markup that follow it, then whitespace -- or, in Chinese, no
whitespace at all); a rule filter decides each candidate by the word before it and
the word after it. Decisions, so translators and reviewers know what to expect:

- The next word's case decides first: before a lowercase word there is never a split
  ("etc. and", "... and", "10 ноября 2020 г. в Москве", '"What?" he asked').
- Abbreviations (see ``abbreviations``): titles and words before numbers never end a
  sentence; "U.S.", "a.m.", "St.", month names and single-letter initials end one only
  before a common sentence opener ("Norov V. The", not "Vladimir V. Putin");
  "etc.", "т. д.", "млрд.", "2020 г." end one before any capital. "a.m." and "p.m." end
  one before a title ("at 6 p.m. Dr. Lee spoke"), unless the time opens the sentence
  ("At 5 a.m. Mr. Lee left"). Russian settlement types before a place name ("пгт.",
  "с.", "д.", "дер.", "пос.", "ст.", "мкр.") and number signs before an amount ("No. 5",
  "N°. 5", "Rs. 5,000") never end one before it.
- A spaced ellipsis (". . .") is one mark: three periods are an omission inside the
  sentence; a fourth, spaced from the word ("threats . . . . Their"), is the full stop;
  four glued to the word ("Organisation. . . . The") are the full stop, then an omission
  that opens the next sentence, as style guides (MLA, Chicago) write them.
- A list number or letter opening a segment ("1. First", "II. Results") is not a sentence.
- Nothing splits inside inline markup that is still open: bold, emphasis, link text,
  images, code spans, autolinks and URLs. Markup that closes right after the
  terminator travels with the sentence ("**One.** Two." gives two segments).
- Nothing splits inside balanced parentheses shorter than 300 characters.
- A short quotation (under 400 characters) closed after a comma or followed by a comma or
  a lowercase attribution is one
  segment with it ('"We agree. We act," he said.'; «Мы согласны. Действуем», — сказал он);
  other quotations split at their inner sentence ends, as CAT tools do.
- Chinese splits after 。！？ and …… with the closing quotes and brackets that follow,
  never before a clause mark (，、；：) or another full stop, and never inside a book or
  film title (《摔跤吧！爸爸》, 〈合作？〉); Latin sentences inside Chinese text follow
  the English rules.
- A Markdown hard line break (backslash, newline) right after a sentence end keeps its
  backslash with that sentence; other line breaks are plain whitespace.

Whitespace is whatever ``str.isspace`` says (no-break spaces included); spans never
start or end with it.
"""

from __future__ import annotations

import bisect
import re

from i18n_kit.segments.abbreviations import (
    STARTERS,
    is_ambiguous,
    is_never_final,
    is_number_prefix,
    is_settlement,
    is_title,
    is_two_letter_initial,
)

LANGUAGES: tuple[str, ...] = ("en", "ru", "zh")

# Closers that may follow a terminator and still belong to its sentence: quotes,
# brackets, emphasis markers, the tail of a link whose text ends the sentence, and
# the backslash of a Markdown hard line break.
_CLOSE = (
    r"(?:\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)"
    r"|[)\]\"'’”»*_`」』）》〉】〕]|\\(?=\n))"
)
_LATIN_CANDIDATE = re.compile(rf"(?<![.!?…])(?P<term>[.!?…]+)(?P<close>{_CLOSE}*)(?=\s)")
# A Chinese terminator run takes the closers and further terminators that follow it
# («？”。» is one end, never a lone «。» segment).
_ZH_TERMS = r"(?:[。！？｡!?…]|\.{3,})+"
_ZH_CANDIDATE = re.compile(
    rf"(?P<term>{_ZH_TERMS}(?:{_CLOSE}+{_ZH_TERMS})*|\.+(?={_CLOSE}*\s))(?P<close>{_CLOSE}*)"
)
# What opens the next sentence before its first word: spaces, quotes, brackets, dashes,
# markup. The word itself is letters and digits only.
_NEXT_WORD = re.compile(r"[\s\"'‘“„«(\[{*_`<—–―\-!]*(?P<word>[^\W_]*)")
_ZH_CLAUSE = frozenset("，、；：,;:")
_ZH_FULL_STOPS = frozenset("。！？｡…")

# Regions no split may fall inside. Emails and bare URLs hold no whitespace, so only
# their "?" and "!" (seen in Chinese mode) need guarding. Spans are bounded so that
# stray markers cannot make the scan quadratic.
_MARKUP_HINT = re.compile(r"[*_\[`<]|https?:|www\.")
_PROTECTED = re.compile(
    r"""
    (?=[`!\[<hw*_])  # cheap first-character test before trying every alternative
    (?:
      (?<!`)(`+)(?!`).{1,2000}?(?<!`)\1(?!`)
    | !?\[(?:[^\[\]\\]|\\.|\[[^\[\]]*\])*\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+"[^"]*")?\)
    | <[a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*>
    | (?:https?://|www\.)[A-Za-z0-9\-._~:/?\#\[\]@!$&'()*+,;=%]*[A-Za-z0-9\-_~/\#=%&+]
    | \*\*(?=\S).{1,2000}?(?<=\S)\*\*
    | __(?=\S).{1,2000}?(?<=\S)__
    | (?<![\\*\w])\*(?=[^\s*]).{0,2000}?(?<=[^\s*\\])\*(?!\*)
    | (?<![\\\w])_(?=[^\s_]).{0,2000}?(?<=[^\s_\\])_(?!\w)
    )
    """,
    re.S | re.X,
)
_PAIRED = re.compile(r"[()（）\"“”«»„《》〈〉]")
_TITLE_MARKS = {"《": "》", "〈": "〉"}
_QUOTE_OPENERS = frozenset(" \t\n\r\u00a0\u202f\u3000([{«“„‘—–-*_")
_MAX_PAREN = 300
_MAX_QUOTE = 400
_MAX_PAIR = max(_MAX_PAREN, _MAX_QUOTE)
_ATTRIBUTION_GAP = re.compile(r"[\s,—–\-]*(?P<word>[^\W_\d]?)")
# Letters and digits of alphabetic scripts (a CJK character ends the word), inner
# periods, hyphens and apostrophes.
_TOKEN_BACKWARDS = re.compile(r"(?:[^\W_\u2e80-\U0010ffff]|[.'’-])*")
_YEAR_OPENER = re.compile(r"\w{1,3}\s+\d{4}(?:\s*[–—-]\s*\d{4})?\s*\Z")
_ROMAN = re.compile(r"[IVXLC]{1,6}\Z")
# Yu, Ye, Ya and Yo are also Chinese given names ("Wang Yu."): after a capitalised word
# that is one pinyin syllable (a family name), they end the name, not open one.
_PINYIN_FAMILY_NAME = re.compile(
    r"(?:^|\s)(?:[BPMFDTNLGKHJQXRZCSYW]|Zh|Ch|Sh)?(?:a|ai|an|ang|ao|e|ei|en|eng|i|ia|ian|iang"
    r"|iao|ie|in|ing|iong|iu|o|ong|ou|u|ua|uai|uan|uang|ui|un|uo)\s+\Z"
)
_GIVEN_NAME_INITIALS = frozenset({"Yu", "Ye", "Ya", "Yo"})
# A capitalised word (a name) right before "v." ("Hamdan v. Rumsfeld").
_NAME_BEFORE = re.compile(r"[A-Z][\w’'.-]*\s+\Z")
_SPACES = " \u00a0"
# What may open a sentence before a clock time without being a clause of its own:
# "At 5", "On Monday at 10", "From 9 a.m. to 6". A lowercase verb ("began at 9") is not.
_TIME_OPENER = re.compile(
    r"(?:(?:[A-Z][\w’'-]*|\d[\d:.,]*|[ap]\.m\.|[AP]\.M\.|at|by|from|to|until|till|after"
    r"|before|around|about|since|on|shortly|just)\s+)+\d{1,2}(?:[:.]\d{2})?\s*\Z"
)
_OPENING_CHARS = " \t\n\r\u00a0\u202f\u3000\"'‘“„«([{*_"


def split_sentences(text: str, lang: str) -> list[tuple[int, int]]:
    """Spans (start, end) of the sentences of one block's inline text, in order.

    Spans are non-empty, sorted and non-overlapping; the text between them is
    whitespace only (possibly empty between Chinese sentences) and no span starts or
    ends with whitespace. Raises ValueError for a language without rules.

    >>> text = "Mr. Norov spoke at 10 a.m. on Monday. The talks ended."
    >>> [text[s:e] for s, e in split_sentences(text, "en")]
    ['Mr. Norov spoke at 10 a.m. on Monday.', 'The talks ended.']
    """
    if lang not in LANGUAGES:
        raise ValueError(f"no sentence rules for language {lang!r}; use one of {LANGUAGES}")
    return _Splitter(text, lang == "zh").spans()


class _Splitter:
    """State for one call: the text, the cut points so far, lazily built region maps."""

    __slots__ = ("text", "chinese", "_protected", "_pairs")

    def __init__(self, text: str, chinese: bool) -> None:
        self.text = text
        self.chinese = chinese
        self._protected: tuple[list[int], list[int]] | None = None
        self._pairs: tuple[list[int], list[int]] | None = None

    def spans(self) -> list[tuple[int, int]]:
        text = self.text
        cuts: list[int] = []
        segment_start = 0
        pattern = _ZH_CANDIDATE if self.chinese else _LATIN_CANDIDATE
        for match in pattern.finditer(text):
            cut = match.end()
            if cut >= len(text) or not self._is_boundary(match, segment_start):
                continue
            cuts.append(cut)
            segment_start = cut
        cuts.append(len(text))
        result: list[tuple[int, int]] = []
        start = 0
        for end in cuts:
            piece = text[start:end]
            stripped = piece.strip()
            if stripped:
                first = start + len(piece) - len(piece.lstrip())
                result.append((first, first + len(stripped)))
            start = end
        return result

    # -- the rule filter ---------------------------------------------------------------

    def _is_boundary(self, match: re.Match[str], segment_start: int) -> bool:
        text = self.text
        term = match["term"]
        cut = match.end()
        close = match["close"]
        if close and ("》" in close or "〉" in close):
            return False  # the end of a book or film title: 《摔跤吧！爸爸》
        if self.chinese and (term[0] in _ZH_FULL_STOPS or term[0] in "!?" or len(term) > 2):
            if not self._chinese_ends(term, close, cut):
                return False
        else:
            start = match.start()
            if term == "." and (
                text[start + 1 : start + 2] in _SPACES
                and text[start + 2 : start + 3] == "."
                or start > 1
                and text[start - 1] in _SPACES
                and text[start - 2] == "."
            ):
                spaced = self._spaced_ellipsis_ends(start, segment_start)
                if spaced is not None:
                    return spaced and not self._is_enclosed(cut)
            if (term[0] in ".…" and len(term) > 1 or term == "…") and start > 0:
                if text[start - 1] in "([":
                    return False  # an omission mark: (...) or [...]
            following = _NEXT_WORD.match(text, cut)
            assert following is not None  # the pattern can match empty
            word = following["word"]
            if word[:1].islower():
                return False
            if term == "." and not self._period_ends(start, segment_start, word, following.end()):
                return False
        return not self._is_enclosed(cut)

    def _chinese_ends(self, term: str, close: str, cut: int) -> bool:
        text = self.text
        position = cut
        while position < len(text) and text[position].isspace():
            position += 1
        if position >= len(text):
            return True
        following = text[position]
        if following in _ZH_CLAUSE:
            return False
        if any(char in _ZH_FULL_STOPS for char in term) or len(term) > 2:
            return True
        # An ASCII ! or ? : a query string or code when glued to Latin text.
        if following.isascii() and following.isalnum():
            return position > cut and not following.islower()
        return True

    def _spaced_ellipsis_ends(self, dot: int, segment_start: int) -> bool | None:
        """Whether a period inside a spaced ellipsis (". . .") ends a sentence; None when
        the period is no part of one, or when the plain rules decide."""
        text = self.text
        first = dot
        while first > 1 and text[first - 1] in _SPACES and text[first - 2] == ".":
            first -= 2
        last = dot
        while text[last + 1 : last + 2] in _SPACES and text[last + 2 : last + 3] == ".":
            last += 2
        dots = (last - first) // 2 + 1
        if dots < 3 or text[last + 1 : last + 2] == ".":
            return None
        # Four periods glued to a word ("compounds. . . . The") are the sentence's full
        # stop, then an omission that opens the next sentence.
        glued = dots >= 4 and first > 0 and not text[first - 1].isspace()
        if dot != first:
            # Three spaced periods mark an omission inside a sentence; four, spaced from
            # the word, are an omission and the full stop: the plain rules decide there.
            return None if dot == last and dots >= 4 and not glued else False
        if not glued:
            return False
        following = _NEXT_WORD.match(text, last + 1)
        assert following is not None  # the pattern can match empty
        word = following["word"]
        if not word or word[:1].islower():
            return False
        return self._period_ends(dot, segment_start, word, following.end())

    def _period_ends(self, dot: int, segment_start: int, word: str, word_end: int) -> bool:
        text = self.text
        if dot > 1 and (text[dot - 1] == "№" or text[dot - 1] in "°º" and text[dot - 2] in "Nn"):
            return not word[:1].isdigit()  # "N°. 5", "№. 12": the number sign
        # The word before the period, read backwards so one anchored match finds it.
        backwards = text[dot - 1 : dot - 41 if dot > 40 else None : -1]
        reversed_token = _TOKEN_BACKWARDS.match(backwards)
        assert reversed_token is not None  # the pattern can match empty
        token = reversed_token.group()[::-1].lstrip(".-'’")
        start = dot - len(token)
        if not token:
            return True
        upper = word[:1].isupper()
        digit = word[:1].isdigit()
        next_is_initial = len(word) == 1 and text.startswith(".", word_end)
        if _at_segment_start(text, segment_start, start) and (
            token.isdigit() and len(token) <= 3 or len(token) == 1 or _ROMAN.match(token)
        ):
            return False  # list numbering: "1. First", "b. Second", "IV. Results"
        if token.isdigit():
            return True
        if len(token) == 1:
            compound = _compound(text, start)
            if compound is None:
                if is_settlement(token):
                    return False  # "с. Ивановка", "д. Липки"
            elif is_never_final(compound) or is_ambiguous(compound):
                token = compound
        elif is_settlement(token):
            return False  # "пгт. Брагино", "мкр. Северный"
        if token in ("г", "гг"):
            # "в 2020 г." may end a sentence, "г. Москва" is a city, and "В 2019-2020 гг."
            # opening a sentence is an adverbial phrase.
            if not _after_number(text, start):
                return False
            return not _YEAR_OPENER.match(text[segment_start:start].lstrip(_OPENING_CHARS))
        if is_never_final(token):
            return False
        if not digit and (len(token) == 1 and token.isupper() or is_two_letter_initial(token)
                          and not _chinese_given_name(text, token, start)):
            # An initial, also one that abbreviates a word before a number elsewhere
            # ("П. И. Коробов", "Ч. Айтматов", "Ts. Elbegdorj", "Ch. Sooronbai").
            return upper and word in STARTERS and not next_is_initial
        if token == "v" and upper and _NAME_BEFORE.search(text, max(0, start - 60), start):
            return False  # "Hamdan v. Rumsfeld": a case name
        if is_number_prefix(token):
            return not digit
        if is_ambiguous(token):
            if token in ("a.m", "p.m", "A.M", "P.M") and is_title(word):
                # "... at 6 p.m. Dr. Lee spoke" ends; "At 5 a.m. Mr. Lee left" does not.
                return not _TIME_OPENER.match(text[segment_start:start].lstrip(_OPENING_CHARS))
            return upper and word in STARTERS and not next_is_initial
        if len(token) == 1:
            if digit:
                return False  # "p. 5", "п. 3"
            if token.isupper():
                return upper and word in STARTERS and not next_is_initial
            return True
        if "." in token:
            parts = token.split(".")
            if all(len(part) == 1 and part.isupper() for part in parts):
                return upper and word in STARTERS and not next_is_initial
        return True

    # -- regions that hold a candidate inside ------------------------------------------

    def _is_enclosed(self, cut: int) -> bool:
        return self._in_markup(cut) or self._in_pair(cut)

    def _in_markup(self, cut: int) -> bool:
        if self._protected is None:
            starts: list[int] = []
            ends: list[int] = []
            if _MARKUP_HINT.search(self.text):
                for region in _PROTECTED.finditer(self.text):
                    starts.append(region.start())
                    ends.append(region.end())
            self._protected = (starts, ends)
        starts, ends = self._protected
        index = bisect.bisect_left(starts, cut) - 1
        return index >= 0 and cut < ends[index]

    def _in_pair(self, cut: int) -> bool:
        if self._pairs is None:
            self._pairs = _find_holding_pairs(self.text, attributions=not self.chinese)
        openings, closings = self._pairs
        # Holding pairs are short, so only the few opened just before the cut can hold it.
        index = bisect.bisect_left(openings, cut) - 1
        while index >= 0 and openings[index] >= cut - _MAX_PAIR:
            if cut <= closings[index]:
                return True
            index -= 1
        return False


def _find_holding_pairs(text: str, *, attributions: bool) -> tuple[list[int], list[int]]:
    """Parentheses and quotations no split may fall inside: (openings, closings), sorted
    by opening. Chinese quotations never hold (see the module doc)."""
    pairs: list[tuple[int, int]] = []
    parens: list[int] = []
    quotes: list[int] = []
    titles: list[int] = []
    for mark in _PAIRED.finditer(text):
        char = mark.group()
        position = mark.start()
        if char in _TITLE_MARKS:
            titles.append(position)
        elif char in "》〉":
            # A book or film title holds its own ！ and ？ (《摔跤吧！爸爸》).
            if titles and _TITLE_MARKS[text[titles[-1]]] == char:
                opening = titles.pop()
                if position - opening < _MAX_PAREN:
                    pairs.append((opening, position))
        elif char in "(（":
            parens.append(position)
        elif char in ")）":
            if parens:
                opening = parens.pop()
                if position - opening < _MAX_PAREN:
                    pairs.append((opening, position))
        elif not attributions:
            continue
        elif _opens_quote(text, position, char):
            quotes.append(position)
        elif quotes:
            opening = quotes.pop()
            if position - opening < _MAX_QUOTE and _attribution_follows(text, position + 1):
                pairs.append((opening, position))
    pairs.sort()
    return [opening for opening, _ in pairs], [closing for _, closing in pairs]


def _opens_quote(text: str, position: int, char: str) -> bool:
    if char in "«„":
        return True
    if char in "»”":
        return False
    before_ok = position == 0 or text[position - 1] in _QUOTE_OPENERS
    after_ok = position + 1 < len(text) and not text[position + 1].isspace()
    return before_ok and after_ok


def _attribution_follows(text: str, position: int) -> bool:
    # A comma at the closing quote ('…trust," Dr. Smith said', '«…», — сказал') says the
    # sentence goes on after the quotation, whatever the case of the next word.
    if text[position - 2] == "," or text[position : position + 1] == ",":
        return True
    gap = _ATTRIBUTION_GAP.match(text, position)
    assert gap is not None  # the pattern can match empty
    return gap["word"].islower()


def _at_segment_start(text: str, segment_start: int, position: int) -> bool:
    return not text[segment_start:position].strip(_OPENING_CHARS)


def _chinese_given_name(text: str, token: str, start: int) -> bool:
    return token in _GIVEN_NAME_INITIALS and bool(
        _PINYIN_FAMILY_NAME.search(text[max(0, start - 12) : start])
    )


def _after_number(text: str, position: int) -> bool:
    position -= 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position >= 0 and text[position].isdigit()


def _compound(text: str, start: int) -> str | None:
    """A spaced abbreviation seen from its last letter, spaces dropped: "т. д." -> "т.д"."""
    position = start - 1
    if position >= 0 and text[position].isspace():
        position -= 1
    if position < 1 or text[position] != ".":
        return None
    letter = text[position - 1]
    if not letter.isalpha() or (position >= 2 and text[position - 2].isalnum()):
        return None
    return f"{letter.lower()}.{text[start]}"
