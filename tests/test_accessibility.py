"""Accessibility, as the release requires it, in a real Chromium: what the other test files leave out.

The release requirement, each part and the tests that cover it (here, unless another file is named):

- axe-core, WCAG 2.2 A and AA rules, zero violations:
  - every built page as it opens, from file:// and over http: test_browser.test_page_opens_cleanly_and_passes_axe;
  - every view of every framework, empty and filled, the comparison and the confirm dialog:
    test_rating.test_every_view_passes_axe_empty_and_filled; blocked and full storage, a second tab:
    test_rating.test_blocked_storage_..., test_full_storage_..., test_two_tabs_...;
  - errors shown: the file error summary, test_files.test_a_bad_file_says_why_and_changes_nothing_saved (its
    "wrong type" case) and after a download, test_files.test_download_holds_everything_...; a number field and a
    grid cell that are not numbers: test_number_and_grid_errors_pass_axe_and_are_marked_as_gov_uk_does;
  - the print layout of the full report, partly filled, print media emulated: test_the_printed_report_passes_axe.
- Keyboard-only journeys: rate a section, test_rating.test_keyboard_only_a_whole_section_is_rated_and_marked_completed
  and test_browser.test_keyboard_only_a_statement_can_be_rated_and_evidenced_with_visible_focus; compare a review
  point, test_rating.test_keyboard_only_review_points_and_assessments and, with the focus indicator checked at every
  key press, test_keyboard_only_compare_a_review_point_with_visible_focus_at_every_step; add an action,
  test_results.test_keyboard_only_create_edit_and_reorder_actions; download and load a file,
  test_files.test_keyboard_only_download_and_load_a_file.
- Focus always visible: every stop of the Tab order through every kind of view, with every kind of control,
  test_tab_reaches_every_kind_of_control_and_focus_is_always_visible; every element the page itself moves focus
  to, test_where_the_page_moves_focus_it_is_visible.
- Focus moves sensibly between views: to each view's heading,
  test_rating.test_views_follow_back_forward_and_bookmarks_and_focus_their_heading and
  test_one_h1_and_focus_on_the_visible_heading_of_every_view (which also needs the heading in the window); in the
  window at 400% zoom, test_the_heading_a_view_moves_focus_to_is_on_screen_at_400_percent_zoom.
- A skip link: test_browser.test_keyboard_skip_link_moves_to_the_main_content.
- One h1 per view: test_browser (each page as it opens) and test_one_h1_and_focus_on_the_visible_heading_of_every_view.
- Every control has a name: axe's rules (label, button-name, link-name, select-name, ...) in every test above, and
  Chromium's own accessibility tree for every control of every framework page,
  test_every_control_has_a_name_in_the_accessibility_tree.
- Error messages follow the GOV.UK error summary pattern: focus, "There is a problem", a link to the field, the
  same message beside the field, test_files.test_a_bad_file_says_why_and_changes_nothing_saved; the link takes
  the keyboard to the field, test_the_error_summary_link_takes_the_keyboard_to_the_file_field; the page title
  says "Error:", test_the_page_title_starts_with_error_while_the_error_summary_shows; number fields,
  test_number_and_grid_errors_pass_axe_and_are_marked_as_gov_uk_does.
- Reflow (WCAG 1.4.10): every page as it opens at 320 px, test_browser.test_pages_reflow_to_320_pixels_...; every
  view state (empty, partly filled, errors shown, the file preview, the comparison, a dialog) in a 320 x 640 window
  and at 1280 x 1024 zoomed to 400% (320 x 256 CSS pixels), test_every_view_state_reflows_without_loss.
- Valid HTML of every page and of the pages as their scripts leave them: test_html_checker.py.
- The accessibility statement, content/accessibility.md, says what these tests check, and no more.
"""
from contextlib import contextmanager

import pytest
from playwright.sync_api import expect

import build
from conftest import assert_focus, axe_violations, open_tool
from test_html_checker import RATE_MOST
from test_results import NO_DIALOG

FRAMEWORKS = ["send-self-evaluation", "send-audit-rag", "herts-send-benchmark", "good-to-great-send", "lls-send-review"]
PANELS = ["#" + view.id for view in build.VIEWS if view.title]   # the views with a link in the tool bar

# Evidence as schools write it: a path on the shared drive, long and unbroken, which must wrap, not widen the page.
EVIDENCE = r"Provision map, see S:\SEND\Evidence\2026-27\Autumn-term\Provision-map-final-version-3-agreed-by-governors.xlsx"

# A 320 px wide window (WCAG 1.4.10's width), and 1280 x 1024 at 400% zoom: 320 x 256 CSS pixels. Both are drawn
# with 4 device pixels to each CSS pixel, as Chromium draws a page zoomed to 400%.
WINDOWS = {"320px": {"width": 320, "height": 640}, "400%": {"width": 320, "height": 256}}
ZOOM = 4

# The first three text boxes, number fields, date fields and grid cells of every section, filled in.
FILL_TEXT = """([text, number]) => {
    const data = JSON.parse(document.getElementById('framework-data').textContent);
    for (const section of data.sections) {
        const boxes = document.getElementById(section.id).querySelectorAll(
            'textarea:enabled, input[type=text]:enabled, input[type=date]:enabled');
        for (const box of [...boxes].slice(0, 3)) {
            box.value = box.type === 'date' ? '2026-11-20' : box.inputMode === 'decimal' ? number : text;
            box.dispatchEvent(new Event('input', {bubbles: true}));
        }
    }
}"""

CONTROLS = "a[href], button, input, select, textarea, summary, [tabindex]:not([tabindex='-1'])"


def sections_of(page):
    return page.evaluate("JSON.parse(document.getElementById('framework-data').textContent).sections.map(s => s.id)")


def heading_of(fragment):
    """The id of the heading a view moves focus to."""
    name = fragment.lstrip("#")
    if name == "overview":
        return "framework-title"
    return "compare-title" if name.startswith("compare-") else f"{name}-title"


# Change the fragment, as a bookmark would; once the page has handled the change, say where the focus is.
SHOW = """hash => new Promise(resolve => {
    if (location.hash === hash) { history.replaceState(null, '', '#'); }
    window.addEventListener('hashchange', () => setTimeout(() => resolve(document.activeElement.id)), {once: true});
    location.hash = hash;
})"""


def show(page, fragment):
    """Show a view; the view moves focus to its heading."""
    assert page.evaluate(SHOW, fragment) == heading_of(fragment)


# Wait until focus is on the element, then for the browser to draw (two frames).
ARRIVE = """id => new Promise((resolve, reject) => {
    const give_up = setTimeout(() => reject(new Error(`focus never reached #${id}`)), 5000);
    const wait = () => document.activeElement.id !== id ? requestAnimationFrame(wait)
        : requestAnimationFrame(() => requestAnimationFrame(() => { clearTimeout(give_up); resolve(); }));
    wait();
})"""


def follow(page, selector):
    """Follow the link with the keyboard, as a user does: focus it, press Enter; wait until the view it shows has
    moved focus to its heading and the browser has drawn it. Returns the link's fragment."""
    fragment = page.evaluate("s => { const a = document.querySelector(s); a.focus(); return a.getAttribute('href'); }",
                             selector)
    page.keyboard.press("Enter")
    page.evaluate(ARRIVE, heading_of(fragment))
    return fragment


def fill_partly(tool, number="12"):
    """Most statements rated, some text in every section, an overdue action, and a review point with one change
    since; returns the comparison's fragment."""
    page = tool.page
    page.evaluate(RATE_MOST)
    page.evaluate(FILL_TEXT, [EVIDENCE, number])
    show(page, "#plan")
    page.get_by_role("button", name="Add an action").click()
    page.keyboard.type("Train every teaching assistant in the new one-page profiles")
    review = page.locator("#action-list [id$='--review']")
    review.fill("2020-01-31")
    review.dispatch_event("change")  # overdue
    show(page, "#review-points")
    page.get_by_role("button", name="Save a review point").click()
    page.evaluate("""() => {  // one answer changed since the review point: a rating, or else a text
        const chosen = document.querySelector('.rating input:checked');
        if (chosen) { [...document.getElementsByName(chosen.name)].find(radio => radio !== chosen).click(); return; }
        const box = document.querySelector('.section textarea');
        box.value += ' (updated)';
        box.dispatchEvent(new Event('input', {bubbles: true})); }""")
    tool.leave_field()
    tool.wait_saved()
    return page.get_by_role("link", name="Compare with now").first.get_attribute("href")


@contextmanager
def window_page(browser, viewport, scale=1):
    """A page in a fresh profile with this window size, failing the test on any script error or console warning."""
    context = browser.new_context(viewport=viewport, device_scale_factor=scale, locale="en-GB")
    context.set_default_timeout(5000)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: errors.append(message.text) if message.type in ("error", "warning") else None)
    try:
        yield page
        assert errors == []
    finally:
        context.close()


# ---------------------------------------------------------------- axe: the print layout, errors shown

@pytest.mark.parametrize("name", FRAMEWORKS)
def test_the_printed_report_passes_axe(name, page, fresh_site):
    page.add_init_script(NO_DIALOG)
    tool = open_tool(page, (fresh_site / f"{name}.html").as_uri(), name)
    fill_partly(tool)
    show(page, "#overview")
    page.get_by_role("button", name="Print the full report").click()
    assert page.evaluate("window.printedDocument") == "report"
    page.emulate_media(media="print")
    assert page.locator("#summary").is_visible() and page.locator(".section").first.is_visible()  # the whole report
    assert axe_violations(page) == []


def error_message_pattern(page, control_id):
    """How a field in error is marked, as the GOV.UK error message component marks it: a message with a
    visually hidden "Error:", between the label and the field, named by aria-describedby; aria-invalid."""
    return page.evaluate("""id => {
        const field = document.getElementById(id), message = document.getElementById(id + '--flag');
        const label = field.labels[0];
        return {
            message: message.textContent,
            hidden: message.querySelector('.visually-hidden').textContent,
            visible: message.checkVisibility(),
            order: Boolean(label.compareDocumentPosition(message) & Node.DOCUMENT_POSITION_FOLLOWING)
                   && Boolean(message.compareDocumentPosition(field) & Node.DOCUMENT_POSITION_FOLLOWING),
            describedby: (field.getAttribute('aria-describedby') || '').split(' ').includes(id + '--flag'),
            invalid: field.getAttribute('aria-invalid'),
        };
    }""", control_id)


@pytest.mark.parametrize("name, section, field, message", [
    ("lls-send-review", "#context", "context-statistics--context-pct-send", "Error: Enter a number, like 12 or 12.5"),
    ("good-to-great-send", "#appendix-c-intervention-monitoring", "intervention-monitoring--weeks-needed",
     "Error: Enter a number, like 12 or 12.5"),
])
def test_number_and_grid_errors_pass_axe_and_are_marked_as_gov_uk_does(name, section, field, message, page, fresh_site):
    tool = open_tool(page, (fresh_site / f"{name}.html").as_uri() + section, name)
    page.locator(f"#{field}").fill("abc")
    assert error_message_pattern(page, field) == {"message": message, "hidden": "Error: ", "visible": True,
                                                   "order": True, "describedby": True, "invalid": "true"}
    assert axe_violations(page) == [], section
    if name == "good-to-great-send":  # a grid cell that is not a number: flagged, with a note it is described by
        show(page, "#part-one-c")
        cell = page.locator("[name='c-attainment-autumn--year-1.reading.below']")
        cell.fill("abc")
        note = page.locator("#c-attainment-autumn--year-1\\.reading\\.below--flag")
        assert note.is_visible() and note.text_content() == "Not a number, so its row and column have no total"
        assert "c-attainment-autumn--year-1.reading.below--flag" in cell.get_attribute("aria-describedby").split()
        assert axe_violations(page) == [], "#part-one-c"
    tool.leave_field()


# ---------------------------------------------------------------- the GOV.UK error summary

def refuse_a_file(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    nav = page.get_by_role("navigation", name="This assessment")
    nav.get_by_role("link", name="Download or load").focus()
    page.keyboard.press("Enter")
    assert_focus(page, "files-title")
    page.locator("#load-file").focus()
    page.set_input_files("#load-file", {"name": "notes.json", "mimeType": "application/json", "buffer": b"{not json"})
    assert_focus(page, "files-error")
    return tool


def test_the_error_summary_link_takes_the_keyboard_to_the_file_field(page, fresh_site):
    """GOV.UK: each error in the summary links to its field, and following the link puts focus on the field."""
    refuse_a_file(page, fresh_site)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "files-error-text"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id !== 'files-error-text'")
    assert page.evaluate("""() => ({focused: document.activeElement.id || document.activeElement.tagName,
        view: [...document.querySelectorAll('[data-view]')].filter(view => !view.hidden).map(view => view.id),
        summary: !document.getElementById('files-error').hidden})""") == {"focused": "load-file", "view": ["files"], "summary": True}


def test_the_page_title_starts_with_error_while_the_error_summary_shows(page, fresh_site):
    """GOV.UK's validation pattern, which its error summary refers to: "Error: " begins the page title, so that
    screen readers say it first."""
    refuse_a_file(page, fresh_site)
    assert page.title() == "Error: Download or load your answers - SEND Audit RAG rating - SEND Self-Evaluation Toolkit"


# ---------------------------------------------------------------- reflow: 320 px, and 400% zoom

# Everything a 320 px window would lose: the page scrolling sideways, a control cut off at either edge (one in a
# table or chart that scrolls on its own counts by that region's edges), content clipped by overflow: hidden (but
# a text field's own text, which the field scrolls), and anything but those regions and fields scrolling sideways.
REFLOW = """selector => {
    const own = '.table-scroll, .chart-figure';
    const describe = e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? `[name="${e.name}"]` : '')
        + (typeof e.className === 'string' && e.className ? '.' + e.className.trim().split(/\\s+/)[0] : '')
        + ` "${(e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 40)}"`;
    const shown = e => e.checkVisibility({visibilityProperty: true}) && !e.closest('.visually-hidden, .skip-link');
    const problems = [];
    const width = document.documentElement.scrollWidth;
    if (width > innerWidth) { problems.push(`the page is ${width} px wide in a ${innerWidth} px window`); }
    for (const e of document.querySelectorAll(selector)) {
        if (!shown(e) || !e.getClientRects().length) { continue; }
        const box = (e.closest(own) || e).getBoundingClientRect();
        if (box.left < -1 || box.right > innerWidth + 1) {
            problems.push(`${describe(e)} is cut off: it spans ${Math.round(box.left)} to ${Math.round(box.right)} px`);
        }
    }
    for (const e of document.querySelectorAll('body *')) {
        if (e.scrollWidth <= e.clientWidth + 1 || !e.clientWidth || !shown(e)) { continue; }
        const overflow = getComputedStyle(e).overflowX;
        if ((overflow === 'hidden' || overflow === 'clip') && !e.matches('input, textarea, select')) {
            problems.push(`${describe(e)} clips its content`);  // a text field scrolls its own text
        }
        if ((overflow === 'auto' || overflow === 'scroll') && !e.matches(own + ', textarea, select, input')) {
            problems.push(`${describe(e)} scrolls sideways`);
        }
    }
    return problems;
}"""


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_every_view_state_reflows_without_loss(name, browser, fresh_site):
    """Each view state is measured in both windows (the page is resized between them, as a user would resize or
    zoom): every view empty (with the first-time notice), every view and section partly filled with number fields
    in error and grid cells flagged, the comparison, a file's preview, the error summary and the confirm dialog."""
    with window_page(browser, WINDOWS["400%"], ZOOM) as page:
        tool = open_tool(page, (fresh_site / f"{name}.html").as_uri(), name)
        sections = [f"#{s}" for s in sections_of(page)]
        lost = {}

        def check(state):
            for window, size in WINDOWS.items():
                page.set_viewport_size(size)
                problems = page.evaluate(REFLOW, CONTROLS)
                if problems:
                    lost[f"{window}: {state}"] = problems

        for fragment in PANELS:  # a section empty holds nothing it does not hold filled
            show(page, fragment)
            check(f"empty {fragment}")
        compare = fill_partly(tool, number="about 20")  # number fields in error, grid cells flagged
        for fragment in PANELS + sections + [compare]:
            show(page, fragment)
            check(f"filled {fragment}")
        show(page, "#files")
        with page.expect_download() as download:
            page.get_by_role("button", name="Download my answers").click()
        page.set_input_files("#load-file", download.value.path())
        assert_focus(page, "load-preview-title")
        check("#files, a file's preview")
        page.set_input_files("#load-file", {"name": "notes.json", "mimeType": "application/json", "buffer": b"{not json"})
        expect(page.locator("#files-error")).to_be_visible()
        check("#files, the error summary")
        show(page, "#assessments")
        page.get_by_role("button", name="Delete").first.click()
        assert_focus(page, "confirm-no")
        check("#assessments, the confirm dialog")
        page.keyboard.press("Escape")
        assert lost == {}


# ---------------------------------------------------------------- headings and where focus goes

HEADINGS = """() => {
    const focused = document.activeElement, box = focused.getBoundingClientRect();
    return {
        h1: document.querySelectorAll('h1').length,
        visibleH1: [...document.querySelectorAll('h1')].filter(h => h.checkVisibility()).length,
        focused: focused.tagName.toLowerCase() + '#' + focused.id,
        shown: focused.checkVisibility({visibilityProperty: true}),
        box: [box.left, box.top, box.right, box.bottom].map(Math.round),
        window: [innerWidth, innerHeight],
    };
}"""


def heading_problems(state, seen):
    """What is wrong with a view's headings, in words: the h1 count, and the heading the view focused."""
    fragment = state.split()[-1]
    tag = "h1" if fragment == "#overview" else "h2"
    problems = []
    if seen["h1"] != 1 or seen["visibleH1"] != 1:
        problems.append(f"{state}: {seen['h1']} h1 elements, {seen['visibleH1']} of them visible")
    if seen["focused"] != f"{tag}#{heading_of(fragment)}":
        problems.append(f"{state}: focus is on {seen['focused']}, not the view's {tag}")
    left, top, right, bottom = seen["box"]
    width, height = seen["window"]
    if not seen["shown"] or left < 0 or top < 0 or right > width or bottom > height:
        problems.append(f"{state}: the focused {seen['focused']} spans {left} to {right} px across and {top} to "
                        f"{bottom} px down; the window shows 0 to {width} across and 0 to {height} down")
    return problems


NEXT_SECTION = """() => { const link = [...document.querySelectorAll('.section:not([hidden]) .section-nav a')]
    .find(a => a.textContent.startsWith('Next section')); return link ? link.getAttribute('href') : null; }"""


@pytest.mark.parametrize("name", FRAMEWORKS)
def test_one_h1_and_focus_on_the_visible_heading_of_every_view(name, page, fresh_site):
    """The page's h1 (the framework's title) is shared by every view; each view is headed by an h2 (the overview by
    the h1 itself), which receives focus when the view is chosen, and is visible in the window. Views are chosen as
    a keyboard user chooses them: the tool bar's links, a section's link on the overview, then each section's
    "Next section" link, and a review point's "Compare with now" link; every view empty, then the tool bar's views
    and the comparison partly filled."""
    tool = open_tool(page, (fresh_site / f"{name}.html").as_uri(), name)
    seen = {}

    def walk(state, sections=True, compare=None):
        for fragment in PANELS:
            follow(page, f".tool-bar__nav a[href='{fragment}']")
            seen[f"{state} {fragment}"] = page.evaluate(HEADINGS)
        follow(page, ".tool-bar__nav a[href='#overview']")
        link = sections and "#overview .task-list a"
        while link:
            fragment = follow(page, link)
            seen[f"{state} {fragment}"] = page.evaluate(HEADINGS)
            following = page.evaluate(NEXT_SECTION)
            link = following and f".section:not([hidden]) .section-nav a[href='{following}']"
        if compare:
            follow(page, ".tool-bar__nav a[href='#review-points']")
            follow(page, f"#review-point-list a[href='{compare}']")
            seen[f"{state} {compare}"] = page.evaluate(HEADINGS)

    walk("empty")  # empty, the first-time notice puts every view's heading furthest down the page
    walk("filled", sections=False, compare=fill_partly(tool))  # a section holds no heading its answers change
    assert len(seen) == 2 * len(PANELS) + len(sections_of(page)) + 1
    assert [problem for state, found in seen.items() for problem in heading_problems(state, found)] == []


def test_the_heading_a_view_moves_focus_to_is_on_screen_at_400_percent_zoom(browser, fresh_site):
    """At 1280 x 1024 zoomed to 400% (320 x 256 CSS pixels), choosing a view with the keyboard from the tool bar, a
    section from the overview or a review point's comparison must bring the view's heading, which receives the
    focus, into the window; else the window still shows the top of the page, and a sighted keyboard user cannot
    see where the focus went."""
    with window_page(browser, WINDOWS["400%"], ZOOM) as page:
        tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
        compare = fill_partly(tool)
        show(page, "#overview")
        problems = []
        for link in [f".tool-bar__nav a[href='{fragment}']" for fragment in PANELS[1:] + ["#overview"]] + [
                "#overview .task-list a", ".tool-bar__nav a[href='#review-points']", f"a[href='{compare}']"]:
            fragment = follow(page, link)
            problems += heading_problems(f"400% {fragment}", page.evaluate(HEADINGS))
        assert problems == []


# ---------------------------------------------------------------- focus visible

# The styles of every control at rest, to tell a focus indicator from the control's own look.
AT_REST = """selector => {
    window.atRest = new Map();
    for (const e of document.querySelectorAll(selector)) {
        const style = getComputedStyle(e);
        window.atRest.set(e, {shadow: style.boxShadow, background: style.backgroundColor});
    }
}"""

# What has the focus, what kind of control it is, and whether its focus indicator shows: an outline that is not
# transparent, or a box shadow or a background that differs from the control's at rest; and whether any of it
# can be seen (on screen, not covered by something else). Within a date field, Chromium's day, month and year
# parts make the field :focus-visible; its calendar button, the last stop, does not.
FOCUS = """() => {
    const e = document.activeElement;
    if (!e || e === document.body) { return null; }
    const style = getComputedStyle(e);
    const rest = (window.atRest && window.atRest.get(e)) || {shadow: 'none', background: 'rgba(0, 0, 0, 0)'};
    const transparent = colour => colour === 'transparent' || /^rgba\\(.*,\\s*0\\)$/.test(colour);
    const kind = e.matches('a[href]') ? 'link' : e.matches('button') ? 'button'
        : e.matches('input[type=radio]') ? 'radio' : e.matches('input[type=checkbox]') ? 'checkbox'
        : e.matches('input[type=file]') ? 'file input'
        : e.matches('input[type=date]') ? (e.matches(':focus-visible') ? 'date input' : 'date picker button')
        : e.matches('input') ? 'text input' : e.matches('textarea') ? 'textarea' : e.matches('select') ? 'select'
        : e.matches('summary') ? 'summary' : e.matches('[role=region][tabindex="0"]') ? 'scrollable region'
        : e.matches('[tabindex="-1"]') ? 'focused by the page' : 'other';
    const box = e.getBoundingClientRect();
    const points = [[0.5, 0.5], [0.1, 0.1], [0.9, 0.1], [0.1, 0.9], [0.9, 0.9]]
        .map(([x, y]) => [box.left + box.width * x, box.top + box.height * y])
        .filter(([x, y]) => x >= 0 && y >= 0 && x < innerWidth && y < innerHeight);
    const mine = hit => hit && (hit === e || e.contains(hit) || [...(e.labels || [])].some(label => label.contains(hit)));
    return {
        kind,
        id: e.id,
        what: e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.name ? `[name="${e.name}"]` : '')
              + ` "${(e.textContent || e.value || '').trim().replace(/\\s+/g, ' ').slice(0, 50)}"`,
        indicator: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 1 && !transparent(style.outlineColor))
                   || (style.boxShadow !== 'none' && style.boxShadow !== rest.shadow)
                   || style.backgroundColor !== rest.background,
        seen: points.some(([x, y]) => mine(document.elementFromPoint(x, y))),
        visibleFocus: e.matches(':focus-visible'),
        end: Boolean(e.closest('footer')),
    };
}"""

KINDS = {"link", "button", "radio", "checkbox", "text input", "date input", "textarea", "select", "file input",
         "summary", "scrollable region"}


def focus_problems(page, state, key="Tab"):
    """Press the key; the focused element's description, or a problem if its focus is not visible."""
    page.keyboard.press(key)
    focus = page.evaluate(FOCUS)
    if focus is None:
        return None, None
    problem = None
    if not (focus["indicator"] and focus["seen"]):
        problem = (f"{state}: {focus['kind']} {focus['what']}: "
                   + ("no focus indicator" if not focus["indicator"] else "covered or off screen"))
    return focus, problem


def test_tab_reaches_every_kind_of_control_and_focus_is_always_visible(page, fresh_site):
    """Tab from a view's heading to the footer, in every kind of view of a framework with levels, a table of rows
    with dates, its summary, a plan with an action, files, assessments, review points and a comparison; and in a
    section with grids and one with exemplars. Every stop must show a focus indicator that can be seen."""
    tool = open_tool(page, (fresh_site / "herts-send-benchmark.html").as_uri(), "herts-send-benchmark")
    compare = fill_partly(tool)
    kinds, problems = set(), []

    def sweep(fragment):
        show(page, fragment)
        page.evaluate(AT_REST, CONTROLS)
        pending, pictured = None, False
        for _ in range(400):
            focus, problem = focus_problems(page, fragment)
            if pending:  # the calendar button's ring is drawn inside the date field: did the field change as focus left?
                field, shot, field_id = pending
                if field.screenshot() == shot:
                    problems.append(f"{fragment}: the calendar button of date field #{field_id}: no focus indicator")
                pending = None
            if focus is None or focus["end"]:
                return
            kinds.add(focus["kind"])
            if problem and focus["kind"] == "date picker button":
                if not pictured:  # every date field is styled alike: the first of each view is pictured
                    field = page.locator(f"[id='{focus['id']}']")
                    pending, pictured = (field, field.screenshot(), focus["id"]), True
            elif problem:
                problems.append(problem)
        raise AssertionError(f"Tab never left {fragment}")

    for fragment in PANELS + ["#about-this-benchmarking", "#outcome-1", compare]:
        sweep(fragment)
    open_tool(page, (fresh_site / "good-to-great-send.html").as_uri(), "good-to-great-send")
    sweep("#part-one-c")
    open_tool(page, (fresh_site / "send-self-evaluation.html").as_uri(), "send-self-evaluation")
    sweep("#outcomes")
    assert problems == []
    assert KINDS <= kinds, KINDS - kinds


def focus_shown(page, element_id):
    """Wait for the page to move focus to the element; say whether its focus indicator shows."""
    assert_focus(page, element_id)
    focus = page.evaluate(FOCUS)
    return element_id if focus["indicator"] and focus["seen"] else f"{element_id}: no focus indicator, or out of sight"


def test_where_the_page_moves_focus_it_is_visible(page, fresh_site):
    """After a key press, the page moves focus to a view's heading, a statement, a message saying what was done,
    the error summary, a file's preview, a dialog's safe button or the main content; each shows the focus."""
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    tool.page.evaluate("document.querySelector(\"input[name='leadership-1--rag'][value='red']\").click()")
    keys, seen = page.keyboard, []

    def choose(link_name, heading_id):
        """Open a view from the tool bar and wait for the page to move focus to its heading, as the next key needs."""
        page.get_by_role("navigation", name="This assessment").get_by_role("link", name=link_name).focus()
        keys.press("Enter")
        assert_focus(page, heading_id)

    keys.press("Tab")  # the skip link
    keys.press("Enter")
    seen.append(focus_shown(page, "main"))
    choose("Summary", "summary-title")
    seen.append(focus_shown(page, "summary-title"))
    choose("Overview", "framework-title")
    seen.append(focus_shown(page, "framework-title"))
    page.get_by_role("link", name="Culture, Leadership and Management").focus()
    keys.press("Enter")
    seen.append(focus_shown(page, "leadership-title"))
    choose("Priorities", "priorities-title")
    page.locator("#priority-list .priority__statement a").first.focus()
    keys.press("Enter")
    seen.append(focus_shown(page, "leadership-1-text"))

    choose("Action plan", "plan-title")
    page.locator("#add-action").focus()
    keys.press("Enter")
    keys.type("Train governors")
    page.get_by_role("button", name="Delete action 1").focus()
    keys.press("Enter")
    seen.append(focus_shown(page, "plan-message-text"))

    choose("Your assessments", "assessments-title")
    page.get_by_role("button", name="Duplicate Untitled assessment").focus()
    keys.press("Enter")
    seen.append(focus_shown(page, "done-message"))
    delete = page.get_by_role("button", name="Delete Untitled assessment").first
    delete.focus()
    keys.press("Enter")
    seen.append(focus_shown(page, "confirm-no"))
    keys.press("Escape")
    expect(delete).to_be_focused()  # back where the user was

    choose("Download or load", "files-title")
    page.locator("#download-answers").focus()
    with page.expect_download() as download:
        keys.press("Enter")
    seen.append(focus_shown(page, "files-message-text"))
    page.locator("#load-file").focus()
    page.set_input_files("#load-file", download.value.path())
    seen.append(focus_shown(page, "load-preview-title"))
    page.locator("#load-cancel").focus()
    keys.press("Enter")
    page.locator("#load-file").focus()
    page.set_input_files("#load-file", {"name": "notes.json", "mimeType": "application/json", "buffer": b"{not json"})
    seen.append(focus_shown(page, "files-error"))
    assert seen == ["main", "summary-title", "framework-title", "leadership-title", "leadership-1-text",
                    "plan-message-text", "done-message", "confirm-no", "files-message-text", "load-preview-title",
                    "files-error"]


def test_keyboard_only_compare_a_review_point_with_visible_focus_at_every_step(page, fresh_site):
    """Rate, save a review point, change the rating and compare, with the keyboard alone from the top of the page;
    after every key press the focus is where it should be, and its indicator shows."""
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), "send-audit-rag")
    keys, problems = page.keyboard, []

    def press(key, state):
        focus, problem = focus_problems(page, state, key)
        if problem:
            problems.append(problem)
        return focus

    def tab_to(test, state, key="Tab", limit=80):
        for _ in range(limit):
            focus = press(key, state)
            if focus and page.evaluate(test):
                return
        raise AssertionError(f"{key} never reached {test}")

    def heading(element_id):
        shown = focus_shown(page, element_id)
        if shown != element_id:
            problems.append(shown)

    def rate_then_open_review_points(key):
        """From the overview: into the section, onto statement 1's RAG rating, the key, then up to Review points."""
        tab_to("document.activeElement.textContent === 'Culture, Leadership and Management'", "overview")
        press("Enter", "overview")
        heading("leadership-title")
        tab_to("document.activeElement.name === 'leadership-1--rag'", "#leadership")
        press(key, "#leadership")
        tab_to("document.activeElement.textContent === 'Review points'", "#leadership", key="Shift+Tab")
        press("Enter", "#leadership")
        heading("review-points-title")

    rate_then_open_review_points("Space")  # Red
    tab_to("document.activeElement.id === 'review-point-name'", "#review-points")
    keys.press("Control+A")
    keys.type("Baseline")
    press("Enter", "#review-points")
    expect(page.locator("#done-message")).to_have_text("Review point saved: Baseline.")
    tab_to("document.activeElement.textContent === 'Overview'", "#review-points", key="Shift+Tab")
    press("Enter", "#review-points")
    heading("framework-title")
    rate_then_open_review_points("ArrowRight")  # Amber
    tab_to("document.activeElement.textContent === 'Compare with now (Baseline)'", "#review-points")
    press("Enter", "#review-points")
    heading("compare-title")
    assert page.locator("#compare-title").inner_text() == "What has changed since Baseline"
    assert page.locator("#compare-changes tbody td").all_inner_texts()[-2:] == ["Red", "Amber"]
    assert tool.answers() == {"leadership-1": {"rag": "amber"}}
    assert problems == []


# ---------------------------------------------------------------- every control has a name

@pytest.mark.parametrize("name", FRAMEWORKS)
def test_every_control_has_a_name_in_the_accessibility_tree(name, page, fresh_site):
    """Chromium's own accessibility tree (what a screen reader is given), with every view shown at once, partly
    filled, an action and a review point added: every control, link, summary and scrollable region has a name."""
    tool = open_tool(page, (fresh_site / f"{name}.html").as_uri(), name)
    fill_partly(tool)
    count = page.evaluate("""selector => {
        document.querySelectorAll('[data-view]').forEach(view => { view.hidden = false; });
        const shown = [...document.querySelectorAll(selector)].filter(e => e.checkVisibility());
        shown.forEach((e, index) => e.setAttribute('data-name-check', index));
        return shown.length;
    }""", CONTROLS)
    cdp = page.context.new_cdp_session(page)
    marked = {}

    def walk(node):
        attributes = node.get("attributes", [])
        pairs = dict(zip(attributes[::2], attributes[1::2]))
        if "data-name-check" in pairs:
            marked[node["backendNodeId"]] = (node["nodeName"].lower(), pairs.get("id") or pairs.get("name") or "")
        for child in node.get("children", []):
            walk(child)

    walk(cdp.send("DOM.getDocument", {"depth": -1})["root"])
    tree = {node["backendDOMNodeId"]: node for node in cdp.send("Accessibility.getFullAXTree")["nodes"]
            if "backendDOMNodeId" in node}
    unnamed = []
    for backend, (tag, ident) in marked.items():
        node = tree.get(backend)
        if node is None or node.get("ignored"):
            unnamed.append(f"{tag}#{ident}: not in the accessibility tree")
        elif not node.get("name", {}).get("value", "").strip():
            unnamed.append(f"{tag}#{ident} ({node['role']['value']}): no name")
    assert len(marked) == count > 100
    assert unnamed == []
