"""Is a CJK reading of some bytes plausible Chinese? Big5, Shift-JIS and EUC-KR bytes are valid GB18030.

Nearly every byte pair is a valid GB18030 character, so a Big5 (Taiwan, Hong Kong mirrors), Shift-JIS
or EUC-KR page decodes "successfully" as GB18030 into mojibake. The codecs' own tables tell the
readings apart, no language model needed:

- Simplified Chinese text is >= 94 % GB2312 level-1 characters (the 3,755 most common hanzi; every
  Chinese fixture here); Big5 bytes read as GB18030 give kana, Greek, Cyrillic, box drawing and
  private-use characters (Big5's most frequent characters sit in the rows where GB2312 keeps those),
  Shift-JIS bytes give rare hanzi outside GB2312 altogether.
- Traditional text read as Big5 is >= 90 % in Big5's "frequently used" block (A440-C67E).
- EUC-KR Hangul rows are GB2312 level-1 rows, so Korean reads as common but random hanzi: it is
  caught by its own reading (all Hangul) and by the missing high-frequency Chinese characters.

`check_reading` returns the reading to keep (possibly Big5 instead of GB18030) or raises
`DecodeError` with the reason: Japanese and Korean pages are outside this corpus, and mojibake is
never published.
"""

from __future__ import annotations

import unicodedata

from .errors import DecodeError

GB_FAMILY = ("gb18030",)
BIG5_FAMILY = ("big5", "cp950", "big5hkscs")
_BIG5_CODECS = ("cp950", "big5hkscs")  # supersets of big5: Taiwan (Microsoft) and Hong Kong mirrors

# Frequent characters of Chinese medical text (common function characters first, then the
# vocabulary of abstracts). Real abstracts have 25-45 % of their hanzi here; Korean read as GB2312
# has about 5 %.
_ZH_FREQUENT = frozenset(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后"
    "作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进与及其或等并由被将该此"
    "患者治疗组例术后检查病结果方法目的结论临床研究分析肿瘤癌骨转移手术率显著比较差异统计意义"
    "细胞表达水平影响因素相关性明高低前期诊断观察评估指标危险预实验数据医院科部"
    "中国杂志报告特点效果关键词摘要摘要作者单位通信基金项目"
)
_MIN_CHARS = 6  # below this many letters a reading is neither confirmed nor refuted by shares


def _is_han(c: str) -> bool:
    o = ord(c)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3FFFF


def _is_hangul(c: str) -> bool:
    return 0xAC00 <= ord(c) <= 0xD7A3


def _is_kana(c: str) -> bool:
    return 0x3040 <= ord(c) <= 0x30FF


def _odd(c: str) -> bool:
    """A non-Latin, non-hanzi letter or a private-use / box-drawing character: kana, Greek,
    Cyrillic, Hangul, bopomofo... A few Greek letters (TNF-α) are normal in medical Chinese."""
    o = ord(c)
    if o < 0x250 or _is_han(c):
        return False
    if 0x2500 <= o <= 0x257F:
        return True
    cat = unicodedata.category(c)
    return cat == "Co" or cat.startswith("L")


def _two_byte(c: str, codec: str) -> int | None:
    try:
        b = c.encode(codec)
    except UnicodeEncodeError:
        return None
    return b[0] << 8 | b[1] if len(b) == 2 else None


def _gb2312_level1(c: str) -> bool:
    code = _two_byte(c, "gb2312")
    return code is not None and 0xB0A1 <= code <= 0xD7FE


def _in_gb2312(c: str) -> bool:
    return _two_byte(c, "gb2312") is not None


def _big5_common(c: str) -> bool:
    code = _two_byte(c, "big5")
    return code is not None and 0xA440 <= code <= 0xC67E


def _jis_common(c: str) -> bool:
    """Kana, or a JIS X 0208 level-1 kanji (Shift-JIS 889F-9872: the 2,965 common ones)."""
    if _is_kana(c):
        return True
    code = _two_byte(c, "shift_jis")
    return code is not None and 0x889F <= code <= 0x9872


def _shares(text: str, good) -> tuple[int, float]:
    han = odd = hits = 0
    for c in text:
        if ord(c) < 0x250:
            continue
        if _is_han(c):
            han += 1
        elif _odd(c):
            odd += 1
        else:
            continue
        hits += good(c)
    n = han + odd
    return n, (hits / n if n else 1.0)


def gb_plausible(text: str) -> bool:
    n, level1 = _shares(text, _gb2312_level1)
    if n < _MIN_CHARS or level1 >= 0.8:
        return True
    # A GBK page of traditional characters (GBK has them all) is rare but real: no odd letters,
    # and at least half its hanzi are the forms both scripts share.
    _, odd = _shares(text, _odd)
    _, gb2312 = _shares(text, _in_gb2312)
    return odd <= 0.1 and gb2312 >= 0.5


def big5_plausible(text: str) -> bool:
    n, common = _shares(text, _big5_common)
    return n >= _MIN_CHARS and common >= 0.9


def _japanese(text: str) -> bool:
    n, common = _shares(text, _jis_common)
    kana = sum(map(_is_kana, text))
    return n >= _MIN_CHARS and common >= 0.8 and kana >= 0.1 * n


def _korean(text: str, gb_text: str) -> bool:
    hangul = sum(map(_is_hangul, text))
    han = sum(map(_is_han, text))
    if hangul < 10 or hangul < 0.95 * (hangul + han):
        return False
    gb_han = [c for c in gb_text if _is_han(c)]
    return sum(c in _ZH_FREQUENT for c in gb_han) < 0.12 * len(gb_han)


def _strict(data: bytes, codec: str) -> str | None:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        return None


def _big5_reading(data: bytes) -> tuple[str, str] | None:
    for codec in _BIG5_CODECS:
        text = _strict(data, codec)
        if text is not None and big5_plausible(text):
            return text, codec
    return None


def _foreign_reason(data: bytes, gb_text: str) -> str | None:
    ja = _strict(data, "shift_jis")
    if ja is not None and _japanese(ja):
        return "the bytes are Japanese text (Shift-JIS), not Chinese"
    ko = _strict(data, "euc_kr")
    if ko is not None and _korean(ko, gb_text):
        return "the bytes are Korean text (EUC-KR), not Chinese"
    return None


def check_reading(data: bytes, text: str, codec: str) -> tuple[str, str]:
    """The reading to keep of `data`, which `codec` (a GB18030 or Big5 codec) decoded to `text`.

    Returns (text, codec), switched to Big5 when that is the plausible reading, or raises
    DecodeError naming what the bytes are. Other codecs pass through unchanged.
    """
    if codec in GB_FAMILY:
        foreign = _foreign_reason(data, text)
        if foreign:
            raise DecodeError(f"{foreign}; GB18030 would turn it into mojibake. Save it as UTF-8 if it "
                              "belongs in the corpus")
        if gb_plausible(text):
            return text, codec
        big5 = _big5_reading(data)
        if big5 is not None:
            return big5
        n, level1 = _shares(text, _gb2312_level1)
        raise DecodeError(f"decodes as GB18030 only to implausible Chinese ({level1:.0%} of {n} letters "
                          "are common hanzi); another encoding, unrecognised: not published as mojibake")
    if codec in BIG5_FAMILY:
        if big5_plausible(text) or _shares(text, _big5_common)[0] < _MIN_CHARS:
            return text, codec
        gb = _strict(data, "gb18030")
        if gb is not None and _shares(gb, _gb2312_level1)[1] >= 0.8:
            return gb, "gb18030"
        raise DecodeError("declared Big5 but decodes only to implausible Chinese; not published as mojibake")
    return text, codec
