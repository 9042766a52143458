"""A seeded, deterministic catalog that exercises everything msgcat's wrapping does.

English, Russian and Chinese sentences from short to far past 79 columns, URLs and
e-mail addresses, escapes (\\n inside and at the end, \\t, quotes, backslashes),
no-break spaces and other glue, full-width punctuation, strings exactly at the width
boundary, words too long to break, plurals with three Russian forms, msgctxt, fuzzy
entries with ``#|`` previous fields, obsolete ``#~`` entries with ``#~|``, translator
and extracted comments, short and long reference lists. Used by the msgcat comparison
test and by benchmarks/po_write.py.
"""

from __future__ import annotations

import random

from i18n_kit.catalogs.po import Catalog, Entry, new_catalog, new_entry

RU_PLURAL_FORMS = (
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
    "(n%100<10 || n%100>=20) ? 1 : 2);"
)
HEADER = {
    "Project-Id-Version": "sco-newsroom",
    "Language": "ru",
    "MIME-Version": "1.0",
    "Content-Type": "text/plain; charset=UTF-8",
    "Content-Transfer-Encoding": "8bit",
    "Plural-Forms": RU_PLURAL_FORMS,
}

EN_WORDS = (
    "the SCO Secretary-General press conference results summit member states observer "
    "dialogue partners heads of state Council of Foreign Ministers Regional Anti-Terrorist "
    "Structure Shanghai Cooperation Organisation Dushanbe Tashkent Bishkek Nur-Sultan "
    "Moscow Beijing New Delhi Islamabad security economic cooperation cultural humanitarian "
    "ties agreed to strengthen declaration adopted signed 2020 18.11.2020 17:07 25% "
    "COVID-19 pandemic video-conference Vladimir Norov Mirziyoyev Guterres state-of-the-art "
    "e.g. i.e. (SCO) [RATS] {draft} 1,000 3.5 US$ €20 §4 #5 @sco_eng a/b and/or "
    "well-known Prime Minister's don't it's"
).split()
RU_WORDS = (
    "Генеральный секретарь ШОС пресс-конференция итоги саммита государства-члены "
    "наблюдатели партнёры по диалогу Совет глав государств Региональная антитеррористическая "
    "структура Шанхайская организация сотрудничества Душанбе Ташкент Бишкек "
    "безопасность экономическое сотрудничество культурные гуманитарные связи "
    "договорились укреплять декларация принята подписана 2020 года 18.11.2020 25 % "
    "видеоконференция Владимир Норов «Шанхайский дух» — т. е. и т. д. (ШОС) "
    "взаимовыгодного всестороннего"
).split()
ZH_PHRASES = (
    "上海合作组织 秘书长 新闻发布会 峰会成果 成员国 观察员国 对话伙伴 国家元首理事会 "
    "外交部长理事会 地区反恐怖机构 安全 经济合作 人文交流 宣言 签署 2020年11月18日 "
    "新冠肺炎疫情 视频会议 诺罗夫 “上海精神” 《宣言》 「合作」 互利共赢 SCO RATS 25%"
).split()
ZH_PUNCT = "，、；：。！？"
URLS = (
    "https://eng.sectsco.org/news/20201118/700363.html",
    "http://rus.sectsco.org/news/20201118/700364/Itogi-sammita-SHOS.html?lang=ru&page=2",
    "https://www.example.org/a/very/long/path/that/goes/on/and/on/without/any/space/at/all/index.html",
    "info@sectsco.org",
    "ftp://files.sectsco.org/pub/2020/summit-declaration_final_v2.pdf",
)
GLUE = ("\u00a0", "\u2011", "\u202f", "\u2060", "\u200b", "\u00ad", "\u2009", "\u3000")
REFERENCES = ("content/summit.md", "content/rats-council-tashkent.md", "content/a.md", "./x.md")


def _sentence(rng: random.Random, words: int) -> str:
    kind = rng.random()
    if kind < 0.45:
        out = " ".join(rng.choice(EN_WORDS) for _ in range(words))
        out = out[:1].upper() + out[1:] + rng.choice(".!?;:")
    elif kind < 0.8:
        parts = [rng.choice(RU_WORDS) for _ in range(words)]
        if rng.random() < 0.5:  # a CMS typographer's no-break spaces after short words
            out = "".join(
                w + ("\u00a0" if len(w) <= 2 and rng.random() < 0.8 else " ") for w in parts
            ).rstrip()
        else:
            out = " ".join(parts)
        out = out[:1].upper() + out[1:] + rng.choice((".", "!", "?", "…", "»."))
    else:
        pieces = []
        for _ in range(words):
            pieces.append(rng.choice(ZH_PHRASES))
            if rng.random() < 0.3:
                pieces.append(rng.choice(ZH_PUNCT))
            elif rng.random() < 0.1:
                pieces.append(" ")
        out = "".join(pieces) + rng.choice("。！？")
    return out


def _text(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.05:  # exactly at (or one off) a width boundary
        length = rng.choice((69, 70, 71, 72, 73, 76, 77, 78, 79, 80))
        base = "".join(rng.choice("abcdefghij ") for _ in range(length))
        return base.strip() + "x" * (length - len(base.strip()))
    if roll < 0.08:  # a word with no break opportunity, longer than a line
        return rng.choice(("x" * rng.randint(70, 200), rng.choice(URLS) * 2))
    if roll < 0.10:
        return rng.choice(("", "\n", "a\n", "\n\nb", "\\", '"', "\t", '""', "\\n"))
    words = rng.choice((1, 2, 3, 5, 8, 12, 20, 30, 45))
    parts = [_sentence(rng, words)]
    while rng.random() < 0.25:
        parts.append(_sentence(rng, rng.randint(1, 15)))
    text = " ".join(parts)
    extra = rng.random()
    if extra < 0.10:
        text = text.replace(" ", " " + rng.choice(URLS) + " ", 1)
    elif extra < 0.18:
        cut = rng.randint(0, len(text))
        text = text[:cut] + rng.choice(("\n", "\\n", "\t", '"', "\\", ' "quoted" ')) + text[cut:]
    elif extra < 0.24:
        text += "\n"
    elif extra < 0.28:
        text = text.replace(" ", rng.choice(GLUE))
    elif extra < 0.31:
        text = "\n".join(_sentence(rng, rng.randint(1, 20)) for _ in range(rng.randint(2, 4)))
    elif extra < 0.33:
        text = "  " + text + "   "
    return text


def _like(source: str, target: str) -> str:
    """``target`` starting and ending with a newline exactly when ``source`` does, as
    ``msgfmt -c`` demands."""
    if not target:
        return target
    core = target.strip("\n") or "x"
    return (
        ("\n" if source.startswith("\n") else "") + core + ("\n" if source.endswith("\n") else "")
    )


def _formatted(rng: random.Random) -> tuple[str, str]:
    """A python-format pair whose directives agree, as msgfmt -c checks."""
    name = rng.choice(("date", "num", "the date", "percent"))
    source = _sentence(rng, rng.randint(1, 30)).replace("%", "%%")
    target = _sentence(rng, rng.randint(1, 30)).replace("%", "%%")
    words = source.split(" ")
    words.insert(rng.randint(0, len(words)), f"%({name})s")
    source = " ".join(words)
    cut = rng.choice([index for index, ch in enumerate(target) if ch == " "] or [0])
    target = f"{target[:cut]}%({name})s{target[cut:]}"
    return source, target


def _references(rng: random.Random) -> list[tuple[str, str]]:
    count = rng.choice((0, 1, 1, 1, 2, 3, 12))
    refs = []
    for _ in range(count):
        path = rng.choice(REFERENCES)
        if rng.random() < 0.2:
            path = "content/" + "-".join(rng.choice(EN_WORDS).lower() for _ in range(6)) + ".md"
        refs.append((path, str(rng.randint(1, 999)) if rng.random() < 0.3 else ""))
    return refs


def generate_entries(count: int, *, seed: int = 2020) -> list[Entry]:
    """``count`` unique entries (about 1 in 12 obsolete), the same for the same seed."""
    rng = random.Random(seed)
    entries: list[Entry] = []
    seen: set[tuple[str | None, str]] = set()
    while len(entries) < count:
        msgid = _text(rng)
        msgctxt = rng.choice(("title", "menu", "summit 2020", "")) if rng.random() < 0.1 else None
        if msgid == "" and msgctxt is None:
            continue
        if (msgctxt, msgid) in seen:
            continue
        seen.add((msgctxt, msgid))
        translated = rng.random() < 0.7
        msgstr = _like(msgid, _text(rng)) if translated else ""
        flags: list[str] = []
        fuzzy = rng.random() < 0.2
        if fuzzy:
            flags.append("fuzzy")
        if rng.random() < 0.03:
            flags.append("no-wrap")
        if rng.random() < 0.04:
            msgid, msgstr = _formatted(rng)
            msgstr = msgstr if translated else ""
            flags.append("python-format")
            if (msgctxt, msgid) in seen:
                continue
            seen.add((msgctxt, msgid))
        previous = _text(rng) if fuzzy and rng.random() < 0.7 else None
        plural = rng.random() < 0.06 and "python-format" not in flags
        msgid_plural = _like(msgid, _text(rng) or "items") if plural else ""
        comment = ""
        if rng.random() < 0.3:
            notes = ["terms: SCO Secretariat = Секретариат ШОС", "route: mt (no TM match >= 75%)"]
            comment = "\n".join(notes[: rng.randint(1, 2)])
        tcomment = rng.choice(("", "", "", "Checked by the editor.", "Проверено\nвторая строка"))
        obsolete = rng.random() < 0.08
        entries.append(
            new_entry(
                msgid=msgid,
                msgstr="" if plural else msgstr,
                msgctxt=msgctxt,
                msgid_plural=msgid_plural,
                msgstr_plural=(
                    {index: _like(msgid, _text(rng) or "x") for index in range(3)}
                    if plural and translated
                    else ({0: "", 1: "", 2: ""} if plural else None)
                ),
                comment=comment,
                tcomment=tcomment,
                occurrences=[] if obsolete and rng.random() < 0.8 else _references(rng),
                flags=flags,
                previous_msgctxt=msgctxt if previous is not None and rng.random() < 0.2 else None,
                previous_msgid=previous,
                previous_msgid_plural=_text(rng) if previous is not None and plural else None,
                obsolete=obsolete,
            )
        )
    return entries


def generate_catalog(count: int, *, seed: int = 2020) -> Catalog:
    """A Russian catalog with the project's header and ``count`` generated entries."""
    catalog = new_catalog(header=HEADER)
    catalog.extend(generate_entries(count, seed=seed))
    return catalog
