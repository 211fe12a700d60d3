#!/usr/bin/env bash
# The benchmark of issue 7: Splice beside hand-written baselines (B1, B2), the raw limits, latency 0 and 20 ms,
# 100k vs 1M records, a re-run, throttle precision. Writes BENCHMARKS.md at the repository root.
#
#   bench/run.sh --quick        # a few minutes, small sizes: to try it out
#   bench/run.sh                # the issue's sizes (200k, 100k/1M, 60 s throttle), 3 repeats: about an hour
#   bench/run.sh --help         # every option
#
# Splice starts with config/jvm.options, as the Dockerfile starts it (--splice-jvm-defaults: without)
#
# Needs PostgreSQL on 127.0.0.1:5432 (user postgres, trust; SPLICE_BENCH_PG_HOST/PORT for another) and /usr/bin/time.
# The sources live in src/bench/java: `mvn verify` compiles them with the tests (so they cannot rot) but runs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ " $* " == *" --help "* ]]; then
  sed -n "2,13p" "$0"; exit 0
fi
[[ "${SKIP_BUILD:-}" == 1 ]] || mvn -B -q -DskipTests package
classpath="target/splice.jar:target/lib/*"
rm -rf target/bench-classes
javac --release 17 -d target/bench-classes -cp "$classpath" $(find src/bench/java -name '*.java')
classpath="$(pwd)/target/bench-classes:$(pwd)/target/splice.jar:$(pwd)/target/lib/*"
exec java -Dbench.classpath="$classpath" -cp "$classpath" io.splice.bench.Benchmark "$@"
