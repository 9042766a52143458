"""run_checks(config) -> CheckReport: every check over every catalog and built page."""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import cast

from i18n_kit.catalogs.po import Entry, read_catalog
from i18n_kit.catalogs.status import SegmentStatus, entry_status
from i18n_kit.checks.glossary import GlossaryChecks
from i18n_kit.checks.lookalike import check_source_file
from i18n_kit.checks.markup import check_markup, check_placeholders, check_urls
from i18n_kit.checks.memo import FileMemo
from i18n_kit.checks.numbers import check_numbers
from i18n_kit.checks.pages import check_pages, find_pages
from i18n_kit.checks.project import run_project_checks
from i18n_kit.checks.proofread import WORDS_FILE
from i18n_kit.checks.punctuation import check_final_punctuation
from i18n_kit.checks.registry import (
    CHECKS,
    CHECKS_BY_ID,
    IGNORE_RE,
    EntryChecker,
    Issue,
    Scope,
    Severity,
    TextPair,
)
from i18n_kit.checks.text import CJK_RE, CYRILLIC_RE, primary_language
from i18n_kit.checks.typography import (
    check_mixed_script,
    check_ru_quotes,
    check_zh_punctuation,
    check_zh_spaces,
)
from i18n_kit.checks.untranslated import check_untranslated
from i18n_kit.checks.whitespace import (
    check_doubled_word,
    check_length_ratio,
    check_whitespace,
)
from i18n_kit.config import CONFIG_NAME, ProjectConfig
from i18n_kit.errors import ConfigError, I18nKitError
from i18n_kit.glossary.load import GLOSSARY_FOLDER, GLOSSARY_SUFFIXES, load_glossary
from i18n_kit.layout import Layout
from i18n_kit.resources import shipped_path
from i18n_kit.results import ResultCache, digest_of, inputs_digest, toolkit_digest
from i18n_kit.sources import decode_utf8, parse_article, read_article, read_source_bytes
from i18n_kit.sources.frontmatter import parse_iso_date, prepare_text, split_front_matter

#: The translator-comment line that switches checks off for one entry:
#: ``# i18n-kit: ignore numbers, markup`` (``all`` switches every check off).
_IGNORE_FLAG_PREFIX = "ignore-"  # Weblate-style flag, honoured while a tool keeps it
_GLOSSARY_CHECKS = frozenset({"glossary-term-missing", "glossary-forbidden",
                              "source-misspelling", "zh-latin"})
_UNTRANSLATED_CHECKS = frozenset({"untranslated", "foreign-script", "zh-latin"})
_SIMPLE_CHECKERS: dict[str, EntryChecker] = {
    "numbers": check_numbers,
    "markup": check_markup,
    "placeholders": check_placeholders,
    "urls": check_urls,
    "final-punctuation": check_final_punctuation,
    "ru-quotes": check_ru_quotes,
    "zh-punctuation": check_zh_punctuation,
    "zh-spaces": check_zh_spaces,
    "mixed-script": check_mixed_script,
    "whitespace": check_whitespace,
    "doubled-word": check_doubled_word,
    "length-ratio": check_length_ratio,
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Finding:
    """One problem found, where it is, and how bad it is."""

    check: str  # a registered check id
    severity: Severity
    file: str  # project-relative path: the catalog, the source article or the page
    line: int | None  # 1-based line in that file (a catalog: the entry's first line)
    locale: str  # the locale of the text the finding is about
    msgid: str  # the entry's source text ("" for a page or a whole catalog)
    message: str
    reference: str = ""  # the entry's `#:` reference: the source article


@dataclass(frozen=True, slots=True, kw_only=True)
class CheckReport:
    """Everything one run found, with what it looked at."""

    findings: tuple[Finding, ...]
    catalogs: int = 0
    entries: int = 0  # entries checked (translated, not fuzzy, not obsolete)
    fuzzy: int = 0  # fuzzy entries skipped
    pages: int = 0

    def count(self, severity: Severity) -> int:
        return sum(1 for finding in self.findings if finding.severity is severity)

    @property
    def has_errors(self) -> bool:
        return any(finding.severity is Severity.ERROR for finding in self.findings)

    def fails(self, fail_on: Severity) -> bool:
        """True when a finding is ``fail_on`` or worse: ``check`` then exits 1.

        >>> report = CheckReport(findings=(Finding(check="ru-quotes",
        ...     severity=Severity.WARNING, file="a.po", line=3, locale="ru", msgid="x",
        ...     message="m"),))
        >>> report.fails(Severity.ERROR), report.fails(Severity.WARNING)
        (False, True)
        """
        return any(finding.severity.at_least(fail_on) for finding in self.findings)


@dataclass(slots=True)
class _Checker:
    """The enabled checks of one run, with the glossary loaded once if any needs it."""

    enabled: frozenset[str]
    glossary: GlossaryChecks | None = None
    entry_checkers: list[EntryChecker] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.entry_checkers = [
            checker for check_id, checker in _SIMPLE_CHECKERS.items() if check_id in self.enabled
        ]
        if self.enabled & _UNTRANSLATED_CHECKS:
            allowed = self.glossary.allowed_latin if self.glossary else frozenset()
            self.entry_checkers.append(
                partial(check_untranslated, allowed_latin=allowed, enabled=self.enabled)
            )
        if self.glossary is not None and self.enabled & {"glossary-term-missing",
                                                          "glossary-forbidden"}:
            self.entry_checkers.append(self.glossary.check_pair)

    def check_pair(self, pair: TextPair, ignored: frozenset[str] = frozenset()) -> list[Issue]:
        issues: list[Issue] = []
        for checker in self.entry_checkers:
            issues.extend(
                issue for issue in checker(pair)
                if issue.check in self.enabled and issue.check not in ignored
            )
        return issues


def check_pair(
    pair: TextPair,
    *,
    disabled: Iterable[str] = (),
    glossary: GlossaryChecks | None = None,
) -> list[Issue]:
    """Every entry check on one source text and its translation (for the preview, tests
    and other programs). Glossary checks run only when ``glossary`` is given.

    >>> [i.check for i in check_pair(TextPair(source_text="In 2020.", target_text="В 2021",
    ...     source_lang="en", target_lang="ru"))]
    ['numbers', 'numbers', 'final-punctuation']
    """
    enabled = frozenset(c.id for c in CHECKS if c.scope is Scope.ENTRY) - set(disabled)
    return _Checker(enabled, glossary).check_pair(pair)


def enabled_checks(config: ProjectConfig) -> frozenset[str]:
    """The check ids a project runs: all but ``[checks] disable``; ConfigError names an
    unknown id by its place in the list.

    >>> from i18n_kit.config import load_config
    >>> "numbers" in enabled_checks(load_config(Path("examples/sco-newsroom/i18n-kit.toml")))
    True
    """
    for index, check_id in enumerate(config.checks_disabled):
        if check_id not in CHECKS_BY_ID:
            close = difflib.get_close_matches(check_id, list(CHECKS_BY_ID), n=1)
            hint = f"; did you mean {close[0]!r}?" if close else "; see docs/checks.md"
            raise ConfigError(
                f"checks.disable[{index}]: {check_id!r} is not a check{hint}", path=CONFIG_NAME
            )
    return frozenset(CHECKS_BY_ID) - set(config.checks_disabled)


def run_checks(config: ProjectConfig, *, pages: bool = True, cache: bool = True) -> CheckReport:
    """Check every article catalog (``locales/<code>/LC_MESSAGES/articles/*.po``), the
    project's own chrome catalogs (``messages.po``) and, with ``pages`` and a built
    ``site/``, every page. Raises CatalogError on a malformed catalog, ConfigError on an
    unknown id in ``[checks] disable``, GlossaryError on a malformed glossary. Each
    finding carries its effective severity: the project's ``[checks] severity`` for its
    check, else the check's own.

    With ``cache``, what a catalog or source article gave is kept by content in
    ``.i18n-kit/results.sqlite3`` (results.py), and a file whose bytes, and the
    toolkit, configuration and glossaries, are as when it was checked is not checked
    again (in any clone: the cache may be restored on a CI runner).

    >>> from i18n_kit.config import load_config
    >>> report = run_checks(load_config(Path("examples/sco-newsroom/i18n-kit.toml")),
    ...                     cache=False)
    >>> report.catalogs > 0, report.entries > 0
    (True, True)
    """
    enabled = enabled_checks(config)

    def make_checker() -> _Checker:
        glossary = None
        if enabled & _GLOSSARY_CHECKS:
            glossary = GlossaryChecks(load_glossary(project_dir=config.root,
                                                    folder=config.glossary_dir))
        return _Checker(enabled, glossary)

    if enabled & _GLOSSARY_CHECKS and not cache:
        make_checker()  # a malformed glossary fails the run even with nothing to check
    run = _Run(config=config, enabled=enabled, make_checker=make_checker,
               results=ResultCache(config.state_dir, "check") if cache else None,
               salt=_salt(config, enabled) if cache else "")
    for locale_code, path in _article_catalogs(config):
        run.check_catalog(path, locale_code=locale_code, source_lang=None)
    for locale_code in config.locales:
        path = Layout(config).chrome_catalog(locale_code)
        # Chrome messages are written in English; an English chrome catalog has no source.
        if primary_language(locale_code) != "en" and path.is_file():
            run.check_catalog(path, locale_code=locale_code, source_lang="en")
    if "lookalike" in enabled:
        run.check_sources()
    # Checks that see every catalog or every source at once (consistency, proofreading).
    memo = FileMemo(run.results, config.root, run.salt)
    for found in run_project_checks(config, enabled, memo):
        run.add(found.issue, file=found.file, line=found.line, locale=found.locale,
                msgid=found.msgid, reference=found.reference)
    if pages and enabled & {c.id for c in CHECKS if c.scope is Scope.PAGE}:
        run.pages.update(find_pages(config.site_dir))
        for page in check_pages(config.site_dir, config.locales):
            run.add(page.issue, file=config.relative(page.path), line=page.line,
                    locale=page.locale_code, msgid="")
    if run.results is not None:
        run.results.save()
    findings = sorted(
        run.findings, key=lambda f: (f.file, f.line or 0, CHECK_ORDER[f.check], f.message)
    )
    return CheckReport(
        findings=tuple(findings), catalogs=run.catalogs, entries=run.entries,
        fuzzy=run.fuzzy, pages=len(run.pages),
    )


#: the order findings on one line are listed in: the registry's
CHECK_ORDER = {check.id: index for index, check in enumerate(CHECKS)}


def effective_severity(config: ProjectConfig, issue: Issue) -> Severity:
    """A finding's severity: the project's ``[checks] severity`` for its check applies to
    every finding of it, the milder ones some checks report (a deprecated term, a
    near-miss spelling) included; else the issue's own, else the check's default."""
    return config.checks_severity.get(issue.check) or (
        issue.severity or CHECKS_BY_ID[issue.check].severity)


def _article_catalogs(config: ProjectConfig) -> Iterator[tuple[str, Path]]:
    return Layout(config).article_catalogs()


def _salt(config: ProjectConfig, enabled: frozenset[str]) -> str:
    """What, besides a file's bytes, shapes what checking it finds: the toolkit's code,
    the project's configuration, the checks switched on and the glossaries."""
    shipped = shipped_path(GLOSSARY_FOLDER)
    folder = Layout(config).glossary_dir
    files = sorted(shipped.glob("*.csv")) + sorted(
        path for path in folder.glob("*") if path.suffix in GLOSSARY_SUFFIXES
        and path.is_file()) + [shipped / WORDS_FILE, folder / WORDS_FILE]  # proofreading
    return digest_of(toolkit_digest(), inputs_digest([config.root / CONFIG_NAME], config.root),
                     ",".join(sorted(enabled)), inputs_digest(files, config.root),
                     config.source_language)


#: one finding of a catalog as kept in the cache: (check, severity or None, message,
#: line, msgid, reference)
_Kept = tuple[str, str | None, str, int | None, str, str]


@dataclass(slots=True, kw_only=True)
class _CatalogResult:
    """What checking one catalog gave, in the order it was found: findings about the
    catalog (``("f", _Kept)``) and source texts to check for misspelt names once per
    run (``("s", reference, text, lang, line, [(check, message, severity, span)])``),
    and its counts. Kept in the cache as JSON."""

    items: list[list[object]] = field(default_factory=list)
    entries: int = 0
    fuzzy: int = 0
    #: source article -> its digest when checked (`numbers` reads the article's date)
    sources: dict[str, str] = field(default_factory=dict)

    def dumps(self) -> str:
        return json.dumps([self.entries, self.fuzzy, self.items, self.sources],
                          ensure_ascii=False)

    @classmethod
    def loads(cls, text: str) -> _CatalogResult:
        entries, fuzzy, items, sources = json.loads(text)
        return cls(items=items, entries=entries, fuzzy=fuzzy, sources=sources)


@dataclass(slots=True, kw_only=True)
class _Run:
    config: ProjectConfig
    enabled: frozenset[str]
    make_checker: Callable[[], _Checker]
    results: ResultCache | None = None
    salt: str = ""
    _checker: _Checker | None = None
    findings: list[Finding] = field(default_factory=list)
    catalogs: int = 0
    entries: int = 0
    fuzzy: int = 0
    pages: set[Path] = field(default_factory=set)
    sources_checked: set[tuple[str, str]] = field(default_factory=set)
    source_langs: dict[str, str] = field(default_factory=dict)  # slug -> language
    source_lines: dict[str, list[str] | None] = field(default_factory=dict)
    article_dates: dict[str, dt.date | None] = field(default_factory=dict)  # reference -> date
    # (text, lang) -> the misspelt names in it: a text in two catalogs is checked once
    misspelt: dict[tuple[str, str], list[list[object]]] = field(default_factory=dict)

    @property
    def checker(self) -> _Checker:
        """The checks, with the glossary loaded the first time a file is checked."""
        if self._checker is None:
            self._checker = self.make_checker()
        return self._checker

    def add(self, issue: Issue, *, file: str, line: int | None, locale: str, msgid: str,
            reference: str = "") -> None:
        severity = effective_severity(self.config, issue)
        self.findings.append(
            Finding(
                check=issue.check,
                severity=severity,
                file=file, line=line, locale=locale, msgid=msgid, message=issue.message,
                reference=reference,
            )
        )

    def check_catalog(self, path: Path, *, locale_code: str, source_lang: str | None) -> None:
        origin = self.config.relative(path)
        key = None
        if self.results is not None:
            lang = source_lang or self._lang_from_catalogs(path)
            digest = self.results.file_digest(self.config.root, origin)
            if lang and digest:
                key = digest_of(self.salt, origin, locale_code, lang, digest)
                known = self.results.get(key)
                if known is not None:
                    kept = _CatalogResult.loads(known)
                    if all(self._source_digest(reference) == digest
                           for reference, digest in kept.sources.items()):
                        self._apply(kept, origin, locale_code)
                        return
        result = self._check_catalog(path, origin, locale_code, source_lang)
        if key is not None and self.results is not None:
            self.results.put(key, result.dumps())
        self._apply(result, origin, locale_code)

    def _apply(self, result: _CatalogResult, origin: str, locale_code: str) -> None:
        """Add one catalog's findings (from this run or the cache), the misspelt names
        in its source texts only where no catalog before it had the same text."""
        self.catalogs += 1
        self.entries += result.entries
        self.fuzzy += result.fuzzy
        for item in result.items:
            if item[0] == "f":
                check, severity, message, line, msgid, reference = cast(_Kept, tuple(item[1:]))
                self.add(Issue(check=check, message=message,
                               severity=None if severity is None else Severity(severity)),
                         file=origin, line=line, locale=locale_code, msgid=msgid,
                         reference=reference)
                continue
            reference, text, lang = str(item[1]), str(item[2]), str(item[3])
            line = cast(int | None, item[4])
            found = item[5]
            if (reference, text) in self.sources_checked:
                continue
            self.sources_checked.add((reference, text))
            for check, message, severity, span in cast(list[list[str]], found):
                issue = Issue(check=check, message=message, severity=Severity(severity))
                where = self._source_line(reference, span)
                if where is None:
                    self.add(issue, file=origin, line=line, locale=lang,
                             msgid=text, reference=reference)
                else:
                    self.add(issue, file=reference, line=where, locale=lang, msgid=text,
                             reference=reference)

    def _check_catalog(self, path: Path, origin: str, locale_code: str,
                       source_lang: str | None) -> _CatalogResult:
        catalog = read_catalog(path, origin=origin)
        result = _CatalogResult()
        items = result.items
        target_lang = primary_language(locale_code)
        if self.checker.glossary is not None:
            # One catalog is one article: a name its translation gives anywhere may be
            # referred back to elsewhere ("Zhang", "the summit"; checks/glossary.py).
            self.checker.glossary.start_article(
                (target for entry in catalog if not entry.obsolete and not entry.fuzzy
                 for _, target in _entry_texts(entry)), target_lang)
        fuzzy = 0
        for entry in catalog:
            if entry.obsolete or not entry.msgid:
                continue
            if entry.fuzzy:
                fuzzy += entry_status(entry) is SegmentStatus.FUZZY
                continue
            pairs = _entry_texts(entry)
            if not pairs:
                continue
            if source_lang is None:
                source_lang = self._source_lang(path, locale_code, entry)
            ignored, unknown = ignored_checks(entry)
            reference = entry.occurrences[0][0] if entry.occurrences else ""
            line = entry.linenum
            for name in unknown:
                if "ignore-comment" in self.enabled:
                    known = difflib.get_close_matches(name, list(CHECKS_BY_ID), n=1)
                    hint = f"; did you mean {known[0]!r}?" if known else ""
                    items.append(["f", "ignore-comment", None,
                                  f"«{name}» is not a check{hint}", line, entry.msgid,
                                  reference])
            if "all" in ignored:
                continue
            result.entries += 1
            article_date = self._article_date(reference)
            if reference and "numbers" in self.enabled and reference not in result.sources:
                # what `numbers` found hangs on the source's date too (docs/checks.md)
                result.sources[reference] = self._source_digest(reference)
            for source_text, target_text in pairs:
                pair = TextPair(source_text=source_text, target_text=target_text,
                                source_lang=source_lang, target_lang=target_lang,
                                article_date=article_date)
                for issue in self.checker.check_pair(pair, ignored):
                    items.append(["f", issue.check, None if issue.severity is None
                                  else str(issue.severity), issue.message, line,
                                  entry.msgid, reference])
            glossary = self.checker.glossary
            if ("source-misspelling" not in ignored and glossary is not None
                    and "source-misspelling" in self.enabled):
                found = self.misspelt.get((entry.msgid, source_lang))
                if found is None:
                    found = self.misspelt[entry.msgid, source_lang] = [
                        [item.issue.check, item.issue.message, str(item.issue.severity),
                         item.text] for item in glossary.check_source(entry.msgid, source_lang)]
                items.append(["s", reference or origin, entry.msgid, source_lang, line, found])
        if fuzzy:
            result.fuzzy = fuzzy
            if "fuzzy" in self.enabled:
                items.append(["f", "fuzzy", None, f"{fuzzy} fuzzy "
                              f"entr{'y' if fuzzy == 1 else 'ies'} not checked: not "
                              "published until a translator clears the flag", None, "", ""])
        return result

    def _lang_from_catalogs(self, path: Path) -> str | None:
        """An article's language when the catalogs on disk say it (the one configured
        locale with no catalog for it), else None."""
        missing = [
            code for code in self.config.locales
            if not Layout(self.config).catalog(code, path.stem).is_file()
        ]
        return primary_language(missing[0]) if len(missing) == 1 else None

    def check_sources(self) -> None:
        """Source-article checks that read the articles themselves (``lookalike``)."""
        from i18n_kit.sync.plan import find_sources  # the content/ listing sync uses

        for source in find_sources(self.config):
            key = None
            if self.results is not None:
                digest = self.results.file_digest(self.config.root, source)
                if digest is not None:
                    key = digest_of(self.salt, "lookalike", source, digest)
                    known = self.results.get(key)
                    if known is not None:
                        for path, line, lang, check, message in json.loads(known):
                            self.add(Issue(check=check, message=message), file=path,
                                     line=line, locale=lang, msgid="", reference=path)
                        continue
            kept: list[tuple[str, int, str, str, str]] = []
            for found in check_source_file(self.config.root, source,
                                           default_lang=self.config.source_language):
                if found.issue.severity is not None:
                    key = None  # kept without a severity of its own: not cached
                kept.append((found.path, found.line, found.lang, found.issue.check,
                             found.issue.message))
                self.add(found.issue, file=found.path, line=found.line, locale=found.lang,
                         msgid="", reference=found.path)
            if key is not None and self.results is not None:
                self.results.put(key, json.dumps(kept, ensure_ascii=False))

    def _source_digest(self, reference: str) -> str:
        """The content digest of a catalog's source article ("" with no cache or no file)."""
        if self.results is None:
            return ""
        return self.results.file_digest(self.config.root, reference) or ""

    def _article_date(self, reference: str) -> dt.date | None:
        """The date in the front matter of the entry's source article (what "today" or a
        date without a year stand for in the numbers check); None when it has none."""
        if not reference or "numbers" not in self.checker.enabled:
            return None
        if reference not in self.article_dates:
            date: dt.date | None = None
            path = self.config.root / reference
            if path.is_file():
                try:
                    found = _front_matter_date(path, reference, self.config.source_language)
                except I18nKitError:
                    found = None
                date = found.date() if isinstance(found, dt.datetime) else found
            self.article_dates[reference] = date
        return self.article_dates[reference]

    def _source_lang(self, path: Path, locale_code: str, entry: Entry) -> str:
        """An article's language: the configured locale that has no catalog for it,
        else its front matter, else the script of its text."""
        slug = path.stem
        if slug in self.source_langs:
            return self.source_langs[slug]
        missing = [
            code for code in self.config.locales
            if not Layout(self.config).catalog(code, path.stem).is_file()
        ]
        lang = primary_language(missing[0]) if len(missing) == 1 else ""
        reference = entry.occurrences[0][0] if entry.occurrences else ""
        if not lang and reference and (self.config.root / reference).is_file():
            try:
                lang = read_article(self.config.root / reference, root=self.config.root,
                                    default_lang=self.config.source_language).lang
            except I18nKitError:
                lang = ""
        if not lang:
            lang = "zh" if CJK_RE.search(entry.msgid) else (
                "ru" if CYRILLIC_RE.search(entry.msgid) else "en")
        self.source_langs[slug] = lang
        return lang

    def _source_line(self, reference: str, span: str) -> int | None:
        """The line of the source file where ``span`` is written, if it can be found."""
        if reference not in self.source_lines:
            path = self.config.root / reference
            try:
                self.source_lines[reference] = path.read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError):
                self.source_lines[reference] = None
        lines = self.source_lines[reference]
        if lines is None:
            return None
        for number, line in enumerate(lines, start=1):
            if span in line:
                return number
        return None


def _front_matter_date(path: Path, origin: str, default_lang: str) -> dt.date | None:
    """An article's date: from its front matter alone when it has one (a fifth of the
    cost of reading the article), else as the article's reader finds it."""
    text = prepare_text(decode_utf8(read_source_bytes(path, origin=origin), origin=origin))
    front = split_front_matter(text, origin=origin)
    if front is None:
        return parse_article(text, origin=origin, suffix=path.suffix,
                             default_lang=default_lang).date
    value = front.values.get("date")
    if value is None or not value.text.strip():
        return None
    return parse_iso_date(value.text.strip(), origin=origin, line=value.line)


def _entry_texts(entry: Entry) -> list[tuple[str, str]]:
    """(source, translation) pairs of an entry with a translation; plural forms each
    against the matching source form."""
    if entry.msgid_plural:
        pairs: list[tuple[str, str]] = []
        for index, text in sorted(entry.msgstr_plural.items()):
            if text:
                pairs.append((entry.msgid if int(index) == 0 else entry.msgid_plural, text))
        return pairs
    return [(entry.msgid, entry.msgstr)] if entry.msgstr else []


def ignored_checks(entry: Entry) -> tuple[frozenset[str], tuple[str, ...]]:
    """The checks an entry switches off, and the unknown names it uses.

    A translator comment line ``i18n-kit: ignore numbers, markup`` (``# i18n-kit: ...``
    in the PO file) survives msgcat, msgmerge, Poedit and Weblate; a Weblate-style flag
    ``#, ignore-numbers`` is honoured too while the file keeps it.

    >>> from i18n_kit.catalogs.po import new_entry
    >>> ignored_checks(new_entry(msgid="a", tcomment="i18n-kit: ignore numbers, nmbers"))
    (frozenset({'numbers'}), ('nmbers',))
    """
    names: list[str] = []
    for line in (entry.tcomment or "").splitlines():
        match = IGNORE_RE.match(line)
        if match is not None:
            names.extend(name for name in re.split(r"[\s,;]+", match.group("ids")) if name)
    names.extend(
        flag[len(_IGNORE_FLAG_PREFIX):] for flag in entry.flags
        if flag.startswith(_IGNORE_FLAG_PREFIX)
    )
    known = frozenset(name for name in names if name in CHECKS_BY_ID or name == "all")
    unknown = tuple(dict.fromkeys(name for name in names if name not in known))
    return known, unknown


def format_reference(finding: Finding) -> str:
    """Where a finding is, as a compiler would say it: ``file:line``.

    >>> format_reference(Finding(check="numbers", severity=Severity.ERROR, file="a.po",
    ...     line=12, locale="ru", msgid="x", message="m"))
    'a.po:12'
    """
    return finding.file if finding.line is None else f"{finding.file}:{finding.line}"


def severities(findings: Sequence[Finding]) -> dict[Severity, int]:
    """Findings per severity, every severity present (for summaries)."""
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
