#!/usr/bin/env bash
# stop.sh — stops the local cluster start.sh started: exactly the pids it recorded, and the
# executor and driver JVMs those workers launched; nothing found by name.
# Environment: SPARKSWEEP_CLUSTER_DIR as for start.sh.
set -euo pipefail
state="${SPARKSWEEP_CLUSTER_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/sparksweep/local-cluster}"
[[ -s "$state/pids" ]] || { echo "local-cluster: nothing to stop (no $state/pids)"; exit 0; }

# A recorded pid is ours only while it still runs a Spark master or worker (pids get reused).
ours() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' < "/proc/$1/cmdline" | grep -q 'org\.apache\.spark\.deploy\.\(master\.Master\|worker\.Worker\)'; }

daemons=() children=()
while read -r name pid; do
  if ours "$pid"; then
    daemons+=("$pid")
    while read -r child; do [[ -n "$child" ]] && children+=("$child"); done < <(ps -o pid= --ppid "$pid" | tr -d ' ')
    echo "stopping $name (pid $pid)"
  fi
done < "$state/pids"

all=("${daemons[@]}" "${children[@]}")
if (( ${#all[@]} > 0 )); then
  kill "${all[@]}" 2>/dev/null || true
  for _ in $(seq 1 20); do
    alive=()
    for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && alive+=("$pid"); done
    (( ${#alive[@]} == 0 )) && break
    sleep 0.5
  done
  for pid in "${all[@]}"; do kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null; done
fi
rm -f "$state/pids" "$state/master-url"
echo "local cluster stopped"
