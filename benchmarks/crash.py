"""Crash benchmark: is every answer the page called "Saved" still there after the browser is killed?

    .venv/bin/python benchmarks/crash.py

The same runs as tests/test_crash.py (one browser per kill point on a persistent profile, a first change, a second
change 6 s later, "Saved", SIGKILL of the browser's whole process tree, a restart on the same profile), at more kill
points than the test suite waits for: 0, 1, 3, 10 and 40 s after "Saved". Chromium from file:// (in a folder with
spaces) and over http under a sub-path, and Firefox ESR the same; each plainly, and with the store full and Web
Locks hidden. Prints a Markdown table (kept in benchmarks/RESULTS.md with the command) and exits 0 either way: it is
a report. Takes about 11 minutes.
"""
import functools
import http.server
import shutil
import sys
import tempfile
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
import build  # noqa: E402
from conftest import SUB_PATH, QuietHandler  # noqa: E402
from test_crash import crash_chromium, crash_firefox  # noqa: E402

KILL_AFTER = [0, 1, 3, 10, 40]
PAGE = "send-self-evaluation.html"


def serve(site, docroot):
    """The site served over http://127.0.0.1 under the sub-path; returns its base URL."""
    target = docroot / SUB_PATH.strip("/")
    shutil.copytree(site, target)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(docroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}{SUB_PATH}"


def main():
    from playwright.sync_api import sync_playwright
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        site = temp / "SEND toolkit copy" / "site"
        assert build.build(ROOT, site) == []
        base = serve(site, temp / "webroot")
        runs = [("Chromium", "file://", site.joinpath(PAGE).as_uri()), ("Chromium", "http", base + PAGE),
                ("Firefox ESR", "file://", site.joinpath(PAGE).as_uri()), ("Firefox ESR", "http", base + PAGE)]
        print(f"Kills after \"Saved\" (s): {', '.join(map(str, KILL_AFTER))}. Each cell: kept, or what was lost.")
        print()
        print("| browser | opened from | store | " + " | ".join(f"killed at {after} s" for after in KILL_AFTER) + " |")
        print("|---|---|---|" + "---|" * len(KILL_AFTER))
        with sync_playwright() as playwright:
            for number, (browser, where, url) in enumerate(runs):
                for full in (False, True):
                    folder = temp / f"run {number} {full}"
                    folder.mkdir()
                    print(f"{browser} {where} full={full} ...", file=sys.stderr)
                    if browser == "Chromium":
                        found = crash_chromium(playwright, url, folder, full, KILL_AFTER)
                    else:
                        found = crash_firefox(url, folder, full, KILL_AFTER)
                    store = "full, no Web Locks" if full else "normal"
                    print(f"| {browser} | {where} | {store} | " +
                          " | ".join("kept" if found[after] is None else found[after] for after in KILL_AFTER) + " |")


if __name__ == "__main__":
    main()
