#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Start-up of the editor against its two yardsticks (issue 4, item 12), all
# on one Xvfb of this script's own, all showing the same published report
# (the kuangqu-2024 fixture):
#   nianbao     the editor opening its database with that report in it
#   adw_floor   the smallest libadwaita window showing the report's text
#   Writer      LibreOffice Writer opening the same report as a .docx
#               (warm profile: one uncounted run first)
# For each: the median time until the window is mapped, until what it shows
# has stopped changing (three identical captures 80 ms apart: "drawn"), and
# the peak memory of the process in a run of its own (no capture polling,
# FW_SETTLE seconds after the window is up, so the first layout, paint and
# the editor's idle building of its other pages are counted).
#
# The yardsticks live beside the project (../shared/tools/perf); without
# them, or without LibreOffice, python3-docx, xwd, Xvfb, this exits 77.
#
# usage: bench-startup.sh BUILD_DIR [RUNS]
#   GSK_RENDERER  defaults to cairo (as in the tests; GL under Xvfb is a
#                 software rasteriser that would only measure itself)
#   FW_SETTLE     seconds a memory run goes on after the window (default 3)
set -u

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
build=$(cd "${1:?usage: bench-startup.sh BUILD_DIR [RUNS]}" && pwd)
runs=${2:-5}
perf=$root/../shared/tools/perf
fixtures=${NIANBAO_FIXTURES:-$root/../shared/fixtures}
report=$fixtures/kuangqu-2024.txt

skip () { echo "SKIP: $*"; exit 77; }

[ -d "$perf" ] || skip "no yardsticks in $perf"
[ -f "$report" ] || skip "no $report"
for tool in gcc pkg-config Xvfb xwd libreoffice /usr/bin/time /usr/bin/python3 /usr/bin/convert; do
  command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
/usr/bin/python3 -c 'import docx' 2>/dev/null || skip "python3-docx is not installed"
nianbao=$build/src/gui/nianbao
cli=$build/src/cli/nianbao-cli
[ -x "$nianbao" ] && [ -x "$cli" ] || skip "build $build first"

tmp=$(mktemp -d)
xvfb_pid=
cleanup () {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null && wait "$xvfb_pid" 2>/dev/null
  rm -rf "$tmp"
}
trap cleanup EXIT

gcc -O2 -o "$tmp/xwaitmap" "$perf/xwaitmap.c" $(pkg-config --cflags --libs x11) ||
  skip "cannot build xwaitmap"
gcc -O2 -o "$tmp/adw_floor" "$perf/adw_floor.c" $(pkg-config --cflags --libs libadwaita-1) ||
  skip "cannot build adw_floor"

# The same report three ways
cp "$report" "$tmp/report.txt"
/usr/bin/python3 "$perf/build_docx.py" "$tmp/report.txt" "$tmp/report.docx" >/dev/null 2>&1 ||
  skip "cannot build the .docx"
"$cli" import --db="$tmp/nianbao.db" "$tmp/report.txt" >/dev/null || { echo "import failed"; exit 1; }

# A home of our own: nothing of the user's is read or touched; no blinking
# cursor, which would keep a window from ever looking drawn.
export HOME=$tmp/home
export XDG_CONFIG_HOME=$HOME/.config XDG_CACHE_HOME=$HOME/.cache XDG_DATA_HOME=$HOME/.local/share
mkdir -p "$XDG_CONFIG_HOME/gtk-4.0" "$XDG_CONFIG_HOME/gtk-3.0" "$XDG_CACHE_HOME" "$XDG_DATA_HOME"
printf '[Settings]\ngtk-cursor-blink = false\n' >"$XDG_CONFIG_HOME/gtk-4.0/settings.ini"
cp "$XDG_CONFIG_HOME/gtk-4.0/settings.ini" "$XDG_CONFIG_HOME/gtk-3.0/settings.ini"
export GSETTINGS_BACKEND=memory GSETTINGS_SCHEMA_DIR=$build/data
export GDK_BACKEND=x11 GSK_RENDERER=${GSK_RENDERER:-cairo} NO_AT_BRIDGE=1 LC_ALL=C.UTF-8
unset LANGUAGE DBUS_SESSION_BUS_ADDRESS
# first_window.sh counts colours with ImageMagick's convert
export PATH=/usr/bin:$PATH

exec 3>"$tmp/display"
Xvfb -displayfd 3 -screen 0 1400x1000x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$tmp/display" ] && break; sleep 0.05; done
[ -s "$tmp/display" ] || skip "Xvfb did not start"
export DISPLAY=:$(head -n1 "$tmp/display")

export FW_WAITER=$tmp/xwaitmap FW_TIMEOUT=60
lo_profile=file://$tmp/lo_profile

# name  title-pattern  command…
programs=(
  "nianbao|矿区街道办事处 2024|$nianbao --db=$tmp/nianbao.db"
  "adw_floor|perf-anchor-adw report.txt|$tmp/adw_floor $tmp/report.txt"
  "Writer|report.docx - LibreOffice Writer|libreoffice -env:UserInstallation=$lo_profile --norestore --nologo --writer $tmp/report.docx"
)

median () { sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) print "nan"; else print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

declare -A mapped drawn peak cpu
for entry in "${programs[@]}"; do
  IFS='|' read -r name pattern command <<<"$entry"
  log=$tmp/$name.log
  # warm-up: first start of LibreOffice's profile, font caches, page cache
  FW_STABLE=3 "$perf/first_window.sh" "$pattern" "$tmp/warmup.log" -- $command
  for _ in $(seq "$runs"); do
    FW_STABLE=3 "$perf/first_window.sh" "$pattern" "$log" -- $command
  done
  for _ in $(seq "$runs"); do
    FW_SETTLE=${FW_SETTLE:-3} /usr/bin/time -a -o "$tmp/$name.time" -f '%e %U %S %M' \
      "$perf/first_window.sh" "$pattern" "$tmp/$name.mem.log" -- $command
  done
  if grep -qv 'rc=0' <(grep rc= "$log"); then
    echo "$name: its window did not appear every time:"; cat "$log"; exit 1
  fi
  mapped[$name]=$(grep -o '^[0-9]* rc=0' "$log" | cut -d' ' -f1 | median)
  drawn[$name]=$(grep -o '^settled [0-9]*' "$log" | cut -d' ' -f2 | median)
  peak[$name]=$(awk 'NF == 4 { printf "%.1f\n", $4 / 1024 }' "$tmp/$name.time" | median)
  cpu[$name]=$(awk 'NF == 4 { printf "%.3f\n", $2 + $3 }' "$tmp/$name.time" | median)
done

echo "Start-up, medians of $runs runs, GSK_RENDERER=$GSK_RENDERER, Xvfb $DISPLAY:"
printf '%-10s %12s %12s %14s %12s\n' "" "mapped ms" "drawn ms" "peak MiB" "CPU s*"
for name in nianbao adw_floor Writer; do
  printf '%-10s %12s %12s %14s %12s\n' "$name" "${mapped[$name]}" "${drawn[$name]}" "${peak[$name]}" "${cpu[$name]}"
done
echo "* CPU of a whole run, FW_SETTLE=${FW_SETTLE:-3} s after the window included"
awk -v n="${drawn[nianbao]}" -v a="${drawn[adw_floor]}" -v w="${drawn[Writer]}" -v m="${peak[nianbao]}" 'BEGIN {
  printf "nianbao / adw_floor, drawn: %.2f (target <= 1.5)\n", n / a
  printf "nianbao / Writer, drawn:    %.3f (target < 0.2)\n", n / w
  printf "nianbao peak memory:        %.1f MiB (target <= 140)\n", m
}'
