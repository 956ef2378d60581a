#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The PDF export measured against its yardsticks (issue 3): exporting the
# figures and texts of ../shared/fixtures/huaian-2024.txt with
#   nianbao-cli export --format pdf            (this project)
#   pdf_floor                                  (a bare PangoCairo program)
#   LibreOffice converting an equivalent .docx (warm profile)
# each timed as a whole process by ../shared/tools/perf/time_median.sh
# (median wall, CPU and peak RSS over RUNS runs after one warm-up).
#
# usage: tests/bench-pdf.sh [BUILDDIR [RUNS]]
#   BUILDDIR  a configured and built meson build directory (default: _build)
#   RUNS      runs per program (default: 9)
#
# Targets: wall ≤ 1.5 × pdf_floor, ≥ 8 × faster than LibreOffice, peak RSS
# ≤ 140 MiB. Exit status 0 when all are met, 1 when one is missed, 77 when
# ../shared or a needed tool is absent (LibreOffice or python3-docx missing
# only leaves that comparison out).
set -eu

src=$(cd "$(dirname "$0")/.." && pwd)
shared=$src/../shared
build=${1:-$src/_build}
runs=${2:-9}

fixture=$shared/fixtures/huaian-2024.txt
perf=$shared/tools/perf
organ=淮安市人民政府
year=2024

skip() {
    echo "bench-pdf: $*; skipped" >&2
    exit 77
}

if [ ! -f "$fixture" ] || [ ! -d "$perf" ]; then
    skip "$shared (fixtures and tools/perf) not found"
fi
for tool in gcc pkg-config python3 awk; do
    command -v "$tool" >/dev/null 2>&1 || skip "$tool is not installed"
done
[ -x /usr/bin/time ] || skip "GNU time (/usr/bin/time, Debian package time) is not installed"

cli=$build/src/cli/nianbao-cli
if [ ! -x "$cli" ]; then
    echo "bench-pdf: $cli not found: build first (meson setup $build && ninja -C $build)" >&2
    exit 1
fi

scratch=$(mktemp -d "${TMPDIR:-/tmp}/nianbao-bench-pdf-XXXXXX")
trap 'rm -rf "$scratch"' EXIT INT TERM

# The yardstick, built as its README says.
# shellcheck disable=SC2046
gcc -O2 -o "$scratch/pdf_floor" "$perf/pdf_floor.c" $(pkg-config --cflags --libs pangocairo cairo)

# The same report in the project's database.
python3 "$src/tests/fixture-to-json.py" "$fixture" > "$scratch/huaian.json"
"$cli" --db "$scratch/nianbao.db" import "$scratch/huaian.json" >/dev/null

median() {  # label file → the median of that line of time_median.sh
    awk -v l="$1" 'index($0, l) == 1 { print $6 }' "$2"
}

measure() {  # name command… → $scratch/name.txt
    name=$1
    shift
    "$perf/time_median.sh" "$runs" "$@" > "$scratch/$name.txt"
    printf '%s\n' "$name:"
    sed 's/^/  /' "$scratch/$name.txt"
}

measure nianbao "$cli" --db "$scratch/nianbao.db" export --organ "$organ" --year "$year" \
    --format pdf -o "$scratch/nianbao.pdf"
measure pdf_floor "$scratch/pdf_floor" "$fixture" "$scratch/floor.pdf"

# build_docx.py wants Debian's python3-docx, so Debian's python3
docx_python=/usr/bin/python3
[ -x "$docx_python" ] || docx_python=python3
have_lo=no
if command -v libreoffice >/dev/null 2>&1 && "$docx_python" -c 'import docx' 2>/dev/null; then
    "$docx_python" "$perf/build_docx.py" "$fixture" "$scratch/huaian.docx"
    mkdir -p "$scratch/lo"
    measure libreoffice "$perf/lo_convert.sh" reuse "$scratch/huaian.docx" "$scratch/lo" "$scratch"
    have_lo=yes
else
    echo "libreoffice: not installed (libreoffice-writer, python3-docx): comparison left out"
fi

pages=$(pdfinfo "$scratch/nianbao.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }') || true
wall=$(median 'wall s' "$scratch/nianbao.txt")
rss=$(median 'peak MiB' "$scratch/nianbao.txt")
floor=$(median 'wall s' "$scratch/pdf_floor.txt")

echo
echo "nianbao-cli export --format pdf of $organ $year (${pages:-?} pages), medians of $runs runs:"
missed=0
verdict() {  # description condition(awk) → ok / MISSED
    if awk "BEGIN { exit !($2) }"; then
        echo "  ok      $1"
    else
        echo "  MISSED  $1"
        missed=1
    fi
}
verdict "wall $wall s = $(awk "BEGIN { printf \"%.2f\", $wall / $floor }") × pdf_floor ($floor s); target ≤ 1.5 ×" \
        "$wall <= 1.5 * $floor"
if [ "$have_lo" = yes ]; then
    lo=$(median 'wall s' "$scratch/libreoffice.txt")
    verdict "$(awk "BEGIN { printf \"%.1f\", $lo / $wall }") × faster than LibreOffice ($lo s); target ≥ 8 ×" \
            "$lo >= 8 * $wall"
fi
verdict "peak RSS $rss MiB; target ≤ 140 MiB" "$rss <= 140"
exit $missed
