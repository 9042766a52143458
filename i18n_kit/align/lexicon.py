"""A small lexicon of the words official news texts are made of, in en, ru and zh.

The glossary names states, bodies, people and documents; it has no word for "talks",
"exhibition" or "students", and a sentence made only of such words has nothing but its
length to be aligned by. This list gives the aligner (as hunalign's dictionary does) the
few hundred words that carry the meaning of most such sentences. Each line is one
concept: English word starts, Russian word starts (matched against lower-cased words, so
every form of the word), and Chinese words (matched anywhere in the sentence).
Written for this project; extend it with the words of your own texts.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["concepts"]

_LEXICON = """
meeting meet session|заседан совещан встреч|会议 会见 会晤
talks negotiat|переговор|会谈 谈判
cooperat|сотрудничеств|合作
delegat|делегац|代表团
side parties party|сторон|双方 各方
minister ministr|министр|部长
prime|премьер|总理
president|президент|主席 总统
secretary-general|генеральн|秘书长
ambassador|посол посл|大使
forum|форум|论坛
exhibit|выставк экспозиц|展览 展示
festival|фестивал|电影节 艺术节 文化节
concert|концерт|音乐会
student|студент|学生
young youth|молод молодёж|青年
scientist scholar research|учён научн исследоват|科学家 研究
universit|университет вуз|大学 高校
culture cultural|культур|文化
heritage|наследи|遗产
histor|истори|历史
museum|музе|博物馆
tour|туризм туристическ|旅游
transport|транспорт|交通 运输
agricultur|сельск|农业
econom|экономи|经济
digital|цифров|数字
trade|торгов товарооборот|贸易
invest|инвестиц|投资
energ|энерг|能源
security|безопасност|安全
terror|терроризм террорист|恐怖
drug narcotic|наркотик|毒品
extremis|экстремизм|极端
environment ecolog|окружающ экологи|环境 生态
health medic|здравоохранен медицин|卫生 医疗
educat|образовани|教育
sport|спорт|体育
disaster emergenc|бедстви чрезвычайн|灾害 救灾
experience|опыт|经验
expert|эксперт|专家
seminar|семинар|研讨会
conference|конференц|大会 会议
round|кругл|圆桌
press|пресс|新闻发布会
journalist media|журналист сми|记者 媒体
film|фильм кино|电影 影片
competition contest|конкурс соревнован|比赛 大赛
wreath|венок|花圈
monument memorial|памятник мемориал|纪念碑
document|документ|文件
protocol|протокол|纪要 议定书
communiqu|коммюнике|公报
declaration|декларац|宣言
statement|заявлен|声明
agreement|соглашен|协定 协议
memorandum|меморандум|备忘录
programme program|программ|计划 纲要 方案
plan|план|计划 规划
report|доклад отчёт отчет|报告
budget|бюджет|预算
decision|решени|决定 决议
proposal initiative|предложен инициатив|建议 倡议
sign|подписа подписан|签署
adopt approve|принял приня одобр утверд|通过 批准
discuss|обсуд обсужд|讨论 探讨
exchang|обмен|交流 交换
view opinion|мнени|意见 看法
issue question|вопрос|问题
region|регион|地区
international|международн|国际
mutual|взаимн|相互 共同
friend|друж|友好 友谊
neighbo|добрососед|睦邻
trust|довери|互信
develop|развит|发展
strength|укреплен|加强 巩固
expand increas grow|расширен увеличен рост вырос|扩大 增长 增加
thank|благодар|感谢
hospitality|гостеприимств|款待
congratulat|поздрав|祝贺
anniversar|годовщин летия юбиле|周年
visit|посет визит|访问 参观
arriv|прибы|抵达
host|принимающ|东道
chair|председател|主席 主持
attend particip|участ|出席 参加 与会
represent|представ|代表
heads|глав|首脑 元首 团长
council|совет|理事会
secretariat|секретариат|秘书处
member|член|成员
observer|наблюдател|观察员
partner|партн|伙伴
state country countries|государств стран|国家
government|правительств|政府
foreign|иностранн|外交
deputy|заместител|副部长 副主席 副总理 副秘书长
working|рабоч|工作组
summit|саммит|峰会
charter|хартия хартии устав|宪章
principle|принцип|原则
commitment|приверженност|恪守 致力
importance important|важн значени|重要
attention|внимани|关注 重视
potential|потенциал|潜力
level|уровн|水平
result outcome|итог результат|成果 结果
prepar|подготовк подготов|筹备 准备
implement|выполнен реализац|落实 执行
continu|продолж|继续 持续
next|следующ очередн|下一 下次
"""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, int]], re.Pattern[str], dict[str, int]]:
    starts: dict[str, dict[str, int]] = {"en": {}, "ru": {}}
    chinese: dict[str, int] = {}
    for number, line in enumerate(_LEXICON.strip().splitlines()):
        english, russian, han = line.split("|")
        for lang, words in (("en", english), ("ru", russian)):
            for word in words.split():
                starts[lang].setdefault(word, number)
        for word in han.split():
            chinese.setdefault(word, number)
    # Longest Chinese words first, so 新闻发布会 wins over 会.
    pattern = re.compile("|".join(sorted(map(re.escape, chinese), key=len, reverse=True)))
    return starts, pattern, chinese


def concepts(text: str, lang: str) -> set[int]:
    """The lexicon's concepts a sentence names (numbers of lines of the lexicon).

    >>> concepts("The talks were held.", "en") == concepts("Переговоры прошли.", "ru")
    True
    >>> concepts("会谈在友好气氛中进行。", "zh") == concepts("Friendly talks.", "en")
    True
    """
    starts, pattern, chinese = _tables()
    if lang == "zh":
        return {chinese[match.group()] for match in pattern.finditer(text)}
    table = starts.get(lang)
    if table is None:
        return set()
    found: set[int] = set()
    for match in _WORD.finditer(text.lower()):
        word = match.group()
        for size in range(min(len(word), 18), 2, -1):
            number = table.get(word[:size])
            if number is not None:
                found.add(number)
                break
    return found
