"""Writing a 50,000-entry catalog: format_catalog vs polib's str(pofile) vs GNU msgcat.

    python benchmarks/po_write.py [ENTRIES]

The catalog is tests/catalogs/generated_catalog.py's (English, Russian and Chinese
sentences, plurals, fuzzy and obsolete entries, long references). msgcat's time is a
subprocess that reads the PO file format_catalog wrote and writes it out again, so it
includes parsing; polib's output is not msgcat's (it wraps differently), it is here
for scale. Prints one line per writer with its time and its ratio to format_catalog.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from i18n_kit.catalogs.po import format_catalog, parse_catalog  # noqa: E402
from tests.catalogs.generated_catalog import generate_catalog  # noqa: E402


def best_of(runs: int, work: object) -> float:
    """The fastest of ``runs`` timings of ``work()``, in seconds."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    catalog = generate_catalog(entries)
    text = format_catalog(catalog)
    results = {"format_catalog": best_of(3, lambda: format_catalog(catalog))}
    results["polib str(pofile)"] = best_of(3, lambda: str(catalog))
    results["parse_catalog (reading)"] = best_of(3, lambda: parse_catalog(text, origin="b.po"))
    msgcat = shutil.which("msgcat")
    if msgcat is not None:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "generated.po"
            path.write_text(text, encoding="utf-8")

            def run_msgcat() -> None:
                subprocess.run([msgcat, str(path)], check=True, stdout=subprocess.DEVNULL)

            results["msgcat subprocess"] = best_of(3, run_msgcat)
    lines = text.count("\n")
    print(f"{len(catalog)} entries, {lines} lines, {len(text.encode()) / 1e6:.1f} MB of PO text")
    base = results["format_catalog"]
    for name, seconds in results.items():
        print(f"{name:26} {seconds:7.2f} s   {seconds / base:5.2f} x format_catalog")
    if msgcat is None:
        print("msgcat not found (apt-get install gettext): no msgcat timing")


if __name__ == "__main__":
    main()
