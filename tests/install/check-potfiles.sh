#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with translatable text is listed in po/POTFILES.in, and every
# file listed there exists. check-po.sh only sees the files listed, so a
# file left out would reach a Chinese desktop in English with every test
# passing.
#
# usage: check-potfiles.sh SOURCE_ROOT
set -eu
cd "$1"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# C: the gettext macros of <glib/gi18n-lib.h>, with or without a space
# before the parenthesis. GtkBuilder: translatable="yes". data/: the files
# that are translated as a whole (menu entry, software centre, settings).
{
  grep -rlE '(^|[^A-Za-z0-9_])(N|C|NC|Q)?_ ?\(|g_dn?gettext|g_dpgettext2' \
    --include='*.c' --include='*.h' src || true
  grep -rl 'translatable="yes"' --include='*.ui' ui src || true
  find data -name '*.desktop.in' -o -name '*.metainfo.xml.in' -o -name '*.gschema.xml'
} | sort -u > "$tmp/found"

sed -e 's/#.*//' -e 's/[[:space:]]*$//' -e '/^$/d' po/POTFILES.in | sort -u > "$tmp/listed"

status=0
missing=$(comm -23 "$tmp/found" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Translatable, but not in po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
for f in $(cat "$tmp/listed"); do
  if [ ! -f "$f" ]; then
    echo "In po/POTFILES.in, but no such file: $f"
    status=1
  fi
done
[ $status -ne 0 ] || echo "$(wc -l < "$tmp/listed") files listed, all translatable files among them"
exit $status
