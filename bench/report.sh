#!/usr/bin/env bash
# The benchmark's report as Markdown, from run.sh's measurements.
# Usage: bench/report.sh RESULTS_TSV COMPARE_TXT
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RESULTS="$1"
COMPARES="$2"
{
  echo "# scamscope benchmark, $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo
  echo "Commit $(cd "$ROOT" && git rev-parse --short HEAD)$(cd "$ROOT" && git diff --quiet -- src conf bin pom.xml || echo ' (with uncommitted changes)');" \
    "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) memory, shared with other work:" \
    "the load average (1, 5, 15 minutes) before each step says how much."
  echo
  echo "| N victims | step | seconds | input rows | rows/s | peak RSS (MiB) | CPU seconds | load before |"
  echo "|---:|---|---:|---:|---:|---:|---:|---|"
  awk -F'\t' '{ printf "| %s | %s | %.1f | %d | %s | %d | %.1f | %s |\n", $1, $2, $3, $4, ($4 > 0 ? sprintf("%.0f", $4 / $3) : "-"), $5 / 1024, $7, $6 }' "$RESULTS"
  echo
  echo "Ratios of wall time, and in brackets of CPU time (user + system), which depends less on the load of a shared machine;"
  echo "e is the run with nothing new, so (d - e)/(a - e) is what a run pays above its fixed cost:"
  echo
  echo "| N victims | a (sample: <= 20 s) | a/b (<= 2; sample <= 1.5) | a/c (<= 3) | d/a (5M: <= 0.15) | (d - e)/(a - e) (<= 0.10) | e (<= 5 s) | peak RSS of a (<= 6144 MiB) |"
  echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ s = substr($2, 1, 1); t[$1, s] = $3; c[$1, s] = $7; r[$1, s] = $5; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    function ratio(n, x, y) { return (t[n, x] > 0 && t[n, y] > 0 && c[n, y] > 0) ? sprintf("%.2f (%.2f)", t[n, x] / t[n, y], c[n, x] / c[n, y]) : "-" }
    function above(n) { return (t[n, "d"] > 0 && t[n, "e"] > 0 && t[n, "a"] > t[n, "e"] && c[n, "a"] > c[n, "e"]) ? sprintf("%.2f (%.2f)", (t[n, "d"] - t[n, "e"]) / (t[n, "a"] - t[n, "e"]), (c[n, "d"] - c[n, "e"]) / (c[n, "a"] - c[n, "e"])) : "-" }
    function secs(n, x) { return t[n, x] > 0 ? sprintf("%.1f (%.1f)", t[n, x], c[n, x]) : "-" }
    END { for (i = 1; i <= k; i++) { n = order[i]; if (!(t[n, "a"] > 0)) continue
            printf "| %s | %s | %s | %s | %s | %s | %s | %d |\n", n, secs(n, "a"), ratio(n, "a", "b"), ratio(n, "a", "c"), ratio(n, "d", "a"), above(n), secs(n, "e"), r[n, "a"] / 1024 }
          m = 0; for (i = 1; i <= k; i++) if (order[i] ~ /^[0-9]+$/) nums[++m] = order[i]
          for (i = 2; i <= m; i++) if (t[nums[1], "a"] > 0) printf "\ntime(%d)/time(%d) of a: %.2f (CPU %.2f; target <= 5.5 for 5M/1M)\n", nums[i], nums[1], t[nums[i], "a"] / t[nums[1], "a"], c[nums[i], "a"] / c[nums[1], "a"] }' "$RESULTS"
  awk -F'\t' '$2 ~ /^f\) / { w[++j] = $3; c[j] = $7 }
    END { if (j == 2) printf "\nmany small files, f) in 2,000 files / in the fewest files (the generator writes one per partner): %.2f (CPU %.2f; target <= 2)\n", w[2] / w[1], c[2] / c[1] }' "$RESULTS"
  echo
  echo "DuckDB's results against scamscope's (quarantine by rule, silver row counts, gold cell by cell):"
  echo
  sed 's/^/- /' "$COMPARES"
}
