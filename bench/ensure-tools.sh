#!/usr/bin/env bash
# The bench's load generator (wrk) and ceiling (nginx-light) come from Debian. Install them when
# they are missing and we may (root with apt-get); otherwise say what to do. Without wrk the bench
# falls back to autocannon in a process of its own; without nginx it cannot measure the ceiling.
set -euo pipefail
need=()
[ -x /usr/bin/wrk ] || need+=(wrk)
[ -x /usr/sbin/nginx ] || need+=(nginx-light)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's ${need[*]} for the bench (once)..."
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
  exit 0
fi
echo "The bench needs ${need[*]}: run 'sudo apt-get install ${need[*]}'." >&2
exit 1
