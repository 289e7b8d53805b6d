"""Files of answers: download, load, merge, spreadsheets, framework updates and damaged records, in Chromium.

A file of answers is checked here independently: its checksum is recomputed in Python (CRC-32 of the
compact JSON of its assessments), and what a failed load leaves behind is compared byte for byte.
"""
import csv
import io
import json
import zlib
from datetime import datetime
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import ROOT, assert_focus, axe_violations, open_tool, url_of

RAG = "send-audit-rag"


def checksum(assessments):
    return "crc32:%08x" % zlib.crc32(json.dumps(assessments, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def answers_file(records, framework=RAG, version="1.0", title="SEND Audit RAG rating", **changes):
    """The text of a file of answers, as the page makes them."""
    data = {"format": "send-toolkit-answers", "formatVersion": 1, "framework": framework, "frameworkTitle": title,
            "frameworkVersion": version, "exported": "2026-11-20T09:30:00.000Z", "checksum": checksum(records),
            "assessments": records}
    data.update(changes)
    return json.dumps(data, indent=1, ensure_ascii=False)


def record(answers, id="a-from-file", setting="Oak Primary", **fields):
    """An assessment record of the RAG framework."""
    base = {"format": "send-toolkit-assessment", "formatVersion": 1, "framework": RAG, "frameworkVersion": "1.0",
            "id": id, "setting": setting, "period": "Autumn 2026", "created": "2026-11-01T09:00:00.000Z",
            "updated": "2026-11-20T09:00:00.000Z", "revision": 4, "answers": answers, "completed": {},
            "reviewPoints": [], "participants": "", "actions": []}
    base.update(fields)
    return base


def rag(page, item, value):
    page.evaluate("([name, value]) => document.querySelector(`input[name='${name}'][value='${value}']`).click()",
                  [f"{item}--rag", value])


def evidence(tool, item, text):
    tool.go(f"#{item}")
    tool.page.locator(f"#{item}--evidence").fill(text)
    tool.leave_field()


def fill_assessment(tool):
    """Ratings, evidence, a review point and an action, through the page's own controls."""
    page = tool.page
    rag(page, "leadership-1", "red")
    rag(page, "leadership-2", "green")
    evidence(tool, "leadership-2", "Governor minutes, 3 March")
    tool.go("#review-points")
    page.locator("#review-point-name").fill("Autumn review")
    page.get_by_role("button", name="Save a review point").click()
    rag(page, "leadership-2", "amber")
    tool.go("#plan")
    page.get_by_role("button", name="Add an action").click()
    page.locator("#action-list textarea").first.fill("Train governors on SEND duties")
    tool.leave_field()
    tool.wait_saved()


def open_files(tool):
    tool.go("#files")
    assert_focus(tool.page, "files-title")


def download(page, button="Download my answers"):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return info.value


def choose(page, path_or_payload):
    page.set_input_files("#load-file", path_or_payload)


# ---------------------------------------------------------------- downloading

@pytest.mark.parametrize("where", ["file", "http"])
def test_download_holds_everything_with_a_checksum_and_the_status_says_when(where, page, fresh_site, http_site):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{RAG}.html"), RAG)
    expect(page.locator("#start-notice")).to_be_visible()
    fill_assessment(tool)
    expect(page.locator("#start-notice")).to_be_hidden()
    assert tool.status().endswith("; not downloaded to a file yet")
    page.get_by_role("link", name="Download my answers").click()  # the nudge in the tool bar
    assert_focus(page, "files-title")
    saved = download(page)
    name = saved.suggested_filename
    assert name == f"assessment-{RAG}-{page.evaluate('SendToolkit.plan.isoDate(new Date())')}.json"
    data = json.loads(Path(saved.path()).read_text(encoding="utf-8"))
    assert {key: data[key] for key in ("format", "formatVersion", "framework", "frameworkTitle", "frameworkVersion")} == {
        "format": "send-toolkit-answers", "formatVersion": 1, "framework": RAG, "frameworkTitle": "SEND Audit RAG rating",
        "frameworkVersion": "1.0"}
    assert data["checksum"] == checksum(data["assessments"])
    assert data["assessments"] == [tool.record()]
    stored = data["assessments"][0]
    assert stored["answers"] == {"leadership-1": {"rag": "red"},
                                 "leadership-2": {"rag": "amber", "evidence": "Governor minutes, 3 March"}}
    assert [p["name"] for p in stored["reviewPoints"]] == ["Autumn review"]
    assert stored["actions"][0]["target"] == "Train governors on SEND duties"
    expect(page.locator("#files-message-text")).to_have_text(
        f"Downloaded {name}, with 2 answers, 1 review point and 1 action. It was read back and holds exactly what is "
        "saved. Keep it somewhere safe, such as your school's shared drive.")
    assert_focus(page, "files-message-text")
    assert " downloaded at " in tool.status() and page.locator("#download-nudge").is_hidden()
    assert page.locator("#download-status").inner_text().endswith(", with every change since it was last changed.")
    rag(page, "leadership-3", "green")
    expect(page.locator("#save-status")).to_contain_text("; changed since you last downloaded it")
    expect(page.locator("#download-nudge")).to_be_visible()
    assert axe_violations(page) == []


def test_download_of_every_assessment_and_nothing_to_download(page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    open_files(tool)
    page.get_by_role("button", name="Download my answers").click()
    expect(page.locator("#files-error")).to_contain_text(
        "There is nothing to download yet: this assessment has no answers saved. Answer a statement first.")
    rag(page, "leadership-1", "red")
    tool.go("#assessments")
    page.locator("#new-setting").fill("Elm Academy")
    page.get_by_role("button", name="Start a new assessment").click()
    rag(page, "leadership-1", "green")
    open_files(tool)
    page.get_by_label("Every assessment of this framework saved in this browser (2 assessments)").check()
    saved = download(page)
    assert saved.suggested_filename.startswith(f"all-assessments-{RAG}-")
    data = json.loads(Path(saved.path()).read_text(encoding="utf-8"))
    assert sorted(r["setting"] for r in data["assessments"]) == ["", "Elm Academy"]
    assert data["checksum"] == checksum(data["assessments"])
    expect(page.locator("#files-message-text")).to_contain_text(", with 2 assessments. It was read back")


# ---------------------------------------------------------------- loading

@pytest.mark.parametrize("where", ["file", "http"])
def test_a_downloaded_file_loads_in_a_fresh_browser_with_everything(where, browser, fresh_site, http_site, tmp_path):
    url = url_of(where, fresh_site, http_site, f"{RAG}.html")
    first = browser.new_context()
    tool = open_tool(first.new_page(), url, RAG)
    fill_assessment(tool)
    open_files(tool)
    path = tmp_path / "answers.json"
    download(tool.page).save_as(path)
    original = tool.record()
    first.close()

    second = browser.new_context()
    page = second.new_page()
    tool = open_tool(page, url, RAG)
    page.get_by_role("link", name="load your file of answers").click()
    choose(page, str(path))
    assert_focus(page, "load-preview-title")
    exported = page.evaluate("iso => SendToolkit.dates.formatDateTime(iso)",
                             json.loads(path.read_text(encoding="utf-8"))["exported"])
    expect(page.locator("#load-preview-summary")).to_have_text(
        f"The file answers.json holds 1 assessment of this framework, downloaded on {exported}. Choose what to do "
        "with it. Nothing changes until you select “Load answers”.")
    assert page.get_by_label("Add it as a new assessment").is_checked()
    assert page.locator(".load-choice legend").inner_text() == "From the file: Untitled assessment"
    assert axe_violations(page) == []
    assert tool.storage() == {}  # nothing written before the user says so
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Loaded answers.json: “Untitled assessment” added as a new assessment.")
    loaded = tool.record()
    for key in ("id", "answers", "reviewPoints", "actions", "completed", "setting", "period", "created"):
        assert loaded[key] == original[key], key
    tool.go("#leadership")
    assert page.locator("#leadership-1--rag").get_by_label("Red").is_checked()
    assert page.locator("#leadership-2--evidence").input_value() == "Governor minutes, 3 March"
    tool.go("#review-points")
    assert page.locator("#review-point-list tbody").inner_text().startswith("Autumn review")
    tool.go("#plan")
    assert page.locator("#action-list textarea").first.input_value() == "Train governors on SEND duties"
    second.close()


def changed_words(stamp, who=""):
    """How the page says who changed a stamped answer and when: the browser runs on this machine's clock and zone."""
    return "changed " + (f"by {who}, " if who else "") + \
        datetime.fromtimestamp(int(stamp.split(".")[0], 36) / 1000).strftime("%-d %B %Y at %H:%M")


def rows_of(table):
    return [[cell.strip() for cell in row.split("\t")] for row in table.locator("tr").all_inner_texts()]


def test_a_file_from_before_stamps_loads_and_its_conflicts_are_shown_never_settled_silently(page, fresh_site, tmp_path):
    """A file made by the release before answers were stamped: its answers on one side only join; the one answered
    differently in both is a conflict, the answer here (stamped, so newer) chosen to start with; taking the file's
    makes a review point first."""
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "red")      # only here
    rag(page, "leadership-2", "green")    # the same in both
    rag(page, "leadership-3", "amber")    # different in the file
    here = tool.record()
    incoming = record({"leadership-2": {"rag": "green"}, "leadership-3": {"rag": "green", "evidence": "Website checked"},
                       "leadership-4": {"rag": "red"}}, id=here["id"], setting="Oak Primary",
                      reviewPoints=[{"id": "r-file", "name": "Summer review", "saved": "2026-06-30T12:00:00.000Z",
                                     "answers": {"leadership-1": {"rag": "amber"}}}],
                      actions=[{"id": "p-file", "statements": ["leadership-4"], "status": "in-progress",
                                "target": "Publish the SEN information report", "actions": "", "responsible": "SENCO",
                                "resources": "", "evaluation": "", "completed": "", "review": "2027-01-15"}])
    assert "changed" not in incoming
    path = tmp_path / "oak.json"
    path.write_text(answers_file([incoming]), encoding="utf-8")
    open_files(tool)
    choose(page, str(path))
    choice = page.get_by_label("Load it into Untitled assessment, saved here")
    assert choice.is_checked()  # the same assessment, by its id
    hint = page.locator(f"#load-0-{here['id']}--hint p")
    conflict = "1 answer was changed both here and in the file: choose below which to keep (the one changed last is chosen to start with). "
    assert hint.inner_text() == "2 answers would change; 1 review point and 1 action would be added. " + conflict + \
        "No answer here is replaced."
    taken = page.locator(".load-taken")
    taken.get_by_text("The 2 answers the file would change").click()
    assert rows_of(taken) == [
        ["Statement or question", "Answer", "Here", "In the file"],
        [page.locator("#leadership-3-text").inner_text().strip(), "Evidence/ example", "No answer", "Website checked"],
        [page.locator("#leadership-4-text").inner_text().strip(), "RAG rating", "Not rated", "Red"]]
    conflicts = page.locator(".load-conflicts")   # each answer here and in the file, side by side, with when
    assert conflicts.get_attribute("open") is not None   # shown open: each needs a choice
    assert conflicts.locator("h4").all_inner_texts() == [page.locator("#leadership-title").inner_text().strip()]
    assert rows_of(conflicts) == [
        ["Statement or question", "Answer", "Here", "In the file", "Keep"],
        [page.locator("#leadership-3-text").inner_text().strip(), "RAG rating",
         "Amber\n" + changed_words(here["changed"]["leadership-3"]["rag"]), "Green", "The file's\nThe one here\nAnother: Red"]]
    keep = conflicts.get_by_label("Which answer to keep for: " + page.locator("#leadership-3-text").inner_text().strip() + ", RAG rating")
    assert keep.input_value() == "here"
    assert axe_violations(page) == []
    keep.select_option("file")
    assert hint.inner_text() == "3 answers would change; 1 review point and 1 action would be added. " + conflict + \
        "First a review point called “Before loading oak.json” keeps the answers as they are now."
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Loaded oak.json: loaded into “Untitled assessment” (a review point, “Before loading oak.json”, keeps the answers it had).")
    assert page.locator("#done-message").text_content() == "" and page.locator("#tab-notice").is_hidden()  # still the editing tab
    merged = tool.record()
    assert merged["id"] == here["id"] and merged["setting"] == "Oak Primary"
    assert merged["answers"] == {"leadership-1": {"rag": "red"}, "leadership-2": {"rag": "green"},
                                 "leadership-3": {"rag": "green", "evidence": "Website checked"},
                                 "leadership-4": {"rag": "red"}}
    assert [(p["name"], p["answers"]) for p in merged["reviewPoints"]] == [
        ("Summer review", {"leadership-1": {"rag": "amber"}}), ("Before loading oak.json", here["answers"])]
    assert [a["target"] for a in merged["actions"]] == ["Publish the SEN information report"]
    assert page.locator("#assessment-name").inner_text() == "Oak Primary, Autumn 2026"


def at_files(tool):
    """Download or load, in the front window (of two people's, on one test machine)."""
    tool.page.bring_to_front()
    if not tool.page.url.endswith("#files"):
        open_files(tool)


def load_into(tool, path):
    """Choose a file to load on Download or load; the hint of the assessment here it would load into."""
    at_files(tool)
    choose(tool.page, str(path))
    return tool.page.locator(f"#load-0-{tool.record()['id']}--hint p")


def download_to(tool, path):
    at_files(tool)
    download(tool.page).save_as(path)
    return path


def test_a_conflict_can_be_settled_with_another_answer_or_both_texts(page, fresh_site, tmp_path):
    """Both copies changed a rating and an evidence box: the person gives another point of the scale for one, and
    keeps both texts for the other; both are loaded after a review point, and the message says so."""
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "red")
    evidence(tool, "leadership-1", "Minutes of the March meeting")
    here = tool.record()
    incoming = record({"leadership-1": {"rag": "green", "evidence": "Website checked"}}, id=here["id"])
    path = tmp_path / "oak.json"
    path.write_text(answers_file([incoming]), encoding="utf-8")
    open_files(tool)
    choose(page, str(path))
    conflicts = page.locator(".load-conflicts")
    expect(conflicts.get_by_text("The 2 answers changed both here and in the file")).to_be_visible()
    name = page.locator("#leadership-1-text").inner_text().strip()
    rating = conflicts.get_by_label(f"Which answer to keep for: {name}, RAG rating")
    words = conflicts.get_by_label(f"Which answer to keep for: {name}, Evidence/ example")
    assert rating.locator("option").all_inner_texts() == ["The file's", "The one here", "Another: Amber"]
    assert words.locator("option").all_inner_texts() == ["The file's", "The one here", "Both, the file's first (to tidy up after)"]
    rating.select_option(label="Another: Amber")
    words.select_option(label="Both, the file's first (to tidy up after)")
    hint = page.locator(f"#load-0-{here['id']}--hint p")
    assert hint.inner_text().endswith("First a review point called “Before loading oak.json” keeps the answers as they are now.")
    assert hint.inner_text().startswith("2 answers would change; ")
    assert axe_violations(page) == []
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Loaded oak.json: loaded into “Untitled assessment”, with 2 answers you gave instead (a review point, “Before loading "
        "oak.json”, keeps the answers it had).")
    merged = tool.record()
    assert merged["answers"]["leadership-1"] == {"rag": "amber", "evidence": "Website checked\n\nMinutes of the March meeting"}
    assert [p["answers"] for p in merged["reviewPoints"]] == [here["answers"]]


@pytest.mark.parametrize("where", ["file", "http"])
def test_senco_and_head_pass_files_back_and_forth_and_no_newer_answer_is_lost(where, browser, fresh_site, http_site, tmp_path):
    """The SENCO and the headteacher, each in a browser profile of their own (two computers), pass the file back and
    forth three times. Answers changed on one side only are taken, the SENCO's newer ones are never undone, the one
    both changed is shown with when each changed it and settled by keyboard only, and an older file changes nothing."""
    url = url_of(where, fresh_site, http_site, f"{RAG}.html")
    senco_profile, head_profile = browser.new_context(locale="en-GB"), browser.new_context(locale="en-GB")
    senco = open_tool(senco_profile.new_page(), url + "#assessments", RAG)
    head = open_tool(head_profile.new_page(), url, RAG)
    senco.page.get_by_label("Your name").fill("J. Smith")
    senco.page.get_by_label("Your role").select_option("SENCO")
    rag(senco.page, "leadership-1", "red")
    rag(senco.page, "leadership-2", "amber")
    evidence(senco, "leadership-1", "Minutes")
    first = download_to(senco, tmp_path / "senco-1.json")

    open_files(head)                           # 1. to the head: a new assessment on his computer
    choose(head.page, str(first))
    assert head.page.get_by_label("Add it as a new assessment").is_checked()
    head.page.get_by_role("button", name="Load answers").click()
    expect(head.page.locator("#files-message-text")).to_have_text(
        "Loaded senco-1.json: “Untitled assessment” added as a new assessment (rated by J. Smith, SENCO: if you rate it "
        "here, put your own name under Your assessments).")
    head.go("#assessments")                   # his copy now: he says who rated it
    assert head.page.get_by_label("Your name").input_value() == "J. Smith"
    head.page.get_by_label("Your name").fill("A. Patel")
    head.page.get_by_label("Your role").select_option("Headteacher")
    rag(head.page, "leadership-1", "green")   # only he changes this one
    rag(head.page, "leadership-2", "green")   # both change this one, he first
    head.wait_saved()
    from_head = download_to(head, tmp_path / "head-1.json")
    rag(senco.page, "leadership-2", "red")    # her later change to the same rating
    evidence(senco, "leadership-3", "SEN report on the website")   # and only she writes this
    senco.wait_saved()
    before = senco.record()

    hint = load_into(senco, from_head)        # 2. back to the SENCO
    assert senco.page.locator(".load-choice > p.hint").inner_text().startswith("2 answers, 0 review points and 0 actions; rated by A. Patel, Headteacher; last saved ")
    assert hint.inner_text() == "1 answer would change; 0 review points and 0 actions would be added. 1 answer was changed " \
        "both here and in the file: choose below which to keep (the one changed last is chosen to start with). First a " \
        "review point called “Before loading head-1.json” keeps the answers as they are now."
    page = senco.page
    page.get_by_text("The 1 answer the file would change").click()
    assert rows_of(page.locator(".load-taken")) == [
        ["Statement or question", "Answer", "Here", "In the file"],
        [page.locator("#leadership-1-text").inner_text().strip(), "RAG rating", "Red", "Green"]]
    keys = page.keyboard
    page.locator(".load-conflicts summary").focus()   # the list is open already
    theirs = json.loads(from_head.read_text(encoding="utf-8"))["assessments"][0]
    assert rows_of(page.locator(".load-conflicts")) == [
        ["Statement or question", "Answer", "Here", "In the file", "Keep"],
        [page.locator("#leadership-2-text").inner_text().strip(), "RAG rating",
         "Red\n" + changed_words(before["changed"]["leadership-2"]["rag"], "J. Smith, SENCO"),
         "Green\n" + changed_words(theirs["changed"]["leadership-2"]["rag"], "A. Patel, Headteacher"), "The file's\nThe one here\nAnother: Amber"]]
    keys.press("Tab")
    expect(page.get_by_role("button", name="Use every answer in the file")).to_be_focused()
    keys.press("Enter")
    assert hint.inner_text().startswith("2 answers would change;")
    keys.press("Tab")
    expect(page.get_by_role("button", name="Keep every answer here")).to_be_focused()
    keys.press("Tab")   # the table's region, which scrolls sideways on a narrow screen
    expect(page.locator(".load-conflicts").get_by_role("region", name=page.locator("#leadership-title").inner_text().strip())).to_be_focused()
    keys.press("Tab")
    keep = page.get_by_label("Which answer to keep for: " + page.locator("#leadership-2-text").inner_text().strip() + ", RAG rating")
    expect(keep).to_be_focused()
    assert keep.input_value() == "file"
    keys.press("ArrowDown")   # back to her own, later, rating
    assert keep.input_value() == "here"
    assert hint.inner_text().startswith("1 answer would change;")
    assert axe_violations(page) == []
    page.locator("#load-confirm").focus()
    keys.press("Enter")
    expect(page.locator("#files-message-text")).to_have_text(
        "Loaded head-1.json: loaded into “Untitled assessment”, keeping 1 answer here that was also changed in the file "
        "(a review point, “Before loading head-1.json”, keeps the answers it had).")
    agreed = {"leadership-1": {"rag": "green", "evidence": "Minutes"}, "leadership-2": {"rag": "red"},
              "leadership-3": {"evidence": "SEN report on the website"}}
    assert senco.record()["answers"] == agreed
    assert (senco.record()["rater"], senco.record()["role"]) == ("J. Smith", "SENCO")   # who rated her copy stays hers
    assert [(p["name"], p["answers"]) for p in senco.record()["reviewPoints"]] == [("Before loading head-1.json", before["answers"])]

    hint = load_into(head, download_to(senco, tmp_path / "senco-2.json"))   # 3. to the head again: hers was settled
    assert hint.inner_text() == "2 answers would change; 1 review point and 0 actions would be added. First a review point " \
        "called “Before loading senco-2.json” keeps the answers as they are now."
    assert head.page.locator(".load-conflicts").count() == 0
    head.page.get_by_role("button", name="Load answers").click()
    expect(head.page.locator("#files-message-text")).to_have_text(
        "Loaded senco-2.json: loaded into “Untitled assessment” (a review point, “Before loading senco-2.json”, keeps the answers it had).")
    assert head.record()["answers"] == agreed

    for tool, older in ((head, from_head), (senco, first)):   # each one's older file changes nothing
        hint = load_into(tool, older)
        assert hint.inner_text() == "This file is older than what is saved here: nothing in it is new, and nothing here would change."
        tool.page.get_by_role("button", name="Cancel").click()

    rag(head.page, "leadership-4", "red")
    head.wait_saved()
    hint = load_into(senco, download_to(head, tmp_path / "head-2.json"))   # 4. and back: one new rating, nothing replaced
    assert hint.inner_text() == "1 answer would change; 1 review point and 0 actions would be added. No answer here is replaced."
    senco.page.get_by_role("button", name="Load answers").click()
    expect(senco.page.locator("#files-message-text")).to_have_text("Loaded head-2.json: loaded into “Untitled assessment”.")
    assert senco.record()["answers"] == head.record()["answers"] == dict(agreed, **{"leadership-4": {"rag": "red"}})
    assert [p["name"] for p in senco.record()["reviewPoints"]] == ["Before loading head-1.json", "Before loading senco-2.json"]
    senco_profile.close()
    head_profile.close()


def test_an_answer_changed_here_after_the_preview_is_never_overwritten_unseen(browser, fresh_site, http_site, tmp_path):
    """The SENCO checks the headteacher's file, then changes the same rating in its section before loading: the load
    stops, the preview is drawn again with that rating as changed in both, and her later one is kept."""
    url = url_of("file", fresh_site, http_site, f"{RAG}.html")
    senco_profile, head_profile = browser.new_context(locale="en-GB"), browser.new_context(locale="en-GB")
    senco = open_tool(senco_profile.new_page(), url, RAG)
    head = open_tool(head_profile.new_page(), url, RAG)
    rag(senco.page, "leadership-1", "red")
    senco.wait_saved()
    open_files(head)
    choose(head.page, str(download_to(senco, tmp_path / "senco.json")))
    head.page.get_by_role("button", name="Load answers").click()
    rag(head.page, "leadership-1", "green")
    head.wait_saved()
    hint = load_into(senco, download_to(head, tmp_path / "head.json"))
    assert hint.inner_text().startswith("1 answer would change;")
    senco.go("#leadership")
    rag(senco.page, "leadership-1", "amber")   # the preview is still open in Download or load
    senco.wait_saved()
    senco.go("#files")
    senco.page.get_by_role("button", name="Load answers").click()
    expect(senco.page.locator("#files-error-text")).to_have_text(
        "Answers saved here have changed since this was shown: check again what loading would change, then select “Load answers”.")
    assert senco.record()["answers"] == {"leadership-1": {"rag": "amber"}}   # nothing loaded yet
    assert hint.inner_text().startswith("0 answers would change; 0 review points and 0 actions would be added. 1 answer was changed both here and in the file")
    senco.page.get_by_role("button", name="Load answers").click()
    expect(senco.page.locator("#files-message-text")).to_have_text(
        "Loaded head.json: loaded into “Untitled assessment”, keeping 1 answer here that was also changed in the file.")
    assert senco.record()["answers"] == {"leadership-1": {"rag": "amber"}}
    senco_profile.close()
    head_profile.close()


BAD_FILES = {
    "not json": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "report.pdf",
                 "The file is not a file of answers from this toolkit: it is not in the right format (JSON). Choose the "
                 "file that “Download my answers” made: its name ends in .json."),
    "empty": (b"", "empty.json", "The file is empty: it has nothing in it. It may not have finished downloading or copying."),
    "truncated": (answers_file([record({"leadership-1": {"rag": "red"}})]).encode()[:300], "cut.json",
                  "The file is incomplete: it starts as a file of answers but is cut short or damaged, so it cannot be "
                  "read. It may not have finished downloading or copying. Download your answers again on the computer "
                  "where they are saved."),
    "other json": (b'{"name": "a spreadsheet export"}', "other.json",
                   "The file is not a file of answers from this toolkit: it is JSON, but not the kind “Download my answers” "
                   "makes. Check that you chose the right file."),
    "other framework": (answers_file([record({})], framework="herts-send-benchmark",
                                     title="Hertfordshire Schools' SEND Benchmark and Planning Tool").encode(), "herts.json",
                        "The file holds answers for another framework, “Hertfordshire Schools' SEND Benchmark and Planning "
                        "Tool”, not for this one, “SEND Audit RAG rating”. Open that framework's page and load the file there."),
    "newer format": (answers_file([record({})], formatVersion=2).encode(), "new.json",
                     "The file was made by a newer version of the toolkit (file format 2; this page reads format 1). Ask "
                     "your council or adviser for the newest version of this page, then load the file there."),
    "edited": (answers_file([record({"leadership-1": {"rag": "red"}})]).replace('"red"', '"green"').encode(), "edited.json",
               "The file has been changed or damaged since it was downloaded: its checksum does not match what it holds, "
               "so it cannot be trusted. Use another copy, or download your answers again on the computer where they are saved."),
    "wrong type": (answers_file([record({"leadership-1": {"rag": ["red"]}})]).encode(), "typed.json",
                   "The file cannot be loaded: its assessment has something of the wrong kind: \"answers.leadership-1.rag\" "
                   "should be a number or text, not a list. It may have been edited by hand. Nothing has been changed here."),
    "wrong type later": (answers_file([record({}), record({}, id="b", reviewPoints=[{"id": "r", "name": "x",
                                                                                    "saved": "yesterday", "answers": {}}])]).encode(),
                         "two.json",
                         "The file cannot be loaded: its second assessment has something of the wrong kind: "
                         "\"reviewPoints.1.saved\" should be a date, not the text “yesterday”. It may have been edited by "
                         "hand. Nothing has been changed here."),
    "no assessments": (answers_file([]).encode(), "none.json",
                       "The file holds no assessments: there is nothing in it to load."),
    "over 5 MB": (b" " * (5 * 1024 * 1024 + 1), "huge.json",
                  "The file is 5.0 MB. A file of answers is never more than 5 MB, so this is not one, or it is damaged. "
                  "Check that you chose the right file."),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_a_bad_file_says_why_and_changes_nothing_saved(case, page, fresh_site):
    content, name, message = BAD_FILES[case]
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "amber")
    before = tool.storage()
    open_files(tool)
    choose(page, {"name": name, "mimeType": "application/json", "buffer": content})
    summary = page.locator("#files-error")
    expect(summary).to_be_visible()
    assert_focus(page, "files-error")
    assert summary.locator("h3").inner_text() == "There is a problem"
    assert page.locator("#files-error-text").inner_text() == message
    assert page.locator("#files-error-text").get_attribute("href") == "#load-file"
    assert page.locator("#load-file-error").text_content() == "Error: " + message
    assert page.locator("#load-preview").is_hidden()
    assert tool.storage() == before
    if case == "wrong type":
        assert axe_violations(page) == []


def test_a_file_loads_by_dragging_it_onto_the_page(page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    open_files(tool)
    text = answers_file([record({"leadership-1": {"rag": "green"}})])
    page.evaluate("""([text]) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([text], "dropped.json", {type: "application/json"}));
        const zone = document.getElementById("drop-zone");
        zone.dispatchEvent(new DragEvent("dragover", {dataTransfer: transfer, bubbles: true, cancelable: true}));
        zone.dispatchEvent(new DragEvent("drop", {dataTransfer: transfer, bubbles: true, cancelable: true}));
    }""", [text])
    expect(page.locator("#load-preview-summary")).to_contain_text("The file dropped.json holds 1 assessment")
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Loaded dropped.json: “Oak Primary, Autumn 2026” added as a new assessment.")
    assert tool.answers() == {"leadership-1": {"rag": "green"}}


def test_cancel_loads_nothing(page, fresh_site, tmp_path):
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "amber")
    before = tool.storage()
    open_files(tool)
    choose(page, {"name": "x.json", "mimeType": "application/json", "buffer": answers_file([record({})]).encode()})
    page.get_by_role("button", name="Cancel").click()
    expect(page.locator("#files-message-text")).to_have_text("Nothing was loaded.")
    assert tool.storage() == before and page.locator("#load-preview").is_hidden()


def test_keyboard_only_download_and_load_a_file(page, fresh_site, tmp_path):
    # Playwright asks the browser to catch file choosers without waiting for an answer. Asked only inside
    # expect_file_chooser, the key press could win that race on a busy machine and the chooser was lost (CI,
    # stop 9), so ask here, long before the key is pressed.
    page.on("filechooser", lambda chooser: None)
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "red")
    tool.go("#overview")
    nav = page.get_by_role("navigation", name="This assessment")
    nav.get_by_role("link", name="Download or load").focus()
    page.keyboard.press("Enter")
    assert_focus(page, "files-title")
    page.locator("#download-which-current").focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "download-answers"
    with page.expect_download() as info:
        page.keyboard.press("Enter")
    path = tmp_path / "mine.json"
    info.value.save_as(path)
    assert_focus(page, "files-message-text")
    page.locator("#load-file").focus()
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(str(path))
    assert_focus(page, "load-preview-title")
    page.keyboard.press("Tab")  # to the chosen radio: "Load it into …", the same assessment
    assert page.evaluate("document.activeElement.id").startswith("load-0-a")
    page.keyboard.press("ArrowUp")
    assert page.get_by_label("Add it as a new assessment").is_checked()
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id").startswith("load-0-a")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "load-confirm"
    page.keyboard.press("Enter")
    expect(page.locator("#files-message-text")).to_have_text("Loaded mine.json: loaded into “Untitled assessment”.")
    assert_focus(page, "files-message-text")


def test_save_to_a_chosen_file_and_save_again(page, http_site):
    """Where the browser lets a page save to a file the user picks (Chrome, Edge). The picker is a window of the
    operating system that no test can press, so it is replaced by one that picks a file in the origin's private
    file system; writing, reading back and saving again are the browser's own."""
    page.add_init_script("""window.showSaveFilePicker = async (options) => {
        window.suggested = options.suggestedName;
        const folder = await navigator.storage.getDirectory();
        return folder.getFileHandle("chosen.json", {create: true});
    };""")
    tool = open_tool(page, http_site + f"{RAG}.html", RAG)
    rag(page, "leadership-1", "red")
    open_files(tool)
    page.get_by_role("button", name="Save to a file you choose").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Saved to chosen.json, with 1 answer, 0 review points and 0 actions. It was read back and holds exactly what is saved.")
    assert page.evaluate("window.suggested").startswith(f"assessment-{RAG}-")
    rag(page, "leadership-2", "amber")
    page.get_by_role("button", name="Save again to chosen.json").click()
    expect(page.locator("#files-message-text")).to_have_text(
        "Saved again to chosen.json, with 2 answers, 0 review points and 0 actions. It was read back and holds exactly what is saved.")
    written = page.evaluate("""async () => {
        const folder = await navigator.storage.getDirectory();
        return (await (await folder.getFileHandle("chosen.json")).getFile()).text();
    }""")
    assert json.loads(written)["assessments"] == [tool.record()]
    assert " downloaded at " in tool.status()


# ---------------------------------------------------------------- spreadsheets

def test_spreadsheets_open_in_excel_with_formulas_made_plain_text(page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{RAG}.html").as_uri(), RAG)
    rag(page, "leadership-1", "red")
    evidence(tool, "leadership-1", '=HYPERLINK("http://evil.example","Click") and "quotes", commas\nand a new line')
    evidence(tool, "leadership-2", "+44 1234 567890")
    tool.go("#plan")
    page.get_by_role("button", name="Add an action").click()
    page.locator("#action-list textarea").first.fill("@SUM(A1:A9) — Année scolaire")
    tool.leave_field()
    open_files(tool)
    raw = Path(download(page, "Download the ratings and evidence (CSV)").path()).read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf\"Section\",\"Number\",\"Statement\",\"RAG rating\",\"Evidence\"\r\n")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert len(rows) == 1 + 57
    assert rows[1] == ["Culture, Leadership and Management", "",
                       page.locator("#leadership-1-text").inner_text().strip(), "Red",
                       '\'=HYPERLINK("http://evil.example","Click") and "quotes", commas\nand a new line']
    assert rows[2][3:] == ["", "'+44 1234 567890"]
    expect(page.locator("#files-message-text")).to_contain_text("(57 rows). It opens in Excel")
    plan = Path(download(page, "Download the action plan (CSV)").path()).read_bytes()
    rows = list(csv.reader(io.StringIO(plan.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["No.", "Statements", "Target: what do we want to achieve?", "Actions", "Person/s responsible",
                       "Resources required (time, cost, materials)", "Evaluation: evidence of success and impact",
                       "Review date", "Status", "Date completed"]
    assert rows[1][:3] == ["1", "None linked", "'@SUM(A1:A9) — Année scolaire"]
    assert plan.startswith(b"\xef\xbb\xbf") and b"\r\n" in plan


# ---------------------------------------------------------------- frameworks change; answers survive

UPDATED = [("      - id: leadership-1\n", "      - id: leadership-1a\n        replaces: [leadership-1]\n"),
           ("      - id: leadership-2\n        text: All governors are aware of their statutory duties relating to pupils with SEND.\n"
            "        statutory: true\n", ""),
           ('version: "1.0"', 'version: "1.1"')]


@pytest.fixture(scope="module")
def updated_site(tmp_path_factory):
    """The RAG framework as version 1.1: leadership-1 renamed to leadership-1a (with replaces), leadership-2 removed."""
    from test_validate import make_root
    import build
    text = (ROOT / "frameworks" / f"{RAG}.yaml").read_text(encoding="utf-8")
    for old, new in UPDATED:
        assert old in text
        text = text.replace(old, new)
    root = make_root(tmp_path_factory.mktemp("updated"), text, f"{RAG}.yaml")
    assert build.build(root) == []
    return root / "site"


OLD_RECORD = record({"leadership-1": {"rag": "red", "evidence": "SLT minutes"}, "leadership-2": {"rag": "amber"},
                     "leadership-3": {"rag": "green"}}, id="a-old",
                    reviewPoints=[{"id": "r-old", "name": "Spring", "saved": "2026-03-01T12:00:00.000Z",
                                   "answers": {"leadership-1": {"rag": "amber"}}}],
                    actions=[{"id": "p-old", "statements": ["leadership-1", "leadership-2"], "status": "not-started",
                              "target": "Brief the SLT", "actions": "", "responsible": "", "resources": "",
                              "evaluation": "", "completed": "", "review": ""}])
MIGRATED_ANSWERS = {"leadership-1a": {"rag": "red", "evidence": "SLT minutes"}, "leadership-2": {"rag": "amber"},
                    "leadership-3": {"rag": "green"}}


def check_migrated(page, tool):
    tool.go("#overview")
    orphans = page.locator("#orphans")
    expect(orphans).to_be_visible()
    assert orphans.locator("h2").inner_text() == "Answers for statements no longer in this framework"
    assert orphans.locator("tbody").inner_text().split("\t") == ["leadership-2", "rag: amber"]
    tool.go("#leadership-1a")
    assert page.locator("#leadership-1a--rag").get_by_label("Red").is_checked()
    assert page.locator("#leadership-1a--evidence").input_value() == "SLT minutes"
    tool.go("#plan")
    linked = page.locator(".action__linked li a").all_inner_texts()
    assert linked[0].startswith("The senior leadership team") and linked[1] == "leadership-2 (no longer in this framework)"
    tool.go("#compare-r-old")
    expect(page.locator("#compare-summary")).to_contain_text("3 answers have changed in 2 items")  # leadership-2 is not compared


def test_a_file_from_an_older_framework_version_loads_through_migration(page, updated_site):
    tool = open_tool(page, (updated_site / f"{RAG}.html").as_uri(), RAG)
    open_files(tool)
    choose(page, {"name": "old.json", "mimeType": "application/json", "buffer": answers_file([OLD_RECORD]).encode()})
    expect(page.locator("#load-preview-summary")).to_contain_text(
        "It was made with version 1.0 of the framework; this page is version 1.1. Answers to statements that have "
        "changed are moved to the new statements, and any that cannot be are kept and listed.")
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_contain_text("added as a new assessment")
    saved = tool.record()
    assert saved["answers"] == MIGRATED_ANSWERS
    assert saved["reviewPoints"][0]["answers"] == {"leadership-1a": {"rag": "amber"}}
    assert saved["actions"][0]["statements"] == ["leadership-1a", "leadership-2"]
    check_migrated(page, tool)
    assert axe_violations(page) == []
    tool.go("#files")
    data = json.loads(Path(download(page).path()).read_text(encoding="utf-8"))
    assert data["frameworkVersion"] == "1.1" and data["assessments"][0]["answers"] == MIGRATED_ANSWERS


def test_answers_saved_before_a_framework_update_follow_their_statements(page, updated_site):
    url = (updated_site / f"{RAG}.html").as_uri()
    page.goto(url)
    before = json.dumps(OLD_RECORD)
    page.evaluate("""text => { localStorage.setItem("send-toolkit:send-audit-rag:v1:assessment:a-old", text);
                               localStorage.setItem("send-toolkit:send-audit-rag:v1:current", "a-old"); }""", before)
    tool = open_tool(page, url, RAG)
    check_migrated(page, tool)
    assert tool.storage()["send-toolkit:send-audit-rag:v1:assessment:a-old"] == before  # opening writes nothing
    rag(page, "leadership-3", "red")
    assert tool.answers() == dict(MIGRATED_ANSWERS, **{"leadership-3": {"rag": "red"}})


# ---------------------------------------------------------------- recovery

def test_a_damaged_saved_assessment_is_listed_downloaded_and_removed_alone(page, fresh_site):
    url = (fresh_site / f"{RAG}.html").as_uri()
    page.goto(url)
    good = json.dumps(record({"leadership-1": {"rag": "green"}}, id="a-good"))
    page.evaluate("""good => {
        localStorage.setItem("send-toolkit:send-audit-rag:v1:assessment:a-good", good);
        localStorage.setItem("send-toolkit:send-audit-rag:v1:assessment:a-bad", '{"format":"send-toolkit-assessment","answers":{"leadership-1":');
        localStorage.setItem("send-toolkit:send-audit-rag:v1:current", "a-bad");
        localStorage.setItem("another-app", "theirs");
    }""", good)
    tool = open_tool(page, url, RAG)
    assert tool.page.locator("#assessment-name").inner_text() == "Oak Primary, Autumn 2026"
    before = tool.storage()
    tool.go("#assessments")
    damaged = page.locator("#damaged")
    expect(damaged).to_be_visible()
    assert damaged.locator("h3").inner_text() == "1 assessment saved in this browser cannot be read: it has been damaged."
    assert axe_violations(page) == []
    with page.expect_download() as info:
        damaged.get_by_role("button", name="Download its text (damaged assessment 1)").click()
    assert info.value.suggested_filename == "damaged-assessment-a-bad.txt"
    assert Path(info.value.path()).read_text(encoding="utf-8") == before["send-toolkit:send-audit-rag:v1:assessment:a-bad"]
    damaged.get_by_role("button", name="Remove damaged assessment 1").click()
    page.get_by_role("button", name="Yes, remove it").click()
    expect(page.locator("#done-message")).to_have_text("Removed the damaged assessment.")
    expect(damaged).to_be_hidden()
    after = tool.storage()
    del before["send-toolkit:send-audit-rag:v1:assessment:a-bad"]
    assert after == before
