"""Citation markers: the trailing integer runs of AI-summary claims.

Dr.Oracle prints a claim's sources as bare integers before the final period:
`... rare occurrence 2, 3, 4, 5, 6.`, `... bone metastases 1. Additionally ...`. Numbers that
belong to the claim look alike (`up to 88% of patients 3.`, `5-6 months 3, 5.`,
`Spine (59.7% of cases) 1`), so a trailing run counts as markers only when

- every element is a bare integer (not `88%`, `59.7`, `5-6`), separated by commas;
- every number is in 1..max_ref (the page's reference count when known, else a small cap:
  Dr.Oracle numbers its sources globally and pages cite a handful);
- no number repeats;
- the word before the run does not make the run a quantity: a comparison (`<`, `=`), a word
  between two numbers (`2 to 4`, `3 of 5`), a verb or preposition taking a number (`was 7`,
  `in 10`), or a noun naming a numbered thing (`stage 4`, `grade 3`, `type 2` - but not after a
  number, where `months 3` is a unit followed by a marker).

Saved HTML marks citations explicitly; the HTML layout encodes each as `EXPLICIT_OPEN n
EXPLICIT_CLOSE` (private-use characters) so the same code removes them without guessing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

EXPLICIT_OPEN = "\ue000"
EXPLICIT_CLOSE = "\ue001"
# Cap on marker numbers when the page's reference list is unknown (text copies).
DEFAULT_MAX_REF = 30
_TAIL_CHARS = 200

_EXPLICIT_ONE = f"{EXPLICIT_OPEN}(\\d+){EXPLICIT_CLOSE}"
# A run of explicit markers, with the separators between them; optional space before.
EXPLICIT_RUN = re.compile(rf"\s*{_EXPLICIT_ONE}(?:\s*[,;]?\s*{_EXPLICIT_ONE})*")
_EXPLICIT_NUM = re.compile(_EXPLICIT_ONE)
# A trailing run of bare integers, then optional closing punctuation and space.
_TRAILING = re.compile(r"(?<=\s)(\d{1,3}(?:\s*,\s*\d{1,3})*)(\s*[.!?;:]?\s*)$")
_FINAL_PUNCT = re.compile(r"[.!?;:]")

# Words after which a number is a quantity, never a marker.
_QUANTITY_WORDS = frozenset(
    """
    a an the and or of to than from between vs vs. versus by x per over under about around
    approximately approx approx. nearly almost roughly only least most up within after before
    for at in on with without is are was were be been being has have had reach reached reaching
    reaches exceed exceeded exceeds exceeding total totalling totaling range ranged ranges ranging
    """.split()
)
# Nouns naming a numbered thing (`stage 4`); after a number they are units (`5 years 2`).
_NUMBERED_NOUNS = frozenset(
    """
    stage grade type class phase level score version figure fig fig. table step cycle day week
    month year dose arm cohort group trial tier line category n p hr or ci ecog ps no no. number
    chapter section item appendix gen generation
    """.split()
)
_OPERATORS = frozenset("< > = ≤ ≥ ~ ± × ≈ + − - / ≦ ≧ ≒".split())
_NUMERIC = re.compile(r"^[<>≤≥~±]?\d[\d.,%\-–/]*$")


@dataclass(slots=True)
class Split:
    """A claim's text without markers, and the numbers the markers cited (in printed order)."""

    text: str
    citations: list[int] = field(default_factory=list)


def _prev_tokens(body: str) -> tuple[str, str]:
    toks = body.split()
    last = toks[-1].lower() if toks else ""
    before = toks[-2].lower() if len(toks) > 1 else ""
    return last, before


def plausible_run(body: str, numbers: list[int], max_ref: int | None = None) -> bool:
    """Whether a bare integer run after `body` reads as citation markers (rules in the module doc)."""
    cap = max_ref if max_ref is not None else DEFAULT_MAX_REF
    if not numbers or any(n < 1 or n > cap for n in numbers) or len(set(numbers)) != len(numbers):
        return False
    if not re.search(r"[^\W\d_]", body):  # a claim needs words; "12 3" is not a claim
        return False
    last, before = _prev_tokens(body)
    if last in _OPERATORS or last.endswith(("=", "<", ">", "≤", "≥", "±", "×")):
        return False
    if last in _QUANTITY_WORDS:
        return False
    if last.rstrip(":") in _NUMBERED_NOUNS and not _NUMERIC.match(before):
        return False
    return True


def _dedupe(nums: list[int]) -> list[int]:
    seen: set[int] = set()
    out = []
    for n in nums:
        if n not in seen:
            seen.add(n)
            out.append(n)
    return out


def _split_explicit(text: str) -> Split | None:
    if EXPLICIT_OPEN not in text:
        return None
    nums = [int(m) for m in _EXPLICIT_NUM.findall(text)]
    # The run takes the space before it, so `metastases <1>.` -> `metastases.`
    return Split(EXPLICIT_RUN.sub("", text).strip(), _dedupe(nums))


def split_markers(text: str, max_ref: int | None = None) -> Split:
    """Remove the citation markers of one sentence or bullet; keep its final punctuation.

    Explicit markers (from HTML) are removed wherever they stand; otherwise only a plausible
    trailing integer run is taken.
    """
    explicit = _split_explicit(text)
    if explicit is not None:
        return explicit
    # Runs are short: look only at the tail, which also keeps long digit lists linear.
    offset = max(0, len(text) - _TAIL_CHARS)
    m = _TRAILING.search(text, offset)
    if not m:
        return Split(text.strip())
    body = text[: m.start()].rstrip()
    numbers = [int(n) for n in re.split(r"\s*,\s*", m.group(1))]
    if not plausible_run(body, numbers, max_ref):
        return Split(text.strip())
    punct = _FINAL_PUNCT.search(m.group(2))
    return Split(body + (punct.group(0) if punct else ""), numbers)
