#!/usr/bin/env bash
# local.sh COMMAND [ARGS] — the application jar through spark-submit on an embedded local[*]
# Spark: the quickest check that the jar runs before sending it to a cluster.
#   submit-scripts/local.sh run conf/branin-random.json
# Settings: see common.sh (SPARK_HOME, EXECUTOR_MEMORY, DRIVER_MEMORY, EVENT_LOG_DIR, ...).
# shellcheck disable=SC1091
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
submit "local[${LOCAL_SLOTS:-*}]" "$@"
