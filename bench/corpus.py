"""A deterministic benchmark corpus: N realistic raw pages built from real text.

Three kinds of page, mixed in fixed proportions (default 70 % journal text copies, 20 %
journal Magtech HTML, 10 % Dr.Oracle AI-summary text copies):

- journal pages follow the seed layout (`raw/journal/000_…txt`) line for line: platform link,
  `››` header with a unique CMA DOI, column, titles, authors with affiliation labels and the
  `,()` corresponding-author mark, affiliations with the label glued to the postcode, dates,
  self-citations, the Chinese and English abstracts as two unlabelled paragraphs, `[n]`
  references and the unnumbered "related articles" list;
- the HTML form is the Magtech panel layout (REFERENCE.md §1), the same DOM as the HTML
  adapter's fixture `tests/fixtures/journal_html/magtech_panel_seed.html`;
- AI summaries follow `raw/ai_summary/003_…txt` (chrome lines, "From the Guidelines" prose and
  bullets, "From the Research" subheadings and bullets, citation markers, disclaimer).

Abstracts and titles are real parallel sentences: windows of consecutive gold beads of ParaMed
(NEJM articles and their Chinese editions, `../shared/data/align/paramed`), so the sentence
splitter, the aligner and the encoder see real bilingual biomedical text with real 1-2 / 2-1
beads. References are real GB/T 7714 strings (the seed's 36 and the 167 examples of
`../shared/data/refs/gbt7714-2015.jsonl`).

Document i depends only on (seed, i), so the corpus of N documents is the first N documents
of any larger one: a sweep over N measures the same distribution of pages at every size.
"""

from __future__ import annotations

import functools
import hashlib
import html
import json
import os
import random
import re
import string
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED_JOURNAL = REPO / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"

KINDS = ("journal_text", "journal_html", "ai_text")
DEFAULT_MIX = {"journal_text": 0.7, "journal_html": 0.2, "ai_text": 0.1}


def shared_data_dir(override: str | os.PathLike | None = None) -> Path:
    """The shared gold data: --data, else $HCCBONE_SHARED_DATA, else ../shared/data beside the repo."""
    if override:
        return Path(override)
    env = os.environ.get("HCCBONE_SHARED_DATA")
    if env:
        return Path(env)
    # ../shared/data beside the clone; a git worktree under <project>/wt/ looks two levels up.
    for base in (REPO.parent, REPO.parent.parent):
        if (base / "shared" / "data").is_dir():
            return base / "shared" / "data"
    return REPO.parent / "shared" / "data"


# --------------------------------------------------------------------------- resource pools

# Chinese pages use ASCII , ( ) : ; inside Chinese text (only 。 and 、 are full-width, see
# REFERENCE.md §1); ParaMed uses full-width ones, so convert to what the pages really print.
_ZH_PUNCT = str.maketrans({"，": ",", "（": "(", "）": ")", "：": ":", "；": ";"})


# NEJM footnote calls glued to the sentence end ("preventable.81", "预防81", "uncertainty.20,21").
_FOOTNOTE = re.compile(r"(?:(?<=[\u4e00-\u9fff])|(?<=[.。)]))\d+(?:[,\u2013-]\d+)*$")


@dataclass(frozen=True)
class Bead:
    zh: tuple[str, ...]
    en: tuple[str, ...]


@dataclass(frozen=True)
class Pools:
    docs: tuple[tuple[Bead, ...], ...]  # ParaMed documents as runs of content beads
    titles: tuple[Bead, ...]  # short 1-1 beads usable as titles
    references: tuple[str, ...]  # real reference strings
    related: tuple[str, ...]  # "related article" lines without their [n]


def _is_content(b: Bead) -> bool:
    """A sentence bead, not a heading like 方法方法 / methods."""
    zh = "".join(b.zh)
    en = " ".join(b.en)
    return len(zh) >= 12 and len(en.split()) >= 5 and zh[-1] in "。?？!！)）%"


def _read_paramed(root: Path) -> list[list[Bead]]:
    docs: list[list[Bead]] = []
    gold_dir = root / "gold"
    if not gold_dir.is_dir():
        raise FileNotFoundError(f"ParaMed gold alignments not found under {root} (use --data)")
    for gold in sorted(gold_dir.glob("*.align")):
        name = gold.stem
        zh = (root / "zh" / name).read_text(encoding="utf-8").splitlines()
        en = (root / "en" / name).read_text(encoding="utf-8").splitlines()
        beads: list[list[Bead]] = [[]]
        for line in gold.read_text(encoding="utf-8").splitlines():
            left, right = line.split(":")
            zi, ei = json.loads(left), json.loads(right)
            b = Bead(tuple(_FOOTNOTE.sub("", zh[i].strip().translate(_ZH_PUNCT)) for i in zi),
                     tuple(_sentence_case(_FOOTNOTE.sub("", en[i].strip())) for i in ei))
            if zi and ei and _is_content(b):
                beads[-1].append(b)
            elif beads[-1]:
                beads.append([])  # a heading or an unaligned sentence ends a run
        docs.extend(run for run in beads if len(run) >= 3)
    return docs


def _sentence_case(s: str) -> str:
    """ParaMed is lower-cased: give each sentence a capital first letter as printed abstracts have."""
    return s[:1].upper() + s[1:] if s else s


def _seed_references_and_related() -> tuple[list[str], list[str]]:
    lines = SEED_JOURNAL.read_text(encoding="utf-8").split("\n")
    refs, related = [], []
    for i, line in enumerate(lines):
        if re.fullmatch(r"\[\d+\]", line) and i + 1 < len(lines):
            refs.append(lines[i + 1])
        m = re.match(r"\[\d+\] (.+)$", line)
        if m:
            related.append(m.group(1))
    return refs, related


@functools.cache
def load_pools(data_dir: str) -> Pools:
    root = Path(data_dir)
    runs = _read_paramed(root / "align" / "paramed")
    titles = [b for run in runs for b in run
              if len(b.zh) == 1 and len(b.en) == 1 and 10 <= len(b.zh[0]) <= 40
              and not b.zh[0].rstrip("。")[-1].isdigit()]
    seed_refs, related = _seed_references_and_related()
    refs = list(seed_refs)
    with open(root / "refs" / "gbt7714-2015.jsonl", encoding="utf-8") as f:
        refs += [json.loads(line)["text"] for line in f if line.strip()]
    return Pools(tuple(tuple(r) for r in runs), tuple(titles), tuple(refs), tuple(related))


# --------------------------------------------------------------------------- document data

# Chinese-English author names: (surname zh, surname en), (given zh, given en). English
# names on these pages are given-name first.
_SURNAMES = [("李", "Li"), ("王", "Wang"), ("张", "Zhang"), ("刘", "Liu"), ("陈", "Chen"), ("杨", "Yang"),
             ("赵", "Zhao"), ("黄", "Huang"), ("周", "Zhou"), ("吴", "Wu"), ("孙", "Sun"), ("罗", "Luo"),
             ("韦", "Wei"), ("徐", "Xu"), ("胡", "Hu"), ("郭", "Guo"), ("何", "He"), ("高", "Gao")]
_GIVEN = [("鹏程", "Pengcheng"), ("馨", "Xin"), ("照", "Zhao"), ("明", "Ming"), ("伟", "Wei"), ("芳", "Fang"),
          ("静", "Jing"), ("强", "Qiang"), ("磊", "Lei"), ("军", "Jun"), ("洋", "Yang"), ("艳", "Yan"),
          ("杰", "Jie"), ("涛", "Tao"), ("超", "Chao"), ("华", "Hua"), ("建国", "Jianguo"),
          ("晓东", "Xiaodong"), ("玉红", "Yuhong"), ("志祥", "Zhixiang"), ("一石", "Yishi"), ("立", "Li")]
_HOSPITALS = [
    ("北京大学人民医院", "Peking University People’s Hospital", "Beijing", "100044"),
    ("复旦大学附属中山医院", "Zhongshan Hospital, Fudan University", "Shanghai", "200032"),
    ("中山大学肿瘤防治中心", "Sun Yat-sen University Cancer Center", "Guangzhou", "510060"),
    ("四川大学华西医院", "West China Hospital, Sichuan University", "Chengdu", "610041"),
    ("浙江大学医学院附属第一医院", "The First Affiliated Hospital, Zhejiang University School of Medicine",
     "Hangzhou", "310003"),
    ("华中科技大学同济医学院附属同济医院", "Tongji Hospital, Tongji Medical College, Huazhong University "
     "of Science and Technology", "Wuhan", "430030"),
]
_DEPARTMENTS = [
    ("肝胆外科", "Department of Hepatobiliary Surgery"),
    ("骨肿瘤科", "Department of Bone Oncology"),
    ("放射治疗科", "Department of Radiation Oncology"),
    ("肿瘤内科", "Department of Medical Oncology"),
    ("病理科", "Department of Pathology"),
    ("影像科", "Department of Radiology"),
]
# CMA electronic journals (Magtech sites) with their ISSN: the DOI encodes ISSN, year and issue.
_JOURNALS = [  # (Chinese name, English name, ISSN, first year = volume 1)
    ("中华肝脏外科手术学电子杂志", "Chinese Journal of Hepatic Surgery(Electronic Edition)",
     "2095-3232", 2012),
    ("中华普通外科学文献(电子版)", "Chinese Archives of General Surgery(Electronic Edition)",
     "1674-0793", 2007),
    ("中华腔镜泌尿外科杂志(电子版)", "Chinese Journal of Endourology(Electronic Edition)",
     "1674-3253", 2007),
    ("中华临床医师杂志(电子版)", "Chinese Journal of Clinicians(Electronic Edition)",
     "1674-0785", 2007),
    ("中华结直肠疾病电子杂志", "Chinese Journal of Colorectal Diseases(Electronic Edition)",
     "2095-3224", 2012),
    ("中华肾病研究电子杂志", "Chinese Journal of Kidney Disease Investigation(Electronic Edition)",
     "2095-3216", 2012),
]
_COLUMNS = ["专家论坛", "论著", "综述", "临床研究", "基础研究", "述评"]
_FUNDS = [("首都卫生发展科研专项(首发2022-2-4084)", None),
          ("国家自然科学基金(82{:06d})", "National Natural Science Foundation of China (82{:06d})"),
          ("广东省医学科研基金(A2023{:03d})", None)]


@dataclass
class JournalDoc:
    journal_zh: str
    journal_en: str
    issn: str
    year: int
    volume: int
    issue: str  # zero-padded
    first_page: int
    last_page: int
    doi: str
    column: str
    title_zh: str
    title_en: str
    authors: list[tuple[str, str, list[int]]]  # (zh, en, affiliation labels)
    corresponding: int  # index into authors
    affiliations: list[tuple[str, str, str]]  # (zh name, en name, postcode)
    received: str
    published: str
    funding_zh: str | None
    funding_en: str | None
    abstract_zh: str
    abstract_en: str
    references: list[str]
    related: list[str]
    article_id: int

    @property
    def names_zh(self) -> str:
        return ", ".join(a[0] for a in self.authors)

    @property
    def names_en(self) -> str:
        return ", ".join(a[1] for a in self.authors)

    @property
    def citation_zh(self) -> str:
        return (f"{self.names_zh}. {self.title_zh}[J/OL]. {self.journal_zh}, {self.year}, "
                f"{self.volume}({self.issue}): {self.first_page}-{self.last_page}.")

    @property
    def citation_en(self) -> str:
        return (f"{self.names_en}. {self.title_en}[J/OL]. {self.journal_en}, {self.year}, "
                f"{self.volume}({self.issue}): {self.first_page}-{self.last_page}.")


_MAX_ABSTRACT_ZH = 500


def _strip_end(s: str) -> str:
    return s.rstrip("。.．")


def _journal_doc(i: int, rng: random.Random, pools: Pools) -> JournalDoc:
    # A unique DOI per document index: journal, year, issue and article number from i.
    j = i % len(_JOURNALS)
    rest = i // len(_JOURNALS)
    art, issue_no, year_off = rest % 40 + 1, (rest // 40) % 12 + 1, rest // 480
    journal_zh, journal_en, issn, first_year = _JOURNALS[j]
    year = 2014 + year_off
    volume = year - first_year + 1
    issue = f"{issue_no:02d}"
    doi = f"10.3877/cma.j.issn.{issn}.{year}.{issue}.{art:03d}"
    first = rng.randrange(1, 900)
    last = first + rng.randrange(3, 9)

    title = rng.choice(pools.titles)
    run = rng.choice(pools.docs)
    k = min(len(run), rng.randrange(4, 10))
    start = rng.randrange(0, len(run) - k + 1)
    beads = list(run[start:start + k])
    while len(beads) > 3 and sum(len(s) for b in beads for s in b.zh) > _MAX_ABSTRACT_ZH:
        beads.pop()  # printed abstracts are a few hundred characters
    abstract_zh = "".join(s for b in beads for s in b.zh)
    abstract_en = " ".join(s for b in beads for s in b.en)

    hosp_zh, hosp_en, city, postcode = rng.choice(_HOSPITALS)
    depts = rng.sample(_DEPARTMENTS, rng.randrange(1, 4))
    affs = [(f"{hosp_zh}{dz}", f"{de}, {hosp_en}, {city} {postcode}, China", postcode) for dz, de in depts]
    n_auth = rng.randrange(2, 8)
    authors = []
    for _ in range(n_auth):
        (sz, se), (gz, ge) = rng.choice(_SURNAMES), rng.choice(_GIVEN)
        labels = sorted(rng.sample(range(1, len(affs) + 1), 1 if rng.random() < 0.85 else min(2, len(affs))))
        authors.append((sz + gz, f"{ge} {se}", labels))
    month = int(issue) if int(issue) <= 12 else 12
    received = f"{year - 1 if month < 4 else year}-{(month + 8) % 12 + 1:02d}-{rng.randrange(1, 28):02d}"
    published = f"{year}-{month:02d}-10"
    fz, fe = rng.choice(_FUNDS) if rng.random() < 0.7 else (None, None)
    grant = rng.randrange(0, 1000)
    funding_zh = fz.format(grant) if fz else None
    funding_en = fe.format(grant) if fe else None
    refs = rng.sample(pools.references, rng.randrange(8, 41))
    related = rng.sample(pools.related, rng.randrange(3, len(pools.related) + 1))
    return JournalDoc(
        journal_zh=journal_zh, journal_en=journal_en, issn=issn, year=year, volume=volume, issue=issue,
        first_page=first, last_page=last, doi=doi, column=rng.choice(_COLUMNS),
        title_zh=_strip_end(title.zh[0]), title_en=_strip_end(title.en[0]), authors=authors,
        corresponding=len(authors) - 1, affiliations=affs, received=received, published=published,
        funding_zh=funding_zh, funding_en=funding_en, abstract_zh=abstract_zh, abstract_en=abstract_en,
        references=refs, related=related, article_id=4000 + i,
    )


# --------------------------------------------------------------------------- rendering: text

def _author_line(d: JournalDoc, lang: str) -> str:
    parts = []
    for k, (zh, en, labels) in enumerate(d.authors):
        name = zh if lang == "zh" else en
        mark = ",()" if k == d.corresponding else ""
        parts.append(f"{name}{','.join(map(str, labels))}{mark}")
    return ", ".join(parts) + " \xa0\xa0"


def render_journal_text(d: JournalDoc) -> str:
    zh_affs = [f"{n}{pc} {name}" for n, (name, _, pc) in enumerate(d.affiliations, 1)]
    en_affs = [f"{n}{name}" for n, (_, name, _) in enumerate(d.affiliations, 1)]
    corr_zh, corr_en = d.authors[d.corresponding][0], d.authors[d.corresponding][1]
    out = [
        '切换至 "中华医学电子期刊资源库"', "",
        f"{d.journal_zh} ›› {d.year}, Vol. {d.volume} ›› Issue ({d.issue}) : {d.first_page} -{d.last_page}. "
        f"doi: {d.doi}", "",
        d.column, "",
        d.title_zh,
        _author_line(d, "zh"),
        f"  1. {zh_affs[0]}", *[f"    {a}" for a in zh_affs[1:]],
        f"  • 收稿日期:{d.received} 出版日期:{d.published}",
        f"  • 通信作者: {corr_zh}",
    ]
    if d.funding_zh:
        out += ["  • 基金资助:", f"    {d.funding_zh}"]
    out += [
        "", d.title_en, "", _author_line(d, "en"), "",
        f"  1. {en_affs[0]}", *[f"    {a}" for a in en_affs[1:]],
        f"  • Received:{d.received} Published:{d.published}",
        f"  • Corresponding author: {corr_en}",
    ]
    if d.funding_en:
        out += ["  • Supported by:", f"    {d.funding_en}"]
    out += ["引用本文:", "", d.citation_zh, "", d.citation_en, "", d.abstract_zh, "", d.abstract_en, ""]
    for n, ref in enumerate(d.references, 1):
        out += [f"[{n}]", ref]
    out += [f"[{n}] {r}" for n, r in enumerate(d.related, 1)]
    out += ["阅读次数", "全文", "", "", "摘要"]
    return "\n".join(out)


# --------------------------------------------------------------------------- rendering: HTML

_DOI_IN_REF = re.compile(r"(DOI: ?)(10\.\S+?)(\.?)$")


def _authors_html(d: JournalDoc, lang: str) -> str:
    side = "CN" if lang == "zh" else "EN"
    spans = []
    for k, (zh, en, labels) in enumerate(d.authors):
        name = zh if lang == "zh" else en
        sup = ",".join(map(str, labels))
        link = f'<a href="../../../{side}/article/searchArticleByAuthor.do?author={html.escape(name)}">' \
               f"{html.escape(name)}</a>"
        if k == d.corresponding:
            spans.append(f'<span>{link}<sup>{sup},</sup>(<a class="com-mail" href="mailto:"><i class='
                         f'"glyphicon glyphicon-envelope"></i></a>)</span>')
        else:
            spans.append(f"<span>{link}<sup>{sup}</sup>, </span>")
    return "".join(spans) + "&nbsp;&nbsp;&nbsp;"


def _ref_html(n: int, ref: str) -> str:
    m = _DOI_IN_REF.search(ref)
    if m:
        body = (html.escape(ref[:m.start()]) + m.group(1)
                + f'<a href="https://doi.org/{html.escape(m.group(2))}" target="_blank">'
                  f"{html.escape(m.group(2))}</a>" + m.group(3))
    else:
        body = html.escape(ref)
    return (f'<tr class="document-box" id="b{n}">\n<td valign="top" class="td1">[{n}]</td>\n'
            f'<td class="td2"><div class="reference-en">{body}</div>\n<div class="doi-box"><span '
            f'class="hide">CrossRef</span><a class="mag-crossref-btn" href="#" style="display:none">'
            f"Crossref</a></div></td>\n</tr>")


_RELATED = re.compile(r"^(.*?\. )(.+?)(\[J/OL\]\..*)$")


def _related_html(n: int, item: str, article_id: int) -> str:
    m = _RELATED.match(item)
    if not m:
        return f"<li>[{n}] {html.escape(item)}</li>"
    return (f'<li>[{n}] {html.escape(m.group(1))}<a href="../../../CN/10.3877/abstract{article_id * 100 + n}'
            f'.shtml" target="_blank">{html.escape(m.group(2))}</a>{html.escape(m.group(3))}</li>')


def render_journal_html(d: JournalDoc) -> str:
    e = html.escape
    metas = [
        ("citation_journal_title", d.journal_zh, "cn"), ("citation_journal_title", d.journal_en, "en"),
        ("citation_issn", d.issn, None),
        ("citation_title", d.title_zh, "cn"), ("citation_title", d.title_en, "en"),
        ("citation_authors", d.names_zh, "cn"), ("citation_authors", d.names_en, "en"),
        *[("citation_author", a[0], None) for a in d.authors],
        *[("citation_author", a[1], "en") for a in d.authors],
        ("citation_volume", str(d.volume), None), ("citation_issue", d.issue, None),
        ("citation_firstpage", str(d.first_page), None), ("citation_lastpage", str(d.last_page), None),
        ("citation_date", d.published.replace("-", "/"), None),
        ("citation_publication_date", d.published.replace("-", "/"), None),
        ("citation_doi", f"doi:{d.doi}", None), ("citation_language", "cn", None),
        ("DC.Title", d.title_zh, None), *[("DC.Contributor", a[0], None) for a in d.authors],
        ("DC.Identifier", d.doi, None), ("DC.Date", d.published, None), ("prism.doi", d.doi, None),
        ("prism.startingPage", str(d.first_page), None), ("prism.endingPage", str(d.last_page), None),
    ]
    meta_html = "\n".join(
        f'<meta name="{n}" content="{e(v)}"' + (f' xml:lang="{lang}"' if lang else "") + ">"
        for n, v, lang in metas)
    aff_zh = "<br>".join(f"<sup>{n}</sup>{pc} {e(zh)}" for n, (zh, _, pc) in enumerate(d.affiliations, 1))
    aff_en = "<br>".join(f"<sup>{n}</sup>{e(en)}" for n, (_, en, _) in enumerate(d.affiliations, 1))
    corr_zh, corr_en = d.authors[d.corresponding][0], d.authors[d.corresponding][1]
    indent = "\n          "
    fund_zh = f"{indent}<li><span>基金资助:</span><p>{e(d.funding_zh)}</p></li>" if d.funding_zh else ""
    fund_en = f"{indent}<li><span>Supported by:</span><p>{e(d.funding_en)}</p></li>" if d.funding_en else ""
    refs = "\n".join(_ref_html(n, r) for n, r in enumerate(d.references, 1))
    related = "\n".join(_related_html(n, r, d.article_id) for n, r in enumerate(d.related, 1))
    url = f"https://example-journal.cma-cmc.com.cn/CN/{d.doi}"
    return _magtech_template().substitute(
        title_zh=e(d.title_zh), title_en=e(d.title_en), journal_zh=e(d.journal_zh), doi=d.doi, url=url,
        meta_html=meta_html, article_id=d.article_id, issn=d.issn, year=d.year, volume=d.volume,
        issue=d.issue, first_page=d.first_page, last_page=d.last_page, column=e(d.column),
        authors_zh=_authors_html(d, "zh"), authors_en=_authors_html(d, "en"), aff_zh=aff_zh, aff_en=aff_en,
        received=d.received, published=d.published, corr_zh=e(corr_zh), corr_en=e(corr_en),
        fund_zh=fund_zh, fund_en=fund_en, citation_zh=e(d.citation_zh), citation_en=e(d.citation_en),
        abstract_zh=e(d.abstract_zh), abstract_en=e(d.abstract_en), refs=refs, related=related,
    )


@functools.cache
def _magtech_template() -> string.Template:
    return string.Template((Path(__file__).parent / "templates" / "magtech_panel.html").read_text("utf-8"))


# --------------------------------------------------------------------------- AI summaries

_QUESTIONS = [
    "Does hepatocellular carcinoma (HCC) metastasize to the bone?",
    "What is the prognosis of hepatocellular carcinoma with bone metastasis?",
    "How are bone metastases from hepatocellular carcinoma treated?",
    "What imaging is best for detecting bone metastases in HCC?",
    "Is radiotherapy effective for painful bone metastases from liver cancer?",
    "Should denosumab or zoledronic acid be used for HCC bone metastases?",
    "What are the most common sites of bone metastasis in hepatocellular carcinoma?",
    "Can immunotherapy control bone metastases of hepatocellular carcinoma?",
]
_SUBHEADINGS = ["Management of Bone Metastases", "Quality of Life Considerations", "Clinical Characteristics",
                "Treatment Options", "Prognostic Factors", "Diagnosis and Imaging", "Systemic Therapy",
                "Radiation Therapy", "Surgical Management", "Outcomes and Survival"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December"]
_AI_CHROME = [
    "",
    "Medical Advisory BoardAll articles are reviewed for accuracy by our Medical Advisory Board",
    "Educational purpose only • Exercise caution as content is pending human review",
    "Article Review Status", "Submitted", "Under Review", "Approved", "",
]
_AI_TAIL = [
    "Professional Medical Disclaimer", "",
    "This information is intended for healthcare professionals. Any medical decision-making should rely on "
    "clinical judgment and independently verified information. The content provided herein does not replace "
    "professional discretion and should be considered supplementary to established clinical guidelines. "
    "Healthcare providers should verify all information against primary literature and current practice "
    "standards before application in patient care. Dr.Oracle assumes no liability for clinical decisions "
    "based on this content.", "",
    "Have a follow-up question?", "",
    "Our Medical A.I. is used by practicing medical doctors at top research institutions around the world. "
    "Ask any follow up question and get world-class guideline-backed answers instantly.",
]


def _claim(rng: random.Random, pools: Pools, n_refs: int, bullet: bool) -> str:
    run = rng.choice(pools.docs)
    s = rng.choice(run).en[0].rstrip(". ")
    cites = sorted(rng.sample(range(1, n_refs + 1), rng.randrange(1, min(4, n_refs) + 1)))
    marker = ", ".join(map(str, cites))
    return f"  • {s} {marker}." if bullet else f"{s} {marker}."


def render_ai_text(i: int, rng: random.Random, pools: Pools) -> str:
    n_refs = rng.randrange(3, 9)
    out = [rng.choice(_QUESTIONS), *_AI_CHROME,
           f"Last updated: {rng.choice(_MONTHS)} {rng.randrange(1, 29)}, {rng.randrange(2023, 2026)}"
           "View editorial policy", "", "Personalize", "", "Help us tailor your experience", "",
           "Which best describes you? Your choice helps us use language that's most understandable for you.",
           "", "From the Guidelines", "",
           " ".join(_claim(rng, pools, n_refs, False) for _ in range(rng.randrange(2, 4))), ""]
    heads = rng.sample(_SUBHEADINGS, 2 + rng.randrange(0, 4))
    out += [heads[0], "", "Management typically involves a multidisciplinary approach, including:", ""]
    out += [_claim(rng, pools, n_refs, True) for _ in range(rng.randrange(2, 5))]
    out += ["", " ".join(_claim(rng, pools, n_refs, False) for _ in range(rng.randrange(1, 3))), ""]
    out += ["From the Research", ""]
    for h in heads[1:]:
        out += [h, ""] + [_claim(rng, pools, n_refs, True) for _ in range(rng.randrange(2, 5))] + [""]
    out += _AI_TAIL
    return "\n".join(out)


# --------------------------------------------------------------------------- the corpus

@dataclass
class CorpusInfo:
    n: int
    root: Path  # the raw directory
    kinds: Counter = field(default_factory=Counter)
    bytes: int = 0
    paths: list[str] = field(default_factory=list)  # relative POSIX paths, in index order


def kind_of(i: int, mix: dict[str, float]) -> str:
    """The kind of document i: a golden-ratio (Weyl) sequence against the cumulative shares.

    Depends on i alone, and every prefix of the corpus holds each kind close to its share.
    """
    total = sum(mix.values())
    x = (i * 0.6180339887498949 + 0.5) % 1.0
    acc = 0.0
    for kind in KINDS:
        acc += mix.get(kind, 0.0) / total
        if x < acc:
            return kind
    return max(KINDS, key=lambda k: mix.get(k, 0.0))


def document(i: int, pools: Pools, *, seed: int = 0,
             mix: dict[str, float] | None = None) -> tuple[str, str]:
    """(relative path, content) of document i of the corpus."""
    kind = kind_of(i, mix or DEFAULT_MIX)
    rng = random.Random(f"hccbone-bench:{seed}:{i}")
    if kind == "ai_text":
        text = render_ai_text(i, rng, pools)
        folder, suffix = "ai_summary", "txt"
    else:
        doc = _journal_doc(i, rng, pools)
        text = render_journal_text(doc) if kind == "journal_text" else render_journal_html(doc)
        folder, suffix = "journal", "txt" if kind == "journal_text" else "html"
    tag = hashlib.sha256(text.encode()).hexdigest()[:16]
    return f"{folder}/{i:06d}_{tag}.{suffix}", text


def iter_documents(n: int, pools: Pools, *, seed: int = 0,
                   mix: dict[str, float] | None = None) -> Iterator[tuple[str, str]]:
    for i in range(n):
        yield document(i, pools, seed=seed, mix=mix)


def generate(out_raw: str | os.PathLike, n: int, *, data_dir: str | os.PathLike | None = None,
             seed: int = 0, mix: dict[str, float] | None = None) -> CorpusInfo:
    """Write N documents under out_raw/{journal,ai_summary}/ and return what was written."""
    pools = load_pools(str(shared_data_dir(data_dir)))
    root = Path(out_raw)
    info = CorpusInfo(n=n, root=root)
    for sub in ("journal", "ai_summary"):
        (root / sub).mkdir(parents=True, exist_ok=True)
    for i, (rel, text) in enumerate(iter_documents(n, pools, seed=seed, mix=mix)):
        data = text.encode("utf-8")
        (root / rel).write_bytes(data)
        info.kinds[kind_of(i, mix or DEFAULT_MIX)] += 1
        info.bytes += len(data)
        info.paths.append(rel)
    return info


def parse_mix(spec: str) -> dict[str, float]:
    """'0.7,0.2,0.1' (journal_text, journal_html, ai_text) -> a mix dict."""
    parts = [float(x) for x in spec.split(",")]
    if len(parts) != len(KINDS) or any(p < 0 for p in parts) or sum(parts) <= 0:
        raise ValueError(f"--mix needs {len(KINDS)} non-negative shares ({', '.join(KINDS)}), got {spec!r}")
    return dict(zip(KINDS, parts, strict=True))


def main(argv: list[str] | None = None) -> int:
    import argparse

    p = argparse.ArgumentParser(description="Write the benchmark corpus of N documents.")
    p.add_argument("--docs", type=int, required=True)
    p.add_argument("--out", required=True, help="raw directory to write into")
    p.add_argument("--data", default=None, help="shared data directory (default ../shared/data)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--mix", default=None, help="shares of journal_text,journal_html,ai_text (0.7,0.2,0.1)")
    a = p.parse_args(argv)
    info = generate(a.out, a.docs, data_dir=a.data, seed=a.seed, mix=parse_mix(a.mix) if a.mix else None)
    print(f"{info.n} documents, {info.bytes / 1e6:.1f} MB in {info.root}: {dict(sorted(info.kinds.items()))}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
