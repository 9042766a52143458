"""The performance runner: times i18n-kit on a generated corpus against Translate Toolkit and po4a.

``python -m benchmarks --articles 1000`` writes a corpus (benchmarks/corpus.py) to a
scratch folder, then times, each as its own process (wall clock and peak RSS from
``os.wait4``), ``i18n-kit sync --no-mt`` cold, with nothing changed and with 1 % of the
articles edited, ``i18n-kit build`` of every page and ``i18n-kit --help``, reporting
medians of ``--repeat`` runs; then runs benchmarks/glossary_match.py and
benchmarks/tm_lookup.py (``--components``); then, on a smaller corpus they can finish
(``--compare-articles``), the same three scenarios through Translate Toolkit (md2po ->
posegment -> pot2po --tm -> pofilter -> po2md, each target locale) and po4a, printed as
ratios to i18n-kit. Translate Toolkit and po4a are run as programs; nothing here or in
i18n_kit imports them.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.corpus import (
    TARGETS,
    corpus_stats,
    correct_old_title,
    edit_corpus,
    write_corpus,
)

ROOT = Path(__file__).resolve().parent.parent
KIT = [sys.executable, "-c", "from i18n_kit.cli import main; main()"]
#: Child processes import i18n_kit from this checkout, whatever is installed, and keep
#: their bytecode as an installed package does (PYTHONDONTWRITEBYTECODE would make each
#: run compile every module again).
_CHECKOUT_ENV = {
    **{key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
}
#: Articles edited in the title scenarios, whatever the corpus size.
TITLE_EDITS = 10
TITLE_CHANGES = 3


@dataclass
class Timing:
    """Runs of one scenario: seconds, CPU seconds and peak resident memory (KiB) of each;
    on a shared machine CPU time says what a quiet one would take better than the wall
    clock does."""

    seconds: list[float] = field(default_factory=list)
    peak_kib: list[int] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    failed: str = ""
    last_output: str = ""  # the last line the last run printed

    @property
    def median(self) -> float:
        return statistics.median(self.seconds) if self.seconds else float("nan")

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu) if self.cpu else float("nan")

    @property
    def peak_mb(self) -> float:
        return max(self.peak_kib, default=0) / 1024


def run_measured(command: Sequence[str], cwd: Path, *,
                 timeout: float = 900.0) -> tuple[float, int, float, str]:
    """Run ``command`` in ``cwd``; (wall seconds, peak RSS KiB, CPU seconds, last line of
    output). Raises on failure."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as sink, tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(list(command), cwd=cwd, stdout=sink, stderr=errors,
                                   env=_CHECKOUT_ENV)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                process.kill()
                os.wait4(process.pid, 0)
                raise TimeoutError(f"over {timeout:.0f} s: {' '.join(command)}")
            time.sleep(0.002)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            tail = errors.read().decode("utf-8", "replace")[-800:]
            raise RuntimeError(f"exit {process.returncode}: {' '.join(command)}\n{tail}")
        sink.seek(0)
        lines = sink.read().decode("utf-8", "replace").splitlines()
    return seconds, usage.ru_maxrss, usage.ru_utime + usage.ru_stime, (lines or [""])[-1]


def measure_steps(steps: Sequence[Sequence[str]], cwd: Path, timing: Timing,
                  *, timeout: float) -> None:
    """One run made of several programs: seconds add up, peak is the largest."""
    total, peak, cpu = 0.0, 0, 0.0
    started = time.perf_counter()
    for step in steps:
        left = timeout - (time.perf_counter() - started)
        seconds, kib, used, timing.last_output = run_measured(step, cwd,
                                                             timeout=max(left, 1.0))
        total += seconds
        peak = max(peak, kib)
        cpu += used
    timing.seconds.append(total)
    timing.peak_kib.append(peak)
    timing.cpu.append(cpu)


# ---------------------------------------------------------------- i18n-kit scenarios


def time_kit(pristine: Path, work: Path, articles: int, repeat: int,
             log: Callable[[str], None]) -> dict[str, Timing]:
    """cold / no change / 1 % edited sync, the title scenarios, full build, --help:
    ``repeat`` runs each."""
    results = {name: Timing() for name in ("cold", "no change", "1 % edited", *TITLE_SCENARIOS,
                                           "build", "help")}
    sync = [*KIT, "sync", "--no-mt"]
    for _ in range(repeat):
        shutil.rmtree(work, ignore_errors=True)
        shutil.copytree(pristine, work)
        measure_steps([sync], work, results["cold"], timeout=1800)
    log(f"  cold {results['cold'].median:.2f} s")
    for _ in range(repeat):
        measure_steps([sync], work, results["no change"], timeout=600)
    log(f"  no change {results['no change'].median:.2f} s")
    for round_no in range(1, repeat + 1):
        edit_corpus(work, articles=articles, round_no=round_no)
        measure_steps([sync], work, results["1 % edited"], timeout=600)
    log(f"  1 % edited {results['1 % edited'].median:.2f} s")
    results.update(time_titles(work, articles, repeat, log, first_round=repeat + 1))
    for _ in range(repeat):
        shutil.rmtree(work / "site", ignore_errors=True)
        measure_steps([[*KIT, "build"]], work, results["build"], timeout=1800)
    log(f"  build {results['build'].median:.2f} s")
    for _ in range(max(repeat, 5)):
        measure_steps([[*KIT, "--help"]], work, results["help"], timeout=60)
    return results


CI_SCENARIOS = ("ci check, cache", "ci check, no cache", "ci findings, 1 changed", "ci stats")


def _git(cwd: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org",
                    *args], cwd=cwd, check=True, capture_output=True)


def time_ci(work: Path, scratch: Path, articles: int, repeat: int,
            log: Callable[[str], None]) -> dict[str, Timing]:
    """What a CI job pays on a fresh ``git clone`` of the synced project ``work`` (its
    site/ and .i18n-kit/ ignored by git, as a newsroom keeps them): ``sync --check``
    with .i18n-kit/ restored from the last job (as actions/cache does) and without it;
    ``check`` with the cache restored and one catalog changed by the pull request; and
    ``stats``. The cache restored is the one the last job saved: after its sync,
    check and stats."""
    results = {name: Timing() for name in CI_SCENARIOS}
    (work / ".gitignore").write_text("/site/\n/.i18n-kit/\n", encoding="utf-8")
    if not (work / ".git").exists():
        _git(work, "init", "-q")
    _git(work, "add", "-A")
    _git(work, "commit", "-q", "--allow-empty", "-m", "synced")
    findings = ["sh", "-c", '"$@" > /dev/null; test $? -le 1', "check", *KIT, "check"]
    measure_steps([[*KIT, "sync", "--no-mt"]], work, Timing(), timeout=600)
    measure_steps([findings], work, Timing(), timeout=600)  # the last job's check
    measure_steps([[*KIT, "stats"]], work, Timing(), timeout=600)
    clone = scratch / "ci-clone"

    def fresh(*, cache: bool) -> None:
        shutil.rmtree(clone, ignore_errors=True)
        _git(scratch, "clone", "-q", str(work), str(clone))
        if cache:
            shutil.copytree(work / ".i18n-kit", clone / ".i18n-kit",
                            ignore=shutil.ignore_patterns("lock", "write.lock"))

    for _ in range(repeat):
        fresh(cache=True)
        measure_steps([[*KIT, "sync", "--check"]], clone, results["ci check, cache"],
                      timeout=600)
        _expect_read(results["ci check, cache"], 0)
    log(f"  ci: sync --check, cache restored {results['ci check, cache'].median:.2f} s")
    for _ in range(repeat):
        fresh(cache=False)
        measure_steps([[*KIT, "sync", "--check"]], clone, results["ci check, no cache"],
                      timeout=1800)
    log(f"  ci: sync --check, no cache {results['ci check, no cache'].median:.2f} s")
    for round_no in range(repeat):
        fresh(cache=True)
        catalog = sorted((clone / "locales" / "ru" / "LC_MESSAGES" / "articles")
                         .glob("*.po"))[round_no]
        text = catalog.read_text(encoding="utf-8")
        cut = text.index('msgstr ""\n\n', text.index("#: "))  # a translator's first line
        catalog.write_text(text[:cut] + 'msgstr "Перевод."\n\n' + text[cut + 11:],
                           encoding="utf-8")
        measure_steps([findings], clone, results["ci findings, 1 changed"], timeout=600)
    log(f"  ci: check, 1 catalog changed {results['ci findings, 1 changed'].median:.2f} s")
    for _ in range(repeat):
        fresh(cache=True)
        measure_steps([[*KIT, "stats"]], clone, results["ci stats"], timeout=600)
    log(f"  ci: stats {results['ci stats'].median:.2f} s")
    shutil.rmtree(clone, ignore_errors=True)
    return results


TITLE_SCENARIOS = ("10 edited, 3 titles", "old title")
#: what the side-by-side with the other tools measures
COMPARED = ("cold", "no change", "1 % edited", *TITLE_SCENARIOS)


def time_titles(work: Path, articles: int, repeat: int, log: Callable[[str], None], *,
                first_round: int) -> dict[str, Timing]:
    """On a synced project: ``TITLE_EDITS`` articles edited, ``TITLE_CHANGES`` of them with a
    new title; then the oldest article's title corrected. Each run checks that sync read
    no more articles than changed."""
    results = {name: Timing() for name in TITLE_SCENARIOS}
    for round_no in range(first_round, first_round + repeat):
        edit_corpus(work, articles=articles, round_no=round_no,
                    share=min(1.0, TITLE_EDITS / articles), titles=TITLE_CHANGES)
        measure_steps([[*KIT, "sync", "--no-mt"]], work, results["10 edited, 3 titles"],
                      timeout=600)
        _expect_read(results["10 edited, 3 titles"], min(TITLE_EDITS, articles))
    log(f"  10 edited, 3 titles {results['10 edited, 3 titles'].median:.2f} s")
    for round_no in range(1, repeat + 1):
        correct_old_title(work, round_no=round_no)
        measure_steps([[*KIT, "sync", "--no-mt"]], work, results["old title"], timeout=600)
        _expect_read(results["old title"], 1)
    log(f"  old title {results['old title'].median:.2f} s")
    return results


def _expect_read(timing: Timing, articles: int) -> None:
    """Stop unless the last sync read exactly the ``articles`` that changed."""
    found = re.search(r"\((\d+) read", timing.last_output)
    if found is None or int(found.group(1)) != articles:
        raise RuntimeError(f"expected {articles} articles read, sync said: {timing.last_output}")


# ---------------------------------------------------------------- the other tools


def tt_steps(project: Path, *, first: bool) -> list[list[str]]:
    """Translate Toolkit's pipeline for every target locale, as its users script it."""
    quiet = ["--progress=none"]
    # posegment reads .po, not .pot, and pot2po reads .pot, not .po: users rename between.
    rename = ("import pathlib, shutil; out = pathlib.Path('tt/pot-seg'); out.mkdir(exist_ok=True)"
              "\nfor p in pathlib.Path('tt/seg').glob('*.po'): "
              "shutil.copyfile(p, out / (p.stem + '.pot'))")
    steps = [["md2po", *quiet, "-i", "content", "-o", "tt/en"],
             ["posegment", *quiet, "-i", "tt/en", "-o", "tt/seg"],
             [sys.executable, "-c", rename]]
    for code in TARGETS:
        merge = ["pot2po", *quiet, "--tm=tm/seed.tmx", "-i", "tt/pot-seg", "-o", f"tt/{code}"]
        if not first:
            merge += ["-t", f"tt/{code}"]
        steps += [
            merge,
            ["pofilter", *quiet, "-i", f"tt/{code}", "-o", f"tt/filtered-{code}"],
            ["po2md", *quiet, "-t", "content", "-i", f"tt/{code}", "-o", f"tt/site-{code}"],
        ]
    return steps


def write_po4a_config(project: Path) -> None:
    """po4a's configuration: split mode (one POT/PO per article), Markdown with YAML
    front matter; po4a has no translation-memory input, so none is given."""
    lines = [f"[po4a_langs] {' '.join(TARGETS)}",
             "[po4a_paths] po4a/pot/$master.pot $lang:po4a/$lang/$master.po",
             "[options] --master-charset UTF-8 --localized-charset UTF-8 --keep 0"]
    for path in sorted((project / "content").glob("*.md")):
        lines.append(f"[type: text] content/{path.name} $lang:po4a/site/$lang/{path.name}"
                     f" pot={path.stem} opt:\"-o markdown -o yfm_keys=title\"")
    for folder in ("pot", *TARGETS, *(f"site/{code}" for code in TARGETS)):
        (project / "po4a" / folder).mkdir(parents=True, exist_ok=True)
    (project / "po4a.cfg").write_text("\n".join(lines) + "\n", encoding="utf-8")


def po4a_steps(project: Path) -> list[list[str]]:
    return [["po4a", "--no-backups", "po4a.cfg"]]


def time_tool(name: str, pristine: Path, work: Path, articles: int, repeat: int,
              steps_for: Callable[[Path, bool], list[list[str]]], timeout: float,
              log: Callable[[str], None]) -> dict[str, Timing]:
    """cold / no change / 1 % edited and the title scenarios for another tool on the same
    corpus, with the same edits as i18n-kit's."""
    results = {phase: Timing() for phase in COMPARED}
    try:
        for _ in range(repeat):
            shutil.rmtree(work, ignore_errors=True)
            shutil.copytree(pristine, work)
            (work / "tt").mkdir()  # the programs make files, not their parent folders
            if name == "po4a":
                write_po4a_config(work)
            measure_steps(steps_for(work, True), work, results["cold"], timeout=timeout)
        log(f"  {name} cold {results['cold'].median:.1f} s")
        for _ in range(repeat):
            measure_steps(steps_for(work, False), work, results["no change"], timeout=timeout)
        for round_no in range(1, repeat + 1):
            edit_corpus(work, articles=articles, round_no=round_no)
            measure_steps(steps_for(work, False), work, results["1 % edited"], timeout=timeout)
        for round_no in range(repeat + 1, 2 * repeat + 1):
            edit_corpus(work, articles=articles, round_no=round_no,
                        share=min(1.0, TITLE_EDITS / articles), titles=TITLE_CHANGES)
            measure_steps(steps_for(work, False), work, results["10 edited, 3 titles"],
                          timeout=timeout)
        for round_no in range(1, repeat + 1):
            correct_old_title(work, round_no=round_no)
            measure_steps(steps_for(work, False), work, results["old title"], timeout=timeout)
    except (RuntimeError, TimeoutError, FileNotFoundError) as exc:
        for timing in results.values():
            if not timing.seconds:
                timing.failed = str(exc).splitlines()[0][:120]
        log(f"  {name}: {str(exc).splitlines()[0][:200]}")
    return results


# ---------------------------------------------------------------- components


def run_component(script: str, args: Sequence[str], log: Callable[[str], None]) -> str:
    """Run benchmarks/<script> and return its report (stdout)."""
    log(f"  {script} {' '.join(args)}")
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / script), *args],
                          cwd=ROOT, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return f"{script} failed (exit {done.returncode}):\n{done.stderr[-1500:]}"
    return done.stdout.rstrip()


# ---------------------------------------------------------------- report


def _cell(timing: Timing) -> str:
    if timing.failed:
        return "failed" if "over" not in timing.failed else timing.failed.split(":")[0]
    return f"{timing.median:.2f} s" if timing.median < 10 else f"{timing.median:.1f} s"


def format_report(*, articles: int, stats: dict[str, int], kit: dict[str, Timing],
                  large_articles: int = 0, large: dict[str, Timing] | None = None,
                  varied: Timing | None = None, heldout: Timing | None = None,
                  compare_articles: int, compare: dict[str, dict[str, Timing]],
                  components: list[str], repeat: int) -> str:
    """The Markdown report printed at the end."""
    targets = {"cold": "<= 20 s", "no change": "<= 0.5 s", "1 % edited": "<= 2 s",
               "10 edited, 3 titles": "<= 2 s", "old title": "<= 1 s",
               "build": "", "help": "< 0.3 s",
               "ci check, cache": "<= 1.5 s, 0 read", "ci check, no cache": "<= cold / 2",
               "ci findings, 1 changed": "<= 2 s", "ci stats": "<= 1 s"}
    labels = {"ci check, cache": "fresh clone: sync --check, .i18n-kit/ restored",
              "ci check, no cache": "fresh clone: sync --check, no cache",
              "ci findings, 1 changed": "fresh clone: check, cache restored, 1 catalog "
                                        "changed",
              "ci stats": "fresh clone: stats, cache restored",
              "cold": "sync, cold", "no change": "sync, nothing changed",
              "1 % edited": "sync, 1 % of articles edited",
              "10 edited, 3 titles": "sync, 10 articles edited, 3 of them retitled",
              "old title": "sync, the oldest article's title corrected",
              "build": "build (every page)", "help": "i18n-kit --help"}
    lines = [f"## i18n-kit, {articles:,} articles ({stats['words']:,} words), "
             f"2 target locales, 4,000-entry TMX, no MT; median of {repeat}", "",
             "| scenario | median | CPU | peak memory | target |", "|---|---|---|---|---|"]
    for key, timing in kit.items():
        cell = _cell(timing)
        if key == "1 % edited" and len(timing.seconds) > 1:
            # the first round after a cold sync is the one a CI job meets first
            cell += f" (first round {timing.seconds[0]:.2f} s)"
        lines.append(f"| {labels[key]} | {cell} | {timing.cpu_median:.2f} s "
                     f"| {timing.peak_mb:.0f} MB | {targets[key]} |")
    if varied is not None and varied.seconds:
        lines.append(f"| sync, cold, varied corpus (fewer repeats, a TMX per language) "
                     f"| {_cell(varied)} | {varied.cpu_median:.2f} s | {varied.peak_mb:.0f} MB "
                     f"| <= 20 s |")
    if heldout is not None and heldout.seconds:
        lines.append(f"| sync, cold, held-out-like corpus (~58 segments an article, 40 % "
                     f"unique) | {_cell(heldout)} | {heldout.cpu_median:.2f} s "
                     f"| {heldout.peak_mb:.0f} MB | <= 15 s |")
    if large is not None and large["cold"].seconds:
        cold = kit["cold"]
        for key, timing in large.items():
            if not timing.seconds:
                continue
            if key == "cold":
                target = "<= 240 s, <= 1 GB"
            elif key in CI_SCENARIOS:
                target = f"{targets[key]} ({timing.median / kit[key].median:.1f}x the " \
                         f"{articles:,} figure)"
            else:
                ratio = timing.median / kit[key].median
                target = f"<= 2.5x the {articles:,} figure ({ratio:.1f}x)"
            lines.append(f"| {labels[key]}, {large_articles:,} articles | {_cell(timing)} "
                         f"| {timing.cpu_median:.2f} s | {timing.peak_mb:.0f} MB | {target} |")
        big = large["cold"]
        growth = (big.median / large_articles) / (cold.median / articles)
        lines += ["", f"Cold sync per article: {1000 * cold.median / articles:.1f} ms at "
                  f"{articles:,} articles, {1000 * big.median / large_articles:.1f} ms at "
                  f"{large_articles:,} ({growth:.2f}x)."]
    if compare:
        tools = list(compare)  # i18n-kit first
        lines += ["", f"## Same corpus generator, {compare_articles:,} articles: other tools "
                  "(their time / i18n-kit's in brackets)", "",
                  "| phase | " + " | ".join(tools) + " |", "|---|" + "---|" * len(tools)]
        for phase in COMPARED:
            base = compare[tools[0]][phase]
            cells = []
            for tool in tools:
                timing = compare[tool][phase]
                cell = _cell(timing)
                if tool != tools[0] and timing.seconds and base.seconds:
                    cell += f" ({timing.median / base.median:.1f}x)"
                if timing.seconds:
                    cell += f", {timing.peak_mb:.0f} MB"
                cells.append(cell)
            lines.append(f"| {labels[phase].removeprefix('sync, ')} | " + " | ".join(cells) + " |")
    for text in components:
        lines += ["", "```", text, "```"]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    """Parse arguments, run every benchmark, print the report."""
    parser = argparse.ArgumentParser(prog="python -m benchmarks",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--compare-articles", type=int, default=100,
                        help="corpus size for Translate Toolkit and po4a (0: skip them)")
    parser.add_argument("--large-articles", type=int, default=10_000,
                        help="corpus size of one more cold sync, to see how time and memory "
                             "grow (0: skip it)")
    parser.add_argument("--varied", action=argparse.BooleanOptionalAction, default=True,
                        help="also time a cold sync of a corpus with fewer repeated sentences "
                             "and a TMX per target language")
    parser.add_argument("--ci", action=argparse.BooleanOptionalAction, default=True,
                        help="also time what a CI job pays on a fresh clone of the synced "
                             "project (sync --check with and without the cache, check, "
                             "stats)")
    parser.add_argument("--heldout", action=argparse.BooleanOptionalAction, default=True,
                        help="also time a cold sync of a corpus shaped like a user's "
                             "held-out archive (~58 segments an article, 40 %% of them "
                             "unique)")
    parser.add_argument("--tool-timeout", type=float, default=600.0)
    parser.add_argument("--components", action=argparse.BooleanOptionalAction, default=True,
                        help="also run glossary_match.py and tm_lookup.py")
    parser.add_argument("--tm-segments", type=int, default=200_000)
    parser.add_argument("--workdir", type=Path, default=None,
                        help="scratch folder (default: a temporary one, removed)")
    parser.add_argument("--quiet", action="store_true", help="no progress lines on stderr")
    args = parser.parse_args(argv)

    def log(message: str) -> None:
        if not args.quiet:
            print(message, file=sys.stderr, flush=True)

    scratch = args.workdir or Path(tempfile.mkdtemp(prefix="i18n-kit-bench-"))
    try:
        pristine = scratch / "corpus"
        shutil.rmtree(pristine, ignore_errors=True)
        write_corpus(pristine, articles=args.articles)
        stats = corpus_stats(pristine)
        log(f"i18n-kit on {args.articles} articles")
        kit = time_kit(pristine, scratch / "kit", args.articles, args.repeat, log)
        if args.ci:
            kit.update(time_ci(scratch / "kit", scratch, args.articles, args.repeat, log))

        varied: Timing | None = None
        if args.varied:
            other = scratch / "corpus-varied"
            shutil.rmtree(other, ignore_errors=True)
            write_corpus(other, articles=args.articles, varied=True)
            log(f"i18n-kit cold on {args.articles} varied articles")
            varied = Timing()
            measure_steps([[*KIT, "sync", "--no-mt"]], other, varied, timeout=3600)
            log(f"  cold {varied.median:.1f} s")
            shutil.rmtree(other, ignore_errors=True)

        heldout: Timing | None = None
        if args.heldout:
            other = scratch / "corpus-heldout"
            shutil.rmtree(other, ignore_errors=True)
            write_corpus(other, articles=args.articles, heldout=True)
            log(f"i18n-kit cold on {args.articles} held-out-like articles")
            heldout = Timing()
            measure_steps([[*KIT, "sync", "--no-mt"]], other, heldout, timeout=3600)
            log(f"  cold {heldout.median:.1f} s")
            shutil.rmtree(other, ignore_errors=True)

        large: dict[str, Timing] | None = None
        if args.large_articles:
            big = scratch / "corpus-large"
            shutil.rmtree(big, ignore_errors=True)
            write_corpus(big, articles=args.large_articles)
            log(f"i18n-kit cold on {args.large_articles} articles")
            large = {"cold": Timing()}
            measure_steps([[*KIT, "sync", "--no-mt"]], big, large["cold"], timeout=3600)
            log(f"  cold {large['cold'].median:.1f} s")
            # as many rounds as at the smaller size: the ratio compares medians
            large.update(time_titles(big, args.large_articles, args.repeat, log, first_round=1))
            if args.ci:
                large.update(time_ci(big, scratch, args.large_articles, args.repeat, log))
            shutil.rmtree(big, ignore_errors=True)

        compare: dict[str, dict[str, Timing]] = {}
        if args.compare_articles:
            small = scratch / "corpus-small"
            shutil.rmtree(small, ignore_errors=True)
            write_corpus(small, articles=args.compare_articles)
            log(f"comparison on {args.compare_articles} articles")
            compare["i18n-kit"] = {
                key: value for key, value in
                time_kit(small, scratch / "kit-small", args.compare_articles, args.repeat,
                         log).items() if key in COMPARED
            }
            compare["Translate Toolkit"] = time_tool(
                "Translate Toolkit", small, scratch / "tt", args.compare_articles, args.repeat,
                lambda project, first: tt_steps(project, first=first), args.tool_timeout, log)
            compare["po4a"] = time_tool(
                "po4a", small, scratch / "po4a", args.compare_articles, args.repeat,
                lambda project, first: po4a_steps(project), args.tool_timeout, log)

        components: list[str] = []
        if args.components:
            components.append(run_component("glossary_match.py", [], log))
            components.append(run_component(
                "tm_lookup.py", ["--segments", str(args.tm_segments)], log))
        print(format_report(articles=args.articles, stats=stats, kit=kit,
                            large_articles=args.large_articles, large=large, varied=varied,
                            heldout=heldout,
                            compare_articles=args.compare_articles, compare=compare,
                            components=components, repeat=args.repeat))
    finally:
        if args.workdir is None:
            shutil.rmtree(scratch, ignore_errors=True)
