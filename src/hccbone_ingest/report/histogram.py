"""The score histogram as inline SVG: no script, no image file, readable in any browser and in print."""

from __future__ import annotations

from html import escape

BINS = 10


def bin_counts(scores: list[float], bins: int = BINS) -> list[int]:
    """Counts over [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]; out-of-range scores go to the end bins."""
    counts = [0] * bins
    for s in scores:
        counts[min(bins - 1, max(0, int(s * bins)))] += 1
    return counts


def histogram_svg(scores: list[float], threshold: float, bins: int = BINS) -> str:
    counts = bin_counts(scores, bins)
    top = max(counts) or 1
    bar_w, gap, plot_h, left, base = 36, 6, 110, 8, 130
    width = left * 2 + bins * (bar_w + gap) - gap
    parts = [
        f'<svg class="histogram" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{base + 22}" '
        f'viewBox="0 0 {width} {base + 22}" role="img" '
        f'aria-label="Histogram of {len(scores)} alignment scores in {bins} bins">'
    ]
    for i, n in enumerate(counts):
        lo, hi = i / bins, (i + 1) / bins
        h = round(plot_h * n / top) if n else 0
        x = left + i * (bar_w + gap)
        # A bin is "low" when all of it lies under the threshold, so the colours match the rows.
        cls = "bin low" if hi <= threshold else "bin"
        label = f"{lo:.1f}–{hi:.1f}: {n} pair{'s' if n != 1 else ''}"
        parts.append(
            f'<g class="{cls}"><title>{escape(label)}</title>'
            f'<rect x="{x}" y="{base - h}" width="{bar_w}" height="{max(h, 1)}" rx="2"/>'
            f'<text class="n" x="{x + bar_w / 2:g}" y="{base - h - 4}" text-anchor="middle">{n}</text>'
            f'<text class="tick" x="{x + bar_w / 2:g}" y="{base + 15}" text-anchor="middle">{lo:.1f}</text>'
            "</g>"
        )
    parts.append("</svg>")
    return "".join(parts)
