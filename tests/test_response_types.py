"""The response types added through the registry (build.py's RESPONSE_TYPES, theme/js/types/): a date, and choose
several. Each is in the page without script, saves, reloads, counts in progress, compares with a review point,
merges with another tab's changes, and passes axe, in a real Chromium from a file:// path with spaces.
"""
import pytest
from playwright.sync_api import expect

import build
from conftest import axe_violations, open_tool
from test_rating import lines
from test_validate import MINIMAL, make_root

NEW_TYPES = """\
  - id: review
    title: Review
    items:
      - type: date
        id: review-date
        label: When was the SEN information report last reviewed?
        hint: For example, 14 January 2027.
      - type: choices
        id: review-sources
        label: What did the review draw on?
        hint: Tick all that apply.
        options:
          - {id: pupil-voice, label: Pupil voice}
          - {id: parent-survey, label: A survey of parents}
          - {id: governor-visit, label: The SEND governor's visit}
"""


@pytest.fixture(scope="module")
def new_types_page(tmp_path_factory):
    root = make_root(tmp_path_factory.mktemp("new types"), MINIMAL + NEW_TYPES)
    assert build.build(root) == []
    return (root / "site" / "test-audit.html").as_uri()


def answer_the_review(page, url):
    """Open the review section, give a date and tick two choices: (the tool, the section)."""
    tool = open_tool(page, url + "#review", "test-audit")
    section = tool.section()
    section.get_by_label("When was the SEN information report last reviewed?").fill("2027-01-14")
    section.get_by_label("Pupil voice").check()
    section.get_by_label("The SEND governor's visit").check()
    return tool, section


def test_a_date_and_choose_several_are_native_controls_without_script(browser, new_types_page):
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(new_types_page)
    assert plain.locator("#review-date--answer").get_attribute("type") == "date"
    assert plain.get_by_label("When was the SEN information report last reviewed?").count() == 1
    group = plain.get_by_role("group", name="What did the review draw on?")
    assert [box.get_attribute("type") for box in group.get_by_role("checkbox").all()] == ["checkbox"] * 3
    assert [plain.get_by_label(words).count() for words in ("Pupil voice", "A survey of parents", "The SEND governor's visit")] == [1, 1, 1]
    context.close()


def test_a_date_and_choices_are_saved_reloaded_counted_and_cleared(page, new_types_page):
    tool, section = answer_the_review(page, new_types_page)
    tool.wait_saved()
    assert tool.answers() == {"review-date": {"answer": "2027-01-14"},
                              "review-sources": {"pupil-voice": "chosen", "governor-visit": "chosen"}}
    assert axe_violations(page) == []

    page.reload()
    tool = open_tool(page, new_types_page + "#review", "test-audit")
    section = tool.section()
    assert section.locator("#review-date--answer").input_value() == "2027-01-14"
    assert [box.is_checked() for box in section.get_by_role("checkbox", name="Pupil voice").all() +
            section.get_by_role("checkbox", name="A survey of parents").all() +
            section.get_by_role("checkbox", name="The SEND governor's visit").all()] == [True, False, True]
    tool.go("#overview")
    review = page.locator(".task-list__item", has=page.get_by_role("link", name="Review"))
    assert lines(review) == ["Review", "2 of 2 answered", "In progress"]

    tool.go("#review")
    section.get_by_label("Pupil voice").uncheck()
    section.get_by_label("The SEND governor's visit").uncheck()
    section.locator("#review-date--answer").fill("")
    tool.wait_saved()
    assert tool.answers() == {}


def test_a_review_point_comparison_shows_dates_in_words_and_each_choice(page, new_types_page):
    tool, section = answer_the_review(page, new_types_page)
    tool.go("#review-points")
    page.get_by_label("Name of the review point").fill("Spring 2027")
    page.get_by_role("button", name="Save a review point").click()
    tool.go("#review")
    section.locator("#review-date--answer").fill("2027-03-01")
    section.get_by_label("A survey of parents").check()
    section.get_by_label("The SEND governor's visit").uncheck()
    tool.go("#review-points")
    page.get_by_role("link", name="Compare with now (Spring 2027)").click()
    expect(page.locator("#compare-changes tbody tr")).to_have_count(3)
    rows = [[cell.strip() for cell in row.split("\t")] for row in page.locator("#compare-changes tbody tr").all_inner_texts()]
    assert [row[-3:] for row in rows] == [
        ["Answer", "14 January 2027", "1 March 2027"],
        ["A survey of parents", "Not chosen", "Chosen"],
        ["The SEND governor's visit", "Chosen", "Not chosen"]]
    assert axe_violations(page) == []


def test_two_tabs_ticking_different_choices_keep_both(context, new_types_page):
    context.add_init_script("delete Navigator.prototype.locks;")
    url = new_types_page + "#review"
    first = open_tool(context.new_page(), url, "test-audit")
    first.section().get_by_label("Pupil voice").check()
    first.wait_saved()
    second = open_tool(context.new_page(), url, "test-audit")
    second.section().get_by_label("A survey of parents").check()
    second.wait_saved()
    first.section().get_by_label("The SEND governor's visit").check()
    first.wait_saved()
    assert first.answers() == {"review-sources": {"pupil-voice": "chosen", "parent-survey": "chosen", "governor-visit": "chosen"}}


def test_keyboard_only_choices_are_ticked_with_space(page, new_types_page):
    tool = open_tool(page, new_types_page + "#review", "test-audit")
    page.locator("#review-date--answer").focus()
    for _ in range(5):   # through the date box's day, month and year
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != "review-date--answer":
            break
    assert page.evaluate("document.activeElement.id") == "review-sources--pupil-voice"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    tool.wait_saved()
    assert tool.answers() == {"review-sources": {"pupil-voice": "chosen", "governor-visit": "chosen"}}
