#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""The real emitra-desk driven the way a screen-reader user's tools drive it:
through the accessibility bus (AT-SPI) only, under Xvfb and a D-Bus session.

Finds the service search by its accessible name (in the interface's
language), types "jati" through AT-SPI's editable text, activates the first
result, presses "Start Application" and reaches the application form by the
name of one of its fields. On each screen it checks that every control a
keyboard reaches has a real name: not empty, and not the GTK type name GTK
falls back to when a widget was never named.

Needs /usr/bin/python3 with python3-pyatspi (build-aux/debian-packages.txt);
run by meson test (tests/ui/meson.build) with EMITRA_BUILD_ROOT and
GSETTINGS_SCHEMA_DIR set, and without NO_AT_BRIDGE. Exits 77 (skipped) when
there is no display or no pyatspi.
"""
import gettext
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

try:
    import pyatspi
except ImportError:
    print("pyatspi is not installed (python3-pyatspi)")
    sys.exit(77)

SEARCH_TEXT = "jati"
SERVICE_ID = "caste-certificate-obc"
FIELD_ID = "full_name_en"
TIMEOUT = 30.0

source_root = os.environ.get("EMITRA_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
build_root = os.environ["EMITRA_BUILD_ROOT"]
language = os.environ.get("LANGUAGE", "")

translation = gettext.translation("emitra-desk", localedir=os.path.join(build_root, "po"),
                                  languages=[language] if language else None, fallback=True)
hindi = language.startswith("hi")


def _(text):
    return translation.gettext(text)


def C_(context, text):
    return translation.pgettext(context, text)


def catalog_label(field_id):
    with open(os.path.join(source_root, "data", "catalog", "catalog.json"), encoding="utf-8") as f:
        catalog = json.load(f)
    for group in catalog["field_groups"].values():
        for field in group:
            if field["id"] == field_id:
                return field["label_hi" if hindi else "label_en"]
    raise KeyError(field_id)


desk_process = None


def wait_for(what, find, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if desk_process is not None and desk_process.poll() is not None:
            raise AssertionError(f"the desk exited ({desk_process.returncode}) while waiting for {what}")
        try:
            found = find()
        except Exception:  # a widget going away mid-walk
            found = None
        if found:
            return found
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {what}")


def children(acc):
    try:
        count = acc.childCount
    except Exception:
        return
    for i in range(count):
        try:
            child = acc.getChildAtIndex(i)
        except Exception:
            child = None
        if child is not None:
            yield child


def walk(acc, depth=0):
    yield acc, depth
    if depth < 80:
        for child in children(acc):
            yield from walk(child, depth + 1)


def is_showing(acc):
    states = acc.getState()
    return states.contains(pyatspi.STATE_VISIBLE) or states.contains(pyatspi.STATE_SHOWING)


def find(root, role, name=None, pattern=None):
    for acc, _depth in walk(root):
        try:
            if acc.getRole() != role:
                continue
            if name is not None and acc.name != name:
                continue
            if pattern is not None and not re.search(pattern, acc.name):
                continue
            return acc
        except Exception:
            continue
    return None


def find_app(pid):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in children(desktop):
        try:
            if app.get_process_id() == pid:
                return app
        except Exception:
            continue
    return None


def active_frame(app):
    for window in children(app):
        try:
            if window.getRole() == pyatspi.ROLE_FRAME and window.getState().contains(pyatspi.STATE_ACTIVE):
                return window
        except Exception:
            continue
    frames = [w for w in children(app) if w.getRole() == pyatspi.ROLE_FRAME]
    return frames[0] if frames else None


def do_action(acc, action_name):
    action = acc.queryAction()
    for i in range(action.nActions):
        if action.getName(i) == action_name:
            assert action.doAction(i), f"{action_name} on {acc.name!r} failed"
            return
    raise AssertionError(f"{acc.name!r} has no action {action_name}: "
                         f"{[action.getName(i) for i in range(action.nActions)]}")


# Roles a keyboard user lands on and must hear a name for. Lists, list items
# and scrolled areas read out what they contain instead.
NAMED_ROLES = {
    pyatspi.ROLE_PUSH_BUTTON, pyatspi.ROLE_TOGGLE_BUTTON, pyatspi.ROLE_CHECK_BOX,
    pyatspi.ROLE_RADIO_BUTTON, pyatspi.ROLE_ENTRY, pyatspi.ROLE_PASSWORD_TEXT,
    pyatspi.ROLE_SPIN_BUTTON, pyatspi.ROLE_COMBO_BOX, pyatspi.ROLE_SLIDER,
    pyatspi.ROLE_PAGE_TAB, pyatspi.ROLE_MENU_ITEM, pyatspi.ROLE_LINK, pyatspi.ROLE_TEXT,
}
GTYPE_NAME = re.compile(r"^(Gtk|Adw|Emitra)[A-Z]\w*$")
# "_Next Next": a mnemonic's underscore read out, GTK 4.8's naming of buttons.
MNEMONIC = re.compile(r"(^|\s)_\w")


def said_twice(name):
    """"Gender Gender": a label set by hand on top of the one GTK relates."""
    half = len(name) // 2
    return len(name) > 2 and len(name) % 2 == 1 and name[half] == " " and name[:half] == name[half + 1:]


def on_screen(acc):
    """GTK 4.8 says "visible" of a hidden stack page's widgets too; only
    what is on screen has a size."""
    try:
        extents = acc.queryComponent().getExtents(pyatspi.WINDOW_COORDS)
    except Exception:
        return False
    return extents.width > 0 and extents.height > 0


def unnamed_controls(root):
    """Controls on screen without a real name."""
    bad = []
    for acc, _depth in walk(root):
        try:
            if acc.getRole() not in NAMED_ROLES or not acc.getState().contains(pyatspi.STATE_FOCUSABLE):
                continue
            if not on_screen(acc):
                continue
            name = acc.name or ""
            if name.strip() == "" or GTYPE_NAME.match(name) or MNEMONIC.search(name) or said_twice(name):
                bad.append(f"{acc.getRoleName()} {name!r} ({acc.description!r})")
        except Exception:
            continue
    return bad


def check_names(root, screen):
    bad = unnamed_controls(root)
    assert not bad, f"{screen}: controls without a proper accessible name:\n  " + "\n  ".join(bad)
    print(f"ok: every control on {screen} has a name")


def main():
    if not os.environ.get("DISPLAY"):
        print("no display: run under xvfb-run")
        return 77

    desk = os.path.join(build_root, "src", "emitra-desk")
    tmp = tempfile.mkdtemp(prefix="emitra-a11y-")
    config = os.path.join(tmp, "config")
    os.makedirs(os.path.join(config, "glib-2.0", "settings"))
    # Setup done, so the first-run window is not in the way; settings in a
    # key file of this test's own, never the user's.
    with open(os.path.join(config, "glib-2.0", "settings", "keyfile"), "w") as f:
        f.write("[in/emitra/Desk]\nsetup-complete=true\n")

    env = dict(os.environ)
    for key in ("NO_AT_BRIDGE", "GTK_A11Y"):
        env.pop(key, None)
    env.update({
        "XDG_CONFIG_HOME": config,
        "XDG_DATA_HOME": os.path.join(tmp, "data"),
        "XDG_CACHE_HOME": os.path.join(tmp, "cache"),
        "HOME": tmp,
        "EMITRA_DATA_DIR": os.path.join(tmp, "desk"),
        "EMITRA_LOCALEDIR": os.path.join(build_root, "po"),
        "GSETTINGS_BACKEND": "keyfile",
        "GDK_DEBUG": "gl-disable",
    })
    global desk_process
    process = subprocess.Popen([desk], env=env, start_new_session=True,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    desk_process = process
    try:
        app = wait_for("the desk on the accessibility bus", lambda: find_app(process.pid))
        frame = wait_for("the main window", lambda: active_frame(app))

        search = wait_for("the search entry by its name",
                          lambda: find(frame, pyatspi.ROLE_ENTRY, name=_("Search services")))
        check_names(frame, "the catalog")

        search.queryEditableText().setTextContents(SEARCH_TEXT)
        text = search.queryText()
        typed = text.getText(0, text.characterCount)
        assert typed == SEARCH_TEXT, typed
        results = wait_for("the list of services", lambda: find(frame, pyatspi.ROLE_LIST, name=_("Services")))
        first = wait_for("a caste certificate first in the results",
                         lambda: next((acc for acc, _d in walk(results)
                                       if acc.getRole() != pyatspi.ROLE_LIST_ITEM
                                       and re.search("जाति|Caste", acc.name or "")), None))
        print(f"ok: typed {SEARCH_TEXT!r}, first result {first.name!r}")

        # Enter in the search opens the first result.
        do_action(search, "activate")
        start = wait_for("the Start Application button",
                         lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, name=_("_Start Application").replace("_", "")))
        check_names(frame, "the service's details")
        do_action(start, "click")

        label = catalog_label(FIELD_ID)
        field = wait_for(f"the form's field {label!r}",
                         lambda: find(frame, pyatspi.ROLE_TEXT, name=label)
                         or find(frame, pyatspi.ROLE_ENTRY, name=label))
        print(f"ok: reached the application form, field {field.getRoleName()} {label!r}")
        next_button = wait_for("the Next button",
                               lambda: find(frame, pyatspi.ROLE_PUSH_BUTTON, name=_("_Next").replace("_", "")))
        assert next_button is not None
        check_names(frame, "the application form")
        return 0
    finally:
        try:
            os.killpg(process.pid, signal.SIGTERM)
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        except ProcessLookupError:
            pass
        errors = process.stderr.read().decode(errors="replace")
        for line in errors.splitlines():
            if "CRITICAL" in line or "WARNING" in line:
                print(f"desk: {line}")
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
