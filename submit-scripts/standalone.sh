#!/usr/bin/env bash
# standalone.sh MASTER_URL COMMAND [ARGS] — a sweep on a Spark standalone cluster.
#   submit-scripts/standalone.sh spark://127.0.0.1:7077 run conf/branin-random.json --allow-local-output
#   DEPLOY_MODE=cluster submit-scripts/standalone.sh spark://HOST:7077 run /shared/specs/sweep.yaml
# In cluster deploy mode the driver runs on a worker: give files as paths every worker can read.
# This script then waits for the sweep to finish and fails when it fails (SPARKSWEEP_WAIT=false
# returns once the cluster accepted it). With SPARKSWEEP_SECRETS, the cluster's master and workers
# must have the same spark.authenticate.secret (local-cluster/start.sh takes the same variable).
# Settings: see common.sh.
# shellcheck disable=SC1091
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
master="${1:?usage: standalone.sh MASTER_URL COMMAND [ARGS], e.g. standalone.sh spark://127.0.0.1:7077 run conf/branin-random.json}"
shift
[[ "$master" == spark://* ]] || { echo "standalone.sh: MASTER_URL must look like spark://HOST:PORT, got '$master'" >&2; exit 2; }
wait_for_driver="${SPARKSWEEP_WAIT:-true}"
submit_args+=(--conf "spark.standalone.submit.waitAppCompletion=$wait_for_driver")
if [[ "${DEPLOY_MODE:-client}" != cluster || "$wait_for_driver" != true ]]; then
  submit "$master" "$@"
fi

# Cluster deploy mode: Spark's standalone client exits 0 whatever became of the driver, so read the
# driver's final state from the client's log (conf/log4j2.properties keeps that line) and exit by it.
submit_command "$master" "$@"
export SPARK_SUBMIT_OPTS="${SPARK_SUBMIT_OPTS:-} -Dlog4j2.configurationFile=file:$repo_root/conf/log4j2.properties"
client_log="$(mktemp)"
trap 'rm -f "$client_log"' EXIT
{ "${command[@]}" 2>&1 1>&3 | tee "$client_log" 1>&2; } 3>&1
driver_state="$(grep -o 'State of driver [^ ]* is [A-Z]*' "$client_log" | tail -1 || true)"
case "$driver_state" in
  *" is FINISHED") echo "standalone.sh: ${driver_state#State of }" >&2 ;;
  "") echo "standalone.sh: could not read the driver's final state; see the master's web UI" >&2; exit 1 ;;
  *) echo "standalone.sh: ${driver_state#State of }; its output is in the worker's work directory (stderr, stdout)" >&2; exit 1 ;;
esac
