"""The built site: equal to the committed site/, deterministic, self-contained, complete and locked down by CSP."""
import base64
import hashlib
import json
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

import build
from conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
import seed_coverage  # noqa: E402

FRAMEWORKS = sorted(path.stem for path in (ROOT / "frameworks").glob("*.yaml"))
SEEDS = {
    "send-self-evaluation": "000_1339ca6e358a6491.txt",
    "send-audit-rag": "001_6e6bcf68b67c5dea.txt",
    "herts-send-benchmark": "002_95cc8b80133a6b78.txt",
    "good-to-great-send": "003_63c49c43cefcaac7.txt",
    "lls-send-review": "004_aabb46a50c55b4f3.txt",
}


class Page(HTMLParser):
    """A built page taken apart: its text, elements with attributes, and inline scripts and styles."""

    def __init__(self, text):
        super().__init__(convert_charrefs=True)
        self.text, self.elements, self.inline, self._open = [], [], [], None
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag in ("script", "style"):
            self._open = (tag, dict(attrs), [])

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            self.inline.append((self._open[0], self._open[1], "".join(self._open[2])))
            self._open = None

    def handle_data(self, data):
        if self._open:
            self._open[2].append(data)
        else:
            self.text.append(data)

    def plain_text(self):
        return " ".join(" ".join(self.text).split())


def read_pages(folder):
    return {path.name: path.read_bytes() for path in sorted(Path(folder).iterdir())}


def test_committed_site_equals_a_fresh_build(fresh_site):
    committed, fresh = read_pages(ROOT / "site"), read_pages(fresh_site)
    assert sorted(committed) == sorted(fresh), "site/ has different files: run `python build.py` and commit site/"
    stale = [name for name in fresh if committed[name] != fresh[name]]
    assert stale == [], f"site/ is out of date for {stale}: run `python build.py` and commit site/"


def test_builds_are_deterministic(fresh_site, tmp_path):
    assert build.build(ROOT, tmp_path / "again") == []
    assert read_pages(tmp_path / "again") == read_pages(fresh_site)


def test_the_site_has_an_index_every_framework_and_every_content_page(site_pages):
    content = sorted(f"{p.stem}.html" for p in (ROOT / "content").glob("*.md"))
    assert site_pages == sorted(["index.html"] + [f"{f}.html" for f in FRAMEWORKS] + content)
    assert set(SEEDS) <= set(FRAMEWORKS)


@pytest.fixture(scope="module")
def parsed(fresh_site):
    return {path.name: Page(path.read_text(encoding="utf-8")) for path in fresh_site.glob("*.html")}


def test_pages_refer_to_nothing_outside_the_site(parsed, site_pages):
    for name, page in parsed.items():
        for tag, attrs in page.elements:
            assert tag != "link", f"{name} links a file: {attrs}"
            if "src" in attrs:
                assert attrs["src"].startswith("data:"), f"{name} loads {attrs['src']}"
            if tag == "a" and name.removesuffix(".html") in FRAMEWORKS:
                href = attrs["href"]
                assert href.startswith("#") or href in site_pages, f"{name} links to {href}"


def test_every_page_has_a_strict_csp_that_matches_its_inline_code(parsed):
    for name, page in parsed.items():
        assert page.elements[0][0] == "html" and page.elements[0][1]["lang"] == "en-GB"
        assert page.elements[2] == ("meta", {"charset": "utf-8"}), name
        tag, attrs = page.elements[3]
        assert (tag, attrs["http-equiv"]) == ("meta", "Content-Security-Policy"), name
        policy = dict(part.strip().split(" ", 1) for part in attrs["content"].split(";"))
        assert {k: policy[k] for k in ("default-src", "img-src", "connect-src", "base-uri", "form-action")} == {
            "default-src": "'none'", "img-src": "data:", "connect-src": "'none'", "base-uri": "'none'", "form-action": "'none'"}
        for kind, directive in (("script", "script-src"), ("style", "style-src")):
            code = [text for tag, a, text in page.inline if tag == kind and a.get("type") != "application/json"]
            hashes = sorted("'sha256-" + base64.b64encode(hashlib.sha256(c.encode()).digest()).decode() + "'" for c in code)
            assert sorted(policy[directive].split()) == (hashes or ["'none'"]), f"{name} {directive}"


def test_a_framework_page_carries_one_script_in_its_head_and_one_at_the_end(parsed):
    """The head script (before the first paint), then every other script joined into one, in the order their first
    lines give: two script hashes a page. Other pages carry no script."""
    order, problems = build.script_order(ROOT)
    assert problems == [] and order[-1] == "app.js" and "start.js" not in order
    for name, page in parsed.items():
        scripts = [text for tag, a, text in page.inline if tag == "script" and a.get("type") != "application/json"]
        assert len(scripts) == (2 if name.removesuffix(".html") in FRAMEWORKS else 0), name
    position = {name: index for index, name in enumerate(order)}
    for name in order:
        needs = build.NEEDS_LINE.match((ROOT / "theme" / "js" / name).read_text(encoding="utf-8")).group(1)
        for word in [] if needs == "nothing" else needs.split(", "):
            provider = next(other for other in order if f"toolkit.{word} = " in (ROOT / "theme" / "js" / other).read_text(encoding="utf-8"))
            assert position[provider] < position[name], (name, word)


@pytest.mark.parametrize("case", ["undeclared", "nothing provides it", "each other", "no needs line"])
def test_scripts_that_use_another_without_saying_so_stop_the_build(case, tmp_path):
    from test_validate import MINIMAL, make_root
    root = make_root(tmp_path, MINIMAL)
    js = root / "theme" / "js"

    def change(name, old, new):
        path = js / name
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    if case == "undeclared":
        change("charts.js", "// Needs: dom\n", "// Needs: nothing\n")
    elif case == "nothing provides it":
        change("charts.js", "// Needs: dom\n", "// Needs: dom, colours\n")
    elif case == "each other":
        change("dom.js", "// Needs: nothing\n", "// Needs: charts\n")
    else:
        change("views.js", "// Needs: nothing\n", "")
    expected = {
        "undeclared": ["theme/js/charts.js:9:17: uses toolkit.dom, which its first line does not name (// Needs: …)"],
        "nothing provides it": ['theme/js/charts.js:1:1: needs "colours", which no script provides (as toolkit.colours = …)'],
        "each other": ["theme/js/charts.js:1:1: scripts that need each other cannot run one before the other: "
                       "charts.js needs dom.js needs charts.js"],
        "no needs line": ['theme/js/views.js:1:1: the first line should name the scripts this one needs, as "// Needs: answers, dom" '
                          '(or "// Needs: nothing")'],
    }[case]
    assert [str(problem) for problem in build.build(root)] == expected
    assert not (root / "site").exists()


def test_serve_builds_the_site_and_its_preview_from_one_loading(tmp_path, monkeypatch):
    """`serve` rebuilds site/ and .preview/ on each change: frameworks, pages and theme are loaded, checked and
    minified once for both, and only the preview's pages allow the live-reload script."""
    from test_validate import MINIMAL, make_root
    root = make_root(tmp_path, MINIMAL)
    calls = []
    for stage in ("gather", "load_theme"):
        monkeypatch.setattr(build, stage, lambda *args, _real=getattr(build, stage), _name=stage, **kwargs:
                            calls.append(_name) or _real(*args, **kwargs))
    assert build.build(root, preview=root / ".preview") == []
    assert calls == ["gather", "load_theme"]
    site, preview = (read_pages(root / folder) for folder in ("site", ".preview"))
    assert site.keys() == preview.keys()
    assert b"ws://127.0.0.1:" not in site["test-audit.html"] and b"ws://127.0.0.1:" in preview["test-audit.html"]


def test_no_inline_event_handlers_or_style_attributes(parsed):
    for name, page in parsed.items():
        for tag, attrs in page.elements:
            assert "style" not in attrs, f"{name}: <{tag} style=...>"
            assert not [a for a in attrs if a.startswith("on")], f"{name}: <{tag}> has an event handler attribute"


@pytest.mark.parametrize("framework_id", sorted(SEEDS))
def test_every_seed_line_is_transcribed_or_knowingly_omitted(framework_id):
    missing = {piece for _, piece in seed_coverage.missing_pieces(
        ROOT / "frameworks" / f"{framework_id}.yaml", ROOT / "tests" / "seeds" / SEEDS[framework_id])}
    omitted = seed_coverage.read_omissions(ROOT / "tests" / "seed-omissions" / f"{framework_id}.txt")
    assert sorted(missing - omitted) == [], "seed lines missing from the framework"
    assert sorted(omitted - missing) == [], "omissions list names lines that the framework now has: remove them"


TEXT_KEYS = {"text", "label", "title", "hint", "corner", "prompts", "options", "publisher", "licence", "note",
             "authors", "evidence", "descriptors", "exemplars", "rows"}


def texts_to_show(value, key=None):
    """Every plain-text string of framework YAML that the page must show (under TEXT_KEYS), and every Markdown text, rendered."""
    if isinstance(value, str):
        if key in build.MARKDOWN_FIELDS:
            yield Page(build.render_markdown(value)[0]).plain_text()
        elif key in TEXT_KEYS:
            yield " ".join(value.split())
    elif isinstance(value, list):
        for item in value:
            yield from texts_to_show(item, key)
    elif isinstance(value, dict):
        for k, v in value.items():
            # Inside descriptors, exemplars and a form's preset rows, every value is shown, whatever its key.
            yield from texts_to_show(v, key if key in ("descriptors", "exemplars", "rows") and "id" not in value else k)


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_the_page_shows_every_text_of_its_framework(framework_id, parsed):
    data = yaml.safe_load((ROOT / "frameworks" / f"{framework_id}.yaml").read_text(encoding="utf-8"))
    page = parsed[f"{framework_id}.html"]
    shown = page.plain_text()
    values = [tag_attrs.get("value", "") for tag, tag_attrs in page.elements if tag == "input"]
    texts = [t for t in texts_to_show(data) if t]
    assert len(texts) > 20
    missing = [t for t in texts if t not in shown and t not in values]
    assert missing == []


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_framework_data_for_the_browser_lists_every_statement(framework_id, parsed):
    page = parsed[f"{framework_id}.html"]
    [data] = [json.loads(text) for tag, attrs, text in page.inline if attrs.get("id") == "framework-data"]
    source = yaml.safe_load((ROOT / "frameworks" / f"{framework_id}.yaml").read_text(encoding="utf-8"))
    assert (data["framework"], data["version"], data["site"]) == (source["id"], source["version"], "send-toolkit")
    assert [i["id"] for s in data["sections"] for i in s["items"]] == [i["id"] for s in source["sections"] for i in s["items"]]


def test_each_response_type_is_one_entry_one_definition_one_macro_and_one_script():
    """A response type lives in the places RESPONSE_TYPES names, and nowhere else needs a change for it: its entry,
    its definition in the schema (named, in the same order, in $defs/item), its macro in items.html and its script."""
    names = list(build.RESPONSE_TYPES)
    schema = json.loads((ROOT / build.FRAMEWORK_SCHEMA).read_text(encoding="utf-8"))
    assert schema["$defs"]["item"]["properties"]["type"]["enum"] == names
    assert [rule["then"]["$ref"] for rule in schema["$defs"]["item"]["allOf"]] == [f"#/$defs/{name}" for name in names]
    assert [name for name in names if name not in schema["$defs"]] == []
    macros = build.make_environment(ROOT).get_template("items.html").module
    assert [name for name in names if not callable(getattr(macros, name, None))] == []
    assert [name for name in build.script_order(ROOT)[0] if name.startswith("types/")] == sorted(f"types/{name}.js" for name in names)
    assert [name for name in names if f'toolkit.types.register("{name}", '
            not in (ROOT / "theme" / "js" / "types" / f"{name}.js").read_text(encoding="utf-8")] == []


def test_framework_data_cannot_break_out_of_its_script_element():
    assert build.script_json({"text": "</script><script>alert(1)</script> & <!--"}) == (
        '{"text":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e \\u0026 \\u003c!--"}')


def test_the_minified_theme_is_read_back_from_the_cache_until_its_source_changes(tmp_path):
    """Minifying is most of a build: each theme file's minified text is kept in .cache/minified/, named by the SHA-256
    of the minifier, its version and the source, and read back while the source is unchanged."""
    from test_validate import MINIMAL, make_root
    root = make_root(tmp_path, MINIMAL)
    assert build.build(root) == []
    cache = root / ".cache" / "minified"
    files = len(build.script_order(ROOT)[0]) + 2   # the scripts, start.js and site.css
    assert len(list(cache.iterdir())) == files
    first = read_pages(root / "site")
    for path in cache.iterdir():   # read back, not minified again: a changed cache entry shows in the page
        path.write_text(path.read_text(encoding="utf-8").replace("Saved in this browser", "Cached in this browser"),
                        encoding="utf-8")
    assert build.build(root) == []
    assert b"Cached in this browser" in (root / "site" / "test-audit.html").read_bytes()
    script = root / "theme" / "js" / "session.js"
    old, new = "Changes saved in another tab or window are shown here.", "Changes from another tab are shown here."
    assert old in script.read_text(encoding="utf-8")
    script.write_text(script.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    assert build.build(root) == []
    assert len(list(cache.iterdir())) == files + 1   # session.js changed: minified again, and kept beside the old one
    page = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert new in page and old not in page
    assert read_pages(root / "site").keys() == first.keys()


def test_a_cache_that_cannot_be_written_does_not_stop_the_build(tmp_path):
    from test_validate import MINIMAL, make_root
    cached = make_root(tmp_path / "cached", MINIMAL)
    assert build.build(cached) == []
    root = make_root(tmp_path / "uncached", MINIMAL)
    (root / ".cache").write_text("not a folder", encoding="utf-8")
    assert build.build(root) == []
    assert read_pages(root / "site") == read_pages(cached / "site")


def test_text_in_yaml_is_shown_as_text_never_as_html(tmp_path):
    from test_validate import MINIMAL, edit, make_root
    root = make_root(tmp_path, edit("text: Leaders have a clear vision.", 'text: "<img src=x onerror=alert(1)> & <b>bold</b>"'))
    assert build.build(root) == []
    page = (root / "site" / "test-audit.html").read_text(encoding="utf-8")
    assert "&lt;img src=x onerror=alert(1)&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "<img src=x" not in page and "<b>bold" not in page


def test_relative_links_only(parsed):
    for name, page in parsed.items():
        for tag, attrs in page.elements:
            href = attrs.get("href", "") if tag == "a" else ""
            if href and not href.startswith(("https://", "mailto:")):
                assert not href.startswith("/") and "://" not in href, f"{name}: {href}"


@pytest.mark.parametrize("framework_id", FRAMEWORKS)
def test_framework_files_name_their_schema_for_editors(framework_id):
    first = (ROOT / "frameworks" / f"{framework_id}.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=framework.schema.json"
    assert (ROOT / "frameworks" / "framework.schema.json").is_file()
