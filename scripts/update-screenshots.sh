#!/usr/bin/env bash
# Copies the chosen screenshots of the last browser-test run (tests/PaulMassage.BrowserTests/
# TestResults/screenshots, written on every run) into docs/screenshots, which is committed and shown
# in the README. Squeezes them with pngquant when it is installed (apt-get install pngquant). The
# receipt the finishing-a-visit journey downloaded (a PDF) is drawn as docs/screenshots/receipt.png
# with pdftoppm (apt-get install poppler-utils).
# Usage: dotnet test tests/PaulMassage.BrowserTests && scripts/update-screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
from=tests/PaulMassage.BrowserTests/TestResults/screenshots
to=docs/screenshots
# source name[:name in docs]
chosen=(home services article-choosing-a-massage-technique:article booking-step1 booking-step2 booking-step3 manage safety-stop admin-requests admin-week admin-day admin-finish bo-admin-bookings-new-course-plan:admin-course-plan account-history address-check admin-request-not-me admin-plan account-plan)

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
# The receipt: its one page at 100 dpi.
receipt="$from/receipt-phone.pdf"
[ -f "$receipt" ] || { echo "Missing $receipt: run the browser tests first." >&2; exit 1; }
command -v pdftoppm >/dev/null || { echo "pdftoppm is needed to draw the receipt: apt-get install poppler-utils" >&2; exit 1; }
pdftoppm -png -r 100 -f 1 -l 1 -singlefile "$receipt" "$to/receipt"
if command -v pngquant >/dev/null; then
  pngquant --quality=70-95 --speed 1 --strip --force --ext .png "$to/receipt.png"
fi
ls -l "$to"
