"""The review page in a real browser: headless Chromium (Debian's `chromium` package).

`scripts/install-browser.sh` installs it. Under CI (`CI=true`) a missing browser fails the
run instead of skipping, so a broken install step cannot pass unnoticed.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from PIL import Image

from hccbone_ingest.report import write_report
from tests.parallel_corpus import SEED_ZH, alignment_rows, write_corpus

pytestmark = pytest.mark.browser

LOW_BG = (255, 241, 194)  # --low-bg in report/page.py: the highlight of a low-confidence row
WINDOW = (1280, 1800)


def _find_chromium() -> str | None:
    """HCCBONE_CHROMIUM, when set, is the only candidate (also a way to test the missing case)."""
    override = os.environ.get("HCCBONE_CHROMIUM")
    candidates = [override] if override else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


@pytest.fixture(scope="module")
def chromium() -> str:
    path = _find_chromium()
    if path is None:
        why = "headless Chromium not found (install it with scripts/install-browser.sh)"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(why)
        pytest.skip(why)
    return path


def _run(chromium: str, tmp: Path, *args: str) -> subprocess.CompletedProcess:
    cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
           "--disable-background-networking", "--disable-component-update", "--disable-sync",
           "--disable-extensions", "--hide-scrollbars", f"--user-data-dir={tmp / 'profile'}", *args]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=180, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return proc


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("browser")
    out = write_corpus(tmp / "processed")
    dest = tmp / "report.html"
    write_report(str(out), dest)
    return dest


def _below(threshold: float) -> int:
    return sum(1 for r in alignment_rows() if r["score"] < threshold)


def test_rendered_dom_holds_every_pair_and_the_highlights(chromium, report, tmp_path):
    dom = BeautifulSoup(_run(chromium, tmp_path, "--dump-dom", report.as_uri()).stdout, "html.parser")
    rows = dom.select("tr.pair")
    assert len(rows) == len(alignment_rows())
    assert len(dom.select("tr.pair.low")) == _below(0.5)
    assert SEED_ZH[1] in dom.get_text()
    assert dom.select_one("section.doc h2").get_text() == "<b>转义</b> & 测试"


def test_css_highlights_and_the_low_confidence_switch_work(chromium, report, tmp_path):
    """A probe script (added to a copy of the page) reads what the browser actually laid out."""
    probe = """<script>
const rows = [...document.querySelectorAll("tr.pair")];
const shown = () => rows.filter(r => r.getClientRects().length > 0).length;
const before = shown();
document.getElementById("only-low").checked = true;
const after = shown();
const cell = s => getComputedStyle(document.querySelector(s)).backgroundColor;
const out = document.createElement("pre");
out.id = "probe";
out.textContent = JSON.stringify({before, after, low: cell("tr.low td"), high: cell("tr.pair:not(.low) td")});
document.body.append(out);
</script></body>"""
    page = tmp_path / "probe.html"
    page.write_text(report.read_text(encoding="utf-8").replace("</body>", probe), encoding="utf-8")
    dom = BeautifulSoup(_run(chromium, tmp_path, "--dump-dom", page.as_uri()).stdout, "html.parser")
    result = json.loads(dom.select_one("#probe").get_text())
    assert result["before"] == len(alignment_rows())
    assert result["after"] == _below(0.5)
    assert result["low"] == "rgb({}, {}, {})".format(*LOW_BG)
    assert result["high"] != result["low"]


def test_screenshot_is_not_blank_and_shows_the_highlight(chromium, report, tmp_path):
    shot = tmp_path / "report.png"
    size = f"--window-size={WINDOW[0]},{WINDOW[1]}"
    _run(chromium, tmp_path, size, f"--screenshot={shot}", report.as_uri())
    with Image.open(shot) as im:
        assert im.size == WINDOW
        rgb = im.convert("RGB")
        colours = rgb.getcolors(maxcolors=1 << 20)
    assert colours is not None and len(colours) > 50  # text, tables, bars: far from a flat page
    counts = {c: n for n, c in colours}
    assert counts.get(LOW_BG, 0) > 1000  # highlighted rows cover a visible area
