"""The layout-neutral form of a page: a flat list of headings, paragraphs and bullets.

Both the text-copy and the saved-HTML layouts produce these, so everything after them (chrome
removal, claims, markers) is shared and the two forms of one page give the same records.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

BlockKind = Literal["heading", "para", "bullet"]
TEXT_HEADING_RANK = 2  # text copies cannot tell heading levels apart


@dataclass(frozen=True, slots=True)
class Block:
    kind: BlockKind
    text: str  # cleaned; may hold explicit citation markers (see markers.EXPLICIT_OPEN)
    level: int = 0  # bullets: nesting depth, 0 = top level
    rank: int = TEXT_HEADING_RANK  # headings: 1 = h1 ... 6 = h6 (smaller = higher)
