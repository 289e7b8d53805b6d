"""The page's DOM-free scripts (storage, durable, answers, the response types, changes, assessments, scoring, plan,
transfer) tested where
they live: tests/js/logic.test.js, run by Node's own test runner (Node.js 18 or later, which `make test` needs for the
HTML checker too). The same scripts are also tested through the page, in Chromium, by the other test files."""
import shutil
import subprocess

from conftest import ROOT


def test_the_logic_scripts_pass_their_node_tests():
    node = shutil.which("node")
    assert node, "Node.js is missing: install Node.js 18 or later (tests/install-browsers.sh needs it too)"
    result = subprocess.run([node, "--test", "--test-reporter=spec", "tests/js/"], cwd=ROOT, capture_output=True,
                            text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    tests = (ROOT / "tests" / "js" / "logic.test.js").read_text(encoding="utf-8").count("\ntest(")
    assert "ℹ fail 0" in result.stdout and f"ℹ pass {tests}\n" in result.stdout, result.stdout
