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
