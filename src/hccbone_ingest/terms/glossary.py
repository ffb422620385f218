"""The corpus-wide glossary, built at publish time from the `terms` rows of every document.

Rows come one document at a time (publish streams fragments); `GlossaryBuilder` keeps one
small record per distinct (short form, zh long form, en long form), not the rows.

- A paired zh definition gives a bilingual row (its English partner is not counted again);
- an unpaired definition gives a one-language row;
- keys compare the short form without a plural `s` and the English long form case-folded;
  the printed forms shown are the most frequent (ties: the smallest string).
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field

from .pairs import short_key

MAX_DOC_IDS = 50
MAX_EVIDENCE = 20


@dataclass
class _Entry:
    shorts: Counter = field(default_factory=Counter)
    en_forms: Counter = field(default_factory=Counter)
    docs: dict[str, float] = field(default_factory=dict)  # doc_id -> best pair confidence
    definitions: int = 0
    bases: Counter = field(default_factory=Counter)
    evidence: list[dict] = field(default_factory=list)


_BASIS_RANK = {"aligned_pair": 0, "bracket": 1, "document": 2}


def _top(c: Counter) -> str | None:
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


class GlossaryBuilder:
    def __init__(self) -> None:
        self.entries: dict[tuple[str, str | None, str | None], _Entry] = {}

    def add(self, rows: list[dict]) -> None:
        """The `terms` rows of one document."""
        for r in rows:
            if r["lang"] == "en" and r.get("paired_long"):
                # counted on its Chinese partner's row; only its place is added as evidence
                key = (short_key(r["short"]), r["paired_long"], r["long"].casefold())
                e = self.entries.setdefault(key, _Entry())
                if len(e.evidence) < MAX_EVIDENCE * 4:
                    e.evidence.append(self._evidence(r))
                continue
            if r["lang"] == "zh":
                zh_long, en_long = r["long"], r.get("paired_long")
            else:
                zh_long, en_long = None, r["long"]
            key = (short_key(r["short"]), zh_long, en_long.casefold() if en_long else None)
            e = self.entries.setdefault(key, _Entry())
            e.shorts[r["short"]] += 1
            if en_long:
                e.en_forms[en_long] += 1
            e.definitions += 1
            conf = r.get("pair_confidence")
            doc = r["doc_id"]
            if doc not in e.docs or (conf or 0) > (e.docs[doc] or 0):
                e.docs[doc] = conf or 0.0
            if r.get("pair_basis"):
                e.bases[r["pair_basis"]] += 1
            if len(e.evidence) < MAX_EVIDENCE * 4:
                e.evidence.append(self._evidence(r))

    @staticmethod
    def _evidence(r: dict) -> dict:
        return {"doc_id": r["doc_id"], "lang": r["lang"], "section": r["section"], "sent_no": r["sent_no"],
                "basis": r.get("pair_basis"), "pair_nos": list(r.get("pair_nos") or [])}

    def rows(self) -> list[dict]:
        variants = Counter(k[0] for k, e in self.entries.items() if e.definitions)
        out = []
        for (sk, zh_long, en_key), e in self.entries.items():
            if not e.definitions:
                continue  # an English partner whose Chinese row did not come (cannot happen in one doc)
            bilingual = zh_long is not None and en_key is not None
            conf = None
            if bilingual:
                miss = 1.0
                for c in e.docs.values():
                    miss *= 1.0 - c
                conf = round(1.0 - miss, 4)
            basis = min(e.bases, key=lambda b: _BASIS_RANK.get(b, 9)) if e.bases else None
            evidence = sorted(e.evidence, key=lambda x: (x["doc_id"], x["lang"], x["section"], x["sent_no"]))
            out.append({
                "short": sk,
                "long_zh": zh_long, "long_en": _top(e.en_forms),
                "doc_count": len(e.docs), "definition_count": e.definitions, "variants": variants[sk],
                "basis": basis, "confidence": conf, "doc_ids": sorted(e.docs)[:MAX_DOC_IDS],
                "evidence": json.dumps(evidence[:MAX_EVIDENCE], ensure_ascii=False),
            })
        return sorted(out, key=lambda r: (r["short"], r["long_zh"] or "", r["long_en"] or ""))


def build_glossary(term_rows: list[dict]) -> list[dict]:
    """Glossary rows from `terms` rows (any order)."""
    b = GlossaryBuilder()
    b.add(term_rows)
    return b.rows()
