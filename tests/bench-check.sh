#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Checking in bulk (issue 6): `nianbao-cli check` over 1 000 report files,
# half exchange files (JSON) and half published texts in the shapes of
# tests/data/import/, each file a copy of one of ours. Prints the median
# wall time of RUNS runs; the target is ≤ 3 s.
#
# usage: tests/bench-check.sh [BUILDDIR [RUNS]]
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$src/_build}
runs=${2:-5}
cli=$build/src/cli/nianbao-cli
[ -x "$cli" ] || { echo "bench-check: $cli not built" >&2; exit 77; }

dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT

set -- "$src/data/sample-report.json" "$src"/tests/data/liutang-*.json \
       "$src"/tests/data/import/cells.txt "$src"/tests/data/import/rows-bar.txt \
       "$src"/tests/data/import/rows-tab.txt "$src"/tests/data/import/layout.txt \
       "$src"/tests/data/import/errors.txt
i=0
while [ $i -lt 1000 ]; do
  for f in "$@"; do
    [ $i -lt 1000 ] || break
    case $f in
      *.json) cp "$f" "$dir/r$i.json" ;;
      *) cp "$f" "$dir/r$i.txt" ;;
    esac
    i=$((i + 1))
  done
done

times=""
n=0
while [ $n -lt "$runs" ]; do
  start=$(date +%s%N)
  "$cli" check "$dir"/r* >/dev/null 2>&1 || true
  end=$(date +%s%N)
  times="$times $(( (end - start) / 1000000 ))"
  n=$((n + 1))
done
median=$(echo "$times" | tr ' ' '\n' | sed '/^$/d' | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
echo "check.1000_files median_ms=$median target_ms=3000 runs=$runs files=$(ls "$dir" | wc -l)"
[ "$median" -le 3000 ]
