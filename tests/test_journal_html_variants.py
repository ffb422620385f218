"""Journal HTML pages that differ from the seed: other articles, other platforms, other
author-line and encoding conventions (fixtures listed in tests/fixtures/journal_html/README.md,
second table). Every expected value was read off the fixture file itself.
"""

from __future__ import annotations

from hccbone_ingest.sources._html.authors import parse_author_line
from hccbone_ingest.sources._html.dom import parse_html, visible_text
from hccbone_ingest.sources._html.fields import SUP_CLOSE, SUP_OPEN


def _sup(label: str) -> str:
    return f"{SUP_OPEN}{label}{SUP_CLOSE}"


# ------------------------------------------------------------------ author lines, visible text

def test_a_name_after_a_sup_label_starts_the_next_author() -> None:
    # Yiigle separates Chinese names by spaces only: the <sup> label closes each name.
    zh = parse_author_line(f"黄志强{_sup('1')} 吴敏{_sup('2')} 郑海燕{_sup('1,3')}", "zh")
    assert [(a.name_zh, a.affiliation_ids) for a in zh] == [("黄志强", [1]), ("吴敏", [2]),
                                                           ("郑海燕", [1, 3])]
    en = parse_author_line(f"Huang Zhiqiang{_sup('1')} Wu Min{_sup('2*')}", "en")
    assert [(a.name_en, a.affiliation_ids, a.is_corresponding) for a in en] == [
        ("Huang Zhiqiang", [1], False), ("Wu Min", [2], True)]
    # the seed's form is unchanged: labels, then `(` + empty mail link for the same author
    seed = parse_author_line(f"孙馨{_sup('2')}, 李照{_sup('1,')}(\u2709\u2709)", "zh")
    assert [(a.name_zh, a.affiliation_ids, a.is_corresponding) for a in seed] == [
        ("孙馨", [2], False), ("李照", [1], True)]


def test_visible_text_glues_sup_labels_to_the_name() -> None:
    # Source indentation before a <sup> must not split `罗臻1` (the text adapter's label rule).
    html = ("<p>罗臻 <sup>1</sup>, 韦鹏程\n<sup> 1,2 </sup>, 李照<sup>1</sup><sup>*</sup></p>"
            "<p>x<br> <sup>2</sup>y</p>")
    assert visible_text(parse_html(html)) == "罗臻1, 韦鹏程1,2, 李照1*\n\nx\n2y"
