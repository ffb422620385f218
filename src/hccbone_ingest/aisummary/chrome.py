"""Page chrome of Dr.Oracle pages: what it looks like, and the facts hidden in it.

Chrome never becomes a claim or a title: the badge (`Medical Advisory BoardAll articles are
reviewed ...`, glued), the banner (`Educational purpose only • Exercise caution as content is
pending human review`), the review stepper (`Submitted` / `Under Review` / `Approved`, always
all three, so they say nothing about the state), `Last updated: May 7, 2025View editorial
policy`, the personalisation widget (`Which best describes you?` is a question but not the
title), the disclaimer and the call to action. The banner decides `review_state`; the date
line gives `updated_date`; an address line (`URL: https://www.droracle.ai/articles/<id>/…`)
gives the id.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum

from ..text.normalize import nfkc


class Chrome(Enum):
    BADGE = "badge"
    BANNER = "banner"
    STEPPER = "stepper"
    UPDATED = "updated"
    PERSONALIZE = "personalize"
    ADDRESS = "address"
    DISCLAIMER_HEADING = "disclaimer_heading"
    DISCLAIMER = "disclaimer"
    CTA = "cta"
    END = "end"  # a heading after which nothing is a claim (references, related questions)


_STEPPER = frozenset({"article review status", "submitted", "under review", "approved", "reviewed",
                      "in review", "review status"})
_PERSONALIZE_LINES = frozenset({"personalize", "personalise", "help us tailor your experience"})
# Answers offered by the personalisation widget (buttons in HTML, lines in some text copies).
_PERSONALIZE_OPTIONS = frozenset({
    "healthcare professional", "health care professional", "medical professional", "physician",
    "doctor", "nurse", "pharmacist", "medical student", "student", "patient", "caregiver",
    "patient or caregiver", "patient / caregiver", "researcher", "other", "general public",
})
_DISCLAIMER_HEADINGS = re.compile(r"^(?:professional\s+)?(?:medical\s+)?disclaimer:?$", re.I)
_DISCLAIMER_TEXT = re.compile(
    r"(?:intended for healthcare professionals|assumes no liability|does not replace professional"
    r"|not (?:a substitute|intended as a substitute) for professional medical advice)", re.I)
_CTA = re.compile(r"^(?:have a follow[- ]up question\??|ask (?:a|any|your) follow[- ]up question"
                  r"|ask dr\.?\s?oracle.*|our medical a\.i\. is used by .*)$", re.I)
_END_HEADINGS = re.compile(r"^(?:references|sources|citations|studies cited|related (?:questions|"
                           r"articles)|you may also (?:like|ask)|people also ask)$", re.I)
_BADGE = re.compile(r"medical advisory board", re.I)
_BANNER = re.compile(r"educational purpose only|exercise caution|(?:content|article|answer) (?:is|has been)"
                     r" (?:pending|under|awaiting|(?:medically |clinically )?(?:reviewed|approved))"
                     r"|^(?:medically|clinically) reviewed by", re.I)
_UPDATED = re.compile(r"^last (?:updated|reviewed)\s*:|view editorial policy", re.I)
_ADDRESS = re.compile(r"https?://(?:www\.)?droracle\.ai/articles/(\d+)(?:/[^\s\"'<>)]*)?", re.I)
_URL_LINE = re.compile(r"^(?:url|source|address|link)\s*:\s*https?://\S+$", re.I)


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", nfkc(text)).strip().lower()


def classify(text: str, *, after_personalize: bool = False) -> Chrome | None:
    """The kind of chrome one block of text is, or None for content."""
    k = _key(text)
    if not k:
        return None
    if k in _STEPPER:
        return Chrome.STEPPER
    if _BADGE.search(k) and len(k) < 200:
        return Chrome.BADGE
    if _BANNER.search(k) and len(k) < 300:
        return Chrome.BANNER
    if _UPDATED.search(k):
        return Chrome.UPDATED
    if k in _PERSONALIZE_LINES or k.startswith("which best describes you"):
        return Chrome.PERSONALIZE
    if after_personalize and k in _PERSONALIZE_OPTIONS:
        return Chrome.PERSONALIZE
    if _URL_LINE.match(k) or (_ADDRESS.fullmatch(k.strip()) is not None):
        return Chrome.ADDRESS
    if _DISCLAIMER_HEADINGS.match(k):
        return Chrome.DISCLAIMER_HEADING
    if _CTA.match(k):
        return Chrome.CTA
    if _END_HEADINGS.match(k):
        return Chrome.END
    if _DISCLAIMER_TEXT.search(k):
        return Chrome.DISCLAIMER
    return None


# The page header; an address line (`URL: …`, added when saving) may stand before the title.
HEADER_KINDS = frozenset({Chrome.BADGE, Chrome.BANNER, Chrome.STEPPER, Chrome.UPDATED,
                          Chrome.PERSONALIZE})


def review_state(banner: str) -> str | None:
    """Review state from the banner wording (never from the stepper labels)."""
    k = _key(banner)
    if re.search(r"pending (?:human |medical |expert )?review|awaiting (?:human |medical )?review", k):
        return "pending_review"
    if re.search(r"(?:is|currently) (?:being|under) review", k):
        return "under_review"
    if re.search(r"(?:has been|was|been) approved|approved by", k):
        return "approved"
    if re.search(r"(?:has been|was|been) (?:medically |clinically |human[- ])?reviewed|"
                 r"(?:medically |clinically )reviewed by|reviewed by (?:dr|a |our )", k):
        return "reviewed"
    return None


_MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MDY = re.compile(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2}),?\s+(\d{4})(?!\d)")
_DMY = re.compile(r"\b(\d{1,2})\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})(?!\d)")
_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")


def _month(name: str) -> int | None:
    name = name.lower()
    for full, no in _MONTHS.items():
        if len(name) >= 3 and full.startswith(name):
            return no
    return None


def _date(y: str, m: int | None, d: str) -> dt.date | None:
    if m is None:
        return None
    try:
        return dt.date(int(y), m, int(d))
    except ValueError:
        return None


def parse_date(text: str) -> dt.date | None:
    """`May 7, 2025View editorial policy`, `7 May 2025`, `2025-05-07` -> a date, else None."""
    text = nfkc(text)
    for rx, order in ((_ISO, "ymd"), (_MDY, "mdy"), (_DMY, "dmy")):
        m = rx.search(text)
        if not m:
            continue
        if order == "ymd":
            got = _date(m.group(1), int(m.group(2)), m.group(3))
        elif order == "mdy":
            got = _date(m.group(3), _month(m.group(1)), m.group(2))
        else:
            got = _date(m.group(3), _month(m.group(2)), m.group(1))
        if got is not None:
            return got
    return None


def updated_date(line: str) -> dt.date | None:
    """The date of a `Last updated:` line (the link text glued after it is ignored)."""
    m = re.search(r"last (?:updated|reviewed)\s*:\s*(.*)", nfkc(line), re.I)
    return parse_date(m.group(1)) if m else None


def article_address(text: str) -> tuple[str, str] | None:
    """(url, site id) of the first droracle.ai article address in `text`, else None."""
    m = _ADDRESS.search(text)
    if not m:
        return None
    return m.group(0).rstrip(".,;"), m.group(1)
