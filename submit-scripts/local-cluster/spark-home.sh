# Sourced by start.sh and spark-submit: makes sure a SPARK_HOME assembled from Maven Central jars
# exists and exports SPARK_HOME. No Spark tarball is needed: the SPARK_HOME holds an empty jars/,
# a conf/spark-env.sh that puts the Maven-resolved Spark classpath on SPARK_DIST_CLASSPATH, and
# bin/spark-class + bin/spark-submit, so any spark-submit wrapper can use it like a Spark download.
#
# Environment: SPARKSWEEP_SPARK_HOME  where to build it (default ~/.cache/sparksweep/spark-VERSION)
#              MAVEN_ARGS             extra arguments for the one Maven call (e.g. -o when offline)
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
spark_version="$(sed -n 's:.*<spark.version>\(.*\)</spark.version>.*:\1:p' "$repo_root/pom.xml" | head -1)"
jackson_version="$(sed -n 's:.*<jackson.version>\(.*\)</jackson.version>.*:\1:p' "$repo_root/pom.xml" | head -1)"
export SPARK_HOME="${SPARKSWEEP_SPARK_HOME:-${XDG_CACHE_HOME:-$HOME/.cache}/sparksweep/spark-$spark_version}"
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"

# the classpath is resolved again when this directory's pom.xml changed since (e.g. spark-yarn was added)
pom_sum="$(cksum < "$repo_root/submit-scripts/local-cluster/pom.xml")"
if [[ ! -s "$SPARK_HOME/spark.classpath" || ! -x "$SPARK_HOME/bin/spark-class" \
      || "$(cat "$SPARK_HOME/pom.cksum" 2>/dev/null)" != "$pom_sum" ]]; then
  echo "local-cluster: assembling SPARK_HOME $SPARK_HOME from Maven jars (Spark $spark_version) ..." >&2
  mkdir -p "$SPARK_HOME/jars" "$SPARK_HOME/conf" "$SPARK_HOME/bin"
  # shellcheck disable=SC2086
  mvn -B -q ${MAVEN_ARGS:-} -f "$repo_root/submit-scripts/local-cluster/pom.xml" dependency:build-classpath \
    -Dspark.version="$spark_version" -Djackson.version="$jackson_version" \
    -Dmdep.outputFile="$SPARK_HOME/spark.classpath.tmp" >&2
  cat > "$SPARK_HOME/conf/spark-env.sh" <<'ENV'
# Spark's classpath comes from Maven's local repository, listed in ../spark.classpath.
SPARK_DIST_CLASSPATH="$(cat "$SPARK_HOME/spark.classpath")"
export SPARK_DIST_CLASSPATH
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP="${SPARK_LOCAL_IP:-127.0.0.1}"
ENV
  cp "$repo_root/submit-scripts/local-cluster/spark-class" "$SPARK_HOME/bin/spark-class"
  printf '#!/usr/bin/env bash\nexec "$(dirname "$0")/spark-class" org.apache.spark.deploy.SparkSubmit "$@"\n' > "$SPARK_HOME/bin/spark-submit"
  chmod +x "$SPARK_HOME/bin/spark-class" "$SPARK_HOME/bin/spark-submit"
  mv "$SPARK_HOME/spark.classpath.tmp" "$SPARK_HOME/spark.classpath"
  printf '%s\n' "$pom_sum" > "$SPARK_HOME/pom.cksum"
fi
# SPARK_HOME/conf is on every daemon's, driver's and executor's classpath: the project's quiet logging applies to all
cmp -s "$repo_root/conf/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties" \
  || cp "$repo_root/conf/log4j2.properties" "$SPARK_HOME/conf/log4j2.properties"
