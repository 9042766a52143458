"""Site-chrome catalogs and CLDR data for pages; the only module of `output/` importing Babel.

The UI strings live in the templates (gettext calls) and are extracted with Babel's
Jinja2 extractor into ``locales/messages.pot``; translations ship as
``locales/<code>/LC_MESSAGES/messages.po`` and are compiled in memory, never to ``.mo``
files on disk. Dates, percentages and language names come from CLDR through Babel.
"""

from __future__ import annotations

import datetime as dt
import io
import math
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import babel
from babel.dates import format_date
from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, read_po, write_po
from babel.numbers import format_decimal, format_percent
from babel.support import NullTranslations, Translations

from i18n_kit.errors import CatalogError, ConfigError
from i18n_kit.resources import shipped_path

TEMPLATES_DIR = Path(__file__).parent / "templates"
#: Where a message's location is recorded in the POT (no line numbers: they shift).
TEMPLATES_REFERENCE = "i18n_kit/output/templates"
_EXTRACT_METHOD = "jinja2.ext:babel_extract"
_EXTRACT_OPTIONS = {"newstyle_gettext": "true", "trimmed": "true", "silent": "false"}
_COMMENT_TAGS = ("Translators:",)
_FALLBACK_LOCALE = "en"
# English dates follow British usage: the SCO writes British English ("18 November 2020").
_DATE_LOCALES = {"en": "en_GB"}
# Chinese pages are in Simplified script; saying so lets browsers pick Simplified glyphs.
_BCP47 = {"zh": "zh-Hans"}


class UiTranslations(Protocol):
    """What templates need from a compiled catalog (gettext's two lookups)."""

    def gettext(self, message: str) -> str: ...

    def ngettext(self, singular: str, plural: str, n: int) -> str: ...


@dataclass(frozen=True, slots=True, kw_only=True)
class UiCatalogs:
    """Compiled site-chrome catalogs by locale code, with English as the fallback."""

    catalogs: Mapping[str, UiTranslations]
    fallback: UiTranslations

    def translations_for(self, locale_code: str) -> UiTranslations:
        """The catalog for `locale_code`, or English chrome when there is none.

        >>> load_ui(["ru"]).translations_for("ru").gettext("Home")
        'Главная'
        """
        return self.catalogs.get(locale_code, self.fallback)


@dataclass(frozen=True, slots=True, kw_only=True)
class UiMessage:
    """One translatable string found in the templates."""

    source_text: str
    plural_text: str | None  # set for ngettext messages
    templates: tuple[str, ...]  # template file names it occurs in, in extraction order
    comments: tuple[str, ...]  # "Translators:" comments next to it


def shipped_locales_dir() -> Path:
    """The folder holding ``messages.pot`` and ``<code>/LC_MESSAGES/messages.po``.

    >>> (shipped_locales_dir() / "messages.pot").is_file()
    True
    """
    return shipped_path("locales")


def load_ui(locale_codes: Sequence[str], *, override_dir: Path | None = None) -> UiCatalogs:
    """Compile the site-chrome catalogs of `locale_codes` (fuzzy entries are not used).

    A project's ``<override_dir>/<code>/LC_MESSAGES/messages.po`` wins entry by entry
    over the shipped catalog; a locale with neither gets English chrome.

    >>> load_ui(["en", "ru", "zh"]).translations_for("zh").gettext("News")
    '新闻'
    """
    catalogs: dict[str, UiTranslations] = {}
    shipped_dir = shipped_locales_dir()
    fallback = _compile_if_exists(_catalog_path(shipped_dir, _FALLBACK_LOCALE))
    for code in dict.fromkeys([_FALLBACK_LOCALE, *locale_codes]):
        compiled = _compile_if_exists(_catalog_path(shipped_dir, code))
        if override_dir is not None:
            override = _compile_if_exists(_catalog_path(override_dir, code))
            if override is not None:
                compiled = override if compiled is None else compiled.merge(override)
        if compiled is not None:
            catalogs[code] = compiled
    return UiCatalogs(catalogs=catalogs, fallback=fallback or NullTranslations())


def extract_ui_messages() -> list[UiMessage]:
    """Every gettext string in the shipped templates, first occurrence first.

    >>> any(m.source_text == "Related news" for m in extract_ui_messages())
    True
    """
    found: dict[tuple[str, str | None], UiMessage] = {}
    for template in sorted(TEMPLATES_DIR.glob("*.html")):
        for item in _extract_template(template):
            key = (item.source_text, item.plural_text)
            seen = found.get(key)
            if seen is None:
                found[key] = item
            else:
                found[key] = UiMessage(
                    source_text=seen.source_text,
                    plural_text=seen.plural_text,
                    templates=tuple(dict.fromkeys(seen.templates + item.templates)),
                    comments=tuple(dict.fromkeys(seen.comments + item.comments)),
                )
    return list(found.values())


def generate_ui_template() -> str:
    """The text of ``locales/messages.pot`` for the current templates.

    Write it and run ``msgcat -o locales/messages.pot locales/messages.pot`` to get the
    exact shipped formatting; then ``msgmerge --update`` each ``messages.po``.

    >>> 'msgid "Home"' in generate_ui_template()
    True
    """
    catalog = Catalog(fuzzy=False)
    for message in extract_ui_messages():
        source: str | tuple[str, str] = message.source_text
        if message.plural_text is not None:
            source = (message.source_text, message.plural_text)
        catalog.add(
            source,
            # Line numbers shift with every template edit, so the POT records files only.
            locations=[(f"{TEMPLATES_REFERENCE}/{name}", 0) for name in message.templates],
            auto_comments=message.comments,
        )
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=79, omit_header=True, include_lineno=False)
    header = (
        "# Site chrome of pages built by i18n-kit (extracted from the page templates).\n"
        'msgid ""\n'
        'msgstr ""\n'
        '"Project-Id-Version: i18n-kit\\n"\n'
        '"MIME-Version: 1.0\\n"\n'
        '"Content-Type: text/plain; charset=UTF-8\\n"\n'
        '"Content-Transfer-Encoding: 8bit\\n"\n'
        '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n'
        "\n"
    )
    return header + buffer.getvalue().decode("utf-8").lstrip("\n")


def html_lang(locale_code: str) -> str:
    """The BCP 47 tag for `lang` and `hreflang` attributes.

    >>> html_lang("zh"), html_lang("pt_BR")
    ('zh-Hans', 'pt-BR')
    """
    return _BCP47.get(locale_code, locale_code.replace("_", "-"))


def language_name(locale_code: str) -> str:
    """The language's name in itself, capitalised as a menu item.

    >>> language_name("ru"), language_name("zh")
    ('Русский', '中文')
    """
    name = _locale(locale_code).get_display_name(_locale(locale_code)) or locale_code
    # CLDR writes language names in lower case where the language does (русский).
    return name[:1].upper() + name[1:]


@lru_cache(maxsize=4096)  # an index lists every article: the same days recur
def format_page_date(value: dt.date | dt.datetime, locale_code: str) -> str:
    """The date as the locale writes it in running text (date only, no time).

    >>> format_page_date(dt.date(2020, 11, 18), "en"), format_page_date(dt.date(2020, 11, 18), "zh")
    ('18 November 2020', '2020年11月18日')
    """
    day = value.date() if isinstance(value, dt.datetime) else value
    return format_date(day, "long", locale=_locale(_DATE_LOCALES.get(locale_code, locale_code)))


def format_completion(percent: float, locale_code: str) -> str:
    """A completion percentage, rounded down so 99.6% is never shown as 100%.

    >>> format_completion(45.6, "ru")
    '45\\xa0%'
    """
    return format_percent(math.floor(percent) / 100, locale=_locale(locale_code))


def format_number(value: int, locale_code: str) -> str:
    """A whole number as ``locale_code`` writes it (CLDR digits and grouping).

    >>> format_number(12000, "ru")
    '12\xa0000'
    """
    return format_decimal(value, locale=_locale(locale_code))


@lru_cache(maxsize=64)
def _locale(locale_code: str) -> babel.Locale:
    try:
        return babel.Locale.parse(locale_code.replace("-", "_"))
    except (ValueError, babel.UnknownLocaleError) as exc:
        raise ConfigError(
            f"'{locale_code}' is not a locale code CLDR knows; use e.g. 'en', 'ru', 'zh'",
            locale_code=locale_code,
        ) from exc


def _catalog_path(locales_dir: Path, locale_code: str) -> Path:
    return locales_dir / locale_code / "LC_MESSAGES" / "messages.po"


def _compile_if_exists(path: Path) -> Translations | None:
    if not path.is_file():
        return None
    try:
        with path.open("rb") as handle:
            catalog = read_po(handle, abort_invalid=True)
    except PoFileError as exc:
        # Babel appends " on <0-based line>" to its message; the line goes in front instead.
        problem = re.sub(r" on \d+$", "", str(exc.args[0]))
        raise CatalogError(
            f"{problem}: {exc.line.strip()!r}; fix the PO syntax (msgfmt -c lists every problem)",
            path=path,
            line=exc.lineno + 1,
        ) from exc
    except (UnicodeDecodeError, ValueError) as exc:
        raise CatalogError(f"cannot read the catalog: {exc}", path=path) from exc
    for message in list(catalog):
        if not message.id:
            continue
        if _is_incomplete(message):
            # A plural entry with an empty form would show an empty string: skip it whole.
            del catalog[message.id]
        else:
            _check_placeholders(message, path)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return Translations(fp=buffer)


def _texts(value: object) -> tuple[str, ...]:
    # Babel keeps a plural entry's forms as a tuple (or list) and a singular one as str.
    if isinstance(value, tuple | list):
        return tuple(str(item) for item in value)
    return ("" if value is None else str(value),)


def _is_incomplete(message: Message) -> bool:
    return not all(_texts(message.string))


class _PlaceholderProbe(dict[str, object]):
    """Records every `%(name)s` a translation asks for while being formatted."""

    def __missing__(self, key: str) -> object:
        return 0


_PLACEHOLDER = re.compile(r"%\((\w+)\)")


def _check_placeholders(message: Message, path: Path) -> None:
    # Templates format every translation with `%` (newstyle gettext): a stray `%`
    # or an unknown name would break the page build, so reject it at load time.
    if message.fuzzy:
        return
    sources = _texts(message.id)
    known = {name for source in sources for name in _PLACEHOLDER.findall(source)}
    for text in _texts(message.string):
        unknown = set(_PLACEHOLDER.findall(text)) - known
        problem = f"unknown placeholder %({sorted(unknown)[0]})" if unknown else ""
        if not problem:
            try:
                text % _PlaceholderProbe()
            except (TypeError, ValueError, KeyError) as exc:
                problem = f"bad % placeholder ({exc}); write a literal percent sign as %%"
        if problem:
            raise CatalogError(
                f"translation of {sources[0]!r}: {problem}", path=path, line=message.lineno
            )


def _extract_template(template: Path) -> Iterator[UiMessage]:
    with template.open("rb") as handle:
        for _line, text, comments, _context in extract(
            _EXTRACT_METHOD,
            handle,
            comment_tags=_COMMENT_TAGS,
            options=_EXTRACT_OPTIONS,
            strip_comment_tags=True,
        ):
            singular, plural = (text[0], text[1]) if isinstance(text, tuple) else (text, None)
            yield UiMessage(
                source_text=str(singular),
                plural_text=None if plural is None else str(plural),
                templates=(template.name,),
                comments=tuple(comments),
            )
