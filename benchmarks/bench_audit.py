"""The audit page at corpus scale: its size, the time to write it, and (with Chromium) to open it.

    python benchmarks/bench_audit.py --reports 10000 [--jobs 2] [--browser]

On the benchmark corpus (benchmarks/corpus.py: every layout, both editions, the perturbations),
``govparse batch`` writes the jsonl records once; ``govparse audit`` reads them (the reports' text
read back for the lines around each value) and writes the page. Printed, and written as JSON with
--out: the page's size in bytes and MiB, its share in the overview (plain JSON) and in the reports'
details (gzip, base64), seconds to write it, and with --browser the seconds headless Chromium takes
from load until the overview shows its first rows.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import make_corpus  # noqa: E402
from govparse.batch import default_jobs, run_batch  # noqa: E402


def page_parts(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    parts = {}
    for name in ("overview", "details"):
        found = re.search(rf'<script type="application/json" id="data-{name}">(.*?)</script>', text, re.S)
        parts[name] = len(found.group(1).encode("utf-8")) if found else 0
    return parts


def open_seconds(page: Path) -> float | None:
    """Seconds from navigation until the overview has rows, in headless Chromium (None without it)."""
    chromium, driver = shutil.which("chromium"), shutil.which("chromedriver")
    try:
        from selenium import webdriver
        from selenium.webdriver.common.by import By
        from selenium.webdriver.support.ui import WebDriverWait
    except ImportError:
        return None
    if not (chromium and driver):
        return None
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"):
        options.add_argument(argument)
    browser = webdriver.Chrome(service=webdriver.ChromeService(executable_path=driver), options=options)
    try:
        browser.set_page_load_timeout(300)
        started = time.perf_counter()
        browser.get(page.as_uri())
        WebDriverWait(browser, 300).until(lambda b: b.find_elements(By.CSS_SELECTOR, "#table tbody tr"))
        return time.perf_counter() - started
    finally:
        browser.quit()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=10000)
    parser.add_argument("--jobs", type=int, default=default_jobs())
    parser.add_argument("--browser", action="store_true", help="also time opening the page in Chromium")
    parser.add_argument("--out", type=Path, help="write the figures as JSON here")
    args = parser.parse_args()
    folder = make_corpus(args.reports)
    with tempfile.TemporaryDirectory() as scratch:
        records = Path(scratch) / "records.jsonl"
        run_batch(str(folder / "r*.txt"), records, jobs=args.jobs)
        page = Path(scratch) / "audit.html"
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "govparse", "audit", str(records), "-o", str(page)], check=True,
                       stdout=subprocess.DEVNULL)
        written = time.perf_counter() - started
        size = page.stat().st_size
        figures = {"reports": args.reports, "page_bytes": size, "page_mib": round(size / 1048576, 1),
                   "bytes_per_report": round(size / args.reports), **{f"{k}_bytes": v for k, v in
                                                                      page_parts(page).items()},
                   "write_seconds": round(written, 1)}
        if args.browser:
            opened = open_seconds(page)
            figures["open_seconds"] = None if opened is None else round(opened, 1)
    print(json.dumps(figures, indent=1))
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
