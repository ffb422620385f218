"""`hccbone refs parse FILE`: one JSON object per input line, the issue's field names."""

from __future__ import annotations

import argparse
import io
import json
import sys

import pytest

from hccbone_ingest.commands import refs

FIELDS = ["type_code", "carrier", "authors", "et_al", "title", "container", "edition", "place",
          "publisher", "year", "volume", "issue", "pages_first", "pages_last", "article_no",
          "access_date", "url", "doi", "doi_key", "doi_valid", "lang", "flags"]
# Seed reference [14] (verbatim) and a 2025-edition book of ours.
REF14 = ("党东民, 董栋, 罗小虎, 等. 骨组织微环境PTEN和AKT状态与肝癌骨转移预后的相关性研究[J]. "
         "中华转移性肿瘤杂志, 2018, 1(2): 46-51. DOI:10.3760/cma.j.issn.2096-5400.2018.02.010.")
BOOK = "陈登原．国史旧闻：第1卷［M］．北京：中华书局，2000：29．"


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    refs.add_arguments(parser)
    return refs.run(parser.parse_args(argv))


def test_module_contract():
    assert refs.NAME == "refs"
    assert isinstance(refs.HELP, str) and refs.HELP
    assert list(refs.FIELDS) == FIELDS


def test_parse_file_one_object_per_line(tmp_path, capsys):
    f = tmp_path / "refs.txt"
    f.write_text(f"{REF14}\n\n{BOOK}\n", encoding="utf-8")
    assert run_cli(["parse", str(f)]) == 0
    out = capsys.readouterr().out
    assert "\\u" not in out  # ensure_ascii=False: Chinese stays readable
    objs = [json.loads(line) for line in out.splitlines()]
    assert len(objs) == 3  # the blank line keeps its place
    assert all(list(o) == FIELDS for o in objs)
    a, blank, b = objs
    assert a["authors"] == ["党东民", "董栋", "罗小虎"] and a["et_al"] is True
    assert (a["container"], a["year"], a["volume"], a["issue"]) == ("中华转移性肿瘤杂志", 2018, "1", "2")
    assert (a["pages_first"], a["pages_last"]) == ("46", "51")
    assert a["doi"] == "10.3760/cma.j.issn.2096-5400.2018.02.010" and a["doi_valid"] is True
    assert blank["flags"] == ["unparseable"] and blank["title"] is None and blank["authors"] == []
    # volumes as their numeral (issue 13)
    assert (b["type_code"], b["title"], b["volume"], b["publisher"]) == ("M", "国史旧闻", "1", "中华书局")


def test_parse_stdin(monkeypatch, capsys):
    data = f"{BOOK}\r\n{REF14}".encode()
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    assert run_cli(["parse", "-"]) == 0
    objs = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [o["type_code"] for o in objs] == ["M", "J"]


def test_gb18030_input_is_decoded(tmp_path, capsys):
    f = tmp_path / "refs_gbk.txt"
    f.write_bytes((REF14 + "\n").encode("gb18030"))
    assert run_cli(["parse", str(f)]) == 0
    (obj,) = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert obj["title"] == "骨组织微环境PTEN和AKT状态与肝癌骨转移预后的相关性研究"


def test_empty_file_gives_no_output(tmp_path, capsys):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    assert run_cli(["parse", str(f)]) == 0
    assert capsys.readouterr().out == ""


def test_missing_file_is_a_clear_error(tmp_path, capsys):
    assert run_cli(["parse", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert "cannot read" in err and "nope.txt" in err


def test_parse_requires_a_file():
    with pytest.raises(SystemExit):
        run_cli(["parse"])
