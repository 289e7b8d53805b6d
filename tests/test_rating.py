"""Rating in a real Chromium: every response type saved, reloaded and cleared; views, progress and keyboard use.

Each test starts from a fresh browser profile, so localStorage starts empty.
"""
import json
from pathlib import Path

import pytest
from playwright.sync_api import expect

import build
from conftest import FILL_STORE, Tool, assert_focus, axe_violations, open_tool, url_of

EVIDENCE = "Provision map, autumn term; <b>not bold</b> & “quoted”"


def lines(locator):
    """The text of an element as a user reads it, line by line."""
    return [line.strip() for line in locator.inner_text().split("\n") if line.strip()]


def checked(section, name):
    radios = section.locator(f"input[name='{name}']:checked")
    return radios.get_attribute("value") if radios.count() else None


@pytest.mark.parametrize("where", ["file", "http"])
def test_zero_to_ten_now_and_target_with_not_applicable_are_saved_reloaded_and_cleared(where, page, fresh_site, http_site):
    url = url_of(where, fresh_site, http_site, "send-self-evaluation.html")
    tool = open_tool(page, url + "#outcomes", "send-self-evaluation")
    section = tool.section()
    assert tool.status() == "Nothing entered yet: your answers are saved in this browser as you go"
    section.locator("#outcomes-1--now").get_by_label("7", exact=True).check()
    section.locator("#outcomes-1--target").get_by_label("9", exact=True).check()
    section.locator("#outcomes-2--now").get_by_label("0 (N/A)").check()
    section.locator("#outcomes-1--evidence").fill(EVIDENCE)
    band = section.locator("#outcomes-1--chosen-band")
    assert band.locator("p").all_inner_texts() == [
        "Where you are now: 7 is in the band “Strategically addressed - clear evidence of impact”. What this can look like:",
        "Where you want to be in 6 to 12 months’ time: 9 is in the band “Strategically addressed - clear evidence of impact” too."]
    assert band.locator("li").first.inner_text() == "School development planning evidences how data impacts strategic, whole school planning for SEND."
    assert section.locator("#outcomes-2--chosen-band").inner_text() == "Where you are now: not applicable, so this statement is left out of scores."
    tool.leave_field()
    assert tool.answers() == {"outcomes-1": {"now": 7, "target": 9, "evidence": EVIDENCE}, "outcomes-2": {"now": 0}}

    page.reload()
    section = tool.section()
    assert [checked(section, "outcomes-1--now"), checked(section, "outcomes-1--target"), checked(section, "outcomes-2--now"),
            checked(section, "outcomes-2--target")] == ["7", "9", "0", None]
    assert section.locator("#outcomes-1--evidence").input_value() == EVIDENCE
    expect(page.locator("#done-message")).to_have_text("")

    clear = section.get_by_role("button", name="Clear the rating: Where you are now (statement 2)")
    clear.click()
    assert clear.is_hidden()
    assert page.evaluate("[document.activeElement.name, document.activeElement.value]") == ["outcomes-2--now", "0"]
    assert checked(section, "outcomes-2--now") is None
    assert section.locator("#outcomes-2--chosen-band").inner_text() == ""
    assert tool.answers() == {"outcomes-1": {"now": 7, "target": 9, "evidence": EVIDENCE}}
    page.reload()
    assert checked(tool.section(), "outcomes-2--now") is None


@pytest.mark.parametrize("where", ["file", "http"])
def test_rag_ratings_are_saved_reloaded_and_cleared(where, page, fresh_site, http_site):
    tool = open_tool(page, url_of(where, fresh_site, http_site, "send-audit-rag.html") + "#teaching", "send-audit-rag")
    tool.section().locator("#teaching-2--rag").get_by_label("Amber").check()
    tool.section().locator("#teaching-3--rag").get_by_label("Red").check()
    assert tool.answers() == {"teaching-2": {"rag": "amber"}, "teaching-3": {"rag": "red"}}
    page.reload()
    assert [checked(tool.section(), "teaching-2--rag"), checked(tool.section(), "teaching-3--rag")] == ["amber", "red"]
    tool.section().locator("#teaching-2--rag").get_by_role("button", name="Clear").click()
    page.reload()
    assert [checked(tool.section(), "teaching-2--rag"), checked(tool.section(), "teaching-3--rag")] == [None, "red"]
    assert tool.answers() == {"teaching-3": {"rag": "red"}}


@pytest.mark.parametrize("where", ["file", "http"])
def test_duties_levels_notes_and_the_participants_table_are_saved_and_reloaded(where, page, fresh_site, http_site):
    url = url_of(where, fresh_site, http_site, "herts-send-benchmark.html")
    tool = open_tool(page, url + "#statutory-checklist", "herts-send-benchmark")
    tool.section().locator("#duty-senco--duty").get_by_label("Partly met").check()
    tool.go("#outcome-1")
    levels = tool.section().locator("#outcome-1-b--level")
    assert levels.locator(".level__descriptor").count() == 3  # the three descriptors side by side
    levels.get_by_label("Exemplary").check()
    notes = tool.section().locator("textarea").last
    notes.fill("Review the SEN information report.\nAsk governors in spring.")
    tool.go("#about-this-benchmarking")
    table = tool.section().locator("#participants table")
    assert table.locator("tbody tr").count() == 11  # eight roles from the form and three blank rows
    table.get_by_role("textbox", name="Name 2", exact=True).fill("J. Smith")
    table.locator("[name='participants--2--date']").fill("2026-11-20")
    tool.section().get_by_role("button", name="Add a row to Who has been involved").click()
    assert table.locator("tbody tr").count() == 12
    assert page.evaluate("document.activeElement.name") == "participants--12--role"
    page.keyboard.type("Educational psychologist")
    table.get_by_role("button", name="Remove row 1 (Head Teacher)").click()
    assert table.locator("tbody tr").count() == 11
    assert page.evaluate("document.activeElement.textContent") == "Remove row 1 (SENCO, J. Smith, 2026-11-20)"
    assert page.locator("#done-message").inner_text() == (
        "Row 1 (Head Teacher) removed from Who has been involved in the Benchmarking and Planning activity?.")
    tool.leave_field()

    answers = tool.answers()
    assert answers["duty-senco"] == {"duty": "partly-met"}
    assert answers["outcome-1-b"] == {"level": "exemplary"}
    assert answers["participants"]["rows"][0] == {"role": "SENCO", "name": "J. Smith", "date": "2026-11-20"}
    assert answers["participants"]["rows"][-1] == {"role": "Educational psychologist"}
    assert len(answers["participants"]["rows"]) == 11

    page.reload()
    table = tool.section().locator("#participants table")
    assert table.locator("tbody tr").count() == 11
    assert [table.get_by_role("textbox", name=f"{field} 1", exact=True).input_value() for field in ("Role", "Name")] == ["SENCO", "J. Smith"]
    assert table.locator("[name='participants--1--date']").input_value() == "2026-11-20"
    assert table.get_by_role("textbox", name="Role 11").input_value() == "Educational psychologist"
    tool.go("#outcome-1")
    assert checked(tool.section(), "outcome-1-b--level") == "exemplary"
    assert tool.section().locator("textarea").last.input_value() == "Review the SEN information report.\nAsk governors in spring."
    tool.go("#statutory-checklist")
    assert checked(tool.section(), "duty-senco--duty") == "partly-met"


@pytest.mark.parametrize("where", ["file", "http"])
def test_grid_cells_keep_what_was_typed_with_totals_and_flags(where, page, fresh_site, http_site):
    url = url_of(where, fresh_site, http_site, "good-to-great-send.html")
    tool = open_tool(page, url + "#part-one-c", "good-to-great-send")
    grid = tool.section().locator("#c-attainment-autumn")

    def cell(name):
        return grid.locator(f"[name='c-attainment-autumn--{name}']")

    def total(key):
        return grid.locator(f"[data-total='{key}']").inner_text()

    for name, value in [("year-1.reading.below", "3"), ("year-1.reading.on-track", "10"), ("year-1.reading.exceeded", "2"),
                        ("year-2.reading.below", "4"), ("year-2.maths.below", "AB, CD")]:
        cell(name).fill(value)
    assert [total("year-1.reading.total"), total("year-2.reading.total"), total("total.reading.below"),
            total("total.reading.total"), total("year-2.maths.total"), total("total.maths.below")] == ["15", "4", "7", "19", "–", "–"]
    flagged = cell("year-2.maths.below")
    assert flagged.get_attribute("aria-describedby") == "c-attainment-autumn--year-2.maths.below--flag"
    assert grid.locator("#c-attainment-autumn--year-2\\.maths\\.below--flag").inner_text() == "Not a number, so its row and column have no total"
    assert grid.get_by_role("textbox", name="Year 1 Reading Below age related expectations").input_value() == "3"
    tool.leave_field()
    assert tool.answers()["c-attainment-autumn"] == {"year-1.reading.below": "3", "year-1.reading.on-track": "10",
                                                      "year-1.reading.exceeded": "2", "year-2.reading.below": "4",
                                                      "year-2.maths.below": "AB, CD"}
    page.reload()
    grid = tool.section().locator("#c-attainment-autumn")
    assert cell("year-2.maths.below").input_value() == "AB, CD"
    assert total("year-1.reading.total") == "15" and total("year-2.maths.total") == "–"
    assert grid.locator(".data-grid__flag").count() == 1
    cell("year-2.maths.below").fill("")
    assert grid.locator(".data-grid__flag").count() == 0 and total("total.maths.below") == "–"
    tool.leave_field()
    assert "year-2.maths.below" not in tool.answers()["c-attainment-autumn"]


@pytest.mark.parametrize("where", ["file", "http"])
def test_text_answers_forms_and_number_fields_are_saved_flagged_and_reloaded(where, page, fresh_site, http_site):
    url = url_of(where, fresh_site, http_site, "lls-send-review.html")
    tool = open_tool(page, url + "#context", "lls-send-review")
    pct = tool.section().get_by_label("% of pupils with SEND")
    pct.fill("about 20")
    error = tool.section().locator("#context-statistics--context-pct-send--flag")
    assert error.text_content() == "Error: Enter a number, like 12 or 12.5"
    assert pct.get_attribute("aria-invalid") == "true"
    summary = tool.section().locator(".error-summary")  # the GOV.UK error summary under the section's heading
    assert summary.locator("h3").inner_text() == "There is a problem"
    assert summary.locator("li").all_inner_texts() == ["% of pupils with SEND: Enter a number, like 12 or 12.5"]
    summary.get_by_role("link").click()
    assert_focus(page, "context-statistics--context-pct-send")
    assert page.evaluate("location.hash") == "#context"
    tool.go("#outcomes")
    strengths = tool.section().locator("#outcomes-strengths--answer")
    strengths.fill("Strong early identification.\n\nParents say they feel heard.")
    tool.go("#follow-up-visit")
    tool.section().get_by_label("Date", exact=True).fill("2027-03-14")
    tool.section().get_by_label("Reviewer", exact=True).fill("A. Adviser")
    tool.leave_field()
    answers = tool.answers()
    assert answers["context-statistics"] == {"context-pct-send": "about 20"}
    assert answers["outcomes-strengths"] == {"answer": "Strong early identification.\n\nParents say they feel heard."}
    assert answers["follow-up-details"] == {"follow-up-date": "2027-03-14", "follow-up-reviewer": "A. Adviser"}

    page.reload()
    tool.go("#context")
    pct = tool.section().get_by_label("% of pupils with SEND")
    assert pct.input_value() == "about 20" and pct.get_attribute("aria-invalid") == "true"
    pct.fill("150")
    assert error.text_content() == "Error: Enter a percentage from 0 to 100"
    pct.fill("20")
    assert tool.section().locator(".field__error").count() == 0 and pct.get_attribute("aria-invalid") is None
    assert tool.section().locator(".error-summary").count() == 0
    tool.go("#outcomes")
    assert tool.section().locator("#outcomes-strengths--answer").input_value().endswith("Parents say they feel heard.")
    tool.go("#follow-up-visit")
    assert tool.section().get_by_label("Date", exact=True).input_value() == "2027-03-14"


def test_typing_is_saved_after_a_pause_without_leaving_the_field_and_when_the_page_is_closed_at_once(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", "send-audit-rag")
    evidence = tool.section().locator("#leadership-1--evidence")
    evidence.click()
    page.keyboard.type("Minutes")
    page.wait_for_function("() => document.getElementById('save-status').textContent.startsWith('Saved')")
    assert page.evaluate("document.activeElement.id") == "leadership-1--evidence"  # saved while still typing there
    assert tool.answers() == {"leadership-1": {"evidence": "Minutes"}}
    page.keyboard.type(" of SLT")
    page.reload()  # straight away: the change is saved as the page goes
    assert tool.section().locator("#leadership-1--evidence").input_value() == "Minutes of SLT"


def test_the_sections_form_switches_off_autocomplete_and_is_never_submitted(page, fresh_site):
    """The sections sit in one form so that the browser keeps no copy of 20,000 controls' state in history
    (benchmarks/RESULTS.md); submitting it must change nothing. A script can submit it; so can Enter in a text
    field, in a framework whose form has only one (HTML's implicit submission; the bundled ones have none or many)."""
    url = (fresh_site / "send-audit-rag.html").as_uri() + "#leadership"
    tool = open_tool(page, url, "send-audit-rag")
    owners = page.evaluate("""() => [...new Set([...document.querySelectorAll('.section input, .section textarea')]
        .map(control => control.form && control.form.className + ' ' + control.form.autocomplete))]""")
    assert owners == ["sections off"]
    tool.section().locator("input[name='leadership-1--rag'][value='amber']").check()
    before = tool.storage()
    # A listener on the document hears each submit after the page's own, and whether the page stopped it.
    page.evaluate("document.addEventListener('submit', event => (window.submits = window.submits || []).push(event.defaultPrevented))")
    page.evaluate("document.querySelector('form.sections').requestSubmit()")
    assert page.evaluate("window.submits") == [True]  # heard, and stopped by the page
    assert page.url == url and tool.storage() == before


def test_the_tool_keeps_to_its_own_keys_and_never_clears_storage(page, fresh_site):
    page.add_init_script("""
        window.clearCalls = 0;
        const clear = Storage.prototype.clear;
        Storage.prototype.clear = function () { window.clearCalls += 1; return clear.call(this); };""")
    url = (fresh_site / "send-audit-rag.html").as_uri()
    page.goto(url)
    others = {"another-app:settings": '{"theme":"dark"}', "send-toolkit:send-self-evaluation:v1:current": "someone-else",
              "send-toolkit:send-audit-rag:v2:assessment:x": "a future version"}
    page.evaluate("others => Object.entries(others).forEach(([k, v]) => localStorage.setItem(k, v))", others)
    tool = open_tool(page, url + "#leadership", "send-audit-rag")
    assert page.evaluate("localStorage.length") == 3  # opening the page writes nothing
    tool.section().locator("#leadership-1--rag").get_by_label("Green").check()
    tool.go("#review-points")
    page.get_by_role("button", name="Save a review point").click()
    tool.go("#assessments")
    page.get_by_label("Setting name").first.fill("Oak Primary")
    page.get_by_role("button", name="Start a new assessment").click()
    stored = tool.storage()
    assert {k: v for k, v in stored.items() if k in others} == others
    assert all(key.startswith("send-toolkit:send-audit-rag:v1:") for key in stored if key not in others)
    assert page.evaluate("window.clearCalls") == 0


def test_overview_shows_each_sections_status_and_a_section_can_be_marked_completed(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    resources = page.locator(".task-list__item", has=page.get_by_role("link", name="Effective use of resources"))
    assert lines(resources) == ["Effective use of resources", "0 of 3 rated", "Not started"]
    link = page.get_by_role("link", name="Effective use of resources")
    assert link.get_attribute("aria-describedby") == "resources--progress resources--status"
    link.click()
    assert_focus(page, "resources-title")
    assert page.title() == "Effective use of resources - SEND Audit RAG rating - SEND Self-Evaluation Toolkit"
    tool.section().locator("#resources-1--rag").get_by_label("Green").check()
    tool.section().get_by_role("link", name="Back to the overview").first.click()
    assert_focus(page, "framework-title")
    assert lines(resources) == ["Effective use of resources", "1 of 3 rated", "In progress"]
    link.click()
    tool.section().get_by_label("I have completed this section").check()
    page.go_back()
    assert lines(resources) == ["Effective use of resources", "1 of 3 rated", "Completed"]
    assert tool.record()["completed"] == {"resources": True}
    guidance_only = (fresh_site / "lls-send-review.html").as_uri()
    open_tool(page, guidance_only, "lls-send-review")
    item = page.locator(".task-list__item", has=page.get_by_role("link", name="What is a SEND review?"))
    assert lines(item) == ["What is a SEND review?", "Guidance to read"]


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_section_ticked_completed_with_nothing_answered_asks_first(where, page, fresh_site, http_site):
    """A slip, or a section the school has decided to leave? Ticked with nothing answered, it asks; Cancel leaves it
    unticked and unsaved. With something answered, or unticking, it does not ask. By mouse and by keyboard."""
    tool = open_tool(page, url_of(where, fresh_site, http_site, "send-audit-rag.html") + "#resources", "send-audit-rag")
    box = tool.section().get_by_label("I have completed this section")
    box.click()
    expect(page.locator("#confirm-dialog")).to_be_visible()
    expect(page.locator("#confirm-title")).to_have_text("Mark “Effective use of resources” completed with nothing answered?")
    expect(page.locator("#confirm-text")).to_have_text(
        "Nothing in this section is answered yet. Mark it completed only if the school has decided to leave it, for "
        "example because it does not apply.")
    assert_focus(page, "confirm-no")
    assert axe_violations(page) == []
    page.keyboard.press("Enter")   # Cancel
    expect(page.locator("#confirm-dialog")).to_be_hidden()
    assert_focus(page, "resources--completed")
    assert not box.is_checked() and tool.record()["completed"] == {}
    page.keyboard.press("Space")
    expect(page.locator("#confirm-dialog")).to_be_visible()
    assert_focus(page, "confirm-no")
    page.keyboard.press("Shift+Tab")
    assert_focus(page, "confirm-yes")
    expect(page.locator("#confirm-yes")).to_have_text("Mark it completed")
    page.keyboard.press("Enter")
    expect(box).to_be_checked()
    assert tool.record()["completed"] == {"resources": True}
    box.click()   # unticking never asks
    expect(page.locator("#confirm-dialog")).to_be_hidden()
    assert tool.record()["completed"] == {}
    tool.section().locator("#resources-1--rag").get_by_label("Green").check()
    box.click()   # something answered: it does not ask
    expect(page.locator("#confirm-dialog")).to_be_hidden()
    expect(box).to_be_checked()
    assert tool.record()["completed"] == {"resources": True}


def test_every_view_in_the_list_is_on_the_page_in_the_tool_bar_and_shown_by_its_script(page, fresh_site):
    """build.py's VIEWS is the one list of views: the page has an element for each, the tool bar links to those with a
    title in that order, the router knows them from the framework data, and each is registered by its script."""
    open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    ids = [view.id for view in build.VIEWS]
    assert sorted(page.evaluate("[...document.querySelectorAll('[data-view]:not(.section)')].map(view => view.id)")) == sorted(ids)
    assert page.evaluate("[...document.querySelectorAll('[data-view]')].every(view => view.dataset.view === view.id || "
                         "view.dataset.view === 'section')")
    assert [[link.get_attribute("href"), link.inner_text()] for link in page.locator(".tool-bar__nav a").all()] == [
        ["#" + view.id, view.title] for view in build.VIEWS if view.title]
    assert page.evaluate("JSON.parse(document.getElementById('framework-data').textContent).views") == ids
    assert sorted(page.evaluate("SendToolkit.views.registered()")) == sorted(ids)
    for view in build.VIEWS:
        source = (Path(build.ROOT) / "theme" / "js" / view.script).read_text(encoding="utf-8")
        assert f'toolkit.views.register("{view.id}", ' in source, view


def test_views_follow_back_forward_and_bookmarks_and_focus_their_heading(page, fresh_site):
    url = (fresh_site / "send-self-evaluation.html").as_uri()
    tool = open_tool(page, url, "send-self-evaluation")
    assert page.evaluate("document.activeElement.tagName") == "BODY"  # a plain opening does not move focus
    assert page.locator("#overview").is_visible() and page.locator(".section:visible").count() == 0
    page.get_by_role("link", name="Leadership of SEND").click()
    assert tool.section().get_attribute("id") == "leadership"
    tool.section().get_by_role("link", name="Next section Quality Teaching and Learning of pupils with SEND").click()
    assert tool.section().get_attribute("id") == "teaching-learning"
    page.go_back()
    assert tool.section().get_attribute("id") == "leadership"
    assert_focus(page, "leadership-title")
    page.go_forward()
    assert_focus(page, "teaching-learning-title")
    page.goto(url + "#leadership-3")  # a bookmark to one statement
    page.wait_for_load_state("load")
    assert tool.section().get_attribute("id") == "leadership"
    assert_focus(page, "leadership-3-text")
    page.goto(url + "#review-points")
    assert_focus(page, "review-points-title")
    assert page.title() == "Review points - SEND Self Evaluation tool - SEND Self-Evaluation Toolkit"
    page.goto(url + "#no-such-thing")
    assert page.locator("#overview").is_visible()


def test_several_assessments_stay_separate_and_can_be_duplicated_and_deleted(page, fresh_site):
    url = (fresh_site / "send-audit-rag.html").as_uri()
    tool = open_tool(page, url + "#assessments", "send-audit-rag")
    page.get_by_label("Setting name").first.fill("Oak Primary")
    page.get_by_label("Date or term").first.fill("Autumn 2026")
    assert page.locator("#assessment-name").inner_text() == "Oak Primary, Autumn 2026"
    tool.go("#leadership")
    tool.section().locator("#leadership-1--rag").get_by_label("Green").check()

    tool.go("#assessments")
    page.locator("#new-setting").fill("Elm Academy")
    page.locator("#new-period").fill("Spring 2027")
    page.get_by_role("button", name="Start a new assessment").click()
    expect(page.locator("#done-message")).to_have_text("Started a new assessment: Elm Academy, Spring 2027.")
    expect(page.locator("#overview")).to_be_visible()
    tool.go("#leadership")
    assert checked(tool.section(), "leadership-1--rag") is None
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()

    tool.go("#assessments")
    rows = page.locator("#assessment-list tbody tr")
    assert rows.count() == 2
    assert rows.nth(0).locator("td").nth(0).inner_text() == "Elm Academy"
    assert [action.text_content() for action in rows.nth(0).locator("td").nth(4).locator("> *").all()] == [
        "Open now", "Duplicate Elm Academy, Spring 2027", "Delete Elm Academy, Spring 2027"]
    page.get_by_role("button", name="Open Oak Primary, Autumn 2026").click()
    expect(page.locator("#done-message")).to_have_text("Opened Oak Primary, Autumn 2026.")
    tool.go("#leadership")
    assert checked(tool.section(), "leadership-1--rag") == "green"
    page.reload()
    assert page.locator("#assessment-name").inner_text() == "Oak Primary, Autumn 2026"  # the one last open
    assert checked(tool.section(), "leadership-1--rag") == "green"

    tool.go("#assessments")
    page.get_by_role("button", name="Duplicate Oak Primary, Autumn 2026").click()
    expect(page.locator("#done-message")).to_have_text("Made a copy: Oak Primary (copy), Autumn 2026.")
    assert_focus(page, "done-message")
    records = tool.records()
    assert sorted(r["setting"] for r in records.values()) == ["Elm Academy", "Oak Primary", "Oak Primary (copy)"]
    copy = next(r for r in records.values() if r["setting"] == "Oak Primary (copy)")
    assert copy["answers"] == {"leadership-1": {"rag": "green"}}

    page.get_by_role("button", name="Delete Elm Academy, Spring 2027").click()
    dialog = page.get_by_role("dialog", name="Delete Elm Academy, Spring 2027?")
    assert dialog.is_visible()
    assert_focus(page, "confirm-no")  # the safe choice first
    page.keyboard.press("Escape")
    assert dialog.is_hidden() and len(tool.records()) == 3
    # focus is back on the button in the same key press, so the next key goes where the user expects
    assert page.evaluate("document.activeElement.textContent") == "Delete Elm Academy, Spring 2027"
    page.get_by_role("button", name="Delete Elm Academy, Spring 2027").click()
    dialog.get_by_role("button", name="Yes, delete it").click()
    expect(page.locator("#done-message")).to_have_text("Deleted Elm Academy, Spring 2027.")
    assert sorted(r["setting"] for r in tool.records().values()) == ["Oak Primary", "Oak Primary (copy)"]
    assert rows.count() == 2


def test_review_point_compare_shows_exactly_the_changes_made(page, fresh_site):
    url = (fresh_site / "send-self-evaluation.html").as_uri()
    tool = open_tool(page, url + "#outcomes", "send-self-evaluation")
    section = tool.section()
    section.locator("#outcomes-1--now").get_by_label("4", exact=True).check()
    section.locator("#outcomes-1--target").get_by_label("8", exact=True).check()
    section.locator("#outcomes-2--now").get_by_label("5", exact=True).check()
    section.locator("#outcomes-3--evidence").fill("Pupil progress meetings")
    tool.go("#review-points")
    assert page.locator("#review-points-empty").inner_text() == "This assessment has no review points yet."
    name = page.get_by_label("Name of the review point")
    assert name.input_value() in {f"{term} {year}" for term in ("Autumn", "Spring", "Summer") for year in range(2024, 2040)}
    name.fill("Autumn 2026")
    page.get_by_role("button", name="Save a review point").click()
    expect(page.locator("#done-message")).to_have_text("Review point saved: Autumn 2026.")

    tool.go("#outcomes")
    section.locator("#outcomes-1--now").get_by_label("6", exact=True).check()            # 4 -> 6
    section.locator("#outcomes-1--target").get_by_label("10", exact=True).check()        # 8 -> 10
    section.locator("#outcomes-2--now").get_by_role("button", name="Clear").click()       # 5 -> not rated
    section.locator("#outcomes-3--evidence").fill("Pupil progress meetings, termly")      # evidence changed
    section.locator("#outcomes-4--now").get_by_label("0 (N/A)").check()                   # not rated -> N/A
    tool.go("#leadership")
    tool.section().locator("#leadership-2--evidence").fill("Governor minutes")            # new evidence elsewhere
    tool.go("#review-points")
    page.get_by_role("link", name="Compare with now (Autumn 2026)").click()
    assert_focus(page, "compare-title")
    assert page.locator("#compare-title").inner_text() == "What has changed since Autumn 2026"
    assert page.locator("#compare-summary").inner_text().startswith("6 answers have changed in 5 items since the review point “Autumn 2026” was saved on ")
    assert page.locator("#compare-changes h3").all_inner_texts() == ["Outcomes for Pupils with SEND", "Leadership of SEND"]
    rows = [[cell.strip() for cell in row.split("\t")] for row in page.locator("#compare-changes tbody tr").all_inner_texts()]
    assert [row[-3:] for row in rows] == [
        ["Where you are now", "4", "6"],
        ["Where you want to be in 6 to 12 months’ time", "8", "10"],
        ["Where you are now", "5", "Not rated"],
        ["Evidence – How do you know? What does this look like in this school?", "Pupil progress meetings", "Pupil progress meetings, termly"],
        ["Where you are now", "Not rated", "0 (not applicable)"],
        ["Evidence – How do you know? What does this look like in this school?", "No answer", "Governor minutes"]]
    assert rows[0][0].startswith("1 From their different starting points")

    tool.go("#review-points")
    page.get_by_role("button", name="Rename Autumn 2026").click()
    dialog = page.get_by_role("dialog", name="Rename the review point Autumn 2026")
    dialog.get_by_label("New name").fill("End of autumn term 2026")
    page.keyboard.press("Enter")
    assert page.locator("#review-point-list tbody td").first.inner_text() == "End of autumn term 2026"
    page.get_by_role("button", name="Delete End of autumn term 2026").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes, delete it").click()
    assert page.locator("#review-points-empty").is_visible()
    assert tool.record()["reviewPoints"] == []


def test_two_tabs_on_one_assessment_one_edits_and_the_other_follows_read_only(context, fresh_site):
    url = (fresh_site / "send-audit-rag.html").as_uri() + "#leadership"
    first = open_tool(context.new_page(), url, "send-audit-rag")
    first.section().locator("#leadership-1--rag").get_by_label("Amber").check()
    second = open_tool(context.new_page(), url, "send-audit-rag")
    second.page.wait_for_function("() => !document.getElementById('tab-notice').hidden")
    assert second.page.locator("#tab-notice h2").inner_text() == "This assessment is open in another tab or window"
    assert second.status() == "Read only here: this assessment is open in another tab or window"
    assert not second.section().locator("#leadership-1--evidence").is_editable()   # read-only, its words still reachable
    assert checked(second.section(), "leadership-1--rag") == "amber"
    assert axe_violations(second.page) == []

    first.section().locator("#leadership-2--rag").get_by_label("Green").check()
    second.page.wait_for_function("() => document.querySelector(\"input[name='leadership-2--rag']:checked\")")
    assert first.page.locator("#tab-notice").is_hidden()

    first.page.close()
    second.page.wait_for_function("() => document.getElementById('tab-notice').hidden")
    assert second.page.locator("#done-message").inner_text() == "The other tab or window has closed: you can make changes here now."
    second.section().locator("#leadership-3--rag").get_by_label("Red").check()
    assert second.answers() == {"leadership-1": {"rag": "amber"}, "leadership-2": {"rag": "green"}, "leadership-3": {"rag": "red"}}


def test_two_tabs_without_web_locks_keep_both_tabs_changes(context, fresh_site):
    context.add_init_script("delete Navigator.prototype.locks;")
    url = (fresh_site / "send-audit-rag.html").as_uri() + "#leadership"
    first = open_tool(context.new_page(), url, "send-audit-rag")
    first.section().locator("#leadership-1--rag").get_by_label("Amber").check()
    second = open_tool(context.new_page(), url, "send-audit-rag")
    second.section().locator("#leadership-2--evidence").fill("From the second tab")
    second.page.keyboard.press("Tab")
    first.section().locator("#leadership-3--evidence").fill("From the first tab")  # first has not seen the second's save
    first.page.keyboard.press("Tab")
    first.wait_saved()
    assert first.answers() == {"leadership-1": {"rag": "amber"}, "leadership-2": {"evidence": "From the second tab"},
                               "leadership-3": {"evidence": "From the first tab"}}


def test_blocked_storage_warns_and_the_tool_still_works_in_memory(page, fresh_site):
    page.add_init_script("""Object.defineProperty(window, "localStorage", {get() {
        throw new DOMException("The operation is insecure.", "SecurityError"); }});""")
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    warning = page.locator("#storage-warning")
    assert warning.is_visible()
    assert warning.locator("h2").inner_text() == "Your work is not being saved"
    assert warning.locator("p").nth(1).inner_text() == (
        "To keep your work, use Download my answers before you close this page, and load the file next time. "
        "You can also print the report or save it as a PDF.")
    assert page.locator("#start-notice").is_hidden()
    page.get_by_role("link", name="Culture, Leadership and Management").click()
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()
    assert tool.status() == "Not saved: this browser is not letting the page keep your work"
    page.get_by_role("link", name="Back to the overview").first.click()
    item = page.locator(".task-list__item", has=page.get_by_role("link", name="Culture, Leadership and Management"))
    assert "1 of 13 rated" in item.inner_text()
    tool.go("#review-points")
    page.get_by_role("button", name="Save a review point").click()
    assert page.locator("#review-point-list tbody tr").count() == 1
    assert axe_violations(page) == []
    warning.get_by_role("link", name="Download my answers").click()
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    assert json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["assessments"][0]["answers"] == {
        "leadership-1": {"rag": "red"}}


def test_full_storage_shows_the_error_and_loses_nothing_saved(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", "send-audit-rag")
    tool.section().locator("#leadership-1--rag").get_by_label("Green").check()
    before = tool.storage()
    page.evaluate(FILL_STORE)
    filled = tool.storage()
    tool.section().locator("#leadership-1--evidence").fill("A long note " * 50)
    tool.section().locator("#leadership-2--rag").get_by_label("Amber").check()
    error = page.locator("#save-error")
    assert error.inner_text().startswith("Your last change was not saved, because this browser's storage is full. Everything saved before it is still here.")
    assert error.get_attribute("role") == "alert"
    assert tool.status() == "Not saved: this browser's storage is full"
    assert tool.storage() == filled  # nothing changed, nothing lost
    assert axe_violations(page) == []
    assert {k: v for k, v in filled.items() if k in before} == before
    assert checked(tool.section(), "leadership-2--rag") == "amber"  # the page still shows the work
    page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('other-page:')).forEach(k => localStorage.removeItem(k))")
    tool.section().locator("#leadership-3--rag").get_by_label("Red").check()
    assert error.inner_text() == ""
    tool.wait_saved()
    assert tool.answers() == {"leadership-1": {"rag": "green", "evidence": "A long note " * 50},
                              "leadership-2": {"rag": "amber"}, "leadership-3": {"rag": "red"}}


def test_keyboard_only_a_whole_section_is_rated_and_marked_completed(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    keys = page.keyboard

    def focused():
        return page.evaluate("[document.activeElement.tagName, document.activeElement.name || document.activeElement.id,"
                             " document.activeElement.textContent.trim()]")

    for _ in range(80):  # Tab through the page to the Resources section's link
        keys.press("Tab")
        if focused()[2] == "Effective use of resources":
            break
    keys.press("Enter")
    assert_focus(page, "resources-title")  # the view changes on hashchange, a moment after Enter
    for number, moves in [(1, 0), (2, 1), (3, 2)]:  # red, amber, green
        keys.press("Tab")
        assert focused()[1] == f"resources-{number}--rag"
        keys.press("Space")
        for _ in range(moves):
            keys.press("ArrowRight")
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") == "solid"
        keys.press("Tab")
        assert focused()[2].startswith("Clear")
        keys.press("Tab")
        assert focused()[1] == f"resources-{number}--evidence"
        keys.type(f"Evidence {number}")
    keys.press("Tab")
    assert focused()[1] == "resources--completed"
    keys.press("Space")
    keys.press("Tab")
    keys.press("Tab")
    assert focused()[2] == "Back to the overview"
    keys.press("Enter")
    item = page.locator(".task-list__item", has=page.get_by_role("link", name="Effective use of resources"))
    assert lines(item) == ["Effective use of resources", "3 of 3 rated", "Completed"]
    assert tool.answers() == {f"resources-{n}": {"rag": rag, "evidence": f"Evidence {n}"}
                              for n, rag in [(1, "red"), (2, "amber"), (3, "green")]}


VIEWS = ["#" + view.id for view in build.VIEWS if view.title]   # every view with a link in the tool bar (build.py)


@pytest.mark.parametrize("name", ["send-self-evaluation", "send-audit-rag", "herts-send-benchmark", "good-to-great-send",
                                  "lls-send-review"])
def test_every_view_passes_axe_empty_and_filled(name, page, fresh_site):
    url = (fresh_site / f"{name}.html").as_uri()
    tool = open_tool(page, url, name)
    sections = page.evaluate("JSON.parse(document.getElementById('framework-data').textContent).sections.map(s => s.id)")
    for fragment in VIEWS + [f"#{s}" for s in sections]:
        tool.go(fragment or "#overview")
        assert axe_violations(page) == [], fragment
    fill_everything(page, sections, tool)
    tool.go("#plan")
    page.get_by_role("button", name="Add an action").click()
    page.keyboard.type("An action with <b>markup</b> in it")
    page.locator("#action-list [id$='--review']").fill("2020-01-31")
    page.locator("#action-list [id$='--review']").dispatch_event("change")  # overdue
    tool.go("#review-points")
    page.get_by_role("button", name="Save a review point").click()
    page.get_by_role("link", name="Compare with now").click()
    assert axe_violations(page) == [], "compare"
    for fragment in VIEWS + [f"#{s}" for s in sections]:
        tool.go(fragment or "#overview")
        assert axe_violations(page) == [], fragment
    tool.go("#assessments")
    page.get_by_role("button", name="Delete").first.click()
    assert axe_violations(page) == [], "confirm dialog"


def fill_everything(page, sections, tool):
    """Answer one of every control in every section: a rating, text, a grid cell, a form field."""
    for section in sections:
        tool.go(f"#{section}")
        shown = tool.section()
        for group in shown.locator("fieldset.rating").all()[:3]:
            group.locator("input[type=radio]").nth(1).check()
        for box in shown.locator("textarea:enabled, input[type=text]:enabled").all()[:3]:
            box.fill("An answer with <script>alert(1)</script> in it")
        for box in shown.locator(".data-grid__cell").all()[:2]:
            box.fill("AB")


def test_the_pure_functions_give_exact_results(page, fresh_site):
    open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    results = page.evaluate("""() => {
        const {answers, assessments, dates, scoring, types, views} = window.SendToolkit;
        const grid = {rows: ["y1", "y2"], columns: ["a", "b"], groups: []};
        const framework = answers.index({sections: [{id: "s", items: [
            {id: "q", type: "statement", ratings: [{id: "now", scale: "x"}, {id: "target", scale: "x"}]},
            {id: "t", type: "text"},
            {id: "f", type: "form", repeat: true, fields: [{id: "role", type: "text"}], rows: [{role: "Head"}], blank_rows: 1}]}],
            views: ["overview", "summary", "assessments", "compare"]});
        const section = framework.sections[0];
        const given = {};
        answers.setPart(given, "q", "now", 0);
        const afterNow = JSON.stringify(given);
        answers.setPart(given, "q", "now", "");
        answers.setRows(given, framework.items.f, [{role: "Head"}, {role: ""}]);
        return {
            numbers: ["12", " 12.5 ", "1,200", "-3", "45%", "4 5", "AB", "", "1,20"].map(answers.parseNumber),
            totals: answers.gridTotals(grid, {"y1.a": "3", "y1.b": "4", "y2.a": "45%", "y2.b": ""}),
            naIsAnAnswer: afterNow,
            clearedIsGone: JSON.stringify(given),
            progressEmpty: scoring.sectionProgress(section, {}, {}),
            progressHalf: scoring.sectionProgress(section, {q: {now: 0}}, {}),
            progressRated: scoring.sectionProgress(section, {q: {now: 0, target: 3}}, {s: true}),
            presetOnly: types.isStarted(framework.items.f, {rows: [{role: "Head"}, {}]}),
            compare: assessments.compare({q: {now: 4}, f: {rows: [{role: "Head"}]}}, {q: {now: 4, target: 9}, t: {answer: "x"},
                                     f: {rows: [{role: "Head"}, {role: "SENCO"}]}}, framework),
            terms: ["2026-01-10", "2026-04-20", "2026-08-31", "2026-09-01", "2026-12-31"].map(d => assessments.termName(new Date(d + "T12:00"))),
            when: [dates.formatWhen("2026-11-22T10:42:00", new Date("2026-11-22T18:00:00")),
                   dates.formatWhen("2026-11-21T09:05:00", new Date("2026-11-22T18:00:00"))],
            routes: ["", "#overview", "#s", "#q", "#assessments", "#compare-r1", "#nothing", "#main"].map(h => views.route(h, framework)),
            title: [assessments.title({setting: "", period: ""}), assessments.title({setting: "Oak", period: "Autumn 2026"})],
            parsed: [assessments.parse("{not json", {framework: "x"}), assessments.parse('{"format": "other"}', {framework: "x"})],
        };
    }""")
    assert results["numbers"] == [{"kind": "number", "value": 12}, {"kind": "number", "value": 12.5}, {"kind": "number", "value": 1200},
                                  {"kind": "number", "value": -3}, {"kind": "percent", "value": 45}, {"kind": "other"},
                                  {"kind": "other"}, {"kind": "empty"}, {"kind": "other"}]
    assert results["totals"] == {"y1.total": 7, "y2.total": None, "total.a": None, "total.b": 4, "total.total": None}
    assert results["naIsAnAnswer"] == '{"q":{"now":0}}'
    assert results["clearedIsGone"] == "{}"  # N/A cleared, and rows that are just the preset ones
    assert results["progressEmpty"] == {"done": 0, "total": 1, "verb": "rated", "status": "not-started"}
    assert results["progressHalf"] == {"done": 0, "total": 1, "verb": "rated", "status": "in-progress"}
    assert results["progressRated"] == {"done": 1, "total": 1, "verb": "rated", "status": "completed"}
    assert results["presetOnly"] is False
    assert results["compare"] == [{"item": "q", "section": "s", "changes": [{"part": "target", "before": None, "after": 9}]},
                                  {"item": "t", "section": "s", "changes": [{"part": "answer", "before": None, "after": "x"}]},
                                  {"item": "f", "section": "s", "changes": [{"part": "2--role", "before": None, "after": "SENCO"}]}]
    assert results["terms"] == ["Spring 2026", "Summer 2026", "Summer 2026", "Autumn 2026", "Autumn 2026"]
    assert results["when"] == ["at 10:42", "on 21 November 2026 at 09:05"]
    assert results["routes"] == [{"view": "overview"}, {"view": "overview"}, {"view": "section", "section": "s"},
                                 {"view": "section", "section": "s", "target": "q"}, {"view": "assessments"},
                                 {"view": "compare", "reviewPoint": "r1"}, {"view": "overview"}, None]
    assert results["title"] == ["Untitled assessment", "Oak, Autumn 2026"]
    assert results["parsed"] == [None, None]


def test_user_text_is_shown_as_text_never_as_html(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#assessments", "send-audit-rag")
    payload = '<img src=x onerror="window.hacked=1">'
    page.locator("#assessment-setting").fill(payload)
    tool.go("#leadership")
    tool.section().locator("#leadership-1--evidence").fill(payload)
    tool.go("#review-points")
    page.get_by_label("Name of the review point").fill(payload)
    page.get_by_role("button", name="Save a review point").click()
    tool.go("#leadership")
    tool.section().locator("#leadership-1--evidence").fill("changed")
    tool.go("#review-points")
    page.get_by_role("link", name="Compare with now").click()
    assert_focus(page, "compare-title")
    assert page.locator("#compare-changes td").nth(1).inner_text() == payload
    assert page.locator("#assessment-name").inner_text() == payload
    tool.go("#assessments")
    page.reload()
    assert page.evaluate("window.hacked") is None
    assert page.locator("img").count() == 0
    assert json.dumps(payload)[1:-1] in json.dumps(tool.record())


def test_keyboard_only_review_points_and_assessments(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", "send-audit-rag")
    keys = page.keyboard
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()

    def tab_to(test, limit=80, key="Tab"):
        for _ in range(limit):
            keys.press(key)
            if page.evaluate(test):
                return
        raise AssertionError(f"Tab never reached {test}")

    tab_to("document.activeElement.textContent === 'Review points'")
    keys.press("Enter")
    assert_focus(page, "review-points-title")
    tab_to("document.activeElement.id === 'review-point-name'")
    keys.press("Control+A")
    keys.type("Baseline")
    keys.press("Enter")
    expect(page.locator("#done-message")).to_have_text("Review point saved: Baseline.")
    tool.go("#leadership")
    tool.section().locator("#leadership-1--rag").get_by_label("Green").check()
    tool.go("#review-points")
    tab_to("document.activeElement.textContent === 'Compare with now (Baseline)'")
    keys.press("Enter")
    assert_focus(page, "compare-title")
    assert page.locator("#compare-changes tbody td").all_inner_texts()[-2:] == ["Red", "Green"]

    tab_to("document.activeElement.textContent === 'Your assessments'", key="Shift+Tab")
    keys.press("Enter")
    tab_to("document.activeElement.id === 'new-setting'")
    keys.type("Birch Infants")
    keys.press("Enter")
    expect(page.locator("#done-message")).to_have_text("Started a new assessment: Birch Infants.")
    assert_focus(page, "framework-title")
    tab_to("document.activeElement.textContent === 'Your assessments'")
    keys.press("Enter")
    tab_to("document.activeElement.textContent === 'Delete Birch Infants'")
    keys.press("Enter")
    assert_focus(page, "confirm-no")
    keys.press("Shift+Tab")
    assert_focus(page, "confirm-yes")
    keys.press("Enter")
    expect(page.locator("#done-message")).to_have_text("Deleted Birch Infants. Open now: Untitled assessment.")
    assert_focus(page, "done-message")
