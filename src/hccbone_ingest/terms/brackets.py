"""Round brackets, half- and full-width, matched with nesting."""

from __future__ import annotations

OPEN = "(（"
CLOSE = ")）"


def bracket_pairs(text: str) -> list[tuple[int, int]]:
    """(open, close) offsets of every matched round bracket pair, outermost and inner, in
    order of the opening bracket. Unmatched brackets are skipped."""
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i, c in enumerate(text):
        if c in OPEN:
            stack.append(i)
        elif c in CLOSE and stack:
            pairs.append((stack.pop(), i))
    return sorted(pairs)


def depth_at(text: str, pos: int) -> int:
    """How many brackets are open just before `pos`."""
    d = 0
    for c in text[:pos]:
        if c in OPEN:
            d += 1
        elif c in CLOSE and d:
            d -= 1
    return d
