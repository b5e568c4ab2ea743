#!/usr/bin/env bash
# start.sh [WORKERS] — a real standalone Spark cluster on this machine, bound to 127.0.0.1 only:
# one master and WORKERS workers (default 2), each its own JVM, from Maven Central jars (see
# spark-home.sh). Prints the master URL, its web UI and the SPARK_HOME to submit with.
# stop.sh stops exactly the processes started here (their pids are in $SPARKSWEEP_CLUSTER_DIR/pids).
#
# Environment (all optional):
#   SPARKSWEEP_CLUSTER_DIR   pids, logs and work directories (default ~/.cache/sparksweep/local-cluster)
#   SPARK_MASTER_PORT        master RPC port (default 7077)
#   SPARK_MASTER_WEBUI_PORT  master web UI port (default 8080)
#   SPARK_WORKER_CORES       task slots per worker (default 2)
#   SPARK_WORKER_MEMORY      memory per worker for executors (default 2g)
#   SPARKSWEEP_SECRETS       a properties file (mode 600) with spark.authenticate.secret=...: the
#                            cluster then requires that secret of every application (spark.authenticate)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck disable=SC1091
. "$here/spark-home.sh"

workers="${1:-2}"
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || { echo "usage: start.sh [WORKERS]  (WORKERS: a positive number, got '$workers')" >&2; exit 2; }
state="${SPARKSWEEP_CLUSTER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sparksweep/local-cluster}"
port="${SPARK_MASTER_PORT:-7077}"
ui="${SPARK_MASTER_WEBUI_PORT:-8080}"
cores="${SPARK_WORKER_CORES:-2}"
memory="${SPARK_WORKER_MEMORY:-2g}"
export SPARK_DAEMON_MEMORY="${SPARK_DAEMON_MEMORY:-512m}"
# Submissions go through the master's RPC port; its REST port (unauthenticated) stays closed.
export SPARK_MASTER_OPTS="${SPARK_MASTER_OPTS:-} -Dspark.master.rest.enabled=false"

if [[ -s "$state/pids" ]]; then
  while read -r _ pid; do
    if kill -0 "$pid" 2>/dev/null; then
      echo "local-cluster: already running (pid $pid, see $state/pids); stop it first: $here/stop.sh" >&2
      exit 1
    fi
  done < "$state/pids"
fi
mkdir -p "$state/logs"
: > "$state/pids"

daemon_args=()
if [[ -n "${SPARKSWEEP_SECRETS:-}" ]]; then
  # shellcheck disable=SC1091
  . "$here/../secrets.sh"
  check_secrets_file "$SPARKSWEEP_SECRETS"
  daemon_args=(--properties-file "$SPARKSWEEP_SECRETS")
  export SPARK_DAEMON_JAVA_OPTS="${SPARK_DAEMON_JAVA_OPTS:-} -Dspark.authenticate=true"
fi

stop_on_failure() {
  echo "local-cluster: did not come up; last lines of the logs in $state/logs:" >&2
  tail -n 20 "$state"/logs/*.log >&2 || true
  "$here/stop.sh" >&2 || true
  exit 1
}

# $1: what to wait for (a grep -E pattern on the master's /json/ page), $2: seconds
wait_for_master() {
  local deadline=$((SECONDS + $2))
  until curl -sf "http://127.0.0.1:$ui/json/" 2>/dev/null | tr -d ' \n' | grep -Eq "$1"; do
    (( SECONDS < deadline )) || return 1
    sleep 1
  done
}

nohup "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.master.Master \
  --host 127.0.0.1 --port "$port" --webui-port "$ui" "${daemon_args[@]}" \
  > "$state/logs/master.log" 2>&1 < /dev/null &
echo "master $!" >> "$state/pids"
wait_for_master '"status":"ALIVE"' 90 || stop_on_failure

for ((i = 1; i <= workers; i++)); do
  mkdir -p "$state/work-$i"
  nohup "$SPARK_HOME/bin/spark-class" org.apache.spark.deploy.worker.Worker \
    --host 127.0.0.1 --cores "$cores" --memory "$memory" --work-dir "$state/work-$i" --webui-port 0 \
    "${daemon_args[@]}" "spark://127.0.0.1:$port" \
    > "$state/logs/worker-$i.log" 2>&1 < /dev/null &
  echo "worker-$i $!" >> "$state/pids"
done
wait_for_master "\"aliveworkers\":$workers[,}]" 120 || stop_on_failure

echo "spark://127.0.0.1:$port" > "$state/master-url"
echo "master:     spark://127.0.0.1:$port  ($workers workers x $cores cores, $memory each)"
echo "web UI:     http://127.0.0.1:$ui"
echo "SPARK_HOME: $SPARK_HOME"
echo "logs:       $state/logs   (stop with $here/stop.sh)"
