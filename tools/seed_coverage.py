"""Report the lines of a seed document that a framework YAML file does not contain.

    python tools/seed_coverage.py frameworks/send-audit-rag.yaml tests/seeds/001_*.txt

Each line of the seed (each tab-separated cell, for tables) is normalised (case, quotes,
dashes, bullets, numbering, spacing) and looked for in the text of every string in the
YAML file. Lines left out on purpose are listed in tests/seed-omissions/<framework id>.txt,
one normalised line each, with '#' comments saying why; the test suite keeps that list
and this report equal.
"""
import re
import sys
import unicodedata
from pathlib import Path

import yaml

REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-",
    "\u2212": "-", "\u2010": "-", "\u2011": "-", "\u00a0": " ", "\u00b7": " ", "\u2022": " ",
    "\u2610": " ", "\uf0b7": " ", "*": "", "\u2026": "...",
}
ENUMERATOR = re.compile(r"^(\(?\d{1,2}[.)]?|[a-z][.)]|[-\u2212])\s+")
MARKUP = re.compile(r"<[^>]+>|\[bookmark: [^\]]*\]|\]\(#\)|\[|\]\([^)]*\)")


def normalise(text):
    """Fold a piece of text to the form in which seed and framework are compared."""
    text = unicodedata.normalize("NFKC", text)
    for old, new in REPLACEMENTS.items():
        text = text.replace(old, new)
    text = MARKUP.sub(" ", text)
    text = " ".join(text.split()).lower()
    while True:
        stripped = ENUMERATOR.sub("", text)
        if stripped == text:
            return text.strip(" .:;,")
        text = stripped


def strings_in(value):
    """Yield every string (keys and values) in loaded YAML data."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield str(key)
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)
    elif value is not None and not isinstance(value, bool):
        yield str(value)


def seed_pieces(seed_text):
    """Yield (line number, normalised piece) for every non-trivial line or table cell."""
    for number, line in enumerate(seed_text.splitlines(), start=1):
        for cell in line.split("\t"):
            piece = normalise(cell)
            if len(piece) >= 3 and re.search(r"[a-z]", piece):
                yield number, piece


def missing_pieces(framework_path, seed_path):
    """Return (line number, piece) for each seed piece not found in the framework."""
    data = yaml.safe_load(Path(framework_path).read_text(encoding="utf-8"))
    corpus = " \u0000 ".join(normalise(s) for s in strings_in(data))
    seen, missing = set(), []
    for number, piece in seed_pieces(Path(seed_path).read_text(encoding="utf-8")):
        if piece not in corpus and piece not in seen:
            seen.add(piece)
            missing.append((number, piece))
    return missing


def read_omissions(path):
    """Read an omissions list: one normalised piece a line, '#' starts a comment."""
    if not Path(path).exists():
        return set()
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    return {line.strip() for line in lines if line.strip() and not line.startswith("#")}


def main(argv):
    framework_path, seed_path = argv[1], argv[2]
    framework_id = yaml.safe_load(Path(framework_path).read_text(encoding="utf-8"))["id"]
    omitted = read_omissions(Path(__file__).parent.parent / "tests" / "seed-omissions" / f"{framework_id}.txt")
    missing = [(n, p) for n, p in missing_pieces(framework_path, seed_path) if p not in omitted]
    for number, piece in missing:
        print(f"{seed_path}:{number}: {piece}")
    print(f"{len(missing)} seed lines not found in {framework_path} (and not in the omissions list)")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
