#!/bin/bash
# Time from launching the service to its first healthy /health, and the JVM's CPU until then.
# usage: deploy/checks/startup-time.sh <jar> <corpus dir> <data dir> <port>
# Prints "wall_ms cpu_ms". Run it once to initialise the data folder, then repeat for figures
# (a restart with a warm folder is what a deployment does). CPU is the java process's user + system
# time from /proc (the embedded PostgreSQL is a separate process and not counted).
# Extra JVM options go in JAVA_OPTS, e.g. a flight recording of start-up:
#   JAVA_OPTS='-XX:StartFlightRecording=filename=/tmp/start.jfr,settings=profile' deploy/checks/startup-time.sh …
# then `jfr view hot-methods /tmp/start.jfr`. Each start-up phase is logged by vn.hoidap.system.StartupPhases.
set -u
jar=$1; corpus=$2; data=$3; port=$4
start=$(date +%s%N)
HOIDAP_DATA_DIR=$data HOIDAP_CORPUS_DIR=$corpus java ${JAVA_OPTS:-} -Dmicronaut.server.port=$port -Dhoidap.rate-limit.enabled=false \
  -jar "$jar" > "$data.startup.log" 2>&1 &
pid=$!
until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health")" = "200" ]; do
  kill -0 $pid 2>/dev/null || { echo "the service exited; see $data.startup.log" >&2; exit 1; }
  sleep 0.05
done
end=$(date +%s%N)
read -r utime stime < <(awk '{print $14, $15}' /proc/$pid/stat)
echo "$(( (end - start) / 1000000 )) $(( (utime + stime) * 1000 / $(getconf CLK_TCK) ))"
kill $pid; wait $pid 2>/dev/null
exit 0
