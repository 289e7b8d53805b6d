"""`python build.py package`: the built site and a note for USB sticks in one reproducible zip that works unpacked."""
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from playwright.sync_api import expect

import build
from conftest import ROOT
from test_firefox import checked, firefox, saved_status, status  # noqa: F401 (firefox is a fixture)
from test_validate import MINIMAL, edit, make_root

VERSION = build.project_version(ROOT)
RELEASED = 1_796_688_000   # 2026-12-08 00:00:00 UTC
FOLDER = f"send-toolkit-{VERSION}/"
NOTE = "READ ME FIRST - using the toolkit from a USB stick.txt"


@pytest.fixture(scope="module")
def packaged(fresh_site, tmp_path_factory):
    path, count = build.package(fresh_site, tmp_path_factory.mktemp("dist"), VERSION, RELEASED)
    assert (path.name, count) == (f"send-toolkit-{VERSION}.zip", len(list(fresh_site.iterdir())) + 1)
    return path


@pytest.fixture(scope="module")
def unpacked(packaged, tmp_path_factory):
    """The zip unpacked as a school would, into a folder whose path has spaces."""
    folder = tmp_path_factory.mktemp("usb") / "USB stick (E)" / "SEND toolkit"
    with zipfile.ZipFile(packaged) as archive:
        archive.extractall(folder)
    return folder / FOLDER


def read_zip(path):
    with zipfile.ZipFile(path) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_zip_holds_every_file_of_the_site_and_the_note_in_one_folder(packaged, fresh_site):
    contents = read_zip(packaged)
    site = {FOLDER + path.name: path.read_bytes() for path in fresh_site.iterdir()}
    assert sorted(contents) == sorted([*site, FOLDER + NOTE])
    assert {name: contents[name] for name in site} == site


def test_the_note_is_plain_text_with_windows_line_endings(packaged):
    note = read_zip(packaged)[FOLDER + NOTE]
    assert note == build.USB_NOTE.replace("\n", "\r\n").encode("ascii")
    assert note.count(b"\n") == note.count(b"\r\n") > 10
    for words in ("double-click index.html", "Download my answers", "Load answers", "Firefox", "Safari", "Ctrl+P"):
        assert words in build.USB_NOTE


def test_packages_are_reproducible(packaged, fresh_site, tmp_path):
    copy = tmp_path / "copied later" / "site"
    shutil.copytree(fresh_site, copy)
    for path in copy.iterdir():
        os.utime(path, (2_000_000_000, 2_000_000_000))
    again, _count = build.package(copy, tmp_path / "dist", VERSION, RELEASED)
    assert again.read_bytes() == packaged.read_bytes()
    with zipfile.ZipFile(again) as archive:
        assert [i.filename for i in archive.infolist()] == sorted(i.filename for i in archive.infolist())
        assert {i.date_time for i in archive.infolist()} == {(2026, 12, 8, 0, 0, 0)}   # the release's, not the files'


def git(root, *arguments, when=None):
    env = dict(os.environ, GIT_COMMITTER_DATE=f"@{when} +0000", GIT_AUTHOR_DATE=f"@{when} +0000") if when else None
    subprocess.run(["git", "-C", str(root), "-c", "user.name=Test", "-c", "user.email=test@example.org", *arguments],
                   check=True, capture_output=True, env=env)


def test_a_release_is_dated_by_its_commit_and_by_any_change_made_since(tmp_path, monkeypatch):
    """Two releases must never carry the same date (a server would tell browsers the old pages are current), and
    one source must always carry the same date, wherever and whenever it is checked out."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    root = make_root(tmp_path, MINIMAL)
    for path in root.rglob("*"):
        os.utime(path, (1_700_000_000, 1_700_000_000))
    assert build.release_time(root) == 1_700_000_000   # not in git: the newest change to a source file
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "Release", when=1_800_000_000)
    for path in root.rglob("*"):
        os.utime(path, (1_900_000_000, 1_900_000_000))   # checked out again later: the same source
    assert build.release_time(root) == 1_800_000_000
    (root / "site").mkdir(exist_ok=True)
    (root / "site" / "index.html").write_text("built", encoding="utf-8")   # what is built is not the source
    os.utime(root / "site" / "index.html", (1_950_000_000, 1_950_000_000))
    assert build.release_time(root) == 1_800_000_000
    framework = next((root / "frameworks").glob("*.yaml"))
    framework.write_text(framework.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    os.utime(framework, (1_850_000_000, 1_850_000_000))
    assert build.release_time(root) == 1_850_000_000   # changed since the commit: when it was changed
    (root / "content" / "new.md").write_text("# New\n", encoding="utf-8")
    os.utime(root / "content" / "new.md", (1_860_000_000, 1_860_000_000))
    assert build.release_time(root) == 1_860_000_000
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1750000000")
    assert build.release_time(root) == 1_750_000_000


def test_the_hosting_guide_gives_the_zip_s_size_true(packaged):
    """The guide's example of what `package` prints, within 15 % of the zip the repository's own site makes."""
    guide = (ROOT / "docs" / "hosting.md").read_text(encoding="utf-8")
    files, size = re.search(r"Packaged dist/send-toolkit-[0-9.]+\.zip \((\d+) files, (\d+) KB\)\.", guide).groups()
    assert int(files) == len(read_zip(packaged))
    assert abs(int(size) * 1024 - packaged.stat().st_size) <= 0.15 * packaged.stat().st_size


def test_the_version_is_read_with_or_without_tomllib(monkeypatch):
    assert re.fullmatch(r"\d+\.\d+\.\d+", VERSION)
    monkeypatch.setitem(sys.modules, "tomllib", None)  # as on Python 3.10
    assert build.project_version(ROOT) == VERSION


def test_the_package_command_builds_then_zips(tmp_path):
    root = make_root(tmp_path, MINIMAL)
    shutil.copy(ROOT / "pyproject.toml", root)
    result = subprocess.run([sys.executable, str(root / "build.py"), "package"], capture_output=True, text=True)
    path = root / "dist" / f"send-toolkit-{VERSION}.zip"
    files = sorted(p.name for p in (root / "site").iterdir())
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == f"Packaged dist/{path.name} ({len(files) + 1} files, {round(path.stat().st_size / 1024)} KB).\n"
    with zipfile.ZipFile(path) as archive:
        assert {i.date_time for i in archive.infolist()} == {build.zip_time(build.release_time(root))}
    assert sorted(read_zip(path)) == sorted(FOLDER + name for name in [*files, NOTE])
    assert sorted(p.name for p in (root / "dist").iterdir()) == [path.name]


def test_the_package_command_refuses_a_framework_with_problems(tmp_path):
    root = make_root(tmp_path, edit("id: leadership-2", "id: leadership-1"))
    shutil.copy(ROOT / "pyproject.toml", root)
    result = subprocess.run([sys.executable, str(root / "build.py"), "package"], capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "1 problem found; nothing was built."
    assert not (root / "dist").exists()


def test_the_unpacked_zip_works_from_file_in_chromium(unpacked, watched):
    index = (unpacked / "index.html").as_uri()
    framework = (unpacked / "send-audit-rag.html").as_uri()
    assert " " in index.replace("%20", " ")
    watched.open(index)
    watched.page.get_by_role("link", name="SEND Audit RAG rating").click()
    watched.page.wait_for_load_state("load")
    assert watched.page.url == framework
    expect(watched.page.locator("#tool-bar")).to_be_visible()
    watched.page.evaluate("location.hash = 'leadership'")
    watched.page.locator("input[name='leadership-1--rag'][value='green']").check()
    expect(watched.page.locator("#save-status")).to_contain_text("Saved in this browser at")
    assert watched.console == [] and watched.errors == []
    assert watched.requests == [index, framework]


def test_the_unpacked_zip_works_from_file_in_firefox(unpacked, firefox):  # noqa: F811
    from selenium.webdriver.common.by import By
    driver = firefox()
    driver.get((unpacked / "send-audit-rag.html").as_uri())
    assert driver.find_element(By.ID, "tool-bar").is_displayed()  # hidden until the page's scripts run
    assert status(driver) == "Nothing entered yet: your answers are saved in this browser as you go"
    driver.execute_script("location.hash = 'leadership'")
    driver.find_element(By.CSS_SELECTOR, "input[name='leadership-1--rag'][value='green']").click()
    assert saved_status(driver).startswith("Saved in this browser at")
    driver.get((unpacked / "send-audit-rag.html").as_uri() + "#leadership")  # opened again from the stick
    assert checked(driver, "leadership-1--rag") == "green"
    assert driver.execute_script("return document.getElementById('leadership--progress').textContent").startswith("1 of ")
