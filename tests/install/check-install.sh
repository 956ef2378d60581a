#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# `meson install` into a scratch DESTDIR puts every file in place, the
# files agree with each other (the menu entry starts a program that is
# there, D-Bus starts the same program, the icon it names exists), and the
# installed programs run and speak Chinese from the installed catalogue.
# Exits 77 (skip) without meson.
#
# usage: check-install.sh MESON BUILD_ROOT VERSION BINDIR DATADIR LOCALEDIR
#        (the last three absolute, as configured)
set -eu
meson=$1 build=$2 version=$3 bindir=$4 datadir=$5 localedir=$6
id=io.github.nianbao.Nianbao

[ -n "$meson" ] && command -v "$meson" >/dev/null 2>&1 || { echo "meson not found: skipped"; exit 77; }

dest=$(mktemp -d)
trap 'rm -rf "$dest"' EXIT
# --no-rebuild: the test runs inside `meson test`, which has built
# everything already; a second ninja in the same tree would race it.
"$meson" install -C "$build" --no-rebuild --quiet --destdir "$dest"

status=0
fail ()
{
  echo "FAIL: $*"
  status=1
}

for f in \
  "$bindir/nianbao" \
  "$bindir/nianbao-cli" \
  "$datadir/applications/$id.desktop" \
  "$datadir/metainfo/$id.metainfo.xml" \
  "$datadir/dbus-1/services/$id.service" \
  "$datadir/glib-2.0/schemas/$id.gschema.xml" \
  "$datadir/icons/hicolor/scalable/apps/$id.svg" \
  "$datadir/icons/hicolor/symbolic/apps/$id-symbolic.svg" \
  "$localedir/zh_CN/LC_MESSAGES/nianbao.mo" \
  "$datadir/nianbao/sample-report.json"
do
  if [ -f "$dest$f" ]; then echo "ok: $f"; else fail "not installed: $f"; fi
done
for f in "$bindir/nianbao" "$bindir/nianbao-cli"; do
  [ ! -f "$dest$f" ] || [ -x "$dest$f" ] || fail "not executable: $f"
done

# The files name each other; a rename in one place must not go unseen.
desktop="$dest$datadir/applications/$id.desktop"
if [ -f "$desktop" ]; then
  exec_bin=$(sed -n 's/^Exec=\([^ ]*\).*/\1/p' "$desktop")
  [ -x "$dest$bindir/$exec_bin" ] || fail "the menu entry runs “$exec_bin”, which is not in $bindir"
  icon=$(sed -n 's/^Icon=//p' "$desktop")
  [ -f "$dest$datadir/icons/hicolor/scalable/apps/$icon.svg" ] || fail "the menu entry's icon “$icon” is not installed"
  [ -f "$dest$datadir/icons/hicolor/symbolic/apps/$icon-symbolic.svg" ] || fail "no symbolic icon for “$icon”"
  if grep -q '^DBusActivatable=true' "$desktop"; then
    service="$dest$datadir/dbus-1/services/$id.service"
    grep -qx "Name=$id" "$service" || fail "the D-Bus service is not named $id"
    grep -qx "Exec=$bindir/nianbao --gapplication-service" "$service" ||
      fail "the D-Bus service does not start $bindir/nianbao: $(grep '^Exec=' "$service")"
  fi
fi
metainfo="$dest$datadir/metainfo/$id.metainfo.xml"
[ ! -f "$metainfo" ] || grep -q "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" ||
  fail "the metainfo does not launch $id.desktop"

# The programs run, from where they were installed.
cli="$dest$bindir/nianbao-cli"
gui="$dest$bindir/nianbao"
out=$("$cli" --version) || fail "nianbao-cli --version exited $?"
[ "$out" = "nianbao-cli $version" ] || fail "nianbao-cli --version said “$out”"
out=$("$gui" --version) || fail "nianbao --version exited $?"
[ "$out" = "nianbao $version" ] || fail "nianbao --version said “$out”"
"$cli" check "$dest$datadir/nianbao/sample-report.json" || fail "the installed sample report does not pass check"

# Chinese from the installed catalogue, and only from it: the same run
# with an empty catalogue directory must be English. The programs look in
# LOCALEDIR unless NIANBAO_LOCALEDIR says otherwise; under DESTDIR that is
# not where the files are, so the variable stands in for it, and the
# compiled-in directory is checked to be the one installed into.
empty="$dest/no-catalogues"
mkdir "$empty"
zh ()
{
  NIANBAO_LOCALEDIR=$1 LANGUAGE=zh_CN LC_ALL=C.UTF-8 "$2" --help
}
zh "$dest$localedir" "$cli" | grep -q '^用法：nianbao-cli' ||
  fail "nianbao-cli --help is not in Chinese with the installed catalogue"
zh "$dest$localedir" "$gui" | grep -q '使用指定的数据库' ||
  fail "nianbao --help is not in Chinese with the installed catalogue"
zh "$empty" "$cli" | grep -q '^Usage: nianbao-cli' ||
  fail "nianbao-cli --help is not English without a catalogue: the check above proves nothing"
for f in "$cli" "$gui"; do
  grep -aqF "$localedir" "$f" || fail "$(basename "$f") does not look for its catalogue in $localedir"
done

[ $status -eq 0 ] && echo "all installed files in place and working"
exit $status
