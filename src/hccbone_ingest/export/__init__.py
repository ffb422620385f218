"""Exports of the parallel corpus (the `alignments` table) in the formats the field uses.

- `beads`: read the published table, clean each side to one line, filter (score range, kinds,
  unmatched beads); shared by every format and by the HTML report.
- `moses`: line-aligned plain text, one file per language, with score and id sidecars.
- `tmx`: TMX 1.4b with provenance and score as properties.
"""

from .beads import Bead, BeadFilter, Selection, clean_segment, parse_kinds, read_beads, select_beads
from .moses import MosesFiles, write_moses
from .tmx import render_tmx, write_tmx

__all__ = ["Bead", "BeadFilter", "MosesFiles", "Selection", "clean_segment", "parse_kinds", "read_beads",
           "render_tmx", "select_beads", "write_moses", "write_tmx"]
