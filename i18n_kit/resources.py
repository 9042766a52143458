"""Where shipped data lives: inside the installed wheel, or at the top of a checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_CHECKOUT = _PACKAGE.parent


def shipped_path(relative: str) -> Path:
    """A shipped data folder (``locales``, ``glossary``, ``examples/sco-newsroom``).

    The wheel carries these under ``i18n_kit/_data/`` (pyproject force-include); an
    editable install reads them from the repository.

    >>> shipped_path("locales").name
    'locales'
    """
    packaged = _PACKAGE / "_data" / relative
    return packaged if packaged.exists() else _CHECKOUT / relative
