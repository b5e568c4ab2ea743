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
submit_args+=(--conf "spark.standalone.submit.waitAppCompletion=${SPARKSWEEP_WAIT:-true}")
submit "$master" "$@"
