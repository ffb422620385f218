"""DOI finding, normalizing and validating.

API (stable): `find_dois(text) -> list[DoiMatch]`, `find_doi(text) -> DoiMatch | None`,
`normalize_doi(s) -> str | None` (the lower-case key), `is_valid_doi(key) -> bool`, plus
`check_cma_doi(key, year, issue)` and `parse_issn_doi(key)` for DOIs that encode their
journal's ISSN, year and issue (CMA and many other Chinese publishers).

Pitfalls handled (REFERENCE.md §4), each with its own test in tests/test_doi.py:
trailing `.` `,` `;` `。`; `DOI:` / `doi：` labels with or without a space; full-width
digits and punctuation (matched on an NFKC view of the text, offsets kept on the original);
CJK text glued after the DOI; unbalanced `)` / `>` from an enclosing bracket while balanced
ones inside the suffix are kept; a DOI broken across a line (`…-\\n0965-2`,
`…02648725.\\n2023.…`); SICI DOIs with `<` `>` `;`; doi.org / publisher URL forms and
`%2F`-encoded slashes; zero-width and non-breaking spaces; 4- to 9-digit registrants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import unquote

# A DOI on the NFKC view of the text. Crossref's recommended character set plus `<>` (SICI)
# and %XX escapes (URL forms); `[` `]` stay out because GB/T prints `[access date]` after it.
_SUFFIX_CHARS = r"(?:[-._;()/:A-Za-z0-9<>]|%[0-9A-Fa-f]{2})"
_DOI = re.compile(r"10\.\d{4,9}(?:\.\d+)*(?:/|%2[Ff])" + _SUFFIX_CHARS + "+")
_CONTINUATION = re.compile(_SUFFIX_CHARS + "+")
_DOI_START = re.compile(r"10\.\d{4,9}")
_SLASH = re.compile(r"/|%2[Ff]")
_SUFFIX_ONE = re.compile(_SUFFIX_CHARS)
_VALID = re.compile(r"^10\.\d{4,9}(?:\.\d+)*/[-._;()/:a-z0-9<>]+$")
_ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad")
_TRAILING = ".,;:"
# Whitespace a broken DOI may straddle: spaces and at most one line break (not a blank line).
_GAP = re.compile(r"[ \t]*\n?[ \t]*")
# Publisher URL tails that follow the DOI in a link (`/doi/10.1002/xyz/full`), not part of it.
_URL_TAILS = frozenset(
    "abstract full fulltext pdf epdf pdfplus pdfdirect summary references suppinfo citedby "
    "figures tables html meta issuetoc text reader toc media".split()
)
_URL_EXT = re.compile(r"\.(?:pdf|html?|xml|epub)$", re.IGNORECASE)
_URL_START = re.compile(r"(?:[a-z][a-z0-9+.-]*://|www\.|\bdoi\.org/)\S*$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class DoiMatch:
    printed: str  # as printed (whitespace from a line break removed, trailing punctuation cut)
    key: str  # normalized lower-case
    valid: bool
    start: int  # offsets into the text given to find_dois
    end: int
    in_url: bool = False  # found inside a URL (doi.org link or a publisher's /doi/ path)


_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
# Non-ASCII characters seen to be their own NFKC (CJK ideographs, Greek, accented Latin...).
# Bounded by the characters Unicode has; a run made only of them is copied whole.
_STABLE: set[str] = set()


def _nfkc_char(ch: str) -> str:
    """NFKC of one character; zero-width characters map to ''."""
    if ch in _ZERO_WIDTH:
        return ""
    n = unicodedata.normalize("NFKC", ch)
    if n == ch:
        _STABLE.add(ch)
    return n


def _nfkc_view(text: str) -> tuple[str, list[int]]:
    """NFKC text with zero-width characters dropped, and for each output char its source index.

    Normalizing per character keeps the offset map exact (NFKC of `１` is `1`, of `／` is `/`).
    ASCII, and runs of characters already seen to be their own NFKC, are copied whole; only
    the other characters are normalized one by one (this is on the path of every reference
    and every journal page, so it is kept out of a per-character Python loop).
    """
    if text.isascii():
        return text, list(range(len(text)))
    out: list[str] = []
    src: list[int] = []
    pos = 0
    for m in _NON_ASCII.finditer(text):
        start, end = m.span()
        if _STABLE.issuperset(m.group(0)):
            continue  # part of the copied stretch
        if start > pos:
            out.append(text[pos:start])
            src.extend(range(pos, start))
        for i in range(start, end):
            n = _nfkc_char(text[i])
            if n:
                out.append(n)
                src.extend([i] * len(n))
        pos = end
    if pos < len(text):
        out.append(text[pos:])
        src.extend(range(pos, len(text)))
    return "".join(out), src


def _balanced(s: str, open_: str, close: str) -> bool:
    depth = 0
    for c in s:
        if c == open_:
            depth += 1
        elif c == close:
            depth -= 1
            if depth < 0:
                return False
    return depth == 0


def _trim(s: str) -> str:
    """Cut punctuation that ends the sentence or closes an enclosing bracket, not the DOI.

    Bracket counts are kept up to date while cutting (a DOI followed by 100,000 `)` costs one
    pass, not one count of the string per character cut)."""
    counts = {c: s.count(c) for c in "()<>"}
    end = len(s)
    while end:
        prev = end
        while end and s[end - 1] in _TRAILING:
            end -= 1
        for open_, close in (("(", ")"), ("<", ">")):
            if end and s[end - 1] == close and counts[close] > counts[open_]:
                end -= 1
                counts[close] -= 1
            if end and s[end - 1] == open_ and counts[open_] > counts[close]:
                end -= 1
                counts[open_] -= 1
        if end == prev:
            break
    return s[:end]


def _joinable(doi: str, token: str) -> bool:
    """Whether `token` (after a line break or space) continues `doi`.

    Only strong evidence counts: the DOI stops on a character a DOI cannot end with (`-`,
    `/`, `_`), or on a `.` followed by a token that itself has DOI-internal structure
    (`2023.2216966`), never a bare word or year that merely starts the next sentence.
    """
    if not token[0].isalnum() or _DOI_START.match(token):
        return False  # a new DOI (`10.1000/abc. 10.2000/def`) never continues the last one
    last = doi[-1]
    if last in "-/_":
        return True
    if last == ".":
        body = _trim(token)
        return any(c.isdigit() for c in body) and any(c in ".-/" for c in body.strip(".-/"))
    return False


_URL_LOOKBACK = 2048  # a URL head longer than this is no URL; keeps many DOIs in one line linear


def _in_url(view: str, start: int) -> bool:
    """Whether the DOI at `start` sits inside a URL (`https://doi.org/10…`, `…/doi/pdf/10…`)."""
    lo = max(0, start - _URL_LOOKBACK)
    line_start = max(view.rfind(" ", lo, start), view.rfind("\n", lo, start), lo - 1) + 1
    head = view[line_start:start]
    return bool(head) and head.endswith("/") and bool(_URL_START.search(head))


def _strip_url_tail(doi: str) -> str:
    """`10.1002/9781118422557/summary` -> `10.1002/9781118422557`; `….pdf` -> `…`."""
    while True:
        prefix, sep, last = doi.rpartition("/")
        if sep and prefix.count("/") >= 1 and last.lower() in _URL_TAILS:
            doi = prefix
            continue
        stripped = _URL_EXT.sub("", doi)
        if stripped != doi and "/" in stripped:
            doi = stripped
            continue
        return doi


def _key(printed: str) -> str:
    s = unicodedata.normalize("NFKC", printed)
    s = "".join(c for c in s if c not in _ZERO_WIDTH and not c.isspace())
    if "%" in s:
        s = unquote(s)
    return s.lower()


def is_valid_doi(key: str | None) -> bool:
    """Crossref DOI syntax (plus SICI `<>`), balanced brackets, no trailing punctuation,
    hyphen or slash."""
    if not key:
        return False
    k = key.lower()
    return (
        bool(_VALID.match(k))
        and k[-1] not in _TRAILING + "-/"  # `…-018-`: cut at a line break, not a whole DOI
        and _balanced(k, "(", ")")
        and _balanced(k, "<", ">")
    )


def _prefix_start(view: str, qs: int, pos: int) -> int:
    """Where the longest `digits(.digits)*` run ending at `qs` starts (`qs` if there is none)."""
    p = qs
    while p > pos:
        c = view[p - 1]
        if c.isascii() and c.isdigit():
            p -= 1
        elif c == "." and p < qs and view[p].isdigit() and p - 2 >= pos and view[p - 2].isdigit():
            p -= 1
        else:
            break
    return p


def _search_doi(view: str, pos: int) -> re.Match[str] | None:
    """`_DOI.search(view, pos)` in linear time.

    The regex alone tries every `10.` of a slash-less chain (`10.1234.10.1234.…`) and runs each
    try to the end of the chain: quadratic. A DOI's prefix is `10.` digits and dots ending right
    before `/` (or `%2F`) with a suffix character after it, so only the digits-and-dots run before
    such a slash can hold its start; runs are disjoint, and inside one every try either fails
    within ten characters (`\\d{4,9}`) or reaches the slash and succeeds.
    """
    for q in _SLASH.finditer(view, pos):
        qs = q.start()
        if not _SUFFIX_ONE.match(view, q.end()):
            continue
        p = _prefix_start(view, qs, pos)
        s = view.find("10.", p, qs)
        while s != -1:
            m = _DOI.match(view, s)
            if m is not None:
                return m
            s = view.find("10.", s + 1, qs)
    return None


def find_dois(text: str, *, join_lines: bool = True) -> list[DoiMatch]:
    """Every DOI in `text`, in order.

    `join_lines` rejoins a DOI broken across a line (or a space left where a line break was
    cleaned away); it expects `text` to be one reference or one field. Pass False for running
    text of many entries, where the next line belongs to another entry.
    """
    if not text:
        return []
    view, src = _nfkc_view(text)
    out: list[DoiMatch] = []
    pos = 0
    while True:
        m = _search_doi(view, pos)
        if m is None:
            break
        s, e = m.start(), m.end()
        raw = view[s:e]
        pieces = [(s, e)]
        while join_lines:
            gap = _GAP.match(view, e)
            if gap is None or gap.end() == e:
                break
            cont = _CONTINUATION.match(view, gap.end())
            if cont is None or not _joinable(raw, cont.group(0)):
                break
            raw += cont.group(0)
            e = cont.end()
            pieces.append((cont.start(), e))
        in_url = _in_url(view, s)
        doi = _trim(raw)
        if in_url:
            doi = _trim(_strip_url_tail(doi))
        if not re.match(r"10\.\d{4,9}(?:\.\d+)*(?:/|%2[Ff]).", doi):
            pos = m.end()
            continue
        # Map the kept characters back to the original text through the pieces.
        keep = len(doi)
        printed_parts: list[str] = []
        end_src = src[s]
        for ps, pe in pieces:
            take = min(keep, pe - ps)
            if take <= 0:
                break
            a, b = src[ps], src[ps + take - 1] + 1
            printed_parts.append("".join(c for c in text[a:b] if c not in _ZERO_WIDTH))
            end_src = b
            keep -= take
        printed = "".join(printed_parts)
        key = _key(printed)
        out.append(DoiMatch(printed, key, is_valid_doi(key), src[s], end_src, in_url))
        pos = e
    return out


def find_doi(text: str, *, join_lines: bool = True) -> DoiMatch | None:
    """The first DOI in `text`, preferring one that is not inside a URL."""
    found = find_dois(text, join_lines=join_lines)
    for m in found:
        if not m.in_url:
            return m
    return found[0] if found else None


def normalize_doi(s: str | None) -> str | None:
    """The lower-case key of the first DOI in `s` (labels, URL prefixes, punctuation removed)."""
    if not s:
        return None
    m = find_doi(s)
    return m.key if m else None


# ------------------------------------------------------------- DOIs that encode their issue

# `10.3877/cma.j.issn.2095-3232.2025.04.004`, `10.3760/cma.j.issn.1007-631X.2013.03.008`,
# `10.3969/j.issn.1672-5603.2010.10.038`: ISSN, year, issue, article sequence.
_ISSN_DOI = re.compile(
    r"^10\.\d{4,9}/(?:[a-z]+\.)*j\.issn\.(?P<issn>\d{4}-?\d{3}[\dx])\.(?P<year>\d{4})\."
    r"(?P<issue>[0-9a-z]{1,3})\.(?P<seq>\d{1,4})$"
)


@dataclass(frozen=True, slots=True)
class IssnDoiParts:
    issn: str  # `2095-3232`, upper-case check digit
    year: int
    issue: str  # as encoded, e.g. `04`
    seq: str


def parse_issn_doi(key: str | None) -> IssnDoiParts | None:
    """Split a `…j.issn.<ISSN>.<year>.<issue>.<seq>` DOI into its parts, else None."""
    if not key:
        return None
    m = _ISSN_DOI.match(key.lower())
    if m is None:
        return None
    issn = m.group("issn").upper()
    if "-" not in issn:
        issn = f"{issn[:4]}-{issn[4:]}"
    return IssnDoiParts(issn, int(m.group("year")), m.group("issue"), m.group("seq"))


def issn_checksum_ok(issn: str) -> bool:
    """ISSN check digit (mod 11, weights 8..2, X = 10)."""
    s = issn.replace("-", "").upper()
    if not re.fullmatch(r"\d{7}[\dX]", s):
        return False
    total = sum(int(c) * w for c, w in zip(s[:7], range(8, 1, -1), strict=True))
    check = (11 - total % 11) % 11
    return s[7] == ("X" if check == 10 else str(check))


# Supplements as pages print them (`增刊1`, `S1`, `Suppl 1`, `Suppl. 1`) and as DOIs encode
# them (`.z1.`, `.s1.`, `.zk1.`): the same issue.
_SUPPL = re.compile(r"^(?:增刊|suppl(?:ement)?\.?|zk|z|s)\s*0*(\d*)$")


def _issue_norm(issue: str) -> str:
    s = unicodedata.normalize("NFKC", issue).strip().lower()
    if s.isdigit():
        return s.lstrip("0") or "0"
    m = _SUPPL.match(s)
    return f"suppl{m.group(1)}" if m else s


def check_cma_doi(doi_key: str | None, year: int | None, issue: str | None) -> list[str]:
    """Quality flags for a DOI that encodes year and issue, checked against the page's own.

    Returns a sorted list drawn from `doi_year_mismatch`, `doi_issue_mismatch`,
    `doi_issn_checksum` (the embedded ISSN has a wrong check digit); empty when consistent or
    when the DOI does not encode these fields. Issues compare without zero padding.
    """
    parts = parse_issn_doi(doi_key)
    if parts is None:
        return []
    flags = []
    if year is not None and parts.year != year:
        flags.append("doi_year_mismatch")
    if issue and _issue_norm(issue) != _issue_norm(parts.issue):
        flags.append("doi_issue_mismatch")
    if not issn_checksum_ok(parts.issn):
        flags.append("doi_issn_checksum")
    return sorted(flags)
