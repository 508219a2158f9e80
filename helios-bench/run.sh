#!/usr/bin/env bash
# Builds helios-bench (with the main modules, in one reactor) and runs every benchmark in one JMH
# run, then prints one table of ratios, Helios against each peer. See docs/PERFORMANCE.md.
#
# Settings (environment): FORKS (2), WARMUP_ITERATIONS (2), MEASUREMENT_ITERATIONS (3),
# ITERATION_SECONDS (1), NODE_COUNTS ("3,10,100,1000"). With the defaults the run takes about
# 7.5 minutes on 2 cores.
set -euo pipefail
cd "$(dirname "$0")/.."

FORKS=${FORKS:-2}
WARMUP_ITERATIONS=${WARMUP_ITERATIONS:-2}
MEASUREMENT_ITERATIONS=${MEASUREMENT_ITERATIONS:-3}
ITERATION_SECONDS=${ITERATION_SECONDS:-1}
NODE_COUNTS=${NODE_COUNTS:-3,10,100,1000}
OUT=helios-bench/target
JAR=$OUT/benchmarks.jar

echo "building helios-bench (mvn -Pbench package -pl helios-bench -am)..."
mvn -B -q -Pbench -DskipTests package -pl helios-bench -am

echo "machine: $(nproc) cores; $(java -version 2>&1 | head -n 2 | tail -n 1)"

echo "checking that every ping-pong implementation computes the same checksum..."
java -cp "$JAR" dev.helios.bench.pingpong.ChecksumCheck 1000000 ${NODE_COUNTS//,/ } > "$OUT/checksums.txt"
tail -n 1 "$OUT/checksums.txt"

echo "measuring memory (JOL, and 1,000,000 idle nodes under -Xmx4g)..."
java -Xmx4g -Djdk.attach.allowAttachSelf=true -cp "$JAR" dev.helios.bench.memory.MemoryFootprint 2>/dev/null \
  | grep '^memory:' > "$OUT/memory.txt"


echo "exploring every example's scenarios (--explore's space, seed 42; median of 5 rounds)..."
java -cp "$JAR" dev.helios.bench.explore.ExampleExplorations > "$OUT/examples.md"

echo "running JMH (forks $FORKS, warm-up ${WARMUP_ITERATIONS}x${ITERATION_SECONDS}s, measurement ${MEASUREMENT_ITERATIONS}x${ITERATION_SECONDS}s; log in $OUT/jmh-output.txt)..."
java -Dforks="$FORKS" -DwarmupIterations="$WARMUP_ITERATIONS" -DmeasurementIterations="$MEASUREMENT_ITERATIONS" \
  -DiterationSeconds="$ITERATION_SECONDS" -DnodeCounts="$NODE_COUNTS" \
  -DresultFile="$OUT/jmh-result.json" -DlogFile="$OUT/jmh-output.txt" \
  -cp "$JAR" dev.helios.bench.RunAll | tee "$OUT/ratios.md"
echo
cat "$OUT/memory.txt"
echo
cat "$OUT/examples.md"
