"""A small lexicon of the words official news texts are made of, in en, ru and zh.

The glossary names states, bodies, people and documents; it has no word for "talks",
"exhibition" or "students", and a sentence made only of such words has nothing but its
length to be aligned by. This list gives the aligner (as hunalign's dictionary does) the
few hundred words that carry the meaning of most such sentences. Each line is one
concept: English word starts, Russian word starts (matched against lower-cased words, so
every form of the word), and Chinese words (matched anywhere in the sentence).
Lines starting with ``#`` are comments. Written for this project; extend it with the
words of your own texts (a word already listed keeps its first line).
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
# The general vocabulary of news of the organisation's fields (economy, transport,
# culture, security, health, sport, awards) and the verbs news is told with.
company companies enterprise|компани предприят фирм|企业 公司
business entrepreneur|бизнес деловы предпринимат|工商界 商界 企业家
bank banking|банк|银行
financ|финанс|金融 财政
loan credit|кредит займ|贷款 信贷
currenc|валют|货币 本币
market|рынк рынок рыноч|市场
export|экспорт|出口
import|импорт|进口
customs|таможн|海关
border|границ пограничн|边境 边界
visa|виз|签证
project|проект|项目
infrastructur|инфраструктур|基础设施
railway rail train|железн поезд|铁路 列车
road highway motorway|дорог автомобильн шоссе|公路 道路
bridge|мост|桥梁 大桥
port seaport|морск порт|港口
airport|аэропорт|机场
flight|рейс перелёт авиа|航班 直航
logistic|логистик|物流
corridor|коридор|走廊
pipeline|трубопровод газопровод нефтепровод|管道
oil|нефт|石油
gas|газ|天然气
electricit|электроэнерг электростанц|电力
solar|солнечн|太阳能
climate|климат|气候
water|вода воды водой водн водоснабж|用水 水源 供水 饮用水 水利
river|река реки рекой|河流
lake|озер|湖泊
mountain|гора горы горах горн|山区 山脉 高山
forest tree trees|лес дерев|树木 植树 森林
garden park|сад парк|公园 花园 园区
food grain|продовольств зерн|粮食
farmer|фермер|农民
product goods|продукц товар|产品 商品
industr|промышлен индустри|工业 产业
technolog|технолог|技术 科技
innovat|инновац|创新
space satellite|космич спутник|航天 卫星 太空
internet online|интернет онлайн|互联网 线上 网络
artificial|искусственн|人工智能
school pupil|школ школьник|学校 中学 小学
teacher|учител преподават|教师
children child|дети детей детск детям детьми ребён ребен|儿童 孩子
women woman|женщин|妇女 女性
volunteer|волонт|志愿者
award prize|наград преми призы призов приза|奖项 颁奖 奖品 颁发
winner|победител|获奖者 获胜者
certificate diploma|сертификат диплом|证书
graduat|выпускник|毕业生
book|книг|图书 书籍
library|библиотек|图书馆
language|язык|语言 语种
translat|перевод|翻译
literatur writer poet|литератур писател поэт|文学 作家 诗人
music musician orchestra|музык оркестр|音乐 乐团
song|песн|歌曲
danc|танц|舞蹈
theatre theater|театр|剧院 戏剧
painting painter artist|живопис художник|画家 绘画 艺术家
photo|фото|摄影 照片
craft|ремесл|手工艺
cuisine dish|кухн блюд|美食 菜肴
games|игр|运动会
marathon|марафон|马拉松
tournament championship|турнир чемпионат|锦标赛 联赛
champion|чемпион|冠军
team|команд|球队 代表队
athlete|спортсмен|运动员
city cities|город|城市
capital|столиц|首都
village|деревн|村庄 乡村 农村
province|провинц област|省份
citizen|граждан|公民
population people|населен|人民 民众
nation national|национальн|民族 全国
leader|лидер руководител руководств|领导人
director|директор|主任 局长 司长
official officials|официальн должностн|官员
staff personnel|кадр персонал|人员 人才
specialist|специалист|专业人员
officer|сотрудник|工作人员
police|полиц|警察 警方
army military|армия армии вооружённ военн|军队 军事
defence defense|оборон|国防 防务
exercise drill|учени|演习
crime criminal|преступн|犯罪
corruption|коррупц|腐败
cyber|кибер|网络安全
information|информац|信息
peace peaceful|мирн|和平
stability stable|стабильн|稳定
prosperity|процветан|繁荣
crisis|кризис|危机
threat challenge|угроз вызов|威胁 挑战
settlement|урегулирован|解决
law legal|закон правов|法律
court justice|суд юстиц|法院 司法
parliament|парламент|议会
election|выбор|选举
observation observ|наблюден|观察
mission|мисси|使团 观察团
embassy|посольств|使馆 大使馆
consul|консул|领事
diplomat|дипломат|外交官
foreign-policy policy|политик|政策
relations|отношени|关系
partnership|партнёрств партнерств|伙伴关系
strateg|стратег|战略
comprehensive|всеобъемлющ|全面
practical|практическ|务实
concrete|конкретн|具体
multilateral|многосторонн|多边
bilateral|двусторонн|双边
global|глобальн|全球
world|мирово|世界
asia asian|азиат ази|亚洲
europe|европ|欧洲
eurasia|евразийск|欧亚
institute|институт|研究所 学院
academy|академи|科学院
laborator|лаборатор|实验室
course training|курс обучен|培训
lecture|лекци|讲座
olympiad|олимпиад|奥林匹克竞赛
scholarship|стипенди|奖学金
today|сегодня|今天
yesterday|вчера|昨天
annual|ежегодн|年度 每年
regular|регулярн|定期
first|перв|首次 首届 第一
second|втор|第二
third|трет|第三
ancient|древн|古代 古老
modern|современн|现代
historic|историческ|历史性
joint|совместн|联合
hold held|провел проведен состоял|举行 举办
open opened opening|открыт открыл|开幕 开通 启动 揭幕
closing closed|закрыт|闭幕
launch|запуст запуск|发射
complete finish|заверш|完成 结束
build built construct|постро строительств сооружен|建设 修建 建成
create establish|созда учрежд|建立 成立 设立
support|поддерж|支持
welcom|приветств|欢迎
reaffirm confirm|подтверд|重申 确认
stress emphasi underline|подчеркн|强调
note noted|отмети|指出 注意到
express|выраз|表示 表达
call|призва призыв|呼吁
agree|договор согласи|同意 商定
assess evaluat|оцени оценк|评估 评价
present presented|представил презентац|介绍 推介
announc|объяв|宣布
publish|опубликова|发表 发布
promot|продвижен содейств|促进 推动
facilitat|способств облегч|便利
ensure|обеспеч|确保 保障
protect|защит|保护
preserv|сохран|保存
prevent|предотвращ|预防 防止
combat countering counteract fight|борьб противодейств|打击
coordinat|координац|协调
consult|консультац|磋商
dialogue dialog|диалог|对话
contact|контакт|接触 联系
link connect|связ соедин|连接 联通
simplif|упрощ|简化
procedure|процедур|手续 程序
rule regulation|правил регулирова|规则 规定
standard|стандарт|标准
mechanism|механизм|机制
system|систем|体系 系统
platform|платформ|平台
number|числ|数量
volume|объём объем|总量 规模
rate|темп|速度
decline decreas fell|сниз сокращ|下降 减少
record|рекорд|纪录 创纪录
dollar|доллар|美元
rouble ruble|рубл|卢布
tonne ton|тонн|吨
kilometre kilometer|километр км|公里
hectare|гектар|公顷
square|площад|广场
hall|зал|大厅 展厅 会议厅
headquarters|штаб|总部
building|здани|大楼
hospital|больниц госпитал|医院
clinic|клиник|诊所
doctor|врач|医生
patient|пациент|患者
vaccine|вакцин|疫苗
epidemic pandemic|эпидеми пандеми|疫情 流行病
flood|наводнен паводк|洪水
earthquake seismic|землетрясен сейсмич|地震
fire|пожар|火灾
rescue|спасат спасен|救援
aid assistance|помощ|援助 帮助
donat|пожертв|捐赠
humanitarian|гуманитарн|人道主义
refugee|беженц|难民
poverty|бедност|贫困
employment job|занятост трудоустр|就业
income|доход|收入
wage salary|зарплат|工资
price|цена цены ценам ценах|价格
tax|налог|税
reform|реформ|改革
modernis moderniz|модернизац|现代化
industrialis|индустриализац|工业化
transit|транзит|过境 中转
container|контейнер|集装箱
freight cargo|груз|货物 货运
passenger|пассажир|旅客 乘客
tourist|турист|游客
hotel|гостиниц отел|酒店 宾馆
guest|гост|来宾 嘉宾 客人
audience viewer spectator|зрител болельщик|观众
ceremony|церемон|仪式
celebrat|праздн|庆祝 庆典
holiday|праздник|节日
victory|побед|胜利
memory remembrance|памят|纪念
veteran|ветеран|老兵
tribute|почтил почтили|缅怀
flower|цвет|鲜花
plaque|доск табличк|纪念牌 牌匾
schedule timetable|график расписан|日程
event activit|мероприят деятельност|活动
task|задач|任务
goal aim objective|цели целью целей|目标
priorit|приоритет|优先
direction area areas field sphere|направлен сфер|方向 领域
sector|сектор отрасл|部门 行业
resource|ресурс|资源
capacity|мощност|能力 产能
quality|качеств|质量
demand|спрос|需求
suppl|поставк|供应
vehicle|автомобил машин|汽车 车辆
electric|электромобил электрическ|电动
green|зелён зелен|绿色
sustainab|устойчив|可持续
candidate|кандидат|候选
accession join|присоедин вступлен|加入
status|статус|地位
hybrid|смешанн гибридн|线上线下
format|формат|形式 方式
video|видео|视频
broadcast live|трансляц эфир|直播 转播
website|сайт|网站
television|телевиден телеканал|电视
interview|интервью|采访
article|стать|文章
science|наук|科学
brief inform|проинформир информир сообщил сообщи сообщен|通报
review consider|рассмотр рассматр|审议
chairmanship presidency|председательств|主席国 轮值主席国
conflict|конфликт|冲突
factory|завод фабрик|工厂
center centre|центр|中心
"""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, dict[str, int]], re.Pattern[str], dict[str, int]]:
    starts: dict[str, dict[str, int]] = {"en": {}, "ru": {}}
    chinese: dict[str, int] = {}
    for number, line in enumerate(_LEXICON.strip().splitlines()):
        if line.startswith("#"):
            continue
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

    >>> concepts("The talks were held.", "en") == concepts("Переговоры состоялись.", "ru")
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
