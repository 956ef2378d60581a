#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every message of the sources is translated in every catalogue, none is
# fuzzy, and the catalogues pass msgfmt's format checks. The template is
# made afresh from po/POTFILES.in, so a new string without a translation
# fails here rather than reaching a Chinese desktop in English.
#
# usage: check-po.sh SOURCE_ROOT
set -eu
root=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cd "$root"
xgettext --package-name=nianbao --from-code=UTF-8 --add-comments \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_strdup_printf:1:c-format --flag=g_string_printf:2:c-format \
  --flag=g_string_append_printf:2:c-format --flag=g_error_new:3:c-format \
  --flag=g_set_error:4:c-format --flag=g_printf:1:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format \
  -f po/POTFILES.in -o "$tmp/nianbao.pot"

status=0
for lang in $(cat po/LINGUAS); do
  msgmerge --quiet --no-fuzzy-matching -o "$tmp/$lang.po" "po/$lang.po" "$tmp/nianbao.pot"
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1) || {
    echo "po/$lang.po: $stats"; status=1; continue; }
  echo "po/$lang.po: $stats"
  case $stats in
    *fuzzy*|*untranslated*)
      status=1
      msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep '^msgid' | head -n 20 ;;
  esac
done
exit $status
