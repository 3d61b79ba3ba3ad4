#!/usr/bin/env bash
# Runs one of issue 16's scripted failure checks against the real service (a child JVM on a PostgreSQL of the
# check's own) and prints its figures. From the repository root:
#   deploy/checks/run.sh shutdown [busy] [idle] [seconds before SIGTERM]   graceful shutdown under load
#   deploy/checks/run.sh flood [connections]                                900 slow or unfinished 1 MB bodies
#   deploy/checks/run.sh db-kill [clients]                                  database stopped and started mid-load
#   deploy/checks/run.sh kill9 [clients]                                    database stopped, then SIGKILL of the JVM
#   deploy/checks/run.sh unwritable-spill [clients]                         database stopped, spill directory unwritable
# Offline Maven (-o) with a warm local repository, as the project builds.
set -euo pipefail
cd "$(dirname "$0")/../.."
check="${1:?check: shutdown, flood, db-kill, kill9 or unwritable-spill}"
shift
mvn -o -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
CP="target/test-classes:target/classes:$(cat target/test-classpath.txt)"
case "$check" in
  shutdown) exec java -cp "$CP" vn.hoidap.system.ShutdownBenchmark "$@" ;;
  flood) exec java -Xmx512m -cp "$CP" vn.hoidap.system.BodyFloodBenchmark "$@" ;;
  db-kill|kill9|unwritable-spill) exec java -cp "$CP" vn.hoidap.system.FailureDrillBenchmark "$check" "$@" ;;
  *) echo "unknown check: $check" >&2; exit 2 ;;
esac
