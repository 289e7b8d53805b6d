"""The Nu HTML Checker (vnu.jar) finds no error in any built page, nor in the framework pages as their scripts leave them.

vnu.jar comes from the npm package vnu-jar, installed into .venv/vnu/ by tests/install-browsers.sh, and runs on the
system's Java. Each check is one java run over all its files (starting the JVM takes about two seconds). The fresh build
is checked; test_build.py checks that the committed site/ equals it.
"""
import json
import os
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from conftest import ROOT, open_tool

VNU_VERSION = "26.9.27"
VNU_JAR = Path(os.environ.get("VNU_JAR") or ROOT / ".venv" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar")
FRAMEWORKS = sorted(path.stem for path in (ROOT / "frameworks").glob("*.yaml"))
VIEWS = ["#overview", "#summary", "#plan", "#assessments"]

# Messages that are the checker's mistakes, not ours; each must name what would let it be removed.
# paint-order (CSS Fill and Stroke Level 3, SVG 2; in every current browser) is missing from the checker's CSS
# property list. .chart__count needs it: without it the text's dark halo covers its white fill. Text-shadow is no
# substitute, as Chromium drops it from SVG text when printing. Remove this entry once theme/js/charts.js gives the
# count <text> a paint-order="stroke" attribute (which the checker accepts) and site.css no longer sets the property.

# Rate every statement, cycling through its scale so every point appears, leaving every fifth rating unrated:
# enough for the summary's charts and tables, priorities and the plan to show all their kinds of markup.
RATE_MOST = """() => {
    const data = JSON.parse(document.getElementById('framework-data').textContent);
    let count = 0;
    for (const section of data.sections) {
        for (const item of section.items) {
            for (const rating of item.type === 'statement' ? item.ratings : []) {
                count += 1;
                if (count % 5 === 0) continue;
                const points = data.scales[rating.scale].points;
                const value = points[count % points.length].value;
                document.querySelector(`input[name='${item.id}--${rating.id}'][value='${value}']`).click();
            }
        }
    }
}"""


def vnu_command():
    """java -jar vnu.jar, or a failure that says how to install what is missing."""
    java, missing = shutil.which("java"), []
    if java is None:
        missing.append("`java` is not on PATH (Java 11 or later; on Debian: apt-get install default-jre-headless)")
    if not VNU_JAR.is_file():
        missing.append(f"{VNU_JAR} does not exist (npm install --prefix .venv/vnu --ignore-scripts vnu-jar@{VNU_VERSION})")
    if missing:
        pytest.fail("The Nu HTML Checker cannot run: " + "; ".join(missing) + ". Run `bash tests/install-browsers.sh`"
                    " (`make test` runs it), which installs vnu-jar from npm and, as root on Debian, Java with apt-get;"
                    " or set VNU_JAR=/path/to/vnu.jar.", pytrace=False)
    return [java, "-jar", str(VNU_JAR)]


def vnu_errors(files):
    """Every error vnu.jar reports for the files, in one run, as `file:line: message` followed by the markup."""
    run = subprocess.run(vnu_command() + ["--errors-only", "--format", "json", *map(str, files)],
                         capture_output=True, text=True, timeout=600)
    try:
        messages = json.loads(run.stderr)["messages"]  # the report goes to stderr
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"vnu.jar gave no JSON report (exit {run.returncode}):\n{run.stderr[-3000:]}{run.stdout[-3000:]}")
    errors = []
    for message in messages:
        if message.get("type") == "info":  # warnings, if any
            continue
        name = Path(unquote(urlsplit(message.get("url", "")).path)).name or "?"
        line = message.get("lastLine", message.get("firstLine", "?"))
        extract = " ".join(message.get("extract", "").split())
        errors.append(f"{name}:{line}: {message.get('message')}" + (f"\n    {extract}" if extract else ""))
    assert run.returncode == 0 or messages, f"vnu.jar failed (exit {run.returncode}) without reporting an error:\n{run.stderr[-3000:]}"
    return errors


def test_every_built_page_has_no_html_error(fresh_site):
    pages = sorted(fresh_site.glob("*.html"))
    assert len(pages) >= 8
    errors = vnu_errors(pages)
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker:\n" + "\n".join(errors)


def test_framework_pages_as_their_scripts_leave_them_have_no_html_error(page, fresh_site, tmp_path):
    """Each framework page's DOM, serialised after its scripts ran: the overview empty, then, with most statements
    rated and an action added, the summary, the plan and the list of assessments."""
    snapshots = []

    def snapshot(framework, view):
        path = tmp_path / f"{framework}--{view.lstrip('#')}.html"
        path.write_text(page.content(), encoding="utf-8")
        snapshots.append(path)

    for framework in FRAMEWORKS:
        tool = open_tool(page, (fresh_site / f"{framework}.html").as_uri(), framework)
        snapshot(framework, "#overview-empty")
        page.evaluate(RATE_MOST)
        for view in VIEWS:
            tool.go(view)
            page.wait_for_function("id => !document.getElementById(id).hidden", arg=view[1:])
            if view == "#plan":
                page.get_by_role("button", name="Add an action").click()
                page.keyboard.type("An action with <b>markup</b> & “quotes” in it")
                tool.leave_field()
            snapshot(framework, view)
    errors = vnu_errors(snapshots)
    assert not errors, f"{len(errors)} errors from the Nu HTML Checker in pages as the scripts leave them:\n" + "\n".join(errors)
