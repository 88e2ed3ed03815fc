#!/usr/bin/env bash
# Sets up everything the build (and, with --test, the tests) needs, idempotently:
# Debian packages via apt-get when missing, Python packages into ./.venv.
# Usage: scripts/setup.sh [--test | --bench]
#   --bench also installs Chromium, Node and the pinned npm `lighthouse` (tools/lighthouse/).
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0 want_bench=0
[[ "${1:-}" == "--test" ]] && want_test=1
[[ "${1:-}" == "--bench" ]] && want_bench=1

# Debian packages: name -> a file that proves it is installed.
declare -A needs=(
  [libpango-1.0-0]=/usr/share/doc/libpango-1.0-0     # WeasyPrint (PDF)
  [libpangoft2-1.0-0]=/usr/share/doc/libpangoft2-1.0-0
  [woff2]=/usr/bin/woff2_decompress                  # the book's fonts: woff2 -> TrueType, in C
  [python3-venv]=/usr/share/doc/python3-venv
  [zip]=/usr/bin/zip
)
if (( want_test || want_bench )); then
  needs+=(
    [chromium]=/usr/bin/chromium                    # browser tests
    [poppler-utils]=/usr/bin/pdftoppm              # PDF page previews
    [nodejs]=/usr/bin/node                         # demo unit tests (node --test)
  )
fi
(( want_bench )) && needs+=([npm]=/usr/bin/npm)     # installs the page benchmark's Lighthouse
missing=()
for pkg in "${!needs[@]}"; do
  [[ -e "${needs[$pkg]}" ]] && continue
  # python3-venv is only needed when the interpreter cannot make a venv by itself.
  if [[ "$pkg" == python3-venv ]] && python3 -c 'import ensurepip' 2>/dev/null; then continue; fi
  # node may come from elsewhere than Debian.
  if [[ "$pkg" == nodejs ]] && command -v node >/dev/null; then continue; fi
  if [[ "$pkg" == npm ]] && command -v npm >/dev/null; then continue; fi
  missing+=("$pkg")
done
if (( ${#missing[@]} )); then
  echo "setup: installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Python packages from requirements.lock (every package of the tree pinned, with its hashes),
# reinstalled only when the lock changes. The lock must be in step with requirements.txt, the
# list people edit; `make lock` regenerates it. Wheels only: pip checks no hash of what it would
# download to build a source distribution.
if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating .venv"
  python3 -m venv .venv
fi
.venv/bin/python scripts/lock_check.py
stamp=.venv/.requirements.lock.sha
sum=$(sha256sum requirements.lock | cut -d' ' -f1)
if [[ ! -f $stamp || "$(cat "$stamp")" != "$sum" ]]; then
  echo "setup: installing Python packages into .venv"
  .venv/bin/python -m pip install -q --disable-pip-version-check --require-hashes \
    --only-binary :all: -r requirements.lock
  echo "$sum" > "$stamp"
fi

# The page benchmark's Lighthouse, pinned by tools/lighthouse/package-lock.json (12.2.3: 13 needs
# Node 22), installed with npm from the registry when missing or when the lock changes.
if (( want_bench )); then
  lock=tools/lighthouse/package-lock.json
  stamp=tools/lighthouse/node_modules/.lock.sha
  sum=$(sha256sum "$lock" | cut -d' ' -f1)
  if [[ ! -f $stamp || "$(cat "$stamp")" != "$sum" ]]; then
    echo "setup: installing lighthouse into tools/lighthouse/node_modules"
    (cd tools/lighthouse && npm ci --no-audit --no-fund --loglevel=error)
    echo "$sum" > "$stamp"
  fi
fi
