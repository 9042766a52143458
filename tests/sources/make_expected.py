"""Rewrite the golden files of tests/sources: ``python -m tests.sources.make_expected``.

The files it writes are the reader's specification: read every changed line in the diff
before committing it.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from i18n_kit.errors import SourceError
from tests.sources.article_json import BAD, dump_article, golden_cases, read_case


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        for case in golden_cases():
            expected = case.with_name(case.stem + ".expected.json")
            expected.write_text(dump_article(read_case(case, project)), encoding="utf-8")
        lines = []
        for case in sorted(BAD.iterdir()):
            if case.name == "expected.txt":
                continue
            try:
                read_case(case, project)
            except SourceError as error:
                lines.append(f"{case.name}: {error}")
            else:
                raise SystemExit(f"{case.name}: no error")
        (BAD / "expected.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
