#!/usr/bin/env bash
# Compiles the app and the load drivers under src/test/java/com/qingke/bench and prints the class path to run them
# with a plain `java -cp` (no Maven JVM next to the measurement). Usage: cp=$(bench/classpath.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B -q -Dsidebar.skip=true test-compile dependency:build-classpath \
  -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test >&2
echo "$PWD/target/classes:$PWD/target/test-classes:$(cat target/bench.classpath)"
