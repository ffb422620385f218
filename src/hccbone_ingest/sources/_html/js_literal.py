"""A JavaScript object literal -> JSON text, for inline `window.metaData = {...}` objects that a
template wrote as JavaScript rather than JSON: single-quoted strings, unquoted keys, trailing
commas, comments, `undefined`. Only the literal itself is read (up to its closing brace), so
code after it does not matter. Anything else (function calls, expressions) gives None.
"""

from __future__ import annotations

import json
import re

_IDENT = re.compile(r"[A-Za-z_$][A-Za-z0-9_$]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_WORDS = {"true": "true", "false": "false", "null": "null", "undefined": "null"}
_PUNCT = frozenset(":,")


def _string(src: str, i: int) -> tuple[str, int] | None:
    """The JS string literal starting at src[i] (a quote) -> (its value, index after it)."""
    quote, i, out = src[i], i + 1, []
    while i < len(src):
        c = src[i]
        if c == quote:
            return "".join(out), i + 1
        if c == "\n":
            return None  # unterminated
        if c != "\\":
            out.append(c)
            i += 1
            continue
        esc = src[i + 1:i + 2]
        width = 4 if esc == "u" else 2 if esc == "x" else 0
        if width:
            digits = src[i + 2:i + 2 + width]
            if not re.fullmatch(r"[0-9a-fA-F]+", digits) or len(digits) != width:
                return None
            out.append(chr(int(digits, 16)))
            i += 2 + width
        else:
            out.append(_ESCAPES.get(esc, "" if esc == "\n" else esc))
            i += 2
    return None


def _drop_trailing_comma(out: list[str]) -> None:
    j = len(out) - 1
    while j >= 0 and out[j].isspace():
        j -= 1
    if j >= 0 and out[j] == ",":
        del out[j]


def _skip_comment(src: str, i: int) -> int | None:
    """Index after a `//` or `/* */` comment at src[i], or None if there is none."""
    if src.startswith("//", i):
        end = src.find("\n", i)
        return len(src) if end < 0 else end
    if src.startswith("/*", i):
        end = src.find("*/", i + 2)
        return None if end < 0 else end + 2
    return None


def js_object_to_json(src: str, start: int) -> str | None:
    """The object literal at src[start] (`{`) as JSON text, or None if it is not one."""
    if src[start:start + 1] != "{":
        return None
    out: list[str] = []
    open_: list[str] = []  # the closers still owed, innermost last
    i = start
    while i < len(src):
        c = src[i]
        if c in "{[":
            open_.append("}" if c == "{" else "]")
            out.append(c)
            i += 1
        elif c in "}]":
            if c != open_.pop():
                return None  # `{]`: not a literal
            _drop_trailing_comma(out)
            out.append(c)
            i += 1
            if not open_:
                return "".join(out)
        elif c in "\"'":
            lit = _string(src, i)
            if lit is None:
                return None
            out.append(json.dumps(lit[0], ensure_ascii=False))
            i = lit[1]
        elif c.isspace() or c in _PUNCT:
            out.append(c)
            i += 1
        elif (after := _skip_comment(src, i)) is not None:
            i = after
        elif m := _NUMBER.match(src, i):
            out.append(m.group(0))
            i = m.end()
        elif m := _IDENT.match(src, i):
            word = m.group(0)
            out.append(_WORDS.get(word) or json.dumps(word))  # an unquoted key
            i = m.end()
        else:
            return None  # an expression, a call, a regex: not a plain literal
    return None
