#!/bin/sh
# build.sh rebuilds web/dist from web/src: the explorer page, its one
# JavaScript bundle (cytoscape.js and cytoscape-fcose, bundled by esbuild) and
# the licences of the bundled libraries. dist/ is committed, so building
# factgraph needs no npm; run this (or "go generate ./web") after changing
# src/ or package.json, and commit dist/.
#
# Environment: OUT=DIR writes the build to DIR instead of dist/ (the Go test
# TestDistUpToDate uses it); OFFLINE=1 skips "npm ci" and the JavaScript unit
# tests and uses the node_modules already installed.
set -eu
cd "$(dirname "$0")"
out=${OUT:-dist}
if [ "${OFFLINE:-}" != 1 ]; then
	npm ci --no-audit --no-fund --loglevel=error
	node --test --test-reporter=dot src/*.test.js
fi
mkdir -p "$out"
node_modules/.bin/esbuild src/main.js --bundle --minify --format=esm --target=es2020 \
	--legal-comments=none --charset=utf8 --log-level=warning --outfile="$out/app.js"
cp src/index.html src/style.css "$out/"
{
	echo "The factgraph explorer (app.js) bundles the following libraries."
	for pkg in cytoscape cytoscape-fcose cose-base layout-base; do
		echo
		echo "================================================================"
		node -e 'const p=require("./node_modules/'"$pkg"'/package.json"); console.log(p.name+" "+p.version+" ("+p.license+") "+(p.homepage||""))'
		echo "================================================================"
		cat "node_modules/$pkg/LICENSE"
	done
} >"$out/THIRD_PARTY_LICENSES.txt"
