#!/usr/bin/env bash
# Runs lint, typecheck, the unit and component tests and the integration tests under another Node
# major, in a fresh clone of the committed HEAD, so the working tree's node_modules (whose native
# modules are built for the Node on PATH) is left alone. Not part of CI; run it by hand when the
# supported Node versions or a native dependency change.
#
#   scripts/node-matrix.sh 24                # clone into /tmp/node-matrix-24
#   scripts/node-matrix.sh 22 /tmp/elsewhere
#   TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test scripts/node-matrix.sh 24
#                                            # also the PostgreSQL integration suite
#
# Needs only the npm registry: better-sqlite3's prebuilt binaries come from elsewhere, so it is
# compiled against the headers of the chosen Node (make, g++ and python3 must be installed). The npm
# already on PATH runs under the chosen Node, since its shebang is `env node`.
set -euo pipefail

major=${1:?usage: scripts/node-matrix.sh <node major> [clone dir]}
dir=${2:-/tmp/node-matrix-$major}
repo=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)

# The npm package node-<platform>-<arch> holds the Node binary and its C headers. (`npx node@N`
# installs the same package, but a later npx run prunes it and the headers go with it.)
runtime=${NODE_MATRIX_RUNTIMES:-/tmp/node-matrix-runtimes}/$major
if [ ! -f "$runtime/include/node/node_version.h" ]; then
  rm -rf "$runtime"
  mkdir -p "$runtime"
  platform=$(node -p 'process.platform + "-" + process.arch')
  tarball=$(cd "$runtime" && npm pack --silent "node-$platform@$major")
  tar -xzf "$runtime/$tarball" -C "$runtime" --strip-components=1
  rm "$runtime/$tarball"
fi

rm -rf "$dir"
git clone --quiet "$repo" "$dir"
cd "$dir"

export PATH="$runtime/bin:$PATH"
# node-gyp reads this instead of downloading the headers.
export npm_config_nodedir="$runtime"
echo "node $(node --version), npm $(npm --version), in $dir"

npm ci --no-audit --no-fund 2>&1 | tee npm-ci.log
grep EBADENGINE npm-ci.log || echo "npm ci: no EBADENGINE warnings"
node -e 'require("better-sqlite3")(":memory:").close(); console.log("better-sqlite3 loads under", process.version)'

failed=()
run() {
  echo "==> $*"
  "$@" || failed+=("$*")
}
run npm run lint
run npm run typecheck
run npm run test:unit
run npx vitest run --project integration-sqlite
if [ -n "${TEST_DATABASE_URL:-}" ]; then
  run npx vitest run --project integration-postgres
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "Failed under Node $(node --version):"
  printf '  %s\n' "${failed[@]}"
  exit 1
fi
echo "All passed under Node $(node --version)."
