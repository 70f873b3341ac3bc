#!/usr/bin/env bash
# Makes the one stylesheet every page links to, src/PaulMassage.Web/wwwroot/css/bundle.css: the
# compiled Bootstrap subset (tools/css/build.sh) followed by the site's own rules (wwwroot/css/site.css),
# so that the first paint waits for one small request. Needs nothing but a shell: run it after editing
# site.css and commit the result (the unit test TheStylesheet fails while bundle.css is out of date).
set -euo pipefail
cd "$(dirname "$0")/../.."
root=src/PaulMassage.Web/wwwroot
{
  cat "$root/lib/bootstrap/css/bootstrap-subset.css"
  echo
  echo "/* The site's own rules: wwwroot/css/site.css, appended by tools/css/bundle.sh. */"
  cat "$root/css/site.css"
} >"$root/css/bundle.css"
