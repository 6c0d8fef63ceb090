#!/usr/bin/env bash
# Compares the CPU time of two builds of grundpakke-check on the same export, in pairs: both
# builds start at the same moment, pinned to the same core, so whatever the host does to that
# core's speed it does to both. Prints each pair's CPU times and their ratio, then the median
# ratio, and checks that the two reports are byte for byte the same.
#
#   scripts/compare-builds.sh OLD-BINARY NEW-BINARY CASES.jsonl [PAIRS]
#
#   RULES=subset (default: the 8-rule subset of the performance issue) or RULES=whole
#   RESULTS=findings (default) or RESULTS=none
#   CORE=1 (default): the core both runs share; CORE=0,1 lets both use both cores (each runs
#   on two threads as usual), to see what only two cores show
#
# On a shared host, runs of one build after the other differ by a third; pairs on one core
# agree to about one per cent, so five to seven pairs show a change of half a per cent. What
# only two cores show (references both count, memory freed on another thread) needs CORE=0,1
# (see docs/performance.md).
set -euo pipefail

if [[ $# -lt 3 ]]; then
    echo "usage: $0 OLD-BINARY NEW-BINARY CASES.jsonl [PAIRS]" >&2
    exit 2
fi
old=$1
new=$2
cases=$3
pairs=${4:-5}
core=${CORE:-1}
for binary in "$old" "$new"; do
    [[ -x "$binary" ]] || { echo "not an executable: $binary" >&2; exit 2; }
done
[[ -r "$cases" ]] || { echo "not readable: $cases" >&2; exit 2; }
command -v perf >/dev/null || { echo "perf is needed (Debian: apt-get install linux-perf)" >&2; exit 2; }

rules=()
case "${RULES:-subset}" in
    subset) for id in GP-C04 GP-C06 GP-C07 GP-C09 GP-C14 GP-B02 GP-B03 GP-B04; do rules+=(--only "$id"); done ;;
    whole) ;;
    *) echo "RULES must be subset or whole" >&2; exit 2 ;;
esac
results=${RESULTS:-findings}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# One run of a build: its report and its CPU time (perf stat's task-clock, in ms). The exit
# status is the audit's (1 when there are findings), so it is not checked.
run() {
    perf stat -x, -e task-clock -o "$work/$2.cpu" taskset -c "$core" "$1" audit "$cases" "${rules[@]}" \
        --as-of 2025-06-30 --results "$results" --format json --output "$work/$2.json" >/dev/null 2>&1 || true
}

ratios=()
for pair in $(seq "$pairs"); do
    run "$old" old & run "$new" new & wait
    old_ms=$(grep task-clock "$work/old.cpu" | cut -d, -f1)
    new_ms=$(grep task-clock "$work/new.cpu" | cut -d, -f1)
    ratio=$(awk -v a="$old_ms" -v b="$new_ms" 'BEGIN { printf "%.3f", b / a }')
    ratios+=("$ratio")
    printf 'pair %d: old %.0f ms, new %.0f ms, new/old %s\n' "$pair" "$old_ms" "$new_ms" "$ratio"
done
printf '%s\n' "${ratios[@]}" | sort -n | awk '{ r[NR] = $1 } END { m = (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2; printf "median new/old: %.3f over %d pairs\n", m, NR }'
if cmp -s "$work/old.json" "$work/new.json"; then
    echo "reports: identical"
else
    echo "reports: DIFFERENT" >&2
    exit 1
fi
