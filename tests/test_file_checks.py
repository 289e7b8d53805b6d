"""What the page relies on in a record, answers that no longer fit the framework, formula cells in spreadsheets and
the load preview's words, in Chromium from file:// and over http.

A file or saved record the page cannot rely on is refused (or listed as damaged) with the field named; answers
that no longer fit their statement are listed on the overview and read by nothing else; printing never throws.
"""
import csv
import io
import json
import zlib
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import NO_LOCKS, assert_focus, open_tool, url_of

WHERE = ["file", "http"]
HERTS, SELF, RAG = "herts-send-benchmark", "send-self-evaluation", "send-audit-rag"
TITLES = {HERTS: "Hertfordshire Schools’ SEND Benchmark and Planning Tool", SELF: "SEND Self Evaluation tool",
          RAG: "SEND Audit RAG rating"}
KEEP = "It may have been edited by hand. Nothing has been changed here."


def checksum(assessments):
    return "crc32:%08x" % zlib.crc32(json.dumps(assessments, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def record(framework, answers, id="a-file", **fields):
    """An assessment record of a framework, as the page saves them."""
    base = {"format": "send-toolkit-assessment", "formatVersion": 1, "framework": framework, "frameworkVersion": "1.0",
            "id": id, "setting": "Oak Primary", "period": "Autumn 2026", "created": "2026-11-01T09:00:00.000Z",
            "updated": "2026-11-20T09:00:00.000Z", "revision": 4, "answers": answers, "completed": {},
            "reviewPoints": [], "participants": "", "actions": []}
    base.update(fields)
    return base


def answers_file(framework, records):
    """The text of a file of answers, as the page makes them."""
    return json.dumps({"format": "send-toolkit-answers", "formatVersion": 1, "framework": framework,
                       "frameworkTitle": TITLES[framework], "frameworkVersion": "1.0", "exported": "2026-11-20T09:30:00.000Z",
                       "checksum": checksum(records), "assessments": records}, indent=1, ensure_ascii=False)


def action(id, target="Train governors"):
    return {"id": id, "statements": [], "status": "not-started", "target": target, "actions": "", "responsible": "",
            "resources": "", "evaluation": "", "completed": "", "review": ""}


def point(id, answers=None, name="Spring", saved="2026-03-01T12:00:00.000Z"):
    return {"id": id, "name": name, "saved": saved, "answers": answers or {}}


def open_with(page, url, framework, *records):
    """Open a framework page with these records saved in the browser (the first one open); return the Tool."""
    page.goto(url)
    page.evaluate("""([prefix, records]) => {
        for (const [id, text] of records) { localStorage.setItem(prefix + "assessment:" + id, text); }
        localStorage.setItem(prefix + "current", records[0][0]);
    }""", [f"send-toolkit:{framework}:v1:", [[r["id"], json.dumps(r, ensure_ascii=False)] for r in records]])
    return open_tool(page, url, framework)


def load(page, name, text):
    page.set_input_files("#load-file", {"name": name, "mimeType": "application/json", "buffer": text.encode("utf-8")})


def download(page, button):
    with page.expect_download() as info:
        page.get_by_role("button", name=button).click()
    return Path(info.value.path()).read_bytes()


def stub_print(page):
    """window.print records each call instead of opening the print dialog."""
    page.evaluate("() => { window.__printed = []; window.print = () => window.__printed.push(document.documentElement.dataset.print); }")


def print_everything(page, tool):
    """Each print button, then the browser's own Print (beforeprint, afterprint); returns what window.print saw."""
    stub_print(page)
    for kind, view in (("report", "#overview"), ("plan", "#plan"), ("blank", "#overview")):
        tool.go(view)
        page.locator(f"[data-print-document='{kind}']:visible").first.click()
        page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    cover = page.locator("#cover-participants").text_content()
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    return page.evaluate("window.__printed"), cover


# ---------------------------------------------------------------- files the page could not rely on

def wrong(which, words):
    return f"The file cannot be loaded: {which} has something of the wrong kind: {words}. {KEEP}"


REFUSED = {  # case: (answers or fields of the record, the words after "something of the wrong kind: ")
    "two actions, one id": ({"actions": [action("p-1"), action("p-2"), action("p-1", "Again")]},
                            '"actions.3.id" should be an id of its own, not “p-1” again (action 1 has it too)'),
    "two review points, one id": ({"reviewPoints": [point("r-1"), point("r-1", name="Summer", saved="2026-06-01T12:00:00.000Z")]},
                                  '"reviewPoints.2.id" should be an id of its own, not “r-1” again (review point 1 has it too)'),
    "table rows not of text": ({"answers": {"participants": {"rows": [{"role": "SENCO", "name": 7}]}}},
                               '"answers.participants.rows" should be rows of text, not a list'),
    "table rows not a list": ({"answers": {"participants": {"rows": {"role": "SENCO"}}}},
                              '"answers.participants.rows" should be rows of text, not a set of fields'),
    "form field not text": ({"answers": {"school": {"school-name": "Oak", "key-dates": 2026}}},
                            '"answers.school.key-dates" should be text, not the number 2026'),
    "form given rows": ({"answers": {"school": {"rows": [{"school-name": "Oak"}]}}},
                        '"answers.school.rows" should be text, not a list'),
    "evidence not text": ({"answers": {"duty-senco": {"duty": "met", "evidence": 12}}},
                          '"answers.duty-senco.evidence" should be text, not the number 12'),
    "text answer not text": ({"answers": {"outcome-1-notes": {"answer": 3.5}}},
                             '"answers.outcome-1-notes.answer" should be text, not the number 3.5'),
    "in a review point": ({"reviewPoints": [point("r-1", {"school": {"school-name": 1}})]},
                          '"reviewPoints.1.answers.school.school-name" should be text, not the number 1'),
    "revision too big": ({"revision": 1e308}, '"revision" should be a whole number, not the number 1e+308'),
    "revision unsafe": ({"revision": 2 ** 53}, '"revision" should be a whole number, not the number 9007199254740992'),
    "revision past any saves": ({"revision": 2 ** 53 - 1},
                                '"revision" should be at most 1000000000000000 saves, not the number 9007199254740991'),
    "501 actions": ({"actions": [action(f"p-{n}") for n in range(501)]},
                    '"actions" should be at most 500 actions, not 501: that is beyond what a school could make'),
    "201 review points": ({"reviewPoints": [point(f"r-{n}") for n in range(201)]},
                          '"reviewPoints" should be at most 200 review points, not 201: that is beyond what a school could make'),
}


def bad_record(case, id="a-file"):
    fields = dict(REFUSED[case][0])
    return record(HERTS, fields.pop("answers", {"duty-senco": {"duty": "met"}}), id=id, **fields)


@pytest.mark.parametrize("where", WHERE)
def test_a_file_the_page_could_not_rely_on_is_refused_naming_the_field(where, page, fresh_site, http_site):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{HERTS}.html"), HERTS)
    tool.go("#duty-senco")
    page.locator("#duty-senco--duty").get_by_label("Met", exact=True).check()
    tool.wait_saved()
    before = tool.storage()
    tool.go("#files")
    for case, (_, words) in REFUSED.items():
        load(page, "bad.json", answers_file(HERTS, [bad_record(case)]))
        expect(page.locator("#files-error-text")).to_have_text(wrong("its assessment", words))
        assert_focus(page, "files-error")
        assert page.locator("#load-file-error").text_content() == "Error: " + wrong("its assessment", words), case
        assert page.locator("#load-preview").is_hidden(), case
        assert tool.storage() == before, case
        page.locator("#load-file").set_input_files([])
    # the second of two assessments is named, and the limits are limits: 500 actions and 200 review points load
    load(page, "two.json", answers_file(HERTS, [record(HERTS, {}), bad_record("two actions, one id", id="b")]))
    expect(page.locator("#files-error-text")).to_have_text(wrong("its second assessment", REFUSED["two actions, one id"][1]))
    most = record(HERTS, {"participants": {"rows": []}}, actions=[action(f"p-{n}") for n in range(500)],
                  reviewPoints=[point(f"r-{n}") for n in range(200)])
    load(page, "most.json", answers_file(HERTS, [most]))
    expect(page.locator("#load-preview-summary")).to_contain_text("The file most.json holds 1 assessment of this framework")
    assert tool.storage() == before


@pytest.mark.parametrize("where", WHERE)
def test_an_assessment_at_its_limits_takes_no_more_actions_or_review_points_and_says_why(where, page, fresh_site, http_site):
    # the page never makes a record it would refuse: 500 actions and 200 review points are the most, by hand or by a file
    most = record(RAG, {"leadership-1": {"rag": "red"}}, actions=[action(f"p-{n}") for n in range(500)],
                  reviewPoints=[point(f"r-{n}") for n in range(200)])
    tool = open_with(page, url_of(where, fresh_site, http_site, f"{RAG}.html"), RAG, most)
    before = tool.storage()
    full_plan = "This plan has 500 actions, the most one assessment can hold: delete or combine some before adding another."
    tool.go("#plan")
    page.get_by_role("button", name="Add an action").click()
    expect(page.locator("#plan-message-text")).to_have_text(full_plan)
    assert_focus(page, "plan-message-text")
    tool.go("#priorities")
    page.locator("#priority-list button[data-add-action]").first.click()
    expect(page.locator("#done-message")).to_have_text(full_plan)
    assert_focus(page, "done-message")
    assert page.evaluate("location.hash") == "#priorities"
    tool.go("#review-points")
    page.get_by_role("button", name="Save a review point").click()
    expect(page.locator("#done-message")).to_have_text(
        "This assessment has 200 review points, the most it can hold: delete some you no longer need (in the list below) "
        "before saving another.")
    assert tool.storage() == before
    # a file within the limits that would take this one past them is refused when loaded, with nothing written
    tool.go("#files")
    for fields, words in (({"actions": most["actions"][1:] + [action("p-new")]}, "501 actions, more than the 500"),
                          ({"answers": {"leadership-1": {"rag": "green"}}, "updated": "2026-11-21T09:00:00.000Z"},
                           "201 review points, more than the 200")):   # the review point kept before a change
        load(page, "more.json", answers_file(RAG, [dict(most, **fields)]))
        page.get_by_role("button", name="Load answers").click()
        expect(page.locator("#files-error-text")).to_have_text(
            f"Nothing was loaded: “Oak Primary, Autumn 2026” would then have {words} one assessment can hold. Delete some it "
            "no longer needs, then load the file again. Everything saved before is still here, unchanged.")
        assert tool.storage() == before
        page.get_by_role("button", name="Cancel").click()


@pytest.mark.parametrize("where", WHERE)
def test_two_tabs_adding_actions_never_save_an_assessment_past_its_limits(where, context, fresh_site, http_site):
    """Without Web Locks two tabs can each add actions: here this tab adds the 500th while the other tab has saved its
    own 500th. Saving both would make 501, which the page would then refuse to read: this tab's change is not saved,
    the page says why, and it is saved once this tab has deleted an action."""
    context.add_init_script(NO_LOCKS)
    url = url_of(where, fresh_site, http_site, f"{RAG}.html")
    start = record(RAG, {"leadership-1": {"rag": "red"}}, actions=[action(f"p-{n}") for n in range(499)])
    tool = open_with(context.new_page(), url, RAG, start)
    tool.go("#plan")
    page = tool.page
    # this tab's changes wait to be saved until focus leaves what was changed (no frame is drawn and no timer fires)
    page.evaluate("""() => { window.__frame = window.requestAnimationFrame; window.requestAnimationFrame = () => 0;
        const later = window.__later = window.setTimeout;
        window.setTimeout = (f, ms, ...rest) => ms === 100 ? 0 : later(f, ms, ...rest);
        window.addEventListener("storage", () => { window.__heard = true; }); }""")
    page.get_by_role("button", name="Add an action").click()
    theirs = dict(start, revision=start["revision"] + 1, actions=start["actions"] + [action("p-theirs", "Their action")])
    other = context.new_page()
    other.goto(url_of(where, fresh_site, http_site, "index.html"))
    other.evaluate("([key, text]) => localStorage.setItem(key, text)", [tool.prefix + "assessment:a-file", json.dumps(theirs)])
    page.wait_for_function("() => window.__heard === true")
    tool.leave_field()
    expect(page.locator("#save-error")).to_have_text(
        "Your last change was not saved: this assessment was also changed in another tab or window, and with both tabs' "
        "changes it would hold more actions or review points than one assessment can. Everything saved before it is still "
        "here. Delete some actions or review points here, and the page tries again with your next change.")
    assert page.locator("#save-status").inner_text() == \
        "Not saved: with another tab's changes, this assessment would hold too much"
    assert json.loads(tool.storage()[tool.prefix + "assessment:a-file"]) == theirs
    # frames and timers as they are: deleting is saved as every click is, once its frame is drawn
    page.evaluate("() => { window.requestAnimationFrame = window.__frame; window.setTimeout = window.__later; }")
    page.get_by_role("button", name="Delete action 1", exact=True).click()
    expect(page.locator("#save-error")).to_have_text("")
    ids = [entry["id"] for entry in tool.record()["actions"]]
    assert len(ids) == 500 and ids[:2] == ["p-1", "p-2"] and ids[-2] == "p-theirs" and ids[-1] not in ids[:-1]


@pytest.mark.parametrize("where", WHERE)
def test_saved_records_failing_the_checks_are_listed_as_damaged(where, page, fresh_site, http_site):
    good = record(HERTS, {"duty-senco": {"duty": "met"}}, id="a-good")
    damaged = [bad_record(case, id=f"a-bad-{n}") for n, case in enumerate(REFUSED)]
    tool = open_with(page, url_of(where, fresh_site, http_site, f"{HERTS}.html"), HERTS, good, *damaged)
    before = tool.storage()
    assert page.locator("#assessment-name").inner_text() == "Oak Primary, Autumn 2026"
    tool.go("#assessments")
    expect(page.locator("#damaged")).to_be_visible()
    assert page.locator("#damaged h3").inner_text() == (
        f"{len(REFUSED)} assessments saved in this browser cannot be read: they have been damaged.")
    assert page.locator("#assessment-list tbody tr").count() == 1
    printed, _ = print_everything(page, tool)
    assert printed == ["report", "plan", "blank"]
    assert tool.storage() == before


# ---------------------------------------------------------------- printing a sound record never throws

@pytest.mark.parametrize("where", WHERE)
def test_printing_a_herts_record_whose_participants_table_has_no_rows(where, page, fresh_site, http_site):
    """The participants table emptied ({rows: []}), or an answer with no rows part at all: printing the report, the
    plan, a blank copy and the browser's own Print all run, with no error (the page fixture fails on any)."""
    url = url_of(where, fresh_site, http_site, f"{HERTS}.html")
    for n, (answer, cover) in enumerate((({"rows": []}, "Not given"), ({}, "Not given"),
                                         ({"rows": [{"role": "SENCO", "name": "J. Smith"}]}, "SENCO, J. Smith"))):
        saved = record(HERTS, {"participants": answer, "duty-senco": {"duty": "met"}, "outcome-1-notes": {"now": 8}},
                       id=f"a-herts-{n}", actions=[action("p-1")], reviewPoints=[point("r-1", {"participants": answer})])
        tool = open_with(page, url, HERTS, saved)
        before = tool.storage()
        printed, shown = print_everything(page, tool)
        assert printed == ["report", "plan", "blank"], answer
        assert shown == cover, answer
        tool.go("#compare-r-1")
        expect(page.locator("#compare-summary")).to_have_text(
            "1 answer has changed in 1 item since the review point “Spring” was saved on 1 March 2026.")
        assert tool.storage() == before


# ---------------------------------------------------------------- answers that no longer fit

# send-self-evaluation's outcomes-1 and outcomes-2 rate "now" and "target" from 0 to 10
MISFITS = {"outcomes-1": {"current": 8, "target": 9},          # a rating renamed now → current
           "outcomes-2": {"now": 12, "target": 7, "evidence": "Case study"},  # off the scale (it was 0 to 20)
           "gone-1": {"now": 3}}                                   # a statement taken out
FITTED = {"outcomes-1": {"target": 9}, "outcomes-2": {"target": 7, "evidence": "Case study"}}
POINT = {"outcomes-1": {"current": 2, "target": 9}, "outcomes-2": {"now": 11, "target": 7}}


def views_text(page, tool):
    texts = {}
    for view in ("#summary", "#priorities"):
        tool.go(view)
        texts[view] = page.locator(view).inner_text()
    return texts


@pytest.mark.parametrize("where", WHERE)
def test_answers_that_no_longer_fit_are_listed_kept_and_read_by_nothing_else(where, page, fresh_site, http_site):
    url = url_of(where, fresh_site, http_site, f"{SELF}.html")
    saved = record(SELF, MISFITS, id="a-self", reviewPoints=[point("r-1", POINT)])
    tool = open_with(page, url, SELF, saved)
    before = tool.storage()
    tool.go("#overview")
    orphans = page.locator("#orphans")
    expect(orphans).to_be_visible()
    assert orphans.locator("h2").inner_text() == "Answers that no longer fit this framework"
    assert orphans.locator("p").inner_text() == (
        "This framework has been updated since these answers were given: their statements were taken out, or changed so "
        "that the answers no longer fit. The answers are kept here, and in your downloads, in case you need them. They "
        "are not counted in the summary, the priorities or the comparisons.")
    assert orphans.locator("tbody th").all_text_contents() == ["gone-1", "outcomes-1", "outcomes-2"]
    assert orphans.locator("tbody td").all_text_contents() == [
        "now: 3", "current: 8 (this rating is no longer in the framework)",
        "now: 12 (this is no longer on the rating's scale)"]
    tool.go("#compare-r-1")
    expect(page.locator("#compare-summary")).to_have_text(
        "1 answer has changed in 1 item since the review point “Spring” was saved on 1 March 2026.")
    assert page.locator("#compare-changes td").all_inner_texts() == [
        "Evidence – How do you know? What does this look like in this school?", "No answer", "Case study"]
    with_misfits = views_text(page, tool)
    printed, _ = print_everything(page, tool)
    assert printed == ["report", "plan", "blank"]
    tool.go("#files")
    rows = list(csv.reader(io.StringIO(download(page, "Download the ratings and evidence (CSV)").decode("utf-8-sig"), newline="")))
    assert [row[3:] for row in rows[:3]] == [["Where you are now", "Where you want to be in 6 to 12 months’ time", "Evidence"],
                                             ["", "9", ""], ["", "7", "Case study"]]
    kept = json.loads(download(page, "Download my answers"))
    assert kept["assessments"][0]["answers"] == MISFITS and kept["assessments"][0]["reviewPoints"][0]["answers"] == POINT
    assert {k: v for k, v in tool.storage().items() if ":downloaded:" not in k} == before

    # the summary and priorities are those of the answers that fit, alone
    tool = open_with(page, url, SELF, record(SELF, FITTED, id="a-fitted", reviewPoints=[point("r-1", POINT)]))
    assert views_text(page, tool) == with_misfits
    tool.go("#overview")
    assert page.locator("#orphans").is_hidden()


@pytest.mark.parametrize("where", WHERE)
def test_a_statement_made_a_question_keeps_its_ratings_listed(where, page, fresh_site, http_site):
    """herts' outcome-1-notes is a text item: ratings saved under its id (when it was a statement) are listed, and a
    file holding them loads; the overview's heading is the usual one again once only statements taken out are left."""
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{HERTS}.html"), HERTS)
    tool.go("#files")
    load(page, "old.json", answers_file(HERTS, [record(HERTS, {"outcome-1-notes": {"level": "expected", "answer": "Notes"},
                                                               "gone-1": {"level": "emerging"}})]))
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_contain_text("added as a new assessment")
    tool.go("#overview")
    assert page.locator("#orphans tbody td").all_text_contents() == [
        "level: emerging", "level: expected (this item no longer asks for it)"]
    assert page.locator("#outcome-1-notes--answer").input_value() == "Notes"
    tool.go("#outcome-1-notes")
    page.locator("#outcome-1-notes--answer").fill("Notes, checked")
    tool.leave_field()
    tool.wait_saved()
    assert tool.answers()["outcome-1-notes"] == {"level": "expected", "answer": "Notes, checked"}
    open_tool(page, page.url.split("#")[0], HERTS).go("#overview")
    assert page.locator("#orphans h2").inner_text() == "Answers that no longer fit this framework"
    printed, _ = print_everything(page, tool)
    assert printed == ["report", "plan", "blank"]


# ---------------------------------------------------------------- spreadsheets: formula cells made plain text

FORMULAS = {  # evidence as saved: the cell the spreadsheet gets
    " =1+1": "' =1+1", "\u00a0=1": "'\u00a0=1", "\n=1": "'\n=1", "\uff1d1": "'\uff1d1", "-2": "'-2", "plain": "plain",
    "\t=1": "'\t=1", "\r=1": "'\r=1", "\u3000\uff0bA1": "'\u3000\uff0bA1", "\u2003\u200b@SUM(A1)": "'\u2003\u200b@SUM(A1)",
    "\uff0d3": "'\uff0d3", "\uff20x": "'\uff20x", " \r\n\t+1": "' \r\n\t+1", "a=1": "a=1", "\u00a0plain": "\u00a0plain",
}


@pytest.mark.parametrize("where", WHERE)
def test_csv_cells_a_spreadsheet_could_read_as_formulas_start_with_an_apostrophe(where, page, fresh_site, http_site):
    texts = list(FORMULAS)
    statements = [f"leadership-{n}" for n in range(1, 14)] + [f"teaching-{n}" for n in range(1, 8)]  # in the order of the page
    answers = {statement: {"rag": "red", "evidence": text} for statement, text in zip(statements, texts)}
    tool = open_with(page, url_of(where, fresh_site, http_site, f"{RAG}.html"), RAG, record(RAG, answers))
    tool.go("#files")
    raw = download(page, "Download the ratings and evidence (CSV)")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert [row[4] for row in rows[1:len(texts) + 1]] == list(FORMULAS.values())
    assert b'"Red","\' =1+1"\r\n' in raw and b'"Red","plain"\r\n' in raw and '"Red","\'\uff1d1"\r\n'.encode() in raw
    assert page.evaluate("cells => cells.map(SendToolkit.transfer.csvCell)", ["=1", "\u2028=1", "\ufeff-1", "\ufe62", 5, -5, None]) == [
        '"\'=1"', '"\'\u2028=1"', '"\'\ufeff-1"', '"\'\ufe62"', '"5"', '"\'-5"', '""']


# ---------------------------------------------------------------- the load preview tells the truth

@pytest.mark.parametrize("where", WHERE)
def test_the_preview_names_a_part_of_an_answer_that_is_no_rating_by_its_own_name(where, page, fresh_site, http_site):
    """Found by the fuzz test: a statement's answer in a file with a part that is none of its ratings ("x") made the
    preview throw as it named the part, so choosing the file seemed to do nothing."""
    tool = open_with(page, url_of(where, fresh_site, http_site, f"{RAG}.html"), RAG, record(RAG, {"leadership-1": {"rag": "red"}}))
    tool.go("#files")
    load(page, "odd.json", answers_file(RAG, [record(RAG, {"leadership-1": {"rag": "red", "x": "y"}})]))
    expect(page.locator("#load-0-a-file--hint p")).to_have_text(
        "1 answer would change; 0 review points and 0 actions would be added. No answer here is replaced.")
    taken = page.locator(".load-taken")
    taken.get_by_text("The 1 answer the file would change").click()
    assert [row.split("\t") for row in taken.locator("tr").all_inner_texts()] == [
        ["Statement or question", "Answer", "Here", "In the file"],
        ["The senior leadership team (SLT) understand their duties under the SEND Code of Practice.", "x", "No answer", "y"]]
    assert page.errors == []


@pytest.mark.parametrize("where", WHERE)
def test_the_preview_counts_answers_for_statements_not_in_this_framework(where, page, fresh_site, http_site):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{RAG}.html"), RAG)
    tool.go("#leadership-1")
    page.locator("#leadership-1--rag").get_by_label("Red").check()
    tool.wait_saved()
    here = tool.record()
    gone = {f"gone-{n}": {"rag": "amber"} for n in range(1, 10)}
    tool.go("#files")
    hint = page.locator(f"#load-0-{here['id']}--hint p")
    load(page, "gone.json", answers_file(RAG, [record(RAG, dict(gone, **{"leadership-1": {"rag": "red"}}), id=here["id"])]))
    expect(hint).to_have_text(
        "No answer to a statement in this framework would change, but 9 answers for statements not in this framework "
        "would be added: they are kept, and listed on the overview. 0 review points and 0 actions would be added. "
        "No answer here is replaced.")
    page.get_by_role("button", name="Cancel").click()
    load(page, "one.json", answers_file(RAG, [record(RAG, {"leadership-2": {"rag": "green"}, "gone-1": {"rag": "red"}},
                                                     id=here["id"])]))
    expect(hint).to_have_text(
        "1 answer would change, and 1 answer for statements not in this framework would be added: it is kept, and listed "
        "on the overview. 0 review points and 0 actions would be added. No answer here is replaced.")
    page.get_by_role("button", name="Cancel").click()
    load(page, "gone.json", answers_file(RAG, [record(RAG, gone, id=here["id"])]))
    expect(hint).to_contain_text("No answer to a statement in this framework would change, but 9 answers")
    page.get_by_role("button", name="Load answers").click()
    expect(page.locator("#files-message-text")).to_have_text("Loaded gone.json: loaded into “Untitled assessment”.")
    tool.go("#overview")
    assert page.locator("#orphans tbody th").all_text_contents() == list(gone)
    assert page.locator("#orphans h2").inner_text() == "Answers for statements no longer in this framework"
