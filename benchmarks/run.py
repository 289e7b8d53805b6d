"""Build benchmark: prints build time for the bundled frameworks and for generated corpora, and page sizes.

    .venv/bin/python benchmarks/run.py            (or: make benchmark)

Generated corpora hold N frameworks of 100 statements each (10 sections of 10 statements,
two 0-10 ratings with exemplars, like seed 000). Each build is timed several times and the
median reported. Results are kept in benchmarks/RESULTS.md with the command that made them.
"""
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


if __name__ == "__main__":
    main()
