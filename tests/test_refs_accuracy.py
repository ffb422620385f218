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
