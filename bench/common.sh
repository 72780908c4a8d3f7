# Sourced by the bench scripts: a release build, the generator, tools installed where missing, and an
# environment of its own (no user catalogs but the generated ones; a cache that starts empty).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hyperfine hyperfine

cargo build --release --quiet
cargo build --release --quiet --example gen
bin=$PWD/target/release/errcode
gen=$PWD/target/release/examples/gen
out=target/bench
mkdir -p "$out"

# (Cargo and rustup find their homes through HOME: a script that builds after this uses `real_home`.)
real_home=$HOME
export HOME=$PWD/$out/home
unset XDG_CONFIG_HOME XDG_CACHE_HOME ERRCODE_CATALOG_PATH
rm -rf "$HOME" && mkdir -p "$HOME"
