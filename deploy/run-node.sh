#!/usr/bin/env bash
# Start one stateless tflink node from an env file (see node.env.example).
#   deploy/run-node.sh deploy/node.env
set -euo pipefail
env_file=${1:?usage: run-node.sh ENV_FILE}
set -a
# shellcheck disable=SC1090
source "$env_file"
set +a
here=$(cd "$(dirname "$0")/.." && pwd)
tflink_bin=${TFLINK_BIN:-$here/.venv/bin/tflink}
exec "$tflink_bin" serve --db "$TFLINK_DB" --host "${TFLINK_HOST:-127.0.0.1}" --port "${TFLINK_PORT:-8000}" \
  --workers "${TFLINK_WORKERS:-1}"
