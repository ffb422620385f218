"""The seed article's two abstracts, read from raw/ (the lines verified by reading the page)."""

from __future__ import annotations

from pathlib import Path

SEED = Path(__file__).resolve().parents[1] / "raw" / "journal" / "000_6ece0f8cf8a7fa44.txt"


def seed_abstracts() -> tuple[str, str]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    zh = next(x for x in lines if x.startswith("肝细胞癌(肝癌)在我国发病率高"))
    en = next(x for x in lines if x.startswith("The incidence of hepatocellular carcinoma (HCC)"))
    return zh, en
