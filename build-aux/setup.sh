#!/bin/sh
# Shared by ./run and ./test: installs the Debian packages listed in
# build-aux/debian-packages.txt that are missing, the Hindi locale, and
# configures _build. Quiet and quick when everything is already there.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"

packages=$(grep -v '^#' build-aux/debian-packages.txt | tr '\n' ' ')
missing=""
for p in $packages; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing="$missing $p"
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "Installing needs root: run as root or install sudo. Missing:$missing" >&2; exit 1
  fi
}

if [ -n "$missing" ]; then
  echo "Installing:$missing"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

if ! locale -a 2>/dev/null | grep -qi '^hi_IN'; then
  as_root sed -i -E 's/^# *(hi_IN UTF-8|en_US.UTF-8 UTF-8|en_IN UTF-8)/\1/' /etc/locale.gen
  as_root locale-gen >/dev/null
fi

if [ ! -f _build/build.ninja ]; then
  meson setup _build --prefix="$top/_build/install" -Dprofile=default -Dtests=enabled --werror >/dev/null
elif ! meson introspect _build --buildoptions 2>/dev/null | grep -q "\"name\": \"prefix\", \"value\": \"$top/_build/install\""; then
  # A _build set up by hand: ./run installs into the prefix, which must
  # stay inside the checkout, never /usr/local.
  meson configure _build --prefix="$top/_build/install" >/dev/null
fi
