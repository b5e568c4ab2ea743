# Sourced by the submit scripts and local-cluster/start.sh. Secrets (spark.authenticate.secret,
# storage credentials such as spark.hadoop.fs.s3a.secret.key) live in a properties file that only
# its owner can read; Spark reads it with --extra-properties-file (or --properties-file for a master
# or worker), so no secret is ever on a command line that `ps` shows.

# check_secrets_file FILE: refuses a missing file or one that others can read.
check_secrets_file() {
  local file="$1" mode
  if [[ ! -f "$file" ]]; then
    echo "SPARKSWEEP_SECRETS=$file: no such file; create it with: install -m 600 /dev/null $file, then add lines such as spark.authenticate.secret=..." >&2
    exit 2
  fi
  mode="$(stat -c '%a' "$file")"
  if [[ "$mode" != [46]00 ]]; then
    echo "SPARKSWEEP_SECRETS=$file is readable by others (mode $mode); make it private: chmod 600 $file" >&2
    exit 2
  fi
}
