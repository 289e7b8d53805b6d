"""Shared fixtures: a fresh build, real Chromium, the site from file:// and over http."""
import functools
import json
import http.server
import os
import shutil
import socket
import sys
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

# How long a test waits for the page before failing. Generous, as CI machines are busy: a page that is right
# answers in well under a second, and one that is wrong fails after this wait either way.
WAIT_MS = 15_000
expect.set_options(timeout=WAIT_MS)

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import build  # noqa: E402

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SUB_PATH = "/localoffer/send-tool/"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def chromium_path():
    """Debian's Chromium, or CHROMIUM from the environment; None lets Playwright use its own."""
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None


@pytest.fixture(scope="session")
def fresh_site(tmp_path_factory):
    """A fresh build of the repository's frameworks, in a folder whose path has spaces (like a USB stick's)."""
    out = tmp_path_factory.mktemp("usb") / "SEND toolkit copy" / "site"
    problems = build.build(ROOT, out)
    assert problems == []
    return out


@pytest.fixture(scope="session")
def site_pages(fresh_site):
    """Names of every built page."""
    return sorted(path.name for path in fresh_site.glob("*.html"))


@pytest.fixture(scope="session")
def http_site(fresh_site, tmp_path_factory):
    """The built site served over http://127.0.0.1 under a council-style sub-path; yields its base URL."""
    docroot = tmp_path_factory.mktemp("webroot")
    target = docroot / SUB_PATH.strip("/")
    target.parent.mkdir(parents=True)
    shutil.copytree(fresh_site, target)
    handler = functools.partial(QuietHandler, directory=str(docroot))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


def free_port():
    """A port on 127.0.0.1 that nothing listens on now, for a server a test starts."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture(scope="session")
def playwright_driver():
    """Playwright, started once (a second sync_playwright in the same run fails)."""
    from playwright.sync_api import sync_playwright
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_driver):
    """A real headless Chromium, driven by Playwright."""
    chromium = playwright_driver.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser):
    """A fresh browser profile for one test."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB")
    context.set_default_timeout(WAIT_MS)
    yield context
    context.close()


@pytest.fixture
def page(context):
    """A page of the shared context that fails the test on any script error or console warning."""
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.on("console", lambda message: page.errors.append(message.text) if message.type in ("error", "warning") else None)
    yield page
    assert page.errors == []


class PageWatch:
    """Everything a page logs to the console, every error it throws, and every request it makes."""

    def __init__(self, page):
        self.page, self.console, self.errors, self.requests = page, [], [], []
        page.on("console", lambda message: self.console.append(f"{message.type}: {message.text}"))
        page.on("pageerror", lambda error: self.errors.append(str(error)))
        page.on("request", lambda request: self.requests.append(request.url))

    def open(self, url):
        self.page.goto(url)
        self.page.wait_for_load_state("load")
        return self


@pytest.fixture
def watched(context):
    """A new page in a fresh profile, with its console, errors and requests recorded."""
    return PageWatch(context.new_page())


@functools.lru_cache(maxsize=1)
def axe_source():
    """axe-core, as shipped (not downloaded) by the axe-playwright-python package."""
    import axe_playwright_python
    return (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


def axe_violations(page):
    """Run axe-core's WCAG 2.2 A and AA rules on the page as it is now; return the violations, described."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.evaluate(axe_source())  # evaluated by the driver, so the page's CSP does not apply to it
    result = page.evaluate("tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})",
                           WCAG_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]]


PREFIX = "send-toolkit:{}:v1:"
# Another page on this computer fills the shared store: what is left is too small for any record.
FILL_STORE = """() => { let n = 0;
    for (let size = 256 * 1024; size >= 1;) {
        try { localStorage.setItem("other-page:" + n, "x".repeat(size)); n += 1; } catch (e) { size = Math.floor(size / 2); } } }"""
# Read and write the durable copy (IndexedDB, named after the storage prefix) as the page does.
DURABLE_ALL = """() => new Promise(done => {
    const request = indexedDB.open(document.documentElement.dataset.storagePrefix, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("records");
    request.onsuccess = () => { const all = {}; const t = request.result.transaction("records");
        const cursor = t.objectStore("records").openCursor();
        cursor.onsuccess = () => { const at = cursor.result; if (at) { all[at.key] = at.value; at.continue(); } };
        t.oncomplete = () => { request.result.close(); done(all); }; }; })"""
DURABLE_PUT = """([name, value]) => new Promise(done => {
    const request = indexedDB.open(document.documentElement.dataset.storagePrefix, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("records");
    request.onsuccess = () => { const t = request.result.transaction("records", "readwrite");
        t.objectStore("records").put(value, name); t.oncomplete = () => { request.result.close(); done(); }; }; })"""
DURABLE_RESTORE = """entries => new Promise(done => {
    const request = indexedDB.open(document.documentElement.dataset.storagePrefix, 1);
    request.onupgradeneeded = () => request.result.createObjectStore("records");
    request.onsuccess = () => { const t = request.result.transaction("records", "readwrite"); const records = t.objectStore("records");
        records.clear(); Object.entries(entries).forEach(([name, value]) => records.put(value, name));
        t.oncomplete = () => { request.result.close(); done(); }; }; })"""
SAFARI = ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 "
          "Safari/605.1.15")
SAFARI_SAYS = ("Safari may delete answers kept here after 7 days of use without opening this page: a downloaded file is "
               "the safe copy")
NO_LOCKS = "Object.defineProperty(Navigator.prototype, 'locks', {get: () => undefined});"


class Tool:
    """A framework page with its scripts running, seen as a user sees it, plus a look at what it saved."""

    def __init__(self, page, framework):
        self.page, self.framework = page, framework
        self.prefix = PREFIX.format(framework)

    def go(self, fragment):
        """Go to a view, as a bookmark or the back button would, and return once the page has shown it."""
        if self.page.evaluate("location.hash") != fragment:
            self.after_view_change(lambda: self.page.evaluate("hash => { location.hash = hash; }", fragment))
        return self

    def follow(self, link):
        """Click a link to a view and return once the page has shown it."""
        self.after_view_change(link.click)

    def after_view_change(self, act):
        """Do what changes the fragment, then wait for the page to show the view: it does so on "hashchange", a task
        of its own, and a listener added now runs after the page's. If the fragment does not change within 2 s,
        return anyway: the view the caller expects is then missing, and the caller says so."""
        self.page.evaluate("""() => { window.__viewChanged = new Promise(done => {
            window.addEventListener("hashchange", () => done(), {once: true});
            window.setTimeout(done, 2000);
        }); }""")
        act()
        self.page.evaluate("window.__viewChanged")

    def section(self):
        """The section showing now."""
        return self.page.locator(".section:not([hidden])")

    def status(self):
        return self.page.locator("#save-status").inner_text()

    def leave_field(self):
        """Move focus out of the field being typed in, which saves it at once."""
        self.page.evaluate("document.activeElement && document.activeElement.blur()")

    def wait_saved(self):
        self.page.wait_for_function("() => document.getElementById('save-status').textContent.startsWith('Saved in this browser at')")

    def saved(self):
        """Wait for a change just made to be saved: the page saves a click once its next frame is drawn, in a task that
        this wait's own task follows, or within 100 ms (session.js)."""
        self.page.evaluate("() => new Promise(done => { requestAnimationFrame(() => setTimeout(done)); setTimeout(done, 200); })")

    def records(self):
        """Every assessment record this framework saved, by id."""
        self.saved()
        stored = self.page.evaluate("prefix => Object.keys(localStorage).filter(k => k.startsWith(prefix + 'assessment:'))"
                                    ".map(k => localStorage.getItem(k))", self.prefix)
        return {record["id"]: record for record in map(json.loads, stored)}

    def record(self):
        """The record of the assessment that is open."""
        self.saved()
        current = self.page.evaluate("key => localStorage.getItem(key)", self.prefix + "current")
        return self.records()[current]

    def answers(self):
        return self.record()["answers"]

    def storage(self):
        """Everything in localStorage, ours or not."""
        self.saved()
        return self.page.evaluate("Object.fromEntries(Object.keys(localStorage).map(k => [k, localStorage.getItem(k)]))")


def url_of(where, fresh_site, http_site, name):
    """A page of the built site, opened from file:// or over http under the sub-path."""
    return (fresh_site / name).as_uri() if where == "file" else http_site + name


def assert_focus(page, element_id):
    """Focus moves after the view changes; wait for it rather than racing it."""
    expect(page.locator(f"#{element_id}")).to_be_focused()


def open_tool(page, url, framework):
    page.goto(url)
    page.wait_for_load_state("load")
    page.wait_for_function("() => document.getElementById('save-status').textContent !== ''")
    return Tool(page, framework)
