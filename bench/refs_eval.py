"""Field-level accuracy of the GB/T 7714 reference parser (a benchmark, not a test).

Sets:
- `gbt7714-2015`: the 167 labelled strings of `../shared/data/refs/gbt7714-2015.jsonl` (the
  examples of the standard, rendered from BibTeX). Gold values are BibTeX's, so fields are
  compared on normalized forms (NFKC, case, spacing and punctuation removed; volumes without
  `第`/`卷`; pages with one kind of dash; authors by surname) and a gold value that cannot be
  read off the string is left out of the scoring (see `_readable_*`).
- `seed`: the seed article's 36 references with a hand-checked gold in our own field names
  (`bench/gold/seed_refs.jsonl`), compared exactly, every field.
- `seed-related`: the seed's 15 related articles, same way (`bench/gold/seed_related.jsonl`).
- `heldout`: 120 realistic strings written for this benchmark and never used to build the parser
  (`bench/gold/heldout.jsonl`: every document type, both editions, DOI pitfalls, no type code,
  bilingual pairs), hand-written gold in our field names. Compared on NFKC, whitespace-collapsed
  values without a final period (so `（2023版）` == `(2023版)` and `11th ed.` == `11th ed`); the
  DOI as its lower-case key.
- `probe`: 101 further strings written to break the parser after the held-out run and before
  reading its code (`bench/gold/probe.jsonl`: list numbers, locator and DOI variants, roles after
  names, lone imprints), compared the same way.
- `classes`: 35 strings written for the classes of issue 13 (`bench/gold/refs_classes.jsonl`:
  standards with the number before or after the title, book volumes `第 3 卷` / `第三卷` /
  `Vol. 3` in the title, full dates in place of the year, mixed Chinese and Western author
  lists, Western book authors with `et al.`), compared the same way. A standard's number goes to
  `issue` (BibTeX's `number`, as the column says) and its year to `year`; a volume is its
  numeral (`3`, `三`).

Scoring is micro precision / recall / F1 over fields: a predicted value counts toward
precision, a gold value toward recall, an equal pair is a hit. A field left out of a record
(gold not readable off the string) counts on neither side; the `left out` column says how often.

    python bench/refs_eval.py [--data DIR] [--json] [--errors]
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import re
import sys
import time
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from hccbone_ingest.errors import ParseError  # noqa: E402
from hccbone_ingest.records import ParsedRef  # noqa: E402
from hccbone_ingest.refs.gbt7714 import parse_reference  # noqa: E402

GOLD_DIR = ROOT / "bench" / "gold"
SEED_FILE = ROOT / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"
FIELDS_2015 = ("type_code", "authors", "title", "container", "year", "volume", "issue", "pages",
               "doi", "url")
SEED_FIELDS = ("type_code", "carrier", "authors", "et_al", "title", "container", "edition", "place",
               "publisher", "year", "volume", "issue", "pages_first", "pages_last", "article_no",
               "access_date", "url", "doi", "doi_key", "doi_valid", "lang")
HELDOUT_FIELDS = ("type_code", "carrier", "authors", "et_al", "title", "container", "edition", "place",
                  "publisher", "year", "volume", "issue", "pages_first", "pages_last", "article_no",
                  "access_date", "url", "doi", "lang")


def shared_data_dir(override: str | None) -> Path:
    """`--data`, else $HCCBONE_SHARED_DATA, else the repo's sibling `../shared/data` (a git
    worktree one level deeper finds it at `../../shared/data`)."""
    if override:
        return Path(override)
    env = os.environ.get("HCCBONE_SHARED_DATA")
    if env:
        return Path(env)
    for cand in (ROOT.parent / "shared" / "data", ROOT.parent.parent / "shared" / "data"):
        if cand.is_dir():
            return cand
    return ROOT.parent / "shared" / "data"


# ------------------------------------------------------------------ normalization


def _norm(s: object) -> str:
    """Letters and digits only, NFKC, case-folded: `Br. Med. J.` == `Br Med J`."""
    s = unicodedata.normalize("NFKC", str(s)).casefold()
    return "".join(c for c in s if c.isalnum())


def _norm_volume(s: object) -> str:
    return _norm(re.sub(r"[第卷제권]", "", str(s)))


def _norm_pages(s: object) -> str:
    s = unicodedata.normalize("NFKC", str(s))
    s = re.sub(r"\s*(?:-{1,3}|[–—~‑－～])\s*", "-", s)
    return re.sub(r"\s+", "", s).casefold()


def _pred_pages(p: ParsedRef) -> str | None:
    if p.article_no:
        return p.article_no
    if p.pages_first and p.pages_last:
        return f"{p.pages_first}-{p.pages_last}"
    return p.pages_first


def _gold_surname(name: str) -> str:
    """BibTeX `Surname, Given`; a braced `{Corporate, Inc.}` name is one name, commas and all."""
    if name.startswith("{"):
        return name.strip("{} ")
    return name.split(",")[0] if "," in name else name


def _pred_surname(name: str) -> str:
    """The eval's own reading of a printed name: drop trailing initials (`DES MARAIS D J`)."""
    name = re.sub(r",\s*(?:Jr|Sr)\.?$", "", name.strip())
    toks = name.split()
    while len(toks) > 1 and len(toks[-1].replace(".", "")) <= 3 and toks[-1].replace(".", "").isupper():
        toks.pop()
    return " ".join(toks)


def _join_braced(authors: list[str]) -> list[str]:
    """Undo the converter's split of `{Research Group of X and Y}` on `and`."""
    out: list[str] = []
    open_ = False
    for a in authors:
        if open_:
            out[-1] = f"{out[-1]} and {a}"
        else:
            out.append(a)
        open_ = out[-1].count("{") > out[-1].count("}")
    return out


# ------------------------------------------------------------------ gold readable off the string


def _readable_authors(gold: list[str], text: str) -> list[str]:
    """The longest prefix of the gold authors whose surnames are printed: `等`/`et al.` hide
    the rest, and a patent's inventors are not printed when its assignee is."""
    t = _norm(text)
    out = []
    for a in _join_braced(gold):
        if _norm(_gold_surname(a)) and _norm(_gold_surname(a)) in t:
            out.append(a)
        else:
            break
    return out


def _gold_2015(rec: dict) -> tuple[dict[str, object], set[str]]:
    """Normalized gold values, and the fields left out of the scoring for this record: a gold
    value that cannot be read off the string (README of the data), and an empty gold author
    list, which is "unknown", not "none" (BibTeX keeps the names printed as 主要责任者 of
    proceedings and edited books in `editor`, which the gold does not carry)."""
    g, text = rec["gold"], rec["text"]
    t = _norm(text)
    out: dict[str, object] = {"type_code": g.get("type_code")}
    left_out: set[str] = set()

    def keep(field: str, value: object, readable: bool) -> None:
        if value and not readable:
            left_out.add(field)
        out[field] = value if value and readable else None

    authors = _readable_authors(g.get("authors") or [], text)
    if authors:
        out["authors"] = [_norm(_gold_surname(a)) for a in authors]
    else:
        left_out.add("authors")
    for f in ("title", "container", "issue"):
        v = g.get(f)
        keep(f, _norm(v) if v else None, bool(v) and _norm(v) in t)
    y = g.get("year")
    keep("year", str(y) if y else None, bool(y) and str(y) in text)
    v = g.get("volume")
    keep("volume", _norm_volume(v) if v else None, bool(v) and _norm_volume(v) in _norm_volume(text))
    p = g.get("pages")
    keep("pages", _norm_pages(p) if p else None, bool(p) and _norm_pages(p) in _norm_pages(text))
    d = g.get("doi")
    keep("doi", d.lower() if d else None, bool(d) and d.lower() in text.lower())
    u = g.get("url")
    keep("url", u.rstrip("/") if u else None, bool(u) and u in text)
    return out, left_out


def _pred_2015(p: ParsedRef) -> dict[str, object]:
    code = p.type_code + (f"/{p.carrier}" if p.carrier else "") if p.type_code else None
    return {
        "type_code": code,
        "authors": [_norm(_pred_surname(a)) for a in p.authors] or None,
        "title": _norm(p.title) if p.title else None,
        "container": _norm(p.container) if p.container else None,
        "year": str(p.year) if p.year else None,
        "volume": _norm_volume(p.volume) if p.volume else None,
        "issue": _norm(p.issue) if p.issue else None,
        "pages": _norm_pages(_pred_pages(p)) if _pred_pages(p) else None,
        "doi": p.doi_key,
        "url": p.url.rstrip("/") if p.url else None,
    }


def _gold_exact(rec: dict) -> tuple[dict[str, object], set[str]]:
    return {f: rec["gold"].get(f) for f in SEED_FIELDS}, set()


def _pred_exact(p: ParsedRef) -> dict[str, object]:
    d = dataclasses.asdict(p)
    return {f: d.get(f) for f in SEED_FIELDS}


def _loose(v: object) -> object:
    """Held-out comparison form: NFKC, spaces collapsed, no final period; lists item by item."""
    if isinstance(v, list):
        return [_loose(x) for x in v] or None
    if not isinstance(v, str):
        return v
    s = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", v).replace("\u200b", "")).strip()
    return s.rstrip(".").rstrip() or None


def _gold_heldout(rec: dict) -> tuple[dict[str, object], set[str]]:
    g = rec["gold"]
    out = {f: _loose(g.get(f)) for f in HELDOUT_FIELDS}
    out["doi"] = unicodedata.normalize("NFKC", g["doi"]).lower() if g.get("doi") else None
    return out, set()


def _pred_heldout(p: ParsedRef) -> dict[str, object]:
    d = dataclasses.asdict(p)
    out = {f: _loose(d.get(f)) for f in HELDOUT_FIELDS}
    out["doi"] = p.doi_key
    return out


# ------------------------------------------------------------------ scoring


def _parse(text: str) -> ParsedRef:
    try:
        return parse_reference(text)
    except ParseError:
        return ParsedRef()


def score(
    records: Iterable[dict],
    fields: tuple[str, ...],
    gold_of: Callable[[dict], tuple[dict[str, object], set[str]]],
    pred_of: Callable[[ParsedRef], dict[str, object]],
) -> dict:
    counts = {f: {"tp": 0, "pred": 0, "gold": 0} for f in fields}
    left_out = dict.fromkeys(fields, 0)
    errors = []
    n = perfect = 0
    for rec in records:
        n += 1
        (g, skip), p = gold_of(rec), pred_of(_parse(rec["text"]))
        ok = True
        for f in fields:
            if f in skip:
                left_out[f] += 1
                continue
            gv, pv = g.get(f), p.get(f)
            c = counts[f]
            c["pred"] += pv is not None
            c["gold"] += gv is not None
            if gv is not None and gv == pv:
                c["tp"] += 1
            elif gv is not None or pv is not None:
                ok = False
                errors.append({"id": rec.get("id") or rec.get("ref_no") or rec.get("item_no"),
                               "field": f, "gold": gv, "pred": pv, "text": rec["text"]})
        perfect += ok
    per_field = {f: _prf(**c) for f, c in counts.items()}
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "pred", "gold")}
    return {"n": n, "all_fields_right": perfect, "fields": per_field, "micro": _prf(**total),
            "left_out": left_out, "errors": errors}


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 1.0
    r = tp / gold if gold else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4), "tp": tp, "pred": pred, "gold": gold}


# ------------------------------------------------------------------ data


def _jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def seed_references() -> dict[int, str]:
    """`[n]` alone on a line, the reference on the next line (the seed's layout)."""
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    out = {}
    for i, line in enumerate(lines[:-1]):
        m = re.fullmatch(r"\[(\d+)\]", line.strip())
        if m:
            out[int(m.group(1))] = lines[i + 1].strip()
    return out


def seed_related() -> dict[int, str]:
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    return {int(m.group(1)): m.group(2).strip()
            for m in (re.match(r"\[(\d+)\] (.+)$", ln.strip()) for ln in lines) if m}


def _with_seed_text(gold: list[dict], texts: dict[int, str], key: str) -> list[dict]:
    for rec in gold:
        printed = texts.get(rec[key])
        if printed != rec["text"]:
            raise SystemExit(f"seed item {rec[key]} differs from the gold file's text")
    return gold


def throughput(texts: list[str], min_seconds: float = 1.0) -> float:
    n, t0 = 0, time.perf_counter()
    while True:
        for s in texts:
            _parse(s)
        n += len(texts)
        dt = time.perf_counter() - t0
        if dt >= min_seconds:
            return n / dt


# ------------------------------------------------------------------ report


def _table(name: str, res: dict) -> str:
    lines = [f"## {name}: {res['n']} strings, {res['all_fields_right']} with every scored field right",
             f"{'field':<13} {'P':>7} {'R':>7} {'F1':>7} {'hits':>6} {'pred':>6} {'gold':>6} "
             f"{'left out':>9}"]
    for f, m in [*res["fields"].items(), ("MICRO", res["micro"])]:
        out = res["left_out"].get(f, sum(res["left_out"].values()))
        lines.append(f"{f:<13} {m['p']:>7.4f} {m['r']:>7.4f} {m['f1']:>7.4f} {m['tp']:>6} "
                     f"{m['pred']:>6} {m['gold']:>6} {out:>9}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", help="shared data directory (holding refs/gbt7714-2015.jsonl)")
    ap.add_argument("--json", action="store_true", help="print one JSON object")
    ap.add_argument("--errors", action="store_true", help="list every field that is wrong")
    args = ap.parse_args(argv)

    data = shared_data_dir(args.data) / "refs" / "gbt7714-2015.jsonl"
    recs_2015 = _jsonl(data)
    seed = _with_seed_text(_jsonl(GOLD_DIR / "seed_refs.jsonl"), seed_references(), "ref_no")
    related = _with_seed_text(_jsonl(GOLD_DIR / "seed_related.jsonl"), seed_related(), "item_no")
    heldout = _jsonl(GOLD_DIR / "heldout.jsonl")
    probe = _jsonl(GOLD_DIR / "probe.jsonl")
    classes = _jsonl(GOLD_DIR / "refs_classes.jsonl")

    results = {
        "gbt7714-2015": score(recs_2015, FIELDS_2015, _gold_2015, _pred_2015),
        "seed": score(seed, SEED_FIELDS, _gold_exact, _pred_exact),
        "seed-related": score(related, SEED_FIELDS, _gold_exact, _pred_exact),
        "heldout": score(heldout, HELDOUT_FIELDS, _gold_heldout, _pred_heldout),
        "probe": score(probe, HELDOUT_FIELDS, _gold_heldout, _pred_heldout),
        "classes": score(classes, HELDOUT_FIELDS, _gold_heldout, _pred_heldout),
    }
    texts = [r["text"] for r in (*recs_2015, *seed, *related, *heldout, *probe, *classes)]
    rate = throughput(texts)
    if args.json:
        out = {k: {kk: vv for kk, vv in v.items() if kk != "errors" or args.errors}
               for k, v in results.items()}
        out["refs_per_second"] = round(rate, 1)
        print(json.dumps(out, ensure_ascii=False, sort_keys=True))
        return 0
    for name, res in results.items():
        print(_table(name, res))
        print()
        if args.errors:
            for e in res["errors"]:
                print(f"  {e['id']} {e['field']}: gold={e['gold']!r} pred={e['pred']!r}")
            print()
    print(f"throughput: {rate:,.0f} references/s (one process)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
