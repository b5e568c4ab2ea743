#!/usr/bin/env bash
# yarn.sh COMMAND [ARGS] — a sweep on Hadoop YARN (HADOOP_CONF_DIR or YARN_CONF_DIR must point at
# the cluster's configuration). The driver runs in the YARN application master (DEPLOY_MODE=cluster,
# the default here), so an overnight sweep survives your laptop going to sleep.
#   submit-scripts/yarn.sh run spec.yaml --output hdfs:///user/$USER/sweeps
# Ship the spec with the application and name it by its file name:
#   SPARKSWEEP_SUBMIT_ARGS="--files conf/iris-grid.yaml" submit-scripts/yarn.sh run iris-grid.yaml --output hdfs:///sweeps
# EXECUTORS (default 2) executors of EXECUTOR_CORES (default 2) cores each; QUEUE picks a YARN queue.
# Settings: see common.sh.
: "${DEPLOY_MODE:=cluster}"
export DEPLOY_MODE
# shellcheck disable=SC1091
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
submit_args+=(--num-executors "${EXECUTORS:-2}" --executor-cores "${EXECUTOR_CORES:-2}")
[[ -z "${QUEUE:-}" ]] || submit_args+=(--queue "$QUEUE")
submit yarn "$@"
