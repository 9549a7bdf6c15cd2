#!/usr/bin/env bash
# Compares two warehouses table by table, row for row, less the columns naming the run
# (run_id, ingested_at, rejected_at): silver, gold, the quarantine, reference and ops/data_quality.
# Use: build the sample's warehouse with the code before a change and after it, then
#   bench/compare-warehouses.sh /tmp/wh-before /tmp/wh-after
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
mvn -B -q -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath/test.txt >&2
OPENS="$(sed -n 's:.*<spark.add-opens>\(.*\)</spark.add-opens>.*:\1:p' pom.xml)"
# shellcheck disable=SC2086
exec java $OPENS -Xmx3g -Dlog4j2.configurationFile="$ROOT/conf/log4j2.properties" \
  -cp "target/test-classes:target/classes:$(cat target/classpath/test.txt)" org.scamscope.CompareWarehouses "$1" "$2"
