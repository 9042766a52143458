"""Crash-and-race trials on a generated project: a sync in a child process, killed or raced
by translators' saves at random moments, and what the project holds afterwards.

Each trial returns counts (never asserts), so the same code measures a build before and
after a change (``python -m tests.reliability.harness``) and the tests assert on them.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from i18n_kit.catalogs.po import format_catalog, read_catalog

CLI = [sys.executable, "-c", "from i18n_kit.cli import main; main()"]
CONFIG = """\
[project]
name = "newsroom"
source_language = "en"
locales = ["en", "ru", "zh"]
"""
ARTICLES = 70  # above parallel.py's min_items (64): reading and pages are forked
STRAYS = ("locales", "site", ".i18n-kit")  # where a run's temporary files could be left


def article_text(number: int, *, edition: int) -> str:
    title = f"SCO Secretariat meeting {number}" + (f", session {edition}" if edition else "")
    body = (
        f"The SCO Secretariat held working meeting number {number} in Beijing. "
        "Delegations of the member states took part.\n\n"
        "- The parties reviewed cooperation in trade.\n"
        "- The parties agreed on the agenda of the next meeting.\n"
    )
    if edition:
        body += f"\nThe meeting approved the work plan for session {edition}.\n"
    return f"---\ntitle: {title}\ndate: 2024-03-{number % 28 + 1:02d}\n---\n\n{body}"


def write_project(root: Path, *, articles: int = ARTICLES) -> Path:
    (root / "content").mkdir(parents=True)
    (root / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    for number in range(articles):
        (root / "content" / f"news-{number:03d}.md").write_text(
            article_text(number, edition=0), encoding="utf-8")
    return root


def edit_sources(root: Path, *, edition: int, retitled: int) -> None:
    """Give every article a new sentence and the first ``retitled`` a new title (the
    listing changes, so articles whose text did not change are read and merged too)."""
    for path in sorted((root / "content").glob("news-*.md")):
        number = int(path.stem.split("-")[1])
        text = article_text(number, edition=edition)
        if number >= retitled:
            text = text.replace(f", session {edition}\n", "\n", 1)
        path.write_text(text, encoding="utf-8")


def run_cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*CLI, *args], capture_output=True, text=True, timeout=timeout,
                          check=False)


def start_cli(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([*CLI, *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)


# A signal sent once a process has called exit is discarded by the kernel, yet for the
# milliseconds the kernel takes to free its memory ``poll()`` still finds it running: when
# the moment fell at the run's very end, about 1 trial in 100 sent its SIGTERM there and
# saw exit 0. An exit 0 within this many seconds of the signal is such a trial (the run
# had ended), not a signal the run swallowed. A sync spends about 15 ms from its commit
# to its exit; the margin is for a busy machine, where this process may wait its turn to
# see the child end.
LATE_SIGNAL = 0.1


def exiting(pid: int) -> bool:
    """Whether process ``pid`` has already begun to end (the kernel's PF_EXITING flag in
    /proc/<pid>/stat, or a zombie): a signal sent now would be discarded."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:  # gone, or not Linux: poll() decides
        return False
    state, *fields = stat[stat.rindex(")") + 2:].split()
    return state in ("Z", "X") or bool(int(fields[5]) & 0x4)


def strays(root: Path) -> list[str]:
    """Temporary files (``.<name>.<random>.tmp``) left in the project's output folders."""
    found: list[str] = []
    for top in STRAYS:
        for folder, _, names in os.walk(root / top):
            found += [os.path.join(folder, name) for name in names
                      if name.startswith(".") and name.endswith(".tmp")]
    return found


def outputs(root: Path) -> dict[str, bytes]:
    """Every file sync writes (catalogs, templates, pages), by project-relative path."""
    found: dict[str, bytes] = {}
    for top in ("locales", "site"):
        for path in (root / top).rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                found[path.relative_to(root).as_posix()] = path.read_bytes()
    return found


def save_like_poedit(path: Path, source_text: str, target_text: str) -> None:
    """A translator's tool saving one approved entry: whole file to a temporary name,
    fsync, rename over the catalog (what Poedit, Lokalize and most editors do)."""
    catalog = read_catalog(path)
    for entry in catalog:
        if entry.msgid == source_text and not entry.obsolete:
            entry.msgstr = target_text
            entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    fd, temp = tempfile.mkstemp(prefix="poedit-", dir=path.parent)
    with os.fdopen(fd, "wb") as handle:
        handle.write(format_catalog(catalog).encode("utf-8"))
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temp, path)


def translation_of(path: Path, source_text: str) -> str:
    for entry in read_catalog(path):
        if entry.msgid == source_text and not entry.obsolete and not entry.fuzzy:
            return str(entry.msgstr)
    return ""


FIRST_SENTENCE = "The SCO Secretariat held working meeting number {n} in Beijing."


def catalog_of(root: Path, number: int, locale_code: str = "ru") -> Path:
    return root / "locales" / locale_code / "LC_MESSAGES" / "articles" / f"news-{number:03d}.po"


def page_of(root: Path, number: int, locale_code: str = "ru") -> Path:
    return root / "site" / locale_code / f"news-{number:03d}.html"


@dataclass(slots=True)
class Fixture:
    """A project synced once, its sources then edited (``dirty``), and the outputs an
    uninterrupted sync of ``dirty`` gives (``expected``); ``before``: outputs of ``dirty``
    as it is (the last run's)."""

    dirty: Path
    before: dict[str, bytes]
    expected: dict[str, bytes]
    seconds: float  # how long the sync of ``dirty`` took
    work: Path
    counter: Iterator[int] = field(default_factory=lambda: iter(range(1_000_000)))

    def copy(self) -> Path:
        target = self.work / f"trial-{next(self.counter)}"
        shutil.copytree(self.dirty, target, symlinks=True)
        return target


def make_fixture(work: Path, *, articles: int = ARTICLES) -> Fixture:
    dirty = write_project(work / "dirty", articles=articles)
    result = run_cli("sync", "--no-mt", "--project", str(dirty))
    assert result.returncode == 0, result.stderr
    edit_sources(dirty, edition=1, retitled=articles // 2)
    before = outputs(dirty)
    reference = work / "reference"
    shutil.copytree(dirty, reference, symlinks=True)
    started = time.monotonic()
    result = run_cli("sync", "--no-mt", "--project", str(reference))
    seconds = time.monotonic() - started
    assert result.returncode == 0, result.stderr
    return Fixture(dirty=dirty, before=before, expected=outputs(reference), seconds=seconds,
                   work=work)


# ---------------------------------------------------------------- saves during a sync

def saves_during_sync(fixture: Fixture, *, saves: int, rng: random.Random,
                      preview: int = 0) -> Counter[str]:
    """One sync of a copy of the dirty project while ``saves`` catalogs get an approved
    translation at random moments (half of them of articles whose text changed, so the
    sync rewrites their catalogs; half of articles whose catalogs it leaves as they are).
    ``preview`` of the saves, picked at random, go through the preview's save (the rest
    are a PO editor's). Counts: ``trials``; ``lost`` (the translation is not in the
    catalog after the sync);
    ``hidden`` (kept, not on the page, and ``sync --check`` says all is up to date);
    ``unpublished`` (not on the page after one more sync); ``refused`` (a preview save
    answered with an error: nothing lost, the editor is told)."""
    root = fixture.copy()
    articles = len(list((root / "content").glob("news-*.md")))
    half = articles // 2
    numbers = rng.sample(range(half), saves // 2) + rng.sample(range(half, articles),
                                                               saves - saves // 2)
    moments = sorted((rng.uniform(0, fixture.seconds), number) for number in numbers)
    counts: Counter[str] = Counter(lost=0, hidden=0, unpublished=0, refused=0)
    markers: dict[int, str] = {}
    by_preview = set(rng.sample(numbers, preview))
    saver = _preview_saver(root)
    process = start_cli("sync", "--no-mt", "--project", str(root))
    started = time.monotonic()
    for moment, number in moments:
        time.sleep(max(0.0, started + moment - time.monotonic()))
        marker = f"Правка{number:03d}"
        source_text = FIRST_SENTENCE.format(n=number)
        if number not in by_preview:
            save_like_poedit(catalog_of(root, number), source_text, marker)
        elif not saver(number, source_text, marker):
            counts["refused"] += 1
            continue
        markers[number] = marker
    process.communicate(timeout=300)
    counts["trials"] += saves
    counts["sync failed"] += process.returncode not in (0, 3)
    for number, marker in markers.items():
        if translation_of(catalog_of(root, number), FIRST_SENTENCE.format(n=number)) != marker:
            counts["lost"] += 1
    stale = [number for number, marker in markers.items()
             if marker not in page_of(root, number).read_text(encoding="utf-8")]
    if stale and run_cli("sync", "--no-mt", "--check", "--project", str(root)).returncode == 0:
        counts["hidden"] += len(stale)
    run_cli("sync", "--no-mt", "--project", str(root))
    counts["unpublished"] += sum(
        marker not in page_of(root, number).read_text(encoding="utf-8")
        for number, marker in markers.items())
    counts["debris"] += len(strays(root))
    shutil.rmtree(root)
    return counts


def _preview_saver(root: Path):  # type: ignore[no-untyped-def]
    """A function saving one approved translation through the preview's save API
    (``apply_edit``, as the preview's POST handler calls it), in this process."""
    from i18n_kit.config import load_config
    from i18n_kit.errors import I18nKitError
    from i18n_kit.output.page import SegmentStatus
    from i18n_kit.preview import Edit, apply_edit, entry_key

    config = load_config(root / "i18n-kit.toml")

    def save(number: int, source_text: str, marker: str) -> bool:
        path = catalog_of(root, number)
        current = next(e for e in read_catalog(path) if e.msgid == source_text)
        status = (SegmentStatus.UNTRANSLATED if not current.msgstr else
                  SegmentStatus.FUZZY if current.fuzzy else SegmentStatus.TRANSLATED)
        edit = Edit(slug=f"news-{number:03d}", locale_code="ru", key=entry_key(source_text),
                    base_text=current.msgstr, base_status=status, target_text=marker,
                    approve=True)
        try:
            apply_edit(config, edit, source_lang="en")
        except I18nKitError:
            return False
        return True

    return save


# ---------------------------------------------------------------- kills

def kill_during_sync(fixture: Fixture, *, signum: int, rng: random.Random,
                     in_rename: bool = False, recover_first: bool = False,
                     then_sync: bool = True) -> Counter[str]:
    """A sync of a copy of the dirty project killed with ``signum`` at a random moment
    (or as soon as it starts moving files into place), then one more sync. Counts:
    ``trials``; ``ended before the signal`` (the run had ended, or begun to end, when
    the signal was due, or it exited 0 within ``LATE_SIGNAL`` of it); ``exit other``
    (SIGTERM: an exit code other than 143); ``debris after kill`` / ``debris after next
    sync`` (temporary files); ``mixed`` (outputs neither all as before nor all as an
    uninterrupted run makes them, after the killed run's own cleanup); with
    ``recover_first``, ``mixed after recovery`` (the same once the journal is
    finished); ``diverged`` (after the next sync, outputs differ from an uninterrupted
    run's; without ``then_sync`` there is no next sync: all old or all new already says
    it converges)."""
    root = fixture.copy()
    counts: Counter[str] = Counter(trials=1, mixed=0)
    if signum == signal.SIGTERM:
        counts.update({"exit other": 0, "exit 0 after SIGTERM": 0})
    process = start_cli("sync", "--no-mt", "--project", str(root))
    if in_rename:
        first = root / "locales" / "templates" / "articles" / "news-000.pot"
        inode = first.stat().st_ino
        deadline = time.monotonic() + 300
        while process.poll() is None and time.monotonic() < deadline:
            try:
                if first.stat().st_ino != inode:
                    break
            except FileNotFoundError:
                pass
    else:
        time.sleep(rng.uniform(0, 0.8 * fixture.seconds))
    sent = process.poll() is None and not exiting(process.pid)
    sent_at = time.monotonic()
    if sent:
        process.send_signal(signum)
    process.communicate(timeout=300)
    code = process.returncode
    if sent and code == 0 and time.monotonic() - sent_at < LATE_SIGNAL:
        sent = False  # it came as the process was ending: the kernel discards it
    if not sent:
        counts["ended before the signal"] += 1
    if signum == signal.SIGTERM and code not in (128 + signum, -signum, 0):
        counts["exit other"] += 1
    if signum == signal.SIGTERM and code == 0 and sent:
        counts["exit 0 after SIGTERM"] += 1
    counts["debris after kill"] += len(strays(root))
    now = outputs(root)
    if now != fixture.before and now != fixture.expected:
        counts["mixed"] += 1
    if recover_first:
        # what the next run does first, alone: finish the journal, remove the strays
        from i18n_kit.journal import recover, remove_strays

        recover(root, root / ".i18n-kit" / "journal.json")
        remove_strays([root / "locales", root / "site", root / ".i18n-kit"])
        now = outputs(root)
        counts["mixed after recovery"] += now != fixture.before and now != fixture.expected
    if then_sync:
        result = run_cli("sync", "--no-mt", "--project", str(root))
        counts["next sync failed"] += result.returncode != 0
        counts["told of the killed run"] += "was stopped before it finished" in result.stderr
        counts["debris after next sync"] += len(strays(root))
        counts["diverged"] += outputs(root) != fixture.expected
    shutil.rmtree(root)
    return counts


def children_of(pid: int) -> list[int]:
    try:
        return [int(n) for n in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def _first_worker(process: subprocess.Popen[str]) -> int | None:
    """The first forked worker of a sync, as soon as it exists."""
    deadline = time.monotonic() + 300
    while process.poll() is None and time.monotonic() < deadline:
        found = children_of(process.pid)
        if found:
            return found[0]
    return None


def kill_a_worker(fixture: Fixture) -> Counter[str]:
    """A sync whose first worker is killed with SIGKILL (as the OOM killer does) as soon as
    it is forked. Counts: ``one line, exit 2`` (the run fails with one line naming the
    signal), ``hung`` (no end within 120 s), ``other`` (any other outcome), ``changed``
    (outputs not as before the run), ``debris``."""
    root = fixture.copy()
    counts: Counter[str] = Counter(trials=1, hung=0)
    process = start_cli("sync", "--no-mt", "--project", str(root))
    worker = _first_worker(process)
    if worker is not None:
        os.kill(worker, signal.SIGKILL)
    try:
        error = process.communicate(timeout=120)[1]
    except subprocess.TimeoutExpired:
        counts["hung"] += 1
        process.kill()
        error = process.communicate()[1]
    code = process.returncode
    lines = error.splitlines()
    if code == 2 and lines == [
            "error: a worker process was killed by signal 9 (SIGKILL, which the out-of-memory "
            "killer sends) while reading articles; nothing was written; run again (with more "
            "memory, if the system ran out)"]:
        counts["one line, exit 2"] += 1
        counts["changed"] += outputs(root) != fixture.before
    elif not counts["hung"]:
        counts[f"other (exit {code}: {error.strip()[-200:]})"] += 1
    counts["debris"] += len(strays(root))
    shutil.rmtree(root)
    return counts


def sigterm_at_fork(fixture: Fixture) -> Counter[str]:
    """SIGTERM to a sync the moment its first worker is forked (the others are being
    forked). Counts: ``exit 143``, ``other exit``, ``workers left`` (still running after
    the sync ended), ``changed`` (outputs not as before), ``debris``."""
    root = fixture.copy()
    counts: Counter[str] = Counter(trials=1)
    process = start_cli("sync", "--no-mt", "--project", str(root))
    worker = _first_worker(process)
    process.send_signal(signal.SIGTERM)
    seen = children_of(process.pid) + ([worker] if worker else [])
    process.communicate(timeout=120)
    code = process.returncode
    counts["exit 143" if code in (143, -signal.SIGTERM) else "other exit"] += 1
    time.sleep(0.2)
    counts["workers left"] += sum(Path(f"/proc/{pid}").exists() and
                                  "Z" not in _state_of(pid) for pid in set(seen))
    counts["changed"] += outputs(root) != fixture.before
    counts["debris"] += len(strays(root))
    shutil.rmtree(root)
    return counts


def _state_of(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return "Z"


def concurrent_syncs(fixture: Fixture) -> Counter[str]:
    """Two syncs of the dirty project started together. Counts: ``both ran``
    (neither waited for nor refused the other), ``refused`` (exit 3), ``failed``
    (another exit code), ``diverged``, ``debris``."""
    root = fixture.copy()
    counts: Counter[str] = Counter(trials=1)
    first = start_cli("sync", "--no-mt", "--project", str(root))
    second = start_cli("sync", "--no-mt", "--project", str(root))
    errors = [first.communicate(timeout=300)[1], second.communicate(timeout=300)[1]]
    codes = [first.returncode, second.returncode]
    counts["waited"] += sum("waiting: the project is in use by pid " in text for text in errors)
    counts["refused"] += codes.count(3)
    counts["failed"] += sum(code not in (0, 3) for code in codes)
    counts["diverged"] += outputs(root) != fixture.expected
    counts["debris"] += len(strays(root))
    shutil.rmtree(root)
    return counts


def _main() -> None:
    """Before/after figures: python -m tests.reliability.harness [saves] [kills]."""
    saves = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    kills = int(sys.argv[2]) if len(sys.argv) > 2 else 10
    rng = random.Random(15)
    with tempfile.TemporaryDirectory() as work:
        fixture = make_fixture(Path(work))
        print(f"sync of the edited project: {fixture.seconds:.1f} s")
        total: Counter[str] = Counter()
        for _ in range(saves // 10):
            total += saves_during_sync(fixture, saves=10, rng=rng)
        print("PO tool saves during sync:", dict(total))
        total = Counter()
        for _ in range(max(1, saves // 40)):
            total += saves_during_sync(fixture, saves=10, rng=rng, preview=10)
        print("preview saves during sync:", dict(total))
        for name, signum, in_rename in (("kill -9", signal.SIGKILL, False),
                                        ("kill -9 in rename", signal.SIGKILL, True),
                                        ("SIGTERM", signal.SIGTERM, False),
                                        ("SIGTERM in rename", signal.SIGTERM, True)):
            total = Counter()
            for _ in range(kills):
                total += kill_during_sync(fixture, signum=signum, rng=rng, in_rename=in_rename)
            print(f"{name}:", dict(total))
        print("concurrent syncs:", dict(concurrent_syncs(fixture)))
        total = Counter()
        for _ in range(kills):
            total += kill_a_worker(fixture)
        print("worker killed:", dict(total))
        total = Counter()
        for _ in range(kills):
            total += sigterm_at_fork(fixture)
        print("SIGTERM at fork:", dict(total))


if __name__ == "__main__":
    _main()
