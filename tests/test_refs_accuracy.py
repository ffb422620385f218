"""The benchmark's accuracy targets as a regression guard (scoring from bench/refs_eval.py).

No timing here: throughput belongs to the benchmark itself.
"""

from __future__ import annotations

import pytest

from bench import refs_eval


def test_seed_references_and_related_articles_all_fields_right():
    seed = refs_eval._jsonl(refs_eval.GOLD_DIR / "seed_refs.jsonl")
    res = refs_eval.score(seed, refs_eval.SEED_FIELDS, refs_eval._gold_exact, refs_eval._pred_exact)
    assert (res["n"], res["all_fields_right"]) == (36, 36), res["errors"]
    related = refs_eval._jsonl(refs_eval.GOLD_DIR / "seed_related.jsonl")
    res = refs_eval.score(related, refs_eval.SEED_FIELDS, refs_eval._gold_exact, refs_eval._pred_exact)
    assert (res["n"], res["all_fields_right"]) == (15, 15), res["errors"]


def test_gbt7714_2015_examples_field_f1_at_least_095():
    path = refs_eval.shared_data_dir(None) / "refs" / "gbt7714-2015.jsonl"
    if not path.is_file():
        pytest.skip(f"shared evaluation data not found at {path}")
    res = refs_eval.score(refs_eval._jsonl(path), refs_eval.FIELDS_2015, refs_eval._gold_2015,
                          refs_eval._pred_2015)
    assert res["n"] == 167
    assert res["micro"]["f1"] >= 0.95, res["micro"]


@pytest.mark.parametrize(("name", "n"), [("heldout", 120), ("probe", 101)])
def test_held_out_and_probe_sets_field_f1_at_least_099(name, n):
    recs = refs_eval._jsonl(refs_eval.GOLD_DIR / f"{name}.jsonl")
    res = refs_eval.score(recs, refs_eval.HELDOUT_FIELDS, refs_eval._gold_heldout, refs_eval._pred_heldout)
    assert res["n"] == n
    assert res["micro"]["f1"] >= 0.99, res["errors"]


def test_held_out_gold_values_are_printed_in_their_strings():
    """Every hand-written gold value can be read off its string (NFKC, spaces collapsed; the DOI
    as its key, which undoes `%2F`), so the gold does not reward inventing text."""
    for name in ("heldout", "probe"):
        for rec in refs_eval._jsonl(refs_eval.GOLD_DIR / f"{name}.jsonl"):
            text = refs_eval._loose(rec["text"])
            assert isinstance(text, str)
            for field, value in rec["gold"].items():
                if field in ("type_code", "carrier", "lang", "et_al") or value in (None, []):
                    continue
                if field == "doi":
                    assert value.lower() in text.lower().replace("%2f", "/"), (rec["id"], value)
                    continue
                for v in value if isinstance(value, list) else [value]:
                    assert refs_eval._loose(str(v)) in text, (rec["id"], field, v)
