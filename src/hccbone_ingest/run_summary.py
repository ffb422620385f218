"""The run summary printed by the CLI and published as a Prefect artifact (same text)."""

from __future__ import annotations

from .store import PublishResult


def render_markdown(r: PublishResult, seconds: float | None = None) -> str:
    lines = [f"## hccbone ingest — snapshot `{r.version}`" + ("" if r.changed else " (unchanged)"), ""]
    took = f" in {seconds:.1f} s" if seconds is not None else ""
    lines.append(f"{r.raw_files} raw files, {r.processed_files} (re)processed, "
                 f"{r.raw_files - r.processed_files} unchanged{took}.")
    if r.removed_files:
        lines.append(f"Removed since the last run: {', '.join(r.removed_files)}.")
    if r.unlisted_folders:
        lines.append(f"**Could not list** (their files keep their last published outcome): "
                     f"{', '.join(r.unlisted_folders)}.")
    lines += ["", "| source | documents |", "|---|---|"]
    lines += [f"| {s} | {n} |" for s, n in r.documents_per_source.items()] or ["| (none) | 0 |"]
    lines += ["", "| table | rows |", "|---|---|"]
    lines += [f"| {t} | {n} |" for t, n in r.rows_per_table.items()]
    if r.alignment_scores:
        a = r.alignment_scores
        lines += ["", f"Alignment scores: {int(a['count'])} beads, mean {a['mean']:.3f}, "
                      f"min {a['min']:.3f}, p25 {a['p25']:.3f}, median {a['median']:.3f}, "
                      f"max {a['max']:.3f}; {int(a['low_confidence'])} below 0.5."]
    lines += ["", f"Quarantined files: {len(r.errors)}"]
    if r.errors:
        lines += ["", "| file | stage | error | reason |", "|---|---|---|---|"]
        for e in r.errors:
            msg = e["message"].replace("|", "\\|").replace("\n", " ")
            lines.append(f"| {e['source_path']} | {e['stage']} | {e['error_type']} | {msg} |")
    return "\n".join(lines) + "\n"


def render_text(r: PublishResult, seconds: float | None = None) -> str:
    """Plain-text summary for terminals."""
    out = [f"snapshot {r.version}{'' if r.changed else ' (unchanged)'}: {r.raw_files} raw files, "
           f"{r.processed_files} processed" + (f", {seconds:.1f} s" if seconds is not None else "")]
    docs = ", ".join(f"{s}={n}" for s, n in r.documents_per_source.items()) or "none"
    out.append(f"documents per source: {docs}")
    out.append("rows per table: " + ", ".join(f"{t}={n}" for t, n in r.rows_per_table.items()))
    if r.alignment_scores:
        a = r.alignment_scores
        out.append(f"alignment scores: n={int(a['count'])} mean={a['mean']:.3f} median={a['median']:.3f} "
                   f"low(<0.5)={int(a['low_confidence'])}")
    if r.removed_files:
        out.append(f"removed: {', '.join(r.removed_files)}")
    if r.unlisted_folders:
        out.append(f"could not list (last outcome kept): {', '.join(r.unlisted_folders)}")
    out.append(f"quarantined: {len(r.errors)}")
    out += [f"  {e['source_path']} [{e['stage']}] {e['error_type']}: {e['message']}" for e in r.errors]
    return "\n".join(out)
