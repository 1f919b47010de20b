#!/bin/sh
# build-aux/screenshot-tour.sh [BUILD_DIR] [OUT_DIR]
#
# A PNG of every screen of the desk, in English and in Hindi, at the usual
# 1280x800 and at a kiosk's 1024x600 with large text and high contrast, to
# look at for anything cut, overlapping or left in English. Each picture is
# a fresh desk under Xvfb with its own settings and data (see the hooks in
# src/gui/emitra-debug-view.c and src/gui/emitra-flow-debug.c).
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$top/_build}" && pwd)
out=${2:-$build/screenshots}
mkdir -p "$out"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two short applications filled to the Fee and Review steps.
fields='"applicant_name": "सुनीता कुमारी सैनी", "mobile": "9876543210", "district": "jaipur",
        "police_station": "Sanganer", "fir_number": "123", "fir_year": "2026"'
printf '{"fields": {%s}, "stop_at": "fee", "documents": {}, "seen": []}\n' "$fields" > "$work/fee.json"
printf '{"fields": {%s}, "stop_at": "review", "cash": "100", "documents": {}, "seen": []}\n' "$fields" > "$work/review.json"

# shot NAME LANGUAGE SCREEN KEYS [VAR=VALUE...]: KEYS are extra lines of the
# desk's settings key file; with EMITRA_DEBUG_FLOW_SHOT the desk takes the
# picture itself once the application is open.
shot () {
  name=$1 language=$2 screen=$3 keys=$4
  shift 4
  home="$work/$name-$language"
  mkdir -p "$home/config/glib-2.0/settings"
  printf '[in/emitra/Desk]\nsetup-complete=true\n%b\n' "$keys" > "$home/config/glib-2.0/settings/keyfile"
  png="$out/$name-$language.png"
  arg="--screenshot=$png"
  case "$*" in *EMITRA_DEBUG_FLOW_SHOT*) arg="" ;; esac
  xvfb-run -a -s "-screen 0 ${screen}x24" dbus-run-session -- \
    env XDG_CONFIG_HOME="$home/config" XDG_DATA_HOME="$home/data" HOME="$home" \
        GSETTINGS_SCHEMA_DIR="$build/data" GSETTINGS_BACKEND=keyfile GSK_RENDERER=cairo GDK_DEBUG=gl-disable \
        NO_AT_BRIDGE=1 LANG=C.UTF-8 LANGUAGE="$language" EMITRA_LOCALEDIR="$build/po" \
        "$@" "$build/src/emitra-desk" $arg >/dev/null 2>"$home/log" || true
  if [ -s "$png" ]; then echo "$png"; else echo "FAILED $name-$language (see below)"; tail -5 "$home/log"; fi
}

small='window-size=(1024,600)\n[org/gnome/desktop/a11y/interface]\nhigh-contrast=true'
for language in en hi; do
  shot catalog "$language" 1280x800 ''
  shot search "$language" 1280x800 '' EMITRA_DEBUG_VIEW='search:jati'
  shot details "$language" 1280x800 '' EMITRA_DEBUG_VIEW='service:caste-certificate-obc'
  shot receipts "$language" 1280x800 '' EMITRA_DEBUG_VIEW='page:receipts'
  shot reports "$language" 1280x800 'devanagari-digits=true' EMITRA_DEBUG_VIEW='page:reports'
  shot preferences "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:preferences'
  shot shortcuts "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:shortcuts'
  shot shortcuts-records "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:shortcuts:records'
  shot shortcuts-application "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:shortcuts:application'
  shot sign-in "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:sign-in'
  shot setup "$language" 1280x800 '' EMITRA_DEBUG_VIEW='window:setup'
  shot citizen "$language" 1280x800 '' EMITRA_OPEN_SERVICE=caste-certificate-obc \
    EMITRA_DEBUG_FLOW_SHOT="$out/citizen-$language.png"
  shot fee "$language" 1280x800 'devanagari-digits=true' EMITRA_OPEN_SERVICE=fir-copy \
    EMITRA_DEBUG_FLOW_FILL="$work/fee.json" EMITRA_DEBUG_FLOW_SHOT="$out/fee-$language.png"
  shot review "$language" 1280x800 '' EMITRA_OPEN_SERVICE=fir-copy \
    EMITRA_DEBUG_FLOW_FILL="$work/review.json" EMITRA_DEBUG_FLOW_SHOT="$out/review-$language.png"
  # A kiosk's small screen, large text and high contrast together.
  shot kiosk-catalog "$language" 1024x600 "$small" EMITRA_DEBUG_TEXT_SCALE=1.5
  shot kiosk-citizen "$language" 1024x600 "$small" EMITRA_DEBUG_TEXT_SCALE=1.5 \
    EMITRA_OPEN_SERVICE=caste-certificate-obc EMITRA_DEBUG_FLOW_SHOT="$out/kiosk-citizen-$language.png"
  shot kiosk-review "$language" 1024x600 "$small" EMITRA_DEBUG_TEXT_SCALE=1.5 EMITRA_OPEN_SERVICE=fir-copy \
    EMITRA_DEBUG_FLOW_FILL="$work/review.json" EMITRA_DEBUG_FLOW_SHOT="$out/kiosk-review-$language.png"
done
