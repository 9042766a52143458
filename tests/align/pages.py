"""Captured pages of our own, in three languages, for the import and round-trip tests.

Each page has a site's chrome around the article (menu, clock, other news, footer), as
the SCO portal's saved pages do; the articles are written for this project.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

MENU = {"en": ("Home", "News", "Documents"), "ru": ("Главная", "Новости", "Документы"),
        "zh": ("首页", "新闻", "文件")}
OTHER = {"en": "Other news", "ru": "Другие новости", "zh": "其他新闻"}

# (slug, date, {lang: (title, [paragraph, ...])}): the Russian merges sentences, the
# Chinese drops one: as published translations do.
ARTICLES = [
    (
        "youth-forum",
        "2026-05-20",
        {
            "en": ("Youth forum of the SCO opens in Astana", [
                "On 20 May 2026, the Youth Forum of the SCO member states opened in Astana.",
                "The forum brought together 250 delegates from 18 countries. The participants"
                " discussed cooperation among universities.",
                "Young scientists presented their research projects. The exhibition showcased"
                " the cultural heritage of the member states. The students visited museums"
                " and historical sites.",
                "The participants called for closer cooperation among universities. The forum"
                " ended with a concert by young performers.",
                "The Council of Heads of State of the SCO Member States will meet in Bishkek"
                " on 15 June 2027. The meeting was attended by representatives of ministries"
                " and agencies. The ministers signed a protocol on the results of the meeting.",
                "The next forum will be held in Bishkek in 2027.",
            ]),
            "ru": ("В Астане открылся Молодёжный форум ШОС", [
                "20 мая 2026 года в Астане открылся Молодёжный форум государств – членов ШОС.",
                "Форум собрал 250 делегатов из 18 стран; участники обсудили сотрудничество"
                " между университетами.",
                "Молодые учёные представили свои исследовательские проекты. На выставке было"
                " представлено культурное наследие государств-членов. Студенты посетили музеи"
                " и исторические места.",
                "Участники призвали к более тесному сотрудничеству между университетами."
                " Форум завершился концертом молодых исполнителей.",
                "Совет глав государств – членов ШОС проведёт заседание в Бишкеке 15 июня 2027"
                " года. В заседании приняли участие представители министерств и ведомств."
                " Министры подписали протокол по итогам совещания.",
                "Следующий форум пройдёт в Бишкеке в 2027 году.",
            ]),
            "zh": ("上合组织青年论坛在阿斯塔纳开幕", [
                "2026年5月20日，上海合作组织成员国青年论坛在阿斯塔纳开幕。",
                "论坛汇聚了来自18个国家的250名代表。",
                "青年科学家介绍了各自的研究项目。展览展示了各成员国的文化遗产。"
                "学生们参观了博物馆和历史古迹。",
                "与会者呼吁加强高校间合作。论坛在青年演员的音乐会中落下帷幕。",
                "上海合作组织成员国元首理事会将于2027年6月15日在比什凯克举行会议。"
                "各部委和机构代表出席会议。各国部长签署了会议纪要。",
                "下一届论坛将于2027年在比什凯克举行。",
            ]),
        },
    ),
    (
        "secretary-general-meets-ambassador",
        "2026-05-21",
        {
            "en": ("SCO Secretary-General meets the Ambassador of Pakistan", [
                "On 21 May 2026, SCO Secretary-General Zhang Ming met the Ambassador of"
                " Pakistan to China.",
                "The parties exchanged views on regional and international issues of mutual"
                " interest. The talks were held in a friendly and constructive atmosphere.",
                "The sides discussed ways to increase mutual trade. Particular attention was"
                " paid to cooperation in the field of transport.",
                "The Secretary-General thanked the Ambassador for the support of Pakistan."
                " The sides agreed to continue consultations.",
                "The Ambassador noted the importance of further strengthening good-neighbourly"
                " relations. The SCO was founded in Shanghai on 15 June 2001. Trade between"
                " the member states grew by 12.5% in 2025.",
            ]),
            "ru": ("Генеральный секретарь ШОС встретился с Послом Пакистана", [
                "21 мая 2026 года Генеральный секретарь ШОС Чжан Мин встретился с Послом"
                " Пакистана в Китае.",
                "Стороны обменялись мнениями по региональным и международным вопросам,"
                " представляющим взаимный интерес. Переговоры прошли в дружественной и"
                " конструктивной атмосфере.",
                "Стороны обсудили пути увеличения взаимной торговли. Особое внимание было"
                " уделено сотрудничеству в области транспорта.",
                "Генеральный секретарь поблагодарил Посла за поддержку со стороны Пакистана."
                " Стороны договорились продолжить консультации.",
                "Посол отметил важность дальнейшего укрепления добрососедских отношений. ШОС"
                " была основана в Шанхае 15 июня 2001 года. Товарооборот между"
                " государствами-членами в 2025 году вырос на 12,5 %.",
            ]),
            "zh": ("上海合作组织秘书长会见巴基斯坦大使", [
                "2026年5月21日，上海合作组织秘书长张明会见巴基斯坦驻中国大使。",
                "双方就共同关心的地区和国际问题交换了意见。会谈在友好和建设性的气氛中进行。",
                "双方探讨了扩大相互贸易的途径。会议特别关注交通领域合作。",
                "秘书长感谢大使对巴基斯坦给予的支持。双方同意继续磋商。",
                "大使指出进一步加强睦邻友好关系的重要性。上合组织于2001年6月15日在上海成立。"
                "2025年，成员国之间的贸易额增长了12.5%。",
            ]),
        },
    ),
]


def page_html(lang: str, slug: str, date: str, title: str, paragraphs: list[str]) -> str:
    """A saved page: the article inside its site's chrome."""
    day = f"{date[8:10]}.{date[5:7]}.{date[:4]} 10:30"
    menu = "".join(f'<li><a href="/{lang}/">{escape(item)}</a></li>' for item in MENU[lang])
    body = "".join(f"<p>{escape(text)}</p>\n" for text in paragraphs)
    url = f"https://news.example.org/{lang}/{date[:4]}/{slug}"
    return f"""<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{escape(title)}</title>
<link rel="canonical" href="{url}">
</head>
<body>
<header><nav><ul>{menu}</ul></nav><div class="clock">09:40 Beijing</div></header>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="date">{day}</p>
<div class="body">
{body}</div>
</article>
<aside><h2>{OTHER[lang]}</h2><ul><li><a href="/x">{escape(title[:12])}…</a> 01.01.2026 09:00</li>
<li><a href="/y">{escape(title[-12:])}…</a> 02.01.2026 09:00</li></ul></aside>
</main>
<footer>© 2026 news.example.org</footer>
</body>
</html>
"""


def write_pages(folder: Path, languages: tuple[str, ...] = ("en", "ru", "zh")) -> list[Path]:
    """Every article's pages, as folder/<lang>/<slug>.html."""
    written: list[Path] = []
    for slug, date, versions in ARTICLES:
        for lang in languages:
            title, paragraphs = versions[lang]
            path = folder / lang / f"{slug}.html"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(page_html(lang, slug, date, title, paragraphs), encoding="utf-8")
            written.append(path)
    return written
