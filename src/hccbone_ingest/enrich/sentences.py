"""Enrichment step "sentences": abstracts, titles and AI-summary claims -> `Sentence` records.

- section `abstract`: each language's abstract, offsets into `Abstract.text`;
- section `title`: `title_zh` / `title_en`, offsets into the title;
- section `claim`: every claim's text (language by script), offsets into that claim's text and
  `claim_no` set; `sent_no` counts across all claims of the document.

`sent_no` is 0-based within (lang, section) for each document.
"""

from __future__ import annotations

from .. import budget
from ..records import ParsedDocument, Sentence
from ..text.normalize import has_cjk
from ..text.sentences import Span, split_en, split_zh, tokens_en_batch, tokens_zh_batch
from .base import Step

# An abstract is under 5,000 characters; a text over this bound is not an abstract, and splitting
# and tokenizing it costs minutes (issue 12: 100,000 sentences a side, 6 MB, > 4 min). It gets no
# sentences and a quality flag instead. 10,000 sentences a side (0.6 MB) still split (2.5 s).
MAX_SPLIT_CHARS = 1_000_000


def _split(text: str, lang: str) -> list[Span]:
    return split_zh(text) if lang == "zh" else split_en(text)


def _too_long(doc: ParsedDocument, text: str, section: str) -> bool:
    if len(text) <= MAX_SPLIT_CHARS:
        return False
    flag = f"{section}_too_long_to_split"
    if flag not in doc.document.quality_flags:
        doc.document.quality_flags.append(flag)
    return True


class SentenceStep(Step):
    name = "sentences"
    # 3: blank lines, list items, bare English part labels, `；` and quotes (issue 13);
    version = 5  # 5: long punctuation runs spaced before spaCy
    # 4: texts over MAX_SPLIT_CHARS are flagged, not split

    def run(self, docs: list[ParsedDocument]) -> None:
        # (doc, lang, section, claim_no, span) for the whole batch, tokenized in two calls.
        items: list[tuple[int, str, str, int | None, Span]] = []
        for k, doc in enumerate(docs):
            budget.check("enrich")  # per-file time budget (pipeline._enrich)
            for lang in ("zh", "en"):
                for ab in doc.abstracts:
                    if ab.lang == lang and ab.text and not _too_long(doc, ab.text, "abstract"):
                        items += [(k, lang, "abstract", None, s) for s in _split(ab.text, lang)]
                        break
            d = doc.document
            for lang, title in (("zh", d.title_zh), ("en", d.title_en)):
                if title and not _too_long(doc, title, "title"):
                    items += [(k, lang, "title", None, s) for s in _split(title, lang)]
            for c in doc.claims:
                if c.text and not _too_long(doc, c.text, "claim"):
                    lang = "zh" if has_cjk(c.text) else "en"
                    items += [(k, lang, "claim", c.claim_no, s) for s in _split(c.text, lang)]
        zh_idx = [i for i, it in enumerate(items) if it[1] == "zh"]
        en_idx = [i for i, it in enumerate(items) if it[1] == "en"]
        tokens: dict[int, list[str]] = {}
        tokens.update(zip(zh_idx, tokens_zh_batch([items[i][4].text for i in zh_idx]), strict=True))
        tokens.update(zip(en_idx, tokens_en_batch([items[i][4].text for i in en_idx]), strict=True))

        out: list[list[Sentence]] = [[] for _ in docs]
        counters: list[dict[tuple[str, str], int]] = [{} for _ in docs]
        for i, (k, lang, section, claim_no, s) in enumerate(items):
            n = counters[k].get((lang, section), 0)
            counters[k][(lang, section)] = n + 1
            out[k].append(Sentence(lang=lang, section=section, sent_no=n, text=s.text, tokens=tokens[i],
                                   char_start=s.start, char_end=s.end, label=s.label, claim_no=claim_no))
        for doc, sents in zip(docs, out, strict=True):
            doc.sentences = sents
