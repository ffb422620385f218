"""A small published output (documents + alignments) for the export and report tests.

Written in the layout `hccbone ingest` publishes: `<out>/<table>` is a symlink to
`_snapshots/current/<table>`, a folder of Parquet files with the exact table schema.

Document 1 is the journal seed (raw/journal/000_...): its five Chinese abstract sentences
against the eight English ones, beads read off the seed by hand (the first Chinese sentence
carries three English ones, the third two). Document 2 is made up to stress escaping, line
breaks inside texts and unmatched beads. Document 3 has no aligned pairs (an AI summary).
The scores are invented; what matters is which side of 0.5 they fall on.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

from hccbone_ingest.tables import SCHEMA_VERSION, to_arrow

SEED_ID = "doi:10.3877/cma.j.issn.2095-3232.2025.04.004"
TRICKY_ID = "doi:10.1234/escape&test"
SUMMARY_ID = "droracle:7ad5b4fcf74b5bd2"
SNAPSHOT = "0123456789abcdef"

SEED_ZH = [
    "肝细胞癌(肝癌)在我国发病率高,肝癌骨转移的早期诊断率较低、预后较差,且目前仍未有明确的治疗共识,"
    "是转移性肝癌需攻克的难点之一。",
    "肝癌骨转移的发病机制尚未完全明确,可能与外泌体、上皮-间质转化(EMT)和骨微环境有关。",
    "放疗、手术局部切除等对转移灶进行治疗可以延长患者的生存期,但系统治疗仍是肝癌骨转移的主要治疗措施。",
    "以系统治疗为主,针对患者实施个体化治疗,可提高患者生活质量并延长生存期。",
    "本文就肝癌骨转移的临床特征、转移机制和治疗进展等内容进行阐述,以期为临床工作提供依据。",
]
SEED_EN = [
    "The incidence of hepatocellular carcinoma (HCC) is high in China.",
    "The early diagnostic rate of bone metastasis from HCC is low, and clinical prognosis is poor.",
    "At present, no definite treatment consensus has been reached, which is one of the difficulties to be "
    "resolved for metastatic HCC.",
    "The pathogenesis of bone metastasis from HCC remains elusive, which is probably associated with "
    "exosomes, epithelial-mesenchymal transition (EMT) and bone microenvironment.",
    "Radiotherapy, local surgical resection and other treatments for metastatic lesions can prolong the "
    "survival time of patients.",
    "However, systematic treatment is still the main therapy for bone metastasis from HCC.",
    "Based on systematic treatments, individualized treatments for patients can improve the quality of "
    "life and prolong the survival time.",
    "In this article, clinical characteristics, mechanism of metastasis and treatment progress of bone "
    "metastasis from HCC were illustrated, aiming to provide evidence for clinical work.",
]


def _bead(doc_id: str, pair_no: int, zh: list[int], en: list[int], zh_text: str, en_text: str,
          score: float) -> dict:
    return {"doc_id": doc_id, "section": "abstract", "pair_no": pair_no, "zh_sent_nos": zh,
            "en_sent_nos": en, "zh_text": zh_text, "en_text": en_text, "score": score,
            "kind": f"{len(zh)}-{len(en)}"}


def _seed_beads() -> list[dict]:
    shape = [([0], [0, 1, 2], 0.91), ([1], [3], 0.88), ([2], [4, 5], 0.47), ([3], [6], 0.83),
             ([4], [7], 0.95)]
    return [_bead(SEED_ID, i, zh, en, "".join(SEED_ZH[j] for j in zh), " ".join(SEED_EN[j] for j in en), s)
            for i, (zh, en, s) in enumerate(shape)]


TRICKY_BEADS = [
    _bead(TRICKY_ID, 0, [0], [0], "血清AFP>400 ng/mL & ALP<120 U/L的患者。",
          'Patients with AFP>400 ng/mL & ALP<120 U/L ("high").', 0.72),
    _bead(TRICKY_ID, 1, [], [1], "", "This sentence has no Chinese counterpart.", 0.12),
    _bead(TRICKY_ID, 2, [1], [2], "第一行\n第二行\t结尾。", "First line\r\nsecond line\tend.", 0.30),
    _bead(TRICKY_ID, 3, [2, 3], [3], "术后复发。再次手术。", "Recurrence after surgery led to reoperation.",
          0.61),
    _bead(TRICKY_ID, 4, [4], [], "仅有中文的句子。", "", 0.05),
]


def alignment_rows() -> list[dict]:
    return _seed_beads() + TRICKY_BEADS


def _doc(doc_id: str, **fields) -> dict:
    row = {"doc_id": doc_id, "source": "journal", "doc_type": "journal_article",
           "source_path": f"journal/{doc_id.replace(':', '_')}.txt", "content_sha256": "0" * 64,
           "adapter": "journal_text@1", "schema_version": SCHEMA_VERSION}
    row.update(fields)
    return row


def document_rows() -> list[dict]:
    return [
        _doc(SEED_ID, title_zh="肝细胞癌骨转移研究进展",
             title_en="Research progress in bone metastasis from hepatocellular carcinoma",
             journal_zh="中华肝脏外科手术学电子杂志", doi="10.3877/cma.j.issn.2095-3232.2025.04.004",
             year=2025),
        _doc(TRICKY_ID, title_zh="<b>转义</b> & 测试", title_en='Escaping "quotes" & <tags>',
             doi="10.1234/escape&test", year=2024),
        _doc(SUMMARY_ID, source="ai_summary", doc_type="ai_summary",
             title_en="How is bone metastasis from HCC treated?"),
    ]


def write_published(out: Path, tables: dict[str, list[dict]], version: str = SNAPSHOT) -> Path:
    """Write `tables` as one published snapshot under `out`; returns `out`."""
    snap = out / "_snapshots" / version
    for name, rows in tables.items():
        (snap / name).mkdir(parents=True)
        pq.write_table(to_arrow(name, rows), snap / name / "part-00000.parquet")
    (out / "_snapshots" / "current").symlink_to(version)
    for name in tables:
        (out / name).symlink_to(Path("_snapshots") / "current" / name)
    return out


def write_corpus(out: Path) -> Path:
    """The three documents above, published under `out`."""
    return write_published(out, {"documents": document_rows(), "alignments": alignment_rows()})
