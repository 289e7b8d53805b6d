#!/usr/bin/python3
"""A WebKitGTK browser for tests/test_webkit.py: what MiniBrowser does when WebKitWebDriver starts it for automation,
but keeping the website data (localStorage, IndexedDB) in a folder, so that it survives quitting and a restart
(MiniBrowser's automation sessions forget everything). Started by WebKitWebDriver as

    webkit_browser.py --automation --data=FOLDER --downloads=FOLDER

with the user agent, when a test gives one, in the environment variable SEND_TOOLKIT_USER_AGENT.

It runs under Debian's own Python, which has PyGObject (python3-gi) and WebKitGTK's bindings (gir1.2-webkit2-4.1),
and prints the page's console messages to the driver's log."""
import os
import sys

import gi

gi.require_version("Gtk", "3.0")
gi.require_version("WebKit2", "4.1")
from gi.repository import Gtk, WebKit2  # noqa: E402

NAME = "SendToolkitWebKit"   # the browserName the tests ask the driver for


def option(name):
    return next(arg.split("=", 1)[1] for arg in sys.argv[1:] if arg.startswith(f"--{name}="))


def main():
    if not Gtk.init_check()[0]:   # else GTK aborts later, and the driver waits for ever
        sys.exit(f"webkit_browser.py: cannot open the display {os.environ.get('DISPLAY')!r}")
    data, downloads, user_agent = option("data"), option("downloads"), os.environ.get("SEND_TOOLKIT_USER_AGENT")
    manager = WebKit2.WebsiteDataManager(base_data_directory=f"{data}/data", base_cache_directory=f"{data}/cache")
    context = WebKit2.WebContext(website_data_manager=manager)
    context.set_automation_allowed(True)
    windows = []

    def create_view(session):
        view = WebKit2.WebView(web_context=context, is_controlled_by_automation=True)
        view.get_settings().set_enable_write_console_messages_to_stdout(True)
        if user_agent:
            view.get_settings().set_user_agent(user_agent)
        window = Gtk.Window()
        window.set_default_size(1100, 900)
        window.add(view)
        window.show_all()
        windows.append(window)

        def close(view):
            window.destroy()
            windows.remove(window)
            if not windows:
                Gtk.main_quit()
        view.connect("close", close)
        return view

    def automation_started(context, session):
        info = WebKit2.ApplicationInfo()
        info.set_name(NAME)
        info.set_version(1, 0, 0)
        session.set_application_info(info)
        session.connect("create-web-view", create_view)

    def download_started(context, download):
        def destination(download, name):
            download.set_destination(f"file://{downloads}/{name}")
            return True
        download.connect("decide-destination", destination)

    context.connect("automation-started", automation_started)
    context.connect("download-started", download_started)
    Gtk.main()


if __name__ == "__main__":
    main()
