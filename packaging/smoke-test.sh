#!/usr/bin/env bash
# Smoke test of the Linux app image: builds it (no installer), then runs the launcher headless
# (--help, stats on the bundled demo dataset) and, if Xvfb is installed, checks the window starts and stays up.
# Usage: packaging/smoke-test.sh [--no-build]. Exit 0 when everything passed.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
[[ "${1:-}" == --no-build ]] || packaging/build.sh --app-image-only

app="$root/target/dist/llava-inspector"
launcher="$app/bin/llava-inspector"
fail() { echo "smoke: FAIL: $*" >&2; exit 1; }

out="$("$launcher" --help)" || fail "--help exited $?"
grep -q '^Commands:' <<<"$out" || fail "--help printed no command list"
echo "smoke: --help ok"

out="$("$launcher" stats "$app/lib/app/samples/demo.json")" || fail "stats exited $?"
grep -Eq '^ *records +30$' <<<"$out" || fail "stats did not count the 30 demo records: $out"
echo "smoke: stats on the bundled demo dataset ok"

# the command-line launcher: same answer, and JSON on stdout untouched by JVM messages
out="$(cd / && "$app/bin/llava-inspector-cli" stats "$app/lib/app/samples/demo.json" --json)" \
    || fail "llava-inspector-cli stats exited $?"
grep -q '"records" : 30' <<<"$out" || fail "llava-inspector-cli stats did not count the 30 demo records: $out"
[[ "${out:0:1}" == "{" ]] || fail "llava-inspector-cli printed something before the JSON: ${out:0:200}"
echo "smoke: llava-inspector-cli stats --json ok"

if command -v Xvfb >/dev/null; then
    display=":$((90 + RANDOM % 9))"
    Xvfb "$display" -screen 0 1600x1000x24 >/dev/null 2>&1 &
    xvfb=$!
    log="$(mktemp)"
    trap 'kill "$xvfb" 2>/dev/null || true; [[ -n "${ui:-}" ]] && kill "$ui" 2>/dev/null || true; rm -f "$log"' EXIT
    sleep 1
    DISPLAY="$display" "$launcher" >"$log" 2>&1 &
    ui=$!
    sleep 6
    kill -0 "$ui" 2>/dev/null || fail "the window did not stay up: $(cat "$log")"
    if grep -Eq 'Exception|^error:' "$log"; then fail "the window logged errors: $(cat "$log")"; fi
    echo "smoke: window on the demo dataset ok (Xvfb $display)"
else
    echo "smoke: no Xvfb, window not checked"
fi
echo "smoke: passed"
