"""Summary, priorities, the action plan and the printed documents, in a real Chromium.

Figures on the page are checked against figures computed here, in Python, from the answers the page
saved; printed documents are made with page.pdf() and read back with pdftotext.
"""
import math
import random
import re
import subprocess

import pytest
from playwright.sync_api import expect

import build
from conftest import assert_focus, open_tool, url_of
from test_validate import MINIMAL, make_root

SEEDS = ["send-self-evaluation", "send-audit-rag", "herts-send-benchmark", "good-to-great-send", "lls-send-review"]

# window.print() opens the browser's dialog, which no test can press: record which document was asked for
# instead, and print with page.pdf(), which prints the page as the dialog would.
NO_DIALOG = "window.print = () => { window.printedDocument = document.documentElement.dataset.print; };"


def rate(page, item, rating, value):
    """Choose a rating as a click would, in whichever section it is."""
    page.evaluate("([name, value]) => document.querySelector(`input[name='${name}'][value='${value}']`).click()",
                  [f"{item}--{rating}", str(value)])


def framework_data(page):
    return page.evaluate("JSON.parse(document.getElementById('framework-data').textContent)")


def rate_at_random(page, data, seed=7, skip_every=5):
    """Rate every statement at random, leaving every fifth rating unrated."""
    chooser = random.Random(seed)
    count = 0
    for section in data["sections"]:
        for item in section["items"]:
            for rating in item.get("ratings", []) if item["type"] == "statement" else []:
                count += 1
                if count % skip_every:
                    points = data["scales"][rating["scale"]]["points"]
                    rate(page, item["id"], rating["id"], chooser.choice(points)["value"])


def js_round(number):
    """Math.round(x * 10) / 10, as the page rounds."""
    return math.floor(number * 10 + 0.5) / 10


def expected_tables(data, answers):
    """The summary's figure tables, computed here: {caption or (statement, rating): [[cell text, …], …]}, without
    the section titles. A named rating's table is keyed by the first statement asking it, whose legend names it."""
    tables = {}
    statements = [(section, item) for section in data["sections"] for item in section["items"] if item["type"] == "statement"]
    ratings, first_asked = [], {}
    for _, item in statements:
        for rating in item["ratings"]:
            if (rating["id"], rating["scale"]) not in ratings:
                ratings.append((rating["id"], rating["scale"]))
                first_asked[rating["id"]] = item["id"]
    numeric = [r for r in ratings if all(isinstance(p["value"], int) for p in data["scales"][r[1]]["points"])]

    def tally(section, rating_id, scale_id):
        scale = data["scales"][scale_id]
        asked = [item for s, item in statements if s is section and any(r["id"] == rating_id and r["scale"] == scale_id for r in item["ratings"])]
        if not asked:
            return None
        given = [answers.get(item["id"], {}).get(rating_id) for item in asked]
        not_applicable = [p["value"] for p in scale["points"] if p.get("not_applicable")]
        rated = [g for g in given if g is not None and g not in not_applicable]
        counts = [sum(1 for g in rated if g == p["value"]) for p in scale["points"] if not p.get("not_applicable")]
        return {"rated": len(rated), "na": sum(1 for g in given if g in not_applicable), "unrated": given.count(None),
                "average": js_round(sum(rated) / len(rated)) if numeric and rated and isinstance(rated[0], int) else None,
                "counts": counts}

    if numeric:
        rows = []
        for section in data["sections"]:
            figures = [tally(section, *r) for r in numeric]
            if any(figures):
                row = []
                for f in figures:
                    average = "–" if f["average"] is None else (str(int(f["average"])) if f["average"] == int(f["average"]) else str(f["average"]))
                    row += [average, str(f["rated"]), str(f["na"]), str(f["unrated"])]
                rows.append(row)
        tables["Average ratings by section"] = rows
    for rating_id, scale_id in ratings:
        if (rating_id, scale_id) in numeric:
            continue
        rows = []
        for section in data["sections"]:
            f = tally(section, rating_id, scale_id)
            if f:
                has_na = any(p.get("not_applicable") for p in data["scales"][scale_id]["points"])
                rows.append([str(c) for c in f["counts"]] + ([str(f["na"])] if has_na else []) + [str(f["unrated"])])
        tables[(first_asked[rating_id], rating_id)] = rows
    return tables


def shown_tables(page):
    """The summary's tables as {caption: [[cell text, …], …]}, without the row headings."""
    return page.evaluate("""() => Object.fromEntries([...document.querySelectorAll('#summary-sections table')].map(t =>
        [t.caption.textContent, [...t.tBodies[0].rows].map(r => [...r.cells].slice(1).map(c => c.textContent))]))""")


@pytest.mark.parametrize("name", SEEDS)
def test_summary_figures_equal_figures_computed_independently(name, page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{name}.html").as_uri(), name)
    data = framework_data(page)
    rate_at_random(page, data)
    tool.go("#summary")
    shown = shown_tables(page)
    expected = expected_tables(data, tool.answers() if tool.records() else {})  # no ratings: nothing saved
    assert shown["Progress by section"]  # every framework has its progress table
    if name == "send-self-evaluation":
        assert shown["Average ratings by section"] == expected["Average ratings by section"]
        assert page.locator("#summary-profile svg polyline").count() == 2  # now and target, joined
    for key, rows in expected.items():
        if isinstance(key, tuple):
            caption = "By section: " + page.evaluate("([item, rating]) => SendToolkit.types.of({ type: 'statement' }).ratingLabel(item, rating)", list(key))
            assert shown[caption] == rows
    sentences = page.locator(".result-block__sentence").all_inner_texts()
    assert len(sentences) == page.locator("#summary svg.chart").count()  # a sentence beside every chart


def test_summary_sentence_and_tables_of_a_small_known_case(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    for item, value in [("leadership-1", "red"), ("leadership-2", "amber"), ("leadership-3", "green"), ("leadership-4", "green")]:
        rate(page, item, "rag", value)
    tool.go("#leadership")
    tool.section().locator("#leadership-3--evidence").fill("Minutes of the SLT meeting, 3 October")
    tool.go("#summary")
    assert page.locator("#summary-intro").inner_text() == \
        "Untitled assessment: 4 of 57 statements rated, 3 of them without evidence yet."
    assert page.locator(".result-block__sentence").nth(1).inner_text() == \
        "Of 57 statements with this rating, 1 Red, 1 Amber and 2 Green; 53 not rated yet."
    assert shown_tables(page)["By section: RAG rating"][0] == ["1", "1", "2", "9"]  # no "not applicable" on a RAG scale
    assert page.locator("#summary-duties li").all_inner_texts() == [
        "Red: The senior leadership team (SLT) understand their duties under the SEND Code of Practice.",
        "Amber: All governors are aware of their statutory duties relating to pupils with SEND."]


def priority_order(page):
    return [href.lstrip("#") for href in page.locator("#priority-list .priority__statement a").evaluate_all("links => links.map(a => a.getAttribute('href'))")]


def test_priorities_follow_the_stated_rule_for_scales(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-self-evaluation.html").as_uri(), "send-self-evaluation")
    for item, now, target in [("outcomes-1", 3, 8), ("outcomes-2", 2, 7), ("outcomes-3", 6, 7), ("outcomes-4", 8, 5),
                              ("outcomes-5", 0, 9), ("outcomes-6", 5, 5)]:
        rate(page, item, "now", now)
        rate(page, item, "target", target)
    tool.go("#priorities")
    assert page.locator("#priority-rule li").all_inner_texts() == [
        "First, the statements with the biggest gap between “Where you are now” and “Where you want to be in 6 to 12 months’ time”; "
        "where two gaps are the same, the lower “Where you are now” comes first.",
        "Within each step, statements keep the framework's order. A statement rated without any evidence is marked “No evidence yet”."]
    # equal gaps of 5: the lower "now" first; a gap of 1 next; no gap, a fall, or not applicable: not a priority
    assert priority_order(page) == ["outcomes-2", "outcomes-1", "outcomes-3"]
    assert page.locator("#priority-list .priority__facts").first.inner_text() == \
        "Now 2, target 7: a gap of 5 Outcomes for Pupils with SEND No evidence yet"
    page.get_by_role("button", name="Add to action plan").first.click()
    expect(page.locator("#action-list textarea").first).to_have_value("Move from 2 to 7 on this statement")


def test_priorities_put_unmet_statutory_duties_first_then_reds_then_ambers(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    for item, value in [("leadership-4", "amber"), ("leadership-5", "red"), ("leadership-7", "green"),
                        ("leadership-2", "amber"), ("leadership-1", "green"), ("leadership-3", "red"), ("leadership-8", "red")]:
        rate(page, item, "rag", value)
    tool.go("#priorities")
    assert page.locator("#priority-rule li").all_inner_texts()[:2] == [
        "First, statutory duties that are not fully met, the least met first.", "Then the statements rated Red, then Amber."]
    # leadership-1, -2 and -3 are statutory: red before amber (a green duty is met); then the other reds in order, then ambers
    assert priority_order(page) == ["leadership-3", "leadership-2", "leadership-5", "leadership-8", "leadership-4"]
    assert page.locator("#priority-list .tag--duty").all_inner_texts() == ["Statutory duty: Red", "Statutory duty: Amber"]


DUTY_SCALE_ON_TWO_KINDS = """\
  - id: duties
    title: Duties
    ratings:
      - {id: duty, label: Is it met?, scale: duty}
    items:
      - id: duty-in-law
        text: The SEN information report is published on the school's website.
        statutory: true
      - id: good-practice
        text: Parents are invited to help review the SEN information report.
"""


def test_only_a_statutory_statement_is_asked_to_meet_its_duty(page, tmp_path):
    """A scale that says whether a duty is met may serve statements that are not duties in law: the action suggested
    for those moves it to its best point, and "Meet this duty" is kept for statutory statements."""
    text = (MINIMAL + DUTY_SCALE_ON_TWO_KINDS).replace("ratings:\n  - {id: rag", "  duty:\n    name: Is the duty met?\n    points:\n"
                                                      "      - {value: not-met, label: Not met, meets_duty: not-met}\n"
                                                      "      - {value: met, label: Met, meets_duty: met}\n"
                                                      "ratings:\n  - {id: rag", 1)
    root = make_root(tmp_path, text)
    assert build.build(root) == []
    tool = open_tool(page, (root / "site" / "test-audit.html").as_uri(), "test-audit")
    rate(page, "duty-in-law", "duty", "not-met")
    rate(page, "good-practice", "duty", "not-met")
    tool.go("#priorities")
    assert priority_order(page) == ["duty-in-law", "good-practice"]
    page.get_by_role("button", name="Add to action plan").first.click()
    expect(page.locator("#action-list textarea").first).to_have_value("Meet this duty in full (now: Not met)")
    tool.go("#priorities")
    page.get_by_role("button", name="Add to action plan").last.click()
    expect(page.locator("#action-list > li").last.locator("textarea").first).to_have_value("Move from Not met to Met")


def test_priorities_of_duties_and_levels(page, fresh_site):
    tool = open_tool(page, (fresh_site / "herts-send-benchmark.html").as_uri(), "herts-send-benchmark")
    for item, rating, value in [("outcome-1-a", "level", "emerging"), ("outcome-1-b", "level", "expected"),
                                ("duty-best-endeavours", "duty", "partly-met"), ("duty-senco", "duty", "not-met"),
                                ("duty-code-principles", "duty", "met")]:
        rate(page, item, rating, value)
    tool.go("#priorities")
    assert priority_order(page) == ["duty-senco", "duty-best-endeavours", "outcome-1-a"]
    assert page.locator("#priority-rule li").nth(1).inner_text() == "Then the statements rated Emerging."
    page.get_by_role("button", name="Add to action plan").first.click()
    expect(page.locator("#action-list textarea").first).to_have_value("Meet this duty in full (now: Not met)")
    tool.go("#priorities")
    page.get_by_role("button", name="Add to action plan").last.click()
    expect(page.locator("#action-list > li").last.locator("textarea").first).to_have_value("Move from Emerging to Exemplary")
    tool.go("#action-planning")  # a section whose id begins like an action's fragment is still that section
    assert page.locator("#action-planning").is_visible()


def test_a_framework_without_ratings_says_it_has_no_priorities(page, fresh_site):
    tool = open_tool(page, (fresh_site / "lls-send-review.html").as_uri(), "lls-send-review")
    tool.go("#priorities")
    assert page.locator("#priorities-empty").inner_text() == \
        "This framework has no ratings, so there are no priorities to rank. Write your actions in the action plan."
    assert page.locator("#priority-rule-title").is_hidden()


@pytest.mark.parametrize("where", ["file", "http"])
def test_an_action_made_from_a_priority_is_prefilled_linked_and_kept(where, page, fresh_site, http_site):
    tool = open_tool(page, url_of(where, fresh_site, http_site, "send-audit-rag.html"), "send-audit-rag")
    rate(page, "leadership-4", "rag", "red")
    tool.go("#priorities")
    page.get_by_role("button", name="Add to action plan").click()
    assert_focus(page, re.sub(r"^#", "", page.evaluate("location.hash")) + "--target")
    assert page.locator("#done-message").inner_text().startswith("Added to the action plan as action 1")
    target = page.locator("#action-list textarea").first
    assert target.input_value() == "Move from Red to Green"
    page.keyboard.press("End")
    page.keyboard.type(": every class has a one-page profile.")
    tool.leave_field()
    action = tool.record()["actions"][0]
    assert action["statements"] == ["leadership-4"] and action["status"] == "not-started"
    assert action["target"] == "Move from Red to Green: every class has a one-page profile."
    page.reload()
    tool.go("#priorities")
    expect(page.get_by_role("link", name="In the action plan: action 1")).to_be_visible()
    page.get_by_role("link", name="In the action plan: action 1").click()
    expect(page.locator("#plan")).to_be_visible()
    assert page.locator("#action-list .action__linked a").inner_text() == page.locator("#leadership-4-text").inner_text()


def test_plan_actions_are_edited_reordered_deleted_with_undo_and_overdue_is_marked(page, fresh_site):
    tool = open_tool(page, (fresh_site / "herts-send-benchmark.html").as_uri() + "#plan", "herts-send-benchmark")
    for target in ["First", "Second", "Third"]:
        page.get_by_role("button", name="Add an action").click()
        page.keyboard.type(target)
    tool.leave_field()
    assert [a["target"] for a in tool.record()["actions"]] == ["First", "Second", "Third"]
    page.get_by_role("button", name="Move up action 3").click()
    assert [a["target"] for a in tool.record()["actions"]] == ["First", "Third", "Second"]
    assert page.locator("#plan-message-text").inner_text() == "Action moved to position 2 of 3."
    page.get_by_role("button", name="Delete action 1").click()
    assert [a["target"] for a in tool.record()["actions"]] == ["Third", "Second"]
    assert page.locator("#plan-message-text").inner_text() == "Deleted action 1 (First)."
    assert_focus(page, "plan-message-text")
    page.get_by_role("button", name="Undo").click()
    assert [a["target"] for a in tool.record()["actions"]] == ["First", "Third", "Second"]
    first = page.locator("#action-list > li").first
    first.get_by_label("Review date").fill("2020-01-31")
    first.get_by_label("Review date").dispatch_event("change")
    assert first.locator(".action__status").inner_text() == "Not started. Overdue: the review was due on 31 January 2020"
    assert "action--overdue" in first.get_attribute("class")
    first.get_by_label("Status").select_option("done")
    assert first.locator(".action__status").inner_text() == "Done"
    assert tool.record()["actions"][0]["status"] == "done"
    chooser = first.get_by_label("Link a statement")
    assert chooser.locator("option").count() == 1   # the first statement not linked, until the list is used
    chooser.focus()
    assert chooser.locator("option").count() > 40 and chooser.locator("optgroup").count() > 5
    chooser.select_option("duty-senco")
    first.get_by_role("button", name="Link this statement to action 1").click()
    assert tool.record()["actions"][0]["statements"] == ["duty-senco"]
    assert page.locator("#plan-message-text").inner_text() == ("Statement Appoint a Special Educational Needs Coordinator (SENCO) "
                                                                "who must be a qualified teacher w… linked to action 1.")
    first.get_by_role("button", name=re.compile("^Unlink statement .* from action 1$")).click()
    assert tool.record()["actions"][0]["statements"] == []


def test_notes_and_actions_written_in_the_sections_appear_in_the_plan(page, fresh_site):
    tool = open_tool(page, (fresh_site / "herts-send-benchmark.html").as_uri() + "#outcome-1", "herts-send-benchmark")
    tool.section().locator("#outcome-1-actions--answer").fill("Audit the provision map\nbefore half term")
    tool.leave_field()
    tool.go("#plan")
    notes = page.locator("#plan-notes")
    assert notes.locator("h3").inner_text() == "Notes and actions written in the sections"
    assert notes.locator(".plan-notes__label").all_inner_texts() == ["Actions"]
    assert notes.locator(".plan-notes__text").inner_text() == "Audit the provision map\nbefore half term"


EVERY_TYPE_IN_THE_PLAN = """\
  - id: review
    title: Review
    items:
      - {type: guidance, id: review-guide, title: How to review, body: Read the notes first.}
      - id: review-1
        text: Pupils' progress is reviewed each term.
      - {type: text, id: review-notes, label: Notes, plan: true}
      - type: grid
        id: review-grid
        title: Pupils on the register
        columns: [{id: autumn, label: Autumn}]
        rows: [{id: year-1, label: Year 1}]
      - type: form
        id: review-meeting
        title: The review meeting
        plan: true
        fields:
          - {id: chair, label: Chaired by}
          - {id: summary, label: What was agreed, type: long-text}
          - {id: pupils, label: Pupils discussed, type: number}
          - {id: held, label: Held on, type: date}
          - {id: outcome, label: Outcome, type: choice, options: [Agreed, Not agreed]}
      - type: form
        id: review-people
        title: Who took part
        repeat: true
        plan: true
        fields:
          - {id: role, label: Role}
          - {id: name, label: Name}
"""


def test_every_response_type_that_can_be_in_the_plan_is_shown_there(tmp_path, page):
    """A framework with every response type, and plan: true on each one the schema allows it on (text, a form, a
    repeating form): the plan view shows what was written in each, and passes axe. A form that does not repeat used to
    stop the plan view with a script error."""
    from test_validate import MINIMAL, make_root
    from conftest import axe_violations
    import build
    root = make_root(tmp_path, MINIMAL + EVERY_TYPE_IN_THE_PLAN)
    assert build.build(root) == []
    tool = open_tool(page, (root / "site" / "test-audit.html").as_uri() + "#review", "test-audit")
    section = tool.section()
    section.locator("#review-notes--answer").fill("Ask the governors")
    section.locator("#review-meeting--chair").fill("Head teacher")
    section.locator("#review-meeting--summary").fill("A new provision map\nby Easter")
    section.locator("#review-meeting--pupils").fill("12")
    section.locator("#review-meeting--held").fill("2027-01-14")
    section.locator("#review-meeting--outcome").select_option("Agreed")
    section.locator("#review-people--1--role").fill("SENCO")
    section.locator("#review-people--1--name").fill("A. Patel")
    tool.leave_field()
    tool.wait_saved()
    tool.go("#plan")
    notes = page.locator("#plan-notes")
    assert notes.locator(".plan-notes__label").all_inner_texts() == ["Notes"]
    assert notes.locator(".plan-notes__text").all_inner_texts() == ["Ask the governors"]
    assert [[caption, [[cell.strip() for cell in row] for row in rows]] for caption, rows in page.evaluate(
        """() => [...document.querySelectorAll('#plan-notes table')].map(table => [table.caption.textContent.trim(),
           [...table.rows].map(row => [...row.cells].map(cell => cell.textContent))])""")] == [
        ["The review meeting", [["Question", "Answer"], ["Chaired by", "Head teacher"],
                                ["What was agreed", "A new provision map\nby Easter"], ["Pupils discussed", "12"],
                                ["Held on", "14 January 2027"], ["Outcome", "Agreed"]]],
        ["Who took part", [["Row", "Role", "Name"], ["1", "SENCO", "A. Patel"]]]]
    assert page.evaluate("getComputedStyle(document.querySelector('#plan-notes td')).whiteSpace") == "pre-wrap"   # lines kept
    assert axe_violations(page) == []


def test_keyboard_only_create_edit_and_reorder_actions(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#plan", "send-audit-rag")
    keys = page.keyboard

    def tab_to(test, key="Tab", limit=120):
        for _ in range(limit):
            keys.press(key)
            if page.evaluate(test):
                return
        raise AssertionError(f"Tab never reached {test}")

    for target, who in [("Train all staff", "SENCO"), ("Review the SEN register", "Head")]:
        tab_to("document.activeElement.id === 'add-action'")
        keys.press("Enter")
        keys.type(target)
        tab_to("document.activeElement.id.endsWith('--responsible')")
        keys.type(who)
    tab_to("document.activeElement.getAttribute('aria-label') === 'Move up action 2'", key="Shift+Tab")
    keys.press("Enter")
    assert page.evaluate("document.activeElement.getAttribute('aria-label')") == "Move down action 1"  # up is now disabled
    tool.leave_field()
    assert [(a["target"], a["responsible"]) for a in tool.record()["actions"]] == [
        ("Review the SEN register", "Head"), ("Train all staff", "SENCO")]
    tab_to("document.activeElement.getAttribute('aria-label') === 'Delete action 2'")
    keys.press("Enter")
    assert_focus(page, "plan-message-text")
    keys.press("Tab")
    keys.press("Enter")
    assert len(tool.record()["actions"]) == 2


def pdf_text(path):
    """The words of a PDF in reading order, with every run of white space (line ends in table cells) as one space."""
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return " ".join(text.split())


def pdf_info(path):
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return dict(line.split(":", 1) for line in info.splitlines() if ":" in line)


def print_document(page, kind, path):
    page.locator(f"[data-print-document={kind}]").first.evaluate("button => button.click()")
    assert page.evaluate("window.printedDocument") == kind
    page.pdf(path=str(path), prefer_css_page_size=True)
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    subprocess.run(["pdftoppm", "-r", "20", "-png", "-f", "1", "-l", "1", str(path), str(path.with_suffix(""))], check=True)
    return pdf_text(path), pdf_info(path)


def test_where_no_afterprint_comes_the_first_key_or_click_after_printing_shows_the_answers_again(page, fresh_site):
    """Safari's engine under automation sends neither "beforeprint" nor "afterprint": a blank copy must not leave the
    page showing empty boxes. Here window.print returns and no afterprint follows."""
    page.add_init_script(NO_DIALOG)
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", "send-audit-rag")
    rate(page, "leadership-1", "rag", "red")
    tool.section().locator("#leadership-1--evidence").fill("Minutes of March")
    tool.leave_field()
    for act in (lambda: page.keyboard.press("Shift"), lambda: page.mouse.click(5, 5)):
        page.locator("[data-print-document=blank]").first.evaluate("button => button.click()")
        assert page.evaluate("window.printedDocument") == "blank"
        assert page.locator("#leadership-1--evidence").input_value() == ""   # the blank copy, as printed
        act()
        assert page.evaluate("document.documentElement.dataset.print") is None
        assert page.locator("#leadership-1--evidence").input_value() == "Minutes of March"
        assert page.evaluate("document.querySelector('input[name=\"leadership-1--rag\"]:checked').value") == "red"
    assert tool.answers() == {"leadership-1": {"rag": "red", "evidence": "Minutes of March"}}


@pytest.mark.parametrize("where", ["file", "http"])
def test_the_three_printed_documents(where, page, fresh_site, http_site, tmp_path):
    page.add_init_script(NO_DIALOG)
    tool = open_tool(page, url_of(where, fresh_site, http_site, "send-audit-rag.html") + "#assessments", "send-audit-rag")
    page.get_by_label("Setting name").first.fill("Oak Primary")
    page.get_by_label("Who took part").fill("SENCO: J. Smith")
    page.get_by_label("Your name").fill("J. Smith")
    page.get_by_label("Your role").select_option("SENCO")
    rate(page, "leadership-1", "rag", "red")
    rate(page, "leadership-4", "rag", "amber")
    tool.go("#leadership")
    tool.section().locator("#leadership-4--evidence").fill("One-page profiles seen in 4 of 12 classes")
    tool.go("#priorities")
    page.get_by_role("button", name="Add to action plan").first.click()
    expect(page.locator("#action-list textarea").first).to_be_focused()
    page.keyboard.press("End")
    page.keyboard.type(" by the summer term")
    tool.go("#plan")
    page.get_by_role("button", name="Add an action").click()
    page.keyboard.type("Parents' evening on the new SEN information report")
    tool.leave_field()

    report, info = print_document(page, "report", tmp_path / "report.pdf")
    assert "Self-evaluation report" in report and "Oak Primary" in report and "SENCO: J. Smith" in report
    assert "Rated by J. Smith, SENCO" in " ".join(report.split())
    assert (tool.record()["rater"], tool.record()["role"]) == ("J. Smith", "SENCO")
    assert "One-page profiles seen in 4 of 12 classes" in report
    assert "by the summer term" in report and "Parents' evening on the new SEN information report" in report
    assert "Source" in report and "SEND Audit RAG rating (undated; about 2020)" in report and "framework version 1.0" in report
    assert 12 <= int(info["Pages"]) <= 40
    assert page.locator("#leadership-4--evidence").input_value() == "One-page profiles seen in 4 of 12 classes"

    plan, info = print_document(page, "plan", tmp_path / "plan.pdf")
    assert "Oak Primary" in plan and "by the summer term" in plan and "Parents' evening" in plan
    assert "One-page profiles" not in plan  # the plan alone
    assert int(info["Pages"]) == 1
    assert info["Page size"].strip() == "841.92 x 594.96 pts (A4)"  # landscape: wider than tall

    blank, info = print_document(page, "blank", tmp_path / "blank.pdf")
    assert "Blank copy for a meeting" in blank
    assert "Oak Primary" not in blank and "One-page profiles" not in blank and "summer term" not in blank
    assert "Rated by" not in blank and "J. Smith" not in blank
    assert 10 <= int(info["Pages"]) <= 30
    # after printing a blank copy, the answers are back and nothing saved changed
    assert page.locator("#leadership-4--evidence").input_value() == "One-page profiles seen in 4 of 12 classes"
    assert page.evaluate("document.querySelector('input[name=\"leadership-1--rag\"]:checked').value") == "red"
    assert tool.answers()["leadership-4"]["evidence"] == "One-page profiles seen in 4 of 12 classes"

    # the browser's own Print, with no button pressed, prints the full report
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.evaluate("document.documentElement.dataset.print") == "report"
    assert page.locator("#cover-setting").text_content() == "Oak Primary"
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.evaluate("document.documentElement.dataset.print") is None
