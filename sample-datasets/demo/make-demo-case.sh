#!/usr/bin/env bash
# make-demo-case.sh: build the offline demo audit case from the bundled sample datasets.
#
# usage: sample-datasets/demo/make-demo-case.sh [OUT.rcase]
#   OUT.rcase  the case to write (default: ~/.release-auditor/demo/demo.rcase, where the desktop
#              app's "Open demo case" looks for it). An existing case of that name is replaced.
#
# Writes OUT.rcase, the HTML report OUT.html next to it and two small derived files in
# OUT-data/. Builds target/release-auditor.jar with Maven first when it is missing.
# Environment: RELEASE_AUDITOR_JAR (a jar to use), JAVA_HOME (the Java runtime).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
samples="$(cd "$here/.." && pwd)"
root="$(cd "$samples/.." && pwd)"
out="${1:-$HOME/.release-auditor/demo/demo.rcase}"
case "$out" in
  -h|--help) sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
esac

jar="${RELEASE_AUDITOR_JAR:-$root/target/release-auditor.jar}"
if [ ! -f "$jar" ]; then
  echo "== building the fat jar ($jar)"
  (cd "$root" && if [ -x ./mvnw ]; then ./mvnw -q -B package -DskipTests; else mvn -q -B package -DskipTests; fi)
fi
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

mkdir -p "$(dirname "$out")"
"$java" -jar "$jar" generate demo-case --samples "$samples" --out "$out"
echo "Open it in the app (File > Open case) or check it with: java -jar $jar verify $out"
