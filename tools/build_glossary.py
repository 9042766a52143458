"""Write glossary/sco.csv, glossary/sco.tbx and glossary/README.md from the SCO reference.

Usage: python tools/build_glossary.py [REFERENCE_CSV]
(default: tools/reference/sco-terminology.csv)
"""

from __future__ import annotations

import sys
from pathlib import Path

from i18n_kit.errors import I18nKitError
from i18n_kit.glossary.csvfile import write_csv
from i18n_kit.glossary.reference import build_shipped_glossary, render_readme
from i18n_kit.glossary.tbx import write_tbx

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = ROOT / "tools" / "reference" / "sco-terminology.csv"


def main(argv: list[str]) -> int:
    reference = Path(argv[0]) if argv else DEFAULT_REFERENCE
    try:
        glossary = build_shipped_glossary(
            reference.read_text(encoding="utf-8"), origin=str(reference)
        )
    except I18nKitError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    out = ROOT / "glossary"
    outputs = {
        "sco.csv": write_csv(glossary),
        "sco.tbx": write_tbx(glossary),
        "README.md": render_readme(glossary),
    }
    for name, text in outputs.items():
        (out / name).write_bytes(text.encode("utf-8"))
        print(f"wrote glossary/{name} ({len(glossary)} entries)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
