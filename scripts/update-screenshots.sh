#!/usr/bin/env bash
# Copies the chosen screenshots of the last browser-test run (tests/PaulMassage.BrowserTests/
# TestResults/screenshots, written on every run) into docs/screenshots, which is committed and shown
# in the README. Squeezes them with pngquant when it is installed (apt-get install pngquant).
# Usage: dotnet test tests/PaulMassage.BrowserTests && scripts/update-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
from=tests/PaulMassage.BrowserTests/TestResults/screenshots
to=docs/screenshots
# source name[:name in docs]
chosen=(home services article-choosing-a-massage-technique:article booking-step1 booking-step2 booking-step3 manage safety-stop admin-week admin-day account-history address-check admin-request-not-me admin-plan account-plan)

mkdir -p "$to"
for entry in "${chosen[@]}"; do
  source=${entry%%:*} target=${entry#*:}
  for viewport in phone desktop; do
    file="$from/$source-$viewport.png"
    [ -f "$file" ] || { echo "Missing $file: run the browser tests first." >&2; exit 1; }
    if command -v pngquant >/dev/null; then
      pngquant --quality=70-95 --speed 1 --strip --force --output "$to/$target-$viewport.png" "$file"
    else
      cp "$file" "$to/$target-$viewport.png"
    fi
  done
done
ls -l "$to"
