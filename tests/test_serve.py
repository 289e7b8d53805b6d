"""`python build.py serve`: a live preview on 127.0.0.1 that rebuilds site/ and reloads the browser on change."""
import subprocess
import sys
import time
import urllib.request

from playwright.sync_api import Error as PlaywrightError

from conftest import free_port
from test_validate import MINIMAL, make_root


def wait_for(condition, seconds=20):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return False


def fetch(url):
    try:
        return urllib.request.urlopen(url, timeout=2).read().decode("utf-8")
    except OSError:
        return ""


def shows(page, text):
    """Whether the page shows text now; False while it is in the middle of reloading."""
    try:
        return text in page.content()
    except PlaywrightError:  # Playwright refuses to read a page that is navigating
        return False


def test_serve_rebuilds_and_reloads_the_browser_when_a_framework_changes(tmp_path, context):
    root = make_root(tmp_path, MINIMAL)
    port = free_port()
    server = subprocess.Popen([sys.executable, str(root / "build.py"), "serve", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        url = f"http://127.0.0.1:{port}/test-audit.html"
        assert wait_for(lambda: "Leaders have a clear vision." in fetch(url))
        page = context.new_page()
        console = []
        page.on("console", lambda message: console.append(message.text))
        page.goto(url)
        assert wait_for(lambda: page.evaluate("typeof window.LiveReload !== 'undefined'"), 10), console
        framework = root / "frameworks" / "test-audit.yaml"
        framework.write_text(MINIMAL.replace("Leaders have a clear vision.", "Leaders share a clear vision."), encoding="utf-8")
        assert wait_for(lambda: shows(page, "Leaders share a clear vision."))  # the browser reloaded by itself
        assert "Leaders share a clear vision." in (root / "site" / "test-audit.html").read_text(encoding="utf-8")
        assert console == []
        # A mistake is reported and the server keeps running; site/ keeps the last good build.
        framework.write_text(MINIMAL.replace("id: leadership-2", "id: leadership-1"), encoding="utf-8")
        time.sleep(2)
        assert "Leaders share a clear vision." in fetch(url)
        assert server.poll() is None
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0]
    assert 'statement id "leadership-1" is used twice (first at line 26)' in output
