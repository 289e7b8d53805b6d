"""Comparing raters' judgements (#moderation): four people's assessments of seed 000 and of seed 002, saved in the
browser, put side by side; the statements in the order Python computes from the same records (furthest apart first),
each person's ratings in words, the filter, the messages for a wrong choice, axe, and the keyboard only."""
import json
import re
import subprocess

import pytest
from playwright.sync_api import expect

from conftest import PREFIX, Tool, axe_violations, open_tool, url_of
from test_results import NO_DIALOG, print_document
from test_file_checks import answers_file, record

RATERS = [("J. Smith", "SENCO"), ("A. Patel", "Headteacher"), ("L. Grant", "SEND governor"),
          ("R. Okafor", "External SEN/D professional")]
ORDER = {"more": 3, "one": 2, "missing": 1, "agree": 0}
WORDS = {"more": "Further apart", "one": "One point apart", "missing": "Not rated by everyone", "agree": "All agree"}


def framework_data(page):
    return json.loads(page.locator("#framework-data").text_content())


def statements(data):
    return [(section["id"], item) for section in data["sections"] for item in section["items"]
            if item["type"] == "statement" and item.get("ratings")]


def four_raters(data):
    """Four people's answers: each statement's ratings walk the scale at a pace of their own, and some are skipped."""
    records = []
    for number, (name, role) in enumerate(RATERS):
        answers = {}
        for place, (_, item) in enumerate(statements(data)):
            answer = {}
            for rating in item["ratings"]:
                points = data["scales"][rating["scale"]]["points"]
                if (place + number) % 7 == 6:
                    continue   # not rated by this person
                answer[rating["id"]] = points[(place * (number + 1) // 3 + (number if place % 4 == 0 else 0)) % len(points)]["value"]
            if number == 2 and place % 5 == 0:
                answer["evidence"] = f"Seen on the governors' visit, statement {place + 1}"
            if answer:
                answers[item["id"]] = answer
        records.append(record(data["framework"], answers, id=f"a-rater-{number}", rater=name, role=role,
                              frameworkVersion=data["version"]))
    return records


def apart(scale, values):
    """How far apart, as moderation.js says it: (agreement, spread); spread None where it is not a distance."""
    given = [value for value in values if value is not None]
    points = [next(point for point in scale["points"] if point["value"] == value) for value in given]
    not_applicable = sum(1 for point in points if point.get("not_applicable"))
    if not_applicable and not_applicable < len(given):
        return "more", None
    places = [scale["points"].index(point) for point in points]
    spread = max(places) - min(places) if places else 0
    return ("more" if spread > 1 else "one" if spread == 1 else "missing" if len(given) < len(values) else "agree"), spread


def expected_order(data, records):
    """Each statement's id and how far apart, the furthest first, as computed here from the records."""
    found = []
    for place, (_, item) in enumerate(statements(data)):
        judged = [apart(data["scales"][rating["scale"]], [r["answers"].get(item["id"], {}).get(rating["id"]) for r in records])
                  for rating in item["ratings"]]
        widest = max(judged, key=lambda j: (ORDER[j[0]], float("inf") if j[1] is None else j[1]))
        found.append((item["id"], widest[0], widest[1], place))
    found.sort(key=lambda f: (-ORDER[f[1]], -(float("inf") if f[2] is None else f[2]), f[3]))
    return [(ident, agreement) for ident, agreement, _, _ in found]


def save_records(page, framework, records):
    page.evaluate("([prefix, records]) => { records.forEach(r => localStorage.setItem(prefix + 'assessment:' + r.id, JSON.stringify(r)));"
                  " localStorage.setItem(prefix + 'current', records[0].id); }", [PREFIX.format(framework), records])


def shown_statements(page):
    """The statements in the table, in order, by their row headings; and each one's "how far apart" words."""
    return page.evaluate("""() => [...document.querySelectorAll('#moderation-table tbody th')].map(th => {
        const row = th.parentElement; return [th.firstChild.textContent, row.lastElementChild.textContent]; })""")


@pytest.mark.parametrize("framework", ["send-self-evaluation", "herts-send-benchmark"])
def test_four_raters_side_by_side_in_the_order_python_computes(framework, page, fresh_site, http_site):
    url = url_of("file", fresh_site, http_site, f"{framework}.html")
    open_tool(page, url, framework)
    data = framework_data(page)
    records = four_raters(data)
    save_records(page, framework, records)
    page.goto("about:blank")   # and open the page again, on what is saved
    open_tool(page, url + "#assessments", framework)
    page.get_by_role("link", name="Compare raters' judgements").click()
    expect(page.locator("#moderation-title")).to_be_focused()
    expect(page.locator("#moderation-problem")).to_have_text("Choose at least 2 assessments to compare.")
    for name, role in RATERS:
        page.get_by_label(f"{name}, {role} (Oak Primary, Autumn 2026)").check()
    expect(page.locator("#moderation-problem")).to_have_text("")
    expected = expected_order(data, records)
    names = page.evaluate("ids => ids.map(id => SendToolkit.panels.itemName(id))", [ident for ident, _ in expected])
    assert [row[0] for row in shown_statements(page)] == names
    headings = page.locator("#moderation-table thead th").all_inner_texts()
    assert headings == ["Statement", "Answer"] + [f"{name}, {role}" for name, role in RATERS] + ["How far apart"]
    tally = {agreement: sum(1 for _, a in expected if a == agreement) for agreement in ORDER}
    expect(page.locator("#moderation-summary")).to_have_text(
        f"4 people's judgements of {len(expected)} statements: {tally['more']} further apart than one point, {tally['one']} "
        f"one point apart, {tally['missing']} not rated by everyone, and {tally['agree']} where all agree.")
    assert tally["more"] and tally["one"]
    first = dict(statements_ids(data))[expected[0][0]]   # the furthest apart: each person's rating in words
    row = page.locator("#moderation-table tbody tr").first
    words = [cell.strip() for cell in row.inner_text().split("\t")]
    rating = first["ratings"][0]
    values = [r["answers"].get(first["id"], {}).get(rating["id"]) for r in records]
    labels = page.evaluate("([id, part, values]) => values.map(v => { const f = SendToolkit.answers.index("
                           "JSON.parse(document.getElementById('framework-data').textContent));"
                           " return SendToolkit.types.of(f.items[id]).valueText(f, f.items[id], part, v === null ? undefined : v); })",
                           [first["id"], rating["id"], values])
    assert words[2:6] == labels
    assert axe_violations(page) == []
    page.get_by_label("Show only the statements where they differ").check()
    assert len(shown_statements(page)) == len(expected) - tally["agree"]
    assert axe_violations(page) == []


def statements_ids(data):
    return [(item["id"], item) for _, item in statements(data)]


def test_choosing_whose_judgements_to_compare_by_keyboard_only_and_the_wrong_choices_said(page, fresh_site, http_site):
    """Over http under a sub-path: from Your assessments to the comparison and its filter by keyboard alone; one
    person chosen, the same person twice, and two settings each get a message that says what to do."""
    framework = "send-audit-rag"
    url = url_of("http", fresh_site, http_site, f"{framework}.html")
    open_tool(page, url, framework)
    records = four_raters(framework_data(page))
    records[3]["rater"], records[3]["role"] = RATERS[0]          # two say they are J. Smith, SENCO
    records[2]["setting"] = "Elm Primary"                         # and one rated another school
    save_records(page, framework, records)
    page.goto("about:blank")
    open_tool(page, url + "#assessments", framework)
    keys = page.keyboard
    link = page.get_by_role("link", name="Compare raters' judgements")
    link.focus()
    keys.press("Enter")
    expect(page.locator("#moderation-title")).to_be_focused()
    problem = page.locator("#moderation-problem")

    def tab_to(label, checked=None):
        """Tab to the first check box with this label (and, if given, this state)."""
        for _ in range(12):
            keys.press("Tab")
            here = page.evaluate("() => { const a = document.activeElement; "
                                 "return [a.labels && a.labels[0] ? a.labels[0].textContent : '', a.checked]; }")
            if here[0] == label and checked in (None, here[1]):
                return
        raise AssertionError(f"never reached {label}")

    tab_to("J. Smith, SENCO (Oak Primary, Autumn 2026)")
    keys.press("Space")
    expect(problem).to_have_text("Choose at least 2 assessments to compare.")
    page.locator("#moderation-title").focus()
    tab_to("L. Grant, SEND governor (Elm Primary, Autumn 2026)")
    keys.press("Space")
    expect(problem).to_have_text("The chosen assessments are of different settings (Oak Primary, Elm Primary): compare the "
                                 "judgements of one setting.")
    keys.press("Space")
    page.locator("#moderation-title").focus()
    tab_to("J. Smith, SENCO (Oak Primary, Autumn 2026)", checked=False)   # the other J. Smith
    keys.press("Space")
    expect(problem).to_have_text("Two of the chosen assessments say they were rated by J. Smith, SENCO: choose one of them, or "
                                 "correct “Your name” in the other (open it under Your assessments).")
    assert page.locator("#moderation-result").is_hidden()
    keys.press("Space")
    page.locator("#moderation-title").focus()
    tab_to("A. Patel, Headteacher (Oak Primary, Autumn 2026)")
    keys.press("Space")
    expect(problem).to_have_text("")
    expect(page.locator("#moderation-summary")).to_contain_text("2 people's judgements of 57 statements: ")
    every = len(shown_statements(page))
    tab_to("Show only the statements where they differ")
    keys.press("Space")
    differ = len(shown_statements(page))
    assert 0 < differ < every
    assert axe_violations(page) == []

    # and on to an agreed assessment of the two, still by keyboard alone
    def tab_until(what, most=40):
        for _ in range(most):
            keys.press("Tab")
            if page.evaluate(what):
                return
        raise AssertionError(f"never reached {what}")

    tab_until("() => document.activeElement.id === 'moderation-start'")
    keys.press("Enter")
    expect(page.locator("#done-message")).to_be_focused()
    tab_until("() => document.activeElement.id === 'moderation-accept'")
    keys.press("Enter")
    expect(page.locator("#done-message")).to_have_text(re.compile(r"^Accepted \d+ judgements? where everyone agrees\.$"))
    tool = Tool(page, framework)
    def rated(record):
        return sum(1 for answer in record["answers"].values() for part in answer if part != "evidence")
    accepted = rated(tool.record())
    tab_until("() => document.activeElement.tagName === 'SELECT' && document.activeElement.value === ''")
    chosen = page.evaluate("() => document.activeElement.dataset.agreedItem")
    keys.press("ArrowDown")   # the scale's first point
    tab_until("() => document.activeElement.tagName === 'TEXTAREA'", most=2)
    keys.type("Agreed at the meeting")
    tab_until("() => document.activeElement.id === 'moderation-by'", most=400)
    keys.type("R. Okafor")
    tab_until("() => document.activeElement.id === 'moderation-sign-off'", most=3)
    keys.press("Enter")
    expect(page.locator("#confirm-no")).to_be_focused()   # not every statement agreed: it asks first
    keys.press("Shift+Tab")
    expect(page.locator("#confirm-yes")).to_be_focused()
    keys.press("Enter")
    expect(page.locator("#done-message")).to_contain_text("Signed off: Moderated by R. Okafor, on ")
    tool.wait_saved()
    agreed = tool.record()
    assert rated(agreed) == accepted + 1 and chosen in agreed["answers"]
    assert agreed["moderation"]["notes"] == {chosen: "Agreed at the meeting"}
    assert agreed["moderation"]["by"] == "R. Okafor"


def test_people_s_files_are_added_compared_and_not_saved_and_a_bad_one_is_listed_with_why(page, fresh_site, http_site, tmp_path):
    """Files added straight to the comparison: four people's files and two that cannot be read. The four are compared
    at once; the two are listed, each with its reason; nothing is saved. Ten people are more than the 8 allowed."""
    framework = "send-audit-rag"
    tool = open_tool(page, url_of("file", fresh_site, http_site, f"{framework}.html") + "#moderation", framework)
    records = four_raters(framework_data(page))
    paths = []
    for number, one in enumerate(records):
        path = tmp_path / f"rater {number + 1}.json"
        path.write_text(answers_file(framework, [one]), encoding="utf-8")
        paths.append(path)
    (tmp_path / "cut short.json").write_text(answers_file(framework, [records[0]])[:300], encoding="utf-8")
    other = dict(records[0], framework="send-self-evaluation")
    (tmp_path / "another framework.json").write_text(answers_file("send-self-evaluation", [other]), encoding="utf-8")
    before = tool.storage()
    page.set_input_files("#moderation-files", [str(p) for p in paths] + [str(tmp_path / "cut short.json"),
                                                                          str(tmp_path / "another framework.json")])
    expect(page.locator("#moderation-refused-title")).to_have_text("2 files could not be added")
    assert page.locator("#moderation-refused-list li").all_inner_texts() == [
        "cut short.json: The file is incomplete: it starts as a file of answers but is cut short or damaged, so it cannot be "
        "read. It may not have finished downloading or copying. Download your answers again on the computer where they are saved.",
        "another framework.json: The file holds answers for another framework, “SEND Self Evaluation tool”, not for this one, "
        "“SEND Audit RAG rating”. Open that framework's page and load the file there."]
    labels = page.locator("#moderation-raters label").all_inner_texts()
    assert labels[-4:] == [f"{name}, {role} (Oak Primary, Autumn 2026, from rater {n + 1}.json)" for n, (name, role) in enumerate(RATERS)]
    assert [page.locator(f"#{box}").is_checked() for box in page.locator("#moderation-raters input").evaluate_all(
        "boxes => boxes.map(b => b.id)")][-4:] == [True] * 4
    expect(page.locator("#moderation-summary")).to_contain_text("4 people's judgements of 57 statements: ")
    names = page.evaluate("ids => ids.map(id => SendToolkit.panels.itemName(id))",
                          [ident for ident, _ in expected_order(framework_data(page), records)])
    assert [row[0] for row in shown_statements(page)] == names[:50]   # the 50 furthest apart first
    page.get_by_role("button", name="Show the other 7 statements").click()
    assert [row[0] for row in shown_statements(page)] == names
    expect(page.locator("#moderation-table tbody th").nth(50)).to_be_focused()   # the first statement it brought
    assert page.evaluate("document.activeElement.firstChild.textContent") == names[50]
    assert tool.storage() == before   # only compared: nothing saved
    assert axe_violations(page) == []

    more = []
    for number in range(6):
        extra = dict(records[number % 4], rater=f"Teacher {number + 1}", role="Class teacher", id=f"a-teacher-{number}")
        path = tmp_path / f"teacher {number + 1}.json"
        path.write_text(answers_file(framework, [extra]), encoding="utf-8")
        more.append(str(path))
    page.set_input_files("#moderation-files", more)
    expect(page.locator("#moderation-problem")).to_have_text("Choose at most 8 assessments to compare: 10 are chosen.")
    assert page.locator("#moderation-result").is_hidden()
    assert page.locator("#moderation-refused").is_hidden()


def all_gave_alike(data, records):
    """Each (statement, rating, value) that every rater gave alike, in the framework's order."""
    found = []
    for _, item in statements(data):
        for rating in item["ratings"]:
            values = [r["answers"].get(item["id"], {}).get(rating["id"]) for r in records]
            if values[0] is not None and all(value == values[0] for value in values):
                found.append((item["id"], rating["id"], values[0]))
    return found


def start_agreed(page, url, framework):
    """Four people's assessments saved (a third of the statements rated alike by everyone), compared, and an agreed
    assessment started from them: (the page's Tool, the framework data, the four records)."""
    open_tool(page, url, framework)
    data = framework_data(page)
    records = four_raters(data)
    for place, (_, item) in enumerate(statements(data)):
        if place % 3 == 0 and item["id"] in records[0]["answers"]:
            for other in records[1:]:
                other["answers"][item["id"]] = dict(records[0]["answers"][item["id"]])
    save_records(page, framework, records)
    page.goto("about:blank")
    tool = open_tool(page, url + "#moderation", framework)
    for name, role in RATERS:
        page.get_by_label(f"{name}, {role} (Oak Primary, Autumn 2026)").check()
    page.get_by_role("button", name="Start an agreed assessment").click()
    return tool, data, records


@pytest.mark.parametrize("framework,where", [("send-self-evaluation", "file"), ("herts-send-benchmark", "http")])
def test_an_agreed_assessment_is_started_agreed_signed_off_and_summarised(framework, where, page, fresh_site, http_site):
    """Four people's judgements become an agreed assessment: those all gave alike accepted at once (the ones Python
    finds), the furthest apart agreed by choosing, a moderation note, the sign-off refused without a name, then given;
    all of it saved, there again after the page opens anew, and on the summary; axe on each state."""
    url = url_of(where, fresh_site, http_site, f"{framework}.html")
    tool, data, records = start_agreed(page, url, framework)
    expect(page.locator("#done-message")).to_have_text(
        "Started an agreed assessment, “Oak Primary (agreed judgements), Autumn 2026”: choose the agreed judgement of each statement.")
    expect(page.locator("#done-message")).to_be_focused()
    agreed = tool.record()
    assert agreed["id"] not in [r["id"] for r in records]
    evidence = {ident: "\n\n".join(f"{n}, {role}: {r['answers'][ident]['evidence']}" for (n, role), r in zip(RATERS, records)
                                    if r["answers"].get(ident, {}).get("evidence"))
                for ident, _ in statements_ids(data)}
    assert agreed["answers"] == {ident: {"evidence": text} for ident, text in evidence.items() if text}   # what each gave, with who
    assert agreed["answers"]
    assert [(r["rater"], r["role"]) for r in agreed["moderation"]["raters"]] == RATERS
    assert agreed["participants"] == "\n".join(f"{name}, {role}" for name, role in RATERS)
    expect(page.locator("#moderation-agreeing")).to_contain_text("“Oak Primary (agreed judgements), Autumn 2026” is an agreed "
                                                                 "assessment of 4 people's judgements")
    assert page.locator("#moderation-choosing").is_hidden()
    headings = page.locator("#moderation-table thead th").all_inner_texts()
    assert headings[-2:] == ["How far apart", "Agreed judgement"]
    expect(page.locator("#moderation-agreed-count")).to_have_text(f"0 of {len(statements(data))} statements have an agreed judgement.")
    assert axe_violations(page) == []

    alike = all_gave_alike(data, records)
    assert alike
    accept = page.get_by_role("button", name=f"Accept the {len(alike)} judgements where everyone agrees")
    accept.click()
    expect(page.locator("#done-message")).to_have_text(f"Accepted {len(alike)} judgements where everyone agrees.")
    tool.wait_saved()
    saved = tool.record()["answers"]
    assert sorted((ident, rating, value) for ident, answer in saved.items() for rating, value in answer.items()
                  if rating != "evidence") == sorted(alike)
    assert page.locator("#moderation-accept").is_hidden()

    first_id = expected_order(data, records)[0][0]
    first = dict(statements_ids(data))[first_id]
    rating = first["ratings"][0]
    name = page.evaluate("id => SendToolkit.panels.itemName(id)", first_id)
    choice = page.locator(f"select[data-agreed-item='{first_id}'][data-agreed-rating='{rating['id']}']")
    label = choice.get_attribute("aria-label")
    assert label.startswith(f"Agreed judgement: {name}, ")
    options = choice.locator("option").all_inner_texts()
    givers = [n for (n, _), r in zip(RATERS, records) if r["answers"].get(first_id, {}).get(rating["id"]) is not None]
    assert options[0] == "Not agreed yet" and all(any(f"{n}" in o for o in options) for n in givers)
    value = data["scales"][rating["scale"]]["points"][1]["value"]
    page.get_by_label(label).select_option(str(value))
    tool.wait_saved()
    assert tool.record()["answers"][first_id][rating["id"]] == value
    note = page.get_by_label(f"Moderation note: {name}")
    note.fill("Agreed after looking at the provision map together")
    tool.leave_field()
    tool.wait_saved()
    assert tool.record()["moderation"]["notes"] == {first_id: "Agreed after looking at the provision map together"}

    expect(page.locator("#moderation-signed")).to_have_text("Not signed off yet.")
    page.get_by_role("button", name="Sign off").click()
    expect(page.locator("#moderation-by-error")).to_have_text("Give the name of who moderated the judgements.")
    expect(page.locator("#moderation-by")).to_be_focused()
    assert axe_violations(page) == []
    page.get_by_label("Moderated by").fill("R. Okafor")
    page.get_by_label("Their role").select_option("External SEN/D professional")
    page.get_by_role("button", name="Sign off").click()
    dialog = page.get_by_role("dialog")
    agreed = tool.record()["answers"]
    unagreed = sum(1 for _, item in statements(data)
                   if any(agreed.get(item["id"], {}).get(r["id"]) is None for r in item["ratings"]))
    expect(dialog.locator("h2, h3").first).to_have_text(f"Sign off with {unagreed} statements not agreed yet?")
    expect(page.locator("#confirm-no")).to_be_focused()   # the safe choice first
    assert axe_violations(page) == []
    dialog.get_by_role("button", name="Yes, sign off").click()
    today = page.evaluate("() => SendToolkit.dates.dayText(new Date().toISOString().slice(0, 10))")
    signed = f"Moderated by R. Okafor, External SEN/D professional, on {today}"
    expect(page.locator("#done-message")).to_have_text(f"Signed off: {signed}.")
    expect(page.locator("#moderation-signed")).to_have_text(f"{signed}.")
    assert page.locator("#moderation-by-error").is_hidden()
    tool.wait_saved()
    moderation = tool.record()["moderation"]
    assert (moderation["by"], moderation["role"]) == ("R. Okafor", "External SEN/D professional")

    page.goto("about:blank")   # the page again: all of it still there
    tool = open_tool(page, url + "#moderation", framework)
    expect(page.locator("#moderation-agreed-count")).to_contain_text("statements have an agreed judgement.")
    expect(page.get_by_label(label)).to_have_value(str(value))
    expect(page.get_by_label(f"Moderation note: {name}")).to_have_value("Agreed after looking at the provision map together")
    expect(page.locator("#moderation-signed")).to_have_text(f"{signed}.")
    assert axe_violations(page) == []
    tool.go("#summary")
    expect(page.locator("#summary-moderated")).to_have_text(f"{signed}.")
    assert axe_violations(page) == []


@pytest.mark.parametrize("framework", ["send-self-evaluation", "herts-send-benchmark"])
def test_the_moderation_record_prints_alone_and_ends_the_full_report(framework, page, fresh_site, http_site, tmp_path):
    """The moderation record on A4 landscape: who took part and who signed it off, each statement's ratings by person
    with the agreed judgement and its note, the furthest apart first; the full report of the agreed assessment ends
    with it, and a rater's own report has none of it."""
    page.add_init_script(NO_DIALOG)
    url = url_of("file", fresh_site, http_site, f"{framework}.html")
    tool, data, records = start_agreed(page, url, framework)
    order = [ident for ident, _ in expected_order(data, records)]
    names = page.evaluate("ids => ids.map(id => SendToolkit.panels.itemName(id))", order)
    first = dict(statements_ids(data))[order[0]]
    choice = page.locator(f"select[data-agreed-item='{order[0]}'][data-agreed-rating='{first['ratings'][0]['id']}']")
    choice.select_option(index=2)
    agreed_words = choice.locator("option:checked").inner_text()
    page.get_by_label(f"Moderation note: {names[0]}").fill("Agreed once the provision map was seen")
    page.get_by_label("Moderated by").fill("R. Okafor")
    page.get_by_label("Their role").select_option("External SEN/D professional")
    page.get_by_role("button", name="Sign off").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes, sign off").click()
    tool.wait_saved()

    text, info = print_document(page, "moderation", tmp_path / "moderation.pdf")
    assert info["Page size"].strip() == "841.92 x 594.96 pts (A4)"   # landscape: wider than tall
    assert text.startswith(f"Moderation record {page.locator('#framework-title').inner_text()}")
    assert "Moderation Moderated by R. Okafor, External SEN/D professional, on " in text
    assert ("The judgements of 4 people, as they were when the agreed assessment was started: " +
            "; ".join(f"{name}, {role}" for name, role in RATERS) + ".") in text
    raw = " ".join(subprocess.run(["pdftotext", "-raw", str(tmp_path / "moderation.pdf"), "-"], capture_output=True,
                                  text=True, check=True).stdout.split())   # as printed, row by row
    at = 0
    for name in names[:10]:   # the furthest apart first: each found after the one before
        at = raw.find(name, at)
        assert at >= 0, name
    after = raw[raw.find(names[0]):]
    assert after.find(agreed_words) < after.find("Moderation note Agreed once the provision map was seen") < after.find(names[1])
    assert "Not agreed yet" in text and "Compare raters' judgements" not in text and "Choose the agreed" not in text
    assert text.count("Moderation note") == 1   # notes left empty are not printed
    pdf_png(tmp_path / "moderation.pdf", tmp_path / "moderation")

    report, _ = print_document(page, "report", tmp_path / "report.pdf")
    assert report.startswith("SEND Self-Evaluation Toolkit Self-evaluation report")
    assert report.index("Action plan") < report.index("Moderation record") and report.count("Moderation record") == 1

    page.evaluate("([prefix, id]) => localStorage.setItem(prefix + 'current', id)", [PREFIX.format(framework), records[0]["id"]])
    page.goto("about:blank")   # a rater's own assessment opened: its report has no moderation record
    open_tool(page, url, framework)
    own, _ = print_document(page, "report", tmp_path / "own.pdf")
    assert "Moderation record" not in own and "Compare raters' judgements" not in own


def pdf_png(pdf, stem):
    """Its first two pages as PNGs, to look at."""
    subprocess.run(["pdftoppm", "-r", "50", "-png", "-f", "1", "-l", "2", str(pdf), str(stem)], check=True)


def test_a_peer_review_the_school_and_the_reviewer_each_write_their_own_sections(browser, fresh_site, http_site, tmp_path):
    """Seed 004: the school writes its self-evaluation and sends the file; the reviewer, on another computer, loads it,
    says they write in this copy, finds the school's sections read-only and writes the report; the school loads the
    report back, its own words untouched and the report read-only there; the follow-up visit is compared with the
    first visit's review point. axe on a section read-only in each copy."""
    from test_files import download_to, load_into, open_files, choose
    framework = "lls-send-review"
    url = url_of("http", fresh_site, http_site, f"{framework}.html")
    school_profile, reviewer_profile = browser.new_context(locale="en-GB"), browser.new_context(locale="en-GB")
    school = open_tool(school_profile.new_page(), url + "#reporting-template", framework)
    reviewer = open_tool(reviewer_profile.new_page(), url, framework)
    assert school.page.locator("#reporting-template--locked").is_hidden()   # until the school says who writes here
    assert school.page.locator("#report-context--report-school-context").is_enabled()
    school.go("#assessments")
    school.page.get_by_label("Who writes in this copy").select_option("school")
    school.go("#provision")
    school.page.locator("#provision-strengths--answer").fill("Provision maps are reviewed each term")
    school.leave_field()
    school.go("#reporting-template")
    locked = school.page.locator("#reporting-template--locked")
    expect(locked).to_have_text(
        "The reviewer writes this section, so it is read-only in the school's copy: the reviewer's words come in when you "
        "load the reviewer's file of answers (Download or load). If you are the reviewer, choose “The reviewer” for “Who "
        "writes in this copy” under Your assessments.")
    assert not school.page.locator("#report-context--report-school-context").is_editable()
    assert school.page.locator("#provision-strengths--answer").is_enabled()
    assert axe_violations(school.page) == []
    sent = download_to(school, tmp_path / "school.json")

    open_files(reviewer)                       # the reviewer's computer: the school's file, as a new assessment
    choose(reviewer.page, str(sent))
    reviewer.page.get_by_role("button", name="Load answers").click()
    expect(reviewer.page.locator("#files-message-text")).to_contain_text("added as a new assessment")
    reviewer.go("#assessments")
    reviewer.page.get_by_label("Your name").fill("M. Adeyemi")
    reviewer.page.get_by_label("Your role").select_option("Peer reviewer")
    assert reviewer.page.get_by_label("Who writes in this copy").input_value() == "school"   # the school's, from its file
    reviewer.page.get_by_label("Who writes in this copy").select_option("reviewer")
    reviewer.go("#provision")
    expect(reviewer.page.locator("#provision--locked")).to_have_text(
        "The school writes this section, so it is read-only in the reviewer's copy: the school's words come in when you "
        "load the school's file of answers (Download or load). If you are the school, choose “The school” for “Who writes "
        "in this copy” under Your assessments.")
    expect(reviewer.page.locator("#provision-strengths--answer")).not_to_be_editable()
    reviewer.page.locator("#provision-strengths--answer").focus()   # reachable by keyboard, to read it all
    expect(reviewer.page.locator("#provision-strengths--answer")).to_be_focused()
    expect(reviewer.page.locator("#provision-strengths--answer")).to_have_value("Provision maps are reviewed each term")
    assert axe_violations(reviewer.page) == []
    reviewer.go("#reporting-template")
    assert reviewer.page.locator("#reporting-template--locked").is_hidden()
    reviewer.page.locator("#report-context--report-school-context").fill("A two-form entry primary school")
    reviewer.leave_field()
    reviewer.wait_saved()
    assert reviewer.record()["writer"] == "reviewer"
    report = download_to(reviewer, tmp_path / "report.json")

    load_into(school, report)                  # back at the school: the report comes in, its own words stay
    school.page.get_by_role("button", name="Load answers").click()
    expect(school.page.locator("#files-message-text")).to_contain_text("loaded into")
    record = school.record()
    assert record["answers"]["report-context"]["report-school-context"] == "A two-form entry primary school"
    assert record["answers"]["provision-strengths"]["answer"] == "Provision maps are reviewed each term"
    assert record["writer"] == "school" and record.get("rater") is None   # who writes here, and rates, stays the school's
    school.go("#reporting-template")
    expect(school.page.locator("#report-context--report-school-context")).to_have_value("A two-form entry primary school")
    expect(school.page.locator("#report-context--report-school-context")).not_to_be_editable()
    school.go("#review-points")                # the first visit kept, to compare the follow-up with
    school.page.locator("#review-point-name").fill("First visit")
    school.page.get_by_role("button", name="Save a review point").click()

    reviewer.page.bring_to_front()             # the follow-up visit, written by the reviewer
    reviewer.go("#follow-up-visit")
    reviewer.page.locator("#follow-up-summary--answer").fill("Provision maps now show impact for each pupil")
    reviewer.leave_field()
    reviewer.wait_saved()
    follow_up = download_to(reviewer, tmp_path / "follow-up.json")
    load_into(school, follow_up)
    school.page.get_by_role("button", name="Load answers").click()
    expect(school.page.locator("#files-message-text")).to_contain_text("loaded into")
    first_visit = next(point for point in school.record()["reviewPoints"] if point["name"] == "First visit")
    school.go(f"#compare-{first_visit['id']}")
    rows = school.page.locator("#compare-changes tbody tr")
    expect(rows).to_have_count(1)
    assert "Provision maps now show impact for each pupil" in rows.first.inner_text()
    school_profile.close()
    reviewer_profile.close()


def test_a_framework_that_asks_for_moderation_says_so_until_the_judgements_are_signed_off(page, tmp_path):
    """A framework's `moderation`: its words and "not moderated yet" on an assessment's summary, "Not moderated yet" on
    the printed cover; an agreed assessment signed off says who moderated it instead, on both."""
    import build
    from test_validate import MINIMAL, make_root
    asked = "Complete this self-review together with an external SEN/D professional so that the judgements are robust."
    root = make_root(tmp_path / "asks", MINIMAL.replace("description: A short audit.\n", f"description: A short audit.\nmoderation: {asked}\n"))
    assert build.build(root) == []
    url = (root / "site" / "test-audit.html").as_uri()
    page.add_init_script(NO_DIALOG)
    tool = open_tool(page, url, "test-audit")
    senco = record("test-audit", {"leadership-1": {"rag": "red"}, "leadership-2": {"rag": "green"}}, id="a-senco",
                   rater="J. Smith", role="SENCO")
    head = record("test-audit", {"leadership-1": {"rag": "amber"}, "leadership-2": {"rag": "green"}}, id="a-head",
                  rater="A. Patel", role="Headteacher")
    save_records(page, "test-audit", [senco, head])
    page.goto("about:blank")
    tool = open_tool(page, url + "#summary", "test-audit")
    notice = page.locator("#summary-moderation")
    expect(notice.locator("p")).to_have_text([asked, "These judgements are not moderated yet: when each person has rated, put "
                                              "their judgements side by side and agree them (Compare raters' judgements, under "
                                              "Your assessments)."])
    assert axe_violations(page) == []
    text, _ = print_document(page, "report", tmp_path / "before.pdf")
    assert "Moderation Not moderated yet" in text

    tool.go("#moderation")
    page.get_by_label("J. Smith, SENCO (Oak Primary, Autumn 2026)").check()
    page.get_by_label("A. Patel, Headteacher (Oak Primary, Autumn 2026)").check()
    page.get_by_role("button", name="Start an agreed assessment").click()
    page.get_by_role("button", name="Accept the 1 judgement where everyone agrees").click()
    page.get_by_label("Moderated by").fill("R. Okafor")
    page.get_by_role("button", name="Sign off").click()
    page.get_by_role("dialog").get_by_role("button", name="Yes, sign off").click()
    tool.wait_saved()
    tool.go("#summary")
    assert notice.is_hidden()
    expect(page.locator("#summary-moderated")).to_contain_text("Moderated by R. Okafor, on ")
    text, _ = print_document(page, "report", tmp_path / "after.pdf")
    assert "Moderation Moderated by R. Okafor, on " in text and "Not moderated yet" not in text
