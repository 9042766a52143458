"""The markup, placeholders and urls checks: what the page renders must survive translation."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache

from markdown_it import MarkdownIt
from markdown_it.token import Token

from i18n_kit.checks.registry import Issue, TextPair
from i18n_kit.checks.text import URL_PATTERN

# The same inline parser settings as output/inline.py, so a check sees what a page shows.
_MARKDOWN_CHARS = frozenset("*_`[]!\\<")
_PLACEHOLDER_RE = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w*\}")
_BARE_URL_RE = re.compile(URL_PATTERN)
_LITERAL_MARKERS = (("**", "**"), ("__", "__"), ("`", "`"), ("](", "]("))
_KINDS = (
    ("strong_open", "bold (**…**)"),
    ("em_open", "emphasis (*…*)"),
    ("link_open", "links ([…](…))"),
    ("image", "images (![…](…))"),
    ("hardbreak", "line breaks"),
)


class _Parser(MarkdownIt):
    def validateLink(self, url: str) -> bool:  # noqa: N802 - markdown-it's hook name
        return True  # every link counts, safe or not: the renderer vets them later


_PARSER = _Parser("commonmark", {"html": False, "linkify": False, "typographer": False})


@dataclass(frozen=True, slots=True)
class _Inline:
    kinds: Counter[str]  # token type -> count
    code: Counter[str]  # code span contents
    targets: Counter[str]  # link targets, image sources, bare URLs and e-mails
    literal: tuple[str, ...]  # markers left as text: a broken ** or `


@lru_cache(maxsize=4096)
def _read_inline(text: str) -> _Inline:
    kinds: Counter[str] = Counter()
    code: Counter[str] = Counter()
    targets: Counter[str] = Counter()
    literal: list[str] = []
    if not _MARKDOWN_CHARS.intersection(text):
        targets.update(_BARE_URL_RE.findall(text))
        return _Inline(kinds, code, targets, ())
    children: Sequence[Token] = []
    for token in _PARSER.parseInline(text, {}):
        children = token.children or []
    for child in children:
        kinds[child.type] += 1
        if child.type == "code_inline":
            code[child.content] += 1
        elif child.type in ("link_open", "image"):
            target = child.attrGet("href" if child.type == "link_open" else "src")
            if isinstance(target, str):
                targets[target] += 1
        elif child.type == "text":
            targets.update(_BARE_URL_RE.findall(child.content))
            literal.extend(m for m, probe in _LITERAL_MARKERS if probe in child.content)
    return _Inline(kinds, code, targets, tuple(literal))


def check_markup(pair: TextPair) -> Iterator[Issue]:
    """Bold, emphasis, links, images, line breaks and code spans counted on both sides.

    >>> [i.message for i in check_markup(TextPair(source_text="The **SCO** met.",
    ...     target_text="**ШОС собралась.", source_lang="en", target_lang="ru"))]
    ['bold (**…**): 1 in the source, 0 in the translation; «**» is left unpaired']
    """
    source = _read_inline(pair.source_text)
    target = _read_inline(pair.target_text)
    for kind, name in _KINDS:
        have, want = target.kinds[kind], source.kinds[kind]
        if have != want:
            message = f"{name}: {want} in the source, {have} in the translation"
            unpaired = [m for m in target.literal if m not in source.literal]
            if unpaired and kind != "hardbreak":
                message += f"; «{unpaired[0]}» is left unpaired"
            yield Issue(check="markup", message=message)
    for content in source.code - target.code:
        yield Issue(check="markup", message=f"the code span `{content}` is missing from the "
                    "translation")
    for content in target.code - source.code:
        yield Issue(check="markup", message=f"the code span `{content}` is not in the source")
    if all(source.kinds[k] == target.kinds[k] for k, _ in _KINDS):
        for marker in target.literal:
            if marker not in source.literal:
                yield Issue(check="markup", message=f"«{marker}» is left unpaired: it shows "
                            "on the page as typed")
                break


def check_placeholders(pair: TextPair) -> Iterator[Issue]:
    """printf and brace placeholders counted on both sides.

    >>> for issue in check_placeholders(TextPair(source_text="%(num)d comments",
    ...         target_text="%(num)s комментариев", source_lang="en", target_lang="ru")):
    ...     print(issue.message)
    the placeholder %(num)d is missing from the translation
    the placeholder %(num)s is not in the source
    """
    if "%" not in pair.source_text + pair.target_text and "{" not in (
        pair.source_text + pair.target_text
    ):
        return
    source = Counter(_PLACEHOLDER_RE.findall(pair.source_text))
    target = Counter(_PLACEHOLDER_RE.findall(pair.target_text))
    for name in source - target:
        yield Issue(check="placeholders",
                    message=f"the placeholder {name} is missing from the translation")
    for name in target - source:
        yield Issue(check="placeholders", message=f"the placeholder {name} is not in the source")


def check_urls(pair: TextPair) -> Iterator[Issue]:
    """Link targets, image sources, URLs and e-mail addresses must be the same.

    >>> [i.message for i in check_urls(TextPair(source_text="See [site](https://sco.int).",
    ...     target_text="См. [сайт](https://sco.in).", source_lang="en", target_lang="ru"))]
    ['«https://sco.int» is missing from the translation', '«https://sco.in» is not in the source']
    """
    source = _read_inline(pair.source_text).targets
    target = _read_inline(pair.target_text).targets
    if source == target:
        return
    for url in source - target:
        yield Issue(check="urls", message=f"«{url}» is missing from the translation")
    for url in target - source:
        yield Issue(check="urls", message=f"«{url}» is not in the source")
