"""The sentence aligner measured on parallel texts built from the project's own sentences.

    python -m benchmarks.align            # the tables of docs/machine-translation.md
    python -m benchmarks.align --fit      # refit the confidence weights (other seeds)
    python -m benchmarks.align --heldout --directions --speed 0   # held-out set, per direction
    python -m benchmarks.align --heldout2 --speed 0               # the second held-out set

The texts: sentences written for this project in the style of official SCO texts, with
their Russian and Chinese translations (tests/data/align/sentences.yaml and the checks'
suites tests/data/checks/official/pairs.yaml, tests/data/checks/precision/clean.yaml),
drawn at random into articles of 8 to 30 sentences in paragraphs of one to five. The
translation then merges some pairs of sentences into one (a 2-1 link), the source merges
others (1-2), each side drops some sentences (1-0, 0-1) and the translation's paragraphs
are sometimes joined or cut elsewhere. The true links are known, so link precision and
recall are exact. Every link counts, the 1-0 and 0-1 ones too.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import yaml

from i18n_kit.align import PUBLISH_CONFIDENCE, Alignment, align_paragraphs
from i18n_kit.glossary.load import load_glossary
from i18n_kit.glossary.match import TermIndex
from i18n_kit.segments import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SUITES = (
    "tests/data/align/sentences.yaml",
    "tests/data/checks/official/pairs.yaml",
    "tests/data/checks/precision/clean.yaml",
)
#: Written after the lexicon and the confidence weights, never used to tune them (the
#: lexicon's second half and the semicolon-clause rule were written after reading this
#: set's errors, so it is no longer held out from them: see HELDOUT2).
HELDOUT = ("tests/data/align/heldout.yaml",)
#: Written after the lexicon's general vocabulary and the clause rule, measured once.
HELDOUT2 = ("tests/data/align/heldout2.yaml",)
PAIRS = (("en", "ru"), ("en", "zh"), ("ru", "zh"))
TARGETS = {("en", "ru"): 0.97, ("en", "zh"): 0.97, ("ru", "zh"): 0.95}
_ENDS = (".", "?", "!", "。", "？", "！")
_JOIN = {"en": "; ", "ru": "; ", "zh": "；"}

LinkKey = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass(frozen=True)
class Document:
    """A text and its translation as paragraphs of sentences, and the true links."""

    source: list[list[str]]
    target: list[list[str]]
    gold: frozenset[LinkKey]


def load_triples(suites: Sequence[str] = SUITES) -> list[dict[str, str]]:
    """The suites' sentences that are one sentence ending like one in every language."""
    triples: list[dict[str, str]] = []
    for name in suites:
        for item in yaml.safe_load((ROOT / name).read_text(encoding="utf-8")):
            texts = {lang: str(item[lang]) for lang in ("en", "ru", "zh")}
            if all(_one_sentence(text, lang) for lang, text in texts.items()):
                triples.append(texts)
    return triples


def _one_sentence(text: str, lang: str) -> bool:
    return len(split_sentences(text, lang)) == 1 and text.rstrip("»”\"'").endswith(_ENDS)


def _merge(first: str, second: str, lang: str) -> str | None:
    """Two sentences as one, as a translator joins them; None when they cannot be."""
    if not first.endswith((".", "。")) or first.endswith(("..", "...")):
        return None
    merged = first[:-1] + _JOIN[lang] + second
    return merged if _one_sentence(merged, lang) else None


def make_document(
    triples: Sequence[dict[str, str]], source_lang: str, target_lang: str, rng: random.Random,
    *, size: tuple[int, int] = (8, 30),
) -> Document:
    """One article and its translation, with merges, splits and drops."""
    chosen = rng.sample(list(triples), rng.randint(*size))
    # Units of the text: (source sentences, target sentences), each side 0 to 2 of them.
    units: list[tuple[list[str], list[str]]] = []
    position = 0
    while position < len(chosen):
        here = chosen[position]
        roll = rng.random()
        after = chosen[position + 1] if position + 1 < len(chosen) else None
        if roll < 0.08 and after is not None:  # the translation merges two sentences
            merged = _merge(here[target_lang], after[target_lang], target_lang)
            if merged is not None:
                units.append(([here[source_lang], after[source_lang]], [merged]))
                position += 2
                continue
        elif roll < 0.16 and after is not None:  # the translation splits one (1-2)
            merged = _merge(here[source_lang], after[source_lang], source_lang)
            if merged is not None:
                units.append(([merged], [here[target_lang], after[target_lang]]))
                position += 2
                continue
        elif roll < 0.20:  # the stored translation lacks a sentence
            units.append(([here[source_lang]], []))
            position += 1
            continue
        elif roll < 0.24:  # the translation has a sentence the source lacks
            units.append(([], [here[target_lang]]))
            position += 1
            continue
        units.append(([here[source_lang]], [here[target_lang]]))
        position += 1
    # Paragraphs of one to five units; the translation's mostly the same.
    breaks = [0]
    while breaks[-1] < len(units):
        breaks.append(min(len(units), breaks[-1] + rng.randint(1, 5)))
    target_breaks = list(breaks)
    for index in range(1, len(target_breaks) - 1):
        roll = rng.random()
        if roll < 0.1:
            target_breaks[index] = -1  # two paragraphs joined
        elif roll < 0.2 and target_breaks[index] - 1 > target_breaks[index - 1]:
            target_breaks[index] -= 1  # the boundary a sentence earlier
    target_breaks = [b for b in target_breaks if b >= 0]
    source = _paragraphs(units, breaks, 0)
    target = _paragraphs(units, target_breaks, 1)
    gold: set[LinkKey] = set()
    left = right = 0
    for unit in units:
        gold.add(
            (tuple(range(left, left + len(unit[0]))), tuple(range(right, right + len(unit[1]))))
        )
        left += len(unit[0])
        right += len(unit[1])
    return Document(source=source, target=target, gold=frozenset(gold))


def _paragraphs(
    units: Sequence[tuple[list[str], list[str]]], breaks: Sequence[int], side: int
) -> list[list[str]]:
    paragraphs: list[list[str]] = []
    for start, stop in zip(breaks, breaks[1:], strict=False):
        sentences = [s for unit in units[start:stop] for s in unit[side]]
        if sentences:
            paragraphs.append(sentences)
    return paragraphs


def make_documents(
    source_lang: str, target_lang: str, *, count: int, seed: int,
    suites: Sequence[str] = SUITES,
) -> list[Document]:
    """``count`` documents; the same seed gives the same ones."""
    rng = random.Random(f"{seed}:{source_lang}:{target_lang}")
    triples = load_triples(suites)
    return [make_document(triples, source_lang, target_lang, rng) for _ in range(count)]


def link_keys(alignment: Alignment) -> list[tuple[LinkKey, float]]:
    return [((link.source, link.target), link.confidence) for link in alignment.links]


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    correct: int = 0
    published: int = 0
    published_correct: int = 0
    paired_gold: int = 0

    def add(self, found: Sequence[tuple[LinkKey, float]], gold: frozenset[LinkKey]) -> None:
        self.predicted += len(found)
        self.gold += len(gold)
        self.paired_gold += sum(1 for s, t in gold if s and t)
        for key, confidence in found:
            right = key in gold
            self.correct += right
            if key[0] and key[1] and confidence >= PUBLISH_CONFIDENCE:
                self.published += 1
                self.published_correct += right

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def published_precision(self) -> float:
        return self.published_correct / self.published if self.published else 1.0


def measure(
    pair: tuple[str, str], *, count: int, seed: int, terms: TermIndex | None,
    lengths_only: bool = False, suites: Sequence[str] = SUITES, both: bool = True,
) -> Score:
    """Both directions of a language pair (``both``; else ``pair``'s own), ``count``
    documents each."""
    score = Score()
    for source_lang, target_lang in (pair, pair[::-1]) if both else (pair,):
        for document in make_documents(
            source_lang, target_lang, count=count, seed=seed, suites=suites
        ):
            alignment = align_paragraphs(
                document.source, document.target, source_lang=source_lang,
                target_lang=target_lang, glossary=terms, lengths_only=lengths_only,
            )
            score.add(link_keys(alignment), document.gold)
    return score


def fit(terms: TermIndex, *, count: int) -> None:
    """Logistic regression of link correctness on `link_features` (seeds 1000+)."""
    import numpy as np

    from i18n_kit.align import align_with_features
    from i18n_kit.align.confidence import FEATURES

    for lengths_only in (False, True):
        rows: list[tuple[float, ...]] = []
        labels: list[float] = []
        for pair in PAIRS:
            for source_lang, target_lang in (pair, pair[::-1]):
                for document in make_documents(
                    source_lang, target_lang, count=count, seed=1000
                ):
                    alignment, features = align_with_features(
                        document.source, document.target, source_lang=source_lang,
                        target_lang=target_lang, glossary=terms, lengths_only=lengths_only,
                    )
                    rows.extend(features)
                    labels.extend(
                        float((link.source, link.target) in document.gold)
                        for link in alignment.links
                    )
        x = np.array(rows)
        y = np.array(labels)
        w = np.zeros(x.shape[1])
        for _ in range(12000):
            p = 1 / (1 + np.exp(-x @ w))
            gradient = x.T @ (p - y) / len(y) + 0.001 * w
            w -= 1.0 * gradient
        print(f"lengths_only={lengths_only}: {len(y)} links, {int(len(y) - y.sum())} wrong")
        named = zip(FEATURES, w, strict=True)
        print("  " + ", ".join(f"{name}={value:.2f}" for name, value in named))
        print("  _WEIGHTS = (" + ", ".join(f"{value:.2f}" for value in w) + ")")


def speed(
    terms: TermIndex, *, sentences: int
) -> tuple[tuple[float, float], tuple[float, float], int]:
    """Seconds (wall clock, CPU) to align ``sentences`` source sentences with their
    translation: as articles, and as one text."""
    documents: list[Document] = []
    total = 0
    seed = 0
    while total < sentences:
        for document in make_documents("en", "ru", count=50, seed=5000 + seed):
            documents.append(document)
            total += sum(len(p) for p in document.source)
            if total >= sentences:
                break
        seed += 1
    started, cpu = time.perf_counter(), time.process_time()
    for document in documents:
        align_paragraphs(document.source, document.target, source_lang="en",
                         target_lang="ru", glossary=terms)
    articles = (time.perf_counter() - started, time.process_time() - cpu)
    source = [p for d in documents for p in d.source]
    target = [p for d in documents for p in d.target]
    started, cpu = time.perf_counter(), time.process_time()
    align_paragraphs(source, target, source_lang="en", target_lang="ru", glossary=terms)
    whole = (time.perf_counter() - started, time.process_time() - cpu)
    return articles, whole, total


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100, help="per direction")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--fit", action="store_true")
    parser.add_argument("--heldout", action="store_true",
                        help="texts of the held-out sentences only (tests/data/align/heldout.yaml)")
    parser.add_argument("--heldout2", action="store_true",
                        help="texts of the second held-out set only"
                        " (tests/data/align/heldout2.yaml)")
    parser.add_argument("--directions", action="store_true",
                        help="one row per direction (EN->RU, RU->EN, ...), not per pair")
    parser.add_argument("--speed", type=int, default=10_000, help="sentences (0: skip)")
    args = parser.parse_args(argv)
    suites = HELDOUT2 if args.heldout2 else HELDOUT if args.heldout else SUITES
    terms = TermIndex(load_glossary(project_dir=None))
    if args.fit:
        fit(terms, count=args.documents)
        return 0
    print("| pair | aligner | links | precision | recall | F1 | published unflagged |"
          " their precision |")
    print("|---|---|---|---|---|---|---|---|")
    failed = False
    rows = [(p, True) for p in PAIRS] if not args.directions else [
        (d, False) for p in PAIRS for d in (p, p[::-1])
    ]
    for pair, both in rows:
        arrow = "↔" if both else "→"
        for name, lengths_only in (("length only (Gale-Church)", True), ("i18n-kit", False)):
            score = measure(pair, count=args.documents, seed=args.seed, terms=terms,
                            lengths_only=lengths_only, suites=suites, both=both)
            share = score.published / score.paired_gold if score.paired_gold else 0.0
            published = f"{score.published_precision:.2%}" if score.published else "–"
            print(f"| {pair[0].upper()}{arrow}{pair[1].upper()} | {name} | {score.gold} |"
                  f" {score.precision:.1%} | {score.recall:.1%} | {score.f1:.1%} |"
                  f" {share:.0%} | {published} |")
            if not lengths_only and suites is SUITES:
                target = TARGETS[pair] if pair in TARGETS else TARGETS[pair[::-1]]
                failed |= score.f1 < target or score.published_precision < 0.995
    if args.speed:
        articles, whole, total = speed(terms, sentences=args.speed)
        print(f"\n{total} source sentences (EN->RU): {articles[0]:.2f} s as articles"
              f" ({articles[1]:.2f} s CPU), {whole[0]:.2f} s as one text"
              f" ({whole[1]:.2f} s CPU)")
        failed |= articles[1] >= 10 or whole[1] >= 10
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
