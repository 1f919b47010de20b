#!/bin/sh
# The manifest must parse without a single warning and name the app and its command.
set -eu
manifest="$1/flatpak/in.emitra.Desk.json"
if command -v flatpak-builder >/dev/null 2>&1; then
  # GObject diagnostics would flag flatpak-builder's own deprecated properties.
  err=$(env -u G_ENABLE_DIAGNOSTIC flatpak-builder --show-manifest "$manifest" 2>&1 >/dev/null) || { echo "$err"; exit 1; }
  [ -z "$err" ] || { echo "flatpak-builder warned: $err"; exit 1; }
fi
python3 - "$manifest" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
assert m["id"] == "in.emitra.Desk", m.get("id")
assert m["command"] == "emitra-desk", m.get("command")
assert m["runtime"] == "org.gnome.Platform" and m["sdk"] == "org.gnome.Sdk"
for arg in ("--share=network", "--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"):
    assert arg in m["finish-args"], arg
assert m["modules"][-1]["name"] == "emitra-desk"
print("manifest ok:", m["id"], m["runtime"], m["runtime-version"])
PY
