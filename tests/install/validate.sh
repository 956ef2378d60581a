#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The data files that describe Nianbao to the desktop, checked with the
# tools the distributions check them with. Exits 77 (skip) when the tool
# is not installed.
#
# usage: validate.sh desktop FILE.desktop
#        validate.sh appstream FILE.metainfo.xml
#        validate.sh schemas DIR
set -eu
mode=$1
file=$2

need ()
{
  command -v "$1" >/dev/null 2>&1 || { echo "$1 not installed: skipped"; exit 77; }
}

# grep that says what it missed
has ()
{
  grep -q -- "$1" "$file" || { echo "$file: no line matching “$1”"; exit 1; }
}

case $mode in
  desktop)
    need desktop-file-validate
    # Warnings and hints count too: a menu entry that only "works" is
    # one that some desktop or software centre shows wrongly.
    out=$(desktop-file-validate "$file" 2>&1) || { echo "$out"; exit 1; }
    [ -z "$out" ] || { echo "$out"; exit 1; }
    has '^Name=Nianbao$'
    has '^Name\[zh_CN\]=年报$'
    has '^GenericName\[zh_CN\]='
    has '^Comment\[zh_CN\]='
    has '^Keywords\[zh_CN\]=.*年报;.*政府信息公开;'
    has '^Categories=Office;$'
    has '^Icon=io\.github\.nianbao\.Nianbao$'
    ;;
  appstream)
    need appstreamcli
    # Not --strict: Debian 12's appstream (0.16) predates tags that newer
    # versions ask for (<developer id>), so strict would fail either way.
    appstreamcli validate --no-net "$file"
    # What the software centres show, which the validator does not insist on.
    has '<id>io\.github\.nianbao\.Nianbao</id>'
    has '<launchable type="desktop-id">io\.github\.nianbao\.Nianbao\.desktop</launchable>'
    has '<content_rating type="oars-1\.1"'
    has '<release version="[0-9.]*" date="[0-9-]*"'
    has '<screenshot type="default">'
    has '<binary>nianbao</binary>'
    has '<binary>nianbao-cli</binary>'
    has '<name xml:lang="zh_CN">年报</name>'
    has '<summary xml:lang="zh_CN">'
    has '<p xml:lang="zh_CN">'
    ;;
  schemas)
    need glib-compile-schemas
    glib-compile-schemas --strict --dry-run "$file"
    ;;
  *)
    echo "unknown check “$mode”"
    exit 2
    ;;
esac
