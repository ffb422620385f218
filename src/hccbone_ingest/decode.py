"""Bytes -> text: BOM, declared charset, then detection. Never guesses silently.

Order: a BOM wins; then a charset declared in the first bytes of an HTML page (`<meta
charset>` or `http-equiv`); then strict UTF-8; then strict GB18030 (the superset of GBK and
GB2312, which is what Chinese pages labelled gb2312 really use); then, for a page that is one
of those with a few broken bytes (a truncated character, a stray byte from a bad copy), that
codec with U+FFFD in their place (`how` ends in `-lossy`, so adapters can flag it); then
charset-normalizer. Binary junk and undecodable bytes raise `DecodeError` with the reason.

Every GB18030 or Big5 reading must also be plausible Chinese (`cjk_plausibility`): Big5 bytes are
valid GB18030 too, so a Big5 page is switched to Big5, and Shift-JIS / EUC-KR pages or readings that
are mojibake are quarantined instead of published. A `utf-16`/`utf-32` declaration readable as
ASCII contradicts itself and is ignored.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .cjk_plausibility import check_reading
from .errors import DecodeError, EmptyInput

# Part of every fragment's cache key: bump when decoding changes what any page decodes to.
DECODER_VERSION = 3

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]+?charset\s*=\s*["']?\s*([a-zA-Z0-9_\-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]+encoding\s*=\s*["']([a-zA-Z0-9_\-]+)""", re.IGNORECASE)
# Labels that mean GB18030 in practice (browsers decode all of them as GB18030).
_GB_ALIASES = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "hz-gb-2312", "gb_2312-80"}
# Control characters that never occur in a text or HTML document (tab, LF, CR, FF allowed).
_BAD_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # the codec used
    how: str  # "bom" | "declared" | "utf-8" | "gb18030" | "detected"


def _normalize_label(label: str) -> str:
    label = label.strip().lower()
    if label in _GB_ALIASES:
        return "gb18030"
    try:
        return codecs.lookup(label).name
    except LookupError:
        return ""


def declared_charset(data: bytes) -> str | None:
    """The charset an HTML/XML page declares in its first 4 KiB, normalized, or None."""
    head = data[:4096]
    m = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    if not m:
        return None
    return _normalize_label(m.group(1).decode("ascii", "ignore")) or None


def _check_text(text: str, how: str) -> None:
    if not text.strip():
        raise EmptyInput("the file holds only white space")
    bad = len(_BAD_CONTROLS.findall(text[:65536]))
    if bad > max(8, len(text[:65536]) // 200):
        raise DecodeError(
            f"looks like binary data, not a text or HTML page ({bad} control characters "
            f"in the first {min(len(text), 65536)} characters after decoding as {how})"
        )


# Codec names (as codecs.lookup spells them) that map every byte to a character.
_SINGLE_BYTE = ("iso8859", "cp125", "cp437", "cp850", "cp866", "mac-", "koi8", "tis-620")
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
_HIGH_THEN_ASCII = re.compile(rb"[\x80-\xff](?=[\x40-\x7e])")
_CJK_OR_FULLWIDTH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]")


def _is_single_byte(codec: str) -> bool:
    return codec.startswith(_SINGLE_BYTE)


def _has_high_bytes(data: bytes) -> bool:
    return _HIGH_BYTE.search(data) is not None


def _chinese_multibyte(data: bytes) -> tuple[str, str] | None:
    """The page as strict UTF-8, or as strict GB18030 when (nearly) all its non-ASCII
    characters are then Chinese; None when neither reading is convincing."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        return None
    # Latin-1 text also decodes as GB18030 (`é` + `p` is a valid pair), but then nearly
    # every high byte is followed by an ASCII letter; in Chinese text high bytes come in runs.
    high = len(_HIGH_BYTE.findall(data))
    glued = len(_HIGH_THEN_ASCII.findall(data))
    chars = sum(1 for ch in text if ord(ch) > 0x7F)
    cjk = len(_CJK_OR_FULLWIDTH.findall(text))
    return (text, "gb18030") if chars and cjk >= 0.9 * chars and glued <= 0.2 * high else None


def _least_lossy(data: bytes, codecs_: list[str]) -> tuple[str, str] | None:
    """The codec (first wins ties) that needs the fewest replacement characters, if that is
    only a handful: detection would otherwise pick some single-byte codec and turn a page
    with one broken character into mojibake without a word."""
    best: tuple[int, str, str] | None = None
    for enc in dict.fromkeys(codecs_):
        try:
            text = data.decode(enc, errors="replace")
        except LookupError:
            continue
        bad = text.count("\ufffd")
        if best is None or bad < best[0]:
            best = (bad, text, enc)
    if best is None or best[0] > max(4, len(data) // 2000):
        return None
    return best[1], best[2]


def decode_bytes(data: bytes) -> Decoded:
    d = _decode(data)
    if "\x00" in d.text:
        # A few NULs (a bad copy) pass `_check_text`; they mean nothing in a page, and an HTML
        # parser would turn each into U+FFFD inside a title or a name.
        return Decoded(d.text.replace("\x00", ""), d.encoding, d.how)
    return d


def _decode(data: bytes) -> Decoded:
    if not data:
        raise EmptyInput("the file is empty (0 bytes)")
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(enc)
            except UnicodeDecodeError as e:
                raise DecodeError(f"starts with a {enc} byte-order mark but is not valid {enc}: {e}") from e
            _check_text(text, enc)
            return Decoded(text, enc, "bom")
    if data.count(b"\x00") > len(data) // 20:
        # UTF-16 without a BOM shows up as every other byte being NUL.
        even, odd = data[0::2].count(0), data[1::2].count(0)
        enc = "utf-16-le" if odd > even * 4 else "utf-16-be" if even > odd * 4 else None
        if enc:
            try:
                text = data.decode(enc)
                _check_text(text, enc)
                return Decoded(text, enc, "detected")
            except (UnicodeDecodeError, DecodeError):
                pass
        raise DecodeError(f"looks like binary data: {data.count(0)} NUL bytes in {len(data)}")
    declared = declared_charset(data)
    if declared and declared.startswith(("utf-16", "utf-32")):
        # Only an ASCII-compatible page can show its declaration to a byte search (UTF-16 text
        # would have NULs between the letters, handled above): the label was copied, not true.
        declared = None
    if declared:
        try:
            text = data.decode(declared)
            _check_text(text, declared)
            if not (_is_single_byte(declared) and _has_high_bytes(data)):
                text, enc = check_reading(data, text, declared)
                return Decoded(text, enc, "declared" if enc == declared else "detected")
            # A single-byte codec decodes any bytes, so a Chinese page under a copied
            # `charset=iso-8859-1` template would become mojibake without an error: strict
            # UTF-8 or clearly Chinese GB18030 wins over such a declaration.
            better = _chinese_multibyte(data)
            if better is None:
                return Decoded(text, declared, "declared")
            better = check_reading(data, *better)
            _check_text(*better)
            return Decoded(better[0], better[1], better[1])
        except UnicodeDecodeError:
            pass  # the declaration lies (common with copied templates); detect instead
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        _check_text(text, enc)
        text, checked = check_reading(data, text, enc)
        return Decoded(text, checked, enc if checked == enc else "detected")
    lossy = _least_lossy(data, [c for c in (declared, "utf-8", "gb18030") if c])
    if lossy is not None:
        text, enc = lossy
        _check_text(text, enc)
        text, enc = check_reading(data, text, enc)
        return Decoded(text, enc, f"{'declared' if enc == declared else enc}-lossy")
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - it is a pinned dependency
        best = None
    else:
        best = from_bytes(data).best()
    if best is not None and best.encoding:
        text = str(best)
        _check_text(text, best.encoding)
        return Decoded(text, best.encoding, "detected")
    raise DecodeError(
        "not valid UTF-8 or GB18030 and no encoding could be detected"
        + (f" (the page declares {declared})" if declared else "")
    )
