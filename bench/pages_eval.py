"""Field-level precision and recall of the journal adapters on real-layout page fixtures (issue 11).

Every `tests/fixtures/pages/<platform>/<name>.expected.json` names what a careful reader sees on
the page `<name>.txt|.html` beside it (format: `tests/fixtures/pages/README.md`). Each page goes
through the library as it would in a run (`pipeline.process_files` with the references step: read,
decode, adapter, validators), and what would be published is compared field by field:

- precision = right / published (a value published where the page shows none is wrong),
- recall    = right / shown on the page,
- junk      = pages that are not articles (`"document": false`) published as a document,
- lost      = article pages quarantined.

Values are compared on NFKC text without whitespace and `:`/`：`, case-folded; lists as wholes;
volume/issue/pages without zero padding; affiliations without 6-digit postcodes (they have their own
column, and pages print them before, inside or after the institution).

    python bench/pages_eval.py [--platforms a,b] [--details] [--json] [--fixtures DIR]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hccbone_ingest.enrich import default_steps  # noqa: E402
from hccbone_ingest.pipeline import process_files  # noqa: E402
from hccbone_ingest.records import ParsedDocument  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "pages"
SCALARS = ("doi", "title_zh", "title_en", "journal_zh", "journal_en", "year", "volume", "issue",
           "first_page", "last_page", "received_date", "revised_date", "accepted_date", "published_date")
LISTS = ("authors_zh", "authors_en", "affiliations_zh", "affiliations_en", "keywords_zh", "keywords_en")
TEXTS = ("abstract_zh", "abstract_en")
FIELDS = (*SCALARS, *LISTS, *TEXTS, "references")
_PADDED = {"volume", "issue", "first_page", "last_page"}
_IGNORED = re.compile(r"[\s:：]+")


@dataclass(frozen=True, slots=True)
class Fixture:
    platform: str
    name: str
    page: Path
    expected: dict[str, Any]

    @property
    def is_document(self) -> bool:
        return bool(self.expected.get("document", True))


def find_fixtures(root: Path = FIXTURES, platforms: Iterable[str] | None = None) -> list[Fixture]:
    wanted = set(platforms) if platforms else None
    out: list[Fixture] = []
    for exp in sorted(root.glob("*/*.expected.json")):
        platform = exp.parent.name
        if wanted is not None and platform not in wanted:
            continue
        stem = exp.name[: -len(".expected.json")]
        expected = json.loads(exp.read_text(encoding="utf-8"))
        if "file" in expected:  # a page kept elsewhere in the repository (the seed)
            page = ROOT / expected["file"]
        else:
            pages = sorted(p for p in exp.parent.glob(f"{stem}.*") if not p.name.endswith(".json"))
            if len(pages) != 1:
                raise SystemExit(f"{exp}: expected exactly one page file beside it, found {pages}")
            page = pages[0]
        out.append(Fixture(platform, stem, page, expected))
    return out


# ----------------------------------------------------------------------------- published values

def published_values(doc: ParsedDocument) -> dict[str, Any]:
    """What the tables would hold for the fields the fixtures describe."""
    d = doc.document
    out: dict[str, Any] = {k: getattr(d, k) for k in SCALARS}
    for k in ("received_date", "revised_date", "accepted_date", "published_date"):
        if isinstance(out[k], dt.date):
            out[k] = out[k].isoformat()
    authors = sorted(doc.authors, key=lambda a: a.position)
    out["authors_zh"] = [a.name_zh for a in authors if a.name_zh]
    out["authors_en"] = [a.name_en for a in authors if a.name_en]
    affs = sorted(doc.affiliations, key=lambda a: a.affiliation_id)
    out["affiliations_zh"] = [a.name_zh for a in affs if a.name_zh]
    out["affiliations_en"] = [a.name_en for a in affs if a.name_en]
    for lang in ("zh", "en"):
        kws = sorted((k for k in doc.keywords if k.lang == lang), key=lambda k: k.position)
        out[f"keywords_{lang}"] = [k.text for k in kws]
        out[f"abstract_{lang}"] = doc.abstract(lang)
    out["references"] = len(doc.references)
    return out


def _norm_text(v: Any) -> str:
    return _IGNORED.sub("", unicodedata.normalize("NFKC", str(v))).casefold()


_POSTCODE = re.compile(r"(?<![0-9])[0-9]{6}(?![0-9])")


def _norm(name: str, v: Any) -> Any:
    if v is None or v == [] or v == "" or (name == "references" and v == 0):
        return None
    if isinstance(v, list):
        if name.startswith("affiliations"):  # the postcode has its own column; where it sits varies
            v = [_POSTCODE.sub("", str(x)) for x in v]
        return [_norm_text(x) for x in v]
    if name in _PADDED:
        return _norm_text(v).lstrip("0") or "0"
    if name == "doi":
        return _norm_text(re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:\s*)", "", str(v), flags=re.I))
    if isinstance(v, int):
        return v
    return _norm_text(v)


# ----------------------------------------------------------------------------- scoring

@dataclass
class Tally:
    published: int = 0
    shown: int = 0
    right: int = 0

    def add(self, other: Tally) -> None:
        self.published += other.published
        self.shown += other.shown
        self.right += other.right

    @property
    def precision(self) -> float | None:
        return self.right / self.published if self.published else None

    @property
    def recall(self) -> float | None:
        return self.right / self.shown if self.shown else None


@dataclass
class PageResult:
    fixture: Fixture
    published_doc: bool
    error: str | None = None
    tallies: dict[str, Tally] = field(default_factory=dict)
    mismatches: list[tuple[str, Any, Any]] = field(default_factory=list)  # field, expected, got


def score_page(fx: Fixture, doc: ParsedDocument | None, error: str | None) -> PageResult:
    res = PageResult(fx, published_doc=doc is not None, error=error)
    if not fx.is_document:
        return res
    want: dict[str, Any] = fx.expected["fields"]
    missing = [f for f in FIELDS if f not in want]
    if missing:
        raise SystemExit(f"{fx.platform}/{fx.name}: expected file lacks {missing}")
    got = published_values(doc) if doc is not None else {}
    for f in FIELDS:
        w, g = _norm(f, want[f]), _norm(f, got.get(f))
        t = Tally(published=g is not None, shown=w is not None, right=g is not None and g == w)
        res.tallies[f] = t
        if g != w:
            res.mismatches.append((f, want[f], got.get(f)))
    return res


def run_pages(fixtures: list[Fixture]) -> list[PageResult]:
    steps = [s for s in default_steps() if s.name == "references"]
    results = []
    for fx in fixtures:
        rel = f"journal/{fx.platform}__{fx.page.name}"
        outcome = process_files([(fx.page, rel)], steps=steps)[0]
        err = f"{outcome.error.stage}: {outcome.error.message}" if outcome.error else None
        results.append(score_page(fx, outcome.doc, err))
    return results


def _fmt(x: float | None) -> str:
    return "  –  " if x is None else f"{x:.3f}"


def summarize(results: list[PageResult]) -> dict[str, Any]:
    by_platform: dict[str, Tally] = defaultdict(Tally)
    by_field: dict[str, Tally] = defaultdict(Tally)
    pages: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # pages, docs, junk, lost
    for r in results:
        p = r.fixture.platform
        pages[p][0] += 1
        if r.fixture.is_document:
            pages[p][1] += 1
            pages[p][3] += not r.published_doc
        else:
            pages[p][2] += r.published_doc
        for f, t in r.tallies.items():
            by_platform[p].add(t)
            by_field[f].add(t)
    total = Tally()
    for t in by_platform.values():
        total.add(t)
    return {
        "platforms": {p: {"pages": n[0], "articles": n[1], "junk_published": n[2], "articles_lost": n[3],
                          "published": by_platform[p].published, "shown": by_platform[p].shown,
                          "right": by_platform[p].right, "precision": by_platform[p].precision,
                          "recall": by_platform[p].recall} for p, n in sorted(pages.items())},
        "fields": {f: {"published": t.published, "shown": t.shown, "right": t.right,
                       "precision": t.precision, "recall": t.recall} for f, t in by_field.items()},
        "total": {"pages": len(results), "platforms": len(pages),
                  "junk_published": sum(n[2] for n in pages.values()),
                  "articles_lost": sum(n[3] for n in pages.values()),
                  "published": total.published, "shown": total.shown, "right": total.right,
                  "precision": total.precision, "recall": total.recall},
    }


def print_report(summary: dict[str, Any], results: list[PageResult], details: bool) -> None:
    print(f"{'platform':<14} {'pages':>5} {'junk':>4} {'lost':>4} {'right':>5} {'publ':>5} {'shown':>5} "
          f"{'prec':>6} {'recall':>6}")
    rows = [*summary["platforms"].items(), ("ALL", summary["total"])]
    for p, s in rows:
        print(f"{p:<14} {s['pages']:>5} {s['junk_published']:>4} {s['articles_lost']:>4} {s['right']:>5} "
              f"{s['published']:>5} {s['shown']:>5} {_fmt(s['precision']):>6} {_fmt(s['recall']):>6}")
    print()
    print(f"{'field':<16} {'right':>5} {'publ':>5} {'shown':>5} {'prec':>6} {'recall':>6}")
    for f in FIELDS:
        s = summary["fields"].get(f)
        if s:
            print(f"{f:<16} {s['right']:>5} {s['published']:>5} {s['shown']:>5} {_fmt(s['precision']):>6} "
                  f"{_fmt(s['recall']):>6}")
    if not details:
        return
    print()
    for r in results:
        fx = r.fixture
        head = f"== {fx.platform}/{fx.page.name}"
        if not fx.is_document:
            if r.published_doc:
                print(f"{head}: JUNK published (not an article page)")
            continue
        if r.error:
            print(f"{head}: LOST ({r.error})")
        for f, want, got in r.mismatches:
            print(f"{head}: {f}\n    want {str(want)[:200]!r}\n    got  {str(got)[:200]!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--fixtures", default=str(FIXTURES))
    ap.add_argument("--platforms", default=None, help="comma-separated platform folders (default: all)")
    ap.add_argument("--details", action="store_true", help="print every mismatch")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    platforms = args.platforms.split(",") if args.platforms else None
    results = run_pages(find_fixtures(Path(args.fixtures), platforms))
    summary = summarize(results)
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
    else:
        print_report(summary, results, args.details)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
