"""Check glossary/sco.csv, rewrite it in canonical form, and write sco.tbx and README.md from it.

Usage: python tools/build_glossary.py

glossary/sco.csv is the edited source of truth. The terminology reference it started from
(tools/reference/sco-terminology.csv) is compared with it: every reference entry must still
be there, and every reference form dropped or marked otherwise needs a reason in
DEPARTURE_REASONS (i18n_kit/glossary/reference.py). Nothing is written when any check fails.
"""

from __future__ import annotations

import sys
from pathlib import Path

from i18n_kit.errors import I18nKitError
from i18n_kit.glossary.csvfile import write_csv
from i18n_kit.glossary.load import read_glossary
from i18n_kit.glossary.reference import read_reference, render_readme
from i18n_kit.glossary.tbx import write_tbx

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = ROOT / "tools" / "reference" / "sco-terminology.csv"
SHIPPED = ROOT / "glossary"


def main(argv: list[str]) -> int:
    if argv:
        print("usage: python tools/build_glossary.py", file=sys.stderr)
        return 2
    try:
        glossary = read_glossary(SHIPPED / "sco.csv")
        reference = read_reference(REFERENCE.read_text(encoding="utf-8"), origin=str(REFERENCE))
        outputs = {
            "sco.csv": write_csv(glossary),
            "sco.tbx": write_tbx(glossary),
            "README.md": render_readme(glossary, reference=reference),
        }
    except I18nKitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for name, text in outputs.items():
        (SHIPPED / name).write_bytes(text.encode("utf-8"))
        print(f"wrote glossary/{name} ({len(glossary)} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
