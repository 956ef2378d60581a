#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# Installs the Debian 12 packages Nianbao needs to build (and, with
# "test", to run its tests), only those that are missing.
set -euo pipefail

packages=(meson ninja-build pkg-config gcc gettext
          libglib2.0-dev libgtk-4-dev libadwaita-1-dev libsqlite3-dev
          libjson-glib-dev libpango1.0-dev libcairo2-dev libfontconfig-dev
          libarchive-dev libxml2-dev fonts-noto-cjk
          libglib2.0-bin libgtk-4-bin desktop-file-utils appstream)
# The last line is for `meson install`: glib-compile-schemas,
# gtk4-update-icon-cache and update-desktop-database run after it, and
# appstream holds the rules with which msgfmt translates the metainfo.
if [ "${1:-}" = test ]; then
  packages+=(xvfb xauth poppler-utils python3 python3-yaml sqlite3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
