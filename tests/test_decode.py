"""Decoding of saved pages: BOM, declared charsets (meta charset, http-equiv), undeclared,
lying declarations, and pages with a few broken bytes."""

from __future__ import annotations

from pathlib import Path

import pytest

from hccbone_ingest.decode import declared_charset, decode_bytes
from hccbone_ingest.errors import DecodeError, EmptyInput

FIX = Path(__file__).parent / "fixtures" / "journal_html"
TITLE = "肝细胞癌骨转移研究进展"


def _page(charset_decl: str, body: str = TITLE) -> str:
    return f"<html><head>{charset_decl}<title>t</title></head><body><p>{body}</p></body></html>"


def test_http_equiv_gb2312_is_decoded_as_gb18030() -> None:
    data = (FIX / "magtech_table_gbk.html").read_bytes()
    assert b'content="text/html; charset=gb2312"' in data
    assert declared_charset(data) == "gb18030"
    d = decode_bytes(data)
    assert (d.encoding, d.how) == ("gb18030", "declared")
    assert TITLE in d.text
    # a character GBK lacks was written as a character reference by the page, not lost
    assert "Sa&#226;da-Bouzid" in d.text


@pytest.mark.parametrize("decl", [
    '<meta charset="GBK">',
    "<meta charset=gb2312>",
    '<meta content="text/html; charset=GB18030" http-equiv="Content-Type">',
    '<META HTTP-EQUIV="Content-Type" CONTENT="text/html; charset=x-gbk">',
])
def test_gb_declarations_in_any_form(decl: str) -> None:
    d = decode_bytes(_page(decl).encode("gbk"))
    assert d.encoding == "gb18030" and d.how == "declared"
    assert TITLE in d.text


def test_undeclared_utf8_page() -> None:
    data = (FIX / "magtech_vue_nocharset.html").read_bytes()
    assert b"charset" not in data.lower()
    d = decode_bytes(data)
    assert (d.encoding, d.how) == ("utf-8", "utf-8")
    assert TITLE in d.text


def test_undeclared_gbk_page_is_detected() -> None:
    d = decode_bytes(_page("").encode("gbk"))
    assert (d.encoding, d.how) == ("gb18030", "gb18030")
    assert TITLE in d.text


def test_utf8_bom_wins_and_is_stripped() -> None:
    data = (FIX / "magtech_structured_bom.html").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    d = decode_bytes(data)
    assert (d.encoding, d.how) == ("utf-8", "bom")
    assert d.text.startswith("<!DOCTYPE html>")


def test_bom_beats_a_contrary_declaration() -> None:
    d = decode_bytes(b"\xef\xbb\xbf" + _page('<meta charset="gb2312">').encode("utf-8"))
    assert d.how == "bom" and TITLE in d.text


def test_declaration_lying_gb2312_on_utf8() -> None:
    d = decode_bytes(_page('<meta charset="gb2312">').encode("utf-8"))
    assert d.encoding == "utf-8" and TITLE in d.text


def test_declaration_lying_utf8_on_gbk() -> None:
    d = decode_bytes(_page('<meta charset="utf-8">').encode("gbk"))
    assert d.encoding == "gb18030" and TITLE in d.text


def test_gbk_page_with_one_broken_byte_keeps_the_rest() -> None:
    body = TITLE + "。北京大学人民医院肝胆外科" * 20
    data = _page('<meta http-equiv="Content-Type" content="text/html; charset=gb2312">', body).encode("gbk")
    cut = data.index("北京".encode("gbk")) + 1  # the middle of 北
    broken = data[:cut] + b"\xff" + data[cut + 1:]
    d = decode_bytes(broken)
    assert (d.encoding, d.how) == ("gb18030", "declared-lossy")
    assert TITLE in d.text and d.text.count("\ufffd") <= 2
    assert d.text.count("北京大学人民医院肝胆外科") == 19


def test_utf8_page_with_a_truncated_character_is_not_mojibake() -> None:
    body = TITLE + "。北京大学人民医院肝胆外科" * 20
    data = _page('<meta charset="utf-8">', body).encode("utf-8")
    cut = data.index("北".encode())
    broken = data[:cut + 1] + data[cut + 3:]  # keep the first byte of 北 only
    d = decode_bytes(broken)
    assert (d.encoding, d.how) == ("utf-8", "declared-lossy")
    assert TITLE in d.text and d.text.count("\ufffd") == 1


def test_many_bad_bytes_still_raise() -> None:
    junk = bytes((i * 37 + 11) % 128 + 128 for i in range(4000))
    with pytest.raises(DecodeError):
        decode_bytes(junk)


def test_empty_and_blank_inputs() -> None:
    with pytest.raises(EmptyInput):
        decode_bytes(b"")
    with pytest.raises(EmptyInput):
        decode_bytes(b"\xef\xbb\xbf   \n")


@pytest.mark.parametrize("decl", ["iso-8859-1", "latin1", "windows-1252"])
@pytest.mark.parametrize("enc", ["utf-8", "gbk"])
def test_a_single_byte_declaration_on_a_chinese_page_is_overruled(decl: str, enc: str) -> None:
    # A single-byte codec never fails, so without this rule the page would be mojibake.
    d = decode_bytes(_page(f'<meta charset="{decl}">', TITLE + "。北京大学人民医院CT检查").encode(enc))
    assert d.encoding == ("utf-8" if enc == "utf-8" else "gb18030") and TITLE in d.text


def test_a_real_latin1_page_keeps_its_declaration() -> None:
    # `é` + `p` is also a valid GB18030 pair: the byte pattern tells the two apart
    body = "Métastases osseuses du carcinome hépatocellulaire: étude rétrospective"
    d = decode_bytes(_page('<meta charset="iso-8859-1">', body).encode("latin-1"))
    assert (d.encoding, d.how) == ("iso8859-1", "declared") and body in d.text


# --- Big5, Shift-JIS and EUC-KR bytes are valid GB18030 (issue 12, item 4). Texts written here.
HANT = ("肝細胞癌骨轉移的臨床研究。目的：探討肝細胞癌患者發生骨轉移的臨床特點與治療效果。方法：回顧性分析"
        "本院收治的患者資料，記錄疼痛評分、影像學檢查結果及生存時間。結果：脊柱是最常見的轉移部位。")
JA = ("肝細胞癌の骨転移に関する臨床研究。目的：肝細胞癌患者における骨転移の臨床的特徴と治療成績を検討した。"
      "方法：当院で治療を受けた患者の記録を後ろ向きに解析し、疼痛の程度と画像検査の結果を調べた。")
KO = ("간세포암의 뼈 전이에 관한 임상 연구. 목적: 간세포암 환자에서 뼈 전이의 임상적 특징과 치료 결과를 "
      "조사하였다. 방법: 본원에서 치료를 받은 환자의 기록을 후향적으로 분석하고 통증의 정도를 확인하였다.")


@pytest.mark.parametrize("decl", ["", "<meta charset=\"gb2312\">", "<meta charset=\"utf-8\">",
                                  "<meta charset=\"big5\">"])
def test_a_big5_page_is_decoded_as_big5_not_gb18030_mojibake(decl: str) -> None:
    data = _page(decl, HANT).encode("big5")
    data.decode("gb18030")  # the trap: valid GB18030
    d = decode_bytes(data)
    assert HANT in d.text and d.encoding in ("big5", "cp950", "big5hkscs")


def test_a_big5_text_copy_is_decoded_as_big5() -> None:
    d = decode_bytes(HANT.encode("cp950"))
    assert d.text == HANT


@pytest.mark.parametrize("text,codec,word", [(JA, "shift_jis", "Japanese"), (KO, "euc_kr", "Korean")])
@pytest.mark.parametrize("decl", ["", '<meta charset="gbk">'])
def test_japanese_and_korean_pages_are_quarantined_not_mojibake(text, codec, word, decl) -> None:
    data = _page(decl, text).encode(codec)
    data.decode("gb18030")  # valid GB18030: today they land as mojibake
    with pytest.raises(DecodeError, match=word):
        decode_bytes(data)


def test_a_gbk_page_of_traditional_characters_stays_gb18030() -> None:
    d = decode_bytes(HANT.encode("gbk"))
    assert d.text == HANT and d.encoding == "gb18030"


def _chinese_fixtures() -> list[Path]:
    root = Path(__file__).parent / "fixtures"
    out = []
    for p in sorted(root.rglob("*")):
        if p.suffix in (".txt", ".html") and p.is_file():
            t = p.read_text("utf-8", errors="replace")
            if sum("\u4e00" <= c <= "\u9fff" for c in t) >= 20:
                out.append(p)
    return out


def test_every_chinese_fixture_in_gb18030_still_decodes_as_gb18030() -> None:
    """No false alarm: every Chinese page here, saved as GB18030, keeps its GB18030 reading."""
    checked = 0
    for p in _chinese_fixtures():
        text = p.read_text("utf-8")
        d = decode_bytes(text.encode("gb18030"))
        assert (d.encoding, d.text) == ("gb18030", text), p
        checked += 1
    assert checked >= 30


def test_a_utf8_page_declaring_utf16_is_decoded_as_utf8() -> None:
    d = decode_bytes(_page('<meta charset="utf-16">', TITLE).encode("utf-8"))
    assert TITLE in d.text and d.encoding == "utf-8"
