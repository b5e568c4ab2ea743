#!/usr/bin/env bash
# k8s.sh API_SERVER COMMAND [ARGS] — a sweep on Kubernetes, driver and executors in pods
# (cluster deploy mode) from IMAGE, a Spark 4.2 image with the application jar at JAR_IN_IMAGE
# (default /opt/sparksweep/sparksweep-app.jar).
#   IMAGE=registry/sparksweep:0.1 submit-scripts/k8s.sh https://k8s-api:6443 run /opt/specs/sweep.yaml --output s3a://bucket/sweeps
# EXECUTORS (default 2) pods of EXECUTOR_CORES (default 2) cores; NAMESPACE (default default);
# SERVICE_ACCOUNT (default spark). Secrets on Kubernetes live in a Kubernetes Secret, mounted into
# the pods, never in the command: AUTH_SECRET=NAME names a Secret whose key "auth" holds the
# spark.authenticate secret (create it with kubectl create secret generic NAME --from-file=auth=FILE).
# Settings: see common.sh.
export DEPLOY_MODE=cluster
# shellcheck disable=SC1091
. "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/common.sh"
api="${1:?usage: k8s.sh API_SERVER COMMAND [ARGS], e.g. k8s.sh https://k8s-api:6443 run /opt/specs/sweep.yaml}"
shift
: "${IMAGE:?set IMAGE to a Spark image that holds the application jar}"
app_jar="local://${JAR_IN_IMAGE:-/opt/sparksweep/sparksweep-app.jar}"
submit_args+=(
  --conf "spark.kubernetes.container.image=$IMAGE"
  --conf "spark.kubernetes.namespace=${NAMESPACE:-default}"
  --conf "spark.kubernetes.authenticate.driver.serviceAccountName=${SERVICE_ACCOUNT:-spark}"
  --conf "spark.executor.instances=${EXECUTORS:-2}"
  --conf "spark.executor.cores=${EXECUTOR_CORES:-2}"
)
if [[ -n "${AUTH_SECRET:-}" ]]; then
  submit_args+=(
    --conf spark.authenticate=true
    --conf "spark.kubernetes.driver.secrets.$AUTH_SECRET=/etc/sparksweep/auth"
    --conf "spark.kubernetes.executor.secrets.$AUTH_SECRET=/etc/sparksweep/auth"
    --conf spark.authenticate.secret.driver.file=/etc/sparksweep/auth/auth
    --conf spark.authenticate.secret.executor.file=/etc/sparksweep/auth/auth
  )
fi
submit "k8s://$api" "$@"
