"""Security in a real Chromium: what users type and what files bring in is only ever text; the CSP as the
browser sees it, with no request but the page; the loader of files of answers fuzzed with generated files.

The XSS tests run in a browser context with bypass_csp=True. The CSP would stop an injected script, so here it
is switched off to test the first wall on its own: that no code ever puts user text into the page as HTML.
Every payload that could run sets window.__xss (an init script traps it) or opens a dialog, and
test_each_payload_would_be_caught_if_it_were_rendered_as_html shows that the checks catch each one that
reaches the page as markup.
"""
import base64
import collections
import contextlib
import copy
import json
import math
import re
import subprocess
import zlib

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from conftest import DURABLE_ALL, DURABLE_RESTORE, ROOT, WAIT_MS, open_tool, url_of
from test_file_checks import HERTS, download, print_everything

# ---------------------------------------------------------------------------------------------- payloads


def _b64(text):
    return base64.b64encode(text.encode()).decode()


PAYLOADS = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "<svg onload=window.__xss=3>",
    "<svg><script>window.__xss=4</script></svg>",
    "javascript:window.__xss=5",
    '"><script>window.__xss=6</script>',
    "'><img src=x onerror=window.__xss=7>",
    "&lt;script&gt;window.__xss=8&lt;/script&gt;",
    "%3Cscript%3Ewindow.__xss=9%3C/script%3E",
    "\\u003cscript\\u003ewindow.__xss=10\\u003c/script\\u003e",
    '<iframe srcdoc="<script>parent.__xss=11</script>"></iframe>',
    '<a href="javascript:window.__xss=12">x</a>',
    "{{7*7}} {{constructor.constructor('window.__xss=13')()}}",
    "${7*7} ${window.__xss=14}",
    "</style><script>window.__xss=15</script>",
    "</textarea><script>window.__xss=16</script>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=17>",
    "data:text/html,<script>window.__xss=18</script>",
    "<body onload=window.__xss=19>",
    "<details open ontoggle=window.__xss=20>",
    "<input autofocus onfocus=window.__xss=21>",
    "<video><source onerror=window.__xss=22></video>",
    "<audio src=x onerror=window.__xss=23>",
    '<object data="javascript:window.__xss=24"></object>',
    '<embed src="javascript:window.__xss=25">',
    "<marquee onstart=window.__xss=26>x</marquee>",
    "<style>@import 'javascript:window.__xss=27';</style>",
    "<link rel=stylesheet href=x onerror=window.__xss=28>",
    '<meta http-equiv="refresh" content="0;url=javascript:window.__xss=29">',
    '<base href="javascript:window.__xss=30//">',
    '<form action="javascript:window.__xss=31"><button>x</button></form>',
    "<isindex type=image src=1 onerror=window.__xss=32>",
    '<img src="x" onerror="&#119;indow.__xss=33">',
    f"<img src=x onerror=eval(atob('{_b64('window.__xss=34')}'))>",
    "<svg><animate onbegin=window.__xss=35 attributeName=x dur=1s>",
    '<svg><a xlink:href="javascript:window.__xss=36"><text x=20 y=20>x</text></a></svg>',
    "<img src=x:x onerror=window.__xss=37//",
    "<scr<script>ipt>window.__xss=38</scr</script>ipt>",
    "<SCRIPT SRC=data:,window.__xss=39></SCRIPT>",
    "<ScRiPt>window.__xss=40</sCrIpT>",
    '<img """><script>window.__xss=41</script>">',
    '<!--<img src="--><img src=x onerror=window.__xss=42//">',
    '<noscript><p title="</noscript><img src=x onerror=window.__xss=43>">',
    '<table background="javascript:window.__xss=44"><tr><td>x</td></tr></table>',
    '<div style="background:url(javascript:window.__xss=45)">x</div>',
    '<div style="width:expression(window.__xss=46)">x</div>',
    '\\"-prompt(47)-\\"',
    "';window.__xss=48;//",
    "</script><script>window.__xss=49</script>",
    "<img src=x onerror=alert(50)>",
    "<svg/onload=confirm(51)>",
    '<iframe src="javascript:parent.__xss=52"></iframe>',
    '<iframe src="data:text/html,<script>alert(53)</script>"></iframe>',
    f'<object data="data:text/html;base64,{_b64("<script>alert(54)</script>")}"></object>',
    "<x tabindex=0 autofocus onfocus=window.__xss=55 onclick=window.__xss=55>x</x>",
    "<template><script>window.__xss=56</script></template><img src=x onerror=window.__xss=56>",
    "<select autofocus onfocus=window.__xss=57></select>",
    "<textarea autofocus onfocus=window.__xss=58></textarea>",
    "<keygen autofocus onfocus=window.__xss=59>",
    "\\x3cscript\\x3ewindow.__xss=60\\x3c/script\\x3e",
    "&#60;script&#62;window.__xss=61&#60;/script&#62;",
    "+ADw-script+AD4-window.__xss=62+ADw-/script+AD4-",
    "\uff1cscript\uff1ewindow.__xss=63\uff1c/script\uff1e",
    "<svg><style><img src=x onerror=window.__xss=64></style></svg>",
    '<a href="&#106;avascript:window.__xss=65">x</a>',
    "<img src=`x` onerror=window.__xss=66>",
    '<img/src="x"/onerror="window.__xss=67">',
    "javascript&colon;window.__xss=68",
    "<img src=x onerror=\"window['__x'+'ss']=69\">",
    '" onmouseover="window.__xss=70" x="',
    "<img src=x onerror=window.__xss=71> \u00e9 \u00fc \u4e2d\u6587 \U0001f642 \u202e right to left",
    "<<script>>window.__xss=72<</script>>",
    f"<img src=\"data:image/svg+xml;base64,{_b64('<svg onload=alert(73)>')}\" onerror=window.__xss=73>",
    "<a id=x href=# onclick=window.__xss=74>Click me</a><script>document.getElementById('x').click()</script>",
]

# What runs in every frame before the page: window.__xss can be set, but only into a list of hits.
TRAP = """
window.__xssHits = [];
Object.defineProperty(window, "__xss", {configurable: false, get: function () { return undefined; },
                                        set: function (value) { window.__xssHits.push(String(value)); }});
"""

# HTML elements counted on the page as built; no user text may add one of them.
WATCHED_TAGS = ["script", "iframe", "frame", "frameset", "object", "embed", "applet", "img", "picture", "video", "audio",
                "source", "track", "base", "link", "meta", "style", "template", "noscript", "form", "marquee", "body",
                "head", "html", "title"]

# Markup anywhere on the page that only user text could have brought: event handler attributes, script URLs,
# srcdoc, MathML, SVG outside the page's own charts or with more than shapes and text, unknown elements.
SCAN = """([tags, root]) => {
  const XHTML = "http://www.w3.org/1999/xhtml", SVG = "http://www.w3.org/2000/svg";
  const URL_ATTRIBUTES = ["href", "src", "action", "formaction", "data", "xlink:href", "background", "poster", "srcset",
                          "codebase", "ping", "dynsrc", "lowsrc"];
  const CHART_PARTS = ["svg", "title", "desc", "defs", "pattern", "rect", "circle", "g", "line", "polyline", "polygon",
                       "path", "text", "tspan", "marker"];
  const counts = Object.fromEntries(tags.map(tag => [tag, 0]));
  const found = [];
  const scope = root ? document.querySelector(root) : document;
  for (const element of scope.querySelectorAll("*")) {
    const tag = element.localName.toLowerCase();
    if (element.namespaceURI === XHTML && tag in counts) { counts[tag] += 1; }
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) { found.push(`<${tag} ${name}>`); }
      if (name === "srcdoc") { found.push(`<${tag} srcdoc>`); }
      if (URL_ATTRIBUTES.includes(name) && /^[\\s\\u0000-\\u001f]*(javascript|vbscript|data)\\s*:/i.test(attribute.value) &&
          !(tag === "img" && name === "src")) {
        found.push(`<${tag} ${name}="${attribute.value.slice(0, 30)}">`);
      }
    }
    if (element.namespaceURI === SVG) {
      if (!element.closest("svg.chart[data-chart]")) { found.push(`<${tag}> outside a chart`); }
      else if (!CHART_PARTS.includes(tag)) { found.push(`<${tag}> in a chart`); }
    } else if (element.namespaceURI !== XHTML) {
      found.push(`<${tag}> in ${element.namespaceURI}`);
    } else if (element instanceof HTMLUnknownElement) {
      found.push(`<${tag}> unknown`);
    }
  }
  return {counts, found};
}"""

FIELD_VALUES = """names => names.map(name => {
  const control = document.getElementsByName(name)[0];
  return control ? control.value : null;
})"""

SEEDS = ["send-self-evaluation", "send-audit-rag", "herts-send-benchmark", "good-to-great-send", "lls-send-review"]
PAGES = ["index.html", "about.html", "accessibility.html", "how-to-use.html", "moving-your-data.html", "privacy.html",
         "good-to-great-send.html", "herts-send-benchmark.html", "lls-send-review.html", "send-audit-rag.html",
         "send-self-evaluation.html"]
AUDIT, AUDIT_TITLE = "send-audit-rag", "SEND Audit RAG rating"
FORMAT, RECORD_FORMAT = "send-toolkit-answers", "send-toolkit-assessment"
AUDIT_STATEMENTS = {item["id"] for section in yaml.safe_load((ROOT / "frameworks" / f"{AUDIT}.yaml").read_text())["sections"]
                    for item in section["items"]}
EXPORTED = "2026-11-22T10:42:00.000Z"  # 22 November 2026 at 10:42 in London (GMT in November)


def norm(text):
    """Text with every run of white space as one space, as a reader sees it."""
    return " ".join(str(text).split())


def squeeze(text):
    """Text without any white space: a PDF's lines break long payloads anywhere."""
    return "".join(str(text).split())


def printable(text):
    return all(32 <= ord(c) < 127 for c in text)


def utf16_length(text):
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def js_shorten(text, length):
    """controls.shorten: at most length UTF-16 units, ending "…" when cut."""
    if utf16_length(text) <= length:
        return text
    return text.encode("utf-16-le", "surrogatepass")[:(length - 1) * 2].decode("utf-16-le", "surrogatepass") + "\u2026"


def rotation(start):
    """The payloads one after another, from start, round and round."""
    index = start
    while True:
        yield PAYLOADS[index % len(PAYLOADS)]
        index += 1


def pdf_words(path):
    """The text of a PDF in the order it was drawn (-raw: cell by cell, so wrapped table cells stay whole), squeezed."""
    return squeeze(subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout)


def framework_data(page):
    return page.evaluate("JSON.parse(document.getElementById('framework-data').textContent)")


def saved_part(answers, control):
    """What the answers hold for a control, by its name: <item>--<part>, or <form>--<row>--<field> in a table."""
    item, part = control.split("--", 1)
    answer = answers.get(item, {})
    if "rows" in answer:
        row, field = part.split("--", 1)
        return answer["rows"][int(row) - 1].get(field)
    return answer.get(part)


class Watch:
    """A page in a context without CSP, with everything that would show a payload ran: the trapped window.__xss,
    dialogs, page errors and console errors, requests, and markup on the page that only user text could bring."""

    def __init__(self, page):
        self.page, self.dialogs, self.errors, self.requests = page, [], [], []
        page.add_init_script(TRAP)
        page.on("dialog", self._dialog)
        page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        page.on("console", lambda m: self.errors.append(f"{m.type}: {m.text}") if m.type in ("error", "warning") else None)
        page.on("request", lambda request: self.requests.append(request.url))
        self.url = self.baseline = None

    def _dialog(self, dialog):
        self.dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    def open(self, url, framework):
        tool = open_tool(self.page, url, framework)
        self.url = url.split("#")[0]
        self.baseline = self.scan()["counts"]
        return tool

    def scan(self, root=None):
        return self.page.evaluate(SCAN, [WATCHED_TAGS, root])

    def assert_clean(self, where):
        scan = self.scan()
        seen = {"ran": self.page.evaluate("window.__xssHits"), "dialogs": self.dialogs, "markup": scan["found"],
                "new elements": {tag: count for tag, count in scan["counts"].items() if count != self.baseline[tag]},
                "errors": self.errors, "requests": [url for url in self.requests if url != self.url]}
        assert seen == {"ran": [], "dialogs": [], "markup": [], "new elements": {}, "errors": [], "requests": []}, where


def new_context(browser, **options):
    context = browser.new_context(viewport={"width": 1100, "height": 900}, locale="en-GB", timezone_id="Europe/London",
                                  **options)
    context.set_default_timeout(10000)
    return context


@pytest.fixture
def context(browser):
    """conftest's fresh profile (and so its page), in London's time zone, so that dates read as the tests spell them."""
    context = new_context(browser)
    yield context
    context.close()


@pytest.fixture
def xss(browser):
    """A page whose CSP is bypassed, so that a payload rendered as HTML would run, watched for any sign of it."""
    context = new_context(browser, bypass_csp=True)
    watch = Watch(context.new_page())
    yield watch
    context.close()


def test_the_payloads_are_many_distinct_and_of_every_kind():
    assert len(PAYLOADS) >= 50
    assert len(set(PAYLOADS)) == len(PAYLOADS)
    assert all(payload == payload.strip() and "\n" not in payload for payload in PAYLOADS)  # input boxes keep them whole
    kinds = {"script tags": "<script", "event handlers": "onerror=", "javascript: URLs": "javascript:", "SVG": "<svg",
             "MathML": "<math", "entities": "&#", "percent-encoding": "%3c", "escapes": "\\u003c", "iframes": "<iframe",
             "data: URLs": "data:", "templates": "{{", "closing tags": "</textarea>"}
    assert [kind for kind, mark in kinds.items() if not any(mark in payload.lower() for payload in PAYLOADS)] == []


def test_each_payload_would_be_caught_if_it_were_rendered_as_html(xss, fresh_site):
    """The checks can fail: every payload with markup, put into the page with innerHTML (or into an attribute by
    joining strings), is seen by the scan, or runs, or does not read back as itself."""
    page = xss.page
    xss.open((fresh_site / "send-audit-rag.html").as_uri(), AUDIT)
    page.evaluate("""payloads => payloads.forEach((html, index) => {
        const box = document.createElement("div");
        box.id = "as-html-" + index;
        box.innerHTML = html;
        const attribute = document.createElement("div");
        attribute.id = "as-attribute-" + index;
        attribute.innerHTML = '<a href="' + html + '" title="' + html + '">x</a>';
        document.getElementById("main").append(box, attribute);
    })""", PAYLOADS)
    page.wait_for_timeout(1000)  # for onerror, onload and friends
    missed = []
    for index, payload in enumerate(PAYLOADS):
        as_html = xss.scan(f"#as-html-{index}")
        caught_as_html = as_html["found"] or any(as_html["counts"].values()) or \
            page.locator(f"#as-html-{index}").text_content() != payload
        as_attribute = xss.scan(f"#as-attribute-{index}")
        caught_as_attribute = as_attribute["found"] or any(as_attribute["counts"].values())
        if (("<" in payload or "&" in payload) and not caught_as_html) or ('" on' in payload and not caught_as_attribute):
            missed.append(payload)
    assert missed == []
    assert page.evaluate("window.__xssHits")  # payloads did run here: the trap sees them
    assert xss.dialogs  # and alert() and confirm() are seen


# ---------------------------------------------------------------------------------------------- CSP

EXPECTED_DIRECTIVES = {"default-src", "script-src", "style-src", "img-src", "connect-src", "base-uri", "form-action"}
HASH_SOURCE = re.compile(r"^'sha256-[A-Za-z0-9+/]{43}='$")

POLICY = """() => {
  const metas = [...document.querySelectorAll("meta")]
    .filter(meta => (meta.httpEquiv || "").toLowerCase() === "content-security-policy");
  const first = metas[0];
  const after = element => Boolean(first.compareDocumentPosition(element) & Node.DOCUMENT_POSITION_FOLLOWING);
  return {count: metas.length, content: first ? first.content : null,
          inHead: Boolean(first) && first.parentElement === document.head,
          beforeCode: Boolean(first) && [...document.querySelectorAll("script, style, link, img")].every(after)};
}"""

# Try what the policy forbids, from inside the page: inline code added later, a network image, a fetch.
FORBIDDEN = """base => new Promise(resolve => {
  const seen = [];
  document.addEventListener("securitypolicyviolation", event => seen.push(event.effectiveDirective));
  const script = document.createElement("script");
  script.textContent = "window.__cspProbe = 1";
  document.head.appendChild(script);
  const style = document.createElement("style");
  style.textContent = "body { outline: 1px solid red; }";
  document.head.appendChild(style);
  const image = new Image();
  image.src = base + "probe.png";
  fetch(base + "probe.json").catch(() => null);
  setTimeout(() => resolve({ran: window.__cspProbe === 1, seen: [...new Set(seen)].sort()}), 300);
})"""


def parse_policy(content):
    directives = [part.split() for part in content.split(";") if part.strip()]
    names = [parts[0] for parts in directives]
    assert len(names) == len(set(names)), f"a directive given twice: {names}"
    return {parts[0]: parts[1:] for parts in directives}


def use_the_tool(page, tool):
    """Rate, type, and go round the views as a school would, then download the answers and both spreadsheets."""
    page.evaluate("() => { const radio = document.querySelector('.section input[type=radio]'); if (radio) { radio.click(); } }")
    box = page.evaluate("""() => { const box = document.querySelector('.section textarea, .section input[type=text]');
                                   return box && [box.closest('.section').id, box.name]; }""")
    tool.go(f"#{box[0]}")
    page.locator(f"[name='{box[1]}']").fill("Minutes of the governors' meeting")
    tool.leave_field()
    for view in ("#summary", "#priorities", "#plan"):
        tool.go(view)
    page.locator("#add-action").click()
    page.keyboard.type("Train every teaching assistant")
    tool.leave_field()
    tool.go("#review-points")
    page.locator("#save-review-point").click()
    tool.go("#assessments")
    tool.go("#files")
    for button in ("#download-answers", "#download-ratings-csv", "#download-plan-csv"):
        with page.expect_download() as download:
            page.locator(button).click()
        assert download.value.path()


@pytest.mark.parametrize("where", ["file", "http"])
@pytest.mark.parametrize("name", PAGES)
def test_the_csp_as_the_browser_sees_it_and_no_request_but_the_page(name, where, context, fresh_site, http_site):
    page = context.new_page()
    requests, problems = [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda message: problems.append(message.text) if message.type in ("error", "warning") else None)
    url = url_of(where, fresh_site, http_site, name)
    page.goto(url)
    page.wait_for_load_state("load")

    seen = page.evaluate(POLICY)
    assert (seen["count"], seen["inHead"], seen["beforeCode"]) == (1, True, True)
    policy = parse_policy(seen["content"])
    assert set(policy) == EXPECTED_DIRECTIVES
    assert {key: policy[key] for key in ("default-src", "img-src", "connect-src", "base-uri", "form-action")} == {
        "default-src": ["'none'"], "img-src": ["data:"], "connect-src": ["'none'"], "base-uri": ["'none'"],
        "form-action": ["'none'"]}
    scripts = policy["script-src"]
    assert scripts == ["'none'"] or (scripts and all(HASH_SOURCE.match(source) for source in scripts))
    assert policy["style-src"] and all(HASH_SOURCE.match(source) for source in policy["style-src"])
    framework = name.removesuffix(".html")
    if framework in SEEDS:
        assert policy["script-src"] != ["'none'"]
        tool = open_tool(page, url, framework)
        use_the_tool(page, tool)
    assert problems == []
    assert requests and set(requests) == {url}

    # what the policy forbids is blocked: Chromium reports the image it did not fetch as a request that failed
    finished, failed = [], []
    page.on("requestfinished", lambda request: finished.append(request.url))
    page.on("requestfailed", lambda request: failed.append((request.url.rsplit("/", 1)[-1], request.failure)))
    base = http_site if where == "http" else (fresh_site / "x").as_uri()[:-1]
    forbidden = page.evaluate(FORBIDDEN, base)
    assert forbidden == {"ran": False, "seen": ["connect-src", "img-src", "script-src-elem", "style-src-elem"]}
    assert finished == []
    assert all(failure in ("csp", "net::ERR_BLOCKED_BY_CSP") for _, failure in failed), failed


# ---------------------------------------------------------------------------------------------- typed

def type_into_every_field(page, tool, data, payloads):
    """Type a payload into every text box of every section (evidence, text answers, form fields, table rows, grid
    cells, number fields), after adding a row to every table; returns {control name: payload}."""
    typed = {}
    for section in data["sections"]:
        tool.go(f"#{section['id']}")
        for button in tool.section().locator("[data-add-row]").all():
            button.click()
        names = tool.section().evaluate(
            "s => [...s.querySelectorAll('textarea:enabled, input[type=text]:enabled')].map(c => c.name)")
        for control in names:
            text = next(payloads)
            tool.section().locator(f"[name={json.dumps(control)}]").fill(text)
            typed[control] = text
    tool.leave_field()
    return typed


KINDS = {"send-self-evaluation": {"evidence"}, "send-audit-rag": {"evidence"},
         "herts-send-benchmark": {"evidence", "text", "form", "table row"},
         "good-to-great-send": {"text", "form", "table row", "grid", "number"},
         "lls-send-review": {"text", "form", "table row", "number"}}


def kinds_of(items, control):
    """The kinds of text box a control is: evidence, text answer, form field, table row, grid cell, number field."""
    item_id, part = control.split("--", 1)
    item = items[item_id]
    if item["type"] == "statement":
        return {"evidence"}
    if item["type"] in ("text", "grid"):
        return {item["type"]} | ({"number"} if item.get("cells") == "number" else set())
    field = next(f for f in item["fields"] if f["id"] == part.split("--")[-1])
    return {"table row" if item["repeat"] else "form"} | ({"number"} if field["type"] == "number" else set())


@pytest.mark.parametrize("name", SEEDS)
def test_payloads_typed_into_every_kind_of_field_are_shown_only_as_text(name, xss, fresh_site, tmp_path):
    page = xss.page
    tool = xss.open((fresh_site / f"{name}.html").as_uri(), name)
    data = framework_data(page)
    items = {item["id"]: item for section in data["sections"] for item in section["items"]}
    payloads = rotation(SEEDS.index(name) * 11)

    # the assessment's setting, date or term, and who took part
    tool.go("#assessments")
    details = {field: next(payloads) for field in ("setting", "period", "participants")}
    for field, text in details.items():
        page.locator(f"#assessment-{field}").fill(text)
    tool.leave_field()
    title = f"{details['setting']}, {details['period']}"
    assert page.locator("#assessment-name").text_content() == title
    xss.assert_clean("the assessment's details")

    # a review point named with a payload, saved before any answer
    tool.go("#review-points")
    point = next(payloads)
    page.locator("#review-point-name").fill(point)
    page.locator("#save-review-point").click()
    assert page.locator("#done-message").text_content() == f"Review point saved: {point}."
    assert page.locator("#review-point-list tbody td").first.text_content() == point

    typed = type_into_every_field(page, tool, data, payloads)
    xss.assert_clean("typing in every section")
    assert set().union(*(kinds_of(items, control) for control in typed)) == KINDS[name]
    answers = tool.answers()
    assert {control: saved_part(answers, control) for control in typed} == typed  # saved exactly as typed
    for control, text in typed.items():
        item = items[control.split("--")[0]]
        if item["type"] == "form" and item["repeat"]:  # "Remove row 2 (…)" names the row by what it holds
            row = page.locator(f"[name={json.dumps(control)}]").locator("xpath=ancestor::tr[1]")
            assert norm(text) in norm(row.locator("[data-remove-row]").text_content())

    # the comparison with the review point lists every answer typed, as text
    tool.go("#review-points")
    page.locator("#review-point-list tbody a").first.click()
    page.wait_for_function("() => !document.getElementById('compare').hidden")
    assert page.locator("#compare-title").text_content() == f"What has changed since {point}"
    assert f"the review point “{point}” was saved on" in page.locator("#compare-summary").text_content()
    after = page.locator("#compare-changes .compare-table__after").all_text_contents()
    assert collections.Counter(after) == collections.Counter(typed.values())
    xss.assert_clean("compare")

    # renaming it (the dialog's title names it), and the delete dialog
    tool.go("#review-points")
    page.locator("[data-rename-point]").first.click()
    assert page.locator("#rename-title").text_content() == f"Rename the review point {point}"
    assert page.locator("#rename-input").input_value() == point
    renamed = next(payloads)
    page.locator("#rename-input").fill(renamed)
    page.locator("#rename-save").click()
    assert page.locator("#done-message").text_content() == f"Review point renamed: {renamed}."
    assert page.locator("#review-point-list tbody td").first.text_content() == renamed
    assert tool.record()["reviewPoints"][0]["name"] == renamed
    page.locator("[data-delete-point]").first.click()
    assert page.locator("#confirm-title").text_content() == f"Delete the review point {renamed}?"
    page.locator("#confirm-no").click()
    xss.assert_clean("review point dialogs")

    # an action in the plan, every text field a payload
    tool.go("#plan")
    page.locator("#add-action").click()
    action_id = tool.record()["actions"][-1]["id"]
    fields = {field: next(payloads) for field in ("target", "actions", "responsible", "resources", "evaluation")}
    for field, text in fields.items():
        page.locator(f"#action-{action_id}--{field}").fill(text)
    tool.leave_field()
    assert {field: tool.record()["actions"][-1][field] for field in fields} == fields
    tool.go("#overview")
    tool.go("#plan")
    assert [page.locator(f"#action-{action_id}--{field}").input_value() for field in fields] == list(fields.values())
    assert page.locator("#plan-table tbody tr").last.locator("td").all_text_contents()[1:6] == list(fields.values())
    assert page.locator("#plan-table-caption").text_content() == f"Action plan: {title}"
    page.locator(f"#action-{action_id} [data-remove]").click()
    assert page.locator("#plan-message-text").text_content() == \
        f"Deleted action 1 ({js_shorten(fields['target'], 60)})."
    page.locator("#plan-undo").click()
    planned = {control: text for control, text in typed.items() if items[control.split("--")[0]].get("plan")}
    notes = norm(page.locator("#plan-notes").text_content())
    assert [text for text in planned.values() if norm(text) not in notes] == []
    xss.assert_clean("plan")

    # every view that shows what was typed
    for view in ("#overview", "#summary", "#priorities", "#plan", "#review-points", "#assessments", "#files"):
        tool.go(view)
        xss.assert_clean(view)
    tool.go("#summary")
    assert page.locator("#summary-intro").text_content().startswith(f"{title}: ")
    tool.go("#assessments")
    row = page.locator("#assessment-list tbody tr").first.locator("td").all_text_contents()
    assert row[:2] == [details["setting"], details["period"]]
    assert [page.locator(f"#assessment-{f}").input_value() for f in details] == list(details.values())
    tool.go("#files")
    assert page.locator("#download-current-name").text_content() == title

    # printed: the cover, the plan and the notes as text; the boxes keep what was typed
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert [page.locator(f"#cover-{field}").text_content().split("\n")[0] for field in details] == list(details.values())
    shown = norm(page.evaluate("document.body.innerText"))
    assert [text for text in [*details.values(), *fields.values(), *planned.values()] if norm(text) not in shown] == []
    assert dict(zip(typed, page.evaluate(FIELD_VALUES, list(typed)))) == typed
    xss.assert_clean("print layout")
    if name in ("send-audit-rag", "herts-send-benchmark"):
        page.pdf(path=str(tmp_path / "report.pdf"), prefer_css_page_size=True)
        words = pdf_words(tmp_path / "report.pdf")
        boxes = page.evaluate("names => names.filter(n => document.getElementsByName(n)[0].tagName === 'TEXTAREA')", list(typed))
        expected = {**{f"cover {k}": v for k, v in details.items()}, **{f"plan {k}": v for k, v in fields.items()},
                    **{box: typed[box] for box in boxes}}
        assert {where: text for where, text in expected.items() if printable(text) and squeeze(text) not in words} == {}
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    # read back from storage
    page.reload()
    page.wait_for_function("() => document.getElementById('save-status').textContent !== ''")
    assert dict(zip(typed, page.evaluate(FIELD_VALUES, list(typed)))) == typed
    xss.assert_clean("reloaded")

    # another assessment, a copy and the delete dialog
    tool.go("#assessments")
    original = tool.record()["id"]
    other = {"setting": next(payloads), "period": next(payloads)}
    page.locator("#new-setting").fill(other["setting"])
    page.locator("#new-period").fill(other["period"])
    page.locator("#new-assessment").click()
    assert page.locator("#done-message").text_content() == \
        f"Started a new assessment: {other['setting']}, {other['period']}."
    tool.go("#assessments")
    page.locator(f"button[data-duplicate='{original}']").click()
    assert page.locator("#done-message").text_content() == f"Made a copy: {details['setting']} (copy), {details['period']}."
    page.locator(f"button[data-delete='{original}']").click()
    assert page.locator("#confirm-title").text_content() == f"Delete {title}?"
    page.locator("#confirm-no").click()
    settings_shown = page.locator("#assessment-list tbody tr td:first-child").all_text_contents()
    assert sorted(settings_shown) == sorted([details["setting"], f"{details['setting']} (copy)", other["setting"]])
    xss.assert_clean("assessments")
    used = {*details.values(), point, renamed, *typed.values(), *fields.values(), *other.values()}
    assert len(used) == min(len(PAYLOADS), 3 + 2 + len(typed) + 5 + 2)


# ---------------------------------------------------------------------------------------------- loaded

MISSING = object()  # a field left out


def sample_record(number=1, **fields):
    record = {
        "format": RECORD_FORMAT, "formatVersion": 1, "framework": AUDIT, "frameworkVersion": "1.0",
        "id": f"a-sample-{number}", "setting": "Oak Primary", "period": "Autumn 2026", "created": "2026-11-01T09:00:00.000Z",
        "updated": "2026-11-20T15:30:00.000Z", "revision": 12, "participants": "SENCO: J. Smith",
        "answers": {"leadership-1": {"rag": "red", "evidence": "Minutes of 3 October"}, "leadership-2": {"rag": "green"},
                    "gone-statement": {"evidence": "kept"}, "a-table": {"rows": [{"role": "SENCO", "name": "J. Smith"}, {}]}},
        "completed": {"leadership": True, "teaching": False},
        "reviewPoints": [{"id": "r1", "name": "Baseline", "saved": "2026-10-01T09:00:00.000Z",
                          "answers": {"leadership-1": {"rag": "red"}}}],
        "actions": [{"id": "p1", "statements": ["leadership-1"], "target": "Move from Red to Green", "actions": "Train governors",
                     "responsible": "Head", "resources": "Two twilight sessions", "evaluation": "Governor minutes",
                     "review": "2027-01-31", "completed": "", "status": "in-progress"}],
    }
    record.update(fields)
    return {key: value for key, value in record.items() if value is not MISSING}


def checksum(records):
    """The file's checksum as computed here: the CRC-32 of JSON.stringify(records) as UTF-8."""
    return "crc32:%08x" % zlib.crc32(json.dumps(records, ensure_ascii=False, separators=(",", ":")).encode())


def file_text(records, **fields):
    """A file of answers for send-audit-rag; a field given as MISSING is left out."""
    body = {"format": FORMAT, "formatVersion": 1, "framework": AUDIT, "frameworkTitle": AUDIT_TITLE, "frameworkVersion": "1.0",
            "exported": EXPORTED, "checksum": checksum(records), "assessments": records}
    body.update(fields)
    return json.dumps({key: value for key, value in body.items() if value is not MISSING}, ensure_ascii=False, indent=1)


class Raw:
    """JSON text put into a file as it is (10,000 levels of nesting, 1e400, an escaped lone surrogate), with the value
    JavaScript reads from it, or a stand-in that the record's checks treat the same way."""

    def __init__(self, text, value):
        self.text, self.value = text, value

    def __deepcopy__(self, memo):
        return self

    def __repr__(self):
        return f"Raw({self.text[:20]!r}{'…' if len(self.text) > 20 else ''})"


DEEP = 10_000
DEEP_LIST = Raw("[" * DEEP + "]" * DEEP, [[[]]])
DEEP_OBJECT = Raw('{"a":' * DEEP + "{}" + "}" * DEEP, {"a": {"a": {}}})


def dumps(value):
    """JSON text as JSON.stringify writes it (no spaces), with Raw pieces as they are."""
    if isinstance(value, Raw):
        return value.text
    if isinstance(value, dict):
        return "{" + ",".join(json.dumps(k, ensure_ascii=False) + ":" + dumps(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ",".join(dumps(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False, allow_nan=False)


def plain(value):
    """The value as JavaScript sees it (Raw pieces by their stand-ins)."""
    if isinstance(value, Raw):
        return value.value
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


def raw_file(records, **fields):
    """file_text for records holding Raw pieces, with their checksum worked out here."""
    body = {"format": FORMAT, "formatVersion": 1, "framework": AUDIT, "frameworkTitle": AUDIT_TITLE, "frameworkVersion": "1.0",
            "exported": EXPORTED, "checksum": "crc32:%08x" % zlib.crc32(dumps(records).encode()), "assessments": records}
    body.update(fields)
    return dumps(body)


# What a file chosen brought, once the page shows it: ["error", the error summary's words, the field's own error's
# words], ["preview", its words], or ["nothing", ""] when neither shows within the time given (in ms).
CHOSEN = """wait => new Promise(done => {
  const error = document.getElementById("files-error"), preview = document.getElementById("load-preview");
  const until = performance.now() + wait;
  const look = () => {
    if (!error.hidden) {
      done(["error", document.getElementById("files-error-text").textContent,
            document.getElementById("load-file-error-text").textContent]);
    } else if (!preview.hidden) {
      done(["preview", preview.textContent]);
    } else if (performance.now() > until) {
      done(["nothing", ""]);
    } else {
      setTimeout(look, 1);
    }
  };
  look();
})"""


def choose(page, name, data):
    """Choose a file on #load-file; wait for the error summary or the preview, and return ("error"|"preview", text)."""
    page.evaluate("""() => {
        document.getElementById('load-file').value = '';
        document.getElementById('files-error').hidden = true;
        document.getElementById('load-preview').hidden = true; }""")
    page.set_input_files("#load-file", files=[{"name": name, "mimeType": "application/json", "buffer": data}])
    kind, text, *again = page.evaluate(CHOSEN, WAIT_MS)
    assert kind != "nothing", "neither an error nor the preview was shown"
    assert again in ([], [text])  # the field's own error says it again
    return kind, text


def xss_record(statements):
    """A record with a payload in every text a file can bring: details, evidence, answers for statements no longer in
    the framework (their ids payloads too), review point names and every field of the actions."""
    count = len(PAYLOADS)
    answers = {statement: {"rag": ["red", "amber", "green"][index % 3], "evidence": PAYLOADS[index % count]}
               for index, statement in enumerate(statements)}
    for index, payload in enumerate(PAYLOADS):
        answers[payload] = {"evidence": PAYLOADS[(index + 1) % count]}
    answers[PAYLOADS[0]]["rows"] = [{"role": PAYLOADS[2], "name": PAYLOADS[3]}]
    points = [{"id": f"r{index:03d}", "name": payload, "saved": f"2026-10-01T09:{index // 60:02d}:{index % 60:02d}.000Z",
               "answers": {}} for index, payload in enumerate(PAYLOADS)]
    actions = [{"id": f"p{number:03d}", "statements": [statements[number], PAYLOADS[number]], "review": "2027-01-31",
                "completed": "", "status": "in-progress",
                **{field: PAYLOADS[(number * 5 + offset) % count]
                   for offset, field in enumerate(("target", "actions", "responsible", "resources", "evaluation"))}}
               for number in range(math.ceil(count / 5))]
    return sample_record(id="a-xss-file", setting=PAYLOADS[0], period=PAYLOADS[1], participants=PAYLOADS[2],
                         frameworkVersion=PAYLOADS[3], answers=answers, reviewPoints=points, actions=actions)


FILE_NAME = "<img src=x onerror=window.__xss=900> answers.json"
SECOND_NAME = "<svg onload=window.__xss=901> again.json"


def test_payloads_in_a_loaded_file_are_shown_only_as_text(xss, fresh_site, tmp_path):
    page = xss.page
    url = (fresh_site / "send-audit-rag.html").as_uri()
    tool = xss.open(url + "#leadership", AUDIT)
    tool.section().locator("#leadership-1--rag").get_by_label("Green").check()  # something saved here already
    data = framework_data(page)
    statements = [item["id"] for section in data["sections"] for item in section["items"] if item["type"] == "statement"]
    record = xss_record(statements)
    title = f"{PAYLOADS[0]}, {PAYLOADS[1]}"

    tool.go("#files")
    kind, text = choose(page, FILE_NAME, file_text([record], frameworkTitle=PAYLOADS[4], frameworkVersion=PAYLOADS[5]).encode())
    assert kind == "preview"
    assert page.locator("#load-preview-summary").text_content() == (
        f"The file {FILE_NAME} holds 1 assessment of this framework, downloaded on 22 November 2026 at 10:42. "
        f"It was made with version {PAYLOADS[5]} of the framework; this page is version 1.0. Answers to statements that "
        "have changed are moved to the new statements, and any that cannot be are kept and listed. "
        "Choose what to do with it. Nothing changes until you select “Load answers”.")
    assert page.locator("#load-choices legend").text_content() == f"From the file: {title}"
    xss.assert_clean("preview")
    page.locator("#load-confirm").click()
    assert page.locator("#files-message-text").text_content() == f"Loaded {FILE_NAME}: “{title}” added as a new assessment."
    assert tool.record() | {"revision": 0, "updated": None} == record | {"revision": 0, "updated": None}

    # the overview lists the answers for statements no longer here, by their ids
    tool.go("#overview")
    assert page.locator("#assessment-name").text_content() == title
    assert page.locator("#orphan-list tbody th").all_text_contents() == PAYLOADS
    answers = page.locator("#orphan-list tbody td").all_text_contents()
    assert answers[0] == f"evidence: {PAYLOADS[1]}\nrows: {PAYLOADS[2]}, {PAYLOADS[3]}"
    assert answers[1:] == [f"evidence: {PAYLOADS[(index + 1) % len(PAYLOADS)]}" for index in range(1, len(PAYLOADS))]
    xss.assert_clean("overview")
    shown = page.evaluate(FIELD_VALUES, [f"{statement}--evidence" for statement in statements])
    assert shown == [record["answers"][statement]["evidence"] for statement in statements]

    # review points, and the comparison with two of them
    tool.go("#review-points")
    assert page.locator("#review-point-list tbody tr td:first-child").all_text_contents() == PAYLOADS[::-1]
    for index in (0, len(PAYLOADS) - 1):
        page.goto(f"{url}#compare-r{index:03d}")
        page.wait_for_function("() => !document.getElementById('compare').hidden")
        assert page.locator("#compare-title").text_content() == f"What has changed since {PAYLOADS[index]}"
        after = page.locator("#compare-changes .compare-table__after").all_text_contents()
        assert {record["answers"][statement]["evidence"] for statement in statements} <= set(after)
        xss.assert_clean(f"compare {index}")

    # the plan: cards, the table, the statements linked (their ids payloads too)
    tool.go("#plan")
    fields = ("target", "actions", "responsible", "resources", "evaluation")
    for action in record["actions"]:
        values = [page.locator(f"#action-{action['id']}--{field}").input_value() for field in fields]
        assert values == [action[field] for field in fields]
        linked = page.locator(f"#action-{action['id']} .action__linked a").all_text_contents()
        assert linked[1] == f"{action['statements'][1]} (no longer in this framework)"
    rows = page.locator("#plan-table tbody tr").all()
    for action, row in zip(record["actions"], rows, strict=True):
        cells = row.locator("td").all_text_contents()
        assert cells[0].endswith(f"\n{action['statements'][1]} (no longer in this framework)")
        assert cells[1:6] == [action[field] for field in fields]
    xss.assert_clean("plan")
    for view in ("#summary", "#priorities", "#assessments", "#files", "#overview"):
        tool.go(view)
        xss.assert_clean(view)
    tool.go("#assessments")
    assert page.locator("#assessment-list tbody tr").first.locator("td").all_text_contents()[:2] == PAYLOADS[:2]

    # printed
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert [page.locator(f"#cover-{field}").text_content() for field in ("setting", "period", "participants")] == PAYLOADS[:3]
    shown = norm(page.evaluate("document.body.innerText"))
    in_plan = [action[field] for action in record["actions"] for field in fields]
    assert [text for text in [*PAYLOADS[:3], *in_plan] if norm(text) not in shown] == []
    xss.assert_clean("print layout")
    page.pdf(path=str(tmp_path / "report.pdf"), prefer_css_page_size=True)
    words = pdf_words(tmp_path / "report.pdf")
    evidence = [record["answers"][statement]["evidence"] for statement in statements]
    assert [text for text in {*PAYLOADS[:3], *in_plan, *evidence} if printable(text) and squeeze(text) not in words] == []
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.emulate_media(media="screen")

    # loading again into it: the statements answered differently are listed by id
    again = copy.deepcopy(record)
    again["answers"] = {payload: {"evidence": f"changed {index}"} for index, payload in enumerate(PAYLOADS)}
    tool.go("#files")
    kind, _ = choose(page, SECOND_NAME, file_text([again]).encode())
    assert kind == "preview"
    choice = page.locator("#load-choices .radio").filter(has=page.locator("input:checked"))
    assert choice.locator("label").text_content() == f"Load it into {title}, saved here"
    assert choice.locator(".load-conflicts li .load-conflicts__name").all_text_contents() == [f"{p} (no longer in this framework)" for p in PAYLOADS]
    page.locator("#load-confirm").click()
    assert page.locator("#files-message-text").text_content() == (
        f"Loaded {SECOND_NAME}: loaded into “{title}” "
        f"(a review point, “Before loading {SECOND_NAME}”, keeps the answers it had).")
    tool.go("#review-points")
    assert f"Before loading {SECOND_NAME}" in page.locator("#review-point-list tbody tr td:first-child").all_text_contents()
    xss.assert_clean("loaded again")

    # files refused, with a payload quoted in the reason
    tool.go("#files")
    other = file_text([sample_record(framework="send-self-evaluation")], framework="send-self-evaluation",
                      frameworkTitle=PAYLOADS[10])
    assert choose(page, "other.json", other.encode()) == ("error", (
        f"The file holds answers for another framework, “{PAYLOADS[10]}”, not for this one, “{AUDIT_TITLE}”. "
        "Open that framework's page and load the file there."))
    wrong = file_text([sample_record(revision=PAYLOADS[11])])
    assert choose(page, "wrong.json", wrong.encode()) == ("error", (
        "The file cannot be loaded: its assessment has something of the wrong kind: \"revision\" should be a whole number, "
        f"not the text “{js_shorten(PAYLOADS[11], 41)}”. It may have been edited by hand. Nothing has been changed here."))
    xss.assert_clean("refused files")


# ---------------------------------------------------------------------------------------------- messages

def test_a_file_made_here_matches_the_one_the_page_downloads(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    tool.section().locator("#leadership-1--rag").get_by_label("Amber").check()
    tool.section().locator("#leadership-1--evidence").fill("Governors’ minutes “quoted”, \\ back\tslash, 中文 🙂 \u0007")
    tool.leave_field()
    tool.go("#files")
    with page.expect_download() as download:
        page.locator("#download-answers").click()
    made = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert made["checksum"] == checksum(made["assessments"])
    assert made["assessments"] == [tool.record()]
    assert {k: made[k] for k in ("format", "formatVersion", "framework", "frameworkTitle", "frameworkVersion")} == {
        "format": FORMAT, "formatVersion": 1, "framework": AUDIT, "frameworkTitle": AUDIT_TITLE, "frameworkVersion": "1.0"}
    texts = ["", "plain", "é ü 中文 🙂", "\u0000\u001f\u007f\u2028", "\"quotes\" and \\slashes\\", "x" * 100_000]
    assert page.evaluate("texts => texts.map(t => SendToolkit.transfer.crc32(t))", texts) == \
        ["%08x" % zlib.crc32(t.encode()) for t in texts]
    expect(page.locator("#files-message-text")).to_have_text(
        f"Downloaded {download.value.suggested_filename}, with 1 answer, 0 review points and 0 actions. It was read back "
        "and holds exactly what is saved. Keep it somewhere safe, such as your school's shared drive.")


def test_downloading_with_nothing_saved_says_so(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), AUDIT)
    tool.go("#files")
    page.locator("#download-answers").click()
    assert page.locator("#files-error-text").text_content() == \
        "There is nothing to download yet: this assessment has no answers saved. Answer a statement first."


NOT_JSON = ("The file is not a file of answers from this toolkit: it is not in the right format (JSON). "
            "Choose the file that “Download my answers” made: its name ends in .json.")
INCOMPLETE = ("The file is incomplete: it starts as a file of answers but is cut short or damaged, so it cannot be read. "
              "It may not have finished downloading or copying. "
              "Download your answers again on the computer where they are saved.")
NOT_OURS = ("The file is not a file of answers from this toolkit: it is JSON, but not the kind “Download my answers” makes. "
            "Check that you chose the right file.")
NO_ASSESSMENTS = "The file holds no assessments: there is nothing in it to load."
CHANGED = ("The file has been changed or damaged since it was downloaded: its checksum does not match what it holds, so it "
           "cannot be trusted. Use another copy, or download your answers again on the computer where they are saved.")
EMPTY = "The file is empty: it has nothing in it. It may not have finished downloading or copying."


def newer(version):
    return (f"The file was made by a newer version of the toolkit (file format {version}; this page reads format 1). "
            "Ask your council or adviser for the newest version of this page, then load the file there.")


def another(theirs, ours=AUDIT_TITLE):
    return (f"The file holds answers for another framework, “{theirs}”, not for this one, “{ours}”. "
            "Open that framework's page and load the file there.")


def wrong_kind(which, words):
    return (f"The file cannot be loaded: {which} has something of the wrong kind: {words}. "
            "It may have been edited by hand. Nothing has been changed here.")


GOOD = file_text([sample_record()])
MESSAGES = {
    "empty": (b"", EMPTY),
    "too big": (b" " * (6 * 1024 * 1024), "The file is 6.0 MB. A file of answers is never more than 5 MB, so this is not one, "
                                          "or it is damaged. Check that you chose the right file."),
    "not JSON": (b"Setting,Statement,Rating\nOak,1.1,Red\n", NOT_JSON),
    "cut short": (GOOD[:len(GOOD) // 2].encode(), INCOMPLETE),
    "cut before it says what it is": (GOOD[:10].encode(), NOT_JSON),
    "a list": (b"[1, 2, 3]", NOT_OURS),
    "another format": (json.dumps({"format": "something-else", "assessments": []}).encode(), NOT_OURS),
    "newer": (file_text([sample_record()], formatVersion=2).encode(), newer(2)),
    "another framework": (file_text([sample_record()], framework="send-self-evaluation",
                                    frameworkTitle="SEND Self Evaluation tool").encode(), another("SEND Self Evaluation tool")),
    "another framework, untitled": (file_text([sample_record()], framework="lls-send-review", frameworkTitle=MISSING).encode(),
                                    another("lls-send-review")),
    "no assessments": (file_text([]).encode(), NO_ASSESSMENTS),
    "assessments missing": (file_text([], assessments=MISSING).encode(), NO_ASSESSMENTS),
    "edited": (file_text([sample_record()], checksum=checksum([sample_record(setting="Elm")])).encode(), CHANGED),
    "wrong kind": (file_text([sample_record(revision="3")]).encode(),
                   wrong_kind("its assessment", '"revision" should be a whole number, not the text “3”')),
    "second wrong": (file_text([sample_record(1), sample_record(2, reviewPoints=[
        {"id": "r1", "name": None, "saved": EXPORTED, "answers": {}}])]).encode(),
        wrong_kind("its second assessment", '"reviewPoints.1.name" should be text, not empty')),
    "sixth wrong": (file_text([sample_record(n) for n in range(1, 6)]
                              + [sample_record(6, answers={"x": {"evidence": True}})]).encode(),
                    wrong_kind("its number 6 assessment", '"answers.x.evidence" should be a number or text, not true')),
    "not an assessment": (file_text(["Oak Primary"]).encode(), wrong_kind("its assessment", "it is not an assessment")),
    "not our assessment": (file_text([sample_record(format="other")]).encode(),
                           wrong_kind("its assessment", "it is not an assessment from this toolkit")),
    "record of another framework": (file_text([sample_record(framework="lls-send-review")]).encode(),
                                    wrong_kind("its assessment", '"framework" should be send-audit-rag')),
    "deep nesting": (raw_file([sample_record(answers={"x": {"evidence": DEEP_LIST}})]).encode(),
                     wrong_kind("its assessment", '"answers.x.evidence" should be a number or text, not a list')),
    "deep nesting everywhere": (raw_file([DEEP_LIST, DEEP_OBJECT]).encode(),
                                wrong_kind("its first assessment", "it is not an assessment")),
}


@pytest.mark.parametrize("case", MESSAGES)
def test_every_refused_file_says_why_in_the_toolkits_words(case, page, fresh_site):
    data, message = MESSAGES[case]
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()
    before = tool.storage()
    tool.go("#files")
    assert choose(page, "answers.json", data) == ("error", message)
    assert page.locator("#load-file-error").is_visible()
    assert page.evaluate("document.activeElement.id") == "files-error"
    assert page.locator("#load-file").evaluate("input => input.closest('.field').classList.contains('field--error')")
    assert tool.storage() == before


def test_the_reader_catches_what_it_cannot_read_in_its_own_words(page, fresh_site):
    open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), AUDIT)
    error = page.evaluate("""() => SendToolkit.transfer.read(Symbol("not text"), {framework: "send-audit-rag"}, "T").error""")
    assert error == "The file could not be read as a file of answers (TypeError). Check that you chose the right file."


def test_a_file_is_previewed_loaded_or_cancelled_in_the_toolkits_words(page, fresh_site):
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    tool.section().locator("#leadership-2--rag").get_by_label("Red").check()
    before = tool.storage()
    tool.go("#files")
    kind, _ = choose(page, "oak.json", GOOD.encode())
    assert kind == "preview"
    assert page.locator("#load-preview-summary").text_content() == (
        "The file oak.json holds 1 assessment of this framework, downloaded on 22 November 2026 at 10:42. "
        "Choose what to do with it. Nothing changes until you select “Load answers”.")
    assert page.locator("#load-choices .hint").first.text_content() == \
        "4 answers, 1 review point and 1 action; last saved 20 November 2026 at 15:30."
    page.locator("#load-cancel").click()
    assert page.locator("#files-message-text").text_content() == "Nothing was loaded."
    assert tool.storage() == before
    choose(page, "oak.json", GOOD.encode())
    page.locator("#load-confirm").click()
    assert page.locator("#files-message-text").text_content() == \
        "Loaded oak.json: “Oak Primary, Autumn 2026” added as a new assessment."
    assert len(tool.records()) == 2


def test_a_file_that_does_not_fit_is_not_loaded_at_all(page, fresh_site):
    """Loading is all or nothing: when the second assessment of a file does not fit, the first is taken out again."""
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()
    tool.go("#files")
    big = file_text([sample_record(1), sample_record(2, participants="x" * 200_000)])
    assert choose(page, "big.json", big.encode())[0] == "preview"
    page.evaluate("""() => {  // another page on this computer fills the shared store, then frees a little of it
        let n = 0;
        for (let size = 256 * 1024; size >= 1;) {
            try { localStorage.setItem("other-page:" + n, "x".repeat(size)); n += 1; }
            catch (e) { size = Math.floor(size / 2); } }
        const room = Object.keys(localStorage).filter(k => k.startsWith("other-page:"))
            .sort((a, b) => localStorage.getItem(a).length - localStorage.getItem(b).length)
            .find(k => localStorage.getItem(k).length >= 30000);
        localStorage.removeItem(room); }""")
    before = tool.storage()
    page.locator("#load-confirm").click()
    assert page.locator("#files-error-text").text_content() == \
        "Nothing was loaded: this browser's storage is full. Everything saved before is still here, unchanged."
    assert tool.storage() == before
    page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('other-page:')).forEach(k => localStorage.removeItem(k))")


# ---------------------------------------------------------------------------------------------- bugs found

def take_errors(page):
    """The page's errors so far, taken (so that they are reported once, by the test that looks at them)."""
    errors = list(page.errors)
    page.errors.clear()
    return errors


def test_ids_from_a_file_only_ever_name_things(page, fresh_site):
    """Review point and action ids come from a file as any text (the checks ask only for text): links to them
    must still lead to them."""
    ids = ["50%", "%3Cb%3E", "a b", PAYLOADS[0]]
    points = [{"id": point, "name": f"Point {n}", "saved": EXPORTED, "answers": {}} for n, point in enumerate(ids)]
    actions = [{"id": "100%", "statements": ["leadership-1"], "target": "T", "status": "not-started"}]
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#files", AUDIT)
    choose(page, "ids.json", file_text([sample_record(reviewPoints=points, actions=actions)]).encode())
    page.locator("#load-confirm").click()
    shown = {}
    for n, point in enumerate(ids):
        tool.go("#review-points")
        tool.follow(page.get_by_role("link", name=f"Compare with now (Point {n})"))
        title = page.locator("#compare-title").text_content() if page.locator("#compare").is_visible() else "no comparison shown"
        shown[point] = (title, take_errors(page))
    tool.go("#priorities")
    tool.follow(page.get_by_role("link", name="In the action plan: action 1"))
    shown["action 100%"] = ("plan shown" if page.locator("#plan").is_visible() else "no plan shown", take_errors(page))
    assert shown == {**{point: (f"What has changed since Point {n}", []) for n, point in enumerate(ids)},
                     "action 100%": ("plan shown", [])}


def test_answers_for_ids_named_like_javascript_built_ins_are_kept_and_listed(page, fresh_site):
    names = ["constructor", "toString", "hasOwnProperty", "__proto__"]
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    tool.section().locator("#leadership-1--rag").get_by_label("Red").check()
    tool.go("#files")
    record = sample_record(answers={name: {"evidence": f"kept under {name}"} for name in names})
    choose(page, "built-ins.json", file_text([record]).encode())
    into_here = page.locator("#load-choices .radio").nth(1).locator(".hint p").text_content()
    page.locator("#load-confirm").click()  # as a new assessment
    tool.go("#overview")
    listed = page.locator("#orphan-list tbody th").all_text_contents()
    page.goto(page.url.split("#")[0] + "#constructor")  # where a link to a linked statement of that id leads
    page.wait_for_load_state("load")
    found = {"loading into the one here": into_here.split(". ")[-1], "listed": listed, "kept": list(tool.answers()),
             "errors": take_errors(page)}
    assert found == {"loading into the one here": "No answer here is replaced.", "listed": names, "kept": names, "errors": []}


def test_dates_in_a_file_are_never_shown_as_nonsense(page, fresh_site):
    """exported, and an action's review and completed, are not checked as dates: damaged ones show as NaN."""
    actions = [{"id": "p1", "statements": [], "target": "T", "review": "soon", "completed": "last week", "status": "done"}]
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#files", AUDIT)
    choose(page, "dates.json", file_text([sample_record(actions=actions)], exported="yesterday").encode())
    preview = page.locator("#load-preview-summary").text_content()
    page.locator("#load-confirm").click()
    tool.go("#plan")
    shown = {"preview": preview, "plan": norm(page.locator("#plan-table tbody").text_content())}
    assert {where: text for where, text in shown.items() if re.search(r"NaN|undefined", text)} == {}


def test_a_file_with_a_garbled_format_version_is_not_called_newer(page, fresh_site):
    open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#files", AUDIT)
    said = {}
    for version in (MISSING, "1", None, 1.5, "two"):
        _, said[repr(version) if version is not MISSING else "missing"] = choose(
            page, "version.json", file_text([sample_record()], formatVersion=version).encode())
    assert {version: text for version, text in said.items() if "newer version" in text} == {}


def test_long_answers_are_printed_whole(page, fresh_site, tmp_path):
    """What the printed report shows of a text box is all of it, not the part that fits the box on screen."""
    page.add_init_script("window.print = () => {};")
    tool = open_tool(page, (fresh_site / "send-audit-rag.html").as_uri() + "#leadership", AUDIT)
    evidence = " ".join(f"point{n:03d}" for n in range(150))
    tool.section().locator("#leadership-1--evidence").fill(evidence)
    tool.leave_field()
    page.locator("[data-print-document=report]").first.evaluate("button => button.click()")
    page.pdf(path=str(tmp_path / "report.pdf"), prefer_css_page_size=True)
    words = subprocess.run(["pdftotext", str(tmp_path / "report.pdf"), "-"], capture_output=True, text=True, check=True).stdout
    assert [word for word in evidence.split() if word not in words] == []


# ---------------------------------------------------------------------------------------------- fuzzing
#
# The rules a file is checked by are written out again here (expected_outcome, record_problem), from the formats
# documented in transfer.js and assessments.js, so that what read() says about each generated file can be
# predicted: read, or refused with the reason, naming the field that is wrong.

SPECIAL = [DEEP_LIST, DEEP_OBJECT, Raw("1e400", math.inf), Raw("-1e400", -math.inf), Raw("-0", -0.0), Raw("1E2", 100.0),
           Raw("1.0", 1.0), Raw("1e-400", 0.0), Raw("1e308", 1e308), 2 ** 53, "p1", "r1", Raw('"\\ud800 lone"', "\ud800 lone"), Raw('"\\u0000"', "\u0000"),
           "", "2026-11-22T10:42:00.000Z", "not a date", "1", "Tue 1", "NaN", "Infinity", "null", "undefined",
           "[object Object]", "\u202e\u200b\ufeff", "\U0001f642" * 60, PAYLOADS[0], PAYLOADS[1]]
SCALARS = st.one_of(st.none(), st.booleans(), st.integers(-2 ** 53, 2 ** 53),
                    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30))
KEYS = st.text(max_size=8)
JSON_VALUES = st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=3) | st.dictionaries(KEYS, kids, max_size=3),
                           max_leaves=8)
HUGE = st.integers(100_000, 1_000_000).map(lambda n: "x" * n)
VALUES = st.one_of(SCALARS, SCALARS, st.sampled_from(SPECIAL), HUGE, JSON_VALUES)
# A value of the kind it replaces: text by other text (a payload, unicode, a huge one), a number by another number.
TEXTS = st.one_of(st.text(max_size=60), st.sampled_from(PAYLOADS),
                  st.sampled_from([value for value in SPECIAL if isinstance(plain(value), str)]), HUGE)
NUMBERS = st.one_of(st.integers(-2 ** 53, 2 ** 53), st.floats(allow_nan=False, allow_infinity=False),
                    st.sampled_from([value for value in SPECIAL if type(plain(value)) in (int, float)]))


def all_paths(value, at=()):
    yield at
    if isinstance(value, dict):
        for key, child in value.items():
            yield from all_paths(child, at + (key,))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from all_paths(child, at + (index,))


def value_at(value, path):
    """What is at a path of keys and indexes."""
    for step in path:
        value = value[step]
    return value


def pick(data, choices, options, label):
    """One of the options: from choices (a random.Random), evenly, where it is given; else drawn by hypothesis."""
    return choices.choice(options) if choices else data.draw(st.sampled_from(options), label=label)


def mutate(data, body, choices=None):
    """One change at a random place: a value replaced (wrong types, huge strings, deep nesting, odd numbers,
    unicode), or by one of its kind (TEXTS, NUMBERS), a key or item deleted, one added, or one copied (an item of a
    list twice, or the value of another field of that name put here: an id used twice). The place and the change are
    picked from choices where given. Returns the changed copy, and the change and the path changed."""
    body = copy.deepcopy(body)
    path = pick(data, choices, list(all_paths(body))[1:], "path")
    operation = pick(data, choices, ["replace", "replace", *["of its kind"] * 3, "delete", "add", "copy"], "operation")
    parent = value_at(body, path[:-1])
    target = parent[path[-1]]
    if operation == "delete":
        del parent[path[-1]]
    elif operation == "add" and isinstance(target, dict):
        target[data.draw(KEYS.filter(lambda k: k not in target), label="new key")] = data.draw(VALUES, label="value")
    elif operation == "add" and isinstance(target, list):
        target.insert(data.draw(st.integers(0, len(target)), label="at"), data.draw(VALUES, label="value"))
    elif operation == "copy" and isinstance(parent, list):
        parent.insert(path[-1] + 1, copy.deepcopy(target))
    elif operation == "copy":
        others = [at for at in all_paths(body) if at and at != path]
        named_alike = [at for at in others if at[-1] == path[-1]]
        source = pick(data, choices, named_alike or others, "copied from")
        parent[path[-1]] = copy.deepcopy(value_at(body, source))
    elif operation == "of its kind" and isinstance(target, str):
        parent[path[-1]] = data.draw(TEXTS, label="text")
    elif operation == "of its kind" and type(target) in (int, float):
        parent[path[-1]] = data.draw(NUMBERS, label="number")
    else:
        parent[path[-1]] = data.draw(VALUES, label="value")
    return body, (operation, path)


def is_number(value):
    return type(value) in (int, float)


def is_whole(value, least):
    """Number.isSafeInteger and at least this."""
    return is_number(value) and math.isfinite(value) and float(value).is_integer() and least <= value <= 2 ** 53 - 1


def js_keys(mapping):
    """Object.keys order: keys that are array indexes first, ascending, then the rest as written."""
    indexes = sorted((k for k in mapping if re.fullmatch(r"0|[1-9][0-9]*", k) and int(k) < 2 ** 32 - 1), key=int)
    return indexes + [k for k in mapping if k not in indexes]


def answers_problem(answers, at, statements):
    if not isinstance(answers, dict):
        return at
    for item in js_keys(answers):
        answer = answers[item]
        if not isinstance(answer, dict):
            return f"{at}.{item}"
        for part in js_keys(answer):
            value = answer[part]
            if part == "rows":
                fine = isinstance(value, list) and all(
                    isinstance(row, dict) and all(isinstance(v, str) for v in row.values()) for row in value)
            else:
                fine = isinstance(value, str) or (is_number(value) and math.isfinite(value))
            if not fine:
                return f"{at}.{item}.{part}"
        if item in statements and not isinstance(answer.get("evidence", ""), str):  # the views read it as text
            return f"{at}.{item}.evidence"
    return None


def list_problem(entries, at, most, entry_problem):
    """Too many entries, one not a set of fields or with a wrong field (entry_problem), or an id used twice: the
    field named, or None."""
    if len(entries) > most:
        return at
    for number, entry in enumerate(entries, 1):
        wrong = f"{at}.{number}" if not isinstance(entry, dict) else entry_problem(entry, f"{at}.{number}")
        if wrong:
            return wrong
    ids = [entry["id"] for entry in entries]
    return next((f"{at}.{number}.id" for number, id in enumerate(ids, 1) if id in ids[:number - 1]), None)


def first_wrong(checks):
    return next((name for name, fine in checks if not fine), None)


LATEST = 253402300799999  # the end of the year 9999, in ms: the latest time a stamp may hold


def is_time(value):
    return is_whole(value, 0) and value <= LATEST


def is_copy(value):
    """A copy's id: up to 8 letters and digits."""
    return isinstance(value, str) and re.fullmatch(r"[0-9a-z]{1,8}", value) is not None


def is_stamp(value):
    """When and in which copy a part changed: the time in ms in base 36, a dot, the copy."""
    return isinstance(value, str) and re.fullmatch(r"[0-9a-z]{1,11}\.[0-9a-z]{1,8}", value) is not None and \
        int(value.split(".")[0], 36) <= LATEST


def short_text(value):
    return isinstance(value, str) and utf16_length(value) <= 200


def record_problem(record, is_date):
    """What should be found wrong first in a record of the file, by the record format of assessments.js and the
    framework check of transfer.js: ("field", its dotted name), ("words", the whole reason), or None. (An agreed
    assessment's moderation, which no file made here holds, is not written out.)"""
    if not isinstance(record, dict):
        return "words", "it is not an assessment"
    if record.get("format", MISSING) != RECORD_FORMAT:
        return "words", "it is not an assessment from this toolkit"

    def get(key):
        return record.get(key, MISSING)

    def date(value):
        return isinstance(value, str) and is_date(value)

    def shape_problem(statements):  # with the answers to these statements checked as the views read them
        wrong = first_wrong([
            ("formatVersion", is_whole(get("formatVersion"), 1)),
            ("framework", isinstance(get("framework"), str)),
            ("frameworkVersion", isinstance(get("frameworkVersion"), str)),
            ("id", isinstance(get("id"), str) and 0 < utf16_length(get("id")) <= 100),
            ("setting", isinstance(get("setting"), str)),
            ("period", isinstance(get("period"), str)),
            ("participants", get("participants") is MISSING or isinstance(get("participants"), str)),
            ("rater", get("rater") is MISSING or short_text(get("rater"))),
            ("role", get("role") is MISSING or short_text(get("role"))),
            ("writer", get("writer") is MISSING or get("writer") in ("", "school", "reviewer")),
            ("created", date(get("created"))),
            ("updated", get("updated") is None or date(get("updated"))),
            ("revision", is_whole(get("revision"), 0) and get("revision") <= 10 ** 15),
            ("completed", isinstance(get("completed"), dict) and all(isinstance(v, bool) for v in get("completed").values())),
            ("reviewPoints", isinstance(get("reviewPoints"), list)),
            ("actions", get("actions") is MISSING or isinstance(get("actions"), list)),
            ("copy", get("copy") is MISSING or is_copy(get("copy"))),
            ("seen", get("seen") is MISSING or isinstance(get("seen"), dict) and all(
                is_copy(copy) and is_time(time) for copy, time in get("seen").items())),
            ("raters", get("raters") is MISSING or isinstance(get("raters"), dict) and all(
                is_copy(copy) and short_text(rater) for copy, rater in get("raters").items())),
            ("changed", get("changed") is MISSING or isinstance(get("changed"), dict) and all(
                isinstance(parts, dict) and all(map(is_stamp, parts.values())) for parts in get("changed").values())),
        ]) or answers_problem(get("answers"), "answers", statements)
        if not wrong:
            wrong = list_problem(get("reviewPoints"), "reviewPoints", 200, lambda point, at: first_wrong([
                (f"{at}.id", isinstance(point.get("id"), str) and len(point["id"]) > 0),
                (f"{at}.name", isinstance(point.get("name"), str)),
                (f"{at}.saved", date(point.get("saved")))]) or answers_problem(
                    point.get("answers", MISSING), f"{at}.answers", statements))
        if not wrong and get("actions") is not MISSING:
            wrong = list_problem(get("actions"), "actions", 500, lambda action, at: first_wrong(
                [(f"{at}.id", isinstance(action.get("id"), str) and len(action["id"]) > 0),
                 (f"{at}.statements", isinstance(action.get("statements"), list) and all(
                     isinstance(s, str) for s in action["statements"]))]
                + [(f"{at}.{field}", isinstance(action[field], str)) for field in js_keys(action) if field != "statements"]))
        return wrong

    wrong = shape_problem(())
    if wrong:
        return "field", wrong
    if record["framework"] != AUDIT:
        return "words", '"framework" should be send-audit-rag'
    wrong = shape_problem(AUDIT_STATEMENTS)
    return ("field", wrong) if wrong else None


def ordinal(index, count):
    if count == 1:
        return "its assessment"
    which = ["first", "second", "third", "fourth", "fifth"][index] if index < 5 else f"number {index + 1}"
    return f"its {which} assessment"


def expected_outcome(body, checksum_ok, is_date):
    """What read() should say about a file, as JavaScript parses it, by the rules of transfer.js in their order:
    ("read",), ("refused", message or the start of one), or ("wrong", which assessment, record_problem)."""
    if not isinstance(body, dict) or body.get("format", MISSING) != FORMAT:
        return "refused", NOT_OURS
    version = body.get("formatVersion", MISSING)
    if not (is_number(version) and math.isfinite(version) and float(version).is_integer()) or version < 1:
        return "refused", DAMAGED_VERSION
    if version > 1:
        return "refused", "The file was made by a newer version of the toolkit"
    if body.get("framework", MISSING) != AUDIT:
        return "refused", "The file holds answers for another framework"
    records = body.get("assessments", MISSING)
    if not isinstance(records, list) or not records:
        return "refused", NO_ASSESSMENTS
    if not checksum_ok:
        return "refused", CHANGED
    for index, record in enumerate(records):
        problem = record_problem(record, is_date)
        if problem:
            return "wrong", ordinal(index, len(records)), problem
    return ("read",)


DAMAGED_VERSION = ("The file is damaged: it does not say which version of the file format it is in, so it cannot be read. "
                   "Use another copy, or download your answers again on the computer where they are saved.")

MESSAGE_KINDS = {
    "damaged version": re.escape(DAMAGED_VERSION),
    "not JSON": re.escape(NOT_JSON), "incomplete": re.escape(INCOMPLETE), "not ours": re.escape(NOT_OURS),
    "no assessments": re.escape(NO_ASSESSMENTS), "changed": re.escape(CHANGED), "empty": re.escape(EMPTY),
    "newer": re.escape(newer("@")).replace("@", ".*"),
    "another framework": re.escape(another("@", "@")).replace("@", ".*"),
    "wrong kind": re.escape(wrong_kind("@1", "@2")).replace(
        "@1", r"its (assessment|\w+ assessment|number \d+ assessment)").replace("@2", ".*"),
    "too big": r"The file is \d+\.\d MB\. A file of answers is never more than 5 MB, so this is not one, or it is damaged\. "
               r"Check that you chose the right file\."}


def message_kind(message):
    """Which of the toolkit's own messages this is (never the catch-all for a reader that threw), or None."""
    kinds = [kind for kind, pattern in MESSAGE_KINDS.items() if isinstance(message, str) and re.fullmatch(pattern, message, re.S)]
    return kinds[0] if len(kinds) == 1 else None


def says_why(message):
    return message_kind(message) is not None


# read() on a text, and whether the records it gives are exactly those in the file (with the defaults that
# assessments.migrate gives a record without actions or participants); checksumOk says whether the file's
# checksum matches what it holds, as the page computes it.
READ = """text => {
  const result = SendToolkit.transfer.read(text, window.__framework, window.__title);
  let same = null, checksumOk = null;
  try {
    const file = JSON.parse(text);
    checksumOk = file.checksum === "crc32:" + SendToolkit.transfer.crc32(JSON.stringify(file.assessments));
    if (result.records) {
      const expected = file.assessments.map(record => Object.assign(record, {
        actions: Array.isArray(record.actions) ? record.actions : [],
        participants: typeof record.participants === "string" ? record.participants : ""}));
      same = JSON.stringify(result.records) === JSON.stringify(expected);
    }
  } catch (error) { /* not JSON: nothing to compare */ }
  return {keys: Object.keys(result).sort(), error: result.error === undefined ? null : result.error,
          records: result.records ? result.records.length : null, same, checksumOk};
}"""
PREPARE = """() => {
  window.__framework = SendToolkit.answers.index(JSON.parse(document.getElementById("framework-data").textContent));
  window.__title = document.getElementById("framework-title").textContent.trim();
}"""
CRC = "text => 'crc32:' + SendToolkit.transfer.crc32(JSON.stringify(JSON.parse(text)))"

FUZZ_SETTINGS = dict(deadline=None, derandomize=True, database=None, print_blob=False,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example,
                                            HealthCheck.function_scoped_fixture, HealthCheck.filter_too_much])


def fuzz_body():
    """A sound file of two assessments (the second without participants), as data to change."""
    return json.loads(file_text([sample_record(1), sample_record(2, setting="Elm Academy", participants=MISSING)]))


def generated_file(data, page, mode):
    """A generated file: (its text, its data for expected_outcome or None, the exact message expected or None)."""
    body = fuzz_body()
    if mode == "text":
        return data.draw(st.text(max_size=300), label="text"), None, None
    if mode == "json":
        value = data.draw(st.recursive(SCALARS, lambda kids: st.lists(kids, max_size=4) | st.dictionaries(KEYS, kids, max_size=4),
                                       max_leaves=20), label="json")
        return json.dumps(value), value, None
    if mode == "ours":  # a sound file around assessments made up of anything
        keys = list(sample_record())
        records = data.draw(st.lists(st.one_of(
            VALUES,
            st.fixed_dictionaries({"format": st.just(RECORD_FORMAT)}, optional={key: VALUES for key in keys[1:]}),
            st.dictionaries(st.sampled_from(keys), VALUES, max_size=3).map(lambda changed: sample_record(**changed))),
            max_size=3), label="assessments")
        body["assessments"] = records
        body["checksum"] = page.evaluate(CRC, dumps(records))
        return dumps(body), body, None
    if mode == "sound":  # any text where the file has text, and answers for statements that are gone
        words = st.one_of(st.text(max_size=60), st.sampled_from(PAYLOADS))
        for record in body["assessments"]:
            for field in ("setting", "period", "participants"):
                record[field] = data.draw(words, label=field)
            record["answers"].update(data.draw(st.dictionaries(
                st.text(min_size=1, max_size=20), st.fixed_dictionaries({"evidence": words}), max_size=3), label="answers"))
            record["answers"]["leadership-3"] = {"rag": data.draw(st.sampled_from(["red", "amber", "green", "purple", ""]),
                                                                  label="rating")}
            record["reviewPoints"][0]["name"] = data.draw(words, label="review point")
            record["actions"][0].update(data.draw(st.fixed_dictionaries(
                {field: words for field in ("target", "actions", "responsible", "resources", "evaluation")}), label="action"))
        body["checksum"] = checksum(body["assessments"])
        return dumps(body), body, None
    if mode == "truncated":
        return truncated(data, file_text(body["assessments"]))
    text, body, _ = mutated(data, page, body)
    return text, body, None


def truncated(data, text, choices=None):
    """A file's text cut short anywhere (where choices picks, if given): (the text, None, the message expected)."""
    cut = choices.randrange(len(text)) if choices else data.draw(st.integers(0, len(text) - 1), label="cut")
    return text[:cut], None, INCOMPLETE if f'"{FORMAT}"' in text[:cut][:200] else NOT_JSON


def mutated(data, page, body, changes=1, choices=None):
    """A file's data changed (mutate, as many times as changes), with its checksum then made to match what it holds
    (mostly) where a change was to its assessments: (its text, its data, the changes and the paths changed)."""
    done = []
    for _ in range(changes):
        body, change = mutate(data, body, choices)
        done.append(change)
    if any(path[0] == "assessments" for _, path in done) and "assessments" in body and \
            data.draw(st.sampled_from([True, True, True, False]), label="checksum made to match"):
        body["checksum"] = page.evaluate(CRC, dumps(body["assessments"]))
    return dumps(body), body, done


def check_outcome(result, body, is_date):
    """What read() gave is what the rules give for the file."""
    outcome = expected_outcome(plain(body), result["checksumOk"], is_date)
    if outcome[0] == "read":
        assert result["error"] is None and result["same"], (outcome, result)
    elif outcome[0] == "refused":
        assert result["error"] is not None and result["error"].startswith(outcome[1]), (outcome, result)
    else:
        _, which, (kind, words) = outcome
        start = f"The file cannot be loaded: {which} has something of the wrong kind: "
        assert result["error"] is not None and result["error"].startswith(start), (outcome, result)
        reason = result["error"][len(start):]
        if kind == "field":  # names the field that is wrong
            assert reason.startswith(f'"{words}" should be '), (outcome, result)
        else:
            assert reason == f"{words}. It may have been edited by hand. Nothing has been changed here.", (outcome, result)
    return outcome


def date_checker(page):
    """Date.parse in the page decides what isDate accepts (it takes more than ISO dates)."""
    known = {}

    def is_date(text):
        if text not in known:
            known[text] = page.evaluate("text => !isNaN(Date.parse(text))", text)
        return known[text]
    return is_date


def check_read(page, text, body, expected, is_date):
    """read() never throws; it gives records, exactly those in the file, or a reason in the toolkit's words; and
    which of the two, and the reason, are those the rules give."""
    result = page.evaluate(READ, text)
    assert result["keys"] in (["error"], ["file", "records"]), result
    assert result["error"] is None or says_why(result["error"]), result["error"]
    assert result["error"] is not None or result["same"], result
    if expected is not None:
        assert result["error"] == expected
    if body is not None:
        check_outcome(result, body, is_date)
    return result


def test_read_never_throws_and_always_says_why_for_generated_files(page, fresh_site):
    open_tool(page, (fresh_site / "send-audit-rag.html").as_uri(), AUDIT)
    page.evaluate(PREPARE)
    is_date = date_checker(page)
    sound = fuzz_body()
    assert check_read(page, dumps(sound), sound, None, is_date)["records"] == 2
    seen = collections.Counter()

    @settings(max_examples=400, **FUZZ_SETTINGS)
    @given(st.data())
    def check(data):
        mode = data.draw(st.sampled_from(["text", "json", "ours", "sound", "truncated", "mutated", "mutated", "mutated",
                                          "mutated"]), label="mode")
        text, body, expected = generated_file(data, page, mode)
        result = check_read(page, text, body, expected, is_date)
        seen["read" if result["error"] is None else message_kind(result["error"])] += 1

    check()
    assert {"read", "wrong kind", "changed", "not ours", "not JSON", "incomplete"} <= set(seen), seen  # the files reach them all


# ---------------------------------------------------------------------------------------------- fuzzing through the page
#
# Files of answers made as a school makes them, downloaded with the page's own button, then changed, and chosen on
# Download or load: each is refused in the toolkit's words with nothing changed, or previewed; a previewed one is
# cancelled, or loaded (as a new assessment, or into the one here it came from), and then every view opens and
# everything prints without an error. Where and how a file is changed is picked by a random.Random that hypothesis
# seeds (hypothesis's own draws come back to the same few places, the file's first field most), the values put in
# are drawn by hypothesis; derandomized, so each run makes the same changes to files that differ only in the ids
# and times the page gave them.

SNAPSHOT_RESTORE = """saved => { Object.keys(localStorage).forEach(key => localStorage.removeItem(key));
                                 Object.entries(saved).forEach(([key, value]) => localStorage.setItem(key, value)); }"""

# Rate three statements of every four in the section showing, each with another point of its scale.
RATE_MOST = """section => { const scales = {};
  section.querySelectorAll("input[type=radio]").forEach(radio => {
    (scales[radio.name] = scales[radio.name] || []).push(radio); });
  Object.values(scales).forEach((points, n) => { if (n % 4 !== 3) { points[n % points.length].click(); } }); }"""

FILES_THROUGH_THE_PAGE = {AUDIT: 500, HERTS: 500}
FILE_NAMES = ["answers.json", "notes.txt", PAYLOADS[1] + ".json"]
TOO_BIG = 5 * 1024 * 1024 + 1
TOO_BIG_MESSAGE = ("The file is 5.0 MB. A file of answers is never more than 5 MB, so this is not one, or it is "
                   "damaged. Check that you chose the right file.")
RESET_EVERY = 6   # loads, before what was saved is put back and the page opened again

# Why a file that was previewed is not loaded after all when "Load answers" is selected (session.js).
NOTHING_LOADED = " Everything saved before is still here, unchanged."
LOADING_REFUSALS = {
    "too much": r"Nothing was loaded: “.*” would then have \d+ (actions|review points), more than the (500|200) one "
                r"assessment can hold\. Delete some it no longer needs, then load the file again\."
                + re.escape(NOTHING_LOADED),
    "storage full": re.escape("Nothing was loaded: this browser's storage is full." + NOTHING_LOADED)}


def loading_refusal(message):
    """Which of the toolkit's reasons for not loading a previewed file this is, or None."""
    return next((kind for kind, pattern in LOADING_REFUSALS.items() if re.fullmatch(pattern, message, re.S)), None)


def make_saved_files(page, tool):
    """Files of answers made as a school makes them, downloaded with the page's own button: a rating, evidence, an
    action and a review point (use_the_tool); then a payload typed in every text box, after adding a row to every
    table; three statements of every four rated; a date in a table; the assessment's details; a statement linked to
    the action; a second review point. Returns the file of this assessment, and the file of every assessment once a
    second one is started and rated, as {which: text}."""
    data = framework_data(page)
    use_the_tool(page, tool)
    type_into_every_field(page, tool, data, rotation(7))
    for section in data["sections"]:
        tool.go(f"#{section['id']}")
        tool.section().evaluate(RATE_MOST)
        for box in tool.section().locator("input[type=date]").all()[:1]:
            box.fill("2026-10-01")
    tool.leave_field()
    tool.go("#assessments")
    for field, text in (("setting", "Oak Primary"), ("period", "Autumn 2026"), ("participants", "SENCO: J. Smith"),
                        ("rater", "J. Smith")):
        page.locator(f"#assessment-{field}").fill(text)
    page.locator("#assessment-role").select_option(index=1)
    tool.leave_field()
    tool.go("#plan")
    chooser = page.locator("#action-list > li").first.get_by_label("Link a statement")
    chooser.focus()  # it lists every statement once it is used
    chooser.select_option(index=2)
    page.get_by_role("button", name="Link this statement to action 1").click()
    tool.go("#review-points")
    page.locator("#save-review-point").click()
    tool.go("#files")
    files = {"this assessment": download(page, "Download my answers")}
    tool.go("#assessments")
    page.locator("#new-setting").fill("Elm Academy")
    page.locator("#new-period").fill("Spring 2027")
    page.locator("#new-assessment").click()
    tool.go(f"#{data['sections'][-1]['id']}")
    tool.section().evaluate(RATE_MOST)
    tool.go(f"#{data['sections'][1]['id']}")
    tool.section().evaluate(RATE_MOST)
    tool.go("#files")
    page.locator("#download-which-all").check()
    files["every assessment"] = download(page, "Download my answers")
    return {which: blob.decode() for which, blob in files.items()}


def changed_file(data, choices, page, files):
    """A file made from one the page downloaded: its data changed in one to three places (mutated), its text cut short,
    some of its bytes overwritten, or padded past 5 MB; what to do and where picked from choices, the values drawn
    by hypothesis. Returns (its bytes; its text and its data, where read() and the rules can be checked on them; the
    message expected, or None; how it was made)."""
    which = choices.choice(sorted(files))
    text = files[which]
    how = choices.choice(["mutated"] * 48 + ["truncated"] * 4 + ["bytes"] * 3 + ["too big"])
    if how == "mutated":
        text, body, done = mutated(data, page, json.loads(text), choices.choice([1, 1, 1, 2, 3]), choices)
        return text.encode(), text, body, None, f"the file of {which}, changed: {done}"
    if how == "truncated":
        text, _, expected = truncated(data, text, choices)
        how = f"the file of {which}, cut after {len(text)} characters"
        return text.encode(), text, None, expected if text else EMPTY, how
    blob = bytearray(text.encode())
    if how == "bytes":
        at = choices.randrange(len(blob))
        noise = choices.randbytes(choices.randint(1, 40))
        blob[at:at + len(noise)] = noise
        return bytes(blob), None, None, None, f"the file of {which}, its bytes from {at} overwritten with {noise!r}"
    padded = bytes(blob) + b" " * (TOO_BIG - len(blob))
    return padded, None, None, TOO_BIG_MESSAGE, f"the file of {which}, padded past 5 MB"


@contextlib.contextmanager
def naming(page, where):
    """A failure (or the page not answering) names the file it was found with, and the page's errors."""
    try:
        yield
    except (AssertionError, PlaywrightError) as error:
        raise AssertionError(f"{where}\npage errors: {page.errors}\n{error}") from error


# Every view in turn, as a bookmark or the back button reaches it (the fragment changed, then the page's own
# "hashchange" shows it), in one call, as a thousand files need: the overview, each section (their ids given), the
# summary, the priorities, the plan, the review points and the comparison with the first of them (its "Compare with
# now" link followed), comparing raters (the first two assessments listed chosen), your assessments; then, as
# print_everything does, with window.print stubbed, each print button (the report and the blank copy on the overview,
# the plan on the plan) and the browser's own Print (beforeprint, afterprint); last, Download or load. Returns the
# views that did not show, and what window.print saw.
EVERY_VIEW = """async sections => {
  const changed = act => new Promise(done => {
    window.addEventListener("hashchange", () => setTimeout(done), {once: true});
    act();
  });
  const go = hash => location.hash === hash ? Promise.resolve() : changed(() => { location.hash = hash; });
  const notShown = [];
  const see = (hash, id) => { if (document.getElementById(id).hidden) { notShown.push(hash); } };
  const visit = async views => { for (const view of views) { await go(view); see(view, view.slice(1)); } };
  await visit(["#overview", ...sections.map(id => "#" + id), "#summary", "#priorities", "#plan", "#review-points"]);
  const compare = document.querySelector("#review-point-list tbody a");
  if (compare) {
    await changed(() => compare.click());
    see(compare.getAttribute("href"), "compare");
  }
  await visit(["#moderation"]);
  for (const box of [...document.querySelectorAll("#moderation-raters input")].slice(0, 2)) {
    if (!box.checked) { box.click(); }
  }
  await visit(["#assessments"]);
  window.__printed = [];
  window.print = () => window.__printed.push(document.documentElement.dataset.print);
  for (const [kind, view] of [["report", "#overview"], ["plan", "#plan"], ["blank", "#overview"]]) {
    await go(view);
    [...document.querySelectorAll(`[data-print-document='${kind}']`)].find(button => button.checkVisibility()).click();
    window.dispatchEvent(new Event("afterprint"));
  }
  window.dispatchEvent(new Event("beforeprint"));
  window.dispatchEvent(new Event("afterprint"));
  await go("#files");
  return {notShown, printed: window.__printed};
}"""


def print_to_pdf(page, path):
    """The report printed to a PDF by the browser, as Print does (window.print stubbed): its words."""
    page.locator("[data-print-document='report']:visible").first.click()
    page.pdf(path=str(path), prefer_css_page_size=True)
    page.evaluate("() => window.dispatchEvent(new Event('afterprint'))")
    return pdf_words(path)


@pytest.mark.parametrize("framework", FILES_THROUGH_THE_PAGE)
def test_the_page_never_breaks_on_a_generated_file_and_changes_nothing_it_refuses(framework, page, http_site, tmp_path):
    """Files changed from real ones, each chosen on Download or load: refused in the toolkit's words (the words read()
    gives, and for send-audit-rag those the rules give), with nothing saved changed; or previewed, with nothing
    changed, then cancelled, or loaded (into the assessment here it came from, or as a new one); a file loaded opens
    in every view and prints (the report, the plan, a blank copy, the browser's own Print), with no error on the page.
    Every 25th file loaded is printed with print_everything too, and to a real PDF."""
    # Over http: after a reload from file://, a Chromium busy with other browsers can show an older copy of
    # localStorage (seen only on file://, only under load; see the closing note of issue 4), and this test reloads.
    tool = open_tool(page, http_site + f"{framework}.html", framework)
    files = make_saved_files(page, tool)
    sections = [section["id"] for section in framework_data(page)["sections"]]
    saved = tool.storage()
    durable = page.evaluate(DURABLE_ALL)   # the page's second copy, which would put a loaded record back after a reload
    page.evaluate(PREPARE)
    tool.go("#files")
    is_date = date_checker(page)
    seen = collections.Counter()
    now = {"saved": saved, "loads": 0}   # what is saved now, and how many files were loaded since it was put back

    def put_back():
        page.evaluate(SNAPSHOT_RESTORE, saved)
        page.evaluate(DURABLE_RESTORE, durable)
        page.reload()
        page.wait_for_function("() => document.getElementById('save-status').textContent !== ''")
        page.evaluate(PREPARE)
        assert tool.storage() == saved
        now.update(saved=saved, loads=0)

    @settings(max_examples=FILES_THROUGH_THE_PAGE[framework], phases=[Phase.generate], **FUZZ_SETTINGS)
    @given(st.data())
    def check(data):
        choices = data.draw(st.randoms(use_true_random=True), label="choices")
        name = choices.choice(FILE_NAMES)
        blob, text, body, expected, how = changed_file(data, choices, page, files)
        then = choices.choice(["cancel", "load", "load", "load as new"])   # if it is previewed
        seen["files"] += 1
        with naming(page, f"{name} ({then} if previewed): {how}; it starts {blob[:300]!r}"):
            kind, shown = choose(page, name, blob)
            assert page.errors == []
            assert tool.storage() == now["saved"]  # nothing changes on a refused file, nor on a preview
            if kind == "error":
                assert message_kind(shown), shown
            if expected:
                assert (kind, shown) == ("error", expected)
            if text:  # what the page shows is what read() says, and for send-audit-rag that is what the rules say
                error = check_read(page, text, body if framework == AUDIT else None, expected, is_date)["error"]
                assert (kind, shown if kind == "error" else None) == (("error", error) if error else ("preview", None))
            if kind == "error":
                seen[message_kind(shown)] += 1
                return
            if then == "load as new":
                for choice in page.locator("#load-choices input[value=new]").all():
                    choice.check()
            page.locator("#load-cancel" if then == "cancel" else "#load-confirm").click()
            refusal = page.locator("#files-error").is_visible() and page.locator("#files-error-text").text_content()
            if refusal:  # refused once asked to load: too much for one assessment, or no room
                assert loading_refusal(refusal), refusal
                seen[loading_refusal(refusal)] += 1
                page.locator("#load-cancel").click()
            message = page.locator("#files-message-text").text_content()
            if then == "cancel" or refusal:
                seen["cancelled"] += then == "cancel"
                assert message == "Nothing was loaded."
                assert tool.storage() == now["saved"] and page.errors == []
                return
            assert message.startswith(f"Loaded {name}: ")
            seen["loaded"] += 1
            seen["added as new"] += "added as a new assessment" in message
            seen["loaded into one here"] += "loaded into “" in message
            assert page.evaluate(EVERY_VIEW, sections) == {"notShown": [], "printed": ["report", "plan", "blank"]}
            if seen["loaded"] % 25 == 1:
                assert print_everything(page, tool)[0] == ["report", "plan", "blank"]
                title = squeeze(page.locator("#framework-title").text_content())
                assert title in print_to_pdf(page, tmp_path / "report.pdf")
                tool.go("#files")
            assert page.errors == []
            now["saved"] = tool.storage()
            now["loads"] += 1
            if now["loads"] == RESET_EVERY or len(json.dumps(now["saved"])) > 1_000_000:
                put_back()

    check()
    assert seen["files"] >= FILES_THROUGH_THE_PAGE[framework] and sum(FILES_THROUGH_THE_PAGE.values()) >= 1000, seen
    assert seen["loaded"] >= 40 and seen["cancelled"] >= 10, seen
    assert seen["added as new"] and seen["loaded into one here"], seen
    assert {"changed", "wrong kind", "incomplete", "too big"} <= set(seen), seen
    assert len(set(seen) & set(MESSAGE_KINDS)) >= 5, seen  # refused with at least five of the toolkit's messages
