#!/usr/bin/env bash
# The scale benchmark: for each number of victims N (default 1,000,000 and 5,000,000), on a generated input:
#   a) the full job, bin/scamscope run, in a new JVM on an empty warehouse (JVM start included);
#   b) the I/O floor: a minimal Spark job that reads the same files and writes them to Delta (IoFloor);
#   c) the same end-to-end work in embedded DuckDB, 2 threads (bench/duckdb/*.sql), its results compared
#      with scamscope's (GoldCompare);
#   d) an incremental run of the job after 1 % new victim files were added to the input;
#   e) a run with nothing new (the input of d once more);
#   r) the read-only commands (tables, show, history, status) on the warehouse.
# N "sample" takes the shipped sample (data/sample) instead of generated input: a), b), e) and r).
# N "files" runs f): 20,000 generated victims in one file, then in 2,000 files of 10 rows.
# Prints a table and writes it to bench/results/<date>.md. Not part of the test suite. See bench/README.md.
#
# Usage: bench/run.sh [N|sample ...]   work folder: $SCAMSCOPE_BENCH_DIR (default bench/work, removed per N)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
BENCH="$ROOT/bench"
WORK="${SCAMSCOPE_BENCH_DIR:-$BENCH/work}"
SIZES=("$@")
[[ ${#SIZES[@]} -gt 0 ]] || SIZES=(1000000 5000000)
DUCKDB_VERSION=1.4.4.0
export SCAMSCOPE_PSEUDONYM_KEY="${SCAMSCOPE_PSEUDONYM_KEY:-bench-only-key-not-secret-0123456789}"
mkdir -p "$WORK" "$BENCH/results"

# Build: the application (bin/scamscope does it too), the bench programs, DuckDB's JDBC jar from Maven Central.
(cd "$ROOT" && mvn -B -q -DskipTests compile)
CP="$(cat "$ROOT/target/classpath/compile.txt"):$(cat "$ROOT/target/classpath/runtime.txt")"
rm -rf "$BENCH/target/classes" && mkdir -p "$BENCH/target/classes"
javac -d "$BENCH/target/classes" -cp "$CP" "$BENCH"/src/main/java/org/scamscope/bench/*.java
DUCKDB_JAR="$BENCH/target/lib/duckdb_jdbc-$DUCKDB_VERSION.jar"
[[ -f "$DUCKDB_JAR" ]] || (cd "$ROOT" && mvn -B -q dependency:copy -Dartifact="org.duckdb:duckdb_jdbc:$DUCKDB_VERSION" \
  -DoutputDirectory="$BENCH/target/lib")
# The JVM options of an embedded run (bin/scamscope), for the Spark programs of the benchmark.
JAVA_SPARK=(java -XX:+IgnoreUnrecognizedVMOptions
  --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
  --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
  --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
  --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
  --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
  --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
  -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true -Xmx4g
  "-Dlog4j2.configurationFile=$ROOT/conf/log4j2.properties" -Dspark.sql.session.timeZone=UTC
  -cp "$BENCH/target/classes:$ROOT/target/classes:$CP")

RESULTS="$WORK/results.tsv"   # N, step, seconds, rows, peak RSS KiB, load average before, CPU seconds (user + system)
: > "$RESULTS"

# measure N STEP ROWS LOG COMMAND...: wall time and peak RSS of the command (and of its largest child).
# ROWS "@FILE" takes the rows read from the run's JSON summary FILE, once the command has written it.
measure() {
  local n="$1" step="$2" rows="$3" log="$4"; shift 4
  local load; load="$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "== N=$n $step (load $load)" >&2
  if ! /usr/bin/time -v -o "$log.time" "$@" > "$log" 2>&1; then
    echo "   FAILED, see $log" >&2; tail -5 "$log" >&2; return 1
  fi
  local secs rss cpu
  [[ "$rows" != @* ]] || rows="$(summary_rows "${rows#@}")"
  cpu="$(awk -F': ' '/User time|System time/ { s += $2 } END { print s }' "$log.time")"
  secs="$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log.time")"
  rss="$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log.time")"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$step" "$secs" "$rows" "$rss" "$load" "$cpu" >> "$RESULTS"
  echo "   $secs s ($cpu s CPU), peak RSS $((rss / 1024)) MiB" >&2
}

summary_rows() {  # rows read by every dataset of a run's JSON summary
  awk '/"rows_read"/ { gsub("[^0-9]", "", $0); s += $0 } END { print s + 0 }' "$1"
}

# The read-only commands on a warehouse, each in a new JVM, as a user types them.
read_only() {
  local n="$1" dir="$2"
  measure "$n" "r) tables" 0 "$dir/r-tables.log" "$ROOT/bin/scamscope" tables --warehouse "$dir/warehouse"
  measure "$n" "r) show gold/victims_by_region_year --limit 20" 0 "$dir/r-show.log" \
    "$ROOT/bin/scamscope" show gold/victims_by_region_year --limit 20 --warehouse "$dir/warehouse"
  measure "$n" "r) history silver/victims" 0 "$dir/r-history.log" "$ROOT/bin/scamscope" history silver/victims --warehouse "$dir/warehouse"
  measure "$n" "r) status" 0 "$dir/r-status.log" "$ROOT/bin/scamscope" status --warehouse "$dir/warehouse"
}

input_rows() {  # rows of every dataset in a generation report
  awk '/^      "rows": / { gsub(",", "", $2); s += $2 } END { print s }' "$1"
}

OUT="$BENCH/results/$(date -u +%Y-%m-%d).md"
[[ ! -e "$OUT" ]] || OUT="$BENCH/results/$(date -u +%Y-%m-%d-%H%M).md"
COMPARES="$WORK/compare.txt"
: > "$COMPARES"
for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"; rm -rf "$dir"; mkdir -p "$dir"
  if [[ "$n" == sample ]]; then
    in="$ROOT/data/sample"
    measure "$n" "a) scamscope run" "@$dir/a.json" "$dir/a.log" "$ROOT/bin/scamscope" run --input "$in" \
      --warehouse "$dir/warehouse" --json-summary "$dir/a.json"
    measure "$n" "b) I/O floor (Spark, CSV/Parquet -> Delta)" "$(summary_rows "$dir/a.json")" "$dir/b.log" \
      "${JAVA_SPARK[@]}" org.scamscope.bench.IoFloor "$in" "$dir/floor"
    measure "$n" "e) run with nothing new" 0 "$dir/e.log" "$ROOT/bin/scamscope" run --input "$in" --warehouse "$dir/warehouse"
    read_only "$n" "$dir"
    "$BENCH/report.sh" "$RESULTS" "$COMPARES" > "$OUT"
    continue
  fi
  if [[ "$n" == files ]]; then
    # f) The same 20,000 victims in one file and in 2,000 files of 10 rows: what many small files cost
    # (target: at most twice the one file). Gold off: it does not depend on how the input is cut, and
    # its disclosure work would hide the difference.
    conf="$dir/no-gold.properties"
    sed -e 's/^gold.enabled=.*/gold.enabled=false/' -e "s#^reference=.*#reference=$ROOT/data/reference#" \
      -e "s#^pipeline=.*#pipeline=$ROOT/conf/pipeline.json#" "$ROOT/conf/scamscope.properties" > "$conf"
    for files in 1 2000; do
      "$ROOT/bin/scamscope" generate --out "$dir/in$files" --victims 20000 --rows-per-file $((20000 / files)) --datasets victims \
        > "$dir/generate$files.log" 2>&1
      measure "$n" "f) scamscope run, 20,000 victims in $(ls "$dir/in$files/victims" | wc -l) files, gold off" "@$dir/f$files.json" \
        "$dir/f$files.log" "$ROOT/bin/scamscope" run --config "$conf" --input "$dir/in$files" --warehouse "$dir/wh$files" \
        --json-summary "$dir/f$files.json"
    done
    "$BENCH/report.sh" "$RESULTS" "$COMPARES" > "$OUT"
    continue
  fi
  in="$dir/input"
  "$ROOT/bin/scamscope" generate --out "$in" --victims "$n" --seed 1 > "$dir/generate.log" 2>&1
  rows="$(input_rows "$in/_generated_s1.json")"
  measure "$n" "a) scamscope run" "$rows" "$dir/a.log" "$ROOT/bin/scamscope" run --input "$in" --warehouse "$dir/warehouse" \
    --json-summary "$dir/a.json"
  measure "$n" "b) I/O floor (Spark, CSV/Parquet -> Delta)" "$rows" "$dir/b.log" "${JAVA_SPARK[@]}" org.scamscope.bench.IoFloor "$in" "$dir/floor"
  # DuckDB is the yardstick, not the job: when it fails (at 20M it ran out of its 10 GB), the size goes on without c).
  if measure "$n" "c) DuckDB, 2 threads" "$rows" "$dir/c.log" java -Xmx1g -cp "$BENCH/target/classes:$DUCKDB_JAR" \
    org.scamscope.bench.DuckDbRun "$BENCH/duckdb" "$in" "$ROOT/data/reference" "$dir/duckdb" 2 10GB; then
    "${JAVA_SPARK[@]}" org.scamscope.bench.GoldCompare "$dir/warehouse" "$dir/duckdb" > "$dir/compare.log" 2>&1 || true
    echo "N=$n: $(grep -h '^RESULT' "$dir/compare.log" | paste -sd ';' -)" >> "$COMPARES"
  else
    echo "N=$n: c) failed, no comparison: $(grep -m1 -o 'SQLException: .*' "$dir/c.log" | cut -c1-200)" >> "$COMPARES"
  fi
  # d) 1 % new victims in new files (seed 2: other ids, other file names) beside the first ones.
  "$ROOT/bin/scamscope" generate --out "$in" --victims $((n / 100)) --seed 2 --datasets victims > "$dir/generate-increment.log" 2>&1
  measure "$n" "d) incremental run, +1 % new files" "$(input_rows "$in/_generated_s2.json")" "$dir/d.log" \
    "$ROOT/bin/scamscope" run --input "$in" --warehouse "$dir/warehouse" --json-summary "$dir/d.json"
  measure "$n" "e) run with nothing new" 0 "$dir/e.log" "$ROOT/bin/scamscope" run --input "$in" --warehouse "$dir/warehouse"
  read_only "$n" "$dir"
  # Written after each N, so a long run that is stopped still leaves the sizes it finished.
  "$BENCH/report.sh" "$RESULTS" "$COMPARES" > "$OUT"
done
cat "$OUT"
echo "written to $OUT" >&2

