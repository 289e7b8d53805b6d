"""Build the SEND Self-Evaluation Toolkit from framework YAML files into a static site.

    python build.py            build every framework and page into site/
    python build.py check      validate frameworks, pages and site.yaml; write nothing
    python build.py serve      build, serve on http://127.0.0.1:8000 and rebuild on change
                               (python build.py serve 8080 for another port)
    python build.py release    check, then write frameworks/released/<id>.txt: the item ids each
                               framework releases, with what their answers may hold, which later
                               checks warn about if they go missing or change their meaning
    python build.py package    build, then zip site/ with a note for USB sticks into
                               dist/send-toolkit-<version>.zip

Each framework becomes one self-contained HTML file (CSS, JavaScript and data inline),
so that the file alone works from a USB stick. A user's mistake is reported as
`file:line:column: message`, all of them in one run, and nothing is written.
"""
import base64
import difflib
import functools
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import jinja2
import jsonschema
import markdown
import rcssmin
import yaml
from calmjs.parse import es5
from calmjs.parse.unparsers.es5 import minify_print
from markupsafe import Markup

ROOT = Path(__file__).resolve().parent
FRAMEWORK_SCHEMA = "frameworks/framework.schema.json"
SITE_SCHEMA = "theme/site.schema.json"

SITE_DEFAULTS = {
    "id": "send-toolkit",
    "title": "SEND Self-Evaluation Toolkit",
    "organisation": "",
    "contact": "",
    "logo": None,
    "logo_alt": "",
    "colours": {"brand": "#1d4f91", "brand_text": "#ffffff", "link": "#1d4f91"},
    "footer_links": [],
    "pages": ["how-to-use", "moving-your-data", "privacy", "accessibility", "about"],
    "rater_roles": ["SENCO", "Headteacher", "SEND governor", "Class teacher", "External SEN/D professional",
                    "Peer reviewer", "Other"],
}

SETTING_NAMES = {
    "mainstream": "mainstream schools",
    "special": "special schools",
    "pru": "pupil referral units",
    "alternative-provision": "alternative provision",
    "resource-base": "resource bases (ARPs)",
}

@dataclass(frozen=True)
class View:
    """A view of the framework page besides its sections: its id (the id of its element, and its fragment #<id>), the
    words of its link in the tool bar (None: reached from another view), and the script that shows it, which
    registers it with views.js."""
    id: str
    title: object
    script: str


# The framework page's views, in the tool bar's order. The tool bar, the page's router (from the framework data) and
# the tests read this list; framework.html places each view's element (a macro of panels.html) where the printed
# report wants it.
VIEWS = (View("overview", "Overview", "panels.js"),
         View("summary", "Summary", "results.js"),
         View("priorities", "Priorities", "results.js"),
         View("plan", "Action plan", "plan-view.js"),
         View("review-points", "Review points", "assessments-view.js"),
         View("files", "Download or load", "files-view.js"),
         View("assessments", "Your assessments", "assessments-view.js"),
         View("compare", None, "panels.js"),
         View("moderation", None, "moderation-view.js"))

# Element ids and view names the framework page uses itself: no section or item may take them.
PAGE_IDS = {view.id for view in VIEWS} | {"main", "framework-title", "framework-data", "how-to-use", "contents-heading",
                                          "source-heading"}

# The browser scripts of a framework page: every file in theme/js/ and its folders, each owning one concern. The head
# script runs in <head>, before the first paint; the others are joined into one script at the end of the page, each
# after the scripts its first line says it needs (script_order), and the last one, the composition root, starts it.
HEAD_SCRIPT = "start.js"
LAST_SCRIPT = "app.js"
# The scripts before the last run one by one from a list, each guarded: one that throws as it runs (a browser without
# something it needs) does not stop the others, and the last one, finding what was thrown, says on the page that
# nothing is being saved.
SCRIPT_RUNNER = "[{}].forEach(function(run){{try{{run()}}catch(error){{(window.SendToolkitErrors=window.SendToolkitErrors||[]).push(error)}}}});"

# ---------------------------------------------------------------- problems

@dataclass(frozen=True, order=True)
class Problem:
    """One mistake in a source file, with where it is."""
    file: str
    line: int
    column: int
    message: str

    def __str__(self):
        return f"{self.file}:{self.line}:{self.column}: {self.message}"


class Source:
    """Loaded YAML data of one file, with the line and column of every value and key."""

    def __init__(self, file, data, values, keys):
        self.file, self.data, self.values, self.keys = file, data, values, keys

    def problem(self, path, message, at_key=False):
        """A Problem located at the value (or key) found at path, or its nearest parent."""
        path = tuple(path)
        while path and path not in (self.keys if at_key else self.values):
            path, at_key = path[:-1], False
        line, column = (self.keys if at_key else self.values).get(path, (1, 1))
        return Problem(self.file, line, column, message)


# ---------------------------------------------------------------- load

FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

def load_yaml(path, root=ROOT):
    """Read a YAML file into a Source, or return the problem that stops it being read."""
    name = path.relative_to(root).as_posix()
    text = path.read_text(encoding="utf-8")
    loader = FAST_LOADER(text)   # LibYAML, where PyYAML has it: about 10 times as fast as its Python parser
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError:
        loader.dispose()
        loader = yaml.SafeLoader(text)   # the Python parser's words for the mistake, which the messages pin
        try:
            node = loader.get_single_node()
        except yaml.MarkedYAMLError as error:
            mark = error.problem_mark or error.context_mark
            return None, [Problem(name, mark.line + 1, mark.column + 1, f"this is not valid YAML: {error.problem}")]
    values, keys, problems = {}, {}, []

    def construct(node, path):
        values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            mapping, first = {}, {}
            for key_node, value_node in node.value:
                key = str(loader.construct_object(key_node))
                where = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                if key in mapping:
                    problems.append(Problem(name, *where, f'field "{key}" is given twice (first at line {first[key]})'))
                    continue
                first[key], keys[path + (key,)] = where[0], where
                mapping[key] = construct(value_node, path + (key,))
            return mapping
        if isinstance(node, yaml.SequenceNode):
            return [construct(item, path + (index,)) for index, item in enumerate(node.value)]
        return loader.construct_object(node)

    try:
        data = construct(node, ()) if node is not None else None
    except yaml.constructor.ConstructorError as error:
        mark = error.problem_mark
        return None, [Problem(name, mark.line + 1, mark.column + 1, f"this is not valid YAML: {error.problem}")]
    finally:
        loader.dispose()
    return Source(name, data, values, keys), problems


def load_frameworks(root=ROOT):
    """Load every frameworks/*.yaml file, in file-name order."""
    sources, problems = [], []
    for path in sorted((root / "frameworks").glob("*.yaml")):
        source, found = load_yaml(path, root)
        problems += found
        if source is not None:
            sources.append(source)
    if not sources and not problems:
        problems.append(Problem("frameworks", 1, 1, "there are no framework files (*.yaml) in frameworks/"))
    return sources, problems


def load_site(root=ROOT):
    """Load site.yaml (the council's details) over the defaults."""
    path = root / "site.yaml"
    if not path.exists():
        return None, []
    return load_yaml(path, root)


def load_pages(root=ROOT):
    """Read content/*.md into {slug: markdown text}."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((root / "content").glob("*.md"))}


# ---------------------------------------------------------------- validate

TYPE_NAMES = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
              "array": "a list", "object": "a set of fields", "null": "empty"}


def python_type_name(value):
    """Name the type of a loaded YAML value in the words of TYPE_NAMES."""
    for kind, name in [(bool, "true or false"), (int, "a whole number"), (float, "a number"), (str, "text"),
                       (list, "a list"), (dict, "a set of fields"), (type(None), "empty")]:
        if isinstance(value, kind):
            return name
    return f"a {type(value).__name__}"


def field_name(path):
    """The name of the field at path: its key, or its parent's key and index for a list item."""
    for index, part in enumerate(reversed(path)):
        if isinstance(part, str):
            if index == 0:
                return part
            return f"{part}[{path[-index]}]" if index == 1 else part
    return "the file"


def describe_schema_error(source, error):
    """Turn one jsonschema error into Problems in plain words."""
    path, instance, rule = tuple(error.absolute_path), error.instance, error.validator
    name = field_name(path)
    if rule == "required":
        missing = re.match(r"'(.+)' is a required property", error.message).group(1)
        return [source.problem(path, f'missing required field "{missing}"')]
    if rule == "additionalProperties":
        allowed = sorted(error.schema.get("properties", {}))
        found = []
        for key in sorted(set(instance) - set(allowed)):
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f' (did you mean "{close[0]}"?)' if close else f" (allowed: {', '.join(allowed)})"
            found.append(source.problem(path + (key,), f'unknown field "{key}"{hint}', at_key=True))
        return found
    if rule == "type":
        wanted = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        words = " or ".join(TYPE_NAMES[w] for w in wanted)
        extra = ' (put it in quotes, e.g. "1.0")' if wanted == ["string"] and isinstance(instance, (int, float)) else ""
        return [source.problem(path, f'"{name}" should be {words}, not {python_type_name(instance)}{extra}')]
    if rule == "enum":
        choices = ", ".join(str(c) for c in error.validator_value)
        return [source.problem(path, f'"{instance}" is not allowed for "{name}": use one of {choices}')]
    if rule == "pattern":
        if error.validator_value.startswith("^[a-z0-9]"):
            return [source.problem(path, f'"{instance}" is not a valid id: use lowercase letters, digits and single hyphens, such as "outcome-1-a"')]
        if error.validator_value.startswith("^#"):
            return [source.problem(path, f'"{name}" should be a colour written like "#1d4f91", not "{instance}"')]
        return [source.problem(path, f'"{name}" should start with https://' + (" or mailto:" if "mailto" in error.validator_value else ""))]
    if rule in ("minLength", "minItems", "minProperties"):
        return [source.problem(path, f'"{name}" should not be empty')]
    if rule == "maxLength":
        return [source.problem(path, f'"{name}" is {len(instance)} characters long; the most allowed is {error.validator_value}')]
    if rule in ("minimum", "maximum"):
        word = "at least" if rule == "minimum" else "at most"
        return [source.problem(path, f'"{name}" should be {word} {error.validator_value}, not {instance}')]
    if rule == "uniqueItems":
        return [source.problem(path, f'"{name}" lists the same value twice')]
    if rule in ("oneOf", "const") and name == "evidence":
        return [source.problem(path, '"evidence" should be the label of the evidence box, or false for none')]
    if rule == "oneOf" and name == "year":
        return [source.problem(path, f'"year" should be the year the source was published, such as 2015, or, where it does not say, '
                                     f'"undated", "about 2015" or "undated; about 2015"; not {json.dumps(instance)}')]
    if rule == "oneOf" and name == "value":
        return [source.problem(path, f'"value" should be a whole number or an id such as "red", not {python_type_name(instance)}')]
    if rule == "const":
        return [source.problem(path, f'"{name}" should be {json.dumps(error.validator_value)}')]
    return [source.problem(path, f'"{name}": {error.message}')]


def validate_schema(source, schema):
    """Check loaded data against a JSON Schema; every error, in plain words."""
    validator = jsonschema.Draft202012Validator(schema)
    problems = []
    for error in validator.iter_errors(source.data):
        problems += describe_schema_error(source, error)
    return problems


def walk_items(data):
    """Yield (path, section, item) for every well-formed item of a framework."""
    sections = data.get("sections") if isinstance(data, dict) else None
    for s, section in enumerate(sections if isinstance(sections, list) else []):
        items = section.get("items") if isinstance(section, dict) else None
        for i, item in enumerate(items if isinstance(items, list) else []):
            if isinstance(item, dict):
                yield ("sections", s, "items", i), section, item


def item_type(item):
    """The response type of an item; a statement when it does not say."""
    return item.get("type", "statement")


def cascade(framework, section, item, key, default):
    """The nearest value of key: the item's, else its section's, else the framework's (a key present but None, as
    with_fields leaves what was not given, is not given)."""
    for level in (item, section, framework):
        if isinstance(level, dict) and level.get(key) is not None:
            return level[key]
    return default


def check_unique(source, entries, kind):
    """Report ids in entries [(id, path)] used twice, naming the first use. kind is a word, or a function of the path."""
    first, problems = {}, []
    for ident, path in entries:
        if not isinstance(ident, (str, int)) or isinstance(ident, bool):
            continue
        if ident in first:
            line = source.values.get(first[ident], (0,))[0]
            word = kind(path) if callable(kind) else kind
            problems.append(source.problem(path, f'{word} "{ident}" is used twice (first at line {line})'))
        else:
            first[ident] = path
    return problems


def mapping_entries(mapping, path, key="id"):
    """[(entry[key], path to that key)] for a list of mappings, skipping malformed entries."""
    if not isinstance(mapping, list):
        return []
    return [(entry.get(key), path + (index, key)) for index, entry in enumerate(mapping) if isinstance(entry, dict)]


def validate_ids(source):
    """Ids are unique: sections and items across the framework, and parts within their parent."""
    data = source.data
    sections = [(s.get("id"), ("sections", i, "id")) for i, s in enumerate(data.get("sections") or []) if isinstance(s, dict)]
    items = {path + ("id",): item for path, _section, item in walk_items(data)}
    problems = check_unique(source, sections, "section id")
    section_ids = {ident for ident, _ in sections}
    problems += [source.problem(path, f'id "{item.get("id")}" is already the id of a section')
                 for path, item in items.items() if item.get("id") in section_ids]
    problems += check_unique(source, [(item.get("id"), path) for path, item in items.items()],
                             lambda path: f"{item_type(items[path])} id")
    problems += [source.problem(path, f'id "{ident}" is kept for the page itself: choose another')
                 for ident, path in sections + [(item.get("id"), path) for path, item in items.items()]
                 if ident in PAGE_IDS]
    for scale_id, scale in (data.get("scales") or {}).items() if isinstance(data.get("scales"), dict) else []:
        if isinstance(scale, dict):
            problems += check_unique(source, mapping_entries(scale.get("points"), ("scales", scale_id, "points"), "value"), "point value")
            problems += check_unique(source, mapping_entries(scale.get("bands"), ("scales", scale_id, "bands")), "band id")
    for path, ratings in rating_lists(data):
        problems += check_unique(source, mapping_entries(ratings, path), "rating id")
        problems += [source.problem(where, 'rating id "evidence" is kept for the evidence box: choose another')
                     for ident, where in mapping_entries(ratings, path) if ident == "evidence"]
    for path, _section, item in walk_items(data):
        for part in response_type(item).unique:
            problems += check_unique(source, mapping_entries(item.get(part), path + (part,)), f"{part[:-1].replace('_', ' ')} id")
    return problems


def rating_lists(data):
    """Yield (path, ratings list) for every ratings list in a framework."""
    if isinstance(data.get("ratings"), list):
        yield ("ratings",), data["ratings"]
    for s, section in enumerate(data.get("sections") or []):
        if isinstance(section, dict) and isinstance(section.get("ratings"), list):
            yield ("sections", s, "ratings"), section["ratings"]
    for path, _section, item in walk_items(data):
        if isinstance(item.get("ratings"), list):
            yield path + ("ratings",), item["ratings"]


def validate_scales(source):
    """Scales make sense: one not-applicable point at most, bands on numeric scales, no overlaps, labels on named points."""
    problems = []
    scales = source.data.get("scales")
    for scale_id, scale in (scales.items() if isinstance(scales, dict) else []):
        if not isinstance(scale, dict) or not isinstance(scale.get("points"), list):
            continue
        path = ("scales", scale_id)
        points = [p for p in scale["points"] if isinstance(p, dict)]
        values = [p.get("value") for p in points]
        if sum(1 for p in points if p.get("not_applicable") is True) > 1:
            problems.append(source.problem(path + ("points",), f'scale "{scale_id}" has more than one not-applicable point'))
        for index, point in enumerate(scale["points"]):
            if isinstance(point, dict) and isinstance(point.get("value"), str) and "label" not in point:
                problems.append(source.problem(path + ("points", index), f'point "{point["value"]}" needs a label'))
        numeric = all(isinstance(v, int) and not isinstance(v, bool) for v in values)
        if not numeric and any(isinstance(v, int) and not isinstance(v, bool) for v in values):
            problems.append(source.problem(path + ("points",), f'scale "{scale_id}" mixes numbers and ids: use one or the other'))
        bands = [b for b in scale.get("bands") or [] if isinstance(b, dict)]
        if bands and not numeric:
            problems.append(source.problem(path + ("bands",), f'scale "{scale_id}" has bands, but bands need a scale of whole numbers'))
            continue
        taken = {}
        for index, band in enumerate(scale.get("bands") or []):
            if not isinstance(band, dict) or not all(isinstance(band.get(k), int) for k in ("min", "max")):
                continue
            if band["min"] > band["max"]:
                problems.append(source.problem(path + ("bands", index), f'band "{band.get("id")}" has min {band["min"]} above max {band["max"]}'))
            for value in range(band["min"], band["max"] + 1):
                if value in taken:
                    problems.append(source.problem(path + ("bands", index), f'band "{band.get("id")}" overlaps band "{taken[value]}" at {value}'))
                    break
                taken[value] = band.get("id")
    return problems


def scale_of(data, scale_id):
    """The scale with this id, or None."""
    scales = data.get("scales")
    return scales.get(scale_id) if isinstance(scales, dict) and isinstance(scales.get(scale_id), dict) else None


def validate_references(source):
    """Ratings name defined scales; descriptors name points and exemplars name bands of the statement's scales."""
    data, problems = source.data, []
    defined = ", ".join(sorted(data["scales"])) if isinstance(data.get("scales"), dict) and data["scales"] else ""
    for path, ratings in rating_lists(data):
        for index, rating in enumerate(ratings):
            if isinstance(rating, dict) and isinstance(rating.get("scale"), str) and scale_of(data, rating["scale"]) is None:
                known = f"(defined: {defined})" if defined else "(no scales are defined)"
                problems.append(source.problem(path + (index, "scale"),
                                               f'rating "{rating.get("id")}" uses scale "{rating["scale"]}" which is not defined {known}'))
    item_ids = {i.get("id") for _, _, i in walk_items(data)}
    for path, _section, item in walk_items(data):
        for index, old in enumerate(item.get("replaces") or [] if isinstance(item.get("replaces"), list) else []):
            if old in item_ids:
                problems.append(source.problem(path + ("replaces", index), f'statement "{item.get("id")}" replaces "{old}", which is still in this framework'))
    return problems


def validate_items(source):
    """What each item's response type checks that the schema cannot (RESPONSE_TYPES)."""
    return [problem for path, section, item in walk_items(source.data)
            for problem in response_type(item).check(source, path, section, item)]


# ---------------------------------------------------------------- response types
# What the build does with each response type, one entry a type (RESPONSE_TYPES, below): the lists in an item
# whose ids are its own, the checks the schema cannot express, the model its macro reads, and what its script
# in the page is given. Each type's other places: its definition in frameworks/framework.schema.json ($defs/<type>,
# named in $defs/item), its macro in theme/templates/items.html, and its script, theme/js/types/<type>.js.

def check_statement(source, path, section, item):
    """Descriptors name points, and exemplars name bands, of the statement's scales."""
    data, problems = source.data, []
    ratings = cascade(data, section, item, "ratings", [])
    scales = [scale_of(data, r.get("scale")) for r in ratings if isinstance(r, dict)] if isinstance(ratings, list) else []
    scales = [s for s in scales if s]
    points = {str(p.get("value")) for s in scales for p in s.get("points") or [] if isinstance(p, dict)}
    bands = {b.get("id") for s in scales for b in s.get("bands") or [] if isinstance(b, dict)}
    for key in item.get("descriptors") or {} if isinstance(item.get("descriptors"), dict) else {}:
        if key not in points:
            choices = ", ".join(sorted(points)) or "none: this statement has no ratings"
            problems.append(source.problem(path + ("descriptors", key), f'descriptor "{key}" is not a point of this statement\'s scales (points: {choices})', at_key=True))
    for key in item.get("exemplars") or {} if isinstance(item.get("exemplars"), dict) else {}:
        if key not in bands:
            choices = ", ".join(sorted(b for b in bands if b)) or "none: this statement's scales have no bands"
            problems.append(source.problem(path + ("exemplars", key), f'exemplars "{key}" is not a band of this statement\'s scales (bands: {choices})', at_key=True))
    return problems


def check_grid(source, path, _section, item):
    """Totals need cells of numbers."""
    if item.get("totals") is True and item.get("cells") == "text":
        return [source.problem(path + ("totals",), '"totals" needs "cells: number"', at_key=True)]
    return []


def check_form(source, path, _section, item):
    """Rows only in a table, naming its fields; choices have options; units only on numbers."""
    problems = []
    fields = item.get("fields") if isinstance(item.get("fields"), list) else []
    names = {f.get("id") for f in fields if isinstance(f, dict)}
    for key in ("rows", "blank_rows"):
        if key in item and item.get("repeat") is not True:
            problems.append(source.problem(path + (key,), f'"{key}" only works with "repeat: true"', at_key=True))
    for index, row in enumerate(item.get("rows") or [] if isinstance(item.get("rows"), list) else []):
        for key in row if isinstance(row, dict) else []:
            if key not in names:
                problems.append(source.problem(path + ("rows", index, key), f'row names field "{key}", which this form does not have (fields: {", ".join(sorted(n for n in names if n))})', at_key=True))
    for index, field in enumerate(fields):
        if not isinstance(field, dict):
            continue
        if field.get("type") == "choice" and "options" not in field:
            problems.append(source.problem(path + ("fields", index), f'field "{field.get("id")}" is a choice and needs "options"'))
        if "options" in field and field.get("type") != "choice":
            problems.append(source.problem(path + ("fields", index, "options"), '"options" only works with "type: choice"', at_key=True))
        if "unit" in field and field.get("type") != "number":
            problems.append(source.problem(path + ("fields", index, "unit"), '"unit" only works with "type: number"', at_key=True))
    return problems


def model_statement(item, data, section, scales, **_):
    """A statement's ratings (with their scales) and evidence label: its own, else its section's, else the framework's."""
    return dict(item, ratings=[dict(r, scale_data=scales[r["scale"]]) for r in cascade(data, section, item, "ratings", [])],
                evidence=cascade(data, section, item, "evidence", False))


def model_form(item, schema, **_):
    """A form's fields with every optional key present."""
    return dict(item, fields=[with_fields(f, schema, "field") for f in item["fields"]])


def browser_statement(item):
    return {"ratings": [{"id": r["id"], "scale": r["scale"]} for r in item["ratings"]], "evidence": bool(item["evidence"]),
            "statutory": item.get("statutory", False), "replaces": item.get("replaces", [])}


def browser_grid(item):
    return {"cells": item["cells"] or "number", "totals": bool(item["totals"]) and item["cells"] != "text",
            "rows": [r["id"] for r in item["rows"]], "columns": [c["id"] for c in item["columns"]],
            "groups": [g["id"] for g in item["column_groups"] or []]}


def browser_form(item):
    fields = [{"id": f["id"], "type": f["type"] or "text", **({"unit": f["unit"]} if f["unit"] else {})} for f in item["fields"]]
    table = {"rows": item["rows"] or [], "blank_rows": 3 if item["blank_rows"] is None else item["blank_rows"]} if item["repeat"] else {}
    return {"repeat": bool(item["repeat"]), "fields": fields, **table}


@dataclass(frozen=True)
class ResponseType:
    answered: bool = True                                                     # it takes an answer, saved under its id
    unique: tuple = ()                                                        # its lists whose entries' ids are its own
    check: object = lambda source, path, section, item: []                   # problems the schema cannot find
    model: object = lambda item, **_: item                                    # everything its macro reads, resolved
    browser: object = lambda item: {}                                         # what its script needs beyond id and type


RESPONSE_TYPES = {
    "statement": ResponseType(check=check_statement, model=model_statement, browser=browser_statement),
    "text": ResponseType(),
    "date": ResponseType(),
    "choices": ResponseType(unique=("options",), browser=lambda item: {"options": [option["id"] for option in item["options"]]}),
    "grid": ResponseType(unique=("column_groups", "columns", "rows"), check=check_grid, browser=browser_grid),
    "form": ResponseType(unique=("fields",), check=check_form, model=model_form, browser=browser_form),
    "guidance": ResponseType(answered=False),
}


def response_type(item):
    """The response type of an item (a statement when it does not say); one that checks nothing when it is unknown."""
    return RESPONSE_TYPES.get(item_type(item), ResponseType())


MARKDOWN_FIELDS = ("description", "how_to_use", "intro", "guidance", "body")


def markdown_paths(data, path=()):
    """Yield (path, text) of every Markdown field in a framework."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key in MARKDOWN_FIELDS and isinstance(value, str):
                yield path + (key,), value
            else:
                yield from markdown_paths(value, path + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from markdown_paths(value, path + (index,))


@functools.lru_cache(maxsize=1)
def markdown_converter():
    """One Markdown converter, reset before each text: making one loads its extensions, which takes longer than
    converting a text."""
    return markdown.Markdown(extensions=["tables", "sane_lists"], output_format="html")


@functools.lru_cache(maxsize=None)
def render_markdown(text):
    """Markdown to HTML, and any raw HTML it contains (which the site refuses). Checking and rendering both ask, so the
    answer is kept."""
    converter = markdown_converter().reset()
    html = converter.convert(text)
    raw = tuple(block for block in converter.htmlStash.rawHtmlBlocks if isinstance(block, str) and block.strip().startswith("<"))
    return html, raw


class AddressReader(HTMLParser):
    """The links (a href) and images (img src) in rendered Markdown, as (kind, address)."""

    def __init__(self):
        super().__init__()
        self.addresses = []

    def handle_starttag(self, tag, attrs):
        wanted = {"a": ("link", "href"), "img": ("image", "src")}.get(tag)
        if wanted:
            self.addresses.append((wanted[0], dict(attrs).get(wanted[1]) or ""))


def markdown_addresses(html):
    reader = AddressReader()
    reader.feed(html)
    return reader.addresses


CONTROLS_AND_SPACE = "".join(map(chr, range(0x21)))   # what browsers take off the start of an address


def address_problem(kind, address):
    """Why a link or image in Markdown may not be built, or None. Browsers ignore spaces and control characters at the
    start of an address and tabs and new lines inside it, so "java\tscript:" is read as the scheme it spells."""
    plain = re.sub(r"[\t\n\r]", "", address).lstrip(CONTROLS_AND_SPACE)
    scheme = re.match(r"([a-zA-Z][a-zA-Z0-9+.-]*):", plain)
    scheme = scheme.group(1).lower() if scheme else ""
    if kind == "link" and scheme not in ("", "http", "https", "mailto"):
        return f'a link to "{address[:40]}" is not allowed: a link goes to an https://, http:// or mailto: address, or to a page of this site'
    if kind == "image" and not (scheme == "data" and plain[5:].lower().startswith("image/")):
        return (f'an image from "{address[:40]}" is not allowed: the page shows only images carried inside it '
                f'(a data:image/ address), so that it asks nothing of the network')
    return None


def markdown_problems(text):
    """What may not be built in one Markdown text: raw HTML, then links and images, as (message, what to find it by)."""
    html, raw = render_markdown(text)
    if raw:
        snippet = raw[0].strip().splitlines()[0][:40]
        return [(f'raw HTML is not allowed in Markdown (found "{snippet}"); write it in Markdown instead', snippet)]
    return [(message, address) for kind, address in markdown_addresses(html)
            for message in [address_problem(kind, address)] if message]


def validate_markdown(source):
    """Markdown may carry no raw HTML (only Markdown itself is trusted), and only links and images the page may use."""
    return [source.problem(path, message) for path, text in markdown_paths(source.data)
            for message, _ in markdown_problems(text)]


def validate_framework(source, schema):
    """Every problem in one framework file."""
    problems = validate_schema(source, schema)
    if not isinstance(source.data, dict):
        return problems or [source.problem((), "a framework file should be a set of fields (id, title, sections, ...)")]
    problems += validate_ids(source)
    problems += validate_scales(source)
    problems += validate_references(source)
    problems += validate_items(source)
    problems += validate_markdown(source)
    expected = f"{source.data.get('id')}.yaml"
    if isinstance(source.data.get("id"), str) and Path(source.file).name != expected:
        problems.append(source.problem(("id",), f'the file should be named "{expected}" to match its id'))
    return problems


# The backgrounds theme/css/site.css puts links on: the page (body) and the grey panels (--panel).
LINK_BACKGROUNDS = {"the page background": "#ffffff", "the grey panels": "#f3f2f1"}


def relative_luminance(colour):
    """The WCAG 2.x relative luminance of a colour written "#rrggbb"."""
    channels = [int(colour[index:index + 2], 16) / 255 for index in (1, 3, 5)]
    red, green, blue = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(one, other):
    """The WCAG 2.x contrast ratio of two colours, from 1 to 21."""
    lighter, darker = sorted((relative_luminance(one), relative_luminance(other)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_contrast(source):
    """The council's text colours are readable (WCAG 2.2 AA, 4.5:1) on every background the site puts them on.

    The brand colour is also drawn as lines (above each section, beside the tool bar). They are decoration, not
    needed to see or use anything, so WCAG's 3:1 for graphics and controls does not apply and is not checked."""
    given = source.data.get("colours") if isinstance(source.data, dict) else None
    if not isinstance(given, dict):
        return []
    colours = {**SITE_DEFAULTS["colours"], **given}
    backgrounds = {"brand_text": {f'"brand" {colours["brand"]}': colours["brand"]},
                   "link": {f"{name} {colour}": colour for name, colour in LINK_BACKGROUNDS.items()}}
    problems = []
    for key, on in backgrounds.items():
        if not all(re.fullmatch(r"#[0-9a-fA-F]{6}", str(c)) for c in [colours[key], *on.values()]):
            continue  # the schema has said which colour is not written like "#1d4f91"
        ratio, background = min((contrast_ratio(colours[key], colour), name) for name, colour in on.items())
        if ratio < 4.5:
            shown = math.floor(ratio * 10) / 10  # rounded down: a ratio below 4.5 never reads as 4.5
            where = ("colours", key if key in given else "brand")
            problems.append(source.problem(where, f'"{key}" {colours[key]} on {background} has a contrast ratio of {shown:.1f}:1; '
                                                  "text needs at least 4.5:1 (WCAG 2.2 AA)"))
    return problems


def validate_site(source, schema, pages, root=ROOT):
    """site.yaml follows its schema, names existing pages and a readable logo file, and its colours can be read."""
    problems = validate_schema(source, schema) + validate_contrast(source)
    data = source.data if isinstance(source.data, dict) else {}
    for index, slug in enumerate(data.get("pages") or [] if isinstance(data.get("pages"), list) else []):
        if slug not in pages:
            problems.append(source.problem(("pages", index), f'page "{slug}" is not in content/ (pages: {", ".join(sorted(pages))})'))
    logo = data.get("logo")
    if isinstance(logo, str) and not (root / logo).is_file():
        problems.append(source.problem(("logo",), f'logo file "{logo}" does not exist'))
    return problems


def validate_pages(pages):
    """Content pages start with a '# ' title and carry no raw HTML."""
    problems = []
    for slug, text in pages.items():
        if not text.startswith("# "):
            problems.append(Problem(f"content/{slug}.md", 1, 1, 'a page should start with its title, as "# Title"'))
        for message, found in markdown_problems(text):
            line = next((number for number, words in enumerate(text.splitlines(), 1) if found and found in words), 1)
            problems.append(Problem(f"content/{slug}.md", line, 1, message))
    return problems


def validate_all(sources, site_source, pages, root=ROOT):
    """All problems across the frameworks, pages and site.yaml, sorted by file and line."""
    schema = json.loads((root / FRAMEWORK_SCHEMA).read_text(encoding="utf-8"))
    problems = []
    for source in sources:
        problems += validate_framework(source, schema)
    ids = [(s.data.get("id"), s) for s in sources if isinstance(s.data, dict)]
    seen = {}
    for ident, source in ids:
        if ident in seen:
            problems.append(source.problem(("id",), f'framework id "{ident}" is also used by {seen[ident]}'))
        elif ident in pages or ident == "index":
            problems.append(source.problem(("id",), f'framework id "{ident}" is also the name of a page in content/'))
        seen.setdefault(ident, source.file)
    if site_source is not None:
        problems += validate_site(site_source, json.loads((root / SITE_SCHEMA).read_text(encoding="utf-8")), pages, root)
    problems += validate_pages(pages)
    return sorted(set(problems))


# ---------------------------------------------------------------- released ids

RELEASED = "frameworks/released"


def answer_ids(framework):
    """The ids a framework's answers are saved under: every item that takes an answer, in framework order."""
    return [item.get("id") for _path, _section, item in walk_items(framework) if response_type(item).answered]


def answer_meaning(framework, section, item):
    """What answers saved under an item may hold, as the page reads them (its types' misfit rules): its type, then
    for a statement each rating with the values of its scale's points, and "evidence" if it asks for evidence; for
    choices its options. As words: "statement now=0,1,2 target=0,1,2 evidence"."""
    kind = item_type(item)
    words = [kind]
    if kind == "statement":
        scales = framework.get("scales") or {}
        for rating in cascade(framework, section, item, "ratings", []):
            points = (scales.get(rating.get("scale")) or {}).get("points") or []
            words.append(f'{rating.get("id")}=' + ",".join(str(point.get("value")) for point in points))
        if cascade(framework, section, item, "evidence", False):
            words.append("evidence")
    elif kind == "choices":
        words.append("options=" + ",".join(str(option.get("id")) for option in item.get("options") or []))
    return " ".join(words)


def released_text(framework):
    """The released list of a framework: a comment line, then its answer ids, one a line, each with its meaning."""
    header = (f'# Item ids of {framework["id"]} version {framework["version"]}. Written by "python build.py release"; '
              "commit it with each release. Answers are saved under these ids; after each, what its answers may hold.")
    return "\n".join([header] + [f"{item['id']} {answer_meaning(framework, section, item)}"
                                  for _path, section, item in walk_items(framework) if response_type(item).answered]) + "\n"


def read_released(path):
    """(version, {id: meaning}) of a released list written by released_text; a list written before meanings were
    kept gives each id the meaning None."""
    lines = path.read_text(encoding="utf-8").splitlines()
    match = re.match(r"# Item ids of \S+ version (.+?)\. Written by", lines[0] if lines else "")
    ids = dict((line.split(None, 1) + [None])[:2] for line in lines if line.strip() and not line.startswith("#"))
    return (match.group(1) if match else "(unknown)"), ids


def meaning_changes(was, now):
    """How answers that an item's released meaning allowed would no longer fit its meaning now: phrases, none when
    every such answer still fits (a point, option or rating added changes nothing saved)."""
    (was_type, *was_parts), (now_type, *now_parts) = was.split(), now.split()
    if was_type != now_type:
        return [f"was a {was_type} item and is now a {now_type} item"]
    now_values = dict(part.partition("=")[::2] for part in now_parts)
    changes = []
    for name, values in (part.partition("=")[::2] for part in was_parts):
        gone = [value for value in values.split(",") if value and value not in now_values.get(name, "").split(",")]
        if name == "evidence" and name not in now_values:
            changes.append("no longer asks for evidence")
        elif name == "options" and gone:
            changes.append("no longer has the options " + ", ".join(gone))
        elif name not in now_values:
            changes.append(f'no longer has the rating "{name}"')
        elif gone:
            changes.append(f'has a rating "{name}" that no longer has the points ' + ", ".join(gone))
    return changes


def released_warnings(root=ROOT):
    """Warnings (not problems: the build goes on) for released ids that a framework lost and no statement replaces, and
    for items that kept their id but changed what their answers may hold (a rating renamed, a scale's points dropped,
    a type changed): answers saved under either are shown only as answers that no longer fit."""
    warnings = []
    for source in load_frameworks(root)[0]:
        path = root / RELEASED / f"{source.data['id']}.txt"
        if not path.is_file():
            continue
        version, released = read_released(path)
        where = f"the released version {version} ({path.relative_to(root).as_posix()})"
        kept = set(answer_ids(source.data)) | {old for _, _, item in walk_items(source.data) for old in item.get("replaces") or []}
        warnings += [source.problem(("id",), (
            f'warning: "{ident}" was in {where} '
            "and is no longer in this framework, and no statement replaces it: answers saved under it will be listed "
            f'as answers for statements no longer in this framework. If a statement took its place, add "replaces: [{ident}]" to it.'))
            for ident in released if ident not in kept]
        for item_path, section, item in walk_items(source.data):
            was = released.get(item.get("id"))
            changes = meaning_changes(was, answer_meaning(source.data, section, item)) if was and response_type(item).answered else []
            if changes:
                warnings.append(source.problem(item_path + ("id",), (
                    f'warning: since {where}, "{item["id"]}" {" and ".join(changes)}: answers saved under it that no '
                    "longer fit will be shown only in the list of answers for statements no longer in this framework. "
                    "If what it asks has changed, give it a new id.")))
    return warnings


# ---------------------------------------------------------------- model

def site_settings(site_source, root=ROOT):
    """The council's details: site.yaml over the defaults, with the logo as a data: URL."""
    settings = json.loads(json.dumps(SITE_DEFAULTS))
    data = site_source.data if site_source is not None and isinstance(site_source.data, dict) else {}
    for key, value in data.items():
        settings[key] = {**settings[key], **value} if isinstance(settings.get(key), dict) else value
    if settings["logo"]:
        path = root / settings["logo"]
        kind = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg"}.get(path.suffix.lower(), "image/png")
        settings["logo"] = f"data:{kind};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"
    return settings


def with_fields(value, schema, name):
    """A copy of value with every optional field of schema definition `name` present (None when not given)."""
    return {**{key: None for key in schema["$defs"][name]["properties"]}, **value}


def framework_model(data, schema):
    """The framework with every optional field present and each statement's ratings and evidence resolved."""
    scales = {}
    for scale_id, scale in (data.get("scales") or {}).items():
        scales[scale_id] = dict(with_fields(scale, schema, "scale"),
                                points=[with_fields(p, schema, "point") for p in scale["points"]],
                                bands=scale.get("bands") or [])
    sections = []
    for section in data["sections"]:
        items = []
        for given in section["items"]:
            item = with_fields(dict(given, type=item_type(given)), schema, item_type(given))
            items.append(response_type(item).model(item, data=data, section=section, scales=scales, schema=schema))
        keyed = scale_keys(items, scales)
        for item in items:
            item.update(section_id=section["id"], keyed_scales=keyed)
        sections.append(dict(with_fields(section, schema, "section"), items=items, keyed_scales=keyed,
                             answered=any(response_type(item).answered for item in items),
                             written_by=section.get("written_by", "school")))
    framework = {**{key: None for key in schema["properties"]}, **data}
    return dict(framework, source=with_fields(data["source"], schema, "source"), sections=sections, scales=scales,
                reviewed=any(section["written_by"] == "reviewer" for section in sections))


def browser_data(framework, site):
    """The slim framework data the browser scripts need: ids and scales, not the texts already in the page."""
    sections = []
    for section in framework["sections"]:
        items = []
        for item in section["items"]:
            entry = {"id": item["id"], "type": item["type"], **response_type(item).browser(item)}
            if item.get("plan"):
                entry.update(plan=True)
            items.append(entry)
        entry = {"id": section["id"], "settings": section.get("settings", []), "items": items}
        if section.get("written_by") == "reviewer":
            entry.update(written_by="reviewer")
        sections.append(entry)
    return {"site": site["id"], "framework": framework["id"], "version": framework["version"],
            "scales": framework["scales"], "sections": sections, "views": [view.id for view in VIEWS]}


def count_statements(framework):
    """How many statements a framework has."""
    return sum(1 for s in framework["sections"] for i in s["items"] if i["type"] == "statement")


# ---------------------------------------------------------------- render

def script_json(value):
    """JSON that is safe inside a <script type="application/json"> element."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def sha256(text):
    """The CSP source expression for an inline script or style."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def content_security_policy(styles, scripts, dev=False):
    """A strict CSP allowing exactly these inline styles and scripts and nothing else."""
    script_src = " ".join(sha256(s) for s in scripts) or "'none'"
    style_src = " ".join(sha256(s) for s in styles) or "'none'"
    connect = "'none'"
    if dev:  # `build.py serve` only: let livereload's injected snippet, its script and its socket in.
        script_src += f" {sha256(LIVERELOAD_SNIPPET)} http://127.0.0.1:{LIVERELOAD_PORT}"
        connect = f"ws://127.0.0.1:{LIVERELOAD_PORT}"
    return (f"default-src 'none'; script-src {script_src}; style-src {style_src}; img-src data:; "
            f"connect-src {connect}; base-uri 'none'; form-action 'none'")


LIVERELOAD_PORT = 35729
# The inline script the livereload package injects into every page it serves (livereload 2.7).
LIVERELOAD_SNIPPET = ('(function(){var s=document.createElement("script");var port=35729;'
                      's.src="//"+window.location.hostname+":"+port+ "/livereload.js?port=" + port;'
                      'document.head.appendChild(s);})();')


def theme_text(root, *names):
    """Concatenate theme files, in the order given."""
    return "\n".join((root / "theme" / name).read_text(encoding="utf-8") for name in names)


def storage_prefix(site, framework):
    """Where a framework's answers are saved in the browser: every localStorage key starts with this."""
    return f"{site['id']}:{framework['id']}:v1:"


def minify_js(text):
    """A script without its comments and spaces, and with short names for its local variables (calmjs.parse):
    the pages carry this; theme/js/ keeps the readable source. Scripts are ES5, which calmjs.parse reads."""
    return minify_print(es5(text), obfuscate=True, obfuscate_globals=False)


def minify_css(text):
    """A stylesheet without its comments and spaces (rcssmin)."""
    return rcssmin.cssmin(text)


MINIFIED_CACHE = ".cache/minified"
MINIFIERS = {".js": (minify_js, "calmjs.parse"), ".css": (minify_css, "rcssmin")}


def cache_name(suffix, text):
    """Where the minified form of a text is cached: named by the SHA-256 of the minifier, its version and the text."""
    from importlib.metadata import version
    minify, package = MINIFIERS[suffix]
    key = f"{package} {version(package)}\n{text}".encode("utf-8")
    return f"{MINIFIED_CACHE}/{hashlib.sha256(key).hexdigest()}{suffix}"


NEEDS_LINE = re.compile(r"// Needs: (.*)\n")
PROVIDES = re.compile(r"^ *toolkit\.(\w+) = ", re.MULTILINE)
USES = re.compile(r"toolkit\.(\w+)")


def script_order(root=ROOT):
    """The framework page's scripts in the order they run, and what is wrong with their Needs lines: ([names], problems).
    Each script's first line names every other script it uses, by what it provides (toolkit.<name> = …):
    "// Needs: answers, dom", or "// Needs: nothing". A script runs after every script it needs (else by name), and
    LAST_SCRIPT last. A script that uses toolkit.<name> without naming it, names what nothing provides, or needs a
    script that needs it back, is a problem."""
    folder = root / "theme" / "js"
    names = sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.js") if path.name != HEAD_SCRIPT)
    texts = {name: (folder / name).read_text(encoding="utf-8") for name in names}
    provider = {provided: name for name in names for provided in PROVIDES.findall(texts[name])}
    needs, problems = {}, []
    for name in names:
        text, file = texts[name], f"theme/js/{name}"
        line = NEEDS_LINE.match(text)
        declared = [] if not line or line.group(1).strip() == "nothing" else [w.strip() for w in line.group(1).split(",")]
        if not line:
            problems.append(Problem(file, 1, 1, 'the first line should name the scripts this one needs, as "// Needs: answers, dom" '
                                                '(or "// Needs: nothing")'))
        problems += [Problem(file, 1, 1, f'needs "{word}", which no script provides (as toolkit.{word} = …)')
                     for word in declared if word not in provider]
        own, reported = set(PROVIDES.findall(text)), set()
        for use in USES.finditer(text):
            word = use.group(1)
            if word in own or word in declared or word in reported:
                continue
            reported.add(word)
            at, column = text.count("\n", 0, use.start()) + 1, use.start() - text.rfind("\n", 0, use.start())
            problems.append(Problem(file, at, column, f'uses toolkit.{word}, which its first line does not name (// Needs: …)'
                                    if word in provider else f'uses toolkit.{word}, which no script provides'))
        needs[name] = {provider[word] for word in declared if word in provider} - {name}
    order, waiting = [], [name for name in names if name != LAST_SCRIPT]
    while waiting:
        ready = [name for name in waiting if needs[name] <= set(order)]
        if not ready:
            circle = [waiting[0]]
            while circle.count(circle[-1]) < 2:   # every script waiting needs another that is waiting: follow them round
                circle.append(min(needs[circle[-1]] & set(waiting)))
            circle = circle[circle.index(circle[-1]):-1]
            first = circle.index(min(circle))   # told from its first script by name, whichever was found first
            circle = circle[first:] + circle[:first + 1]
            problems.append(Problem(f"theme/js/{circle[0]}", 1, 1, "scripts that need each other cannot run one before the "
                                    "other: " + " needs ".join(circle)))
            break
        order.append(ready[0])
        waiting.remove(ready[0])
    return order + [LAST_SCRIPT], sorted(problems)


def load_theme(root=ROOT):
    """The theme's stylesheet and scripts as the pages carry them, minified: ({"css", "script", "start"}, the cache
    entries to write, {path: text}, the problems of the scripts' Needs lines (script_order)). "script" is every
    script but the head script, joined to run from one list (SCRIPT_RUNNER), LAST_SCRIPT after it. Minifying is most of a build's time, so a text minified before is read back from
    .cache/minified/ (written by write_cache) when its name, the SHA-256 of the text and minifier, is found there."""
    fresh = {}

    def minified(name):
        text = theme_text(root, name)
        path = cache_name(Path(name).suffix, text)
        try:
            return (root / path).read_text(encoding="utf-8")
        except OSError:
            fresh[path] = MINIFIERS[Path(name).suffix][0](text)
            return fresh[path]

    order, problems = script_order(root)
    runs = ",".join("function(){" + minified(f"js/{name}") + "}" for name in order[:-1])
    theme = {"css": minified("css/site.css"), "script": SCRIPT_RUNNER.format(runs) + "\n" + minified(f"js/{order[-1]}"),
             "start": minified(f"js/{HEAD_SCRIPT}")}
    return theme, fresh, problems


def brand_css(site):
    """CSS custom properties carrying the council's colours."""
    colours = site["colours"]
    return f":root{{--brand:{colours['brand']};--brand-text:{colours['brand_text']};--link:{colours['link']}}}\n"


def make_environment(root=ROOT):
    """The Jinja environment: autoescape on, undefined names are errors, Markdown as a filter, and
    response_macro(item): the macro of items.html named after the item's response type."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(root / "theme" / "templates"),
                             autoescape=True, undefined=jinja2.StrictUndefined,
                             trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True)
    env.filters["markdown"] = lambda text: Markup(render_markdown(text)[0])
    env.filters["extract"] = lambda key, mapping: mapping[key]
    env.filters["groupby_part"] = group_by_part
    env.filters["name"] = statement_name
    env.globals["setting_names"] = SETTING_NAMES
    env.globals["views"] = VIEWS
    env.globals["response_macro"] = lambda item: getattr(env.get_template("items.html").module, item["type"])
    return env


def group_by_part(sections):
    """[(part, [sections])] for runs of consecutive sections that share a part heading."""
    groups = []
    for section in sections:
        if groups and groups[-1][0] == section["part"]:
            groups[-1][1].append(section)
        else:
            groups.append((section["part"], [section]))
    return groups


def scale_keys(items, scales):
    """Ids of the numeric scales rated in these items whose point labels say what the numbers mean: they get a key."""
    keys = []
    for item in items:
        for rating in item["ratings"] if item["type"] == "statement" and not item["descriptors"] else []:
            scale = scales[rating["scale"]]
            numeric = isinstance(scale["points"][0]["value"], int)
            if numeric and any(p["label"] for p in scale["points"]) and rating["scale"] not in keys:
                keys.append(rating["scale"])
    return keys


def statement_name(item):
    """A short name for a statement, to tell its controls apart: "statement 3", or its first words."""
    if item["number"]:
        return f"statement {item['number']}"
    words = item["text"].split()
    return " ".join(words[:8]) + ("..." if len(words) > 8 else "")


def render_page(env, template, context, styles, scripts, dev=False, head_scripts=()):
    """Render one page with its styles and scripts inline (head_scripts in the <head>, the others at the end
    of the body) and a CSP that allows only them."""
    csp = content_security_policy(styles, list(head_scripts) + scripts, dev)
    return env.get_template(template).render(**context, styles=styles, scripts=scripts, head_scripts=head_scripts, csp=csp)


def render_site(frameworks, pages, site, theme, root=ROOT, dev=False):
    """Every page of the site, as {file name: HTML}, with the theme's minified stylesheet and scripts (load_theme)."""
    env = make_environment(root)
    css = minify_css(brand_css(site)) + theme["css"]
    scripts = [theme["script"]]
    start = [theme["start"]]
    nav = [(slug, page_title(pages[slug])) for slug in site["pages"] if slug in pages]
    nav += [(slug, page_title(text)) for slug, text in pages.items() if slug not in site["pages"]]
    common = {"site": site, "nav": nav}
    output = {"index.html": render_page(env, "index.html", dict(common, frameworks=frameworks, count=count_statements,
                                                                page_title=site["title"]), [css], [], dev)}
    for framework in frameworks:
        context = dict(common, framework=framework, data=script_json(browser_data(framework, site)),
                       page_title=framework["short_title"], storage_prefix=storage_prefix(site, framework))
        output[f"{framework['id']}.html"] = render_page(env, "framework.html", context, [css], scripts, dev, start)
    for slug, text in pages.items():
        context = dict(common, body=Markup(render_markdown(text.split("\n", 1)[1] if "\n" in text else "")[0]),
                       page_title=page_title(text), slug=slug)
        output[f"{slug}.html"] = render_page(env, "page.html", context, [css], [], dev)
    return output


def page_title(text):
    """The title of a content page: its first line, without the '# '."""
    return text.split("\n", 1)[0].removeprefix("# ").strip()


# ---------------------------------------------------------------- write

def write_site(files, out):
    """Write all files into a fresh folder beside out, then swap it in: a failed write leaves out untouched."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fresh = Path(tempfile.mkdtemp(prefix=f".{out.name}-new-", dir=out.parent))
    fresh.chmod(0o755)
    try:
        for name, text in sorted(files.items()):
            (fresh / name).write_text(text, encoding="utf-8", newline="\n")
    except BaseException:
        shutil.rmtree(fresh, ignore_errors=True)
        raise
    old = out.parent / f".{out.name}-old"
    shutil.rmtree(old, ignore_errors=True)
    if out.exists():
        out.rename(old)
    fresh.rename(out)
    shutil.rmtree(old, ignore_errors=True)


def write_cache(entries, root=ROOT):
    """Write newly minified texts into the cache (load_theme), each atomically. The cache only saves time: a folder
    that cannot be written to is left as it is, and the build goes on."""
    for path, text in entries.items():
        target = root / path
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            partial = target.with_name(f".{target.name}.{os.getpid()}")
            partial.write_text(text, encoding="utf-8", newline="\n")
            os.replace(partial, target)
        except OSError:
            pass


def write_released(frameworks, root=ROOT):
    """Write the released list of every framework into frameworks/released/; return their paths."""
    folder = root / RELEASED
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for framework in frameworks:
        paths.append(folder / f"{framework['id']}.txt")
        paths[-1].write_text(released_text(framework), encoding="utf-8", newline="\n")
    return paths


USB_NOTE_NAME = "READ ME FIRST - using the toolkit from a USB stick.txt"
USB_NOTE = """\
READ ME FIRST: using the toolkit from a USB stick

1. Copy this whole folder to the USB stick. Keep all the files in it together.
2. Open the folder and double-click index.html. It opens in your web browser.
3. Pick your framework from the list.

You do not need the internet. Nothing is installed, and nothing you type is sent anywhere.

Keeping your answers safe
- Your answers are saved in the web browser on the computer you are using, not on the USB stick.
- At the end of each session, use "Download my answers" and keep the file somewhere safe.
- On another computer, or in another browser, open the same framework and use "Load answers" to carry on from that file.
- Firefox keeps answers for each file by where it is. Do not move or rename the file. If you have to (or the USB stick gets a different drive letter), use "Load answers" with your file.
- Safari cannot save answers from a file. Use another browser.

Printing
- Press Ctrl+P (Cmd+P on a Mac) and choose "Save as PDF" to keep a copy of your work.

More help is on the toolkit's pages "How to use the toolkit" and "Moving your work to another computer".
"""


def project_version(root=ROOT):
    """The project's version, from pyproject.toml."""
    text = (root / "pyproject.toml").read_text(encoding="utf-8")
    try:
        import tomllib
    except ModuleNotFoundError:  # Python 3.10
        return re.search(r'^version\s*=\s*"([^"]+)"', text, re.MULTILINE).group(1)
    return tomllib.loads(text)["project"]["version"]


def package_files(site, version):
    """{name in the zip: bytes}: every file of the built site and the USB note, in one folder send-toolkit-<version>/."""
    folder = f"send-toolkit-{version}/"
    files = {folder + path.relative_to(site).as_posix(): path.read_bytes() for path in Path(site).rglob("*") if path.is_file()}
    files[folder + USB_NOTE_NAME] = USB_NOTE.replace("\n", "\r\n").encode("utf-8")  # CRLF, for Windows Notepad
    return files


RELEASE_SOURCES = ("build.py", "pyproject.toml", "site.yaml", "content", "frameworks", "theme")   # what a site is built from


def git(root, *arguments):
    """What a git command prints in root, or None where root is not the top of a git checkout (or there is no git)."""
    try:
        top = subprocess.run(["git", "-C", str(root), "rev-parse", "--show-toplevel"], capture_output=True, text=True)
        if top.returncode != 0 or Path(top.stdout.strip()).resolve() != Path(root).resolve():
            return None
        done = subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True)
    except OSError:
        return None
    return done.stdout if done.returncode == 0 else None


def newest_change(paths):
    """The newest modification time, in whole seconds, of the files at paths and in the folders among them."""
    files = [path for given in paths for path in ([given] if given.is_file() else sorted(given.rglob("*"))) if path.is_file()]
    return max((int(path.stat().st_mtime) for path in files), default=0)


def release_time(root=ROOT):
    """When the source in root was released, in seconds since 1970: the date of every file in its zip, so that a
    server gives each release's pages a newer date than the last's, and browsers never keep an old page as
    current. SOURCE_DATE_EPOCH if it is set (the convention for reproducible builds); in a git checkout, the time
    of the commit it is at, or the newest change to a source file changed since; elsewhere, the newest change to
    any source file. The same committed source gives the same time wherever it is checked out."""
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return int(os.environ["SOURCE_DATE_EPOCH"])
    committed = git(root, "log", "-1", "--format=%ct")
    if not committed:
        return newest_change([root / name for name in RELEASE_SOURCES])
    changed = (git(root, "diff", "--name-only", "HEAD", "--", *RELEASE_SOURCES) or "") + \
        (git(root, "ls-files", "--others", "--exclude-standard", "--", *RELEASE_SOURCES) or "")
    return max(int(committed), newest_change([root / name for name in changed.splitlines() if (root / name).is_file()]))


def zip_time(seconds):
    """A time as a zip stores it (UTC, to the even second, from 1980)."""
    year, month, day, hour, minute, second = time.gmtime(seconds)[:6]
    return max((year, month, day, hour, minute, second - second % 2), (1980, 1, 1, 0, 0, 0))


def write_zip(path, files, released):
    """Write {name: bytes} into a zip that depends on nothing else (names sorted, each file dated when its release
    was made, fixed permissions), so that the same files of one release always give the same bytes. A failed write
    leaves any previous zip untouched."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    try:
        with zipfile.ZipFile(partial, "w") as archive:
            for name, data in sorted(files.items()):
                info = zipfile.ZipInfo(name, date_time=zip_time(released))
                info.create_system, info.external_attr, info.compress_type = 3, 0o644 << 16, zipfile.ZIP_DEFLATED
                archive.writestr(info, data, compresslevel=9)
        partial.replace(path)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise


def package(site, dist, version, released):
    """Zip a built site with the USB note into dist/send-toolkit-<version>.zip, its files dated released (seconds since
    1970); return (its path, how many files)."""
    files = package_files(site, version)
    path = Path(dist) / f"send-toolkit-{version}.zip"
    write_zip(path, files, released)
    return path, len(files)


# ---------------------------------------------------------------- commands

def gather(root=ROOT):
    """Load and validate everything: (frameworks, pages, site settings, problems)."""
    sources, problems = load_frameworks(root)
    site_source, site_problems = load_site(root)
    pages = load_pages(root)
    problems = sorted(set(problems + site_problems + validate_all(sources, site_source, pages, root)))
    if problems:
        return None, None, None, problems
    schema = json.loads((root / FRAMEWORK_SCHEMA).read_text(encoding="utf-8"))
    frameworks = sorted((framework_model(s.data, schema) for s in sources), key=lambda f: f["title"].lower())
    return frameworks, pages, site_settings(site_source, root), []


def report(problems, out=sys.stderr):
    """Print every problem, then a count."""
    for problem in problems:
        print(problem, file=out)
    noun = "problem" if len(problems) == 1 else "problems"
    print(f"{len(problems)} {noun} found; nothing was built.", file=out)


def report_warnings(root=ROOT, out=sys.stderr):
    """Print every warning (they do not stop the build)."""
    for warning in released_warnings(root):
        print(warning, file=out)


def build(root=ROOT, out=None, dev=False, preview=None):
    """Build the site into out (default site/), and for `serve` also into preview (pages that allow the live-reload
    script), from one loading, checking and minifying. Returns the problems; writes nothing if there are any."""
    # 1. Load the frameworks, pages and the council's settings, and check them all.
    frameworks, pages, site, problems = gather(root)
    if problems:
        return problems
    # 2. Minify the theme's stylesheet and scripts (or read them back from the cache, when unchanged).
    theme, minified, problems = load_theme(root)
    if problems:
        return problems
    # 3. Render every page, with its CSS, JavaScript and data inline.
    files = render_site(frameworks, pages, site, theme, root, dev)
    # 4. Write them into a fresh folder and swap it in for the old one; keep what was minified for the next build.
    write_site(files, out or root / "site")
    if preview:
        write_site(render_site(frameworks, pages, site, theme, root, dev=True), preview)
    write_cache(minified, root)
    return []


def serve(root=ROOT, port=8000):
    """Serve a live preview on 127.0.0.1, rebuilding site/ and the preview whenever a source changes."""
    from livereload import Server

    preview = root / ".preview"

    def rebuild():
        problems = build(root, preview=preview)
        if problems:
            report(problems)
        else:
            report_warnings(root)
            print("Rebuilt site/.", file=sys.stderr)

    rebuild()
    server = Server()
    for pattern in ("frameworks/*", "content/*", "theme/**/*", "site.yaml"):
        server.watch(str(root / pattern), rebuild)
    print(f"Preview at http://127.0.0.1:{port}/ (site/ is rebuilt too). Stop with Ctrl+C.", file=sys.stderr)
    server.serve(host="127.0.0.1", port=port, root=str(preview), open_url_delay=None, liveport=LIVERELOAD_PORT)


def main(argv, root=ROOT):
    command = argv[1] if len(argv) > 1 else "build"
    if command == "serve":
        serve(root, port=int(argv[2]) if len(argv) > 2 else 8000)
        return 0
    if command in ("check", "release"):
        frameworks, _pages, _site, problems = gather(root)
    elif command in ("build", "package"):
        problems = build(root)
    else:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    if problems:
        report(problems)
        return 1
    report_warnings(root)
    if command == "check":
        print("No problems found.")
    elif command == "build":
        print(f"Built {root / 'site'}.")
    elif command == "release":
        for framework, path in zip(frameworks, write_released(frameworks, root)):
            print(f"Wrote {path.relative_to(root).as_posix()} ({len(answer_ids(framework))} item ids).")
    else:
        path, count = package(root / "site", root / "dist", project_version(root), release_time(root))
        print(f"Packaged {path.relative_to(root).as_posix()} ({count} files, {round(path.stat().st_size / 1024)} KB).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
