#!/usr/bin/env bash
# yarn.sh COMMAND [ARGS] — a sweep on Hadoop YARN. HADOOP_CONF_DIR (or YARN_CONF_DIR) must point at
# the cluster's client configuration (core-site.xml with fs.defaultFS, yarn-site.xml with the
# ResourceManager). The driver runs in the YARN application master (DEPLOY_MODE=cluster, the
# default here), so an overnight sweep survives your laptop going to sleep; DEPLOY_MODE=client keeps
# the driver (and its progress output) here.
#   HADOOP_CONF_DIR=/etc/hadoop/conf submit-scripts/yarn.sh run spec.yaml --output hdfs:///user/$USER/sweeps
# Ship the spec with the application and name it by its file name:
#   SPARKSWEEP_SUBMIT_ARGS="--files conf/iris-grid.yaml" submit-scripts/yarn.sh run iris-grid.yaml --output hdfs:///sweeps
# EXECUTORS (default 2) executors of EXECUTOR_CORES (default 2) cores each; QUEUE picks a YARN queue;
# MAX_APP_ATTEMPTS (default 2): YARN's attempts of the application; after a driver crash the next
#   attempt resumes the sweep (trials already recorded are not run again);
# SPARK_YARN_JARS: where the containers find Spark (spark.yarn.jars), e.g. hdfs:///apps/spark-4.2.0/jars/*.jar
#   (upload them once). Without it a Spark download's jars/ is uploaded on every submission; with the
#   SPARK_HOME assembled from Maven jars (no Spark download), `local` uses those jars where they are
#   (a one-machine cluster, or nodes that share the Maven repository), and unset uploads them.
# Settings: see common.sh.
: "${DEPLOY_MODE:=cluster}"
export DEPLOY_MODE
# shellcheck disable=SC1091
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
conf_dir="${HADOOP_CONF_DIR:-${YARN_CONF_DIR:-}}"
if [[ -z "$conf_dir" || ! -f "$conf_dir/yarn-site.xml" ]]; then
  echo "yarn.sh: set HADOOP_CONF_DIR (or YARN_CONF_DIR) to the directory holding the cluster's yarn-site.xml and core-site.xml${conf_dir:+ (no yarn-site.xml in $conf_dir)}" >&2
  exit 2
fi
submit_args+=(--num-executors "${EXECUTORS:-2}" --executor-cores "${EXECUTOR_CORES:-2}"
  --conf "spark.yarn.maxAppAttempts=${MAX_APP_ATTEMPTS:-2}")
[[ -z "${QUEUE:-}" ]] || submit_args+=(--queue "$QUEUE")
if [[ -z "${SPARK_HOME:-}" ]]; then
  # no Spark download: the SPARK_HOME assembled from Maven jars (made on first use)
  # shellcheck disable=SC1091
  . "$repo_root/submit-scripts/local-cluster/spark-home.sh"
fi
if [[ -n "${SPARK_YARN_JARS:-}" || -s "$SPARK_HOME/spark.classpath" ]]; then
  yarn_jars="${SPARK_YARN_JARS:-}"
  if [[ -s "$SPARK_HOME/spark.classpath" && ( -z "$yarn_jars" || "$yarn_jars" == local ) ]]; then
    # the SPARK_HOME assembled from Maven jars has an empty jars/: name its jars one by one
    prefix=""
    [[ "$yarn_jars" == local ]] && prefix="local:"
    yarn_jars="$(tr ':' '\n' < "$SPARK_HOME/spark.classpath" | grep '\.jar$' | sed "s|^|$prefix|" | paste -sd, -)"
  fi
  submit_args+=(--conf "spark.yarn.jars=$yarn_jars")
fi
submit yarn "$@"
