"""Content blocks -> `Claim` records: sections, nesting, one claim per prose sentence.

Sections: `From the Guidelines` / `From the Research` open a section and the headings under
them are subsections; on pages without them (the topic-heading layout) a heading opens a
section, and a heading of a lower level (HTML h3 under h2) is its subsection. Prose before
any heading has no section. Bullets keep their nesting: `parent_claim_no` is the nearest
preceding bullet one level up in the same list.
"""

from __future__ import annotations

import re

from ..records import Claim
from .blocks import Block
from .markers import EXPLICIT_RUN, Split, split_markers
from .prose import split_sentences

_FROM_THE = re.compile(r"^from the (?:guidelines|research|literature|evidence|studies)\b", re.I)


def _split_all(text: str, max_ref: int | None) -> list[Split]:
    return [split_markers(s, max_ref) for s in split_sentences(text)]


def _bullet(text: str, max_ref: int | None) -> Split:
    """A bullet is one claim; markers may close each of its sentences."""
    parts = _split_all(text, max_ref)
    cites: list[int] = []
    for p in parts:
        cites += [c for c in p.citations if c not in cites]
    return Split(" ".join(p.text for p in parts if p.text), cites)


def build_claims(blocks: list[Block], max_ref: int | None = None) -> list[Claim]:
    """Claims in reading order from a page's content blocks (chrome already removed)."""
    claims: list[Claim] = []
    section: str | None = None
    subsection: str | None = None
    section_rank: int | None = None
    in_from_section = False
    stack: list[tuple[int, int, int]] = []  # open bullets: (layout level, claim level, claim_no)

    def add(text: str, cites: list[int], kind: str, level: int, parent: int | None) -> int:
        claims.append(Claim(claim_no=len(claims) + 1, section=section, subsection=subsection,
                            kind=kind, level=level, parent_claim_no=parent, text=text,
                            citations=cites))
        return len(claims)

    for b in blocks:
        if b.kind == "heading":
            stack.clear()
            b = Block("heading", EXPLICIT_RUN.sub("", b.text).strip(), b.level, b.rank)
            if _FROM_THE.match(b.text):
                section, subsection, section_rank, in_from_section = b.text, None, b.rank, True
            elif in_from_section or (section_rank is not None and b.rank > section_rank):
                subsection = b.text
            else:
                section, subsection, section_rank = b.text, None, b.rank
        elif b.kind == "para":
            stack.clear()
            for s in _split_all(b.text, max_ref):
                if s.text:
                    add(s.text, s.citations, "sentence", 0, None)
        else:
            s = _bullet(b.text, max_ref)
            if not s.text:
                continue
            while stack and stack[-1][0] >= b.level:
                stack.pop()
            level = stack[-1][1] + 1 if stack else 0  # a jump of two levels nests one deeper
            parent = stack[-1][2] if stack else None
            stack.append((b.level, level, add(s.text, s.citations, "bullet", level, parent)))
    return claims
