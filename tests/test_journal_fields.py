"""Line-level field parsers shared by the text and HTML journal adapters."""

from __future__ import annotations

import pytest

from hccbone_ingest.sources._journal_fields import parse_zh_affiliation


@pytest.mark.parametrize(("line", "label", "name", "postcode"), [
    ("1100044 北京大学人民医院肝胆外科", 1, "北京大学人民医院肝胆外科", "100044"),  # seed: glued label
    ("1. 北京大学人民医院肝胆外科, 北京 100044;", 1, "北京大学人民医院肝胆外科, 北京", "100044"),  # old style
    ("2. 上海交通大学医学院附属瑞金医院普外科,上海 200025。", 2, "上海交通大学医学院附属瑞金医院普外科,上海",
     "200025"),
    ("北京大学人民医院骨肿瘤科", None, "北京大学人民医院骨肿瘤科", None),
])
def test_zh_affiliation_label_name_postcode(line, label, name, postcode):
    a = parse_zh_affiliation(line)
    assert (a.label, a.name, a.postcode) == (label, name, postcode)


def test_meta_labels_after_a_semicolon_start_their_own_field():
    from hccbone_ingest.sources._journal_fields import parse_meta_line

    fields = parse_meta_line("收稿日期：2024-03-02；录用日期：2024-05-20；发布日期：2024-06-28")
    assert [(f.key, f.value) for f in fields] == [
        ("received", "2024-03-02"), ("accepted", "2024-05-20"), ("published", "2024-06-28")]
    seed = parse_meta_line("收稿日期:2025-01-25 出版日期:2025-08-10")
    assert [(f.key, f.value) for f in seed] == [("received", "2025-01-25"), ("published", "2025-08-10")]
