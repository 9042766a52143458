"""The SQLite backend's fuzzy-match index: character n-gram postings in numpy, rapidfuzz rescoring.

Why not brute force: ``fuzz.ratio`` against 200,000 segments costs about 65 ms a query.
Why not SQLite FTS5's trigram tokenizer: its candidate retrieval took about 3 s a query.

How a query runs: the query's n-grams (trigrams; bigrams for Chinese, Japanese and Korean,
which have no spaces and short sentences) are looked up in an inverted index, rarest first,
until a budget of postings is spent, since the commonest n-grams ("the", " of") would cost
most and tell least; documents are ranked by how many of those n-grams they share, scaled
by their own n-gram count (a Dice-like overlap), after dropping those whose length rules
out a ratio at the threshold; the best ``CANDIDATES`` are rescored with ``fuzz.ratio``.
The benchmark (``benchmarks/tm_lookup.py``) measures both the latency and how often this
finds the brute-force best match.

Many queries at once (``search_many``, what a sync asks): against an index of at most
``BRUTE_FORCE_TEXTS`` texts, every query is scored against every text (``score_all``:
``rapidfuzz.process.cdist`` on all cores), which is exact and, at that size, cheaper than
the n-gram step (0.27 ms against 0.8 ms a query at 4,000 texts on two cores); larger
indexes run ``search`` for each query.

Texts are indexed case-folded and padded with boundary marks, so a one-character text
still has an n-gram; scores are always computed on the texts themselves. The index is
immutable; it is saved as ``.npy`` files and memory-mapped back.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

__all__ = [
    "BRUTE_FORCE_TEXTS", "CANDIDATES", "STAGES", "FuzzyIndex", "FuzzyScorer", "gram_size_for",
    "length_bounds", "score_all", "score_texts",
]

CANDIDATES = 2000  # rescored per query: about 1.5 ms of rapidfuzz
BRUTE_FORCE_TEXTS = 20_000  # search_many scores every text up to this index size
_CDIST_CELLS = 4_000_000  # float32 scores held at once by search_many (16 MB)
_LENGTH_CHUNK = 256  # queries of about one length scored together (score_all)
# score_all with a limit: the length bounds of its rounds, nearest lengths first (three
# were as fast as six on the held-out-like corpus, and cheaper in calls)
STAGES = (95.0, 90.0, 85.0)
_MARGIN = 0.02  # float32 scores against an exact bound
POSTINGS_BUDGET = 1_000_000  # posting entries read per query before common n-grams are skipped
INDEX_FORMAT = 1
_WIDE_LANGUAGES = frozenset({"zh", "ja", "ko"})
_MASK32 = (1 << 32) - 1
_DOC_BITS = 31

IntArray = npt.NDArray[np.int64]
Int32Array = npt.NDArray[np.int32]


def gram_size_for(language: str) -> int:
    """Character n-gram size used for texts in ``language`` (a locale code).

    >>> gram_size_for("zh_Hans"), gram_size_for("ru")
    (2, 3)
    """
    return 2 if language.split("_")[0].split("-")[0].lower() in _WIDE_LANGUAGES else 3


def length_bounds(length: int, threshold: float) -> tuple[int, int]:
    """Shortest and longest text that can reach ``threshold`` against a text of ``length``:
    ratio = 2 * common / (a + b) <= 2 * min / (a + b).

    >>> length_bounds(100, 75.0)
    (60, 166)
    """
    t = max(min(threshold, 100.0), 1.0) / 100.0
    low = int(np.ceil(length * t / (2.0 - t) - 1e-9))
    high = int(np.floor(length * (2.0 - t) / t + 1e-9))
    return low, high


def score_texts(query: str, texts: Sequence[str], *, threshold: float) -> list[tuple[float, int]]:
    """(score, position) of every text scoring at least ``threshold``, best first,
    ties by position.

    >>> score_texts("SCO summit", ["SCO summits", "other"], threshold=75)
    [(95.23809523809523, 0)]
    """
    found = process.extract(
        query, texts, scorer=fuzz.ratio, score_cutoff=threshold, limit=None
    )
    return sorted(((float(score), int(position)) for _, score, position in found),
                  key=lambda item: (-item[0], item[1]))


def score_all(
    queries: Sequence[str], texts: Sequence[str], *, threshold: float, limit: int | None = None,
    workers: int = -1,
) -> list[list[tuple[float, int]]]:
    """For each query, (score, position) of every text scoring at least ``threshold``
    (the best ``limit`` when given), best first, ties by position: every text that can
    reach the threshold is scored, with ``rapidfuzz.process.cdist`` on all cores.

    With a ``limit``, the texts are scored nearest length first (`STAGES`): a query
    whose ``limit``-th best already scores above what any text left could reach
    (`length_bounds`) is not scored against the rest. The answer is the same; on the
    held-out-like corpus (24,630 queries against 4,000 texts, limit 6) it took 6.2 s
    instead of 8.1 s. ``workers``: cdist's threads (-1: one a core).

    >>> score_all(["SCO summits", "nothing"], ["SCO summit", "SCO summits"], threshold=75,
    ...           limit=1)
    [[(100.0, 1)], []]
    """
    if not texts:
        return [[] for _ in queries]
    found: list[list[tuple[float, int]]] = [[] for _ in queries]
    # float32 scores only select: each hit is rescored exactly, as search does, so
    # the two agree to the last digit; the margins keep a hit rounded down.
    floor = max(threshold - 0.01, 0.01)
    # Queries go shortest first, each chunk against the texts whose length can reach
    # the stage's bound with one of its queries (`length_bounds`): the others score less.
    lengths = np.fromiter((len(text) for text in texts), dtype=np.int64, count=len(texts))
    by_length = np.argsort(lengths, kind="stable")
    sorted_lengths = lengths[by_length]
    order = sorted(range(len(queries)), key=lambda position: len(queries[position]))
    step = min(max(1, _CDIST_CELLS // len(texts)), _LENGTH_CHUNK)
    bounds = [bound for bound in STAGES if bound > floor + _MARGIN] if limit else []
    bounds.append(floor)
    for positions in _length_chunks(order, queries, step):
        shortest, longest = len(queries[positions[0]]), len(queries[positions[-1]])
        pending = list(range(len(positions)))
        hit_ids: list[list[IntArray]] = [[] for _ in positions]
        hit_scores: list[list[npt.NDArray[np.float32]]] = [[] for _ in positions]
        low_done = high_done = 0  # the range of `by_length` scored so far
        for stage, bound in enumerate(bounds):
            low = int(np.searchsorted(sorted_lengths, length_bounds(shortest, bound)[0], "left"))
            high = int(np.searchsorted(sorted_lengths, length_bounds(longest, bound)[1],
                                       "right"))
            ring = by_length[low:high] if stage == 0 else np.concatenate(
                (by_length[low:low_done], by_length[high_done:high]))
            low_done, high_done = low, high
            if ring.shape[0] and pending:
                ring_texts = [texts[i] for i in ring.tolist()]
                scores = process.cdist([queries[positions[i]] for i in pending], ring_texts,
                                       scorer=fuzz.ratio, score_cutoff=floor,
                                       dtype=np.float32, workers=workers)
                for i, row in zip(pending, scores, strict=True):
                    local = np.flatnonzero(row)
                    if local.shape[0]:
                        hit_ids[i].append(ring[local])
                        hit_scores[i].append(row[local])
            if bound == floor:
                break
            # done: a query whose limit-th best beats every text not scored yet
            pending = [i for i in pending if not _beyond(hit_scores[i], limit or 0, bound)]
        for i, position in enumerate(positions):
            if not hit_ids[i]:
                continue
            ids = np.concatenate(hit_ids[i])
            values = np.concatenate(hit_scores[i])
            if limit is not None and 0 < limit < ids.shape[0]:
                kth = np.partition(values, ids.shape[0] - limit)[ids.shape[0] - limit]
                ids = ids[values >= kth - 0.01]
            chosen = np.sort(ids).tolist()
            ranked = score_texts(queries[position], [texts[j] for j in chosen],
                                 threshold=threshold)
            found[position] = [(score, chosen[at]) for score, at in ranked[:limit]]
    return found


def _length_chunks(order: Sequence[int], queries: Sequence[str], step: int) -> list[list[int]]:
    """``order`` (queries, shortest first) cut into chunks of at most ``step`` queries
    whose lengths are within a tenth of each other: a chunk is scored against the texts
    every one of its queries could match, so a chunk of a few queries of all lengths (a
    worker's article) would score each against most texts.

    >>> _length_chunks([0, 1, 2, 3], ["a" * 10, "b" * 10, "c" * 11, "d" * 40], 3)
    [[0, 1, 2], [3]]
    """
    chunks: list[list[int]] = []
    for position in order:
        if (chunks and len(chunks[-1]) < step
                and len(queries[position]) <= len(queries[chunks[-1][0]]) * 1.1 + 1):
            chunks[-1].append(position)
        else:
            chunks.append([position])
    return chunks


def _beyond(scores: list[npt.NDArray[np.float32]], limit: int, bound: float) -> bool:
    """Whether at least ``limit`` of ``scores`` reach ``bound`` (with the margin)."""
    count = sum(part.shape[0] for part in scores)
    if limit <= 0 or count < limit:
        return False
    values = np.concatenate(scores)
    return bool(np.partition(values, count - limit)[count - limit] >= bound + _MARGIN)


def _fold(text: str) -> str:
    return "\x02" + text.casefold() + "\x03"


def _gram_hashes(
    codes: IntArray, starts: IntArray, ends: IntArray, n: int
) -> tuple[IntArray, IntArray]:
    """32-bit hashes of every n-gram inside each document, and the document of each.
    A collision only makes two n-grams share a posting list: rescoring is exact."""
    count = max(codes.shape[0] - n + 1, 0)
    hashes = np.zeros(count, dtype=np.int64)
    for offset in range(n):
        hashes *= 1_000_003
        hashes ^= codes[offset : offset + count]
        hashes &= _MASK32
    docs = np.repeat(np.arange(starts.shape[0], dtype=np.int64), ends - starts)[:count]
    valid = np.arange(count, dtype=np.int64) + n <= ends[docs]
    return hashes[valid], docs[valid]


def _unique_sorted(values: IntArray) -> IntArray:
    # np.unique is an order of magnitude slower than np.sort on 20 million int64s here.
    ordered = np.sort(values)
    if ordered.shape[0] == 0:
        return ordered
    keep = np.empty(ordered.shape[0], dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _codes_of(texts: Sequence[str]) -> tuple[IntArray, IntArray, IntArray]:
    folded = [_fold(text) for text in texts]
    lengths = np.fromiter((len(text) for text in folded), dtype=np.int64, count=len(folded))
    ends = np.cumsum(lengths)
    starts = ends - lengths
    codes = np.frombuffer("".join(folded).encode("utf-32-le"), dtype=np.uint32).astype(np.int64)
    return codes, starts, ends


class FuzzyIndex:
    """An inverted n-gram index over ``texts`` (positions are the ids returned)."""

    def __init__(
        self,
        *,
        texts: Sequence[str],
        gram_size: int,
        keys: IntArray,
        indptr: IntArray,
        postings: Int32Array,
        gram_counts: Int32Array,
    ) -> None:
        self.texts = texts
        self.gram_size = gram_size
        self._keys = keys
        self._indptr = indptr
        self._postings = postings
        self._gram_counts = gram_counts
        self._lengths = np.fromiter((len(text) for text in texts), dtype=np.int32, count=len(texts))
        self._fingerprint: str | None = None

    @property
    def fingerprint(self) -> str:
        """Equal for two indexes of the same texts (so they give the same answers)."""
        if self._fingerprint is None:
            digest = hashlib.blake2b(str(self.gram_size).encode(), digest_size=16)
            for text in self.texts:
                digest.update(b"\n" + text.encode("utf-8"))
            self._fingerprint = digest.hexdigest()
        return self._fingerprint

    @classmethod
    def build(cls, texts: Sequence[str], *, gram_size: int) -> FuzzyIndex:
        """Index ``texts``.

        >>> FuzzyIndex.build(["SCO summit", "SCO"], gram_size=3).search("SCO summits", threshold=75)
        [(95.23809523809523, 0)]
        """
        codes, starts, ends = _codes_of(texts)
        hashes, docs = _gram_hashes(codes, starts, ends, gram_size)
        pairs = _unique_sorted((hashes << _DOC_BITS) | docs)
        gram_of_pair = pairs >> _DOC_BITS
        postings = (pairs & ((1 << _DOC_BITS) - 1)).astype(np.int32)
        starts_here = np.ones(pairs.shape[0], dtype=bool)
        np.not_equal(gram_of_pair[1:], gram_of_pair[:-1], out=starts_here[1:])
        first = np.flatnonzero(starts_here)
        keys = gram_of_pair[first]
        indptr = np.append(first, pairs.shape[0]).astype(np.int64)
        gram_counts = np.bincount(postings, minlength=len(texts)).astype(np.int32)
        return cls(
            texts=texts,
            gram_size=gram_size,
            keys=keys.astype(np.int64),
            indptr=indptr,
            postings=postings,
            gram_counts=gram_counts,
        )

    def candidates(self, query: str, *, threshold: float, count: int = CANDIDATES) -> Int32Array:
        """Ids of the ``count`` texts most likely to score best against ``query``."""
        n_texts = len(self.texts)
        if n_texts == 0:
            return np.zeros(0, dtype=np.int32)
        low, high = length_bounds(len(query), threshold)
        codes, starts, ends = _codes_of([query])
        hashes, _ = _gram_hashes(codes, starts, ends, self.gram_size)
        hashes = np.unique(hashes)
        slots = np.searchsorted(self._keys, hashes)
        inside = slots < self._keys.shape[0]
        slots = slots[inside]
        slots = slots[self._keys[slots] == hashes[inside]]
        begin = self._indptr[slots]
        sizes = self._indptr[slots + 1] - begin
        order = np.argsort(sizes, kind="stable")
        chosen: list[Int32Array] = []
        spent = 0
        for slot in order:
            size = int(sizes[slot])
            if chosen and spent + size > POSTINGS_BUDGET:
                break
            start = int(begin[slot])
            chosen.append(self._postings[start : start + size])
            spent += size
        in_range = (self._lengths >= low) & (self._lengths <= high)
        if not chosen:
            pool = np.flatnonzero(in_range).astype(np.int32)
            return pool[:count]
        shared = np.bincount(np.concatenate(chosen), minlength=n_texts)
        overlap = shared / (self._gram_counts + len(hashes))
        overlap[~in_range] = -1.0
        overlap[shared == 0] = -1.0
        hits = int(np.count_nonzero(overlap >= 0.0))
        if hits <= count:
            best = np.flatnonzero(overlap >= 0.0)
        else:
            best = np.argpartition(-overlap, count)[:count]
        return best.astype(np.int32)

    def search(
        self, query: str, *, threshold: float, count: int = CANDIDATES
    ) -> list[tuple[float, int]]:
        """(score, id) of candidates scoring at least ``threshold``, best first."""
        ids = self.candidates(query, threshold=threshold, count=count).tolist()
        texts = self.texts
        return [(score, ids[position]) for score, position in
                score_texts(query, [texts[i] for i in ids], threshold=threshold)]

    def search_many(
        self, queries: Sequence[str], *, threshold: float, limit: int | None = None,
        workers: int = -1,
    ) -> list[list[tuple[float, int]]]:
        """``search`` for each of ``queries`` (the best ``limit`` of each when given):
        exact over the whole index when it is small (`score_all`, on ``workers`` threads).

        >>> index = FuzzyIndex.build(["SCO summit", "SCO summits", "summit"], gram_size=3)
        >>> index.search_many(["SCO summits", "nothing"], threshold=75, limit=1)
        [[(100.0, 1)], []]
        """
        if len(self.texts) > BRUTE_FORCE_TEXTS:
            return [self.search(query, threshold=threshold)[:limit] for query in queries]
        return score_all(queries, self.texts, threshold=threshold, limit=limit,
                         workers=workers)

    # ------------------------------------------------------------------ on disk

    def save(self, folder: Path, *, meta: Mapping[str, str | int]) -> None:
        """Write the index, its texts and ``meta`` to ``folder``, replacing it as a whole.
        Texts never hold a line break (whitespace is collapsed), so they are stored one a line."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
        try:
            np.save(temp / "keys.npy", self._keys)
            np.save(temp / "indptr.npy", self._indptr)
            np.save(temp / "postings.npy", self._postings)
            np.save(temp / "gram_counts.npy", self._gram_counts)
            (temp / "texts.txt").write_text("\n".join(self.texts), encoding="utf-8")
            info = {**meta, "format": INDEX_FORMAT, "gram_size": self.gram_size,
                    "count": len(self.texts)}
            (temp / "meta.json").write_text(json.dumps(info), encoding="utf-8")
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)
            os.replace(temp, folder)
        except OSError:
            shutil.rmtree(temp, ignore_errors=True)  # a cache: failing to save costs only time

    @classmethod
    def load(cls, folder: Path) -> tuple[FuzzyIndex, dict[str, str | int]] | None:
        """The saved index and its meta, or None when missing or corrupt."""
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if not isinstance(meta, dict) or meta.get("format") != INDEX_FORMAT:
                return None
            text = (folder / "texts.txt").read_text(encoding="utf-8")
            texts = text.split("\n") if meta["count"] else []
            keys = np.load(folder / "keys.npy")
            indptr = np.load(folder / "indptr.npy")
            postings = np.load(folder / "postings.npy")
            gram_counts = np.load(folder / "gram_counts.npy")
            if (
                keys.dtype != np.int64 or indptr.dtype != np.int64
                or postings.dtype != np.int32 or gram_counts.dtype != np.int32
                or len(texts) != meta["count"]
                or indptr.shape != (keys.shape[0] + 1,)
                or gram_counts.shape != (len(texts),)
                or int(indptr[-1]) != postings.shape[0]
                or (postings.shape[0] and int(postings.max()) >= len(texts))
            ):
                return None
            index = cls(texts=texts, gram_size=int(meta["gram_size"]), keys=keys,
                        indptr=indptr, postings=postings, gram_counts=gram_counts)
        except (OSError, ValueError, TypeError, KeyError, UnicodeDecodeError):
            return None
        return index, meta


@dataclass(frozen=True, slots=True, eq=False)
class FuzzyScorer:
    """One index's search, made ahead by forked workers for the texts each of them has:
    a sync's fuzzy search is most of its routing, and the memory is searched in one
    process. The answers are the index's own (`FuzzyIndex.search_many`; one query at a
    time gives the same), kept by the memory under ``key`` (`MemoryStorage.add_scored`).

    >>> index = FuzzyIndex.build(["SCO summit", "Council"], gram_size=3)
    >>> FuzzyScorer(index, threshold=75, limit=1).score(["SCO summits", "Council", "", "X"])
    {'SCO summits': [(95.23809523809523, 0)], 'X': []}
    """

    index: FuzzyIndex
    threshold: float
    limit: int
    known: Container[str] = ()  # queries the memory has answers for already
    # texts of the index: a query equal to one has an exact match, and is not searched
    exact: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        if not self.exact:
            object.__setattr__(self, "exact", frozenset(self.index.texts))

    @property
    def key(self) -> tuple[str, float, int]:
        return self.index.fingerprint, self.threshold, self.limit

    def score(self, queries: Iterable[str]) -> dict[str, list[tuple[float, int]]]:
        """Each query's (score, position in the index's texts), best first (none is an
        answer too); a query that is empty, already known or an indexed text is left
        out. On one thread: the caller is one of several processes."""
        todo = sorted({query for query in queries if query and query not in self.known
                       and query not in self.exact})
        found = self.index.search_many(todo, threshold=self.threshold, limit=self.limit,
                                       workers=1)
        return dict(zip(todo, found, strict=True))
