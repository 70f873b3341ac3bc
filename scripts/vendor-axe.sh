#!/usr/bin/env bash
# Refreshes axe-core, the accessibility engine the browser tests inject into each page, from the
# npm registry. It lives in the TEST project (tests/PaulMassage.BrowserTests/axe), never in the site.
# The version is pinned here; run it after changing it and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
version=4.14.1
dest=tests/PaulMassage.BrowserTests/axe
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack "axe-core@$version" --silent >/dev/null && mkdir -p axe-core && tar xzf axe-core-*.tgz -C axe-core --strip-components=1)
rm -rf "$dest" && mkdir -p "$dest"
cp "$work/axe-core/axe.min.js" "$dest/axe.min.js"
cp "$work/axe-core/LICENSE" "$dest/LICENSE"
[ -f "$work/axe-core/LICENSE-3RD-PARTY.txt" ] && cp "$work/axe-core/LICENSE-3RD-PARTY.txt" "$dest/"
echo "axe-core $version" > "$dest/VERSION"
