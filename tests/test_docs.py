"""The guides: every Markdown link to a file of the project points at a file that exists."""
import re

import pytest

from conftest import ROOT

GUIDES = [ROOT / "README.md", ROOT / "ARCHITECTURE.md", *sorted((ROOT / "docs").glob("*.md"))]
LINK = re.compile(r"\[[^\]]*\]\(([^)\s]+)\)")


def local_links(text):
    """The targets of Markdown links that are not web, mail or same-page links, without any #fragment."""
    return [target.split("#", 1)[0] for target in LINK.findall(text)
            if not target.startswith(("http://", "https://", "mailto:", "#"))]


def test_links_are_found():
    assert local_links("See [the guide](docs/a.md#ids), [a site](https://example.org) and [here](#top).") == ["docs/a.md"]


@pytest.mark.parametrize("guide", GUIDES, ids=lambda path: path.relative_to(ROOT).as_posix())
def test_local_links_point_at_files_that_exist(guide):
    missing = [target for target in local_links(guide.read_text(encoding="utf-8")) if not (guide.parent / target).exists()]
    assert missing == []


def test_the_help_page_says_which_browsers_keep_answers_and_for_how_long(fresh_site):
    """Issue 26: the same table in the help page and the README (Safari deletes a website's answers after 7 days)."""
    from html.parser import HTMLParser

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self.cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag in ("td", "th"):
                self.cell = ""

        def handle_data(self, data):
            if self.cell is not None:
                self.cell += data

        def handle_endtag(self, tag):
            if tag in ("td", "th"):
                self.rows[-1].append(self.cell.strip())
                self.cell = None

    page = Cells()
    page.feed((fresh_site / "moving-your-data.html").read_text(encoding="utf-8"))
    assert page.rows == [
        ["browser", "opened from the council website", "opened from a file (USB stick or shared drive)"],
        ["Chrome and Microsoft Edge", "kept until you clear them", "kept until you clear them"],
        ["Firefox", "kept until you clear them", "kept until you clear them, for that file's exact location"],
        ["Safari (on a Mac, iPad or iPhone)", "deleted after 7 days of using Safari without opening the page",
         "not kept at all"],
        ["other browsers on an iPad or iPhone", "may be deleted in the same way: they use Safari's engine", "as in Safari"]]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert ("| Safari (Mac, iPad, iPhone) | deleted after 7 days of Safari use without opening the page | not at all |"
            in readme)
