"""The header of an article catalog: the fields i18n-kit is the source of, and the rest.

i18n-kit owns the fields it knows better than any editor: the project (``Project-Id-Version``),
the catalog's language (``Language``) and its CLDR plural rule (``Plural-Forms``), and the
MIME fields that say the file is UTF-8. A merge rewrites those values in place and
leaves everything else in the header as the translator's tool left it, the way msgmerge
keeps a header: other fields (``Last-Translator``, ``Language-Team``, ``PO-Revision-Date``,
``X-Generator``, ...) with their values and order, the header's ``#`` comments and its
``#, fuzzy`` flag.

Where this differs from msgmerge, which keeps the PO file's values of every field but
``POT-Creation-Date``:

- ``Project-Id-Version`` and ``Plural-Forms`` are rewritten (msgmerge keeps the PO file's):
  the project's name is in ``i18n-kit.toml``, and the plural rule is CLDR's for the
  catalog's language, whatever an editor's default for it was.
- ``Language`` is rewritten to the catalog's code unless it already names that language,
  with a territory or script after it: ``ru_RU`` or ``ru-RU`` in a ``ru`` catalog is kept as
  written (``LANGUAGE_KEPT``).
- ``POT-Creation-Date``: msgmerge copies the template's; i18n-kit's templates carry no date
  (so that a sync with no change writes nothing), so, as msgmerge does when the template
  has none, a date a tool wrote stays.
- The MIME fields are rewritten to ``1.0``, ``text/plain; charset=UTF-8`` and ``8bit``:
  i18n-kit writes UTF-8 only (an editor's ``charset=utf-8`` becomes ``UTF-8``).
"""

from __future__ import annotations

from collections.abc import Mapping

from babel.messages.plurals import get_plural

#: The header fields i18n-kit writes, in the order a new catalog has them.
OWNED_FIELDS = (
    "Project-Id-Version",
    "Language",
    "MIME-Version",
    "Content-Type",
    "Content-Transfer-Encoding",
    "Plural-Forms",
)


def plural_forms(locale_code: str) -> str:
    """The ``Plural-Forms`` header value from CLDR (via Babel).

    >>> plural_forms("zh")
    'nplurals=1; plural=0;'
    """
    return get_plural(locale_code).plural_forms


def owned_header(project: str, *, locale_code: str | None) -> dict[str, str]:
    """The fields i18n-kit writes: a template's (``locale_code`` None) or a catalog's.

    >>> owned_header("sco", locale_code=None)["Language"]
    ''
    """
    header = {"Project-Id-Version": project}
    header["Language"] = locale_code or ""
    header["MIME-Version"] = "1.0"
    header["Content-Type"] = "text/plain; charset=UTF-8"
    header["Content-Transfer-Encoding"] = "8bit"
    if locale_code is not None:
        header["Plural-Forms"] = plural_forms(locale_code)
    return header


def language_kept(written: str, locale_code: str) -> bool:
    """Whether a ``Language`` value a tool wrote stays in the catalog for ``locale_code``:
    it names the same language, alone or with a territory, script or encoding after it.

    >>> [language_kept(value, "ru") for value in ("ru", "ru_RU", "ru-RU", "RU", "uk", "rus", "")]
    [True, True, True, True, False, False, False]
    """
    value = written.strip().replace("-", "_").lower()
    code = locale_code.replace("-", "_").lower()
    return value == code or value.startswith((code + "_", code + ".", code + "@"))


def merge_header(
    existing: Mapping[str, str], owned: Mapping[str, str], *, locale_code: str
) -> dict[str, str]:
    """The header fields after a merge: ``existing`` in its order with the ``owned``
    values written over it in place; an owned field it lacks goes after the owned field
    before it in ``OWNED_FIELDS`` (first if there is none).

    >>> merge_header({"Last-Translator": "Ivan", "Language": "ru_RU"},
    ...              {"Project-Id-Version": "sco", "Language": "ru"}, locale_code="ru")
    {'Project-Id-Version': 'sco', 'Last-Translator': 'Ivan', 'Language': 'ru_RU'}
    """
    fields = list(existing.items())
    for key, value in owned.items():
        if key == "Language" and key in existing and language_kept(existing[key], locale_code):
            continue
        keys = [name for name, _ in fields]
        if key in keys:
            fields[keys.index(key)] = (key, value)
            continue
        earlier = OWNED_FIELDS[: OWNED_FIELDS.index(key)] if key in OWNED_FIELDS else ()
        before = [keys.index(name) for name in earlier if name in keys]
        fields.insert(max(before) + 1 if before else 0, (key, value))
    return dict(fields)
