"""i18n-kit: source articles -> sentence segments -> gettext PO catalogs -> localized pages."""

__version__ = "0.1.0"
