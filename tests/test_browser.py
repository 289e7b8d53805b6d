"""Every built page in a real Chromium: from file:// (a folder with spaces) and over http under a sub-path.

No console errors (a CSP violation is one), no request but the page itself, no axe WCAG 2.2 A/AA violations.
"""
import shutil
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import assert_focus, axe_violations

PAGES = ["index.html", "about.html", "accessibility.html", "how-to-use.html", "moving-your-data.html", "privacy.html",
         "good-to-great-send.html", "herts-send-benchmark.html", "lls-send-review.html", "send-audit-rag.html",
         "send-self-evaluation.html"]


def test_the_list_of_pages_is_complete(site_pages):
    assert sorted(PAGES) == site_pages


def page_url(where, fresh_site, http_site, name):
    return (fresh_site / name).as_uri() if where == "file" else http_site + name


@pytest.mark.parametrize("where", ["file", "http"])
@pytest.mark.parametrize("name", PAGES)
def test_page_opens_cleanly_and_passes_axe(where, name, watched, fresh_site, http_site):
    url = page_url(where, fresh_site, http_site, name)
    if where == "file":
        assert " " in url.replace("%20", " ")
    watched.open(url)
    assert watched.page.locator("h1").count() == 1
    assert watched.console == [] and watched.errors == []
    assert watched.requests == [url]
    assert axe_violations(watched.page) == []


@pytest.mark.parametrize("where", ["file", "http"])
def test_links_between_pages_work_from_file_and_under_a_sub_path(where, watched, fresh_site, http_site):
    watched.open(page_url(where, fresh_site, http_site, "index.html"))
    watched.page.get_by_role("link", name="SEND Audit RAG rating").click()
    watched.page.wait_for_load_state("load")
    assert watched.page.locator("h1").inner_text() == "SEND Audit RAG rating"
    watched.page.get_by_role("link", name="Privacy").click()
    watched.page.wait_for_load_state("load")
    assert watched.page.locator("h1").inner_text() == "Privacy"
    assert watched.page.url == page_url(where, fresh_site, http_site, "privacy.html")
    assert watched.console == [] and watched.errors == []


def test_a_framework_page_copied_alone_still_works(watched, fresh_site, tmp_path):
    lonely = tmp_path / "Copied to a USB stick"
    lonely.mkdir()
    shutil.copy(fresh_site / "send-self-evaluation.html", lonely / "SEND tool.html")
    url = (lonely / "SEND tool.html").as_uri()
    watched.open(url)
    assert watched.page.get_by_role("heading", level=1).inner_text() == "SEND Self Evaluation tool"
    watched.page.get_by_role("link", name="Outcomes for Pupils with SEND").click()
    watched.page.get_by_role("radio", name="5").first.check()
    expect(watched.page.locator("#save-status")).to_contain_text("Saved in this browser at")  # once the durable copy is on disk
    assert watched.console == [] and watched.errors == [] and watched.requests == [url]


def test_without_javascript_every_statement_and_descriptor_is_readable(browser, fresh_site):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((fresh_site / "herts-send-benchmark.html").as_uri())
    first = page.locator(".statement").nth(9)
    assert first.get_by_text("Emerging").is_visible()
    assert first.locator(".level__descriptor").count() == 3
    assert all(d.is_visible() for d in first.locator(".level__descriptor").all())
    context.close()


def test_keyboard_skip_link_moves_to_the_main_content(watched, fresh_site):
    watched.open((fresh_site / "send-audit-rag.html").as_uri())
    watched.page.keyboard.press("Tab")
    assert watched.page.evaluate("document.activeElement.textContent") == "Skip to main content"
    watched.page.keyboard.press("Enter")
    assert_focus(watched.page, "main")


def test_blank_framework_prints_to_a4_with_the_exemplars(browser, fresh_site, tmp_path):
    page = browser.new_page()
    page.goto((fresh_site / "send-self-evaluation.html").as_uri())
    pdf = tmp_path / "blank.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert "595.92 x 842.88 pts (A4)" in info
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert 15 <= pages <= 60
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    assert "From their different starting points" in text
    assert "Interventions are tracked and appropriate responses to data are evident." in text  # an exemplar, in a closed <details>
    assert "Skip to main content" not in text
    page.close()


def test_a_council_brands_the_site_with_site_yaml(tmp_path, watched):
    from test_validate import MINIMAL, make_root
    import build
    root = make_root(tmp_path, MINIMAL)
    (root / "logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#005a30"/></svg>')
    (root / "site.yaml").write_text(
        "organisation: Anytown Borough Council\ncontact: 'SEND Advisory Team: send@anytown.example, 01234 567890'\n"
        "logo: logo.svg\nlogo_alt: Anytown Borough Council\ncolours: {brand: '#005a30', brand_text: '#ffffff', link: '#005a30'}\n"
        "footer_links: [{label: Anytown Local Offer, url: 'https://anytown.example/localoffer'}]\n", encoding="utf-8")
    assert build.build(root) == []
    url = (root / "site" / "index.html").as_uri()
    watched.open(url)
    header = watched.page.locator("header")
    assert header.get_by_role("img", name="Anytown Borough Council").is_visible()
    assert "Anytown Borough Council" in header.inner_text()
    assert watched.page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor") == "rgb(0, 90, 48)"
    footer = watched.page.locator("footer")
    assert footer.get_by_role("link", name="Anytown Local Offer").get_attribute("href") == "https://anytown.example/localoffer"
    assert "send@anytown.example" in footer.inner_text()
    assert watched.console == [] and watched.errors == [] and watched.requests == [url]
    assert axe_violations(watched.page) == []
    framework = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert "anytown.example/localoffer" not in framework and "send@anytown.example" in framework


@pytest.mark.parametrize("name", PAGES)
def test_pages_reflow_to_320_pixels_without_sideways_scrolling(name, browser, fresh_site):
    page = browser.new_page(viewport={"width": 320, "height": 640})
    page.goto((fresh_site / name).as_uri())
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.close()


def test_keyboard_only_a_statement_can_be_rated_and_evidenced_with_visible_focus(watched, fresh_site):
    watched.open((fresh_site / "send-audit-rag.html").as_uri() + "#leadership-1")
    keys = watched.page.keyboard
    keys.press("Tab")  # from the statement the link pointed to, into its RAG rating
    focused = "document.activeElement"
    assert watched.page.evaluate(f"[{focused}.name, {focused}.value]") == ["leadership-1--rag", "red"]
    assert watched.page.evaluate(f"getComputedStyle({focused}).outlineStyle") == "solid"  # focus is visible
    keys.press("Space")
    keys.press("ArrowRight")
    assert watched.page.locator("input[name='leadership-1--rag']:checked").get_attribute("value") == "amber"
    keys.press("Tab")
    assert watched.page.evaluate(f"{focused}.textContent") == "Clear the rating: RAG rating (The senior leadership team (SLT) understand their duties...)"
    keys.press("Tab")
    assert watched.page.evaluate(f"{focused}.id") == "leadership-1--evidence"
    keys.type("Minutes of SLT meetings, spring term.")
    assert watched.page.locator("#leadership-1--evidence").input_value() == "Minutes of SLT meetings, spring term."
    keys.press("Tab")
    assert watched.page.evaluate(f"{focused}.name") == "leadership-2--rag"
