"""The hosting guide works as written: its Apache and nginx examples, taken out of docs/hosting.md itself (each
fenced block under a "<!-- tested: name -->" line), are run on Debian's own Apache 2.4 and nginx 1.22 on 127.0.0.1,
changing only what the guide says to change (the folder's path) and the port. Each is tried on a site with no
headers of its own and on one that sends a site-wide Content-Security-Policy and Strict-Transport-Security, as many
council sites do. Every page must come with its type and the guide's headers (one policy, never the site's), the
folder's address without its slash must lead to the folder, and a framework page must work in Chromium there:
its scripts run and a rating is kept over a reload. A release unpacked from its zip over the last one must never
be taken for it. tests/install-browsers.sh installs both servers."""
import calendar
import gzip
import http.client
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import zipfile
from pathlib import Path

import pytest

import build
from conftest import ROOT, SUB_PATH, free_port, open_tool

GUIDE = ROOT / "docs" / "hosting.md"
ADDRESS = "/localoffer/send-tool"          # the toolkit's address in the guide's examples
GUIDE_FOLDER = "/var/www/send-tool"       # the folder holding its pages, in the guide's examples
GUIDE_HTACCESS_FOLDER = "/var/www/html/localoffer/send-tool"   # the same folder inside the DocumentRoot
SITE_POLICY = "default-src 'self'"
SITE_HSTS = "max-age=31536000; includeSubDomains"
HEADERS = {"Content-Security-Policy": "frame-ancestors 'none'", "X-Content-Type-Options": "nosniff",
           "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}
APACHE_CTL = "/usr/sbin/apache2ctl"
NGINX = "/usr/sbin/nginx"
assert SUB_PATH == ADDRESS + "/"


def guide_examples():
    """The guide's tested examples by name: the fenced block after each '<!-- tested: name -->' line."""
    text = GUIDE.read_text(encoding="utf-8")
    return {name: body for name, body in re.findall(r"<!-- tested: ([a-z-]+) -->\n```[a-z]*\n(.*?)```", text, re.S)}


def test_the_guide_marks_each_example_the_tests_run():
    assert sorted(guide_examples()) == ["apache-allow-htaccess", "apache-commands", "apache-htaccess",
                                        "apache-server", "nginx"]


def test_the_guide_gives_the_framework_pages_sizes_true(fresh_site):
    """"a framework page is about 300 to 500 KB and compresses to a third of that or less" (at gzip's fastest
    level, nginx's own)."""
    assert "about 300 to 500 KB and compresses to a third of that or less" in " ".join(GUIDE.read_text().split())
    pages = [path.read_bytes() for path in fresh_site.glob("*.html") if b'id="framework-data"' in path.read_bytes()]
    assert len(pages) == 5
    for page in pages:
        assert 250 * 1024 <= len(page) <= 500 * 1024
        assert len(gzip.compress(page, 1)) <= len(page) / 3


@pytest.fixture(scope="module")
def server_root(fresh_site):
    """A folder every user can read (the servers' workers run as www-data), holding the DocumentRoot of a council's
    site with a page of its own, and the toolkit's pages (the guide's /var/www/send-tool)."""
    root = Path(tempfile.mkdtemp(prefix="send-hosting-"))
    root.chmod(0o755)
    (root / "www").mkdir()
    (root / "www" / "index.html").write_text("<!doctype html><title>Anytown Council</title><p>Welcome", encoding="utf-8")
    shutil.copytree(fresh_site, root / "send-tool")
    yield root
    shutil.rmtree(root, ignore_errors=True)


def wait_listening(port, log):
    for _ in range(100):
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise AssertionError(f"nothing listens on port {port}:\n{log.read_text() if log.exists() else ''}")


def run(command, env=None):
    """A command as the guide gives it, run as root (the guide's sudo); its output, or the test fails with it."""
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    assert done.returncode == 0, f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}"
    return done.stdout + done.stderr


def get(port, path, encoding=None, headers=None):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.request("GET", path, headers=dict(headers or {}, **({"Accept-Encoding": encoding} if encoding else {})))
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response, body


def served_as_the_guide_says(port, folder, site_headers):
    """Every page: 200, its type, its bytes, the guide's headers (one policy: never the site's), and the site's
    own other headers. The folder's address without its slash leads to the folder; the folder shows index.html."""
    pages = sorted(path.name for path in folder.glob("*.html"))
    assert "index.html" in pages and "send-audit-rag.html" in pages
    for name in pages:
        response, body = get(port, f"{ADDRESS}/{name}")
        assert response.status == 200, name
        assert response.getheader("Content-Type") == "text/html; charset=utf-8", name
        assert body == (folder / name).read_bytes(), name
        for header, value in HEADERS.items():
            assert (name, header, response.headers.get_all(header)) == (name, header, [value])
        assert response.headers.get_all("Strict-Transport-Security") == ([SITE_HSTS] if site_headers else None), name
    response, _ = get(port, ADDRESS)
    assert response.status == 301
    assert response.getheader("Location") in (f"http://127.0.0.1:{port}{ADDRESS}/", f"{ADDRESS}/")
    response, body = get(port, ADDRESS + "/")
    assert response.status == 200 and body == (folder / "index.html").read_bytes()
    assert response.headers.get_all("Content-Security-Policy") == [HEADERS["Content-Security-Policy"]]


def works_in_chromium(page, port):
    """A framework page under the folder's address: its scripts run (the page's own policy is not blocked by the
    site's) and a rating is kept over a reload."""
    tool = open_tool(page, f"http://127.0.0.1:{port}{ADDRESS}/send-audit-rag.html#teaching", "send-audit-rag")
    tool.section().locator("#teaching-2--rag").get_by_label("Amber").check()
    assert tool.answers() == {"teaching-2": {"rag": "amber"}}
    page.reload()
    page.wait_for_function("() => document.getElementById('save-status').textContent !== ''")
    assert tool.section().locator("#teaching-2--rag").get_by_label("Amber").is_checked()
    assert page.locator("#scripts-off").count() == 0   # the scripts remove the notice that they are blocked


# ---- Apache: Debian's own configuration, copied, with the guide's commands and examples


class Apache:
    """Debian's Apache with a copy of its /etc/apache2 (APACHE_CONFDIR), serving a council's site on 127.0.0.1."""

    def __init__(self, root, name):
        self.home = root / name
        self.confdir = self.home / "apache2"
        shutil.copytree("/etc/apache2", self.confdir, symlinks=True)
        for folder in ("run", "lock", "log"):
            (self.home / folder).mkdir()
        with open(self.confdir / "envvars", "a", encoding="utf-8") as envvars:
            envvars.write(f"export APACHE_PID_FILE={self.home}/run/apache2.pid\nexport APACHE_RUN_DIR={self.home}/run\n"
                          f"export APACHE_LOCK_DIR={self.home}/lock\nexport APACHE_LOG_DIR={self.home}/log\n")
        self.port = free_port()
        (self.confdir / "ports.conf").write_text(f"Listen 127.0.0.1:{self.port}\n", encoding="utf-8")
        self.env = dict(os.environ, APACHE_CONFDIR=str(self.confdir))

    def site(self, www, inside_host="", after_host=""):
        """The council's site: its DocumentRoot (granted, as Debian grants /var/www), and what the guide adds."""
        (self.confdir / "sites-available" / "000-default.conf").write_text(
            f"<VirtualHost 127.0.0.1:{self.port}>\n    DocumentRoot {www}\n    ErrorLog ${{APACHE_LOG_DIR}}/error.log\n"
            f"{inside_host}\n</VirtualHost>\n<Directory {www}>\n    Require all granted\n</Directory>\n{after_host}\n",
            encoding="utf-8")

    def commands(self, examples):
        """The guide's commands: a2enmod and configtest as written (sudo is being root); systemctl is not run here,
        so Apache is started with apache2ctl instead."""
        for line in examples["apache-commands"].splitlines():
            command = line.removeprefix("sudo ").split()
            if command[0] == "systemctl":
                continue
            run([f"/usr/sbin/{command[0]}"] + command[1:], self.env)

    def start(self):
        run([APACHE_CTL, "start"], self.env)
        wait_listening(self.port, self.home / "log" / "error.log")

    def stop(self):
        subprocess.run([APACHE_CTL, "stop"], env=self.env, capture_output=True)
        pid = self.home / "run" / "apache2.pid"
        for _ in range(100):
            if not pid.exists():
                return
            time.sleep(0.05)


SITE_HEADERS_APACHE = {
    # as Header always set, and as Header set: Apache keeps these in two lists, and the guide must clear both
    "always": f'Header always set Content-Security-Policy "{SITE_POLICY}"\n'
              f'Header always set Strict-Transport-Security "{SITE_HSTS}"\n',
    "on success": f'Header set Content-Security-Policy "{SITE_POLICY}"\n'
                  f'Header always set Strict-Transport-Security "{SITE_HSTS}"\n',
}


@pytest.mark.parametrize("site_headers", [None, "always", "on success"])
def test_apache_in_the_server_settings_works_as_the_guide_says(site_headers, server_root, page):
    examples = guide_examples()
    apache = Apache(server_root, f"apache-server-{site_headers}".replace(" ", "-"))
    own = SITE_HEADERS_APACHE[site_headers] if site_headers else ""
    apache.site(server_root / "www", own + examples["apache-server"].replace(GUIDE_FOLDER, str(server_root / "send-tool")))
    apache.commands(examples)
    apache.start()
    try:
        served_as_the_guide_says(apache.port, server_root / "send-tool", site_headers)
        works_in_chromium(page, apache.port)
    finally:
        apache.stop()


@pytest.mark.parametrize("site_headers", [None, "always", "on success"])
def test_apache_with_an_htaccess_works_as_the_guide_says(site_headers, server_root, page):
    examples = guide_examples()
    apache = Apache(server_root, f"apache-htaccess-{site_headers}".replace(" ", "-"))
    www = apache.home / "www"
    shutil.copytree(server_root / "www", www)
    folder = www / ADDRESS.strip("/")
    shutil.copytree(server_root / "send-tool", folder)
    (folder / ".htaccess").write_text(examples["apache-htaccess"], encoding="utf-8")
    own = SITE_HEADERS_APACHE[site_headers] if site_headers else ""
    apache.site(www, own, examples["apache-allow-htaccess"].replace(GUIDE_HTACCESS_FOLDER, str(folder)))
    apache.commands(examples)
    apache.start()
    try:
        served_as_the_guide_says(apache.port, folder, site_headers)
        works_in_chromium(page, apache.port)
    finally:
        apache.stop()


def test_apache_without_its_headers_module_refuses_the_guide_s_settings_instead_of_sending_no_headers(server_root):
    """Debian leaves mod_headers off. The guide's examples are not wrapped in <IfModule>, so forgetting a2enmod is
    loud: the server settings fail Apache's check, and an .htaccess makes every page an error."""
    examples = guide_examples()
    apache = Apache(server_root, "apache-no-headers")
    (apache.confdir / "mods-enabled" / "headers.load").unlink(missing_ok=True)   # as Debian installs it, whatever this machine's
    apache.site(server_root / "www", examples["apache-server"].replace(GUIDE_FOLDER, str(server_root / "send-tool")))
    check = subprocess.run([APACHE_CTL, "configtest"], env=apache.env, capture_output=True, text=True)
    assert check.returncode != 0
    assert "Invalid command 'Header'" in check.stderr
    folder = apache.home / "www" / ADDRESS.strip("/")
    shutil.copytree(server_root / "send-tool", folder)
    (folder / ".htaccess").write_text(examples["apache-htaccess"], encoding="utf-8")
    apache.site(apache.home / "www", "", examples["apache-allow-htaccess"].replace(GUIDE_HTACCESS_FOLDER, str(folder)))
    apache.start()
    try:
        response, _ = get(apache.port, f"{ADDRESS}/index.html")
        assert response.status == 500
    finally:
        apache.stop()


# ---- nginx: the guide's two locations in a server block of the council's site


class Nginx:
    """Debian's nginx with a configuration of its own, serving a council's site on 127.0.0.1: the server block
    holds the site's own lines, then the guide's example, its folder changed to folder."""

    def __init__(self, root, name, folder, server_lines="", location_lines=""):
        self.home = root / name
        (self.home / "temp").mkdir(parents=True)
        example = guide_examples()["nginx"].replace(GUIDE_FOLDER + "/", f"{folder}/")
        opening = f"location ^~ {ADDRESS}/ {{\n"
        assert example.count(opening) == 1
        example = example.replace(opening, opening + location_lines)
        self.port = free_port()
        temp = self.home / "temp"
        self.conf = self.home / "nginx.conf"
        self.conf.write_text(
            f"worker_processes 1;\npid {self.home}/nginx.pid;\nerror_log {self.home}/error.log;\nevents {{}}\nhttp {{\n"
            f"    include /etc/nginx/mime.types;\n    default_type application/octet-stream;\n    access_log off;\n"
            + "".join(f"    {kind}_temp_path {temp}/{kind};\n" for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
            + f"    server {{\n        listen 127.0.0.1:{self.port};\n        root {root / 'www'};\n{server_lines}{example}\n"
              "    }\n}\n", encoding="utf-8")

    def start(self):
        run([NGINX, "-t", "-c", str(self.conf)])
        run([NGINX, "-c", str(self.conf)])
        wait_listening(self.port, self.home / "error.log")

    def stop(self):
        subprocess.run([NGINX, "-s", "quit", "-c", str(self.conf)], capture_output=True)


@pytest.mark.parametrize("site_headers", [False, True])
def test_nginx_works_as_the_guide_says(site_headers, server_root, page):
    """With site_headers, the council's server block sends a site-wide policy and HSTS, and has a location for all
    .html files written with ~ (as many sites have, say to cache pages), which without ^~ would take the
    toolkit's pages. As the guide says, its add_header lines other than the policy are copied into the location."""
    folder = server_root / "send-tool"
    own = [f'add_header Content-Security-Policy "{SITE_POLICY}" always;',
           f'add_header Strict-Transport-Security "{SITE_HSTS}" always;'] if site_headers else []
    server_lines = "".join(f"        {line}\n" for line in own) + ("        location ~ \\.html$ { expires 1h; }\n" if own else "")
    copied = "".join(f"    {line}\n" for line in own if "Content-Security-Policy" not in line)
    nginx = Nginx(server_root, f"nginx-{site_headers}", folder, server_lines, copied)
    nginx.start()
    try:
        served_as_the_guide_says(nginx.port, folder, site_headers)
        response, body = get(nginx.port, f"{ADDRESS}/send-audit-rag.html", encoding="gzip")
        assert response.getheader("Content-Encoding") == "gzip"
        assert len(body) < (folder / "send-audit-rag.html").stat().st_size / 3
        response, _ = get(nginx.port, "/index.html")
        assert response.status == 200   # the council's own pages are as they were
        works_in_chromium(page, nginx.port)
    finally:
        nginx.stop()


def unpack(archive_path, into):
    """Unpack a release's zip into the served folder as unzip does, each file dated as the zip says."""
    with zipfile.ZipFile(archive_path) as archive:
        for info in archive.infolist():
            target = into / info.filename.split("/", 1)[1]
            target.write_bytes(archive.read(info))
            when = calendar.timegm(info.date_time + (0, 0, 0))
            os.utime(target, (when, when))


def test_a_release_unpacked_from_its_zip_is_never_taken_for_the_last_one(server_root, fresh_site, tmp_path):
    """Two releases whose page is the same size (one letter changed): unpacked from their zips, the new page has a
    new date, so nginx answers a browser's check (the old page's ETag and date) with the new page, never 304 Not
    Modified. Dated alike, as every zip once was (1 January 1980), the old page would stay."""
    newer = tmp_path / "newer" / "site"
    shutil.copytree(fresh_site, newer)
    page = newer / "send-audit-rag.html"
    old_bytes = (fresh_site / "send-audit-rag.html").read_bytes()
    new_bytes = old_bytes.replace(b"Leadership", b"Leadersh1p", 1)
    assert new_bytes != old_bytes and len(new_bytes) == len(old_bytes)
    page.write_bytes(new_bytes)
    version = build.project_version(ROOT)
    first, _ = build.package(fresh_site, tmp_path / "first", version, 1_800_000_000)
    second, _ = build.package(newer, tmp_path / "second", version, 1_800_086_400)
    folder = server_root / "released"
    folder.mkdir()
    unpack(first, folder)
    nginx = Nginx(server_root, "nginx-releases", folder)
    nginx.start()
    try:
        path = f"{ADDRESS}/send-audit-rag.html"
        response, body = get(nginx.port, path)
        assert body == old_bytes
        check = {"If-None-Match": response.getheader("ETag"), "If-Modified-Since": response.getheader("Last-Modified")}
        unpack(second, folder)
        response, body = get(nginx.port, path, headers=check)
        assert (response.status, body) == (200, new_bytes)
        old_date = calendar.timegm(zipfile.ZipFile(first).infolist()[0].date_time + (0, 0, 0))
        os.utime(folder / "send-audit-rag.html", (old_date, old_date))   # dated as the last release: taken for it
        response, body = get(nginx.port, path, headers=check)
        assert (response.status, body) == (304, b"")
    finally:
        nginx.stop()
