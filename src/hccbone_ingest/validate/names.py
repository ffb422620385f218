"""Person names, and lists of them (an author line published where a title or abstract belongs).

A Chinese name is 2–6 CJK characters (5–6 for compound surnames and minority names written
without a dot, `努尔艾力江`), or parts joined by a middle dot (`阿依古丽·买买提`); padding spaces
(`王 雯`) are allowed. An English name is 1–5 words of letters,
hyphens and apostrophes, with initials (`Li X`, `J. Smith`), upper-case surnames (`ZHANG San`)
and lower-case particles (`de la Cruz`). Neither ever holds a digit, an `@`, a field label or
an institution word. Whether a run of short CJK words is a *list of names* (rather than a list
of drugs or diseases) is decided by the Chinese surname each of them starts with.
"""

from __future__ import annotations

import re

from .common import CJK_CHARS, junk_reason, n_cjk
from .institutions import has_institution_word

# Single-character surnames (百家姓 and the common modern ones outside it).
SURNAMES_1 = frozenset(
    "赵钱孙李周吴郑王冯陈褚卫蒋沈韩杨朱秦尤许何吕施张孔曹严华金魏陶姜戚谢邹喻柏水窦章云苏潘葛奚范彭郎"
    "鲁韦昌马苗凤花方俞任袁柳酆鲍史唐费廉岑薛雷贺倪汤滕殷罗毕郝邬安常乐于时傅皮卞齐康伍余元卜顾孟平"
    "黄和穆萧尹姚邵湛汪祁毛禹狄米贝明臧计伏成戴谈宋茅庞熊纪舒屈项祝董梁杜阮蓝闵席季麻强贾路娄危江童"
    "颜郭梅盛林刁钟徐邱骆高夏蔡田樊胡凌霍虞万支柯昝管卢莫经房裘缪干解应宗丁宣贲邓郁单杭洪包诸左石崔"
    "吉钮龚程嵇邢滑裴陆荣翁荀羊於惠甄曲家封芮羿储靳汲邴糜松井段富巫乌焦巴弓牧隗山谷车侯宓蓬全郗班仰"
    "秋仲伊宫宁仇栾暴甘钭厉戎祖武符刘景詹束龙叶幸司韶郜黎蓟薄印宿白怀蒲邰从鄂索咸籍赖卓蔺屠蒙池乔阴"
    "鬱胥能苍双闻莘党翟谭贡劳逄姬申扶堵冉宰郦雍卻璩桑桂濮牛寿通边扈燕冀郏浦尚农温别庄晏柴瞿阎充慕连"
    "茹习宦艾鱼容向古易慎戈廖庾终暨居衡步都耿满弘匡国文寇广禄阙东欧殳沃利蔚越夔隆师巩厍聂晁勾敖融冷"
    "訾辛阚那简饶空曾毋沙乜养鞠须丰巢关蒯相查后荆红游竺权逯盖益桓公"
    "闫岳帅缑亢况佘佴墨哈谯笪年爱阳佟言福付覃谌仝亓冼揭晋楚涂钦商牟代兰邸员衣修栗冶粟战过植蹇泮母"
    "么檀银敬邝区苟凃肖庹展眭逢降来琚种迟鹿句雒郇鄢蔺操宇麦练"
    "趙錢孫衛蔣瀋韓楊許呂張嚴華魏陶薑謝鄒雲蘇葛範彭魯韋馬鳳鮑費廉薛賀湯羅畢鄔樂傅齊顧黃蕭堯邵湯穆"
    "貝臧戴宋龐熊紀項董梁賈婁顏郭鍾徐駱樊淩萬盧莫繆單龔嚴邢陸榮翁蔔甄曲靳焦穀車侯寧欒暴厲劉葉黎龍"
    "趙嶽閆馮陳鄭鄧饒聶蔡楊吳孫"
)
SURNAMES_2 = frozenset(
    "万俟 司马 上官 欧阳 夏侯 诸葛 闻人 东方 赫连 皇甫 尉迟 公羊 澹台 公冶 宗政 濮阳 淳于 单于 太叔 申屠 "
    "公孙 仲孙 轩辕 令狐 钟离 宇文 长孙 慕容 鲜于 闾丘 司徒 司空 亓官 司寇 子车 颛孙 端木 巫马 公西 漆雕 "
    "乐正 壤驷 公良 拓跋 夹谷 宰父 谷梁 段干 百里 东郭 南门 呼延 羊舌 微生 梁丘 左丘 东门 西门 南宫 第五 "
    "歐陽 司馬 諸葛 上官 東方 皇甫 令狐 長孫 慕容 鍾離 宇文 尉遲".split()
)

_CJK = f"[{CJK_CHARS}]"
_DOTS = "·•・‧.．"
_ZH_NAME = re.compile(f"^{_CJK}{{2,6}}$")
_ZH_DOTTED = re.compile(f"^{_CJK}{{1,8}}(?:\\s*[{_DOTS}]\\s*{_CJK}{{1,8}}){{1,3}}$")
# Characters and words that do not occur in personal names (function words, chrome, medicine).
_NOT_IN_ZH_NAMES = re.compile(
    r"[的了是在与及或对该患者例癌瘤症吗呢们]|研究|分析|观察|评价|影响|治疗|临床|病例|方法|结果|结论|目的|"
    r"意义|进展|综述|诊断|摘要|全文|图表|文献|作者|信息|历史|编辑|日期|基金|项目|单位|主办|主管|本刊|暂无|未知|"
    r"匿名|佚名|编委|专家|协作|委员|学会|协会|分会|小组"
)

_PARTICLES = frozenset(
    "de la le du da das dos del della der den van von ter ten bin ibn al el di y st".split())
# Words that are never (part of) a person's name on a journal page.
_NOT_NAMES_EN = frozenset(
    "china chinese pr p.r. email e-mail tel fax et al and the of for in with on by to from at or "
    "editor editors author authors corresponding received revised accepted published online abstract "
    "keywords key words doi pdf html xml expand collapse copy download view full text citation cite "
    "article information history references fund funding supported grant foundation department "
    "hospital university college institute center centre school laboratory province city "
    "road street district medical medicine clinical study research journal vol issue".split()
)
_EN_WORD = re.compile(r"^(?:[^\W\d_][^\W\d_'’\-.]*(?:['’\-][^\W\d_]+)*\.?|[A-Z]\.?(?:-?[A-Z]\.?)*)$")


def zh_name_reason(s: str) -> str | None:
    """None when `s` looks like a Chinese personal name (padding spaces inside allowed)."""
    s = s.strip()
    if any(c.isdigit() for c in s) or "@" in s:
        return "not_a_name"
    if junk_reason(s):
        return junk_reason(s)
    if has_institution_word(s, "zh"):
        return "not_a_name"
    parts = s.split()
    if len(parts) > 1:
        # `王 雯` is one name padded; `张三 李四` is two names.
        if sum(1 for p in parts if n_cjk(p) >= 2) >= 2:
            return "author_list"
        s = "".join(parts)
    if _NOT_IN_ZH_NAMES.search(s):
        return "not_a_name"
    if _ZH_DOTTED.match(s):
        return None
    if not _ZH_NAME.match(s):
        if n_cjk(s) == 0:
            return "wrong_script"
        return "too_long" if n_cjk(s) > 6 else ("too_short" if n_cjk(s) < 2 else "not_a_name")
    return None


def has_surname(s: str) -> bool:
    return s[:2] in SURNAMES_2 or s[:1] in SURNAMES_1


def en_name_reason(s: str) -> str | None:
    """None when `s` looks like a personal name in Latin letters."""
    s = s.strip()
    if any(c.isdigit() for c in s) or "@" in s:
        return "not_a_name"
    if n_cjk(s):
        return "wrong_script"
    j = junk_reason(s)
    if j:
        return j
    if "," in s and is_name_list(s):
        return "author_list"
    words = [w for w in _WORD_SEP.split(s) if w]
    if not words or len(words) > 7:
        return "not_a_name"
    core = [w for w in words if w.lower() not in _PARTICLES]
    if not core or len(core) > 5:
        return "not_a_name"
    for w in words:
        low = w.lower().strip(".")
        if low in _NOT_NAMES_EN or not _EN_WORD.match(w):
            return "not_a_name"
        if w[0].islower() and low not in _PARTICLES:
            return "not_a_name"  # `research progress`: names start upper-case
    if has_institution_word(s, "en"):
        return "not_a_name"
    return None


def name_reason(s: str, lang: str) -> str | None:
    return zh_name_reason(s) if lang == "zh" else en_name_reason(s)


# ----------------------------------------------------------------------------- lists of names

_WORD_SEP = re.compile(r"[\s,]+")
_FINAL_STOP = re.compile(r"[.。]\s*$")
_LABEL_DIGITS = re.compile(r"(?<=[^\W\d_])\s*[0-9]+(?:\s*[,，]\s*[0-9]+)*(?=\s*[*#]?\s*(?:[,，、;；]|$))")
_MARK_SIGNS = re.compile(r"[*#†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_MARKS = re.compile(r"[0-9]+(?:\s*[,，]\s*[0-9]+)*|[*#†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+")
_LIST_SEP = re.compile(r"\s*(?:[,，、;；]|\band\b|&)\s*")


def _list_tokens(s: str) -> list[str]:
    s = _FINAL_STOP.sub("", s.strip())  # `张三, 李四, 王五.`
    s = _LABEL_DIGITS.sub("", s)
    s = _MARK_SIGNS.sub("", s)
    return [t for t in _LIST_SEP.split(s) if t]


# Names with their superscript labels, as author lines print them: `罗臻1, 韦鹏程1,2`, `Chen Lo1, Xin Sun2`.
MARKED_NAMES = re.compile(
    rf"{_CJK}{{2,4}}\s*[0-9]{{1,2}}(?:\s*,\s*[0-9]{{1,2}})*\s*[*#]?\s*[,，、]\s*{_CJK}{{2,4}}\s*[0-9]"
    r"|\b[A-Z][a-zA-Z]+\s+[A-Z][a-zA-Z]+\s*[0-9](?:\s*,\s*[0-9])*\s*[*#]?\s*,\s*[A-Z][a-zA-Z]+\s+[A-Z][a-zA-Z]+\s*[0-9]"
)
# Names separated by a spaced comma (`韩冬 , 邱晨阳`, `Han Dong , Qiu Chenyang`): no title prints one.
SPACED_COMMA = re.compile(r"[^\W\d_]\s+[,，]\s*[^\W\d_]")


def _zh_person(t: str) -> bool:
    t = t.replace(" ", "")
    if _ZH_DOTTED.match(t):
        return zh_name_reason(t) is None
    return bool(_ZH_NAME.match(t)) and has_surname(t) and zh_name_reason(t) is None


def _en_shape_ok(s: str) -> bool:
    """The cheap part of `en_name_reason`: word shapes only (lists test many non-names)."""
    if any(c.isdigit() for c in s) or "@" in s or n_cjk(s):
        return False
    words = s.split()
    if not words or len(words) > 7:
        return False
    for w in words:
        low = w.lower().strip(".")
        if low in _NOT_NAMES_EN or not _EN_WORD.match(w) or (w[0].islower() and low not in _PARTICLES):
            return False
    return True


def is_single_zh_name(s: str) -> bool:
    """`袁晓东 2`, `李照*`: one Chinese name (with its label) and nothing else."""
    tokens = _list_tokens(s)
    return len(tokens) == 1 and n_cjk(tokens[0]) <= 4 and _zh_person(tokens[0])


def is_name_list(s: str, *, min_names: int = 2) -> bool:
    """`张三, 李四, 王五.`, `罗臻1, 韦鹏程1*`, `ZHANG San, LI Si`: every item a personal name.

    Chinese items must also start with a surname (so `肝癌、胃癌` is not a list of names); an
    English list needs three names, or two with superscript marks, since two capitalised words
    joined by a comma (`Hepatitis B, Hepatitis C`) are as often a subject as two people.
    """
    tokens = _list_tokens(s)
    if len(tokens) == 1 and n_cjk(s) and " " in tokens[0].strip():
        tokens = tokens[0].split()  # `王建軍 謝文靜 羅明`: names separated by spaces only
    if len(tokens) < min_names:
        return False
    if all(n_cjk(t) for t in tokens):
        return all(_zh_person(t) for t in tokens)
    if any(n_cjk(t) for t in tokens):
        return False
    marked = bool(_MARKS.search(s))
    need = max(min_names, 2 if marked else 3)
    return len(tokens) >= need and all(_en_shape_ok(t) for t in tokens) and \
        all(en_name_reason(t) is None for t in tokens)
