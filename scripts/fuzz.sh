#!/usr/bin/env bash
# Builds one libFuzzer target of the Fuzz/ package and runs it for SECONDS.
#
#   scripts/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: FuzzYAML | FuzzJSON | FuzzExpression | FuzzRule
#   FUZZ_CONFIG=release builds optimised (still with the sanitizers): several times the
#   executions per second of the default debug build.
#
# The working corpus is Fuzz/corpus/TARGET: the committed seeds (seed-*) plus, copied at run
# time, the sample cases and the rule pack. Findings (crash-*, timeout-*, oom-*, leak-*) land in
# Fuzz/artifacts/TARGET/, the full log in Fuzz/logs/TARGET.log. Run one target at a time.
# Leak detection is off: LeakSanitizer cannot see pointers Swift keeps in enum payloads with tag
# bits set, so it reports the long-lived globals as leaks (see docs/robustness.md).
set -euo pipefail

if [[ $# -lt 2 ]]; then
    echo "usage: $0 FuzzYAML|FuzzJSON|FuzzExpression|FuzzRule SECONDS [libFuzzer flags...]" >&2
    exit 2
fi
target=$1
seconds=$2
shift 2
case "$target" in
    FuzzYAML|FuzzJSON|FuzzExpression|FuzzRule) ;;
    *) echo "unknown target '$target'" >&2; exit 2 ;;
esac

root=$(cd "$(dirname "$0")/.." && pwd)
fuzz="$root/Fuzz"
corpus="$fuzz/corpus/$target"
artifacts="$fuzz/artifacts/$target"
logs="$fuzz/logs"
mkdir -p "$corpus" "$artifacts" "$logs"

config=${FUZZ_CONFIG:-debug}
echo "== building $target ($config; sanitizers: fuzzer, address)"
swift build -c "$config" --package-path "$fuzz" --product "$target" \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library 2>&1 \
    | grep -v "Cannot export local symbol" | tail -n 3
binary="$fuzz/.build/$config/$target"

# Seeds from the repository, copied at run time so the commit holds only a small seed set.
seed() { cp "$1" "$corpus/repo-$(echo "$1" | tr '/' '_')"; }
cd "$root"
case "$target" in
    FuzzYAML)
        while IFS= read -r f; do seed "$f"; done < <(find sample-cases rules -name '*.yaml' | sort)
        ;;
    FuzzJSON)
        while IFS= read -r f; do seed "$f"; done < <(find sample-cases -name '*.json' -o -name '*.jsonl' -size -64k | sort)
        # Single lines of the JSON Lines exports too: each one is a whole case.
        n=0
        while IFS= read -r f; do
            while IFS= read -r line && [[ $n -lt 200 ]]; do
                n=$((n + 1)); printf '%s\n' "$line" > "$corpus/repo-line-$n.jsonl"
            done < "$f"
        done < <(find sample-cases -name '*.jsonl' | sort)
        ;;
    FuzzExpression)
        # Every expression of the bundled pack (require, when, due, done).
        n=0
        while IFS= read -r expr; do
            n=$((n + 1)); printf '%s' "$expr" > "$corpus/repo-expr-$n"
        done < <(grep -rhE '^ *-? *(require|when|due|done): ' rules | sed -E 's/^ *-? *(require|when|due|done): //' | sort -u)
        ;;
    FuzzRule)
        while IFS= read -r f; do seed "$f"; done < <(find rules -name 'GP-*.yaml' | sort)
        ;;
esac

echo "== fuzzing $target for ${seconds}s (corpus $(ls "$corpus" | wc -l) files)"
log="$logs/$target-$config.log"
status=0
export ASAN_OPTIONS="detect_leaks=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}"
"$binary" "$corpus" \
    -max_len=65536 -timeout=5 -rss_limit_mb=2048 -detect_leaks=0 -max_total_time="$seconds" \
    -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" > "$log" 2>&1 || status=$?

executions=$(grep -E "^stat::number_of_executed_units" "$log" | tail -n 1 | awk "{print \$2}" || true)
rate=$(grep -E "^stat::average_exec_per_sec" "$log" | tail -n 1 | awk "{print \$2}" || true)
coverage=$(grep -E '^#[0-9]+' "$log" | tail -n 1 | grep -oE 'cov: [0-9]+ ft: [0-9]+' || true)
findings=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' -o -name 'leak-*' -o -name 'slow-unit-*' \) | sort)
echo "== $target: status $status, ${executions:-?} executions, ${rate:-?} exec/s, ${coverage:-no coverage line}"
if [[ -n "$findings" ]]; then
    echo "== findings:"
    echo "$findings"
    grep -E 'ERROR: |SUMMARY: |Fatal error|deadly signal|timeout after' "$log" | head -n 10 || true
else
    echo "== findings: none"
fi
exit "$status"
