"""Benchmark: build time, page sizes, and how fast a page is to use in Chromium on a slow CPU.

    .venv/bin/python benchmarks/run.py            (or: make benchmark)

Generated corpora hold N frameworks of 100 statements each (10 sections of 10 statements,
two 0-10 ratings with exemplars, like seed 000). Each build is timed several times and the
median reported.

In the browser, generated frameworks of 50, 200 and 1,000 statements are opened from file://
in Chromium with its CPU slowed 4x (as on an old school laptop), empty and with every statement
rated and evidenced. Reported: time from the start of navigation to the first usable control (the
scripts have filled the page and saving works: the "send-toolkit:ready" performance mark), and
time from a click on a rating to the rating saved in localStorage with the status line updated,
and to the next frame painted, and the time from following a link to the summary to the summary
computed and drawn (next frame). Last, the full report of each seed framework is printed with
page.pdf(), every statement rated and evidenced, and timed. Results are kept in benchmarks/RESULTS.md with the command.
"""
import json
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
import build  # noqa: E402

RUNS = 5


def generated_framework(number, statements=100, per_section=10):
    """A framework like seed 000, with `statements` statements."""
    return {
        "id": f"generated-{number}", "title": f"Generated framework {number}", "short_title": f"Generated {number}",
        "version": "1.0", "publisher": "Benchmark", "source": {"title": "Generated", "year": 2026},
        "licence": "Generated for benchmarking.", "description": "A generated framework.",
        "scales": {"zero-to-ten": {"name": "Rating 0 to 10",
                                    "points": [{"value": v, "label": f"Point {v}", **({"not_applicable": True} if v == 0 else {})}
                                               for v in range(11)],
                                    "bands": [{"id": "low", "label": "Low", "min": 0, "max": 3},
                                              {"id": "middle", "label": "Middle", "min": 4, "max": 6},
                                              {"id": "high", "label": "High", "min": 7, "max": 10}]}},
        "ratings": [{"id": "now", "label": "Now", "scale": "zero-to-ten"},
                    {"id": "target", "label": "Target", "scale": "zero-to-ten"}],
        "evidence": "Evidence",
        "sections": [{"id": f"section-{s}", "title": f"Section {s}", "items": [
            {"id": f"s{s}-statement-{i}", "number": str(i),
             "text": f"Statement {i} of section {s}: pupils with SEND make strong progress from their starting points.",
             "exemplars": {"high": ["Leaders track outcomes.", "Parents are partners."], "middle": ["Plans are in place."]}}
            for i in range(1, per_section + 1)]} for s in range(1, statements // per_section + 1)],
    }


def corpus(folder, count):
    """A project folder (theme, content, schema) with `count` generated frameworks."""
    (folder / "frameworks").mkdir(parents=True)
    for name in ("theme", "content"):
        shutil.copytree(ROOT / name, folder / name)
    shutil.copy(ROOT / "frameworks" / "framework.schema.json", folder / "frameworks")
    for number in range(1, count + 1):
        text = yaml.safe_dump(generated_framework(number), sort_keys=False, allow_unicode=True)
        (folder / "frameworks" / f"generated-{number}.yaml").write_text(text, encoding="utf-8")
    return folder


def time_build(root, out):
    """Median seconds for a whole build (load, validate, render, write) over RUNS runs."""
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        problems = build.build(root, out)
        times.append(time.perf_counter() - start)
        assert problems == [], problems
    return statistics.median(times)


def throttled_page(browser, rate=4):
    page = browser.new_context(viewport={"width": 1100, "height": 900}).new_page()
    page.context.new_cdp_session(page).send("Emulation.setCPUThrottlingRate", {"rate": rate})
    return page


def full_record(framework):
    """A saved assessment with every statement rated now and target, with evidence."""
    statements = [item["id"] for section in framework["sections"] for item in section["items"]]
    answers = {ident: {"now": 3 + n % 5, "target": 8, "evidence": f"Evidence for {ident}: minutes, data and pupil voice."}
               for n, ident in enumerate(statements)}
    return {"format": "send-toolkit-assessment", "formatVersion": 1, "framework": framework["id"], "frameworkVersion": "1.0",
            "id": "benchmark", "setting": "Benchmark School", "period": "Autumn 2026", "created": "2026-11-22T09:00:00.000Z",
            "updated": "2026-11-22T09:00:00.000Z", "revision": 1, "answers": answers, "completed": {}, "reviewPoints": []}


OPENING = """() => {
    const mark = name => performance.getEntriesByName(name)[0].startTime;
    const paint = performance.getEntriesByName("first-contentful-paint")[0];
    return [paint ? paint.startTime : NaN, mark("send-toolkit:ready"), mark("send-toolkit:ready") - mark("send-toolkit:start")];
}"""
CLICK_TO_SAVED = """async (prefix) => {
    const times = [], frames = [];
    const radios = [...document.querySelectorAll("#section-2 input[type=radio][name$='--now']")];
    for (let i = 0; i < 20; i += 1) {
        const radio = radios.filter(r => !r.checked)[i % 7];
        const start = performance.now();
        radio.click();
        const saved = document.getElementById("save-status").textContent.startsWith("Saved in this browser");
        const record = JSON.parse(localStorage.getItem(prefix + "assessment:" + localStorage.getItem(prefix + "current")));
        if (!saved || record.answers[radio.name.split("--")[0]].now !== Number(radio.value)) throw new Error("not saved");
        times.push(performance.now() - start);
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
        frames.push(performance.now() - start);
    }
    const median = list => list.sort((a, b) => a - b)[Math.floor(list.length / 2)];
    return [median(times), median(frames)];
}"""


SUMMARY = """async () => {
    const times = [];
    for (let i = 0; i < 5; i += 1) {
        location.hash = "#section-2";
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
        const start = performance.now();
        location.hash = "#summary";
        await new Promise(resolve => window.addEventListener("hashchange", resolve, { once: true }));
        await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve)));
        times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[2];
}"""
FILL_EVERY_STATEMENT = """() => {
    document.querySelectorAll("fieldset.rating").forEach(group => {
        const radios = group.querySelectorAll("input[type=radio]");
        radios[Math.min(2, radios.length - 1)].click();
    });
    document.querySelectorAll("textarea[name$='--evidence']").forEach(box => {
        box.value = "Evidence: minutes of the SEND governor's visit, provision map, pupil voice survey.";
        box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    document.activeElement.blur();
}"""


def time_printing():
    """Rows of (framework, pages, seconds) for page.pdf() of the full report, every statement rated and evidenced."""
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS, chromium_path
    rows = []
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        assert build.build(ROOT, Path(temp) / "site") == []
        for framework in sorted((ROOT / "frameworks").glob("*.yaml")):
            page = browser.new_page()
            page.add_init_script("window.print = () => {};")
            page.goto((Path(temp) / "site" / f"{framework.stem}.html").as_uri())
            page.evaluate(FILL_EVERY_STATEMENT)
            times = []
            for _ in range(3):
                page.evaluate("document.querySelector('[data-print-document=report]').click()")
                start = time.perf_counter()
                pdf = page.pdf(prefer_css_page_size=True)
                times.append(time.perf_counter() - start)
                page.evaluate("window.dispatchEvent(new Event('afterprint'))")
            rows.append((framework.stem, pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages"), statistics.median(times)))
            page.close()
        browser.close()
    return rows


def time_in_browser(sizes=(50, 200, 1000)):
    """Rows of (statements, page KB, state, ms to first paint, ms to first usable control, ms of it in our scripts,
    ms click to saved, ms click to next frame, ms from a link to the summary drawn)."""
    from playwright.sync_api import sync_playwright
    sys.path.insert(0, str(ROOT / "tests"))
    from conftest import CHROMIUM_ARGS, chromium_path
    rows = []
    with tempfile.TemporaryDirectory() as temp, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for size in sizes:
            root = Path(temp) / f"size-{size}"
            (root / "frameworks").mkdir(parents=True)
            for name in ("theme", "content"):
                shutil.copytree(ROOT / name, root / name)
            shutil.copy(ROOT / "frameworks" / "framework.schema.json", root / "frameworks")
            framework = generated_framework(size, statements=size)
            (root / "frameworks" / f"{framework['id']}.yaml").write_text(yaml.safe_dump(framework, sort_keys=False), encoding="utf-8")
            assert build.build(root, root / "site") == []
            url = (root / "site" / f"{framework['id']}.html").as_uri() + "#section-2"
            for state in ("empty", "fully rated"):
                page = throttled_page(browser)
                if state == "fully rated":
                    page.goto(url)
                    record = full_record(framework)
                    page.evaluate("([prefix, text]) => { localStorage.setItem(prefix + 'assessment:benchmark', text);"
                                  " localStorage.setItem(prefix + 'current', 'benchmark'); }",
                                  [f"send-toolkit:{framework['id']}:v1:", json.dumps(record)])
                openings = []
                for _ in range(RUNS):
                    page.goto("about:blank")
                    page.goto(url)
                    page.wait_for_load_state("load")
                    openings.append(page.evaluate(OPENING))
                paint, ready, scripts = (statistics.median(column) for column in zip(*openings))
                click, frame = page.evaluate(CLICK_TO_SAVED, f"send-toolkit:{framework['id']}:v1:")
                summary = page.evaluate(SUMMARY)
                size_kb = (root / "site" / f"{framework['id']}.html").stat().st_size / 1024
                rows.append((size, size_kb, state, paint, ready, scripts, click, frame, summary))
                page.context.close()
        browser.close()
    return rows


def main():
    print(f"Machine: {platform.machine()}, Python {platform.python_version()}, {RUNS} runs each, median")
    print()
    print("| what is built | frameworks | statements | build time (s) | per framework (ms) |")
    print("|---|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        bundled = time_build(ROOT, temp / "bundled")
        count = len(list((ROOT / "frameworks").glob("*.yaml")))
        statements = sum(build.count_statements(f) for f in build.gather(ROOT)[0])
        print(f"| bundled seed frameworks | {count} | {statements} | {bundled:.3f} | {bundled / count * 1000:.0f} |")
        for n in (1, 10, 100):
            root = corpus(temp / f"corpus-{n}", n)
            seconds = time_build(root, temp / f"out-{n}")
            print(f"| generated, 100 statements each | {n} | {n * 100} | {seconds:.3f} | {seconds / n * 1000:.0f} |")
        print()
        print("| page | bytes | KB |")
        print("|---|---:|---:|")
        for page in sorted((temp / "bundled").glob("*.html")):
            size = page.stat().st_size
            print(f"| {page.name} | {size} | {size / 1024:.1f} |")
        size = (temp / "out-1" / "generated-1.html").stat().st_size
        print(f"| generated-1.html (100 statements) | {size} | {size / 1024:.1f} |")
    print()
    print("In Chromium from file://, CPU slowed 4x (medians; ready over 5 openings, clicks over 20):")
    print()
    print("| statements | page (KB) | assessment | first paint (ms) | first usable control (ms) | of which scripts (ms) "
          "| click to saved (ms) | click to next frame (ms) | summary computed and drawn (ms) |")
    print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
    for size, size_kb, state, paint, ready, scripts, click, frame, summary in time_in_browser():
        print(f"| {size} | {size_kb:.0f} | {state} | {paint:.0f} | {ready:.0f} | {scripts:.0f} | {click:.1f} | {frame:.1f} | {summary:.0f} |")
    print()
    print("The full report printed with page.pdf() (Chromium, not slowed; every statement rated and evidenced; median of 3):")
    print()
    print("| framework | pages | seconds |")
    print("|---|---:|---:|")
    for name, pages, seconds in time_printing():
        print(f"| {name} | {pages} | {seconds:.2f} |")


if __name__ == "__main__":
    main()
