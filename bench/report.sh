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
  awk -F'\t' '{ printf "| %d | %s | %.1f | %d | %.0f | %d | %.1f | %s |\n", $1, $2, $3, $4, $4 / $3, $5 / 1024, $7, $6 }' "$RESULTS"
  echo
  echo "Ratios of wall time, and in brackets of CPU time (user + system), which depends less on the load of a shared machine:"
  echo
  echo "| N victims | a/b (target <= 1.5) | a/c (target <= 4) | d/a (target <= 0.15) | peak RSS of a (target <= 6144 MiB) |"
  echo "|---:|---:|---:|---:|---:|"
  awk -F'\t' '{ s = substr($2, 1, 1); t[$1, s] = $3; c[$1, s] = $7; r[$1, s] = $5; if (!($1 in seen)) { seen[$1] = 1; order[++k] = $1 } }
    function ratio(n, x, y) { return (t[n, x] > 0 && t[n, y] > 0 && c[n, y] > 0) ? sprintf("%.2f (%.2f)", t[n, x] / t[n, y], c[n, x] / c[n, y]) : "-" }
    END { for (i = 1; i <= k; i++) { n = order[i]
            printf "| %d | %s | %s | %s | %d |\n", n, ratio(n, "a", "b"), ratio(n, "a", "c"), ratio(n, "d", "a"), r[n, "a"] / 1024 }
          for (i = 2; i <= k; i++) if (t[order[1], "a"] > 0) printf "\ntime(%d)/time(%d) of a: %.2f (CPU %.2f; target <= 5.5 for 5M/1M)\n", order[i], order[1], t[order[i], "a"] / t[order[1], "a"], c[order[i], "a"] / c[order[1], "a"] }' "$RESULTS"
  echo
  echo "DuckDB's results against scamscope's (quarantine by rule, silver row counts, gold cell by cell):"
  echo
  sed 's/^/- /' "$COMPARES"
}
