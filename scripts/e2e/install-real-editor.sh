#!/usr/bin/env bash
# Install everything the real-editor (code-server + Chromium) end-to-end tests need.
#
#   bash scripts/e2e/install-real-editor.sh
#
# Idempotent: work already done is skipped. Meant for a fresh Debian 12 machine as
# root (CI runs it from .ci/run), and for developers' machines of the same kind.
# Only the npm registry and Debian's apt mirrors are contacted.
#
# Environment:
#   PAR_E2E_HOME             cache root (default: $HOME/.cache/par-plan-e2e)
#   CODE_SERVER_VERSION      default 4.100.3 (newest release that runs on Node 20)
#   PAR_E2E_SKIP_APT=1       do not call apt-get (fail if something is missing)
#
# Result: $PAR_E2E_HOME/code-server/node_modules/.bin/code-server and /usr/bin/chromium.
set -Eeuo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
# code-server 4.100.3 pins @vscode/ripgrep 1.15.11 (lib/vscode/npm-shrinkwrap.json), whose
# install script downloads ripgrep v13.0.0-10 from GitHub unless it finds it in its cache.
RIPGREP_PKG_VERSION="${RIPGREP_PKG_VERSION:-1.15.11}"
RIPGREP_ASSET_VERSION="${RIPGREP_ASSET_VERSION:-v13.0.0-10}"

E2E_HOME="${PAR_E2E_HOME:-${HOME:-/root}/.cache/par-plan-e2e}"
CS_DIR="$E2E_HOME/code-server"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
STAMP="$CS_DIR/.installed-$CODE_SERVER_VERSION"

T0=$(date +%s.%N)
step_t0=$T0
log() { printf '[install-real-editor] %s\n' "$*"; }
fail() { printf '[install-real-editor] ERROR: %s\n' "$*" >&2; exit 1; }
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }
step_start() { step_t0=$(date +%s.%N); log "$*"; }
step_done() { log "  done in $(elapsed "$step_t0") s${1:+ ($1)}"; }
trap 'rc=$?; printf "[install-real-editor] ERROR: failed at line %s (exit %s): %s\n" "$LINENO" "$rc" "$BASH_COMMAND" >&2; exit $rc' ERR

# ---------------------------------------------------------------- preconditions
command -v node >/dev/null || fail "node is not on PATH (Node 20 is required)"
command -v npm >/dev/null || fail "npm is not on PATH"
NODE_MAJOR=$(node -p 'process.versions.node.split(".")[0]')
if [ "$NODE_MAJOR" != "20" ]; then
  fail "code-server $CODE_SERVER_VERSION requires Node 20, found $(node --version). (Newer code-server releases need Node 22+.)"
fi
case "$(uname -m)" in
  x86_64) RG_TARGET=x86_64-unknown-linux-musl ;;
  aarch64) RG_TARGET=aarch64-unknown-linux-musl ;;
  *) fail "unsupported architecture $(uname -m)" ;;
esac
# node-gyp must build node-pty/kerberos/... against the local Node headers: fetching them from
# nodejs.org is impossible here. This machine's npmrc says nodedir=/usr; make sure of it.
if [ -z "${npm_config_nodedir:-}" ] && [ "$(npm config get nodedir 2>/dev/null)" = "undefined" -o -z "$(npm config get nodedir 2>/dev/null)" ]; then
  NODE_PREFIX=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
  if [ -f "$NODE_PREFIX/include/node/node.h" ]; then
    export npm_config_nodedir="$NODE_PREFIX"
  else
    log "warning: no Node headers under $NODE_PREFIX/include/node and no npm nodedir; node-gyp may try to download them"
  fi
fi
log "node $(node --version), npm $(npm --version), cache $E2E_HOME"

# ---------------------------------------------------------------- apt packages
# chromium: the browser; libkrb5-dev: gssapi headers for code-server's `kerberos` addon;
# ripgrep: offline replacement for @vscode/ripgrep's GitHub download; build tools for
# node-pty/kerberos/spdlog; fonts: DejaVu for the UI, Noto Sans Mono for the editor, because
# DejaVu Sans Mono lacks Vietnamese precomposed letters (ế, ỗ, ữ ... render as loose accents).
APT_PKGS=(chromium libkrb5-dev ripgrep build-essential python3 ca-certificates fontconfig fonts-dejavu-core fonts-noto-mono)
missing=()
for p in "${APT_PKGS[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
mkdir -p "$E2E_HOME"
if [ ${#missing[@]} -eq 0 ]; then
  log "apt packages already installed: ${APT_PKGS[*]}"
else
  [ "${PAR_E2E_SKIP_APT:-}" = 1 ] && fail "missing apt packages (PAR_E2E_SKIP_APT=1): ${missing[*]}"
  [ "$(id -u)" = 0 ] || fail "missing apt packages ${missing[*]}; run as root or install them first"
  step_start "apt-get install ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq || fail "apt-get update failed"
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$E2E_HOME/apt.log" 2>&1 \
    || { tail -30 "$E2E_HOME/apt.log" >&2; fail "apt-get install ${missing[*]} failed (log: $E2E_HOME/apt.log)"; }
  step_done
fi
[ -x /usr/bin/chromium ] || fail "/usr/bin/chromium missing after install"
command -v rg >/dev/null || fail "rg (ripgrep) missing after install"

# ---------------------------------------------------------------- code-server
cs_works() { [ -x "$CS_BIN" ] && HOME="$E2E_HOME/version-home" "$CS_BIN" --version >/dev/null 2>&1; }

mkdir -p "$E2E_HOME"
if [ -f "$STAMP" ] && cs_works; then
  log "code-server $CODE_SERVER_VERSION already installed in $CS_DIR"
else
  # Private TMPDIR for the install, holding the ripgrep cache @vscode/ripgrep looks in first:
  # $TMPDIR/vscode-ripgrep-cache-<pkg version>/ripgrep-<asset version>-<target>.tar.gz (rg at top).
  INSTALL_TMP="$E2E_HOME/install-tmp"
  rm -rf "$INSTALL_TMP"
  RG_CACHE="$INSTALL_TMP/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
  mkdir -p "$RG_CACHE"
  step_start "preparing ripgrep cache tarball from $(command -v rg) ($(rg --version | sed -n 1p))"
  RG_STAGE="$INSTALL_TMP/rg-stage"
  mkdir -p "$RG_STAGE"
  cp "$(command -v rg)" "$RG_STAGE/rg"
  tar -C "$RG_STAGE" -czf "$RG_CACHE/ripgrep-$RIPGREP_ASSET_VERSION-$RG_TARGET.tar.gz" rg
  step_done "$RG_CACHE"

  step_start "npm install code-server@$CODE_SERVER_VERSION into $CS_DIR (about 60-120 s)"
  rm -rf "$CS_DIR"
  mkdir -p "$CS_DIR"
  printf '{ "name": "par-plan-e2e-code-server", "private": true }\n' >"$CS_DIR/package.json"
  (
    cd "$CS_DIR"
    export TMPDIR="$INSTALL_TMP"
    export npm_config_unsafe_perm=true   # code-server's postinstall refuses root without it
    export npm_config_yes=true           # else the nested `npx node-gyp` of node-pty is cancelled
    export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false
    npm install --no-save --no-package-lock "code-server@$CODE_SERVER_VERSION" >"$E2E_HOME/npm-install.log" 2>&1
  ) || { tail -40 "$E2E_HOME/npm-install.log" >&2; fail "npm install code-server@$CODE_SERVER_VERSION failed (full log: $E2E_HOME/npm-install.log)"; }
  step_done "log: $E2E_HOME/npm-install.log"

  [ -x "$CS_DIR/node_modules/code-server/lib/vscode/node_modules/@vscode/ripgrep/bin/rg" ] \
    || fail "code-server installed but its ripgrep binary is missing (see $E2E_HOME/npm-install.log)"
  cs_works || fail "code-server installed but '$CS_BIN --version' fails"
  rm -rf "$INSTALL_TMP"
  touch "$STAMP"
fi

CS_VERSION_LINE=$(HOME="$E2E_HOME/version-home" "$CS_BIN" --version 2>/dev/null | sed -n 1p)
CHROMIUM_VERSION=$(/usr/bin/chromium --version 2>/dev/null || echo "?")
log "code-server: $CS_BIN ($CS_VERSION_LINE)"
log "chromium:    /usr/bin/chromium ($CHROMIUM_VERSION)"
log "du: $(du -sh "$CS_DIR" 2>/dev/null | cut -f1) in $CS_DIR"
log "total $(elapsed "$T0") s"
