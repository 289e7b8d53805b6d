"""WebKit, Safari's engine: the core journeys in WebKitGTK (Debian's webkit2gtk-driver), driven by Selenium under Xvfb,
from file:// in a folder with spaces and over http under a sub-path. WebKitGTK is not Safari: Safari's own policies
(no storage for file://, deleting a website's storage after 7 days of use without opening it) are not reproduced here.

WebKitWebDriver starts tests/webkit_browser.py, a small GTK browser that keeps its website data in a folder, so that
answers can be checked after quitting and starting again. A bad start makes the driver wait for ever: every request
has a client timeout, a start that times out is tried again with a new driver, and a start that never comes says what
the driver and the browser printed. See ../shared/research/test-tooling.md §8."""
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAFARI, SAFARI_SAYS, url_of
from test_firefox import (assert_shown, checked, click_rating, go, leave_field, load_from_start_notice, opened,
                          saved_status, status, stored_records, wait_for, wait_for_download)

WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
BROWSER = Path(__file__).with_name("webkit_browser.py")
FRAMEWORK = "send-audit-rag"
TIMEOUT = 30   # seconds for any request to the driver; a start takes 0.2 to 0.3 s here
STARTS = 3     # tries at starting the browser before a test fails
NOTHING_YET = "Nothing entered yet: your answers are saved in this browser as you go"
# The page's own scripts report any error, blocked script or style: WebKit under automation logs no console.
WATCH = """window.__problems = [];
["error", "unhandledrejection", "securitypolicyviolation"].forEach(type => window.addEventListener(type, event =>
    window.__problems.push(type + ": " + (event.message || event.reason || event.violatedDirective))));"""


def webkit_missing():
    """What is missing to run WebKitGTK here, or None."""
    for program in (WEBKIT_DRIVER, shutil.which("Xvfb"), "/usr/bin/python3"):
        if not program or not Path(program).exists():
            return program or "Xvfb"
    found = subprocess.run(["/usr/bin/python3", "-c", "import gi; gi.require_version('WebKit2', '4.1')"], capture_output=True)
    return "python3-gi and gir1.2-webkit2-4.1" if found.returncode else None


@pytest.fixture(scope="module")
def display(tmp_path_factory):
    """An X display for WebKitGTK, which has no headless mode; yields the environment to start it in."""
    missing = webkit_missing()
    if missing:
        raise RuntimeError(f"WebKitGTK cannot start: {missing} is missing. Run tests/install-browsers.sh as root.")
    home = tmp_path_factory.mktemp("webkit home")
    said = home / "Xvfb.log"
    read, write = os.pipe()
    with said.open("wb") as log:
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                  pass_fds=[write], stdout=log, stderr=log)
    os.close(write)
    number = b""
    while not number.endswith(b"\n"):   # the number and its new line come in two writes: closing early kills Xvfb
        piece = os.read(read, 16)
        if not piece:
            break
        number += piece
    os.close(read)
    number = number.decode().strip()
    if not number or server.poll() is not None:
        server.wait()
        raise RuntimeError(f"Xvfb did not start (exit code {server.returncode}):\n{said.read_text(errors='replace')}")
    yield dict(os.environ, DISPLAY=f":{number}", HOME=str(home), XDG_CACHE_HOME=str(home / "cache"),
               XDG_DATA_HOME=str(home / "data"), XDG_CONFIG_HOME=str(home / "config"), LANG="en_GB.UTF-8")
    server.terminate()
    server.wait()


@pytest.fixture
def webkit(display, tmp_path):
    """Start WebKitGTK on a data folder (by name, under the test's folder); call again after quitting to start it again
    on the same data. Every download goes at once into the folder given, with no dialog."""
    from selenium import webdriver
    from selenium.webdriver.remote.client_config import ClientConfig
    from selenium.webdriver.remote.file_detector import UselessFileDetector
    from selenium.webdriver.remote.remote_connection import RemoteConnection
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    from urllib3.exceptions import ReadTimeoutError
    running = []

    def start(data="webkit data", downloads=None, user_agent=None):
        downloads = downloads or tmp_path / "webkit downloads"
        downloads.mkdir(exist_ok=True)
        environment = dict(display, SEND_TOOLKIT_USER_AGENT=user_agent) if user_agent else display
        options = Options()
        options.binary_location = str(BROWSER)
        for argument in ("--automation", f"--data={tmp_path / data}", f"--downloads={downloads}"):
            options.add_argument(argument)
        options.set_capability("browserName", "SendToolkitWebKit")
        failures = []
        for attempt in range(1, STARTS + 1):
            said = tmp_path / f"webkit driver {len(running) + 1}, try {attempt}.log"
            service = Service(executable_path=WEBKIT_DRIVER, env=environment, log_output=str(said))
            service.start()
            connection = RemoteConnection(client_config=ClientConfig(remote_server_addr=service.service_url, timeout=TIMEOUT))
            try:
                driver = webdriver.Remote(command_executor=connection, options=options)
            except ReadTimeoutError:
                service.stop()
                failures.append(f"try {attempt}: no answer in {TIMEOUT} s; the driver and the browser printed:\n"
                                + said.read_text(errors="replace")[-3000:])
                continue
            driver.file_detector = UselessFileDetector()   # the driver is on this machine: file paths go as they are
            driver.implicitly_wait(5)
            running.append((driver, service))
            return driver
        raise RuntimeError("WebKitGTK did not start:\n" + "\n".join(failures))

    yield start
    for driver, service in running:
        try:
            driver.quit()
        except Exception:  # already quit by the test
            pass
        service.stop()


def open_watched(driver, url):
    """Open a page, check its scripts have run, and from then on note any error or blocked script or style."""
    opened(driver, url)
    assert driver.execute_script("return [document.documentElement.className, Boolean(document.getElementById('scripts-off'))]") == ["", False]
    driver.execute_script(WATCH)


def problems(driver):
    return driver.execute_script("return window.__problems")


@pytest.mark.parametrize("where", ["file", "http"])
def test_in_webkit_answers_are_kept_over_a_reload_and_a_restart(webkit, fresh_site, http_site, where):
    from selenium.webdriver.common.by import By
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    assert "%20" in url or where == "http"
    driver = webkit()
    open_watched(driver, url + "#leadership")
    assert status(driver) == NOTHING_YET
    click_rating(driver, "leadership-2", "rag", "amber")
    click_rating(driver, "leadership-5", "rag", "red")
    driver.find_element(By.ID, "leadership-2--evidence").send_keys("Governors' minutes, 12 March")
    driver.find_element(By.ID, "leadership-3--evidence").click()  # leaving the box saves it
    assert saved_status(driver).startswith("Saved in this browser at")
    go(driver, "#summary")
    assert "2 of 57 statements rated" in driver.find_element(By.ID, "summary").text
    go(driver, "#priorities")
    assert driver.find_elements(By.CSS_SELECTOR, "#priority-list button[data-add-action]")
    go(driver, "#overview")
    assert driver.find_element(By.ID, "leadership--progress").text == "2 of 13 rated"
    assert problems(driver) == []

    driver.refresh()
    wait_for(driver, "return document.getElementById('save-status').textContent.startsWith('Saved in this browser')")
    assert [checked(driver, "leadership-2--rag"), checked(driver, "leadership-5--rag")] == ["amber", "red"]
    driver.quit()

    driver = webkit()   # the same data folder
    open_watched(driver, url + "#leadership")
    assert [checked(driver, "leadership-2--rag"), checked(driver, "leadership-5--rag")] == ["amber", "red"]
    assert driver.find_element(By.ID, "leadership-2--evidence").get_property("value") == "Governors' minutes, 12 March"
    assert saved_status(driver).startswith("Saved in this browser at")
    assert problems(driver) == []


@pytest.mark.parametrize("where", ["file", "http"])
def test_in_webkit_a_downloaded_file_loads_whole_into_another_browser(webkit, fresh_site, http_site, where, tmp_path):
    """Downloaded in one WebKit, loaded in another with nothing saved (another data folder: another computer)."""
    from selenium.webdriver.common.by import By
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = webkit(downloads=downloads)
    open_watched(driver, url + "#assessments")
    driver.find_element(By.ID, "assessment-setting").send_keys("Oak Primary")
    driver.find_element(By.ID, "assessment-period").send_keys("Autumn 2026")
    go(driver, "#leadership")
    click_rating(driver, "leadership-1", "rag", "green")
    click_rating(driver, "leadership-4", "rag", "red")
    driver.find_element(By.ID, "leadership-4--evidence").send_keys("One-page profiles seen in 4 of 12 classes")
    go(driver, "#review-points")
    driver.find_element(By.ID, "save-review-point").click()
    wait_for(driver, "return document.querySelectorAll('#review-point-list tbody tr').length === 1")
    go(driver, "#priorities")
    driver.find_element(By.CSS_SELECTOR, "#priority-list button[data-add-action]").click()
    wait_for(driver, "return !document.getElementById('plan').hidden && document.activeElement.id.endsWith('--target')")
    driver.switch_to.active_element.send_keys(" by the summer term")
    leave_field(driver)
    records, current = stored_records(driver, FRAMEWORK)
    saved = records[current]
    assert saved["actions"][0]["target"].endswith(" by the summer term") and len(saved["reviewPoints"]) == 1

    go(driver, "#files")
    driver.find_element(By.ID, "download-answers").click()
    message = wait_for(driver, "return document.getElementById('files-message-text').textContent")
    path = wait_for_download(downloads)
    assert message.startswith(f"Downloaded {path.name}, with 2 answers, 1 review point and 1 action. It was read back")
    assert json.loads(path.read_text(encoding="utf-8"))["assessments"] == [saved]
    assert problems(driver) == []
    driver.quit()

    driver = webkit(data="another computer")
    open_watched(driver, url)
    loaded = load_from_start_notice(driver, FRAMEWORK, path, saved)
    assert {field: loaded[field] for field in ("answers", "reviewPoints", "actions", "setting", "period")} == \
        {field: saved[field] for field in ("answers", "reviewPoints", "actions", "setting", "period")}
    assert_shown(driver, loaded)
    assert problems(driver) == []


@pytest.mark.parametrize("where", ["file", "http"])
def test_in_webkit_printing_prepares_the_report_and_a_blank_copy_gives_the_answers_back(webkit, fresh_site, http_site, where):
    """WebKit under automation makes window.print() do nothing and sends no beforeprint or afterprint: the buttons
    prepare what is printed themselves, and the first key press or click afterwards shows the answers again."""
    from selenium.webdriver.common.by import By
    driver = webkit()
    open_watched(driver, url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html") + "#assessments")
    driver.find_element(By.ID, "assessment-setting").send_keys("Oak Primary")
    go(driver, "#leadership")
    click_rating(driver, "leadership-1", "rag", "red")
    driver.find_element(By.ID, "leadership-1--evidence").send_keys("Minutes of March")
    leave_field(driver)
    go(driver, "#summary")
    driver.find_element(By.CSS_SELECTOR, "#summary [data-print-document=report]").click()
    assert driver.execute_script("return document.documentElement.dataset.print") == "report"
    assert driver.find_element(By.ID, "cover-setting").get_property("textContent") == "Oak Primary"
    assert driver.execute_script("return document.querySelector('#leadership-1--evidence + .field__print').textContent") == "Minutes of March"

    go(driver, "#overview")
    driver.find_element(By.CSS_SELECTOR, "[data-print-document=blank]").click()
    assert driver.execute_script("return document.documentElement.dataset.print") == "blank"
    go(driver, "#leadership")   # by the script, not by a key or click
    assert driver.find_element(By.ID, "leadership-1--evidence").get_property("value") == ""
    driver.find_element(By.ID, "leadership-2--evidence").click()
    assert driver.execute_script("return document.documentElement.dataset.print") is None
    assert driver.find_element(By.ID, "leadership-1--evidence").get_property("value") == "Minutes of March"
    assert checked(driver, "leadership-1--rag") == "red"
    assert stored_records(driver, FRAMEWORK)[0].popitem()[1]["answers"] == {
        "leadership-1": {"rag": "red", "evidence": "Minutes of March"}}
    assert problems(driver) == []


def saved_here(driver):
    """The status once a change is saved (a rating is saved a moment after the click)."""
    wait_for(driver, "return document.getElementById('save-status').textContent.startsWith('Saved in this browser')")
    return status(driver)


def safari_notice(driver):
    """The notice asking for a download, as shown: None when hidden, else its heading and first paragraph."""
    return driver.execute_script("const notice = document.getElementById('safari-notice');"
                                 "return notice.hidden ? null : [notice.querySelector('h2').textContent,"
                                 "                               document.getElementById('safari-downloaded').textContent]")


def test_in_safari_from_a_website_the_page_asks_for_a_download_first(webkit, http_site, tmp_path):
    """Safari (its user agent on WebKit) deletes a website's storage after 7 days of use without opening it: the status
    says so, and every opening with changes newer than the last download starts with a notice asking for one."""
    from selenium.webdriver.common.by import By
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    driver = webkit(user_agent=SAFARI, downloads=downloads)
    url = http_site + f"{FRAMEWORK}.html#leadership"
    open_watched(driver, url)
    assert status(driver) == NOTHING_YET + ". " + SAFARI_SAYS
    assert safari_notice(driver) is None   # nothing to download yet
    click_rating(driver, "leadership-2", "rag", "amber")
    assert saved_here(driver).endswith("; not downloaded to a file yet. " + SAFARI_SAYS)
    assert safari_notice(driver) is None   # not in the middle of the work: on opening

    driver.refresh()
    wait_for(driver, "return !document.getElementById('safari-notice').hidden")
    assert safari_notice(driver) == ["Download your answers: Safari may delete them",
                                     "You have not downloaded these answers to a file yet."]
    driver.execute_script(WATCH)
    driver.find_element(By.ID, "safari-download").click()
    wait_for(driver, "return !document.getElementById('files').hidden")
    driver.find_element(By.ID, "download-answers").click()
    wait_for_download(downloads)
    wait_for(driver, "return document.getElementById('safari-notice').hidden")
    assert "; downloaded at " in status(driver) and status(driver).endswith(". " + SAFARI_SAYS)

    go(driver, "#leadership")
    click_rating(driver, "leadership-3", "rag", "red")
    wait_for(driver, "return document.getElementById('save-status').textContent.includes('changed since')")
    assert problems(driver) == []
    driver.refresh()
    wait_for(driver, "return !document.getElementById('safari-notice').hidden")
    heading, when = safari_notice(driver)
    assert when.startswith("Your answers have changed since you last downloaded them, at ") and when.endswith(".")


def test_in_safari_opening_a_file_asks_for_no_download_of_what_safari_does_not_keep(webkit, fresh_site):
    """From a file, Safari keeps nothing (the page says so: not tested here, WebKitGTK keeps it); the 7-day notice is
    for websites only."""
    driver = webkit(user_agent=SAFARI)
    open_watched(driver, (fresh_site / f"{FRAMEWORK}.html").as_uri() + "#leadership")
    click_rating(driver, "leadership-2", "rag", "amber")
    assert saved_here(driver).endswith("; not downloaded to a file yet")
    driver.refresh()
    saved_here(driver)
    assert safari_notice(driver) is None
