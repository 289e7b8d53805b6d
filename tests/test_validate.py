"""Loading and validating frameworks: one test per kind of mistake, with its exact message and place."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import build
from conftest import ROOT

MINIMAL = """\
# yaml-language-server: $schema=framework.schema.json
id: test-audit
title: Test Audit
short_title: Test audit
version: "1.0"
publisher: Anytown Council
source:
  title: Anytown Audit
  year: 2025
licence: Reproduced with permission.
description: A short audit.
scales:
  rag:
    name: RAG rating
    points:
      - {value: red, label: Red}
      - {value: amber, label: Amber}
      - {value: green, label: Green}
ratings:
  - {id: rag, label: RAG rating, scale: rag}
evidence: Evidence
sections:
  - id: leadership
    title: Leadership
    items:
      - id: leadership-1
        text: Leaders have a clear vision.
      - id: leadership-2
        text: A governor is responsible for SEND.
        statutory: true
"""


def make_root(tmp_path, framework_text, name="test-audit.yaml"):
    """A copy of the project (code, schema, theme, content) with one framework file of our own."""
    root = tmp_path / "project"
    (root / "frameworks").mkdir(parents=True)
    shutil.copy(ROOT / "build.py", root)
    shutil.copy(ROOT / "frameworks" / "framework.schema.json", root / "frameworks")
    shutil.copytree(ROOT / "theme", root / "theme")
    shutil.copytree(ROOT / "content", root / "content")
    (root / "frameworks" / name).write_text(framework_text, encoding="utf-8")
    return root


def problems_for(tmp_path, framework_text, name="test-audit.yaml"):
    """The problems `build.py check` would report, as strings."""
    return [str(p) for p in build.gather(make_root(tmp_path, framework_text, name))[3]]


def edit(old, new, text=MINIMAL):
    """MINIMAL with one piece replaced (the piece must be there)."""
    assert old in text
    return text.replace(old, new, 1)


def test_minimal_framework_has_no_problems(tmp_path):
    assert problems_for(tmp_path, MINIMAL) == []


def test_malformed_yaml(tmp_path):
    text = edit("title: Leadership", "title: Leadership: and: more")
    assert problems_for(tmp_path, text) == [
        "frameworks/test-audit.yaml:24:22: this is not valid YAML: mapping values are not allowed here"]


def test_field_given_twice(tmp_path):
    text = edit("short_title: Test audit", "short_title: Test audit\ntitle: Again")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:5:1: field "title" is given twice (first at line 3)']


def test_unknown_field_suggests_the_near_one(tmp_path):
    text = edit("        text: Leaders have a clear vision.", "        txt: Leaders have a clear vision.")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:26:9: missing required field "text"',
        'frameworks/test-audit.yaml:27:9: unknown field "txt" (did you mean "text"?)']


def test_missing_required_field(tmp_path):
    text = edit("publisher: Anytown Council\n", "")
    assert problems_for(tmp_path, text) == ['frameworks/test-audit.yaml:2:1: missing required field "publisher"']


def test_wrong_type_says_what_was_expected(tmp_path):
    text = edit('version: "1.0"', "version: 1.0")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:5:10: "version" should be text, not a number (put it in quotes, e.g. "1.0")']


@pytest.mark.parametrize("year, shown", [("2025", "2025"), ("undated", "undated"), ("about 2015", "about 2015"),
                                         ("undated; about 2015", "undated; about 2015")])
def test_a_source_with_no_year_is_shown_undated_or_about_a_year_as_written(tmp_path, year, shown):
    root = make_root(tmp_path, edit("  year: 2025", f"  year: {year}"))
    assert build.build(root) == []
    page = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert f"Source: Anytown Audit ({shown})." in page and f"Anytown Audit ({shown}), published by Anytown Council." in page
    assert f"Anytown Council, {shown} &middot;" in (root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("year, words", [("circa 2015", '"circa 2015"'), ("1989", "1989"), ('"2015"', '"2015"')])
def test_a_year_that_is_neither_a_year_nor_undated_nor_about_one_is_refused(tmp_path, year, words):
    assert problems_for(tmp_path, edit("  year: 2025", f"  year: {year}")) == [
        'frameworks/test-audit.yaml:9:9: "year" should be the year the source was published, such as 2015, or, where it '
        f'does not say, "undated", "about 2015" or "undated; about 2015"; not {words}']


def test_invalid_id(tmp_path):
    text = edit("id: leadership-1", "id: Leadership 1")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:26:13: "Leadership 1" is not a valid id: use lowercase letters, digits and single hyphens, such as "outcome-1-a"']


def test_value_not_in_list(tmp_path):
    text = edit("evidence: Evidence\n", "evidence: Evidence\nsettings: [mainstream, nursery]\n")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:22:24: "nursery" is not allowed for "settings[1]": use one of mainstream, special, pru, alternative-provision, resource-base']


def test_statement_id_used_twice(tmp_path):
    text = edit("id: leadership-2", "id: leadership-1")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:28:13: statement id "leadership-1" is used twice (first at line 26)']


def test_section_id_used_twice(tmp_path):
    text = MINIMAL + "  - id: leadership\n    title: More leadership\n    items:\n      - id: leadership-3\n        text: Another.\n"
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:31:9: section id "leadership" is used twice (first at line 23)']


def test_ids_the_page_uses_itself_are_refused(tmp_path):
    text = edit("id: leadership-2", "id: overview").replace("  - id: leadership\n", "  - id: review-points\n")
    text = text.replace("  - {id: rag, label: RAG rating, scale: rag}", "  - {id: evidence, label: RAG rating, scale: rag}")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:20:10: rating id "evidence" is kept for the evidence box: choose another',
        'frameworks/test-audit.yaml:23:9: id "review-points" is kept for the page itself: choose another',
        'frameworks/test-audit.yaml:28:13: id "overview" is kept for the page itself: choose another']


def test_rating_names_a_scale_that_does_not_exist(tmp_path):
    text = edit("scale: rag}", "scale: traffic-lights}")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:20:41: rating "rag" uses scale "traffic-lights" which is not defined (defined: rag)']


def test_descriptor_names_a_point_that_does_not_exist(tmp_path):
    text = edit("        statutory: true", "        statutory: true\n        descriptors:\n          red: Not yet.\n          blue: Unknown.")
    assert problems_for(tmp_path, text) == [
        "frameworks/test-audit.yaml:33:11: descriptor \"blue\" is not a point of this statement's scales (points: amber, green, red)"]


def test_exemplars_name_a_band_that_does_not_exist(tmp_path):
    text = edit("        statutory: true", "        statutory: true\n        exemplars:\n          strategic: [A plan.]")
    assert problems_for(tmp_path, text) == [
        "frameworks/test-audit.yaml:32:11: exemplars \"strategic\" is not a band of this statement's scales (bands: none: this statement's scales have no bands)"]


def test_bands_that_overlap_and_two_not_applicable_points(tmp_path):
    scale = """  ten:
    name: Rating
    points:
      - {value: 0, label: Not applicable, not_applicable: true}
      - {value: 1, label: Also not applicable, not_applicable: true}
      - {value: 2}
    bands:
      - {id: low, label: Low, min: 0, max: 1}
      - {id: high, label: High, min: 1, max: 2}
"""
    text = edit("scales:\n", "scales:\n" + scale)
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:16:7: scale "ten" has more than one not-applicable point',
        'frameworks/test-audit.yaml:21:9: band "high" overlaps band "low" at 1']


def test_raw_html_in_markdown_is_refused(tmp_path):
    text = edit("description: A short audit.", "description: |\n  A short audit.\n\n  <script>alert(1)</script>")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:11:14: raw HTML is not allowed in Markdown (found "<script>alert(1)</script>"); write it in Markdown instead']


def test_links_and_images_the_page_may_not_use_are_refused(tmp_path):
    text = edit("description: A short audit.", "description: |\n  A short audit: [the guide](https://example.org/guide),\n"
                "  [write to us](mailto:send@example.org), [how to use it](how-to-use.html), [top](#top).\n\n"
                "  [Open](javascript:alert(1)) or [this](&#x20;JaVaScRiPt:alert(2)) or [that](data:text/html,hi).\n\n"
                "  ![A logo](data:image/png;base64,iVBORw0KGgo=) ![A photo](https://example.org/photo.jpg) ![A map](map.png)")
    assert problems_for(tmp_path, text) == [
        # sorted, as check prints them
        'frameworks/test-audit.yaml:11:14: a link to " JaVaScRiPt:alert(2)" is not allowed: a link goes to an https://, http:// or mailto: address, or to a page of this site',
        'frameworks/test-audit.yaml:11:14: a link to "data:text/html,hi" is not allowed: a link goes to an https://, http:// or mailto: address, or to a page of this site',
        'frameworks/test-audit.yaml:11:14: a link to "javascript:alert(1)" is not allowed: a link goes to an https://, http:// or mailto: address, or to a page of this site',
        'frameworks/test-audit.yaml:11:14: an image from "https://example.org/photo.jpg" is not allowed: the page shows only images carried inside it (a data:image/ address), so that it asks nothing of the network',
        'frameworks/test-audit.yaml:11:14: an image from "map.png" is not allowed: the page shows only images carried inside it (a data:image/ address), so that it asks nothing of the network']


def test_a_content_page_with_a_script_link_is_refused_naming_its_line(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    page = root / "content" / "privacy.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nSee [our policy](javascript:void(0)) and ![a chart](https://example.org/c.png).\n",
                    encoding="utf-8")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert [str(p) for p in build.gather(root)[3]] == [
        f'content/privacy.md:{line}:1: a link to "javascript:void(0)" is not allowed: a link goes to an https://, http:// or mailto: address, or to a page of this site',
        f'content/privacy.md:{line}:1: an image from "https://example.org/c.png" is not allowed: the page shows only images carried inside it (a data:image/ address), so that it asks nothing of the network']


def test_file_name_must_match_the_id(tmp_path):
    assert problems_for(tmp_path, MINIMAL, name="audit.yaml") == [
        'frameworks/audit.yaml:2:5: the file should be named "test-audit.yaml" to match its id']


def test_form_rows_and_choices(tmp_path):
    form = """      - type: form
        id: participants
        title: Who took part?
        repeat: true
        fields:
          - {id: role, label: Role, type: choice}
          - {id: name, label: Name}
        rows: [{rol: Head Teacher}]
"""
    problems = problems_for(tmp_path, MINIMAL + form)
    assert problems == [
        'frameworks/test-audit.yaml:36:13: field "role" is a choice and needs "options"',
        'frameworks/test-audit.yaml:38:17: row names field "rol", which this form does not have (fields: name, role)']


def test_replaced_id_still_in_use(tmp_path):
    text = edit("        statutory: true", "        statutory: true\n        replaces: [leadership-1]")
    assert problems_for(tmp_path, text) == [
        'frameworks/test-audit.yaml:31:20: statement "leadership-2" replaces "leadership-1", which is still in this framework']


def test_every_problem_is_reported_in_one_run_and_check_exits_1(tmp_path):
    text = edit('version: "1.0"', "version: 1.0", edit("id: leadership-2", "id: leadership-1", edit("txt", "txt", MINIMAL.replace("text: Leaders", "txt: Leaders"))))
    root = make_root(tmp_path, text)
    result = subprocess.run([sys.executable, str(root / "build.py"), "check"], capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        'frameworks/test-audit.yaml:5:10: "version" should be text, not a number (put it in quotes, e.g. "1.0")',
        'frameworks/test-audit.yaml:26:9: missing required field "text"',
        'frameworks/test-audit.yaml:27:9: unknown field "txt" (did you mean "text"?)',
        'frameworks/test-audit.yaml:28:13: statement id "leadership-1" is used twice (first at line 26)',
        "4 problems found; nothing was built."]


def test_check_passes_on_a_good_framework(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    result = subprocess.run([sys.executable, str(root / "build.py"), "check"], capture_output=True, text=True)
    assert (result.returncode, result.stdout) == (0, "No problems found.\n")


def test_a_failed_build_leaves_the_previous_site_untouched(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    assert build.build(root) == []
    before = {p.name: p.read_bytes() for p in (root / "site").iterdir()}
    (root / "frameworks" / "test-audit.yaml").write_text(edit("id: leadership-2", "id: leadership-1"), encoding="utf-8")
    result = subprocess.run([sys.executable, str(root / "build.py")], capture_output=True, text=True)
    assert result.returncode == 1
    assert {p.name: p.read_bytes() for p in (root / "site").iterdir()} == before
    # nothing left behind (.cache is the first, good build's minified theme)
    assert sorted(p.name for p in root.iterdir()) == [".cache", "build.py", "content", "frameworks", "site", "theme"]


def test_a_sixth_framework_is_just_a_yaml_file(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    for path in (ROOT / "frameworks").glob("*.yaml"):
        shutil.copy(path, root / "frameworks")
    assert build.build(root) == []
    page = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert "A governor is responsible for SEND." in page
    assert '<a href="test-audit.html">Test Audit</a>' in (root / "site" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("site_yaml, message", [
    ("colours: {brand: blue}\n", 'site.yaml:1:18: "brand" should be a colour written like "#1d4f91", not "blue"'),
    ("logo: council.png\n", 'site.yaml:1:7: logo file "council.png" does not exist'),
    ("pages: [privacy, faq]\n", 'site.yaml:1:18: page "faq" is not in content/ (pages: about, accessibility, how-to-use, moving-your-data, privacy)'),
    ("titel: Our toolkit\n", 'site.yaml:1:1: unknown field "titel" (did you mean "title"?)'),
    ("colours: {brand: '#888888', brand_text: '#777777'}\n",
     'site.yaml:1:41: "brand_text" #777777 on "brand" #888888 has a contrast ratio of 1.2:1; text needs at least 4.5:1 (WCAG 2.2 AA)'),
    ("colours: {brand: '#ffdd00'}\n",
     'site.yaml:1:18: "brand_text" #ffffff on "brand" #ffdd00 has a contrast ratio of 1.3:1; text needs at least 4.5:1 (WCAG 2.2 AA)'),
    ("colours: {link: '#767676'}\n",  # 4.5:1 on white, but not on the grey panels
     'site.yaml:1:17: "link" #767676 on the grey panels #f3f2f1 has a contrast ratio of 4.0:1; text needs at least 4.5:1 (WCAG 2.2 AA)'),
    ("rater_roles: [SENCO, 7]\n", 'site.yaml:1:22: "rater_roles[1]" should be text, not a whole number (put it in quotes, e.g. "1.0")'),
])
def test_site_yaml_mistakes(tmp_path, site_yaml, message):
    root = make_root(tmp_path, MINIMAL)
    (root / "site.yaml").write_text(site_yaml, encoding="utf-8")
    assert [str(p) for p in build.gather(root)[3]] == [message]


def test_the_minimal_example_in_the_authors_guide_builds(tmp_path):
    guide = (ROOT / "docs" / "writing-a-framework.md").read_text(encoding="utf-8")
    example = guide.split("## A minimal framework", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    root = make_root(tmp_path, example, name="inclusion-audit.yaml")
    assert build.build(root) == []
    assert "A governor has specific responsibility for SEND." in (root / "site" / "inclusion-audit.html").read_text(encoding="utf-8")


def test_colours_that_fail_contrast_and_are_misspelt_are_all_reported(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    (root / "site.yaml").write_text("colours:\n  brand: '#fff'\n  link: '#777777'\n", encoding="utf-8")
    assert [str(p) for p in build.gather(root)[3]] == [
        'site.yaml:2:10: "brand" should be a colour written like "#1d4f91", not "#fff"',
        'site.yaml:3:9: "link" #777777 on the grey panels #f3f2f1 has a contrast ratio of 4.0:1; text needs at least 4.5:1 (WCAG 2.2 AA)']


def test_readable_brand_colours_pass(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    (root / "site.yaml").write_text("colours: {brand: '#005a30', brand_text: '#ffffff', link: '#005a30'}\n", encoding="utf-8")
    assert build.gather(root)[3] == []
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    assert build.gather(root)[3] == []


def test_contrast_ratios_are_those_of_wcag():
    assert build.contrast_ratio("#000000", "#ffffff") == 21
    assert build.contrast_ratio("#ffffff", "#ffffff") == 1
    assert round(build.contrast_ratio("#777777", "#ffffff"), 3) == 4.478  # just below 4.5
    assert round(build.contrast_ratio("#ffffff", "#767676"), 3) == 4.542  # just above, in either order
    assert round(build.contrast_ratio("#1d4f91", "#ffffff"), 2) == 8.14


def test_link_backgrounds_are_those_of_the_stylesheet():
    css = (ROOT / "theme" / "css" / "site.css").read_text(encoding="utf-8")
    body = css.split("\nbody {", 1)[1].split("}", 1)[0]
    assert build.LINK_BACKGROUNDS == {"the page background": "#ffffff", "the grey panels": "#f3f2f1"}
    assert "background: #fff;" in body and "--panel: #f3f2f1;" in css


RELEASED = "frameworks/released/test-audit.txt"
HEADER = ('# Item ids of test-audit version 1.0. Written by "python build.py release"; commit it with each release. '
          "Answers are saved under these ids.\n")
WARNING = ('frameworks/test-audit.yaml:2:5: warning: "leadership-0" was in the released version 1.0 (frameworks/released/test-audit.txt) '
           "and is no longer in this framework, and no statement replaces it: answers saved under it will be listed as answers "
           'for statements no longer in this framework. If a statement took its place, add "replaces: [leadership-0]" to it.')


MEANINGS_HEADER = ('# Item ids of test-audit version 1.0. Written by "python build.py release"; commit it with each release. '
                   "Answers are saved under these ids; after each, what its answers may hold.\n")


def released_root(tmp_path, framework_text, released, header=HEADER):
    """A project with one framework and its released list (by default one written before meanings were kept)."""
    root = make_root(tmp_path, framework_text)
    (root / "frameworks" / "released").mkdir()
    (root / RELEASED).write_text(header + released, encoding="utf-8")
    return root


def test_release_writes_the_item_ids_of_every_framework(tmp_path):
    root = make_root(tmp_path, MINIMAL + "      - {type: guidance, id: about-leadership, body: Read this.}\n"
                                        "      - {type: text, id: leadership-notes, label: Notes}\n")
    result = subprocess.run([sys.executable, str(root / "build.py"), "release"], capture_output=True, text=True)
    assert (result.returncode, result.stdout, result.stderr) == (
        0, "Wrote frameworks/released/test-audit.txt (3 item ids).\n", "")
    assert (root / RELEASED).read_bytes().decode("utf-8") == MEANINGS_HEADER + (
        "leadership-1 statement rag=red,amber,green evidence\nleadership-2 statement rag=red,amber,green evidence\n"
        "leadership-notes text\n")
    assert build.released_warnings(root) == []


def test_an_item_that_kept_its_id_but_changed_what_its_answers_hold_is_warned_about(tmp_path):
    # released: leadership-1 rated "now" from 0 to 3; leadership-2 on a RAG scale with blue; leadership-notes a statement
    text = MINIMAL + "      - {type: text, id: leadership-notes, label: Notes}\n"
    root = released_root(tmp_path, text, "leadership-1 statement now=0,1,2,3 evidence\n"
                                         "leadership-2 statement rag=red,amber,green,blue evidence\n"
                                         "leadership-notes statement rag=red,amber,green evidence\n", MEANINGS_HEADER)
    since = "warning: since the released version 1.0 (frameworks/released/test-audit.txt), "
    after = (": answers saved under it that no longer fit will be shown only in the list of answers for statements no "
             "longer in this framework. If what it asks has changed, give it a new id.")
    assert [str(w) for w in build.released_warnings(root)] == [
        f'frameworks/test-audit.yaml:26:13: {since}"leadership-1" no longer has the rating "now"{after}',
        f'frameworks/test-audit.yaml:28:13: {since}"leadership-2" has a rating "rag" that no longer has the points blue{after}',
        f'frameworks/test-audit.yaml:31:26: {since}"leadership-notes" was a statement item and is now a text item{after}']
    result = subprocess.run([sys.executable, str(root / "build.py"), "check"], capture_output=True, text=True)
    assert (result.returncode, result.stdout, len(result.stderr.splitlines())) == (0, "No problems found.\n", 3)


def test_points_options_and_ratings_added_change_nothing_saved(tmp_path):
    text = MINIMAL + "      - {type: choices, id: leadership-support, label: Support, options: [{id: a, label: A}, {id: b, label: B}]}\n"
    root = released_root(tmp_path, text, "leadership-1 statement rag=red,amber\nleadership-2 statement\n"
                                         "leadership-support choices options=b\n", MEANINGS_HEADER)
    assert build.released_warnings(root) == []
    (root / RELEASED).write_text(MEANINGS_HEADER + "leadership-support choices options=a,c\n", encoding="utf-8")
    assert [str(w).split(": answers")[0] for w in build.released_warnings(root)] == [
        'frameworks/test-audit.yaml:31:29: warning: since the released version 1.0 (frameworks/released/test-audit.txt), "leadership-support" no longer has the options c']


def test_a_released_id_that_is_gone_is_warned_about(tmp_path):
    root = released_root(tmp_path, MINIMAL, "leadership-0\nleadership-1\nleadership-2\n")
    assert [str(w) for w in build.released_warnings(root)] == [WARNING]


def test_a_released_id_that_a_statement_replaces_is_not_warned_about(tmp_path):
    text = edit("        statutory: true", "        statutory: true\n        replaces: [leadership-0]")
    assert build.released_warnings(released_root(tmp_path, text, "leadership-0\nleadership-1\n")) == []


def test_without_a_released_list_there_are_no_warnings(tmp_path):
    assert build.released_warnings(make_root(tmp_path, MINIMAL)) == []


@pytest.mark.parametrize("command, last_line", [("check", "No problems found."), ("build", "Built ")])
def test_check_and_build_print_warnings_and_still_succeed(tmp_path, command, last_line):
    root = released_root(tmp_path, MINIMAL, "leadership-0\nleadership-1\nleadership-2\n")
    result = subprocess.run([sys.executable, str(root / "build.py"), command], capture_output=True, text=True)
    assert result.returncode == 0
    assert result.stderr.splitlines() == [WARNING]
    assert result.stdout.startswith(last_line)
    assert (root / "site" / "test-audit.html").exists() == (command == "build")


def test_the_bundled_frameworks_keep_every_released_id():
    released = sorted(path.stem for path in (ROOT / "frameworks" / "released").glob("*.txt"))
    assert released == sorted(path.stem for path in (ROOT / "frameworks").glob("*.yaml"))
    assert build.released_warnings(ROOT) == []


def test_rater_roles_mistakes(tmp_path):
    assert problems_for(tmp_path / "empty", edit("evidence: Evidence\n", "evidence: Evidence\nrater_roles: []\n")) == [
        'frameworks/test-audit.yaml:22:14: "rater_roles" should not be empty']
    assert problems_for(tmp_path / "twice", edit("evidence: Evidence\n", "evidence: Evidence\nrater_roles: [SENCO, SENCO]\n")) == [
        'frameworks/test-audit.yaml:22:14: "rater_roles" lists the same value twice']


def test_the_roles_a_rater_chooses_from_are_the_frameworks_or_else_the_sites(tmp_path):
    """"Your role" offers the framework's rater_roles where it has them, else site.yaml's, else the defaults."""
    def roles(page):
        chooser = re.search(r'<select[^>]*id="assessment-role"[^>]*>(.*?)</select>', page, re.S).group(1)
        return re.findall(r"<option[^>]*>([^<]*)</option>", chooser)
    own = make_root(tmp_path / "own", edit("evidence: Evidence\n", "evidence: Evidence\nrater_roles: [Headteacher, Peer reviewer]\n"))
    assert build.build(own) == []
    assert roles((own / "site" / "test-audit.html").read_text(encoding="utf-8")) == ["Not given", "Headteacher", "Peer reviewer"]
    sites = make_root(tmp_path / "site", MINIMAL)
    (sites / "site.yaml").write_text("rater_roles: [SENCO, SEND adviser]\n", encoding="utf-8")
    assert build.build(sites) == []
    assert roles((sites / "site" / "test-audit.html").read_text(encoding="utf-8")) == ["Not given", "SENCO", "SEND adviser"]
    assert roles((ROOT / "site" / "send-audit-rag.html").read_text(encoding="utf-8")) == [
        "Not given", "SENCO", "Headteacher", "SEND governor", "Class teacher", "External SEN/D professional", "Peer reviewer", "Other"]


def test_who_writes_a_section(tmp_path):
    """written_by: a misspelt writer is refused naming the line; a framework with a reviewer's section asks who writes
    in each copy, and one without does not."""
    assert problems_for(tmp_path / "wrong", edit("    title: Leadership\n", "    title: Leadership\n    written_by: inspector\n")) == [
        'frameworks/test-audit.yaml:25:17: "inspector" is not allowed for "written_by": use one of school, reviewer']
    root = make_root(tmp_path / "reviewed", edit("    title: Leadership\n", "    title: Leadership\n    written_by: reviewer\n"))
    assert build.build(root) == []
    page = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert 'id="assessment-writer"' in page and 'id="leadership--locked"' in page
    assert '"written_by":"reviewer"' in page
    plain = (ROOT / "site" / "send-audit-rag.html").read_text(encoding="utf-8")
    assert 'id="assessment-writer"' not in plain and 'class="notice section__locked"' not in plain
