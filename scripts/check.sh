#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian machine and runs every check:
# lint and types (Python and TypeScript), client unit tests, the bundle freshness check, and the
# whole pytest suite including the browser tests in Chromium. Usage: bash scripts/check.sh
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (Debian package)"
  apt-get update -qq && apt-get install -y -qq chromium >/dev/null
fi

# The deployment tests (tests/deploy/) start their own nginx and redis-server on free loopback
# ports and stop them. While they are installed, policy-rc.d (exit 101) keeps apt from starting
# them as system services; one that was already running is left alone.
for tool in nginx:/usr/sbin/nginx redis-server:/usr/bin/redis-server; do
  if [ ! -x "${tool#*:}" ]; then
    echo "== installing ${tool%%:*} (Debian package)"
    placed_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
      printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
      placed_policy=1
    fi
    apt-get update -qq && apt-get install -y -qq "${tool%%:*}" >/dev/null
    if [ "$placed_policy" = 1 ]; then rm -f /usr/sbin/policy-rc.d; fi
  fi
done

echo "== python environment"
python3 -m venv .venv
.venv/bin/pip install -q --upgrade pip
.venv/bin/pip install -q -e ".[test,docs]"

echo "== client (TypeScript)"
npm --prefix client ci --no-audit --no-fund --loglevel=error
npm --prefix client run --silent check
npm --prefix client test
npm --prefix client run --silent build:check

echo "== lint and types"
.venv/bin/ruff check reactive tests benchmarks demos
.venv/bin/mypy

echo "== documentation site (strict: a broken link or docstring fails the check)"
NO_MKDOCS_2_WARNING=1 .venv/bin/mkdocs build --strict --quiet --site-dir "$(mktemp -d)"

export PYTHONASYNCIODEBUG=1
if [ "$#" -gt 0 ]; then
  .venv/bin/pytest "$@"
else
  # Two tiers in two processes: Playwright's sync API keeps its own event loop in the main thread,
  # which must not meet pytest-asyncio's.
  echo "== tests: unit, protocol, scheduler, session, server"
  .venv/bin/pytest -m "not browser"
  echo "== tests: browser (Chromium)"
  .venv/bin/pytest -m browser
fi
