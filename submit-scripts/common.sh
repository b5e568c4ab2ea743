# Sourced by local.sh, standalone.sh, yarn.sh and k8s.sh: finds spark-submit and the application
# jar, and collects the settings every sweep needs. Each script adds its master and calls submit.
#
# Environment (all optional):
#   SPARK_HOME              the Spark to submit with (default: one assembled from Maven jars, see local-cluster/)
#   SPARKSWEEP_JAR          the application jar (default target/sparksweep-app.jar, built when missing or older than the sources)
#   DEPLOY_MODE             client (the driver runs here) or cluster (on the cluster)
#   EXECUTOR_MEMORY         per executor (default 2g);  DRIVER_MEMORY (default 1g)
#   TASK_CPUS               cores per task = ND4J threads per trial (default 1; a spec's resources: overrides per sweep)
#   EVENT_LOG_DIR           a Hadoop FileSystem URI: keep Spark's event log there (for the History Server)
#   SPARKSWEEP_SECRETS      a properties file readable only by you (chmod 600) with secrets, e.g.
#                             spark.authenticate.secret=...             (turns on spark.authenticate)
#                             spark.hadoop.fs.s3a.access.key=...  spark.hadoop.fs.s3a.secret.key=...
#                           passed as --extra-properties-file: never on a command line `ps` shows
#   SPARKSWEEP_SUBMIT_ARGS  more spark-submit arguments, e.g. "--conf spark.executor.cores=4"
set -euo pipefail
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck disable=SC1091
. "$repo_root/submit-scripts/secrets.sh"

app_jar="${SPARKSWEEP_JAR:-$repo_root/target/sparksweep-app.jar}"
if [[ -z "${SPARKSWEEP_JAR:-}" && ( ! -f "$app_jar" \
      || -n "$(find "$repo_root/pom.xml" "$repo_root/src/main" -newer "$app_jar" -print -quit)" ) ]]; then
  echo "building $app_jar with Maven ..." >&2
  mvn -B -q -f "$repo_root/pom.xml" -DskipTests package >&2
fi
if [[ -n "${SPARK_HOME:-}" ]]; then
  spark_submit="$SPARK_HOME/bin/spark-submit"
else
  spark_submit="$repo_root/submit-scripts/local-cluster/spark-submit"
fi

task_cpus="${TASK_CPUS:-1}"
submit_args=(
  --class org.sparksweep.cli.Main
  --deploy-mode "${DEPLOY_MODE:-client}"
  # the sweep's defaults; the cluster's own spark-defaults.conf still applies where these are silent
  --properties-file "$repo_root/conf/spark-defaults.conf" --load-spark-defaults
  --driver-memory "${DRIVER_MEMORY:-1g}"
  --executor-memory "${EXECUTOR_MEMORY:-2g}"
  --conf "spark.task.cpus=$task_cpus"
  --conf "spark.executorEnv.OMP_NUM_THREADS=$task_cpus"
)
if [[ -n "${EVENT_LOG_DIR:-}" ]]; then
  submit_args+=(--conf spark.eventLog.enabled=true --conf "spark.eventLog.dir=$EVENT_LOG_DIR")
fi
if [[ -n "${SPARKSWEEP_SECRETS:-}" ]]; then
  check_secrets_file "$SPARKSWEEP_SECRETS"
  submit_args+=(--extra-properties-file "$SPARKSWEEP_SECRETS")
  if grep -q '^[[:space:]]*spark\.authenticate\.secret' "$SPARKSWEEP_SECRETS"; then
    submit_args+=(--conf spark.authenticate=true)
  fi
fi
# shellcheck disable=SC2206
submit_args+=(${SPARKSWEEP_SUBMIT_ARGS:-})

# submit_command MASTER [sparksweep arguments...]: sets command=(spark-submit ...)
submit_command() {
  local master="$1"
  shift
  if (( $# == 0 )); then
    echo "usage: $(basename "$0") ... COMMAND [ARGS]   e.g. run conf/branin-random.json (see ./sparksweep --help)" >&2
    exit 2
  fi
  command=("$spark_submit" --master "$master" "${submit_args[@]}" "$app_jar" "$@")
}

# submit MASTER [sparksweep arguments...]: runs spark-submit in place of this script
submit() {
  submit_command "$@"
  exec "${command[@]}"
}
