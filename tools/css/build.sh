#!/usr/bin/env bash
# Compiles the Bootstrap the site uses (tools/css/bootstrap-subset.scss) from the Sass sources of the
# pinned bootstrap npm package with Debian's sassc, then makes the one stylesheet the site serves
# (tools/css/bundle.sh). Run it after changing the Bootstrap version or bootstrap-subset.scss, and
# commit what it writes; a fresh clone needs neither npm nor Sass to run the site.
#
#   tools/css/build.sh
#
# It writes:
#   src/PaulMassage.Web/wwwroot/lib/bootstrap/css/bootstrap-subset.css  the compiled subset (with its LICENSE)
#   tools/css/bootstrap-classes.txt    every class of the whole Bootstrap, for the test that finds a
#                                      Bootstrap class a view uses but the subset leaves out
#   src/PaulMassage.Web/wwwroot/css/bundle.css                           the subset followed by site.css
# and fails, naming them, when a view uses a Bootstrap class that the subset leaves out.
set -euo pipefail
cd "$(dirname "$0")/../.."

bootstrap_version=5.3.9
web=src/PaulMassage.Web
lib=$web/wwwroot/lib/bootstrap
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

if ! command -v sassc >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  echo "Installing Debian's sassc..."
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq sassc >/dev/null
fi
command -v npm >/dev/null || { echo "npm is needed (apt-get install npm)"; exit 1; }

echo "Fetching bootstrap@$bootstrap_version..."
(cd "$work" && npm pack "bootstrap@$bootstrap_version" --silent >/dev/null && tar xzf "bootstrap-$bootstrap_version.tgz")
bootstrap=$work/package

echo "Compiling tools/css/bootstrap-subset.scss with $(sassc --version | grep libsass)..."
rm -rf "$lib" && mkdir -p "$lib/css"
{
  # Bootstrap's own banner (version, copyright, licence), then what this file is.
  sed -n '/^\/\*!/,/\*\//p' "$bootstrap/dist/css/bootstrap.css" | sed '$d'
  echo " * The part this site uses, compiled by tools/css/build.sh from tools/css/bootstrap-subset.scss."
  echo " */"
  sassc --style compressed --precision 6 -I "$bootstrap/scss" tools/css/bootstrap-subset.scss | grep -v '^/\*!'
} >"$lib/css/bootstrap-subset.css"
cp "$bootstrap/LICENSE" "$lib/LICENSE"
echo "bootstrap $bootstrap_version (the subset in tools/css/bootstrap-subset.scss, compiled by tools/css/build.sh)" >"$web/wwwroot/lib/VERSIONS"

# Every class of the whole Bootstrap, so that a test can tell a Bootstrap class from the site's own.
grep -oE '\.[a-zA-Z][a-zA-Z0-9_-]*' "$bootstrap/dist/css/bootstrap.css" | sed 's/^\.//' | sort -u >tools/css/bootstrap-classes.txt

tools/css/bundle.sh

# The Bootstrap classes the views use that the subset leaves out. The test
# (TheStylesheet.has_every_Bootstrap_class_the_views_and_code_name) checks the same on every build.
missing=()
for class in $(grep -rhoE 'class="[^"]*"|"[a-z][a-z0-9 -]*"|\) [a-z][a-z0-9-]*"' --include=*.cshtml --include=*.cs "$web/Features" "$web/Infrastructure" \
    | grep -oE '[a-z][a-z0-9]*(-[a-z0-9]+)*' | sort -u | comm -12 - tools/css/bootstrap-classes.txt); do
  grep -qE "\.$class([^a-zA-Z0-9_-]|$)" "$web/wwwroot/css/bundle.css" || missing+=("$class")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "Bootstrap classes named in the views or code but not in the subset (add them to tools/css/bootstrap-subset.scss,"
  echo "or ignore those that are only words): ${missing[*]}"
fi
echo "Wrote $lib/css/bootstrap-subset.css ($(wc -c <"$lib/css/bootstrap-subset.css") bytes) and $web/wwwroot/css/bundle.css ($(wc -c <"$web/wwwroot/css/bundle.css") bytes, $(gzip -9 -c "$web/wwwroot/css/bundle.css" | wc -c) gzipped)."
