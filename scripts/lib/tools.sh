# Installs, only where missing, the tools Care Planner needs, then puts them on PATH.
# Sourced by scripts/serve.sh and scripts/test.sh. Every step first checks what is there,
# so a second run installs nothing. Nothing is downloaded except from crates.io, the npm
# registry and Debian's packages: Trunk itself is told never to fetch tools (Trunk.toml).

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
TRUNK_VERSION=0.21.14
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

say() { printf '==> %s\n' "$*"; }

# The wasm-bindgen CLI must be exactly the library version Cargo.lock resolved.
wasm_bindgen_version() {
  awk '$0 == "name = \"wasm-bindgen\"" { getline; gsub(/version = |"/, ""); print; exit }' \
    "$ROOT/Cargo.lock"
}

has_version() { # binary version
  command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -qwF "$2"
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "Rust target wasm32-unknown-unknown: present"
  else
    say "Installing Rust target wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_trunk() {
  if has_version trunk "$TRUNK_VERSION"; then
    say "trunk $TRUNK_VERSION: present"
  else
    say "Installing trunk $TRUNK_VERSION (about 20 minutes on a fresh 2-core machine)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --force
  fi
}

ensure_wasm_bindgen() {
  local version
  version=$(wasm_bindgen_version)
  [ -n "$version" ] || { echo "Cargo.lock names no wasm-bindgen version" >&2; return 1; }
  if has_version wasm-bindgen "$version" && has_version wasm-bindgen-test-runner "$version"; then
    say "wasm-bindgen-cli $version: present"
  else
    # Not --locked: the CLI's own lock file does not resolve against this registry.
    say "Installing wasm-bindgen-cli $version (about 10 minutes on a fresh 2-core machine)"
    cargo install wasm-bindgen-cli --version "$version" --force
  fi
}

# playwright-core, axe-core and binaryen (wasm-opt), exactly as package-lock.json says.
ensure_npm_packages() {
  local stamp="$ROOT/node_modules/.installed-from-lock" want
  want=$(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
    say "npm packages: present"
  else
    say "Installing npm packages from package-lock.json"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
    echo "$want" >"$stamp"
  fi
}

# Debian's Chromium and its ChromeDriver: the only browser the tests use.
ensure_chromium() {
  if command -v chromium >/dev/null 2>&1 && command -v chromedriver >/dev/null 2>&1; then
    say "chromium and chromedriver: present"
    return
  fi
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  say "Installing Debian packages chromium and chromium-driver"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y chromium chromium-driver
}

ensure_build_tools() {
  ensure_wasm_target
  ensure_npm_packages
  ensure_trunk
  ensure_wasm_bindgen
  # Trunk builds offline (Trunk.toml), so every crate must be in the local cache first.
  (cd "$ROOT" && cargo fetch --locked --quiet)
}

ensure_test_tools() {
  ensure_build_tools
  ensure_chromium
}

build_release() {
  say "Building the release app into dist/"
  (cd "$ROOT" && trunk build --release)
}

# One self-contained HTML file from dist/, to open from disk or a file share (docs/offline.md).
build_single_file() {
  say "Building the single file into dist-single/"
  (cd "$ROOT" && node scripts/build-single-file.mjs dist dist-single/care-planner.html)
}
