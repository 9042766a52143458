"""The benchmark runner works end to end at a tiny size (the real run is python -m benchmarks)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from benchmarks.corpus import edit_corpus, write_corpus

ROOT = Path(__file__).resolve().parents[1]


def test_runner_prints_its_table(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "benchmarks", "--articles", "5", "--repeat", "1",
         "--compare-articles", "0", "--large-articles", "0", "--no-components", "--quiet",
         "--workdir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, check=False, timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith("## i18n-kit, 5 articles (")
    assert lines[2:4] == ["| scenario | median | CPU | peak memory | target |",
                          "|---|---|---|---|---|"]
    # the runner stops unless each title scenario read exactly the articles it changed
    # and the fresh-clone scenarios unless sync --check with the cache read nothing
    rows = [line.split(" | ")[0] for line in lines[4:16]]
    assert rows == ["| sync, cold", "| sync, nothing changed", "| sync, 1 % of articles edited",
                    "| sync, 10 articles edited, 3 of them retitled",
                    "| sync, the oldest article's title corrected",
                    "| build (every page)", "| i18n-kit --help",
                    "| fresh clone: sync --check, .i18n-kit/ restored",
                    "| fresh clone: sync --check, no cache",
                    "| fresh clone: check, cache restored, 1 catalog changed",
                    "| fresh clone: stats, cache restored",
                    "| sync, cold, varied corpus (fewer repeats, a TMX per language)"]
    pages = sorted(path.name for path in (tmp_path / "kit" / "site" / "ru").glob("*.html"))
    assert pages == ["index.html"] + [f"press-release-{i:05d}.html" for i in range(5)]


def test_corpus_is_deterministic_and_edits_change_one_article_per_round(tmp_path: Path) -> None:
    write_corpus(tmp_path / "a", articles=3)
    write_corpus(tmp_path / "b", articles=3)
    first = tmp_path / "a"
    files = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert [p.as_posix() for p in files] == [
        "content/press-release-00000.md", "content/press-release-00001.md",
        "content/press-release-00002.md", "i18n-kit.toml", "tm/seed.tmx"]
    for rel in files:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    assert (tmp_path / "a" / "tm" / "seed.tmx").read_text(encoding="utf-8").count("<tu>") == 4000
    before = {p.name: p.read_bytes() for p in (tmp_path / "a" / "content").iterdir()}
    changed = edit_corpus(tmp_path / "a", articles=3, round_no=1)
    after = {p.name: p.read_bytes() for p in (tmp_path / "a" / "content").iterdir()}
    assert len(changed) == 1
    assert sum(before[name] != after[name] for name in before) == 1
