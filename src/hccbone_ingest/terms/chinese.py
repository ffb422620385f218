"""Chinese abbreviation definitions.

Forms, with half- or full-width brackets:
- `上皮-间质转化(EMT)`: a Chinese long form, a Latin short form;
- `磁共振成像(magnetic resonance imaging, MRI)`: the same with the English long form inside
  the bracket (kept as `long_en`);
- `肝细胞癌(肝癌)`, `世界卫生组织(以下简称世卫组织)`: a Chinese short form;
- `EMT(上皮-间质转化)`: the reverse order.

Where a Chinese long form starts is the hard part (no spaces). Latin short forms: the text
before the bracket back to the last clause mark, in jieba tokens, cut at the last token that
cannot be inside a term (function words, verbs of method sentences, context nouns such as
血清 or 患者); `long_en` (the English long form of the same short form, when the caller knows
it) then bounds the length. Chinese short forms: the shortest run of characters before the
bracket that starts with the short form's first character and holds all its characters in
order (Schwartz & Hearst's rule, at character level).
"""

from __future__ import annotations

import re

from ..text.sentences import _jieba  # the one jieba of the process, loaded lazily
from .brackets import CLOSE, OPEN, bracket_pairs
from .english import _STATS, best_long_form, valid_short
from .model import Definition

_CJK = re.compile(r"[\u4e00-\u9fff]")
# Marks a term never spans: clause punctuation, quotes, brackets, spaces.
_CLAUSE = set("，,。；;：:、！？!?“”\"‘’'《》<>=/\\|\t\n \u3000") | set(OPEN) | set(CLOSE)
# Tokens that end the search for a long form's start (the term begins after them): function
# words, method verbs, context nouns.
_STOP_TOKENS = frozenset("""
的 之 以及 并 并且 且 而 是 为 在 对 于 由 从 将 把
被 使 用 以 经过 通过 采用 应用 使用 利用 给予 接受 行 予 联合 测定
研究 探讨 观察 计算 记录 统计 收集 纳入 选取 包括 如 即 称为 简称 及其 其
该 本 此 这 两组 各组 组 患者 病人 血清 血浆 外周血 中 后 前 时
升高 降低 表达 水平 显著 明显 可 能 会 可能 已 具有 存在 发生 出现 导致
引起 影响 有 各 每 所有 其中 主要 包含 进行 实施 作为 属于 称 名为 也
都 均 又 还 已经 尚 尚未 目前 近年来 同时 此外 因此 结果 方法 目的 结论
背景 提示 表明 显示 发现 认为 证实 旨在 本文 本研究 我们 笔者 一种 一项 一类 这些
那些 上述 相应 基于 根据 按照 按 至
""".split())
# Words that end a term as often as they precede one (`靶向治疗`, `疗效评价标准`, `部分缓解`):
# they stop the search only once the long form is as long as the short form needs (`_units`).
_SOFT_STOP_TOKENS = frozenset("""
治疗 诊断 检测 评估 评价 预测 分析 中位 部分 平均
""".split())
# Verbs that take the term as object (`敲低`, `上调`, `引导下`): they stop the search as soon
# as the long form has one character per English word.
_VERB_STOP_TOKENS = frozenset("""
上调 下调 敲低 敲除 沉默 抑制 促进 诱导 激活 阻断 干预 处理 刺激 转染 培养 引导
下 分为 比较 提出 结合 绘制 建立 构建 采集 测量 判断 确定 明确 鉴别 筛选 识别
区分 探索 考察 开展 完成 监测 随访 提取 关注 运用 引入 介绍 定义 命名 参照 参考
依据 遵循 选择 选用 实行 执行 针对 对比 对照 联用 合用 服用 口服 注射 静脉注射 输注
测 查 做
""".split())
# Conjunctions: inside a long form only when the English one has `and`/`or`/`to` too.
_CONJ_TOKENS = frozenset("与 和 及 或 以及 同".split())
_ALL_STOPS = _STOP_TOKENS | _SOFT_STOP_TOKENS | _VERB_STOP_TOKENS | _CONJ_TOKENS
_UNITS_PER_WORD = 2.0  # characters (a Latin run counts one) per English content word

# A token that starts with one of these verbs/prepositions glued to the term (jieba: `行肝`).
_LEADING_VERB_CHARS = set("行予对在将把被使用以为与和及或即是经从由如")
_KEEP_LEADING = frozenset(["经动脉", "经皮", "经导管", "经颈静脉", "经肝", "行为", "用药", "为期"])
_MAX_ZH_LONG = 24  # characters
_LATIN_SF = re.compile(r"[A-Za-z0-9α-ωΑ-Ω][A-Za-z0-9α-ωΑ-ΩⅠ-Ⅻ\-+/.·]*$")
_ZH_SF_PREFIX = re.compile(r"^(?:以下简称|下文简称|以下称|下称|简称|又称|亦称|俗称)")
_COUNT_IN_ZH = re.compile(r"\d+(?:\.\d+)?\s*[例年岁月天周次个名项只份%％]|\d{4}年|[=<>≤≥±％%]")
_NOT_LONG_START = frozenset("如包即共均例其约为是指含")


def _is_cjk(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _clause_start(text: str, end: int) -> int:
    i = end
    while i > 0 and text[i - 1] not in _CLAUSE:
        i -= 1
    # a hyphen or digit run at the very start belongs to no term
    return i


def latin_short_ok(sf: str) -> bool:
    return (valid_short(sf) and not _STATS.search(sf) and " " not in sf
            and any(c.isupper() or c.isdigit() for c in sf) and any(c.isalpha() for c in sf))


def _en_words(long_en: str) -> int:
    return len([w for w in re.split(r"[\s\-]+", long_en)
                if w and w.lower() not in {"of", "and", "the", "in", "to", "for", "with", "a", "an"}])


def _tokens(region: str) -> list[str]:
    """jieba without its HMM (which glues a verb onto the next word: `下经皮`, `如索`), then
    stop words that came apart rejoined (`敲` `低` -> `敲低`)."""
    raw = [t for t in _jieba().lcut(region, HMM=False) if t.strip()]
    out: list[str] = []
    i = 0
    while i < len(raw):
        if i + 1 < len(raw) and raw[i] + raw[i + 1] in _ALL_STOPS:
            out.append(raw[i] + raw[i + 1])
            i += 2
        else:
            out.append(raw[i])
            i += 1
    return out


def _units(s: str) -> float:
    """Length of a Chinese long form: CJK characters, plus one per run of Latin letters/digits."""
    return sum(1 for c in s if _is_cjk(c)) + len(re.findall(r"[A-Za-z0-9α-ωΑ-Ω]+", s))


def zh_long_for_latin(text: str, o: int, sf: str, long_en: str | None = None) -> tuple[int, int] | None:
    """(start, end) of the Chinese long form ending just before the bracket at `o`."""
    end = o
    while end > 0 and text[end - 1] in " \u3000":
        end -= 1
    start = max(_clause_start(text, end), end - 40)
    region = text[start:end]
    if not _CJK.search(region):
        return None
    toks = _tokens(region)
    # token offsets (tokens_zh drops whitespace only)
    spans: list[tuple[int, int, str]] = []
    pos = 0
    for t in toks:
        k = region.find(t, pos)
        if k < 0:
            return None
        spans.append((k, k + len(t), t))
        pos = k + len(t)
    need = _UNITS_PER_WORD * (_en_words(long_en) if long_en else max(2, sum(c.isupper() for c in sf)))
    conj_ok = bool(long_en and re.search(r"\b(?:and|or)\b|-to-", long_en))
    first = len(spans)
    for i in range(len(spans) - 1, -1, -1):
        t = spans[i][2]
        if t in _STOP_TOKENS or _COUNT_IN_ZH.search(t):
            break
        if t not in _CONJ_TOKENS and t != "经" and len(t) <= 2 and all(ch in _LEADING_VERB_CHARS for ch in t):
            break
        have = _units(region[spans[first][0]:]) if first < len(spans) else 0
        if t in _CONJ_TOKENS and not conj_ok:
            break
        if t in _SOFT_STOP_TOKENS and i == 0 and t not in ("治疗", "部分"):
            break  # the clause's verb (`目的 评估X(SF)`)
        if (t in _SOFT_STOP_TOKENS and have >= need) or (t in _VERB_STOP_TOKENS and have >= need / 2):
            break
        first = i
    if first >= len(spans):
        return None
    while first < len(spans) - 1 and spans[first][2] in _CONJ_TOKENS:
        first += 1  # a long form does not start with `与`
    kept = spans[first:]
    # A verb glued to the term's first token (`行肝` + `动脉`): the verb is not the term.
    s0 = kept[0][0]
    t0 = kept[0][2]
    if len(t0) > 1 and t0[0] in _LEADING_VERB_CHARS and t0 not in _KEEP_LEADING:
        s0 += 1
    # Leading hyphens, digits, Latin bits belong to something before
    while s0 < len(region) and not _is_cjk(region[s0]) and region[s0] in "-—–·0123456789":
        s0 += 1
    if len(region) - s0 > _MAX_ZH_LONG:
        return None
    long = region[s0:]
    if len(long) < 2 or not _CJK.search(long):
        return None
    return start + s0, start + len(region)


def zh_long_for_zh(text: str, o: int, sf: str) -> tuple[int, int] | None:
    """Shortest run before `o` starting with sf[0] and holding sf's characters in order."""
    end = o
    start = _clause_start(text, end)
    region = text[start:end]
    for s in range(len(region) - len(sf) - 1, -1, -1):
        if region[s] != sf[0]:
            continue
        cand = region[s:]
        if len(cand) > 4 * len(sf) + 4:
            break
        it = iter(cand)
        if all(ch in it for ch in sf) and cand != sf:
            return start + s, end
    return None


def find_zh(text: str, en_long: dict[str, str] | None = None) -> list[Definition]:
    """Definitions in one Chinese sentence. `en_long`: short form -> English long form, known
    from the English side of the document, used to bound Latin-short-form long forms."""
    en_long = en_long or {}
    out: list[Definition] = []
    for o, c in bracket_pairs(text):
        inner_raw = text[o + 1:c]
        inner = inner_raw.strip()
        if not inner:
            continue
        lead = o + 1 + (len(inner_raw) - len(inner_raw.lstrip()))
        d = _definition(text, o, c, inner, lead, en_long)
        if d:
            out.append(d)
    return out


def _definition(text: str, o: int, c: int, inner: str, lead: int,
                en_long: dict[str, str]) -> Definition | None:
    # 1. `长形式(SF)` with a Latin short form, possibly `(long form, SF)`
    long_en = None
    sf = inner
    parts = re.split(r"\s*[,，;；]\s*", inner)
    if len(parts) == 2 and not _CJK.search(inner) and len(parts[0].split()) >= 1:
        cand_en, cand_sf = parts
        if latin_short_ok(cand_sf) and best_long_form(cand_sf, cand_en, greek=True):
            long_en, sf = cand_en, cand_sf
    head = re.split(r"\s*[,，;；]\s*", inner)[0]
    if long_en is None and head != inner and latin_short_ok(head) and _LATIN_SF.fullmatch(head):
        sf = head
    sf_start = text.find(sf, lead)
    if (latin_short_ok(sf) and _LATIN_SF.fullmatch(sf)) or long_en:
        span = zh_long_for_latin(text, o, sf, long_en or en_long.get(sf))
        if span is None:
            return None
        ls, le = span
        return Definition("zh", sf, text[ls:le], "long_short", ls, le, sf_start, sf_start + len(sf),
                          long_en=long_en)
    # 2. `长形式(简称)`: a Chinese short form
    m = _ZH_SF_PREFIX.match(inner)
    zsf = inner[m.end():] if m else inner
    if 2 <= len(zsf) <= 8 and all(_is_cjk(ch) for ch in zsf):
        span = None
        if m is not None:
            # `原发性肝癌(以下简称肝癌)`: the marker says it is a definition, so the long form
            # need not start with the short form's first character; take the term before it.
            span = zh_long_for_latin(text, o, zsf)
            if span is not None:
                it = iter(text[span[0]:span[1]])
                if text[span[0]:span[1]] == zsf or not all(ch in it for ch in zsf):
                    span = None
        span = span or zh_long_for_zh(text, o, zsf)
        if span is not None:
            ls, le = span
            zs = text.find(zsf, lead)
            return Definition("zh", zsf, text[ls:le], "long_short", ls, le, zs, zs + len(zsf))
    # 3. `SF(长形式)`: the reverse order
    before = text[:o].rstrip(" \u3000")
    mm = _LATIN_SF.search(before)
    if mm is None or not _CJK.search(inner) or m is not None:
        return None
    sf = mm.group(0).rstrip(".")
    ss = mm.start()
    if ss > 0 and before[ss - 1].isascii() and before[ss - 1].isalnum():
        return None
    if not latin_short_ok(sf):
        return None
    if _COUNT_IN_ZH.search(inner) or any(ch in _CLAUSE for ch in inner) or len(inner) > _MAX_ZH_LONG:
        return None
    if inner[0] in _NOT_LONG_START or _tokens(inner)[0] in _STOP_TOKENS | _CONJ_TOKENS:
        return None
    if sum(1 for ch in inner if _is_cjk(ch)) < 2:
        return None
    return Definition("zh", sf, inner, "short_long", lead, lead + len(inner), ss, ss + len(sf))
