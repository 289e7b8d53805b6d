"""Crash tests: what the page calls "Saved" survives the browser being killed.

Chromium and Firefox write localStorage to disk lazily: a change made some seconds after the previous one was lost
when the browser was killed up to 40 s after the page said "Saved". The page now keeps a second copy in IndexedDB,
written with durability "strict", and says "Saved" only once that copy is on disk.

Each test starts one browser per kill point on a persistent profile, makes a first change, then 6 s later a second
one, waits for "Saved", kills the browser's whole process tree with SIGKILL 0, 1 or 3 s later, restarts it on the same
profile and checks every answer that was called saved. The browsers run side by side, so a test takes about as long
as the longest wait. benchmarks/crash.py runs the same with kills at 10 and 40 s too, and prints what it finds. The same is done with the store full (the next change is "Not saved", and nothing
said saved is lost) and with Web Locks hidden.
"""
import os
import signal
import time
from pathlib import Path

import pytest

from conftest import CHROMIUM_ARGS, FILL_STORE, NO_LOCKS, WAIT_MS, chromium_path, url_of
from test_firefox import firefox_path, geckodriver_path

KILL_AFTER = [0, 1, 3]   # seconds after the page says "Saved"; benchmarks/crash.py also kills at 10 and 40 s
SAVED = "Saved in this browser at"

FIRST = ("outcomes-1--now", "7")
SECOND = ("outcomes-2--now", "4")
EVIDENCE = ("outcomes-2--evidence", "Provision map, reviewed with the head on 12 March")
FULL_CHANGE = ("outcomes-3--now", "2")


def process_tree(root):
    """root and every process under it, found from /proc (each process's parent is the 4th field of its stat)."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    tree, grew = {root}, True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in tree} - tree
        tree |= more
        grew = bool(more)
    return tree


def kill(root):
    """SIGKILL a browser and every process it started (its storage and renderer processes too), as a crash would."""
    for pid in process_tree(root):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def chromium_pid(profile):
    """The main process of the Chromium started on this profile: the one without --type=."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                args = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if f"--user-data-dir={profile}".encode() in args and not any(a.startswith(b"--type=") for a in args):
                return int(entry.name)
    raise AssertionError(f"no Chromium running on {profile}")


def kill_on_schedule(runs):
    """Kill each run's browser at its time: run["saved_at"] + run["after"]."""
    for run in sorted(runs, key=lambda run: run["saved_at"] + run["after"]):
        time.sleep(max(0.0, run["saved_at"] + run["after"] - time.monotonic()))
        kill(run["pid"])
        killed_after = time.monotonic() - run["saved_at"]
        assert killed_after < run["after"] + 1.5, f"killed {killed_after:.1f} s after Saved, not {run['after']} s"


# ---------------------------------------------------------------- Chromium

class ChromiumRun:
    """One Chromium on a persistent profile, driven by Playwright."""

    def __init__(self, playwright, profile, hide_locks):
        self.playwright, self.profile, self.hide_locks = playwright, profile, hide_locks

    def start(self):
        self.context = self.playwright.chromium.launch_persistent_context(
            str(self.profile), executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
        self.context.set_default_timeout(WAIT_MS)
        if self.hide_locks:
            self.context.add_init_script(NO_LOCKS)
        self.page = self.context.pages[0] if self.context.pages else self.context.new_page()
        self.errors = []
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        return self

    def open(self, url):
        self.page.goto(url)
        self.page.wait_for_function("() => document.getElementById('save-status').textContent !== ''")

    def rate(self, control, value):
        self.page.locator(f"input[name='{control}'][value='{value}']").check(force=True)

    def type(self, control, text):
        self.page.locator(f"#{control}").fill(text)
        self.page.evaluate("document.activeElement.blur()")   # leaving the box saves it

    def status(self):
        return self.page.locator("#save-status").text_content()

    def fill_store(self):
        self.page.evaluate(FILL_STORE)

    def wait_status(self, start):
        self.page.wait_for_function("start => document.getElementById('save-status').textContent.startsWith(start)", arg=start)

    def checked(self, control):
        return self.page.evaluate(f"() => {{ const r = document.querySelector(\"input[name='{control}']:checked\"); return r && r.value; }}")

    def value(self, control):
        return self.page.locator(f"#{control}").input_value()

    def abandon(self):
        """After the kill, let Playwright notice the browser has gone."""
        try:
            self.context.close()
        except Exception:  # the browser was killed: nothing left to close
            pass


def make_changes(runs, url):
    """Every run: a first change, then, 6 s later, a second change and a text; wait for "Saved" after each."""
    for run in runs:
        run["browser"].open(url + "#outcomes")
        run["browser"].rate(*FIRST)
        run["browser"].wait_status(SAVED)
    time.sleep(6)   # the first change is given time to reach the disk; the second one is the one at risk
    for run in sorted(runs, key=lambda run: -run["after"]):   # the 0 s kill last, so that it follows its "Saved" at once
        browser = run["browser"]
        browser.rate(*SECOND)
        browser.type(*EVIDENCE)
        browser.wait_status(SAVED)
        run["saved_at"] = time.monotonic()
        if run["full"]:
            browser.fill_store()
            browser.rate(*FULL_CHANGE)
            browser.wait_status("Not saved: this browser's storage is full")
            assert browser.status() == "Not saved: this browser's storage is full"


def lost(browser, url, full):
    """What the page had called saved and is not there after the restart, in words; None when all of it is."""
    browser.open(url + "#outcomes")
    browser.wait_status(SAVED)
    found = {"rating 1": browser.checked(FIRST[0]), "rating 2": browser.checked(SECOND[0]),
             "evidence": browser.value(EVIDENCE[0]), "errors": browser.errors}
    wanted = {"rating 1": FIRST[1], "rating 2": SECOND[1], "evidence": EVIDENCE[1], "errors": []}
    if full:   # said "Not saved": whether it is there or not, the page never claimed it
        found["unsaved change"] = browser.checked(FULL_CHANGE[0]) in (None, FULL_CHANGE[1])
        wanted["unsaved change"] = True
    wrong = [f"{key}: {found[key]!r}, not {wanted[key]!r}" for key in wanted if found[key] != wanted[key]]
    return "; ".join(wrong) or None


def crash_chromium(playwright, url, folder, full, kill_after=KILL_AFTER):
    """Chromium killed at each point of kill_after after "Saved", restarted: {seconds: None if all was kept, else why}."""
    runs = [{"after": after, "full": full,
             "browser": ChromiumRun(playwright, folder / f"chromium profile {after}", hide_locks=full).start()}
            for after in kill_after]
    for run in runs:
        run["pid"] = chromium_pid(run["browser"].profile)
    make_changes(runs, url)
    kill_on_schedule(runs)
    for run in runs:
        run["browser"].abandon()
    return restart_and_look(runs, url, full)


def restart_and_look(runs, url, full):
    """Start each killed browser again on its profile and look for what it called saved: {kill after: what was lost}."""
    found = {}
    for run in runs:
        browser = run["browser"].start()
        try:
            found[run["after"]] = lost(browser, url, full)
        finally:
            browser.abandon()
    return found


@pytest.mark.parametrize("where, case", [("file", "plain"), ("http", "plain"), ("file", "full store, no Web Locks")])
def test_what_chromium_called_saved_survives_a_kill(playwright_driver, fresh_site, http_site, tmp_path, where, case):
    url = url_of(where, fresh_site, http_site, "send-self-evaluation.html")
    assert crash_chromium(playwright_driver, url, tmp_path, case != "plain") == {after: None for after in KILL_AFTER}


# ---------------------------------------------------------------- Firefox

class FirefoxRun:
    """One Firefox ESR on a persistent profile, driven by Selenium, with the same steps as ChromiumRun."""

    def __init__(self, profile, full):
        self.profile, self.full = profile, full
        profile.mkdir(exist_ok=True)

    def start(self):
        from selenium import webdriver
        from selenium.webdriver.firefox.options import Options
        from selenium.webdriver.firefox.service import Service
        options = Options()
        options.binary_location = firefox_path()
        options.add_argument("-headless")
        options.add_argument("-profile")
        options.add_argument(str(self.profile))
        options.set_preference("remote.prefs.recommended", False)   # else local files share storage
        options.enable_bidi = True   # for the preload script that hides Web Locks
        self.driver = webdriver.Firefox(options=options, service=Service(executable_path=geckodriver_path()))
        if self.full:
            self.driver.script.add_preload_script(f"() => {{ {NO_LOCKS} }}")
        self.pid = self.driver.capabilities["moz:processID"]
        return self

    def run(self, script, *args):
        return self.driver.execute_script(script, *args)

    def open(self, url):
        self.driver.get(url)
        self.wait("return document.getElementById('save-status').textContent !== ''")

    def wait(self, script, *args):
        from selenium.webdriver.support.ui import WebDriverWait
        return WebDriverWait(self.driver, WAIT_MS / 1000, poll_frequency=0.05).until(lambda d: d.execute_script(script, *args))

    def rate(self, control, value):
        self.run(f"document.querySelector(\"input[name='{control}'][value='{value}']\").click()")

    def type(self, control, text):
        from selenium.webdriver.common.by import By
        box = self.driver.find_element(By.ID, control)
        box.send_keys(text)
        self.run("document.activeElement.blur()")

    def status(self):
        return self.run("return document.getElementById('save-status').textContent")

    def fill_store(self):
        self.run(f"({FILL_STORE})()")

    def wait_status(self, start):
        self.wait("return document.getElementById('save-status').textContent.startsWith(arguments[0])", start)

    def checked(self, control):
        return self.run(f"const r = document.querySelector(\"input[name='{control}']:checked\"); return r && r.value")

    def value(self, control):
        return self.run(f"return document.getElementById('{control}').value")

    @property
    def errors(self):
        return []   # script errors show as a missing answer or a status that never comes

    def abandon(self):
        try:
            self.driver.quit()
        except Exception:  # the browser was killed: geckodriver is left to end
            pass
        kill(self.driver.service.process.pid)


def crash_firefox(url, folder, full, kill_after=KILL_AFTER):
    """Firefox killed at each point of kill_after after "Saved", restarted: {seconds: None if all was kept, else why}."""
    runs = [{"after": after, "full": full, "browser": FirefoxRun(folder / f"firefox profile {after}", full).start()}
            for after in kill_after]
    for run in runs:
        run["pid"] = run["browser"].pid
    try:
        make_changes(runs, url)
        kill_on_schedule(runs)
    finally:
        for run in runs:
            run["browser"].abandon()
    return restart_and_look(runs, url, full)


@pytest.mark.parametrize("where, case", [("file", "plain"), ("http", "plain"), ("file", "full store, no Web Locks")])
def test_what_firefox_called_saved_survives_a_kill(fresh_site, http_site, tmp_path, where, case):
    url = url_of(where, fresh_site, http_site, "send-self-evaluation.html")
    assert crash_firefox(url, tmp_path, case != "plain") == {after: None for after in KILL_AFTER}
