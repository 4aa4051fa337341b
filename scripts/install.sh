#!/usr/bin/env bash
# Set up tflink from this checkout: a virtual environment with the package, and the demo release.
#   scripts/install.sh          runtime install + demo release
#   scripts/install.sh --test   also the test tools: Python test extras, Debian chromium, a running PostgreSQL
set -euo pipefail
cd "$(dirname "$0")/.."
want_test=0
[ "${1:-}" = "--test" ] && want_test=1

PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  echo "== creating .venv" >&2
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$want_test" = 1 ]; then
  echo "== installing tflink with test extras" >&2
  .venv/bin/pip install --quiet -e ".[test]"
else
  echo "== installing tflink" >&2
  .venv/bin/pip install --quiet -e .
fi

if [ "$want_test" = 1 ]; then
  if [ ! -x /usr/bin/chromium ]; then
    echo "== installing Debian chromium for the browser tests" >&2
    if [ "$(id -u)" = 0 ]; then
      apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    else
      sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
    fi
  fi
  if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
    echo "== starting PostgreSQL" >&2
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
  fi
fi

echo "== building the demo release (real data, our pipeline)" >&2
.venv/bin/tflink demo --if-missing
