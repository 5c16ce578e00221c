"""The audit page in a real browser: headless Chromium (Debian's chromium and chromium-driver) via selenium.

The page is written by ``govparse audit`` from a rendered corpus with planted
errors; the tests read it as a person would: the overview lists every report, a
filter narrows them, a report's view marks the planted cell. Each view is saved
as a screenshot under build/test-artifacts/audit/ (GOVPARSE_ARTIFACTS moves it).
Without a browser the tests skip, except in CI (CI set), where .ci/run installs
one and a missing browser is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from govparse.audit.sample import write_sample
from govparse.cli import app

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium not installed (the test extra)")
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = Path(os.environ.get("GOVPARSE_ARTIFACTS", ROOT / "build" / "test-artifacts")) / "audit"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")

if not (CHROMIUM and DRIVER):
    if os.environ.get("CI"):
        pytest.fail("chromium and chromedriver are needed in CI (.ci/run installs them)", pytrace=False)
    pytest.skip("chromium and chromedriver not installed (apt-get install chromium chromium-driver)",
                allow_module_level=True)


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    """The page written from a sample corpus, and what was planted in it."""
    from typer.testing import CliRunner

    folder = tmp_path_factory.mktemp("corpus")
    planted = write_sample(folder, agencies=6, years=(2021, 2022, 2023), seed=1, x1_breaks=3, identity_breaks=2)
    out = folder.parent / "audit.html"
    result = CliRunner().invoke(app, ["audit", str(folder), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out, planted, len(list(folder.glob("*.txt")))


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,1000", "--no-first-run", "--disable-extensions"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def _open(browser, path: Path, fragment: str = "") -> None:
    browser.get(path.as_uri() + fragment)
    if fragment:
        browser.refresh()  # a new fragment alone does not reload the page
    WebDriverWait(browser, 10).until(lambda b: b.execute_script("return document.readyState") == "complete")


def _rows(browser):
    return browser.find_elements(By.CSS_SELECTOR, "#table tbody tr")


def _shot(browser, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    browser.save_screenshot(str(ARTIFACTS / f"{name}.png"))


def test_overview_lists_every_report(browser, page):
    path, _, reports = page
    _open(browser, path)
    WebDriverWait(browser, 10).until(lambda b: _rows(b))
    assert len(_rows(browser)) == reports
    assert browser.find_element(By.ID, "count").text.startswith(f"{reports} of {reports} reports")
    _shot(browser, "overview")


def test_filters_narrow_the_overview(browser, page):
    path, planted, reports = page
    _open(browser, path)
    box = browser.find_element(By.ID, "filter")
    box.send_keys("001-2022")
    WebDriverWait(browser, 10).until(lambda b: len(_rows(b)) < reports)
    assert [Path(row.find_element(By.TAG_NAME, "a").text).name for row in _rows(browser)] == ["001-2022.txt"]
    _open(browser, path)
    Select(browser.find_element(By.ID, "kind")).select_by_value("X1")
    WebDriverWait(browser, 10).until(lambda b: len(_rows(b)) == len(planted.x1))
    names = {Path(row.find_element(By.TAG_NAME, "a").text).name for row in _rows(browser)}
    assert names == set(planted.x1)
    _shot(browser, "overview-filtered-x1")


def test_a_column_header_sorts(browser, page):
    path, planted, _ = page
    _open(browser, path)
    browser.find_element(By.CSS_SELECTOR, 'th[data-column="kind:I1"]').click()  # most first
    first = Path(_rows(browser)[0].find_element(By.TAG_NAME, "a").text).name
    assert planted.identity.get(first, "").startswith("applications."), first
    browser.find_element(By.CSS_SELECTOR, 'th[data-column="year"]').click()
    years = [int(row.find_elements(By.TAG_NAME, "td")[2].text) for row in _rows(browser)]
    assert years == sorted(years)


def test_report_view_marks_the_planted_cell(browser, page):
    path, planted, _ = page
    file, cell = sorted(planted.identity.items())[0]
    _open(browser, path)
    rows = {Path(a.text).name: a.get_attribute("href") for a in browser.find_elements(By.CSS_SELECTOR, "#table a")}
    browser.get(rows[file])
    browser.refresh()
    marked = WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, f'td.fail[data-cell="{cell}"]'))
    assert marked, f"{cell} is not marked"
    findings = browser.find_elements(By.CSS_SELECTOR, "li.finding")
    broken = {"applications": {"I1", "I2"}, "review_litigation": {"I3"}}[cell.split(".")[0]]
    assert {f.get_attribute("data-kind") for f in findings} == broken
    browser.execute_script("arguments[0].scrollIntoView({block: 'start'}); window.scrollBy(0, -120)", marked[0])
    marked[0].click()
    source = browser.find_element(By.ID, "source").text
    assert cell in source and "line " in source, source
    assert browser.find_elements(By.CSS_SELECTOR, "#source .here"), "the value's source line is shown in its text"
    _shot(browser, "report-view")


def test_the_page_makes_no_external_requests(browser, page):
    path, planted, _ = page
    html = path.read_text(encoding="utf-8")
    assert "<link" not in html and " src=" not in html
    browser.get_log("performance")  # drop what earlier tests logged
    _open(browser, path)
    file = sorted(planted.x1)[0]
    link = next(a for a in browser.find_elements(By.CSS_SELECTOR, "#table a") if Path(a.text).name == file)
    link.click()
    WebDriverWait(browser, 10).until(lambda b: b.find_elements(By.CSS_SELECTOR, "td.fail"))
    browser.find_element(By.CSS_SELECTOR, 'li.finding[data-kind="X1"] a.other').click()  # last year's report
    agency, year = Path(file).stem.split("-")
    last_year = f"{agency}-{int(year) - 1}.txt"
    # the view is redrawn in place: wait for last year's heading, not for a cell both views hold
    WebDriverWait(browser, 10, ignored_exceptions=(StaleElementReferenceException,)).until(
        lambda b: Path(b.find_element(By.CSS_SELECTOR, "#report h1").text).name == last_year)
    assert browser.find_elements(By.CSS_SELECTOR, f'td[data-cell="applications.carried_forward.{planted.x1[file]}"]')
    requested = []
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            requested.append(message["params"]["request"]["url"])
    assert requested, "the log holds the page's own load"
    assert [url for url in requested if not url.startswith(LOCAL_SCHEMES)] == []
