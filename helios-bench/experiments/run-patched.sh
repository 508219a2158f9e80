#!/usr/bin/env bash
# A what-if, not a change: applies cheaper-digest-lazy-description.patch to scratch copies of two
# runtime classes, compiles them, and runs the Helios ping-pong benchmarks with them ahead of the
# real runtime on the class path. helios-runtime itself is left untouched. Needs the bench jar
# (helios-bench/run.sh, or mvn -Pbench -DskipTests package -pl helios-bench -am).
# The patched digest is a sketch: it changes trace hashes and its mixing quality is untested.
set -euo pipefail
cd "$(dirname "$0")/../.."
JAR=helios-bench/target/benchmarks.jar
RUNTIME=helios-runtime/src/main/java/dev/helios/runtime
SCRATCH=$(mktemp -d)
trap 'rm -rf "$SCRATCH"' EXIT
mkdir -p "$SCRATCH/tree/$RUNTIME" "$SCRATCH/classes"
cp "$RUNTIME/Simulation.java" "$RUNTIME/TraceRecorder.java" "$SCRATCH/tree/$RUNTIME/"
patch -s -p1 -d "$SCRATCH/tree" < helios-bench/experiments/cheaper-digest-lazy-description.patch
javac -nowarn --release 17 -cp "$JAR" -d "$SCRATCH/classes" "$SCRATCH/tree/$RUNTIME"/*.java
java -cp "$SCRATCH/classes:$JAR" dev.helios.bench.pingpong.ChecksumCheck 1000000 3 1000 | tail -n 1
java -cp "$SCRATCH/classes:$JAR" org.openjdk.jmh.Main 'PingPongBenchmark.(helios|heliosBoxedToken|arrayHeap)$' \
  -p nodeCount=3,1000 -f "${FORKS:-2}" -wi 2 -i 3 -w 1s -r 1s -prof gc \
  | grep -E '^PingPongBenchmark' | grep -vE 'gc\.(count|time)|alloc\.rate '
