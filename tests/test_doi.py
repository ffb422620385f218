"""DOI extraction and normalization: one test per pitfall of REFERENCE.md §4."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hccbone_ingest.refs.doi import (
    check_cma_doi,
    find_doi,
    find_dois,
    is_valid_doi,
    issn_checksum_ok,
    normalize_doi,
    parse_issn_doi,
)


def only(text: str, **kw):
    found = find_dois(text, **kw)
    assert len(found) == 1, found
    return found[0]


# --------------------------------------------------------------- trailing punctuation


def test_trailing_period_of_the_entry_is_not_part_of_the_doi():
    # Every seed reference ends `<DOI>.`
    m = only("Hepatology, 2018, 68(4): 1459-1475. DOI: 10.1002/hep.29920.")
    assert m.printed == "10.1002/hep.29920"
    assert m.key == "10.1002/hep.29920"
    assert m.valid


@pytest.mark.parametrize("tail", [",", ";", "。", ".,", ";.", "．", "，"])
def test_trailing_comma_semicolon_and_chinese_full_stop(tail):
    m = only(f"DOI:10.3760/cma.j.issn.0253-3766.2019.01.001{tail} 下一句")
    assert m.key == "10.3760/cma.j.issn.0253-3766.2019.01.001"


# --------------------------------------------------------------- labels


@pytest.mark.parametrize(
    "text",
    ["DOI: 10.1007/s12029-017-9998-6", "DOI:10.1007/s12029-017-9998-6", "doi:10.1007/s12029-017-9998-6",
     "doi 10.1007/s12029-017-9998-6", "DOI：10.1007/s12029-017-9998-6", "(doi: 10.1007/s12029-017-9998-6)"],
)
def test_label_with_or_without_space_or_colon(text):
    m = only(text)
    assert m.printed == "10.1007/s12029-017-9998-6"
    assert text[m.start : m.end] == m.printed


# --------------------------------------------------------------- full-width characters


def test_full_width_colon_digits_and_slash_are_read_through_nfkc():
    text = "DOI：１０.３７６０／cma.j.issn.0253-3766.2019.01.001。"
    m = only(text)
    assert m.key == "10.3760/cma.j.issn.0253-3766.2019.01.001"
    # `printed` is what the page shows; offsets point into the original string.
    assert m.printed == "１０.３７６０／cma.j.issn.0253-3766.2019.01.001"
    assert text[m.start : m.end] == m.printed
    assert normalize_doi(m.printed) == m.key


# --------------------------------------------------------------- glued CJK text


def test_doi_glued_to_following_chinese_text_stops_at_cjk():
    m = only("DOI:10.3760/cma.j.issn.0253-3766.2019.01.001中华肿瘤杂志")
    assert m.printed == "10.3760/cma.j.issn.0253-3766.2019.01.001"


# --------------------------------------------------------------- brackets


def test_unbalanced_closing_parenthesis_from_an_enclosing_bracket_is_cut():
    assert only("as shown before (doi:10.1000/xyz123).").printed == "10.1000/xyz123"
    assert only("<doi:10.1000/xyz123>").printed == "10.1000/xyz123"


def test_balanced_parentheses_inside_the_suffix_are_kept():
    # Seed reference [25] and [7].
    assert only("DOI: 10.1016/S1470-2045(21)00252-7.").printed == "10.1016/S1470-2045(21)00252-7"
    assert only("(DOI: 10.1016/S1499-3872(16)60173-X).").printed == "10.1016/S1499-3872(16)60173-X"


# --------------------------------------------------------------- line breaks


def test_doi_broken_after_a_period_is_rejoined():
    m = only("Biotechnol Genet Eng Rev, 2024, 40(4): 4809-4824. DOI: 10.1080/02648725.\n2023.2216966.")
    assert m.key == "10.1080/02648725.2023.2216966"
    assert m.printed == "10.1080/02648725.2023.2216966"


def test_doi_broken_after_a_hyphen_is_rejoined_also_when_the_break_became_a_space():
    assert only("DOI: 10.1186/s13046-018-\n0965-2.").key == "10.1186/s13046-018-0965-2"
    assert only("DOI: 10.1186/s13046-018- 0965-2.").key == "10.1186/s13046-018-0965-2"


def test_the_next_entry_is_never_glued_on():
    text = "DOI: 10.3877/cma.j.issn.2095-3232.2024.04.001.\nBhatia R, Ravulapati S. Title[J]."
    assert only(text).key == "10.3877/cma.j.issn.2095-3232.2024.04.001"
    # A following year or DOI is not a continuation either.
    assert only("doi:10.1000/abc. 2019 was a year").key == "10.1000/abc"
    two = find_dois("DOI: 10.1000/abc. 10.2000/def.")
    assert [m.key for m in two] == ["10.1000/abc", "10.2000/def"]


def test_join_lines_off_for_running_text_of_many_entries():
    # Without rejoining, the DOI stops at the break and is reported as broken.
    m = only("DOI: 10.1186/s13046-018-\n0965-2.", join_lines=False)
    assert m.key == "10.1186/s13046-018-"
    assert not m.valid


# --------------------------------------------------------------- SICI


def test_sici_doi_with_angle_brackets_and_semicolon():
    sici = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-0"
    m = only(f"J Am Soc Inf Sci, 1998, 49(8): 693. DOI: {sici}.")
    assert m.printed == sici
    assert m.key == sici.lower()
    assert m.valid


# --------------------------------------------------------------- URL forms


@pytest.mark.parametrize(
    "url",
    ["https://doi.org/10.1038/nature13308", "http://dx.doi.org/10.1038/nature13308",
     "doi.org/10.1038/nature13308", "https://www.nature.com/doi/full/10.1038/nature13308"],
)
def test_doi_url_forms(url):
    m = only(f"Nature, 2014, 510: 356-362. {url}.")
    assert m.key == "10.1038/nature13308"
    assert m.in_url


def test_publisher_url_tail_is_not_part_of_the_doi():
    m = only("http://onlinelibrary.wiley.com/doi/10.1002/9781118422557/summary.")
    assert m.key == "10.1002/9781118422557"
    m = only("https://www.tandfonline.com/doi/pdf/10.1080/01639374.2010.508711?needAccess=true")
    assert m.key == "10.1080/01639374.2010.508711"


def test_find_doi_prefers_the_printed_doi_over_one_inside_a_url():
    text = "http://pubs.acs.org/doi/10.1021/cb300573r. DOI: 10.1021/CB300573R."
    m = find_doi(text)
    assert m is not None and not m.in_url and m.printed == "10.1021/CB300573R"


def test_percent_encoded_slash():
    m = only("https://doi.org/10.1016%2Fj.jhep.2016.05.007")
    assert m.printed == "10.1016%2Fj.jhep.2016.05.007"
    assert m.key == "10.1016/j.jhep.2016.05.007"
    assert m.valid


# --------------------------------------------------------------- invisible characters


def test_zero_width_and_non_breaking_spaces():
    text = "DOI:\u00a010.1200/jco.2019.37.15\u200b_suppl.tps4152\u200b."
    m = only(text)
    assert m.key == "10.1200/jco.2019.37.15_suppl.tps4152"
    assert "\u200b" not in m.printed


# --------------------------------------------------------------- registrants, case


@pytest.mark.parametrize("doi", ["10.1234/x1", "10.123456/abc", "10.30476/mejc.2021.84106.1201",
                                 "10.123456789/z", "10.1000.10/abc"])
def test_four_to_nine_digit_registrants_and_subdivisions(doi):
    assert only(f"DOI: {doi}.").key == doi


def test_too_short_registrant_is_not_a_doi():
    assert find_dois("see 10.123/abc and 10.5/xyz") == []


def test_key_is_lower_case_printed_keeps_the_case():
    m = only("DOI: 10.1056/NEJMoa1915745.")
    assert (m.printed, m.key) == ("10.1056/NEJMoa1915745", "10.1056/nejmoa1915745")


# --------------------------------------------------------------- validity, normalize


def test_validity_flag():
    assert is_valid_doi("10.1016/s1470-2045(21)00252-7")
    assert is_valid_doi("10.1056/NEJMoa1915745")  # case-insensitive
    assert not is_valid_doi("10.1016/s1470-2045(21")  # unbalanced
    assert not is_valid_doi("10.1000/abc.")  # trailing punctuation
    assert not is_valid_doi("10.1000/ab c")
    assert not is_valid_doi("11.1000/abc")
    assert not is_valid_doi(None)
    assert not is_valid_doi("")


def test_normalize_doi():
    assert normalize_doi("https://doi.org/10.1002/HEP.29920") == "10.1002/hep.29920"
    assert normalize_doi("doi:10.1002/hep.29920.") == "10.1002/hep.29920"
    assert normalize_doi("no doi here") is None
    assert normalize_doi(None) is None
    assert normalize_doi("") is None


# --------------------------------------------------------------- DOIs that encode ISSN/year/issue


def test_cma_doi_parts():
    parts = parse_issn_doi("10.3877/cma.j.issn.2095-3232.2025.04.004")
    assert parts is not None
    assert (parts.issn, parts.year, parts.issue, parts.seq) == ("2095-3232", 2025, "04", "004")
    x = parse_issn_doi("10.3760/cma.j.issn.1007-631x.2013.03.008")
    assert x is not None and x.issn == "1007-631X"
    assert parse_issn_doi("10.1002/hep.29920") is None
    assert parse_issn_doi(None) is None


def test_cma_doi_consistent_with_year_and_zero_padded_issue():
    key = "10.3877/cma.j.issn.2095-3232.2025.04.004"
    assert check_cma_doi(key, 2025, "04") == []
    assert check_cma_doi(key, 2025, "4") == []
    assert check_cma_doi(key, None, None) == []


def test_cma_doi_contradicting_year_and_issue():
    key = "10.3877/cma.j.issn.2095-3232.2025.04.004"
    assert check_cma_doi(key, 2024, "04") == ["doi_year_mismatch"]
    assert check_cma_doi(key, 2025, "3") == ["doi_issue_mismatch"]
    assert check_cma_doi(key, 2024, "3") == ["doi_issue_mismatch", "doi_year_mismatch"]


def test_issn_check_digit():
    # 2095-3232: 2*8+0*7+9*6+5*5+3*4+2*3+3*2 = 119; 119 mod 11 = 9; 11-9 = 2.
    assert issn_checksum_ok("2095-3232")
    assert issn_checksum_ok("1007-631X")  # ... = 78; 78 mod 11 = 1; 11-1 = 10 = X
    assert not issn_checksum_ok("2095-3233")
    assert check_cma_doi("10.3877/cma.j.issn.2095-3233.2025.04.004", 2025, "04") == ["doi_issn_checksum"]
    assert check_cma_doi("10.1002/hep.29920", 2018, "4") == []


def test_cma_doi_supplement_issue_matches_the_printed_supplement():
    # Supplements are `.z1.` / `.s1.` in the DOI, `增刊1` / `S1` / `Suppl 1` on the page.
    key = "10.3760/cma.j.issn.0376-2491.2019.z1.001"
    for printed in ("增刊1", "S1", "Suppl 1", "suppl. 1", "Ｓ１"):
        assert check_cma_doi(key, 2019, printed) == [], printed
    assert check_cma_doi(key, 2019, "1") == ["doi_issue_mismatch"]
    assert check_cma_doi(key, 2019, "增刊2") == ["doi_issue_mismatch"]


# The NFKC view copies ASCII runs whole and normalizes only the other characters; it must give
# exactly what normalizing every character one by one gives (the definition it replaces).
def _nfkc_view_per_char(text: str) -> tuple[str, list[int]]:
    import unicodedata

    zero_width = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
    out, src = [], []
    for i, ch in enumerate(text):
        if ch in zero_width:
            continue
        for c in unicodedata.normalize("NFKC", ch):
            out.append(c)
            src.append(i)
    return "".join(out), src


@pytest.mark.parametrize("text", [
    "", "DOI: 10.1016/j.jhep.2016.05.007.", "Clézardin P. Wnt/β-catenin, κB. DOI: 10.1152/x",
    "DOI：１０.３７６０／cma.j.issn.1007-631X",  "10.1000/a\u200bb\u00adc\ufeff", "ﬁ ㍿ Ⅻ ½ ｶ",
    "党东民, 董栋. 骨组织[J]. 2018, 1(2): 46-51. DOI:10.3760/cma.j.issn.2096-5400.2018.02.010.",
])
def test_nfkc_view_equals_per_character_normalization(text):
    from hccbone_ingest.refs.doi import _nfkc_view

    assert _nfkc_view(text) == _nfkc_view_per_char(text)


@given(st.text(max_size=80))
def test_nfkc_view_equals_per_character_normalization_on_any_text(text):
    from hccbone_ingest.refs.doi import _nfkc_view

    assert _nfkc_view(text) == _nfkc_view_per_char(text)


# --- linear time on hostile chains (issue 12, item 15) ---------------------------------------------

def test_search_doi_finds_what_the_regex_finds() -> None:
    """The linear search is the regex search: same match on random strings of DOI characters."""
    import random

    from hccbone_ingest.refs.doi import _DOI, _search_doi

    rng = random.Random(12)
    alphabet = ["10.", "1234", "5", ".", "/", "%2F", "a", " ", ")", "10.1234/", "0"]
    for _ in range(20_000):
        s = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 12)))
        pos = rng.randint(0, len(s))
        a, b = _DOI.search(s, pos), _search_doi(s, pos)
        assert (a and a.span()) == (b and b.span()), (s, pos)


@pytest.mark.parametrize("text", [
    "10.1234." * 20_000,                     # a DOI-looking chain without a slash
    "10.1234." * 20_000 + "/abc",            # ... that ends in a slash after a dot
    "10.1234." * 20_000 + "10.1/ x",         # ... a slash with no DOI suffix
    "10.1234/a" + ")" * 160_000,             # closing brackets to trim
])
def test_hostile_doi_chains_are_linear(text: str) -> None:
    import time

    t0 = time.process_time()
    find_dois(text)
    assert time.process_time() - t0 < 1.0  # 11.6 s for the first one before; ~5 ms now


def test_a_long_chain_ending_in_a_doi_is_one_doi() -> None:
    (m,) = find_dois("see 10.1234." * 3 + "10.5555/xyz.")
    assert m.key == "10.1234.10.5555/xyz"  # the regex's leftmost, greedy reading, as before
