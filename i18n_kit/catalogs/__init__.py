"""Catalogs: article templates and PO files, read strictly and written as GNU msgcat writes them."""
