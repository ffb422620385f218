"""One definition found in one sentence."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Definition:
    lang: str  # language of the sentence: zh | en
    short: str
    long: str
    order: str  # long_short: `long (SF)`; short_long: `SF (long)`
    long_start: int  # offsets of the long form in the sentence
    long_end: int
    short_start: int
    short_end: int
    long_en: str | None = None  # zh only: an English long form printed in the same bracket

    @property
    def short_script(self) -> str:
        return "zh" if any("\u4e00" <= c <= "\u9fff" for c in self.short) else "latin"
