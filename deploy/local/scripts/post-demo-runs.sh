#!/usr/bin/env bash
# Posts N typical runs (5 phases x 10 measurements, 20 logs) to a running local mode, P at a time.
# Usage: deploy/local/scripts/post-demo-runs.sh API_KEY PROCEDURE_ID [N=1000] [P=8] [URL=http://localhost:8080]
set -euo pipefail
key=$1 procedure=$2 count=${3:-1000} parallel=${4:-8} url=${5:-http://localhost:8080}

body() {
  local serial=$1 phases="" logs=""
  for p in 1 2 3 4 5; do
    local ms=""
    for m in $(seq 1 10); do
      ms+="${ms:+,}{\"name\":\"m${p}_${m}\",\"outcome\":\"PASS\",\"measured_value\":$((RANDOM % 100)).$((RANDOM % 10)),\"units\":\"V\",\"lower_limit\":0,\"upper_limit\":100}"
    done
    phases+="${phases:+,}{\"name\":\"phase_$p\",\"outcome\":\"PASS\",\"started_at\":\"2026-11-23T08:0$p:00Z\",\"ended_at\":\"2026-11-23T08:0$p:30Z\",\"measurements\":[$ms]}"
  done
  for l in $(seq 1 20); do
    logs+="${logs:+,}{\"level\":\"INFO\",\"timestamp\":\"2026-11-23T08:00:$(printf %02d "$l")Z\",\"message\":\"step $l done\",\"source_file\":\"main.py\",\"line_number\":$l}"
  done
  printf '{"procedure_id":"%s","serial_number":"%s","part_number":"PCB-100","batch_number":"LOT-1","outcome":"PASS","started_at":"2026-11-23T08:00:00Z","ended_at":"2026-11-23T08:06:00Z","metadata":{"station":"EOL-1","slot":3},"phases":[%s],"logs":[%s]}' \
    "$procedure" "$serial" "$phases" "$logs"
}
export -f body
export key procedure url

seq 1 "$count" | xargs -P "$parallel" -I{} bash -c '
  body "SN-LOAD-{}" | curl -sS -o /dev/null -w "%{http_code}\n" -X POST "$url/api/v2/runs" \
    -H "Authorization: Bearer $key" -H "Content-Type: application/json" --data-binary @-' | sort | uniq -c
