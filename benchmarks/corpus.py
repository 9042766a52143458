"""Deterministic SCO-style press-release corpora for the benchmarks, and the editor's 1 % edit.

``write_corpus(folder, articles=1000)`` makes a complete content project: ``i18n-kit.toml``
(source ``en``, targets ``ru`` and ``zh``), ``content/<slug>.md`` press releases (YAML front
matter, headings, paragraphs, some hard-wrapped, bullet lists, quotations, dates, ``Mr.``
and ``Dr.``), and ``tm/seed.tmx``, a 4,000-entry English -> Russian/Chinese memory.
About a fifth of the sentences are boilerplate shared across articles; a share are exact
or near-duplicate copies of memory entries, so exact and fuzzy lookups both matter.
``edit_corpus(folder, round_no)`` changes 1 % of the articles as an editor does: rewords
one sentence, adds one, removes one. Same arguments, same bytes.
"""

from __future__ import annotations

import random
import textwrap
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

SEED = 20261126
TM_ENTRIES = 4_000
TARGETS = ("ru", "zh")

SUBJECTS = [
    "The SCO Secretary-General", "The Deputy Secretary-General",
    "The Chairman of the SCO RATS Executive Committee",
    "The Minister of Foreign Affairs of Kazakhstan", "The Ambassador of China to Russia",
    "The Permanent Representative of India to the SCO", "A delegation of the SCO Secretariat",
    "The Council of National Coordinators", "The President of Uzbekistan",
    "The Prime Minister of Pakistan", "The Special Representative of Kyrgyzstan",
    "The Head of the SCO Business Council", "The Director of the SCO Energy Club",
    "The Chair of the SCO Interbank Consortium", "The Minister of Transport of Tajikistan",
    "The Foreign Minister of Iran", "Mr. Zhang Ming", "Dr. Rashid Alimov",
]
VERBS = [
    "held a meeting with", "met with", "received", "had talks with", "paid a working visit to",
    "took part in a conference with", "signed a memorandum with", "exchanged views with",
    "addressed a round table with", "held consultations with",
]
OBJECTS = [
    "the Ambassador of Belarus", "representatives of the Russian business community",
    "the Mayor of Tashkent", "students of Moscow State University", "the Governor of Xinjiang",
    "experts of the SCO Forum", "the Deputy Foreign Minister of Mongolia",
    "the Chairman of the Eurasian Economic Commission", "journalists from member states",
    "a delegation of Azerbaijan", "the leadership of the UN Office on Drugs and Crime",
    "the Secretary General of ASEAN", "members of the Chinese Academy of Social Sciences",
    "the Rector of Tsinghua University", "Ms. Olga Ivanova of the SCO Youth Council",
]
PLACES = [
    "in Beijing", "in Moscow", "in Astana", "in Bishkek", "in Dushanbe", "in Tashkent",
    "in New Delhi", "in Islamabad", "in Tehran", "in Minsk", "via videoconference",
    "at the SCO Secretariat", "on the sidelines of the summit", "in Qingdao", "in Samarkand",
]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December"]
TOPICS = [
    "trade and investment", "transport connectivity", "energy security",
    "the fight against terrorism", "digital economy", "public health",
    "education and youth exchanges", "tourism", "food security", "climate change",
    "cultural cooperation", "regional security", "the preparations for the upcoming summit",
    "the SCO Development Strategy until 2035",
]
PATTERNS = [
    "{subject} {verb} {obj} {place} on {day} {month} {year}.",
    "On {day} {month} {year}, {subject_l} {verb} {obj} {place}.",
    "The parties discussed {topic} and {topic2}.",
    "Special attention was paid to {topic} within the SCO framework.",
    "{subject} noted the growing role of the Organisation in {topic}.",
    "Trade between the member states reached {amount} billion US dollars in {year}.",
    "More than {count} delegates from {small} countries attended the forum {place}.",
    "The meeting of the Council of Heads of State will be held {place} in {month} {year}.",
    "{subject} expressed gratitude to {obj} for the warm welcome {place}.",
    "The sides agreed to hold the {ordinal} meeting of the working group on {topic} {place}.",
    "{subject} briefed {obj} on the results of the {ordinal} SCO Forum on {topic}.",
    "According to the Secretariat, {count} projects on {topic} were launched in {year}.",
]
ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
            "ninth", "tenth", "11th", "12th", "15th", "20th"]
HEADINGS = ["Areas of cooperation", "Results of the talks", "Background", "Next steps",
            "Economic cooperation", "Security cooperation", "Humanitarian ties",
            "Statements by the parties"]
#: The sentences every newsroom repeats (closing lines, descriptions of the Organisation).
BOILERPLATE = [
    "The meeting was held in a warm and friendly atmosphere.",
    "The talks were held in a constructive and friendly atmosphere.",
    "The parties agreed to maintain regular contacts.",
    "The sides reaffirmed their commitment to the Shanghai spirit.",
    "The Shanghai Cooperation Organisation was founded on 15 June 2001 in Shanghai.",
    "The SCO member states are India, Iran, Kazakhstan, China, Kyrgyzstan, Pakistan, "
    "Russia, Tajikistan, Uzbekistan and Belarus.",
    "The SCO Secretariat is the permanent administrative body of the Organisation.",
    "The official languages of the SCO are Russian and Chinese.",
    "The SCO Regional Anti-Terrorist Structure is headquartered in Tashkent.",
    "The Secretary-General thanked the guests for their interest in the work of the SCO.",
    "The parties noted the importance of further strengthening practical cooperation.",
    "Both sides expressed satisfaction with the level of cooperation.",
    "The Secretariat will continue to provide all necessary assistance.",
    "Mr. Zhang Ming wished the participants fruitful work.",
    "Photos of the event are available on the SCO website.",
    "The SCO covers about 60 per cent of the territory of Eurasia.",
    "The population of the SCO countries is about half of the world's population.",
    "Further information is available from the SCO Secretariat press service.",
    "The event was attended by ambassadors of the SCO member states.",
    "The parties discussed the prospects for cooperation.",
]
QUOTES = [
    "We are ready to work with all partners to make our region more secure and more "
    "prosperous",
    "The Shanghai spirit of mutual trust and mutual benefit remains our guide",
    "Connectivity is the key to the common prosperity of our peoples",
    "Our cooperation in {topic} has reached a new level",
    "Together we will achieve the goals of the SCO Development Strategy",
]
SPEAKERS = ["the Secretary-General said", "the Ambassador said", "Mr. Zhang Ming stressed",
            "Dr. Alimov noted", "the Minister said", "the President said"]

_RU = str.maketrans("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
                    "абцдефгхийклмнопкрстуввхызАБЦДЕФГХИЙКЛМНОПКРСТУВВХЫЗ")
_ZH = ("上海合作组织秘书长会见大使双方讨论贸易投资"
       "交通能源安全数字经济公共卫生教育青年旅游粮食气候文化地区")


@dataclass
class ArticleSpec:
    """One press release as blocks of sentences, before rendering to Markdown."""

    index: int
    slug: str
    title: str
    date: str
    blocks: list[tuple[str, list[str]]]  # (kind, sentences): kind in p, h2, li, quote
    wrap: bool


def make_sentence(rng: random.Random) -> str:
    """One SCO news sentence from the templates.

    >>> make_sentence(random.Random(1)).endswith(".")
    True
    """
    subject = rng.choice(SUBJECTS)
    return rng.choice(PATTERNS).format(
        subject=subject, subject_l=subject[0].lower() + subject[1:] if subject.startswith("The")
        else subject, verb=rng.choice(VERBS), obj=rng.choice(OBJECTS), place=rng.choice(PLACES),
        day=rng.randint(1, 28), month=rng.choice(MONTHS), year=rng.randint(2001, 2026),
        topic=rng.choice(TOPICS), topic2=rng.choice(TOPICS),
        amount=f"{rng.randint(10, 900)}.{rng.randint(0, 9)}", count=rng.randint(20, 3000),
        small=rng.randint(3, 40), ordinal=rng.choice(ORDINALS),
    )


def edit_sentence(rng: random.Random, text: str, edits: int) -> str:
    """``text`` with ``edits`` word-level changes, as an editor rewords a sentence.

    >>> edit_sentence(random.Random(1), "The parties met in Moscow.", 1) != ""
    True
    """
    words = text.rstrip(".").split(" ")
    for _ in range(edits):
        position = rng.randrange(len(words))
        kind = rng.random()
        if any(char.isdigit() for char in words[position]) and kind < 0.5:
            words[position] = str(rng.randint(1, 2030))
        elif kind < 0.7:
            words[position] = rng.choice(["new", "SCO", "key", "joint", "regional", "the"])
        elif kind < 0.85 and len(words) > 4:
            del words[position]
        else:
            words.insert(position, rng.choice(["also", "today", "officially", "again"]))
    words[0] = words[0][:1].upper() + words[0][1:]
    return " ".join(words) + "."


def memory_sources() -> list[str]:
    """The 4,000 English sentences of the seed memory (distinct)."""
    rng = random.Random(SEED)
    seen: set[str] = set(BOILERPLATE)
    sources = list(BOILERPLATE)
    while len(sources) < TM_ENTRIES:
        text = make_sentence(rng)
        if text not in seen:
            seen.add(text)
            sources.append(text)
    return sources


def pseudo_translate(text: str, locale_code: str) -> str:
    """A stand-in translation with the target script's characters (same length class).

    >>> pseudo_translate("SCO", "ru")
    'СЦО'
    """
    if locale_code == "ru":
        return text.translate(_RU)
    words = text.rstrip(".").split(" ")
    return "".join(_ZH[sum(map(ord, word)) % len(_ZH)] for word in words) + "。"


def make_article(index: int, memory: list[str], *, varied: bool = False,
                 heldout: bool = False) -> ArticleSpec:
    """Article ``index`` of every corpus (independent of the corpus size); ``varied``:
    a quarter as much boilerplate and half as many memory matches, exact or near;
    ``heldout``: shaped like a user's held-out archive, about 58 segments an article
    (three times as many sections) of which 40 % are sentences of their own, the rest
    boilerplate (20 %), memory entries (20 %) and edited memory entries (20 %)."""
    rng = random.Random(SEED * 7919 + index)
    boilerplate, exact, near = (0.05, 0.1, 0.175) if varied else (0.2, 0.3, 0.45)
    if heldout:
        boilerplate, exact, near = 0.2, 0.4, 0.6

    def sentence() -> str:
        roll = rng.random()
        if roll < boilerplate:
            return rng.choice(BOILERPLATE)
        if roll < exact:
            return rng.choice(memory)  # exact memory match
        if roll < near:
            return edit_sentence(rng, rng.choice(memory), rng.randint(1, 2))  # near duplicate
        return make_sentence(rng)

    year = 2015 + index % 11
    date = f"{year}-{1 + index % 12:02d}-{1 + index % 28:02d}"
    title = make_sentence(rng).rstrip(".")
    blocks: list[tuple[str, list[str]]] = [("p", [sentence() for _ in range(rng.randint(2, 4))])]
    for _ in range(rng.randint(8, 13) if heldout else rng.randint(2, 4)):
        if rng.random() < 0.4:
            blocks.append(("h2", [rng.choice(HEADINGS)]))
        blocks.append(("p", [sentence() for _ in range(rng.randint(2, 5))]))
        if rng.random() < 0.3:
            blocks.extend(("li", [sentence()]) for _ in range(rng.randint(2, 4)))
        if rng.random() < 0.3:
            quote = rng.choice(QUOTES).format(topic=rng.choice(TOPICS))
            blocks.append(("quote", [f"“{quote},” {rng.choice(SPEAKERS)}."]))
    blocks.append(("p", [rng.choice(BOILERPLATE) for _ in range(rng.randint(1, 2))]))
    return ArticleSpec(index=index, slug=f"press-release-{index:05d}", title=title, date=date,
                       blocks=blocks, wrap=index % 2 == 1)


def edit_article(spec: ArticleSpec, round_no: int) -> ArticleSpec:
    """``spec`` as an editor leaves it: one sentence reworded, one added, one removed."""
    rng = random.Random(SEED * 31 + spec.index * 1009 + round_no)
    blocks = [(kind, list(sentences)) for kind, sentences in spec.blocks]
    paragraphs = [i for i, (kind, sentences) in enumerate(blocks) if kind == "p"]
    target = blocks[rng.choice(paragraphs)][1]
    position = rng.randrange(len(target))
    target[position] = edit_sentence(rng, target[position], rng.randint(1, 3))
    blocks[rng.choice(paragraphs)][1].insert(0, make_sentence(rng))
    longest = max(paragraphs, key=lambda i: len(blocks[i][1]))
    if len(blocks[longest][1]) > 1:
        del blocks[longest][1][rng.randrange(len(blocks[longest][1]))]
    return ArticleSpec(index=spec.index, slug=spec.slug, title=spec.title, date=spec.date,
                       blocks=blocks, wrap=spec.wrap)


def render_article(spec: ArticleSpec) -> str:
    """The Markdown source of ``spec``."""
    lines = ["---", f'title: "{spec.title}"', f"date: {spec.date}", f"slug: {spec.slug}",
             "lang: en", "---", ""]
    previous = ""
    for kind, sentences in spec.blocks:
        text = " ".join(sentences)
        if kind == "h2":
            lines += [f"## {text}", ""]
        elif kind == "li":
            lines.append(f"- {text}")
        elif kind == "quote":
            if previous == "li":
                lines.append("")
            lines += [f"> {text}", ""]
        else:
            if previous == "li":
                lines.append("")
            lines += (textwrap.wrap(text, 78) if spec.wrap else [text]) + [""]
        previous = kind
    if previous == "li":
        lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def write_tmx(path: Path, sources: list[str], targets: tuple[str, ...] = TARGETS) -> None:
    """The seed memory: one ``<tu>`` per source with a ``<tuv>`` per target language."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<tmx version="1.4">',
             '  <header creationtool="i18n-kit-bench" creationtoolversion="1"'
             ' datatype="plaintext" segtype="sentence" adminlang="en" srclang="en"'
             ' o-tmf="bench"/>', "  <body>"]
    for text in sources:
        tuvs = [f'<tuv xml:lang="en"><seg>{escape(text)}</seg></tuv>'] + [
            f'<tuv xml:lang="{code}"><seg>{escape(pseudo_translate(text, code))}</seg></tuv>'
            for code in targets
        ]
        lines.append("    <tu>" + "".join(tuvs) + "</tu>")
    lines += ["  </body>", "</tmx>", ""]
    path.write_text("\n".join(lines), encoding="utf-8")


CONFIG = """[project]
name = "sco-bench"
source_language = "en"
locales = ["en", "ru", "zh"]

[paths]
content = "content"
locales = "locales"
site = "site"
tm = "tm"
"""


def write_corpus(folder: Path, *, articles: int, with_tm: bool = True,
                 varied: bool = False, heldout: bool = False) -> None:
    """A content project of ``articles`` press releases (and the seed TMX) in ``folder``;
    ``varied``: fewer repeated sentences (`make_article`) and one TMX per target language;
    ``heldout``: longer articles with 40 % of their sentences their own (`make_article`).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_corpus(Path(tmp), articles=2)
    ...     sorted(p.name for p in (Path(tmp) / "content").iterdir())
    ['press-release-00000.md', 'press-release-00001.md']
    """
    memory = memory_sources()
    (folder / "content").mkdir(parents=True, exist_ok=True)
    (folder / "i18n-kit.toml").write_text(CONFIG, encoding="utf-8")
    for index in range(articles):
        spec = make_article(index, memory, varied=varied, heldout=heldout)
        (folder / "content" / f"{spec.slug}.md").write_text(render_article(spec),
                                                            encoding="utf-8")
    if with_tm:
        (folder / "tm").mkdir(exist_ok=True)
        if varied:
            for code in TARGETS:
                write_tmx(folder / "tm" / f"seed-{code}.tmx", memory, (code,))
        else:
            write_tmx(folder / "tm" / "seed.tmx", memory)


def edited_indices(articles: int, round_no: int, share: float = 0.01) -> list[int]:
    """Which articles edit round ``round_no`` changes (at least one)."""
    rng = random.Random(SEED + 17 * round_no)
    return sorted(rng.sample(range(articles), max(1, round(articles * share))))


def retitle_article(spec: ArticleSpec, round_no: int) -> ArticleSpec:
    """``spec`` with its title corrected (the rest as it is)."""
    rng = random.Random(SEED * 53 + spec.index * 401 + round_no)
    return ArticleSpec(index=spec.index, slug=spec.slug, title=make_sentence(rng).rstrip("."),
                       date=spec.date, blocks=spec.blocks, wrap=spec.wrap)


def edit_corpus(folder: Path, *, articles: int, round_no: int, share: float = 0.01,
                titles: int = 0) -> list[str]:
    """Apply edit round ``round_no`` (>= 1) to 1 % (``share``) of the corpus in ``folder``,
    the first ``titles`` of them getting a new title too; returns the paths changed. Each
    round starts from the generated article, so successive rounds always change the
    files."""
    memory = memory_sources()
    changed: list[str] = []
    for number, index in enumerate(edited_indices(articles, round_no, share)):
        spec = edit_article(make_article(index, memory), round_no)
        if number < titles:
            spec = retitle_article(spec, round_no)
        path = folder / "content" / f"{spec.slug}.md"
        path.write_text(render_article(spec), encoding="utf-8")
        changed.append(path.as_posix())
    return changed


def correct_old_title(folder: Path, *, round_no: int) -> str:
    """Correct the title of the oldest article (press-release-00000, 1 January 2015), as
    round ``round_no`` (>= 1) of corrections; returns its path."""
    spec = retitle_article(make_article(0, memory_sources()), round_no)
    path = folder / "content" / f"{spec.slug}.md"
    path.write_text(render_article(spec), encoding="utf-8")
    return path.as_posix()


def corpus_stats(folder: Path) -> dict[str, int]:
    """Articles, sentences (approx., by full stops) and bytes of the corpus in ``folder``."""
    files = sorted((folder / "content").glob("*.md"))
    data = [path.read_text(encoding="utf-8") for path in files]
    return {"articles": len(files), "bytes": sum(len(text.encode()) for text in data),
            "words": sum(len(text.split()) for text in data)}
