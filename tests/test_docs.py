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
