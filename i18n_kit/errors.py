"""The exception tree; every error a user can cause is one of these.

    I18nKitError                 root; rendered by the CLI as ``error: <path>:<line>: <message>``
    ├── ConfigError              i18n-kit.toml is missing, unreadable or invalid
    ├── SourceError              a content file cannot be read or parsed
    ├── CatalogError             an existing PO/POT file is malformed
    ├── OutputError              a file cannot be written
    ├── BusyError                another i18n-kit run holds the project, or a catalog kept
    │                            changing while sync wrote it (the CLI exits 3)
    ├── WorkerError              a worker process died (killed, out of memory)
    ├── GlossaryError            a glossary file (CSV or TBX) is malformed or inconsistent
    └── MemoryStoreError         a TMX file is malformed, or the translation memory's database
                                 cannot be reached (the [tm] url)
"""

from __future__ import annotations

from pathlib import Path


class I18nKitError(Exception):
    """Base of every error i18n-kit raises on purpose.

    >>> str(SourceError("unclosed front matter", path="content/a.md", line=1))
    'content/a.md:1: unclosed front matter'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | Path | None = None,
        line: int | None = None,
        locale_code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.locale_code = locale_code

    def __reduce__(self) -> tuple[object, ...]:
        # Whole across processes (a forked worker's error reaches the parent intact):
        # Exception's own pickling calls __init__ with the message alone, which the
        # subclasses with required keyword arguments refuse.
        return (_restore, (type(self), self.args, dict(self.__dict__)))

    def __str__(self) -> str:
        where = ""
        if self.path is not None:
            where = self.path if self.line is None else f"{self.path}:{self.line}"
            where += ": "
        return where + self.message


class ConfigError(I18nKitError):
    """i18n-kit.toml is missing, unreadable or has an invalid value."""


class SourceError(I18nKitError):
    """A content file is not valid UTF-8, has broken front matter, an unknown lang, ..."""


class CatalogError(I18nKitError):
    """An existing PO or POT file cannot be parsed."""


class OutputError(I18nKitError):
    """A generated file cannot be written."""


class BusyError(I18nKitError):
    """Another i18n-kit run holds the project lock, or a catalog kept changing on disk while
    sync was writing it; nothing of the refused run was changed. Retrying is the fix."""


class WorkerError(I18nKitError):
    """A forked worker process ended without an answer (killed, out of memory)."""


class GlossaryError(I18nKitError):
    """A glossary CSV or TBX file is malformed, or its entries contradict each other."""


class MemoryStoreError(I18nKitError):
    """A TMX file is malformed or lacks a locale, or the memory's database URL is unusable."""


def _restore(
    cls: type[I18nKitError], args: tuple[object, ...], state: dict[str, object]
) -> I18nKitError:
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    error.__dict__.update(state)
    return error
