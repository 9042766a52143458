"""Every check's stable id, default severity and rationale, and the values checks exchange."""

from __future__ import annotations

import datetime as dt
import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from i18n_kit.model import Severity as Severity  # defined there: config.py reads it too

#: `# i18n-kit: ignore <ids>` in an entry's translator comment switches checks off for it.
IGNORE_RE = re.compile(r"^\s*i18n-kit\s*:\s*ignore\b(?P<ids>.*)$", re.IGNORECASE)


class Scope(enum.StrEnum):
    """What a check looks at."""

    ENTRY = "entry"  # one translated catalog entry: source and translation
    SOURCE = "source"  # the source text of an entry (reported once per article)
    CATALOG = "catalog"  # a whole catalog
    PAGE = "page"  # a built page under site/
    PROJECT = "project"  # every catalog or every source article of a project at once


@dataclass(frozen=True, slots=True, kw_only=True)
class Check:
    """One check as users see it in reports, docs, ``[checks] disable`` and ``severity``."""

    id: str
    severity: Severity  # the default; some findings of a check are milder (see rationale)
    scope: Scope
    family: str  # the module that implements it
    title: str  # one line
    rationale: str  # one paragraph: why it exists and what it does not flag


@dataclass(frozen=True, slots=True, kw_only=True)
class TextPair:
    """A source text and its translation, with both languages (two-letter codes)."""

    source_text: str
    target_text: str
    source_lang: str
    target_lang: str
    # The article's date (its front matter), when known: what "today", 28日 or a date
    # without a year stand for.
    article_date: dt.date | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Issue:
    """What an entry check found; the runner adds where (file, line, locale, msgid)."""

    check: str
    message: str
    severity: Severity | None = None  # None: the check's default


#: An entry check: a pair in, issues out. Pure, cheap, no I/O.
EntryChecker = Callable[[TextPair], Iterable[Issue]]


@dataclass(frozen=True, slots=True, kw_only=True)
class Located:
    """What a project-level check found, with where; the runner adds the severity."""

    issue: Issue
    file: str  # project-relative: a catalog or a source article
    line: int | None
    locale: str
    msgid: str = ""
    reference: str = ""


def _check(
    id: str, severity: Severity, scope: Scope, family: str, title: str, rationale: str
) -> Check:
    return Check(
        id=id, severity=severity, scope=scope, family=family, title=title,
        rationale=" ".join(rationale.split()),
    )


_E, _W, _I = Severity.ERROR, Severity.WARNING, Severity.INFO

#: Every check, in the order reports and docs list them.
CHECKS: tuple[Check, ...] = (
    _check("numbers", _E, Scope.ENTRY, "numbers", "numbers and dates preserved", """
        Every number written in digits in the source must be in the translation, and the
        translation must have no number the source lacks: a swapped digit, a dropped
        figure or a wrong year changes the news. Compared by value, so 2019-2020 matches
        2019–2020, 60% matches 60 % and 60%以上, 1,200 matches 1 200, 1.5 matches 1,5,
        1.5 billion matches 15亿 and 1,5 млрд; 20th matches 20-й and 第二十次. Month names
        (Babel's, every case form) count as the month's number, so 10 November 2020
        matches 10 ноября 2020 года and 2020年11月10日. Numbers spelled as words (twenty,
        двадцать, 二十) may stand in for digits but are never required: they are too often
        idioms (一带一路, "one of"). Numbers inside codes (COVID-19, G20, 5G), URLs and
        code spans are left to other checks. Roman numerals (XXI века, ХХ заседание with
        Cyrillic Х), spaced Chinese dates (6 月 5 日) and multiplicatives (doubled, в 2
        раза, 一倍) are read; a day, month or year one text leaves out is not missing when
        the other implies it by a weekday, "today", "this year" or the article's date, and
        a contradiction there is a warning, never an error."""),
    _check("markup", _E, Scope.ENTRY, "markup", "inline markup preserved", """
        The translation must have as many **bold**, *emphasis*, ~~strike~~, `code`,
        links, images and hard line breaks as the source (in any order: word order
        changes between languages); code spans must be identical. A dropped ** shows
        literal asterisks on the page and bolds the wrong words."""),
    _check("placeholders", _E, Scope.ENTRY, "markup", "placeholders preserved", """
        printf and brace placeholders (%(name)s, %s, %d, {name}, {0}) must appear in the
        translation as often as in the source: the page template fills them, and a
        missing or misspelt one fails the build or shows a raw placeholder."""),
    _check("urls", _E, Scope.ENTRY, "markup", "URLs and e-mail addresses preserved", """
        Link targets, image sources, bare URLs and e-mail addresses must be the same in
        the translation. The page renderer drops a link whose target is not in the
        source, so a changed URL silently loses the link."""),
    _check("final-punctuation", _W, Scope.ENTRY, "punctuation", "final punctuation kept", """
        A sentence that ends with a full stop, question mark, exclamation mark, ellipsis,
        colon or semicolon must end with the same kind of mark in the translation,
        mapped per locale (. = 。, ? = ？, ! = ！, ... = … = ……, : = ：); closing quotes,
        brackets and emphasis markers around it are ignored, so «…». matches "…." .
        A heading without a mark must stay without one. Clause marks are one class:
        a declaration ends each clause with «;» in English, «,» in Russian and «；» or
        «，» in Chinese, and a lead-in with «,», «:» or «：», so any of ; , : ； ， ： 、
        answers any other, and a full stop answers them too."""),
    _check("ru-quotes", _W, Scope.ENTRY, "typography", "Russian quotes are «»", """
        Straight double quotes in a Russian translation are a typewriter habit; Russian
        typography uses «ёлочки» (with „лапки“ inside). Quotes inside code spans, URLs
        and link targets are not flagged."""),
    _check("zh-punctuation", _W, Scope.ENTRY, "typography", "Chinese full-width punctuation", """
        Between or after Chinese characters a Chinese translation uses full-width
        punctuation: ， 。 ； ： ？ ！ （） “”. An ASCII comma, full stop, colon,
        semicolon, question or exclamation mark right after a Chinese character, straight
        double quotes next to one, and ASCII brackets around Chinese text are flagged.
        ASCII marks inside numbers (10.5, 1,200), Latin text, URLs and code are not."""),
    _check("zh-spaces", _W, Scope.ENTRY, "typography", "no spaces between Chinese characters", """
        Chinese is written without spaces; a space between two Chinese characters or
        full-width marks is a leftover of editing or of line wrapping. Spaces between
        Chinese and Latin letters or digits are a style choice and are not flagged."""),
    _check("untranslated", _E, Scope.ENTRY, "untranslated", "translation same as source", """
        A translation identical to its source was copied, not translated. Not flagged
        when the source has nothing to translate: only numbers, codes, abbreviations,
        URLs or markup (what sync routes as "copy")."""),
    _check("foreign-script", _E, Scope.ENTRY, "untranslated", "text left in another script", """
        Cyrillic letters in an English or Chinese translation, and Chinese characters in
        an English or Russian one, are source text left untranslated (or pasted from
        the wrong document). URLs, code spans and link targets are ignored."""),
    _check("zh-latin", _W, Scope.ENTRY, "untranslated", "Latin words in a Chinese translation", """
        A Chinese translation keeps Latin letters only for abbreviations and codes (SCO,
        COVID-19, 5G, mRNA) and glossary terms; any other Latin word (a name, an English
        word) was most likely left untranslated."""),
    _check("mixed-script", _W, Scope.ENTRY, "untranslated", "a word mixes Latin and Cyrillic", """
        A word that mixes Latin and Cyrillic letters (Кaзахстан with a Latin a) looks
        right but breaks search, spell checking and glossary matching."""),
    _check("whitespace", _W, Scope.ENTRY, "whitespace", "stray whitespace", """
        Leading or trailing whitespace, doubled spaces, or a space before a comma, full
        stop, colon, semicolon, question or exclamation mark in an English or Russian
        translation. Source segments are normalised (see docs/translators.md), so any of
        these comes from the translation. No-break spaces are left alone: the page's
        typography puts them in on purpose."""),
    _check("doubled-word", _W, Scope.ENTRY, "whitespace", "a word written twice", """
        The same word twice in a row (the the, в в) in an English or Russian translation,
        unless the source repeats it too. Not checked in Chinese, where doubled
        characters are ordinary words (常常, 谢谢)."""),
    _check("length-ratio", _W, Scope.ENTRY, "whitespace", "length far outside the norm", """
        The translation's length, compared with the source's, is more than 2.5 times
        off the usual ratio for the language pair (in letters and marks without spaces:
        English to Russian about 1.05, English or Russian to Chinese about 0.38): a
        sentence was cut or something else was pasted. Short sources (under 40 letters,
        15 Chinese characters) vary too much to judge and are skipped."""),
    _check("glossary-term-missing", _W, Scope.ENTRY, "glossary", "approved term missing", """
        A glossary term in the source whose approved forms (any register: formal, short
        or abbreviation, in any inflected form) are not in the translation, or appear
        fewer times than in the source. Credited as official text writes them: inside a
        longer name (the Secretariat's name holds the SCO's), with words inserted
        (上合组织阿斯塔纳峰会 for 上合组织峰会), a person with a patronymic, initials
        (Р. К. Алимов, Р.Алимов) or the surname alone. Names inside a "hereinafter"
        definition (hereinafter / далее – / 以下简称) are not counted on either side, and
        a short form that refers back (the Organisation, Организация, 本组织) is not
        required. A warning, not an error: a professional translation may shorten a name
        on second mention, and only a reviewer can tell that from a mistake."""),
    _check("glossary-forbidden", _E, Scope.ENTRY, "glossary", "forbidden term used", """
        The translation uses a form the glossary forbids (an error: a known
        mistranslation or misspelling) or marks as deprecated (a warning). A Chinese
        short form inside a longer word is another word, not a use of the form: 蒙古 in
        内蒙古, 塔吉克 in 塔吉克族 or 塔吉克语 (rjieba's word boundaries, and a following
        族, 人, 语 or 文; benchmarks/zh_compounds.py)."""),
    _check("source-misspelling", _E, Scope.SOURCE, "glossary", "misspelt name in the source", """
        The source writes a person, state or body name in a form the glossary forbids
        (an error), or a spelling one or two letters away from a known name (a warning).
        Reported once per article, on the source file, not once per target language."""),
    _check("lookalike", _W, Scope.SOURCE, "lookalike", "look-alike letters in a source word", """
        A word in a source article that mixes Latin and Cyrillic letters («CСTV» with a
        Cyrillic С, «Кaзахстан» with a Latin a) looks right but breaks search, glossary
        matching and every translation that copies it. Reported once, against the source
        file and line, with the word in one script to write instead; the built pages and
        the translations that repeat it are not flagged again. A word is a run of
        letters, so codes and compounds joined by digits, hyphens or apostrophes
        («ШОС-2025», «COVID-19», «SMS-сообщение», «Су-35», «CO₂») are never mixed; URLs,
        code and raw HTML are not read."""),
    _check("source-spelling", _W, Scope.SOURCE, "proofread",
           "misspelt word in the source", """
        A common word of an English or Russian source article that Hunspell's
        dictionaries (en_GB and en_US, ru_RU; Russian also pymorphy3's) do not know and
        that is one letter from a word they do («commn»: common; two letters swapped
        count as one). A typo in the source is copied into every translation. Names are
        not judged (a capitalised word inside a sentence, upper-case abbreviations, the
        glossary's forms in every language, the project's glossary/words.txt), nor words
        with no close correction, or URLs and code. Reported once, at the source file and line."""),
    _check("source-doubled-word", _W, Scope.SOURCE, "proofread",
           "a word written twice in the source", """
        A word or a phrase written twice in a row in a source article («the the», «Chair
        of the of the», «в в»), and in Chinese a doubled function character (的的, 了了)
        or a repeated word of three or more characters (上合组织上合组织). Not flagged:
        English «that that» and «had had», names that double (Bora Bora), and Chinese
        reduplication (看看, 常常, 谢谢, 人人, 好好, 个个, 实实在在, 不了了之).
        Reported once, at the source file and line."""),
    _check("inconsistent-translation", _W, Scope.PROJECT, "consistency",
           "one source, different translations", """
        The same source sentence translated in two or more ways in one locale, across
        every article catalog of the project (after what the checks accept anyway:
        whitespace, no-break spaces, quote style, dash kind, ё/е and a final clause
        mark). Newsrooms repeat boilerplate in hundreds of articles; a stray variant is
        what a reviewer wants to see. One finding per source sentence and locale, at the
        first place of the rarest variant, naming every variant and every place.
        Approved (not fuzzy) entries only; fuzzy ones are reported apart
        (inconsistent-draft)."""),
    _check("inconsistent-source", _W, Scope.PROJECT, "consistency",
           "one translation, different sources", """
        The same translation given to two or more different source sentences in one
        locale (sources compared without case, whitespace and quote style): one of them
        is most likely a copy of the other's translation. One finding per translation
        and locale, naming every source and every place. Approved entries only."""),
    _check("inconsistent-draft", _I, Scope.PROJECT, "consistency",
           "fuzzy entries that differ", """
        A fuzzy entry (machine translation, a fuzzy memory match) whose translation
        differs from how the same source is translated elsewhere in the locale. Kept
        apart from translators' work: it is for the reviewer who clears the flag, and
        fails no run."""),
    _check("fuzzy", _I, Scope.CATALOG, "run", "fuzzy entries not checked", """
        Fuzzy entries (machine translation, fuzzy memory matches, changed sources) are
        not published until a translator clears the flag, so they are not checked; one
        line per catalog says how many were skipped."""),
    _check("ignore-comment", _W, Scope.ENTRY, "run", "unknown check in an ignore comment", """
        A "# i18n-kit: ignore ..." comment names a check that does not exist, so it
        switches nothing off (most likely a typo)."""),
    _check("page-lang", _E, Scope.PAGE, "pages", "page language declared", """
        Every built page's <html> element must carry the lang of its locale: screen
        readers, hyphenation, fonts (Chinese glyph variants) and search engines rely
        on it."""),
    _check("page-script", _E, Scope.PAGE, "pages", "page text in the wrong script", """
        Text that a page declares to be in its own language must be in that language's
        script: no Cyrillic or Chinese on an English page, no Chinese on a Russian page,
        no Cyrillic on a Chinese page; and the site chrome (menus, notices, buttons,
        footers: everything but the article body, its title and listed article titles)
        of a Russian or Chinese page has no Latin words. Text marked with its own lang
        (a fallback sentence, a language name in the switcher) is judged by that lang."""),
    _check("page-links", _E, Scope.PAGE, "pages", "internal links resolve", """
        Every relative link and resource on a built page (href, src) must point at a
        file under site/, and a #fragment at an id on the target page. External links
        (http:, https:, mailto:) are not fetched."""),
)

CHECKS_BY_ID: Mapping[str, Check] = {check.id: check for check in CHECKS}


def get_check(check_id: str) -> Check:
    """The registered check with this id (KeyError for an unknown one).

    >>> get_check("numbers").severity
    <Severity.ERROR: 'error'>
    """
    return CHECKS_BY_ID[check_id]
