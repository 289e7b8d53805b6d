""""Saved" means saved: the durable copy and what the page says about it, a full store, two tabs, deletions.
The crash tests themselves (browsers killed after "Saved") are in test_crash.py."""
import functools
import http.server
import json
import shutil
import threading
from pathlib import Path

import pytest
from playwright.sync_api import expect

from conftest import (DURABLE_ALL, DURABLE_PUT, FILL_STORE, NO_LOCKS, SAFARI, SAFARI_SAYS, SUB_PATH, WAIT_MS, QuietHandler,
                      assert_focus, axe_violations, open_tool, url_of)

FRAMEWORK = "send-audit-rag"
NO_INDEXEDDB = "Object.defineProperty(window, 'indexedDB', {get: () => undefined});"
def rag(tool, statement, label):
    tool.section().locator(f"#{statement}--rag").get_by_label(label).check()


@pytest.mark.parametrize("where", ["file", "http"])
def test_saved_means_the_durable_copy_holds_it(page, fresh_site, http_site, where):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html") + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    record = tool.record()
    durable = page.evaluate(DURABLE_ALL)
    assert durable == {f"assessment:{record['id']}": {"text": json.dumps(record, separators=(",", ":"), ensure_ascii=False),
                                                     "revision": record["revision"]}}


def test_without_a_durable_store_the_status_says_what_is_true(page, fresh_site):
    page.add_init_script(NO_INDEXEDDB)
    tool = open_tool(page, (fresh_site / f"{FRAMEWORK}.html").as_uri() + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Green")
    page.wait_for_function("() => document.getElementById('save-status').textContent.startsWith('Kept in this browser at')")
    assert tool.status().endswith(", but not yet safe from a crash: the browser writes it to disk within a minute. "
                                  "Download your answers to be safe")
    assert tool.answers() == {"leadership-1": {"rag": "green"}}
    assert axe_violations(page) == []


@pytest.mark.parametrize("where", ["file", "http"])
def test_changes_localstorage_lost_in_a_crash_are_put_back_from_the_durable_copy(context, fresh_site, http_site, where):
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html") + "#leadership"
    tool = open_tool(context.new_page(), url, FRAMEWORK)
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    older = tool.record()
    rag(tool, "leadership-2", "Red")
    tool.wait_saved()
    newer = tool.record()
    tool.page.close()
    # As after a crash: localStorage still holds the older revision; the durable copy holds the newer one.
    page = context.new_page()
    page.goto(url_of(where, fresh_site, http_site, "index.html"))   # the same origin, not the framework page
    page.evaluate("([key, text]) => localStorage.setItem(key, text)",
                  [tool.prefix + "assessment:" + older["id"], json.dumps(older)])
    again = open_tool(page, url, FRAMEWORK)
    expect(page.locator("#done-message")).to_have_text(
        "Your latest changes have been put back: the browser closed before it had written them to its quick storage, "
        "and the page had also kept them safely on disk.")
    assert again.record()["revision"] == newer["revision"]
    assert again.answers() == {"leadership-1": {"rag": "amber"}, "leadership-2": {"rag": "red"}}
    assert page.locator("input[name='leadership-2--rag']:checked").get_attribute("value") == "red"


def test_a_deletion_localstorage_lost_is_made_again(context, fresh_site):
    url = (fresh_site / f"{FRAMEWORK}.html").as_uri() + "#leadership"
    tool = open_tool(context.new_page(), url, FRAMEWORK)
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    record = tool.record()
    key = tool.prefix + "assessment:" + record["id"]
    tool.page.evaluate(DURABLE_PUT, [f"assessment:{record['id']}", {"deleted": True, "revision": record["revision"]}])
    tool.page.goto((fresh_site / "index.html").as_uri())
    again = open_tool(tool.page, url, FRAMEWORK)
    tool.page.wait_for_function("key => localStorage.getItem(key) === null", arg=key)
    assert again.records() == {}


def test_a_full_store_never_says_saved_what_is_not(page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{FRAMEWORK}.html").as_uri() + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Green")
    tool.wait_saved()
    page.evaluate(FILL_STORE)
    rag(tool, "leadership-2", "Amber")
    expect(page.locator("#save-status")).to_have_text("Not saved: this browser's storage is full")   # once the frame is drawn
    notice = page.locator("#storage-notice")
    expect(notice).to_be_visible()
    assert notice.locator("h2").inner_text() == "This browser's storage is nearly full"
    assert page.locator("#storage-notice-use").inner_text() == (
        "Saved answers, here and on other pages that share this browser's storage, use 100% of the room it gives (about 5 MB).")

    tool.go("#review-points")
    page.locator("#review-point-name").fill("Before the governors' visit")
    page.get_by_role("button", name="Save a review point").click()
    assert page.locator("#done-message").inner_text() == (
        "The review point Before the governors' visit is made but not saved. This browser's storage is full: the change "
        "stays on this page until you close it. Download your answers (Download or load) to keep it, and make room in "
        "Your assessments.")
    assert tool.record()["reviewPoints"] == []

    tool.go("#files")
    with page.expect_download() as download:
        page.get_by_role("button", name="Download my answers").click()
    held = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))["assessments"][0]
    assert held["answers"] == {"leadership-1": {"rag": "green"}, "leadership-2": {"rag": "amber"}}
    assert [point["name"] for point in held["reviewPoints"]] == ["Before the governors' visit"]
    assert "It was read back and holds your answers as they are on screen, including the changes this browser has " \
           "not saved." in page.locator("#files-message-text").inner_text()

    tool.go("#assessments")
    assert page.locator("#storage-use").inner_text().startswith("The assessments of this framework use 0% of the room "
                                                               "this browser gives for saving (about 5 MB); with what "
                                                               "other frameworks and other pages keep there, 100% is used.")
    assert axe_violations(page) == []

    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    page.wait_for_timeout(500)
    assert asked == ["beforeunload"]   # leaving with unsaved work asks first


def test_leaving_with_everything_saved_asks_nothing(context, fresh_site):
    page = context.new_page()
    tool = open_tool(page, (fresh_site / f"{FRAMEWORK}.html").as_uri() + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Green")
    tool.wait_saved()
    asked = []
    page.on("dialog", lambda dialog: (asked.append(dialog.type), dialog.dismiss()))
    page.close(run_before_unload=True)
    assert asked == []


@pytest.mark.parametrize("where", ["file", "http"])
def test_two_tabs_without_web_locks_typing_in_the_same_box_keep_both_texts(context, fresh_site, http_site, where):
    context.add_init_script(NO_LOCKS)
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html") + "#leadership"
    first = open_tool(context.new_page(), url, FRAMEWORK)
    first.section().locator("#leadership-1--evidence").fill("Minutes of March")
    first.leave_field()
    first.wait_saved()
    second = open_tool(context.new_page(), url, FRAMEWORK)
    # The first tab's typing waits to be saved until the box is left, however long the second tab takes (the page
    # saves typing after 300 ms: on a busy machine that could come before the second tab's save).
    first.page.evaluate("() => { const later = window.setTimeout; window.setTimeout = (f, ms, ...rest) => ms === 300 ? 0 : later(f, ms, ...rest); }")
    first.section().locator("#leadership-1--evidence").fill("Minutes of March and April")   # first has not seen the second
    second.section().locator("#leadership-1--evidence").fill("Governors' report")
    second.leave_field()
    second.wait_saved()
    first.leave_field()
    expect(first.page.locator("#done-message")).to_have_text(
        "This assessment was also changed in another tab or window: those changes and yours are both kept. 1 box was "
        "changed in both: each now holds both texts, the other tab's first, then yours. Please read it and tidy up.")
    assert first.answers() == {"leadership-1": {"evidence": "Governors' report\n\nMinutes of March and April"}}
    assert first.section().locator("#leadership-1--evidence").input_value() == "Governors' report\n\nMinutes of March and April"


def test_two_tabs_without_web_locks_rating_the_same_statement_keep_one_rating_not_both(context, fresh_site):
    """A rating is a word ("amber") but not a text: where both tabs changed it, this tab's rating stays, whole.
    Before, both were joined like two texts, and the statement held the rating "green\n\namber". Here the other
    tab's save of Green lands at the same moment as this tab's Amber, both made from Red."""
    context.add_init_script(NO_LOCKS)
    url = (fresh_site / f"{FRAMEWORK}.html").as_uri()
    tool = open_tool(context.new_page(), url + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Red")
    tool.wait_saved()
    red = tool.record()
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    green = dict(red, revision=red["revision"] + 1, answers={"leadership-1": {"rag": "green"}})
    other = context.new_page()
    other.goto((fresh_site / "index.html").as_uri())
    other.evaluate("([key, text]) => localStorage.setItem(key, text)", [tool.prefix + "assessment:" + red["id"], json.dumps(green)])
    expect(tool.page.locator("#done-message")).to_have_text(
        "This assessment was also changed in another tab or window: those changes and yours are both kept. 1 rating or "
        "date was changed in both: yours is kept.")
    tool.wait_saved()
    assert tool.answers() == {"leadership-1": {"rag": "amber"}}
    assert tool.section().locator("#leadership-1--rag input:checked").get_attribute("value") == "amber"


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_save_that_another_tabs_save_wrote_over_at_once_is_made_again(context, fresh_site, http_site, where):
    """Without Web Locks two tabs can save the same revision at the same moment, and storage keeps the later write:
    here the other tab's save of revision 2, made from revision 1, lands just after this tab's. This tab sees its
    save replaced, and saves its change again on top of the other tab's: both are kept, on screen and in storage."""
    context.add_init_script(NO_LOCKS)
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    tool = open_tool(context.new_page(), url + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Red")
    tool.wait_saved()
    first = tool.record()
    tool.section().locator("#leadership-2--evidence").fill("Minutes of March")
    tool.leave_field()
    tool.wait_saved()
    assert tool.record()["revision"] == first["revision"] + 1
    theirs = dict(first, revision=first["revision"] + 1,
                  answers=dict(first["answers"], **{"leadership-3": {"rag": "amber"}}))
    other = context.new_page()
    other.goto(url_of(where, fresh_site, http_site, "index.html"))   # the same store, as the other tab's save
    other.evaluate("([key, text]) => localStorage.setItem(key, text)",
                   [tool.prefix + "assessment:" + first["id"], json.dumps(theirs)])
    expect(tool.page.locator("#done-message")).to_have_text(
        "This assessment was also changed in another tab or window: those changes and yours are both kept.")
    tool.wait_saved()
    saved = tool.record()
    assert saved["revision"] == first["revision"] + 2
    assert saved["answers"] == {"leadership-1": {"rag": "red"}, "leadership-2": {"evidence": "Minutes of March"},
                                "leadership-3": {"rag": "amber"}}
    assert tool.section().locator("#leadership-3--rag input:checked").get_attribute("value") == "amber"
    assert tool.section().locator("#leadership-2--evidence").input_value() == "Minutes of March"


@pytest.mark.parametrize("where", ["file", "http"])
def test_an_assessment_deleted_in_another_tab_is_not_brought_back_by_typing(context, fresh_site, http_site, where):
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    typing = open_tool(context.new_page(), url + "#leadership", FRAMEWORK)
    rag(typing, "leadership-1", "Red")
    typing.wait_saved()
    record = typing.record()
    other = open_tool(context.new_page(), url + "#assessments", FRAMEWORK)   # read only: open for editing in the first
    other.page.get_by_role("button", name="Delete").first.click()
    typing.section().locator("#leadership-1--evidence").fill("Typed while the other tab deletes it")
    other.page.get_by_role("button", name="Yes, delete it").click()
    typing.section().locator("#leadership-1--evidence").fill("Typed after it was deleted")
    typing.leave_field()
    said = typing.page.locator("#done-message")
    expect(said).to_contain_text("The assessment that was open here was deleted in another tab or window")
    # Whether the first text was saved before the deletion (300 ms after typing) or not, the page says which:
    assert said.inner_text() in ("The assessment that was open here was deleted in another tab or window.",
                                 "The assessment that was open here was deleted in another tab or window, so your last "
                                 "changes to it were not kept.")
    typing.page.wait_for_timeout(500)
    assert record["id"] not in typing.records()


def reopened_with(page, url, name, text):
    """Rate a statement, then, as another program might, store text(record) under name(record); open the page again."""
    url += "#leadership"
    tool = open_tool(page, url, FRAMEWORK)
    rag(tool, "leadership-1", "Green")
    tool.wait_saved()
    record = tool.record()
    page.evaluate("([key, text]) => localStorage.setItem(key, text)", [tool.prefix + name(record), text(record)])
    page.goto("about:blank")
    return open_tool(page, url, FRAMEWORK), record


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_record_stored_under_another_key_is_damaged_and_stays_deleted(page, fresh_site, http_site, where):
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    tool, record = reopened_with(page, url, lambda record: "assessment:copy", json.dumps)
    tool.go("#assessments")
    assert page.locator("#damaged-count").inner_text() == "1 assessment saved in this browser cannot be read: it has been damaged."
    assert page.locator("#assessment-list tbody tr").count() == 1
    page.get_by_role("button", name="Delete").first.click()
    page.get_by_role("button", name="Yes, delete it").click()
    expect(page.locator("#done-message")).to_contain_text("Deleted")
    stored = tool.storage()
    assert tool.prefix + "assessment:" + record["id"] not in stored
    assert tool.prefix + "assessment:copy" in stored   # listed as damaged: to download or remove, never used
    assert page.locator("#damaged-count").inner_text() == "1 assessment saved in this browser cannot be read: it has been damaged."


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_tampered_download_marker_is_ignored(page, fresh_site, http_site, where):
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    tool, record = reopened_with(page, url, lambda record: "downloaded:" + record["id"],
                                 lambda record: json.dumps({"at": "yesterday", "revision": 1e308}))
    assert tool.status().endswith("; not downloaded to a file yet")


@pytest.mark.parametrize("where", ["file", "http"])
def test_old_review_points_can_be_removed_to_make_room(page, fresh_site, http_site, where):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html") + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Green")
    tool.go("#review-points")
    for name in ("Autumn 2025", "Spring 2026", "Summer 2026"):
        page.locator("#review-point-name").fill(name)
        page.get_by_role("button", name="Save a review point").click()
        expect(page.locator("#done-message")).to_have_text(f"Review point saved: {name}.")
    tool.go("#assessments")
    page.get_by_role("button", name="Remove old review points").click()
    dialog = page.get_by_role("dialog")
    assert dialog.get_by_role("heading").inner_text() == "Remove 2 old review points?"
    assert axe_violations(page) == []
    dialog.get_by_role("button", name="Yes, remove them").click()
    expect(page.locator("#done-message")).to_contain_text("Removed 2 old review points, making room for about ")
    tool.wait_saved()
    assert [point["name"] for point in tool.record()["reviewPoints"]] == ["Summer 2026"]
    assert tool.answers() == {"leadership-1": {"rag": "green"}}
    page.get_by_role("button", name="Remove old review points").click()
    assert page.locator("#done-message").inner_text() == (
        "There are no old review points to remove: no assessment has more than one.")


# ---------------------------------------------------------------- when the scripts cannot run

SCRIPTS_OFF = ("Nothing you enter on this page will be kept\n"
               "This page's scripts are not running: they are switched off in this browser, or blocked by the website or "
               "program showing the page. You can still read the framework and print it as a blank form, but answers "
               "typed here are not saved.\n"
               "If this page is on a council's or school's website, please tell its web team: the toolkit's hosting guide "
               "(docs/hosting.md, \"HTTP headers to add\") explains the setting that blocks the scripts, a "
               "Content-Security-Policy header added to every page.")


class BlockingHandler(QuietHandler):
    """A web server whose site-wide header blocks every inline script and style, as some council sites send."""

    def end_headers(self):
        self.send_header("Content-Security-Policy", "default-src 'self'")
        super().end_headers()


@pytest.fixture(scope="module")
def blocking_site(http_site, fresh_site, tmp_path_factory):
    """The built site under the sub-path, served with a blocking Content-Security-Policy header; yields its base URL."""
    docroot = tmp_path_factory.mktemp("blocking")
    shutil.copytree(fresh_site, docroot / SUB_PATH.strip("/"))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(BlockingHandler, directory=str(docroot)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_port}{SUB_PATH}"
    server.shutdown()


def notice_text(page):
    return "\n".join(part.strip() for part in page.locator("#scripts-off").inner_text().split("\n") if part.strip())


@pytest.mark.parametrize("framework", [FRAMEWORK, "send-self-evaluation"])
def test_a_page_whose_scripts_are_blocked_says_nothing_will_be_kept(context, blocking_site, framework):
    page = context.new_page()   # not the page fixture: the blocked scripts and styles are reported on the console
    blocked = []
    page.on("console", lambda message: blocked.append(message.text) if "Content Security Policy" in message.text else None)
    page.goto(blocking_site + f"{framework}.html")
    page.wait_for_load_state("load")
    assert blocked, "the header should have blocked the page's scripts and styles"
    assert page.evaluate("document.documentElement.className") == ""   # not even start.js ran
    notice = page.locator("#scripts-off")
    expect(notice).to_be_visible()
    assert notice.bounding_box()["y"] < 600   # near the top, where it is seen first
    assert notice_text(page) == SCRIPTS_OFF
    assert page.locator("#tool-bar").is_hidden()
    # Read as a heading by screen readers. (axe is not run: with every style blocked, the page is the browser's own
    # default styling, which WCAG's target size criterion exempts and axe cannot tell from the author's.)
    expect(page.get_by_role("heading", name="Nothing you enter on this page will be kept", level=2)).to_be_visible()


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_page_with_scripts_switched_off_says_nothing_will_be_kept(browser, fresh_site, http_site, where):
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html"))
        expect(page.locator("#scripts-off")).to_be_visible()
        assert notice_text(page) == SCRIPTS_OFF
        hidden = page.locator("[hidden]")   # what only the scripts show (the tool bar, its views) stays hidden
        assert hidden.count() > 10
        assert [hidden.nth(i).get_attribute("id") for i in range(hidden.count()) if hidden.nth(i).is_visible()] == []
    finally:
        context.close()


@pytest.mark.parametrize("where", ["file", "http"])
def test_when_the_scripts_run_the_notice_is_never_shown(page, fresh_site, http_site, where):
    tool = open_tool(page, url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html"), FRAMEWORK)
    assert page.locator("#scripts-off").count() == 0   # removed
    assert tool.status() == "Nothing entered yet: your answers are saved in this browser as you go"
    # From the first paint until app.js removes it, start.js's class hides it: put one back as the HTML has it.
    hidden = page.evaluate("""() => { const notice = document.createElement("div"); notice.id = "scripts-off";
        notice.className = "notice notice--warning"; notice.textContent = "x"; document.getElementById("main").prepend(notice);
        document.documentElement.classList.add("js-starting");
        const display = getComputedStyle(notice).display;
        notice.remove(); document.documentElement.classList.remove("js-starting"); return display; }""")
    assert hidden == "none"


BROKEN_CONTROLS = """window.SendToolkit = {};
Object.defineProperty(window.SendToolkit, "controls", {get: () => undefined, set: () => { throw new Error("controls.js failed"); }});"""


@pytest.mark.parametrize("where", ["file", "http"])
def test_a_page_that_cannot_start_says_nothing_is_saved_and_offers_what_is(context, fresh_site, http_site, where):
    """One of the page's scripts fails (here controls.js, as a browser without some feature might make it): the page
    does not stay half working and silent. It says that nothing is being saved, locks the boxes, and offers a file of
    what is saved, which loads as any file of answers; the error still reaches the browser."""
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    tool = open_tool(context.new_page(), url + "#leadership", FRAMEWORK)
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    saved = tool.record()
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(error.message))
    page.add_init_script(BROKEN_CONTROLS)
    page.bring_to_front()
    page.goto(url + "#leadership")
    notice = page.locator("#start-failed")
    expect(notice).to_be_visible()
    expect(notice).to_be_focused()
    assert notice.bounding_box()["y"] < 600
    assert notice.locator("h2").inner_text() == "This page has a problem: your answers are not being saved"
    assert errors[0] == "controls.js failed"   # then the scripts that use it fail too, then the app
    assert errors[-1] == page.locator("#start-failed-error").inner_text()   # what the page says, and not swallowed
    assert page.locator("#scripts-off").count() == 0 and page.locator("#tool-bar").is_hidden()
    assert page.evaluate("[...document.querySelectorAll('.sections input, .sections textarea')].every(c => c.disabled)")
    assert axe_violations(page) == []
    page.keyboard.press("Tab")   # from the notice, which has focus, to its button: keyboard only
    expect(page.locator("#start-failed-download")).to_be_focused()
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    assert download.value.suggested_filename == "send-toolkit-send-audit-rag-v1-saved.json"
    text = Path(download.value.path()).read_text(encoding="utf-8")
    assert json.loads(text)["assessments"] == [saved]
    loaded = tool.page.evaluate("""text => SendToolkit.transfer.read(text,
        SendToolkit.answers.index(JSON.parse(document.getElementById('framework-data').textContent)), 'SEND Audit RAG rating')""", text)
    assert "error" not in loaded and [record["answers"] for record in loaded["records"]] == [saved["answers"]]


CLICK_RATINGS = """() => { let turn = 0; window.__clicking = window.setInterval(() => {
    const radios = [...document.querySelectorAll('.section:not([hidden]) input[type=radio]')];
    radios[turn++ % radios.length].click();
}, 50); }"""


@pytest.mark.parametrize("locks", ["locks", "no locks"])
@pytest.mark.parametrize("where", ["file", "http"])
def test_another_tabs_saves_never_take_focus_or_keystrokes(context, fresh_site, http_site, where, locks):
    """A SENCO types an action in one tab while a colleague's tab saves ratings every 50 ms: with Web Locks in
    another assessment, without them in the same one. She types in bursts, so her tab also takes in the other
    tab's saves between them. Every key she pressed is in the box, with focus and caret where she left them."""
    if locks == "no locks":
        context.add_init_script(NO_LOCKS)
    url = url_of(where, fresh_site, http_site, f"{FRAMEWORK}.html")
    typing = open_tool(context.new_page(), url + "#leadership", FRAMEWORK)
    rag(typing, "leadership-1", "Red")
    typing.wait_saved()
    mine = typing.record()["id"]
    typing.go("#plan")
    typing.page.locator("#add-action").click()
    action = typing.page.locator("[data-action]").first.get_attribute("data-action")
    field = typing.page.locator(f"#action-{action}--target")
    field.click()
    clicking = open_tool(context.new_page(), url + "#assessments", FRAMEWORK)
    if locks == "locks":   # the first tab holds its assessment: the colleague starts her own
        clicking.page.locator("#new-setting").fill("Oak Primary")
        clicking.page.locator("#new-period").fill("Spring 2027")
        clicking.page.locator("#new-assessment").click()
        assert len(clicking.records()) == 2
    clicking.go("#leadership")
    on_screen = "id => Math.round(document.getElementById(id).getBoundingClientRect().top)"
    top = typing.page.evaluate(on_screen, f"action-{action}--target")
    clicking.page.evaluate(CLICK_RATINGS)
    typed = ""
    for burst in range(10):
        words = f"Burst {burst}: "[:10].ljust(10, ".")
        typing.page.keyboard.type(words, delay=15)
        typed += words
        typing.page.wait_for_timeout(400)   # she stops to think; her words are saved; the other tab's saves come in
    clicking.page.evaluate("window.clearInterval(window.__clicking)")
    assert field.input_value() == typed
    assert typing.page.evaluate("[document.activeElement.id, document.activeElement.selectionStart, "
                                "document.activeElement.selectionEnd]") == [f"action-{action}--target", 100, 100]
    assert abs(typing.page.evaluate(on_screen, f"action-{action}--target") - top) <= 2   # the box has not moved on screen
    typing.leave_field()
    typing.wait_saved()
    saved = typing.records()[mine]
    assert [entry["target"] for entry in saved["actions"]] == [typed]
    if locks == "no locks":   # the colleague's ratings were taken in too, not lost under the typing
        expect(typing.page.locator("#done-message")).to_have_text(
            "Changes saved in another tab or window are shown here.")
        assert len(saved["answers"]) > 1


# ---------------------------------------------------------------- Safari deletes what a website keeps

CHROME_ON_WINDOWS = ("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
                     "Chrome/131.0.0.0 Safari/537.36")
USER_AGENTS = {   # what each browser says it is, and whether it deletes a website's storage after 7 days unopened
    "Safari on a Mac": (SAFARI, True),
    "Safari on an iPad (says it is a Mac)": (SAFARI, True),
    "Safari on an iPhone": ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like "
                            "Gecko) Version/18.1 Mobile/15E148 Safari/604.1", True),
    "Chrome on an iPad": ("Mozilla/5.0 (iPad; CPU OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                          "CriOS/131.0.6778.73 Mobile/15E148 Safari/604.1", True),
    "Chrome on a Mac": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                        "Chrome/131.0.0.0 Safari/537.36", False),
    "Edge on a Mac": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
                      "Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.86", False),
    "Firefox on a Mac": ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10.15; rv:133.0) Gecko/20100101 Firefox/133.0", False),
    "Chrome on Windows": (CHROME_ON_WINDOWS, False),
    "Chrome on Android": ("Mozilla/5.0 (Linux; Android 10; K) AppleWebKit/537.36 (KHTML, like Gecko) "
                          "Chrome/131.0.0.0 Mobile Safari/537.36", False),
    "WebKitGTK (Epiphany)": ("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 "
                             "Safari/605.1.15", False),
}


def test_only_browsers_that_delete_what_a_website_keeps_are_told_so(page, fresh_site, http_site):
    open_tool(page, http_site + f"{FRAMEWORK}.html", FRAMEWORK)
    told = page.evaluate("""agents => Object.fromEntries(Object.entries(agents).map(([name, [agent]]) =>
        [name, [SendToolkit.storage.deletesUnopened(agent, "https:"), SendToolkit.storage.deletesUnopened(agent, "http:"),
                SendToolkit.storage.deletesUnopened(agent, "file:")]]))""", USER_AGENTS)
    assert told == {name: [deletes, deletes, False] for name, (agent, deletes) in USER_AGENTS.items()}


@pytest.fixture
def safari_page(browser):
    """A page that Chromium opens saying it is Safari on a Mac, in London's time zone, failing on any script error."""
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB", user_agent=SAFARI,
                                  timezone_id="Europe/London", accept_downloads=True)
    context.set_default_timeout(WAIT_MS)
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
    assert page.errors == []


def safari_notice(page):
    """The notice as shown: None when hidden, else what it says of the last download."""
    return None if page.locator("#safari-notice").is_hidden() else page.locator("#safari-downloaded").inner_text()


def test_in_safari_from_a_website_the_download_comes_first_with_the_date_of_the_last_one(safari_page, http_site):
    """The status says Safari may delete the answers; every opening with changes newer than the last download starts
    with a notice saying when that was; its link takes the keyboard to the download, and the download ends it."""
    page, url = safari_page, http_site + f"{FRAMEWORK}.html"
    tool = open_tool(page, url + "#leadership", FRAMEWORK)
    assert safari_notice(page) is None
    rag(tool, "leadership-1", "Amber")
    tool.wait_saved()
    assert tool.status().endswith("; not downloaded to a file yet. " + SAFARI_SAYS)
    assert safari_notice(page) is None   # said on opening, not in the middle of the work
    record = tool.record()
    # Downloaded on 1 October, changed since: as when a SENCO comes back next term.
    page.evaluate("([key, marker]) => localStorage.setItem(key, marker)",
                  [tool.prefix + "downloaded:" + record["id"],
                   json.dumps({"at": "2026-10-01T09:42:00.000Z", "revision": record["revision"] - 1})])
    tool = open_tool(page, url, FRAMEWORK)
    expect(page.locator("#safari-notice")).to_be_visible()
    assert page.locator("#safari-notice h2").inner_text() == "Download your answers: Safari may delete them"
    assert safari_notice(page) == "Your answers have changed since you last downloaded them, on 1 October 2026 at 10:42."
    assert axe_violations(page) == []

    page.locator("#safari-download").focus()
    page.keyboard.press("Enter")
    assert_focus(page, "files-title")
    page.locator("#download-answers").focus()
    with page.expect_download():
        page.keyboard.press("Enter")
    expect(page.locator("#safari-notice")).to_be_hidden()
    assert "; downloaded at " in tool.status() and tool.status().endswith(". " + SAFARI_SAYS)
    tool = open_tool(page, url, FRAMEWORK)
    assert safari_notice(page) is None   # nothing newer than the download


def test_in_safari_from_a_file_or_in_other_browsers_no_download_is_asked_for_first(safari_page, browser, fresh_site,
                                                                                     http_site):
    """From a file Safari keeps nothing (the page's storage notice says so); other browsers keep what they are given."""
    chrome = browser.new_context(user_agent=CHROME_ON_WINDOWS)
    for page, url in [(safari_page, (fresh_site / f"{FRAMEWORK}.html").as_uri()), (chrome.new_page(), http_site + f"{FRAMEWORK}.html")]:
        tool = open_tool(page, url + "#leadership", FRAMEWORK)
        rag(tool, "leadership-1", "Amber")
        tool.wait_saved()
        assert tool.status().endswith("; not downloaded to a file yet")
        tool = open_tool(page, url, FRAMEWORK)
        assert tool.status().startswith("Saved in this browser") and safari_notice(page) is None
    chrome.close()


STARTING_SAYS = {
    "file": "Worked on this before? If you downloaded your answers, load your file of answers to carry on. Firefox keeps "
            "answers separately for each copy of the page, by where the file is: if this file has been moved, renamed or "
            "copied, or you are on another computer or browser, your answers are not lost, but you need to load your "
            "file here.",
    "http": "Worked on this before? If you downloaded your answers, load your file of answers to carry on. A browser keeps "
            "answers for each website: if you are on another computer or browser, in a private window, or the toolkit's "
            "web address has changed, your answers are not lost, but you need to load your file here.",
}
FILES_SAY = {
    "file": "Your answers are saved in this browser as you go, but browsers can lose them: some school computers clear "
            "them, Firefox keeps them separately for each copy of the file, and they do not move to another computer.",
    "http": "Your answers are saved in this browser as you go, but browsers can lose them: some school computers clear "
            "them, and they do not move to another computer.",
}


@pytest.mark.parametrize("where", ["file", "http"])
def test_the_notices_say_where_answers_are_kept_as_is_true_for_a_file_or_a_website(where, page, fresh_site, http_site):
    """Firefox keeps a file's answers by where the file is; a website's are kept for the website, in every browser."""
    tool = open_tool(page, url_of(where, fresh_site, http_site, "send-audit-rag.html"), "send-audit-rag")
    expect(page.locator("#start-notice")).to_be_visible()
    assert page.locator("#start-notice p").nth(1).inner_text() == STARTING_SAYS[where]
    tool.go("#files")
    assert page.locator("#files > p").first.inner_text().startswith(FILES_SAY[where] + " ")
    assert axe_violations(page) == []
