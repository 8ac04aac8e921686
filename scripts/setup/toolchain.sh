#!/usr/bin/env bash
# Puts the pinned Node and pnpm first on PATH, installing them into a cache folder when missing, and installs the
# project's dependencies when the lockfile changed since the last install. Needs only bash and curl or npm.
# Sourced by ./switchboard and .ci/bootstrap.sh; it defines functions and changes nothing until they are called.

SWITCHBOARD_NODE_VERSION="$(tr -d ' \n\r' < "$SWITCHBOARD_ROOT/.nvmrc")"
SWITCHBOARD_PNPM_VERSION="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "$SWITCHBOARD_ROOT/package.json")"
SWITCHBOARD_TOOL_CACHE="${SWITCHBOARD_TOOL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/switchboard-tools}"
NPM_REGISTRY="${npm_config_registry:-${NPM_CONFIG_REGISTRY:-https://registry.npmjs.org}}"
NPM_REGISTRY="${NPM_REGISTRY%/}"

say() { printf '[switchboard] %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

# A TLS-intercepting proxy's CA is in the system bundle; Node reads only its own unless told (TOOLCHAIN trap 1).
for bundle in /etc/ssl/certs/ca-certificates.crt /etc/pki/tls/certs/ca-bundle.crt /etc/ssl/cert.pem; do
  if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -r "$bundle" ]; then export NODE_EXTRA_CA_CERTS="$bundle"; fi
done
export TURBO_TELEMETRY_DISABLED=1

platform_name() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) die "unsupported operating system $(uname -s): install Node $SWITCHBOARD_NODE_VERSION and pnpm $SWITCHBOARD_PNPM_VERSION yourself, then use pnpm start / pnpm test" ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) die "unsupported processor $(uname -m): install Node $SWITCHBOARD_NODE_VERSION and pnpm $SWITCHBOARD_PNPM_VERSION yourself" ;;
  esac
  echo "$os-$arch"
}

sha_of() { # <algorithm 256|512> <file>: the digest in base64, as npm's integrity strings carry it
  if command -v openssl >/dev/null; then openssl dgst "-sha$1" -binary "$2" | openssl base64 -A
  elif command -v "sha${1}sum" >/dev/null; then "sha${1}sum" "$2" | cut -d' ' -f1 | xxd -r -p | base64 | tr -d '\n'
  else shasum -a "$1" "$2" | cut -d' ' -f1 | xxd -r -p | base64 | tr -d '\n'
  fi
}

# Fetches one npm package's tarball into <dest>/package.tgz: with npm when there is one (it checks the integrity),
# else with curl from the registry, checking the sha512 the registry publishes. Fails when the version is not there.
fetch_npm_package() { # <name> <version> <dest>
  local name="$1" version="$2" dest="$3"
  if command -v npm >/dev/null; then
    (cd "$dest" && npm pack --silent --registry "$NPM_REGISTRY/" "$name@$version" >/dev/null 2>&1) || return 1
    mv "$dest"/*.tgz "$dest/package.tgz"
    return 0
  fi
  command -v curl >/dev/null || die "neither npm nor curl is installed: install one of them (Debian/Ubuntu: sudo apt-get install curl)"
  local meta tarball integrity
  meta="$(curl -fsSL "$NPM_REGISTRY/$name/$version")" || return 1
  tarball="$(printf '%s' "$meta" | tr ',' '\n' | sed -n 's/.*"tarball" *: *"\([^"]*\)".*/\1/p' | head -n1)"
  integrity="$(printf '%s' "$meta" | tr ',' '\n' | sed -n 's/.*"integrity" *: *"sha512-\([^"]*\)".*/\1/p' | head -n1)"
  [ -n "$tarball" ] || return 1
  curl -fsSL -o "$dest/package.tgz" "$tarball" || return 1
  if [ -n "$integrity" ] && [ "$(sha_of 512 "$dest/package.tgz")" != "$integrity" ]; then
    die "the download of $name@$version does not match the registry's checksum; try again"
  fi
}

# Node's own build from nodejs.org, for platforms the npm registry has no package of this version for.
fetch_node_release() { # <platform> <dest>
  local file="node-v$SWITCHBOARD_NODE_VERSION-$1.tar.gz" base="https://nodejs.org/dist/v$SWITCHBOARD_NODE_VERSION"
  command -v curl >/dev/null || die "installing Node $SWITCHBOARD_NODE_VERSION for $1 needs curl"
  curl -fsSL -o "$2/$file" "$base/$file" || die "could not download $base/$file"
  local expected
  expected="$(curl -fsSL "$base/SHASUMS256.txt" | grep " $file\$" | cut -d' ' -f1)"
  local actual
  if command -v sha256sum >/dev/null; then actual="$(sha256sum "$2/$file" | cut -d' ' -f1)"; else actual="$(shasum -a 256 "$2/$file" | cut -d' ' -f1)"; fi
  [ -n "$expected" ] && [ "$expected" = "$actual" ] || die "the download of $file does not match nodejs.org's checksum; try again"
  mkdir -p "$2/package" && tar -xzf "$2/$file" -C "$2/package" --strip-components=1
}

ensure_node() {
  local dir="$SWITCHBOARD_TOOL_CACHE/node-$SWITCHBOARD_NODE_VERSION"
  if [ ! -x "$dir/bin/node" ] || [ "$("$dir/bin/node" --version 2>/dev/null)" != "v$SWITCHBOARD_NODE_VERSION" ]; then
    local platform tmp
    platform="$(platform_name)"
    say "installing Node $SWITCHBOARD_NODE_VERSION ($platform) into $dir"
    mkdir -p "$SWITCHBOARD_TOOL_CACHE"
    tmp="$(mktemp -d "$SWITCHBOARD_TOOL_CACHE/.node-XXXXXX")"
    if fetch_npm_package "node-$platform" "$SWITCHBOARD_NODE_VERSION" "$tmp"; then
      tar -xzf "$tmp/package.tgz" -C "$tmp"
    else
      fetch_node_release "$platform" "$tmp"
    fi
    rm -rf "$dir" && mv "$tmp/package" "$dir" && rm -rf "$tmp"
    "$dir/bin/node" --version >/dev/null || die "the Node $SWITCHBOARD_NODE_VERSION installed into $dir does not run on this machine"
  fi
  export PATH="$dir/bin:$PATH"
}

ensure_pnpm() {
  local dir="$SWITCHBOARD_TOOL_CACHE/pnpm-$SWITCHBOARD_PNPM_VERSION"
  if [ ! -x "$dir/bin/pnpm" ]; then
    local tmp
    say "installing pnpm $SWITCHBOARD_PNPM_VERSION into $dir"
    mkdir -p "$SWITCHBOARD_TOOL_CACHE"
    tmp="$(mktemp -d "$SWITCHBOARD_TOOL_CACHE/.pnpm-XXXXXX")"
    fetch_npm_package pnpm "$SWITCHBOARD_PNPM_VERSION" "$tmp" || die "could not download pnpm $SWITCHBOARD_PNPM_VERSION from $NPM_REGISTRY"
    tar -xzf "$tmp/package.tgz" -C "$tmp"
    mkdir -p "$tmp/package/bin-switchboard"
    # pnpm is a JavaScript bundle: run it with the Node first on PATH (ours).
    printf '#!/bin/sh\nexec node "%s/lib/pnpm-bundle/bin/pnpm.cjs" "$@"\n' "$dir" > "$tmp/package/bin-switchboard/pnpm"
    chmod +x "$tmp/package/bin-switchboard/pnpm"
    rm -rf "$dir" && mkdir -p "$dir/bin" "$dir/lib" && mv "$tmp/package" "$dir/lib/pnpm-bundle" && rm -rf "$tmp"
    mv "$dir/lib/pnpm-bundle/bin-switchboard/pnpm" "$dir/bin/pnpm"
  fi
  export PATH="$dir/bin:$PATH"
}

ensure_toolchain() {
  ensure_node
  ensure_pnpm
}

# `pnpm install` when node_modules is missing or the lockfile, workspace or patches changed since the last one.
ensure_dependencies() {
  local stamp="$SWITCHBOARD_ROOT/node_modules/.switchboard-install" wanted
  wanted="$(cd "$SWITCHBOARD_ROOT" && cat pnpm-lock.yaml pnpm-workspace.yaml package.json patches/* 2>/dev/null | node -e '
    const h = require("node:crypto").createHash("sha256"); process.stdin.on("data", (d) => h.update(d)).on("end", () => console.log(h.digest("hex")));')"
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$wanted" ]; then return 0; fi
  say "installing dependencies (pnpm install)"
  (cd "$SWITCHBOARD_ROOT" && pnpm install --frozen-lockfile --reporter=append-only) || die "pnpm install failed (see above)"
  echo "$wanted" > "$stamp"
}
