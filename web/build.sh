#!/bin/sh
# build.sh rebuilds web/dist from web/src: the explorer page, its one
# JavaScript bundle (cytoscape.js and cytoscape-fcose, bundled by esbuild) and
# the licences of the bundled libraries. dist/ is committed, so building
# factgraph needs no npm; run this (or "go generate ./web") after changing
# src/ or package.json, and commit dist/.
set -eu
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --loglevel=error
node --test --test-reporter=dot src/*.test.js
npx --no-install esbuild src/main.js --bundle --minify --format=esm --target=es2020 \
	--legal-comments=none --charset=utf8 --log-level=warning --outfile=dist/app.js
cp src/index.html src/style.css dist/
{
	echo "The factgraph explorer (app.js) bundles the following libraries."
	for pkg in cytoscape cytoscape-fcose cose-base layout-base; do
		echo
		echo "================================================================"
		node -e 'const p=require("./node_modules/'"$pkg"'/package.json"); console.log(p.name+" "+p.version+" ("+p.license+") "+(p.homepage||""))'
		echo "================================================================"
		cat "node_modules/$pkg/LICENSE"
	done
} >dist/THIRD_PARTY_LICENSES.txt
