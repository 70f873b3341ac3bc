#!/usr/bin/env bash
# Refreshes the front-end libraries served from wwwroot/lib (no CDN) from the npm registry.
# The versions are pinned here; run it after changing one and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."
lib=src/PaulMassage.Web/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

fetch() { # package@version -> unpacked in $work/<package>
  local spec=$1 name=${1%@*}
  (cd "$work" && npm pack "$spec" --silent >/dev/null && mkdir -p "$name" && tar xzf "${name//\//-}"-*.tgz -C "$name" --strip-components=1)
}

fetch bootstrap@5.3.9
rm -rf "$lib/bootstrap" && mkdir -p "$lib/bootstrap/css" "$lib/bootstrap/js"
cp "$work/bootstrap/dist/css/bootstrap.min.css" "$work/bootstrap/dist/css/bootstrap.min.css.map" "$lib/bootstrap/css/"
cp "$work/bootstrap/dist/js/bootstrap.bundle.min.js" "$work/bootstrap/dist/js/bootstrap.bundle.min.js.map" "$lib/bootstrap/js/"
cp "$work/bootstrap/LICENSE" "$lib/bootstrap/LICENSE"
echo "bootstrap 5.3.9" > "$lib/VERSIONS"
