"""Abbreviation definitions in Chinese and English abstracts, and the bilingual glossary.

- `english`: the Schwartz & Hearst (2003) algorithm, plus measured fixes (statistics in
  brackets, Greek letters spelled out, plurals);
- `chinese`: `长形式(SF)`, `长形式(简称)`, `SF(长形式)` and `长形式(long form, SF)`, with
  full- and half-width brackets;
- `pairs`: a document's zh and en definitions of one Latin short form paired, with evidence;
- `glossary`: the corpus-wide table built at publish time from the per-document rows.
"""

from .model import Definition

__all__ = ["Definition"]
