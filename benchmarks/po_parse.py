"""Reading and writing a large PO file: i18n-kit against GNU msgcat, in one run.

    python benchmarks/po_parse.py [ENTRIES]

Two catalogs of about ENTRIES entries (default 50,000), each written to a scratch file
by format_catalog:

- ``generated``: tests/catalogs/generated_catalog.py's catalog (English, Russian and
  Chinese sentences of every length, plurals, fuzzy entries with ``#|``, obsolete ones,
  long references): most of its strings wrap, so it weighs the writer.
- ``example``: the catalogs of examples/sco-newsroom, every entry copied until there
  are ENTRIES (a copy's msgid gets `` (n)`` after it): article sentences, notes and one
  reference each, as a newsroom's catalogs are.

For each, ``msgcat -o /dev/null FILE`` reads and writes the file; its start-up is
msgcat's time on a one-entry file, and "msgcat net" is the difference. i18n-kit's
times are ``read_catalog`` (the parser) and ``format_catalog`` (the writer) in this
process. Every figure is the best of three runs, in CPU seconds (user + system; on a
shared machine the wall clock says more about the neighbours); ratios are to msgcat net.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n_kit.catalogs.po import (  # noqa: E402
    Catalog,
    format_catalog,
    new_catalog,
    new_entry,
    read_catalog,
)
from tests.catalogs.generated_catalog import generate_catalog  # noqa: E402

EXAMPLE = ROOT / "examples" / "sco-newsroom"
RUNS = 3


def cpu_of(work: Callable[[], object]) -> float:
    """The least CPU time (seconds) of RUNS calls of ``work`` in this process."""
    best = float("inf")
    for _ in range(RUNS):
        start = time.process_time()
        work()
        best = min(best, time.process_time() - start)
    return best


def cpu_of_process(command: list[str]) -> float:
    """The least CPU time (user + system, seconds) of RUNS runs of ``command``."""
    best = float("inf")
    for _ in range(RUNS):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            raise SystemExit(f"{command[0]} failed on {command[-1]}")
        best = min(best, usage.ru_utime + usage.ru_stime)
    return best


def example_catalog(entries: int) -> Catalog:
    """The example project's catalog entries, copied until there are ``entries``."""
    unique = {
        entry.msgid: entry  # a sentence in two locales' catalogs: its last translation
        for path in sorted(EXAMPLE.glob("locales/*/LC_MESSAGES/articles/*.po"))
        for entry in read_catalog(path)
    }
    sources = list(unique.values())
    header = read_catalog(sorted(EXAMPLE.glob("locales/ru/LC_MESSAGES/articles/*.po"))[0])
    catalog = new_catalog(header=header.metadata)
    copy = 0
    while len(catalog) < entries:
        for entry in sources[: entries - len(catalog)]:
            catalog.append(
                new_entry(
                    msgid=entry.msgid + (f" ({copy})" if copy else ""),
                    msgstr=entry.msgstr,
                    comment=entry.comment,
                    tcomment=entry.tcomment,
                    occurrences=entry.occurrences,
                    flags=entry.flags,
                    previous_msgid=entry.previous_msgid,
                    obsolete=entry.obsolete,
                )
            )
        copy += 1
    return catalog


def main() -> None:
    entries = int(sys.argv[1]) if len(sys.argv) > 1 else 50_000
    msgcat = shutil.which("msgcat")
    if msgcat is None:
        raise SystemExit("msgcat not found: apt-get install gettext")
    print(
        "| catalog | size | msgcat | msgcat net | read | write | read / net | read + write / net |"
    )
    print("|---|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as folder:
        tiny = Path(folder) / "tiny.po"
        tiny.write_text(
            'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
            'msgid "SCO"\nmsgstr "ШОС"\n',
            encoding="utf-8",
        )
        start_up = cpu_of_process([msgcat, "-o", os.devnull, str(tiny)])
        for name, make in (("generated", generate_catalog), ("example", example_catalog)):
            path = Path(folder) / f"{name}.po"
            text = format_catalog(make(entries))
            path.write_text(text, encoding="utf-8")
            read = cpu_of(lambda: read_catalog(path))  # noqa: B023
            parsed = read_catalog(path)
            if format_catalog(parsed) != text:
                raise SystemExit(f"{name}: format_catalog(read_catalog(file)) is not the file")
            write = cpu_of(lambda: format_catalog(parsed))  # noqa: B023
            whole = cpu_of_process([msgcat, "-o", os.devnull, str(path)])
            net = whole - start_up
            size = f"{len(parsed):,} entries, {len(text.encode()) / 1e6:.1f} MB"
            print(
                f"| {name} | {size} | {whole:.2f} s | {net:.2f} s | {read:.2f} s "
                f"| {write:.2f} s | {read / net:.2f} | {(read + write) / net:.2f} |"
            )
    print(
        f"\nmsgcat start-up (a one-entry file): {start_up * 1000:.0f} ms; CPU seconds, "
        f"best of {RUNS}"
    )


if __name__ == "__main__":
    main()
