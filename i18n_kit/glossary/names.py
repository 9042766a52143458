"""The forms a person's name takes that a glossary does not list one by one.

Official Russian adds the patronymic («Михаил Владимирович Мишустин») or writes initials,
with or without spaces («Р. К. Алимов», «Р.Алимов»); every language names a person by
surname alone once introduced («Алимов заявил», "Alimov said", «阿利莫夫表示»); Chinese
writes a foreign name's given-name initial before the surname («拉·阿利莫夫»). These
derived forms are spelled here as token sequences in which two placeholders stand for a
word class rather than a word: ``INITIAL`` (one capital letter) and ``PATRONYMIC``.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from i18n_kit.glossary.model import Category, Entry, Register, Term, TermHit, TermStatus
from i18n_kit.glossary.morphology import is_patronymic

#: Placeholder keys (never a real word's key: real keys have no angle brackets).
INITIAL = "<initial>"
PATRONYMIC = "<patronymic>"
#: A surname alone is a name from this length on (shorter ones are too often words).
SHORTEST_SURNAME = 4
_ZH_DOT = "·"
_USABLE = (TermStatus.PREFERRED, TermStatus.ADMITTED)


@dataclass(frozen=True, slots=True, kw_only=True)
class DerivedForm:
    """A name form made from a listed one: its tokens (words, ``.``, placeholders)."""

    tokens: tuple[str, ...]
    term: Term  # what the form stands for, for messages: «Р. Алимов», «Алимов»


def derived_name_forms(entry: Entry, lang: str) -> Iterator[DerivedForm]:
    """Surname alone, initials + surname and (Russian) name + patronymic + surname.

    >>> from i18n_kit.glossary.model import Term
    >>> alimov = Entry(id="p", category=Category.PERSON,
    ...                terms=(Term(text="Рашид Алимов", lang="ru"),))
    >>> [" ".join(form.tokens) for form in derived_name_forms(alimov, "ru")]
    ['Рашид <patronymic> Алимов', '<initial> . Алимов', '<initial> . <initial> . Алимов', 'Алимов']
    """
    if entry.category is not Category.PERSON or _family_name_first(entry):
        return
    seen: set[tuple[str, ...]] = set()
    for term in entry.forms(lang):
        if term.status not in _USABLE:
            continue
        for tokens, text in _forms_of(term.text, lang):
            if tokens not in seen:
                seen.add(tokens)
                yield DerivedForm(
                    tokens=tokens,
                    term=Term(text=text, lang=lang, status=TermStatus.ADMITTED,
                              register=Register.SHORT),
                )


def _forms_of(name: str, lang: str) -> Iterator[tuple[tuple[str, ...], str]]:
    if lang == "zh":
        if _ZH_DOT not in name:
            return
        given, surname = name.split(_ZH_DOT, 1)[0], name.rsplit(_ZH_DOT, 1)[-1]
        if len(surname) >= 2:
            yield (given[:1], _ZH_DOT, *surname), f"{given[:1]}{_ZH_DOT}{surname}"
            yield tuple(surname), surname
        return
    words = name.split()
    if not 2 <= len(words) <= 3 or not all(w.isalpha() and w[:1].isupper() for w in words):
        return  # «Kassym-Jomart Tokayev», «V.V. Putin»: only their listed forms
    given, patronymic, surname = words[0], "", words[-1]
    if len(words) == 3:
        if lang != "ru":
            return
        if is_patronymic(words[2]):  # «Алимов Рашид Кутбиддинович»: the list order
            surname, given, patronymic = words
        elif is_patronymic(words[1]):  # «Рашид Кутбиддинович Алимов»
            given, patronymic, surname = words
        else:
            return
    if lang == "ru":
        yield (given, patronymic or PATRONYMIC, surname), f"{given} {patronymic or '…'} {surname}"
    yield (INITIAL, ".", surname), f"{given[:1]}. {surname}"
    yield (INITIAL, ".", INITIAL, ".", surname), f"{given[:1]}. … {surname}"
    if len(surname) >= SHORTEST_SURNAME:
        yield (surname,), surname


def paired_form(hit: TermHit, lang: str) -> Term | None:
    """The approved form in ``lang`` of what a hit names (`TermHit.paired`); for a
    surname alone, the surname («Putin» = «Путин», not «Владимир Путин»)."""
    if is_surname_alone(hit):
        surname = surname_form(hit.entry, lang)
        if surname is not None:
            return surname
    return hit.paired(lang)


def is_surname_alone(hit: TermHit) -> bool:
    """Whether the hit is a person's surname alone, a form the matcher derives."""
    term = hit.term
    return term is not None and " " not in term.text and "·" not in term.text \
        and "." not in term.text and (
            term not in hit.entry.terms
            or (hit.entry.category is Category.PERSON and term.register is Register.SHORT))


def surname_form(entry: Entry, lang: str) -> Term | None:
    """A person's surname alone in ``lang``, from the preferred name (None when the name
    is not a plain given name and surname).

    >>> from i18n_kit.glossary.model import Term
    >>> alimov = Entry(id="p", category=Category.PERSON, terms=(
    ...     Term(text="Рашид Алимов", lang="ru"), Term(text="拉希德·阿利莫夫", lang="zh")))
    >>> surname_form(alimov, "ru").text, surname_form(alimov, "zh").text
    ('Алимов', '阿利莫夫')
    """
    preferred = entry.preferred(lang)
    if preferred is None or entry.category is not Category.PERSON or _family_name_first(entry):
        return None
    if lang == "zh":
        surname = preferred.text.rsplit(_ZH_DOT, 1)[-1] if _ZH_DOT in preferred.text else ""
    else:
        words = preferred.text.split()
        plain = len(words) == 2 and all(w.isalpha() for w in words)
        surname = words[-1] if plain else ""
    if not surname:
        return None
    return Term(text=surname, lang=lang, status=TermStatus.ADMITTED, register=Register.SHORT)


def is_chinese_name(entry: Entry) -> bool:
    """Whether a person's name is a Chinese one, family name first (习近平, "Wang Yi")."""
    return entry.category is Category.PERSON and _family_name_first(entry)


def _family_name_first(entry: Entry) -> bool:
    """A Chinese name: the family name comes first («Си Цзиньпин», "Zhang Ming") and is
    too short to stand alone. Its Chinese form has no «·» (习近平, 张明), and its English
    form starts with a Chinese family name; 米舒斯京 (Mishustin) has no «·» either.
    """
    zh, en = entry.preferred("zh"), entry.preferred("en")
    if zh is not None and _ZH_DOT in zh.text:
        return False
    first = en.text.split()[0] if en is not None and en.text.split() else ""
    return first in CHINESE_FAMILY_NAMES


#: The common Chinese family names in pinyin, as English texts write them.
CHINESE_FAMILY_NAMES = frozenset("""
Bai Cai Cao Chang Chen Cheng Cui Dai Deng Ding Dong Du Duan Fan Fang Feng Fu Gao Gong Gu
Guo Han Hao He Hong Hou Hu Huang Jia Jiang Jin Kang Kong Lai Lei Li Liang Liao Lin Liu
Long Lu Luo Ma Mao Meng Pan Peng Qian Qiao Qin Qiu Ren Shao Shen Shi Song Su Sun Tan Tang
Tian Wan Wang Wei Wen Wu Xi Xia Xiao Xie Xiong Xu Xue Yan Yang Yao Ye Yi Yin Yu Yuan Zeng
Zhang Zhao Zheng Zhong Zhou Zhu Zou
""".split())
