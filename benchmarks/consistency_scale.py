"""Time the project-level checks (consistency, proofreading) on a generated archive.

    python -m benchmarks.consistency_scale [--articles 10000] [--folder /tmp/qa-scale]

Writes ``articles`` small English articles (content/) and their Russian and Chinese
catalogs (about 12 entries each, a third of them newsroom boilerplate repeated across
the archive, a few planted stray variants), then times ``check_consistency`` and
``check_proofreading`` alone, as ``i18n-kit check`` runs them. Figures: docs/checks.md.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

from benchmarks.corpus import make_sentence
from i18n_kit.checks.consistency import CHECK_IDS as CONSISTENCY
from i18n_kit.checks.consistency import check_consistency
from i18n_kit.checks.proofread import CHECK_IDS as PROOFREAD
from i18n_kit.checks.proofread import check_proofreading
from i18n_kit.config import load_config

BOILERPLATE = [
    ("The meeting was held in a friendly and constructive atmosphere.",
     "Встреча прошла в дружественной и конструктивной атмосфере.",
     "会见在友好和建设性的气氛中进行。"),
    ("The SCO Secretariat is the permanent executive body of the Organisation.",
     "Секретариат ШОС является постоянно действующим исполнительным органом Организации.",
     "上合组织秘书处是本组织常设行政机构。"),
    ("The sides exchanged views on the international and regional agenda.",
     "Стороны обменялись мнениями по международной и региональной повестке.",
     "双方就国际和地区议程交换了意见。"),
    ("The Secretary-General wished the Ambassador every success in his new post.",
     "Генеральный секретарь пожелал Послу успехов на новом посту.",
     "秘书长祝愿大使在新岗位上工作顺利。"),
]


def _po(lang: str, slug: str, entries: list[tuple[str, str]]) -> str:
    parts = [f'msgid ""\nmsgstr ""\n"Language: {lang}\\n"\n'
             '"Content-Type: text/plain; charset=UTF-8\\n"\n']
    for source, target in entries:
        parts.append(f"#: content/{slug}.md\nmsgid {json.dumps(source, ensure_ascii=False)}\n"
                     f"msgstr {json.dumps(target, ensure_ascii=False)}\n")
    return "\n".join(parts)


def write_archive(folder: Path, articles: int) -> None:
    rng = random.Random(22)
    (folder / "content").mkdir(parents=True, exist_ok=True)
    (folder / "i18n-kit.toml").write_text(
        '[project]\nname = "scale"\nsource_language = "en"\nlocales = ["en", "ru", "zh"]\n',
        "utf-8")
    for lang in ("ru", "zh"):
        (folder / "locales" / lang / "LC_MESSAGES" / "articles").mkdir(parents=True,
                                                                       exist_ok=True)
    for index in range(articles):
        slug = f"a{index:05d}"
        sentences = list(dict.fromkeys(make_sentence(rng) for _ in range(8)))
        boiler = rng.sample(BOILERPLATE, 4)
        body = "\n\n".join(sentences + [en for en, _, _ in boiler])
        (folder / "content" / f"{slug}.md").write_text(
            f"---\ntitle: Article {index}\ndate: 2026-01-01\nslug: {slug}\n---\n\n{body}\n",
            "utf-8")
        for column, lang in ((1, "ru"), (2, "zh")):
            entries = [(s, f"[{lang}] {s}") for s in sentences]
            for row in boiler:
                target = row[column]
                if index % 997 == 0:  # a stray variant now and then
                    target = target.replace("Встреча", "Беседа").replace("会见", "会谈")
                entries.append((row[0], target))
            (folder / "locales" / lang / "LC_MESSAGES" / "articles" / f"{slug}.po").write_text(
                _po(lang, slug, entries), "utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--folder", type=Path, default=Path("/tmp/qa-scale"))
    args = parser.parse_args()
    if not (args.folder / "i18n-kit.toml").is_file():
        started = time.perf_counter()
        write_archive(args.folder, args.articles)
        print(f"wrote {args.articles} articles in {time.perf_counter() - started:.1f} s")
    config = load_config(args.folder / "i18n-kit.toml")
    for name, checker, ids in (("consistency", check_consistency, CONSISTENCY),
                               ("proofreading", check_proofreading, PROOFREAD)):
        started = time.perf_counter()
        found = list(checker(config, ids))
        print(f"{name}: {len(found)} findings in {time.perf_counter() - started:.2f} s")


if __name__ == "__main__":
    main()
