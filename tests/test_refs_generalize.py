"""Failure classes found by the held-out check (bench/gold/heldout.jsonl and a probe of further
realistic strings), one test each. Expected values are read off each string by eye."""

from __future__ import annotations

import pytest

from tests.refs_check import check

ARTICLE_ZH = "王伟, 李娜. 肝癌骨转移[J]. 中华肿瘤杂志, 2021, 43(5): 541-547."
ARTICLE_EN = "Finn RS, Qin S. Atezolizumab[J]. N Engl J Med, 2020, 382(20): 1894-1905."


# ------------------------------------------------------------- list numbers printed in the entry


@pytest.mark.parametrize(
    "prefix", ["[1] ", "［1］", "【12】", "(1) ", "（3）", "1. ", "12.", "1) ", "1、", "7．"]
)
def test_list_number_before_the_entry_is_not_an_author(prefix):
    check(prefix + ARTICLE_ZH, authors=["王伟", "李娜"], title="肝癌骨转移", year=2021)
    check(prefix + ARTICLE_EN, authors=["Finn RS", "Qin S"], title="Atezolizumab", volume="382")


def test_leading_digits_that_are_not_a_list_number_are_kept():
    check("3M Company. Bone cement injector: US10123456B2[P]. 2019-01-01.", authors=["3M Company"])
    check("2022年中国肿瘤登记年报[R]. 北京: 人民卫生出版社, 2023.", title="2022年中国肿瘤登记年报")
    check("1.5 T MRI of spinal metastases[J]. Radiology, 2001, 220(1): 1-5.",
          title="1.5 T MRI of spinal metastases")


# ------------------------------------------------------------- pages


@pytest.mark.parametrize(
    ("pages", "first", "last"),
    [("1-5, 10", "1", "5, 10"), ("161-164, 封3", "161", "164, 封3"),
     ("615-619, I0001", "615", "619, I0001"), ("312-315+320", "312", "315+320")],
)
def test_a_range_continued_on_other_pages(pages, first, last):
    check(f"李明. 肝癌骨转移的外科治疗[J]. 中华外科杂志, 2020, 58(1): {pages}.",
          pages_first=first, pages_last=last, article_no=None, flags=[])


# ------------------------------------------------------------- volumes with a supplement


@pytest.mark.parametrize(
    ("locator", "volume", "issue", "first", "last"),
    [("30 Suppl 5: v1-v10", "30", "Suppl 5", "v1", "v10"),
     ("111 Suppl: S10-S11", "111", "Suppl", "S10", "S11"),
     ("12 Pt 2: 6243s-6249s", "12", "Pt 2", "6243s", "6249s"),
     ("99 增刊1: 45-47", "99", "增刊1", "45", "47")],
)
def test_volume_printed_with_its_supplement_without_brackets(locator, volume, issue, first, last):
    check(f"Smith J, Lee K. Skeletal events in HCC[J]. Ann Oncol, 2019, {locator}.",
          volume=volume, issue=issue, pages_first=first, pages_last=last)


def test_vancouver_volume_with_supplement():
    check("Smith J, Lee K. Skeletal events in HCC. Ann Oncol. 2019;30 Suppl 5:v1-v10.",
          container="Ann Oncol", volume="30", issue="Suppl 5", pages_first="v1", pages_last="v10")


# ------------------------------------------------------------- DOIs in brackets, DOI links


@pytest.mark.parametrize(
    "tail",
    [" (doi:10.1007/s00432-008-0410-6).", "（DOI：10.1007/s00432-008-0410-6）.",
     ". [DOI: 10.1007/s00432-008-0410-6]", ". ［DOI：10.1007/s00432-008-0410-6］."],
)
def test_doi_in_brackets_after_the_locator(tail):
    check("Kim SU, Park JY. Bone metastasis[J]. J Cancer Res Clin Oncol, 2008, 134(12): 1377-1384" + tail,
          pages_first="1377", pages_last="1384", doi_key="10.1007/s00432-008-0410-6", flags=[])


@pytest.mark.parametrize(
    ("tail", "url"),
    [("DOI: https://doi.org/10.3748/wjg.v26.i43.6757.", "https://doi.org/10.3748/wjg.v26.i43.6757"),
     ("doi.org/10.3748/wjg.v26.i43.6757", "doi.org/10.3748/wjg.v26.i43.6757")],
)
def test_doi_link_with_a_label_or_without_a_scheme(tail, url):
    check("Chen X, Zhang Y. Bone metastasis in HCC[J]. World J Gastroenterol, 2020, 26(43): 6757-6769. "
          + tail, url=url, doi_key="10.3748/wjg.v26.i43.6757", pages_last="6769", flags=["doi_from_url"])


# ------------------------------------------------------------- roles after the author names


@pytest.mark.parametrize(
    ("head", "authors", "et_al"),
    [("Smith J, Brown K, eds.", ["Smith J", "Brown K"], False),
     ("Smith J, Brown K, et al, eds.", ["Smith J", "Brown K"], True),
     ("Smith J (ed.).", ["Smith J"], False),
     ("陈孝平, 汪建平, 主编.", ["陈孝平", "汪建平"], False),
     ("陈孝平, 汪建平, 等, 主编.", ["陈孝平", "汪建平"], True),
     ("陈孝平 主编.", ["陈孝平"], False),
     ("Ed Smith.", ["Ed Smith"], False)],  # a name that starts like a role stays
)
def test_role_after_the_names_is_not_an_author(head, authors, et_al):
    check(f"{head} Bone metastases[M]. Berlin: Springer, 2015.", authors=authors, et_al=et_al,
          title="Bone metastases", place="Berlin", publisher="Springer", year=2015)


# ------------------------------------------------------------- imprint


def test_edition_with_a_revision_or_printing():
    check("World Health Organization. International classification of diseases for oncology (ICD-O)[M]. "
          "3rd ed., 1st revision. Geneva: World Health Organization, 2013.",
          edition="3rd ed., 1st revision", place="Geneva", publisher="World Health Organization", flags=[])


@pytest.mark.parametrize(
    ("imprint", "place", "publisher"),
    [("上海, 2018", "上海", None), ("乌鲁木齐, 2018", "乌鲁木齐", None),
     ("北京协和医学院, 2018", None, "北京协和医学院"), ("北京大学, 2018", None, "北京大学"),
     ("人民卫生出版社, 2018", None, "人民卫生出版社"), ("中华书局, 2018", None, "中华书局"),
     ("三联书店, 2018", None, "三联书店"), ("北京: 中华医学会, 2018", "北京", "中华医学会")],
)
def test_a_lone_chinese_imprint_name_is_a_place_or_a_publisher(imprint, place, publisher):
    check(f"李明. 肝癌骨转移的放射治疗[C]//第十届全国肝癌学术会议论文集. {imprint}: 10-12.",
          container="第十届全国肝癌学术会议论文集", place=place, publisher=publisher, year=2018,
          pages_first="10", pages_last="12")


# ------------------------------------------------------------- preprints (2025 edition)


def test_preprint_platform_is_the_container():
    check("Wang L, Zhang H. Single-cell atlas of bone metastatic hepatocellular carcinoma[PP/OL]. "
          "bioRxiv, 2024[2024-06-01]. https://doi.org/10.1101/2024.01.15.575678.",
          type_code="PP", carrier="OL", container="bioRxiv", publisher=None, year=2024,
          access_date="2024-06-01", doi_key="10.1101/2024.01.15.575678")
    check("Wang L. Deep learning for bone scans[PP/OL]. arXiv, 2021: 2103.00020[2021-03-05]. "
          "https://arxiv.org/abs/2103.00020.",
          container="arXiv", year=2021, article_no="2103.00020", pages_first=None,
          url="https://arxiv.org/abs/2103.00020")


# ------------------------------------------------------------- trailers with no field


@pytest.mark.parametrize("tail", [" [PMID: 34414118]", "; PMID: 34414118.", " PMCID: PMC8369437."])
def test_database_ids_after_the_doi_are_not_unparsed(tail):
    check("Qin S, Ren Z. Atezolizumab plus bevacizumab[J]. Liver Cancer, 2021, 10(4): 296-308. "
          "DOI: 10.1159/000513486." + tail, doi_key="10.1159/000513486", pages_last="308", flags=[])


# ------------------------------------------------------------- journal locators as printed


@pytest.mark.parametrize(
    ("tail", "container", "volume", "issue"),
    [("中国医药导报, 2018, (12): 45-48.", "中国医药导报", None, "12"),  # CNKI: no volume, comma kept
     ("中国医药导报,2018,(12):45-48.", "中国医药导报", None, "12"),
     ("中华医学杂志. 2020, 100(1): 45-48.", "中华医学杂志", "100", "1"),  # period after the journal
     ("Lancet Oncol. 2020, 21(1): 45-48.", "Lancet Oncol", "21", "1"),
     ("Lancet Oncol, 2020; 21(1): 45-48.", "Lancet Oncol", "21", "1"),
     ("Lancet. 2018;391(10126):45-48.", "Lancet", "391", "10126"),  # Vancouver locator after [J]
     ("中华医学杂志, 2019年, 99(3): 45-48.", "中华医学杂志", "99", "3"),
     ("Proc. Natl. Acad. Sci. USA. 2018;115(20):45-48.", "Proc. Natl. Acad. Sci. USA", "115", "20")],
)
def test_journal_locator_variants(tail, container, volume, issue):
    r = check("孙丽, 周涛. 唑来膦酸治疗肝癌骨转移疼痛[J]. " + tail, container=container, volume=volume,
              issue=issue, pages_first="45", pages_last="48", flags=[])
    assert r.year in (2018, 2019, 2020)


# ------------------------------------------------------------- author lists


@pytest.mark.parametrize(
    ("head", "authors"),
    [("Smith J and Brown K.", ["Smith J", "Brown K"]),
     ("Smith J, Brown K, and Lee H.", ["Smith J", "Brown K", "Lee H"]),
     ("Smith J & Brown K.", ["Smith J", "Brown K"]),
     # corporate names keep their `and` / `&`
     ("Research Group of Liver Cancer and Bone.", ["Research Group of Liver Cancer and Bone"]),
     ("Johnson & Johnson.", ["Johnson & Johnson"])],
)
def test_and_between_personal_names(head, authors):
    check(f"{head} Bone metastasis[J]. Lancet Oncol, 2020, 21(1): 1-5.", authors=authors,
          title="Bone metastasis")


@pytest.mark.parametrize(
    ("head", "authors"),
    [("Zhang Wei, Li Na.", ["Zhang Wei", "Li Na"]),
     ("ZHANG Wei-Min, OUYANG Xiu.", ["ZHANG Wei-Min", "OUYANG Xiu"]),
     ("Zhang Weimin.", ["Zhang Weimin"])],
)
def test_pinyin_names_end_the_author_statement_before_a_title_with_a_period(head, authors):
    check(f"{head} Bone metastasis. A retrospective study[J]. Chin J Oncol, 2019, 41(2): 81-86.",
          authors=authors, title="Bone metastasis. A retrospective study")


def test_corporate_hierarchy_is_not_read_as_pinyin_names():
    check("Commonwealth Libraries Bureau. Pennsylvania Office. Title here[R]. Harrisburg: CLB, 2019.",
          authors=["Commonwealth Libraries Bureau. Pennsylvania Office"], title="Title here")


# ------------------------------------------------------------- book pages after a period


@pytest.mark.parametrize(("pages", "first", "last"), [("12-15", "12", "15"), ("235", "235", None)])
def test_book_pages_after_a_period(pages, first, last):
    check(f"陈孝平. 外科学[M]. 北京: 人民卫生出版社, 2018. {pages}.", place="北京",
          publisher="人民卫生出版社", year=2018, pages_first=first, pages_last=last, flags=[])


# ------------------------------------------------------------- CMA DOIs check the locator


def test_cma_doi_contradicting_the_entry_locator_is_flagged():
    base = "王伟. 肝癌骨转移[J]. 中华医学杂志, {loc}: 1-5. DOI: 10.3760/cma.j.issn.0376-2491.2020.01.001."
    check(base.format(loc="2020, 100(1)"), flags=[])
    check(base.format(loc="2020, 100(01)"), flags=[])
    check(base.format(loc="2020, 100(2)"), issue="2", flags=["doi_issue_mismatch"])
    check(base.format(loc="2021, 100(1)"), year=2021, flags=["doi_year_mismatch"])
    # a DOI that does not encode year and issue checks nothing
    check("王伟. 肝癌骨转移[J]. 中华医学杂志, 2021, 100(2): 1-5. DOI: 10.3760/cma.j.cn112137-20200101-00001.",
          flags=[])


# ------------------------------------------------------------- what full-text pages append


@pytest.mark.parametrize("tail", [" [本文引用: 1]", " [Cited within: 2]", " [CrossRef] [PubMed]",
                                  " [Google Scholar]", " (Epub 2020 May 14)"])
def test_page_annotations_after_the_entry_are_not_unparsed(tail):
    check("Finn RS, Qin S. Atezolizumab plus bevacizumab[J]. N Engl J Med, 2020, 382(20): 1894-1905. "
          "DOI: 10.1056/NEJMoa1915745." + tail, pages_last="1905", doi_key="10.1056/nejmoa1915745", flags=[])


def test_pp_before_the_pages():
    check("Finn RS, Qin S. Atezolizumab plus bevacizumab[J]. N Engl J Med, 2020, 382(20): pp. 1894-1905.",
          pages_first="1894", pages_last="1905", flags=[])


# ------------------------------------------------------------- supplement pages vs article numbers


@pytest.mark.parametrize(
    ("locator", "page", "article_no"),
    [("v290", "v290", None), ("viii290", "viii290", None), ("S290", "S290", None),  # supplement pages
     ("TPS4152", None, "TPS4152"), ("LBA4001", None, "LBA4001"), ("CD003474", None, "CD003474")],
)
def test_supplement_page_prefixes_are_pages(locator, page, article_no):
    check(f"Kim S, Lee J. Title D[J]. Ann Oncol, 2019, 30(Suppl 5): {locator}.",
          pages_first=page, article_no=article_no)
