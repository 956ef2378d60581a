#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every message of every translation is translated, none fuzzy, and the
# catalogue passes msgfmt's format checks.
set -eu
status=0
for po in "$@"; do
  stats=$(LC_ALL=C msgfmt --check --statistics -o /dev/null "$po" 2>&1) || { echo "$po: $stats"; status=1; continue; }
  echo "$po: $stats"
  case $stats in
    *fuzzy*|*untranslated*) status=1 ;;
  esac
done
exit $status
