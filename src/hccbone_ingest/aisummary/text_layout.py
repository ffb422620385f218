"""Text copies of AI-summary pages -> blocks.

One line is one block (a copied web page holds one paragraph per line; joining lines that
do not end a sentence would glue the chrome labels together), except the indented
continuation of a bullet. Bullets start with a glyph (`•`, `◦`, `-`,
`1.`); their nesting comes from the indentation, and at equal indentation from the glyph
(`◦` under `•`). A heading is a short line that does not end like a statement (a question
may) and carries no citation markers; text copies cannot tell heading levels apart.
"""

from __future__ import annotations

import re

from ..text.normalize import clean
from .blocks import Block
from .markers import split_markers

_BULLET = re.compile(
    r"^(?P<indent>[ \t\u00a0\u2007\u202f\u3000]*)"
    r"(?P<glyph>[•◦▪▫‣⁃○●■□·∙*]|[-–—](?=\s)|\d{1,2}[.)](?=\s))\s*(?P<text>.*)$"
)
# Deeper glyphs: a `◦` at the indentation of a `•` is its child.
_GLYPH_DEPTH = {"•": 0, "●": 0, "■": 0, "*": 0, "◦": 1, "○": 1, "-": 1, "–": 1, "—": 1,
                "▪": 2, "▫": 2, "□": 2, "‣": 1, "⁃": 1, "·": 1, "∙": 1}
_MAX_HEADING_WORDS = 12


def _indent(s: str) -> int:
    return sum(4 if c == "\t" else 1 for c in s)


def _is_heading(text: str) -> bool:
    words = text.split()
    if not (1 <= len(words) <= _MAX_HEADING_WORDS) or len(text) > 100:
        return False
    # A short question is a heading too (`Which Factors Predict Survival?`): it asserts
    # nothing, so it must not become a claim.
    if text[-1] in ".:;,!" or not text[0].isupper():
        return False
    return not split_markers(text).citations


def text_blocks(text: str) -> list[Block]:
    """Blocks of a text copy, in reading order."""
    blocks: list[Block] = []
    # open_kind: what the previous non-blank line was, if no blank line came after it.
    open_kind: str | None = None
    bullet_indent = 0
    depth_stack: list[tuple[int, int]] = []  # (indent, glyph depth) of the open bullets

    def replace_last(extra: str) -> None:
        last = blocks[-1]
        blocks[-1] = Block(last.kind, f"{last.text} {extra}", last.level, last.rank)

    for raw_line in text.splitlines():
        line = clean(raw_line)
        if line is None:
            # A blank line ends a paragraph but not a list: its next bullet keeps the nesting.
            open_kind = "bullet_blank" if open_kind in ("bullet", "bullet_blank") else None
            continue
        m = _BULLET.match(raw_line)
        if m and clean(m.group("text")):
            key = (_indent(m.group("indent")), _GLYPH_DEPTH.get(m.group("glyph")[-1], 0))
            if open_kind not in ("bullet", "bullet_blank"):
                depth_stack = []
            while depth_stack and depth_stack[-1] >= key:
                depth_stack.pop()
            depth_stack.append(key)
            blocks.append(Block("bullet", clean(m.group("text")) or "", level=len(depth_stack) - 1))
            open_kind, bullet_indent = "bullet", key[0]
            continue
        indent = _indent(raw_line[: len(raw_line) - len(raw_line.lstrip())])
        if open_kind == "bullet" and indent > bullet_indent:
            replace_last(line)  # a wrapped bullet
        else:
            blocks.append(Block("heading" if _is_heading(line) else "para", line))
            open_kind = "para" if blocks[-1].kind == "para" else "heading"
            depth_stack = []
    return blocks
