#!/usr/bin/env bash
# Set up a real VS Code (code-server) plus Debian's Chromium for the end-to-end
# tests in test/e2e/. Idempotent and cached: a second run only checks and exits.
#
#   bash scripts/setup-editor.sh                # code-server + Chromium (tests)
#   bash scripts/setup-editor.sh --no-chromium  # code-server only (npm start)
#
# What it installs, and where:
#   - apt: chromium, ripgrep, libkrb5-dev, pkg-config (system-wide; skipped when present)
#   - code-server@$CODE_SERVER_VERSION into .vscode-test/code-server/ with its own
#     package.json, so the project's package.json / package-lock.json are untouched.
#
# Environment knobs:
#   CODE_SERVER_VERSION   default 4.100.3 (VS Code 1.100.3)
#   CODE_SERVER_DIR       default <repo>/.vscode-test/code-server
set -euo pipefail

CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.100.3}"
# @vscode/ripgrep version/binary that code-server $CODE_SERVER_VERSION depends on.
RIPGREP_PKG_VERSION="${RIPGREP_PKG_VERSION:-1.15.11}"
RIPGREP_BIN_VERSION="${RIPGREP_BIN_VERSION:-v13.0.0-10}"

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CS_DIR="${CODE_SERVER_DIR:-$ROOT/.vscode-test/code-server}"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"

log() { printf '[setup-editor] %s\n' "$*"; }
die() { printf '[setup-editor] ERROR: %s\n' "$*" >&2; exit 1; }

START=$(date +%s)

# ---------------------------------------------------------------- apt packages
WITH_CHROMIUM=1
for arg in "$@"; do
  case "$arg" in
    --no-chromium) WITH_CHROMIUM=0 ;;
    *) die "unknown option: $arg (use --no-chromium)" ;;
  esac
done
# ripgrep is seeded into @vscode/ripgrep's cache; libkrb5-dev and pkg-config build
# code-server's native kerberos module; Chromium drives the workbench in the tests.
APT_PKGS=(ripgrep libkrb5-dev pkg-config)
[ "$WITH_CHROMIUM" = 1 ] && APT_PKGS=(chromium "${APT_PKGS[@]}")
need_apt=0
if [ "$WITH_CHROMIUM" = 1 ]; then command -v chromium >/dev/null 2>&1 || need_apt=1; fi
command -v rg >/dev/null 2>&1 || need_apt=1
for p in libkrb5-dev pkg-config; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt=1
done
if [ "$need_apt" = 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    die "missing system packages, and installing them needs root. Run once:
    sudo apt-get update && sudo apt-get install -y ${APT_PKGS[*]}
  then run this again."
  fi
  command -v apt-get >/dev/null 2>&1 || die "missing system packages (${APT_PKGS[*]}) and no apt-get here: install them with your package manager"

  log "apt: installing ${APT_PKGS[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -q
  apt-get install -y -q --no-install-recommends "${APT_PKGS[@]}"
else
  log "apt: ${APT_PKGS[*]} already present"
fi
if [ "$WITH_CHROMIUM" = 1 ]; then
  log "chromium: $(command -v chromium) ($(chromium --version 2>/dev/null | head -1))"
fi

# ---------------------------------------------------------------- code-server
installed_version() {
  [ -x "$CS_BIN" ] || return 1
  # code-server's postinstall (npm install inside lib/vscode) must have run too:
  # it links node_modules.asar and installs VS Code's own dependencies.
  [ -e "$CS_DIR/node_modules/code-server/lib/vscode/node_modules.asar" ] || return 1
  [ -d "$CS_DIR/node_modules/code-server/lib/vscode/extensions/node_modules" ] || return 1
  # `code-server --version` prints "4.100.3 <commit> with Code 1.100.3" (possibly
  # after log lines when the install is broken).
  "$CS_BIN" --version 2>/dev/null | grep -Eo '^[0-9]+\.[0-9]+\.[0-9]+ [0-9a-f]{40}' | head -1 | cut -d' ' -f1
}

if [ "$(installed_version || true)" = "$CODE_SERVER_VERSION" ]; then
  log "code-server $CODE_SERVER_VERSION already installed: $CS_BIN"
  log "done in $(( $(date +%s) - START ))s"
  exit 0
fi

# @vscode/ripgrep's postinstall downloads a binary from GitHub, which fails here.
# It first looks in its cache dir, $TMPDIR/vscode-ripgrep-cache-<pkg version>/,
# so seed that with Debian's rg packed like the release asset.
case "$(uname -m)" in
  x86_64) RG_TRIPLE=x86_64-unknown-linux-musl ;;
  aarch64 | arm64) RG_TRIPLE=aarch64-unknown-linux-musl ;;
  *) die "unsupported architecture $(uname -m) for the ripgrep cache trick" ;;
esac
TMP_BASE="${TMPDIR:-/tmp}"
RG_CACHE="$TMP_BASE/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION"
RG_TGZ="$RG_CACHE/ripgrep-$RIPGREP_BIN_VERSION-$RG_TRIPLE.tar.gz"
if [ ! -s "$RG_TGZ" ]; then
  log "ripgrep: seeding $RG_TGZ with $(command -v rg)"
  seed="$(mktemp -d)"
  cp "$(command -v rg)" "$seed/rg"
  mkdir -p "$RG_CACHE"
  tar czf "$RG_TGZ" -C "$seed" rg
  rm -rf "$seed"
else
  log "ripgrep: cache already seeded at $RG_TGZ"
fi

# Native modules (kerberos, node-pty, ...) are built with node-gyp, which would
# download Node's headers from the internet. Use the installed headers when they
# match the running Node.
if [ -z "${npm_config_nodedir:-}" ]; then
  node_prefix="$(dirname "$(dirname "$(command -v node)")")"
  hdr="$node_prefix/include/node/node_version.h"
  if [ -f "$hdr" ]; then
    hv="$(awk '/define NODE_(MAJOR|MINOR|PATCH)_VERSION/{v=v (v?".":"") $3} END{print v}' "$hdr")"
    if [ "v$hv" = "$(node -v)" ]; then
      export npm_config_nodedir="$node_prefix"
      log "node-gyp: using local headers from $node_prefix/include/node (node v$hv)"
    fi
  fi
fi

mkdir -p "$CS_DIR"
# Its own package.json makes $CS_DIR the npm project root: nothing is written
# to the repository's package.json / package-lock.json.
cat >"$CS_DIR/package.json" <<EOF
{
  "name": "postmortem-e2e-code-server",
  "private": true,
  "description": "code-server for test/e2e (installed by scripts/setup-editor.sh)",
  "dependencies": { "code-server": "$CODE_SERVER_VERSION" }
}
EOF

log "npm: installing code-server@$CODE_SERVER_VERSION into $CS_DIR (about 280 MB, a few minutes)"
(
  cd "$CS_DIR"
  # npm >= 11.x blocks dependency install scripts unless approved (allowScripts).
  # code-server's postinstall runs `npm install` in lib/vscode (native modules:
  # kerberos, node-pty, @vscode/ripgrep, ...), so allow them all for this
  # isolated install; the env var reaches the nested npm runs as well.
  # npm_config_unsafe_perm is read by code-server's postinstall.sh (as root).
  npm_config_unsafe_perm=true npm_config_yes=true \
    npm_config_dangerously_allow_all_scripts=true npm_config_update_notifier=false \
    npm install --prefix "$CS_DIR" --no-audit --no-fund --loglevel=warn \
    "code-server@$CODE_SERVER_VERSION"
)

got="$(installed_version || true)"
[ "$got" = "$CODE_SERVER_VERSION" ] || die "code-server install failed: $CS_BIN reports '${got:-nothing}'"
log "code-server $got installed: $CS_BIN ($(du -sh "$CS_DIR" | cut -f1))"
log "done in $(( $(date +%s) - START ))s"
