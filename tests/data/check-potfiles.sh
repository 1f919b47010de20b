#!/bin/sh
# Fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist.
set -eu
cd "$1"
status=0
for f in $(grep -rlE '(^|[^A-Za-z_])(_|N_|C_|NC_)\(|translatable="yes"' src ui data 2>/dev/null | sort); do
  case "$f" in *.po|*.pot) continue;; esac
  if ! grep -qxF "$f" po/POTFILES.in; then
    echo "po/POTFILES.in does not list $f"
    status=1
  fi
done
while read -r f; do
  case "$f" in ''|'#'*) continue;; esac
  [ -f "$f" ] || { echo "po/POTFILES.in lists $f, which does not exist"; status=1; }
done < po/POTFILES.in
sorted=$(grep -v '^#' po/POTFILES.in | LC_ALL=C sort)
[ "$sorted" = "$(grep -v '^#' po/POTFILES.in)" ] || { echo "po/POTFILES.in is not sorted"; status=1; }
exit $status
