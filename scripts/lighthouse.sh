#!/usr/bin/env bash
# Lighthouse on every public page, as a phone on a slow network sees it. A benchmark, not a test:
# scripts/test.sh does not run it.
#
#   scripts/lighthouse.sh                  # every page, 3 runs each, the median kept
#   LH_RUNS=1 scripts/lighthouse.sh        # quicker, noisier
#   LH_PAGES="/ /services" scripts/lighthouse.sh
#
# What it does:
#  1. installs Debian's Chromium when missing, and Lighthouse (pinned below) into tools/lighthouse/
#     with npm (12.x runs on Debian's Node 20; 13.x wants Node 22);
#  2. publishes the site in Release and starts it with Production settings on loopback, with its
#     own throwaway database, mail folder and key-encryption certificate;
#  3. finds the pages: /, /services and each service, /articles and each article, every other
#     public page in the footer, and /book with its next two steps (a real service, length,
#     postcode and free time);
#  4. runs Lighthouse in its default mobile mode (simulated slow 4G, a mid-range phone) LH_RUNS times
#     per page, keeps the median by performance score, and prints a table that it also writes to
#     docs/lighthouse-latest.md (docs/performance-latest.md stays bench.sh's).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

lighthouse_version=12.8.2
runs=${LH_RUNS:-3}
port=${LH_PORT:-5398}
base="http://127.0.0.1:$port"
out=${LH_OUTPUT:-docs/lighthouse-latest.md}
work=$(mktemp -d "${TMPDIR:-/tmp}/paulmassage-lighthouse.XXXXXX")
site_pid=""
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  if [ -z "${LH_KEEP:-}" ]; then rm -rf "$work"; else echo "Kept $work"; fi
}
trap cleanup EXIT

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Debian's Chromium..."
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi
for tool in node npm openssl python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed"; exit 1; }
done

# 1. Lighthouse, pinned, in a folder of its own (ignored by git).
lh_dir="$root/tools/lighthouse"
lighthouse="$lh_dir/node_modules/.bin/lighthouse"
if [ ! -x "$lighthouse" ] || [ "$("$lighthouse" --version 2>/dev/null)" != "$lighthouse_version" ]; then
  echo "Installing Lighthouse $lighthouse_version..."
  mkdir -p "$lh_dir"
  (cd "$lh_dir" && npm install --no-audit --no-fund --silent "lighthouse@$lighthouse_version" >/dev/null)
fi

if curl -fsS "$base/health" >/dev/null 2>&1; then
  echo "Something already answers on $base; stop it or set LH_PORT."; exit 1
fi

# 2. The published site with Production settings.
echo "Publishing the site..."
dotnet publish src/PaulMassage.Web -c Release -o "$work/site" -nologo -v q >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }
# A throwaway certificate that protects the key ring, as a real deployment has (docs/deploy.md).
source scripts/lib/key-certificate.sh
key_certificate=$(make_key_certificate "$work/keys")

echo "Starting it on $base (Production settings, plain http on loopback)..."
(
  cd "$work/site"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$base" \
  ConnectionStrings__Sqlite="Data Source=$work/lighthouse.db" \
  Logging__Folder="$work/logs" \
  Email__PickupDirectory="$work/mail" \
  Practice__BaseUrl="$base" \
  DataProtection__CertificatePath="$key_certificate" \
  Seed__TherapistEmail=lighthouse-therapist@lighthouse.example \
  Seed__TherapistPassword=lighthouse-only-therapist-passphrase \
  Security__SecureCookies=false \
  Security__RateLimit__PermitLimit=100000 \
  exec dotnet PaulMassage.Web.dll
) >"$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 120); do
  kill -0 "$site_pid" 2>/dev/null || { echo "The site exited:"; cat "$work/site.log"; exit 1; }
  curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fsS "$base/health" >/dev/null || { echo "The site did not start:"; cat "$work/site.log"; exit 1; }

# 3. The pages, found by following the site's own links.
# The pages a page links to under a prefix (not the RSS feed: Lighthouse measures HTML pages only).
links() { curl -fsS "$base$1" | grep -o "href=\"$2[^\"#?]*\"" | sed 's/^href="//;s/"$//' | grep -v '\.xml$' | sort -u; }
if [ -n "${LH_PAGES:-}" ]; then
  read -r -a pages <<<"$LH_PAGES"
else
  pages=(/ /services)
  mapfile -t -O "${#pages[@]}" pages < <(links /services /services/)
  pages+=(/articles)
  mapfile -t -O "${#pages[@]}" pages < <(links /articles /articles/)
  # Every other public page the footer links to (privacy, about, FAQ, terms, reviews as they arrive).
  mapfile -t -O "${#pages[@]}" pages < <(curl -fsS "$base/" | sed -n '/<footer/,/<\/footer>/p' \
    | grep -o 'href="/[a-z][^"#?]*"' | sed 's/^href="//;s/"$//' \
    | grep -vE '^/(services|articles|book|account|admin|bookings)(/|$)|\.xml$' | sort -u)
  # /book and its next two steps, with a real choice.
  service=$(links /services /services/ | head -1 | sed 's|/services/||')
  from=$(date -u -d '+3 days' +%Y-%m-%d)
  start=$(curl -fsS "$base/api/availability?service=$service&minutes=60&from=$from&days=14" \
    | python3 -c 'import json,sys,datetime as d; f=[x for x in json.load(sys.stdin)["free"] if x["windows"]]; print(d.datetime.fromisoformat(f[0]["date"]+"T"+f[0]["windows"][0][0]).astimezone(d.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ") if f else "")')
  pages+=(/book "/book/slots?service=$service&minutes=60&postcode=SE1%207PB")
  [ -n "$start" ] && pages+=("/book/details?service=$service&minutes=60&postcode=SE1%207PB&start=$start")
fi

# 4. Lighthouse, LH_RUNS times a page; the run with the median performance score is kept.
export CHROME_PATH=/usr/bin/chromium
summarise() { # summarise REPORT.json -> "perf a11y bp seo kib lcp_ms render_blocking console_errors"
  python3 - "$1" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
c, a = r["categories"], r["audits"]
score = lambda k: c[k]["score"] if c.get(k) and c[k]["score"] is not None else -1
kib = a["total-byte-weight"]["numericValue"] / 1024
lcp = a["largest-contentful-paint"]["numericValue"]
blocking = len((a.get("render-blocking-resources", {}).get("details") or {}).get("items") or [])
errors = len((a.get("errors-in-console", {}).get("details") or {}).get("items") or [])
print(f'{score("performance")} {score("accessibility")} {score("best-practices")} {score("seo")} {kib:.1f} {lcp:.0f} {blocking} {errors}')
PY
}

rows=()
for page in "${pages[@]}"; do
  # Warm up first, as Chromium asks for it: the run measures the site as visitors after the first
  # one find it (compiled, its output cache filled), not the first request after a start.
  for _ in 1 2; do curl -fsS -o /dev/null -H 'Accept-Encoding: gzip, deflate, br' "$base$page" || true; done
  results=()
  for run in $(seq 1 "$runs"); do
    report="$work/report-$(echo "$page" | tr -c 'a-zA-Z0-9' '_')-$run.json"
    if "$lighthouse" "$base$page" --quiet --output=json --output-path="$report" \
        --only-categories=performance,accessibility,best-practices,seo \
        --chrome-flags="--headless=new --no-sandbox --disable-gpu" >"$work/lh.log" 2>&1; then
      results+=("$(summarise "$report")")
    else
      echo "Lighthouse failed on $page:"; tail -5 "$work/lh.log"
    fi
  done
  [ "${#results[@]}" -eq 0 ] && continue
  median=$(printf '%s\n' "${results[@]}" | sort -n -k1,1 | sed -n "$(((${#results[@]} + 1) / 2))p")
  read -r perf a11y bp seo kib lcp blocking errors <<<"$median"
  label=$page
  [ "${#label}" -gt 48 ] && label="${label:0:45}..."
  rows+=("| \`$label\` | $perf | $a11y | $bp | $seo | $kib KiB | $(python3 -c "print(f'{$lcp/1000:.1f}')") s | $blocking | $errors |")
  echo "${rows[-1]}"
done

{
  echo "# Lighthouse, latest run"
  echo
  echo "Written by \`scripts/lighthouse.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'): Lighthouse $lighthouse_version, mobile"
  echo "(simulated slow 4G), Debian's Chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), the published site with"
  echo "Production settings on loopback; median of $runs runs per page by performance score."
  echo "Machine: $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')), $(free -g | awk '/Mem:/ {print $2}') GB."
  echo
  echo "| page | performance | accessibility | best practices | SEO | bytes | LCP | render-blocking | console errors |"
  echo "|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
  echo
  echo "Targets (issue 17): 1 in performance, accessibility and best practices on every page, 1 in SEO on every"
  echo "indexed page; at most 35 KiB for the whole page; LCP at most 1.2 s; no render-blocking request but one small"
  echo "stylesheet; no console error."
} >"$out"
echo "Written to $out"
