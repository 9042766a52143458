"""Sentence splitter speed and accuracy against pysbd, razdel and a plain regex.

Run from the repository root: ``python benchmarks/segment_speed.py`` (needs the
``bench`` extra: pysbd, razdel). Prints one table: for each language and tool, the
golden cases of ``tests/data/segments/<lang>.txt`` it gets exactly right and its
speed in MB/s (UTF-8) over a few MB of running news text, fed one paragraph at a time
as the pipeline does.
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pysbd
import razdel

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from i18n_kit.segments.sentences import split_sentences  # noqa: E402

DATA = ROOT / "tests" / "data" / "segments"
CORPUS_BYTES = 3_000_000
MIN_SECONDS = 2.0

Splitter = Callable[[str], list[str]]

# Ordinary news sentences, so the corpus is not all tricky cases.
EXTRA: dict[str, list[str]] = {
    "en": [
        "The SCO Secretary-General held a meeting with the Ambassador of Kazakhstan to China.",
        "The parties discussed the preparations for the upcoming meeting of the Council of "
        "Heads of State.",
        "Special attention was paid to cooperation in trade, transport and energy.",
        "The Ambassador noted the growing role of the Organisation in ensuring regional "
        "security and stability.",
        "In 2020, trade between the SCO member states exceeded $300 billion.",
        "The meeting was attended by representatives of the SCO Regional Anti-Terrorist Structure.",
        "According to the Secretariat, more than 80 events were held online this year.",
        "The foreign ministers adopted a joint statement on the pandemic.",
        "Mr. Norov thanked the Chinese side for its support of the Secretariat.",
        "He stressed that the SCO does not target third countries or organisations.",
        "The next meeting of the Council of Foreign Ministers will take place in Dushanbe.",
        "Experts from research centres of the SCO countries took part in the discussion.",
        "The heads of delegations exchanged views on the situation in Afghanistan.",
        "A photo exhibition dedicated to the 75th anniversary of Victory opened in Beijing.",
        "The Secretariat will continue to promote cultural and humanitarian exchanges.",
        "Over 1,500 students from the SCO countries study at the SCO University.",
        "The event was broadcast live by CCTV, CGTN and TASS.",
        "The participants agreed to meet again in the first quarter of next year.",
    ],
    "ru": [
        "Генеральный секретарь ШОС провёл встречу с послом Казахстана в Китае.",
        "Стороны обсудили подготовку к предстоящему заседанию Совета глав государств.",
        "Особое внимание было уделено сотрудничеству в сфере торговли, транспорта и энергетики.",
        "Посол отметил возрастающую роль Организации в обеспечении региональной безопасности.",
        "В 2020 году товарооборот между государствами — членами ШОС превысил 300 млрд долларов.",
        "В заседании приняли участие представители Региональной антитеррористической структуры.",
        "По данным Секретариата, в этом году в режиме онлайн прошло более 80 мероприятий.",
        "Министры иностранных дел приняли совместное заявление о пандемии.",
        "В. И. Норов поблагодарил китайскую сторону за поддержку Секретариата.",
        "Он подчеркнул, что ШОС не направлена против третьих стран и организаций.",
        "Следующее заседание Совета министров иностранных дел пройдёт в Душанбе.",
        "В обсуждении приняли участие эксперты исследовательских центров стран ШОС.",
        "Главы делегаций обменялись мнениями о ситуации в Афганистане.",
        "В Пекине открылась фотовыставка, посвящённая 75-летию Победы.",
        "Секретариат продолжит содействовать культурно-гуманитарным обменам.",
        "Более 1500 студентов из стран ШОС обучаются в Университете ШОС.",
        "Мероприятие в прямом эфире транслировали ЦТВ, CGTN и ТАСС.",
        "Участники договорились встретиться вновь в первом квартале следующего года.",
    ],
    "zh": [
        "上合组织秘书长会见哈萨克斯坦驻华大使。",
        "双方讨论了即将举行的成员国元首理事会会议的筹备工作。",
        "双方特别关注贸易、交通和能源领域的合作。",
        "大使指出，本组织在维护地区安全与稳定方面的作用日益增强。",
        "2020年，上合组织成员国之间的贸易额超过3000亿美元。",
        "上合组织地区反恐怖机构代表出席了会议。",
        "据秘书处介绍，今年有80多场活动在线上举行。",
        "外长们通过了关于疫情的联合声明。",
        "诺罗夫感谢中方对秘书处工作的支持。",
        "他强调，上合组织不针对第三国或其他组织。",
        "下一次外长理事会会议将在杜尚别举行。",
        "上合组织国家研究中心的专家参加了讨论。",
        "代表团团长就阿富汗局势交换了意见。",
        "纪念胜利75周年图片展在北京开幕。",
        "秘书处将继续促进人文交流。",
        "来自上合组织国家的1500多名学生在上合组织大学学习。",
        "中央电视台、中国国际电视台和塔斯社对活动进行了直播。",
        "与会者商定于明年第一季度再次会晤。",
    ],
}


def load_cases(lang: str) -> list[tuple[str, list[str]]]:
    """Golden cases, read as tests/segments/test_sentences.py reads them."""
    cases: list[tuple[str, list[str]]] = []
    text = (DATA / f"{lang}.txt").read_text(encoding="utf-8")
    for chunk in text.split("\n\n"):
        lines = [line for line in chunk.splitlines() if line and not line.startswith("#")]
        if lines:
            decoded = [line.replace("↵", "\n").replace("⍽", "\u00a0") for line in lines]
            cases.append((decoded[0][2:], decoded[1:]))
    return cases


def build_corpus(lang: str) -> list[str]:
    """Paragraphs of 2-6 sentences drawn from the golden inputs and EXTRA, ~3 MB."""
    rng = random.Random(f"segment-speed-{lang}")
    pool = [text for text, _ in load_cases(lang)] + EXTRA[lang] * 3
    glue = "" if lang == "zh" else " "
    paragraphs: list[str] = []
    size = 0
    while size < CORPUS_BYTES:
        paragraph = glue.join(rng.choice(pool) for _ in range(rng.randint(2, 6)))
        paragraphs.append(paragraph)
        size += len(paragraph.encode("utf-8"))
    return paragraphs


def ours(lang: str) -> Splitter:
    return lambda text: [text[start:end] for start, end in split_sentences(text, lang)]


def with_pysbd(lang: str) -> Splitter:
    segmenter = pysbd.Segmenter(language=lang, clean=False)
    return lambda text: [s.strip() for s in segmenter.segment(text) if s.strip()]


def with_razdel(text: str) -> list[str]:
    return [sentence.text for sentence in razdel.sentenize(text)]


_ZH_REGEX = re.compile(r"[^。！？]*(?:[。！？]+[”’」』）》]*|$)")


def with_zh_regex(text: str) -> list[str]:
    return [s.strip() for s in _ZH_REGEX.findall(text) if s.strip()]


def accuracy(split: Splitter, cases: list[tuple[str, list[str]]]) -> int:
    right = 0
    for text, expected in cases:
        try:
            right += split(text) == expected
        except Exception:  # a rival tool crashing on a case counts as a miss
            pass
    return right


def speed(split: Splitter, paragraphs: list[str]) -> float:
    """MB/s over as many paragraphs as fit in MIN_SECONDS (all of them for fast tools)."""
    done = 0
    began = time.perf_counter()
    for paragraph in paragraphs:
        split(paragraph)
        done += len(paragraph.encode("utf-8"))
        if time.perf_counter() - began > MIN_SECONDS:
            break
    return done / (time.perf_counter() - began) / 1e6


def main() -> None:
    tools: dict[str, list[tuple[str, Splitter]]] = {
        "en": [("i18n-kit", ours("en")), ("pysbd", with_pysbd("en"))],
        "ru": [
            ("i18n-kit", ours("ru")),
            ("pysbd", with_pysbd("ru")),
            ("razdel", with_razdel),
        ],
        "zh": [
            ("i18n-kit", ours("zh")),
            ("pysbd", with_pysbd("zh")),
            ("regex", with_zh_regex),
        ],
    }
    print(f"{'lang':<5}{'tool':<10}{'golden':>10}{'MB/s':>9}")
    for lang, rivals in tools.items():
        cases = load_cases(lang)
        corpus = build_corpus(lang)
        for name, split in rivals:
            right = accuracy(split, cases)
            rate = speed(split, corpus)
            print(f"{lang:<5}{name:<10}{f'{right}/{len(cases)}':>10}{rate:>9.2f}")


if __name__ == "__main__":
    main()
