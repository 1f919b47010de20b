#!/bin/sh
# Fails when hi.po is out of date with the sources, has untranslated or
# fuzzy entries, or does not pass msgfmt --check.
set -eu
srcdir=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$srcdir"
xgettext --from-code=UTF-8 --add-comments=Translators --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 \
  --keyword=g_dpgettext2:2c,3 --files-from=po/POTFILES.in --directory="$srcdir" \
  --output="$tmp/emitra-desk.pot" 2>"$tmp/xgettext.log" || { cat "$tmp/xgettext.log"; exit 1; }
msgmerge --quiet --no-fuzzy-matching po/hi.po "$tmp/emitra-desk.pot" -o "$tmp/hi.po"
stats=$(msgfmt --check --statistics -o /dev/null "$tmp/hi.po" 2>&1)
echo "hi.po against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated or fuzzy messages:"
    msgattrib --untranslated --only-fuzzy "$tmp/hi.po" 2>/dev/null || true
    msgattrib --untranslated "$tmp/hi.po" | grep '^msgid' | head -40
    exit 1;;
esac
msgfmt --check -o /dev/null po/hi.po
