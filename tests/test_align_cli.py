from __future__ import annotations

import argparse

from hccbone_ingest.commands import align as align_cmd
from hccbone_ingest.text.sentences import split_en, split_zh
from tests.seed_abstract import seed_abstracts


def _args(*argv: str) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    align_cmd.add_arguments(p)
    return p.parse_args(list(argv))


def _write_seed(tmp_path):
    zh, en = seed_abstracts()
    zf, ef = tmp_path / "zh.txt", tmp_path / "en.txt"
    zf.write_text("\n".join(s.text for s in split_zh(zh)) + "\n", encoding="utf-8")
    ef.write_text("\n".join(s.text for s in split_en(en)) + "\n", encoding="utf-8")
    return zf, ef


def test_prints_vecalign_beads(tmp_path, capsys):
    zf, ef = _write_seed(tmp_path)
    assert align_cmd.run(_args(str(zf), str(ef))) == 0
    assert capsys.readouterr().out.splitlines() == [
        "[0]:[0, 1, 2]", "[1]:[3]", "[2]:[4, 5]", "[3]:[6]", "[4]:[7]"]


def test_scores_and_unmatched_lines(tmp_path, capsys):
    zf, ef = _write_seed(tmp_path)
    ef.write_text(ef.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # a blank 9th line
    assert align_cmd.run(_args(str(zf), str(ef), "--scores")) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[-1] == "[]:[8]\t1.0000"
    bead, score = lines[0].split("\t")
    assert bead == "[0]:[0, 1, 2]" and 0.0 <= float(score) <= 1.0


def test_bad_input_is_a_clear_error(tmp_path, capsys):
    zf = tmp_path / "zh.txt"
    zf.write_bytes(b"\xff\xfe\x00bad")
    assert align_cmd.run(_args(str(zf), str(tmp_path / "missing.txt"))) == 2
    assert "not UTF-8" in capsys.readouterr().err
    zf.write_text("一。\n", encoding="utf-8")
    assert align_cmd.run(_args(str(zf), str(tmp_path / "missing.txt"))) == 2
    assert "cannot read" in capsys.readouterr().err
