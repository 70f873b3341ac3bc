#!/usr/bin/env bash
# Runs the sqlmap and wapiti scanners (Debian packages, installed when missing) against a
# throwaway instance of the site on the loopback interface, and writes their findings to
# artifacts/security/. Each scanner is capped at SCAN_MINUTES (10 by default). Nothing leaves
# 127.0.0.1. Usage: scripts/security-scan.sh   (env: SCAN_PORT=5399 SCAN_MINUTES=10)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out="$root/artifacts/security"
port=${SCAN_PORT:-5399}
minutes=${SCAN_MINUTES:-10}
tools=${SCAN_TOOLS:-sqlmap wapiti}
base="http://127.0.0.1:$port"
mkdir -p "$out"

if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
for tool in sqlmap wapiti; do
  if ! command -v "$tool" >/dev/null; then
    echo "Installing $tool..."
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$tool" >/dev/null
  fi
done

work=$(mktemp -d)
site_pid=""
cleanup() {
  if [ -n "$site_pid" ]; then kill "$site_pid" 2>/dev/null || true; wait "$site_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
source scripts/lib/key-certificate.sh
key_certificate=$(make_key_certificate "$work/keys")

if curl -fsS "$base/health" >/dev/null 2>&1; then
  echo "Something already answers on $base; stop it or set SCAN_PORT."; exit 1
fi

echo "Building the site..."
dotnet publish src/PaulMassage.Web -c Release -o "$work/site" -nologo -v q >/dev/null

echo "Starting a throwaway instance on $base (Production settings, plain http, its own database)..."
(
  cd "$work/site"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="$base" \
  ConnectionStrings__Sqlite="Data Source=$work/scan.db" \
  Logging__Folder="$work/logs" \
  Email__PickupDirectory="$work/mail" \
  Practice__BaseUrl="$base" \
  Seed__TherapistEmail=scan-therapist@scan.example \
  Seed__TherapistPassword=scan-only-therapist-passphrase \
  Security__SecureCookies=false \
  Security__RateLimit__PermitLimit=100000 \
  DataProtection__CertificatePath="$key_certificate" \
  exec dotnet PaulMassage.Web.dll >"$out/site.log" 2>&1
) &
site_pid=$!
for _ in $(seq 1 120); do
  kill -0 "$site_pid" 2>/dev/null || { echo "The site exited; see $out/site.log"; exit 1; }
  grep -q "Now listening on" "$out/site.log" 2>/dev/null && curl -fsS "$base/health" >/dev/null 2>&1 && break
  sleep 1
done
curl -fsS "$base/health" >/dev/null || { echo "The site did not start; see $out/site.log"; exit 1; }

# A free slot, so the booking form can be scanned with a real start time.
from=$(date -u -d '+3 days' +%Y-%m-%d)
start=$(curl -fsS "$base/api/availability?service=deep-tissue-massage&minutes=60&from=$from&days=14" \
  | python3 -c 'import json,sys; s=json.load(sys.stdin)["slots"]; print(s[0]["startUtc"].replace("+00:00","Z") if s else "")')
details="$base/book/details?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&start=$start"

# An antiforgery cookie and its token for a form page: ASP.NET Core tokens stay valid for that
# cookie, so sqlmap can post many times with one pair (its own token finder does not parse our markup).
form_session() {
  local jar="$work/jar-$1"
  local token
  token=$(curl -fsS -c "$jar" "$2" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//')
  local cookie
  cookie=$(awk '(!/^#/ || /^#HttpOnly_/) && NF >= 7 { printf "%s=%s; ", $6, $7 }' "$jar")
  printf '%s\n%s\n' "$cookie" "$token"
}

sqlmap_common=(--batch --level 2 --risk 1 --timeout 10 --retries 0 --flush-session
  --output-dir "$out/sqlmap" --disable-coloring)
run_sqlmap() {
  local name=$1; shift
  echo "sqlmap: $name"
  timeout $((minutes * 60 / 4)) sqlmap "${sqlmap_common[@]}" "$@" >"$out/sqlmap-$name.txt" 2>&1 || true
}
if [[ " $tools " == *" sqlmap "* ]]; then
run_sqlmap availability -u "$base/api/availability?service=deep-tissue-massage&minutes=60&from=$from&days=7" -p service,minutes,from,days
run_sqlmap slots -u "$base/book/slots?service=deep-tissue-massage&minutes=60&postcode=SE1+7PB" -p service,minutes,postcode
{ read -r cookie; read -r token; } < <(form_session sign-in "$base/account/sign-in")
run_sqlmap sign-in -u "$base/account/sign-in" --method POST --cookie "$cookie" \
  --data "Email=someone%40scan.example&Password=not-the-password&ReturnUrl=%2F&__RequestVerificationToken=$token" \
  -p Email,Password,ReturnUrl
{ read -r cookie; read -r token; } < <(form_session booking "$details")
run_sqlmap booking -u "$base/book/details" --method POST --cookie "$cookie" \
  --data "Service=deep-tissue-massage&Minutes=60&Postcode=SE1+7PB&Start=$start&Name=Scan+Tester&Email=scan%40scan.example&Phone=07700+900123&AddressLine1=1+Scan+Street&Town=London&MainComplaint=Stiff+back&PainAreas=LowerBack&PainIntensity=4&Duration=UnderSixWeeks&Feelings=Stiffness&NoRedFlags=true&MedicalHistory=None&ConsentToHealthData=true&AcceptCancellationPolicy=true&__RequestVerificationToken=$token" \
  -p Name,Email,Postcode,MainComplaint,MedicalHistory,Start,PainIntensity
fi

if [[ " $tools " == *" wapiti "* ]]; then
echo "wapiti: crawling and attacking $base (at most $minutes minutes)"
# Only modules that stay on the target: ssrf and xxe would call wapiti's public endpoint, so they
# are left out and both endpoints point at the site itself; --no-bugreport sends nothing home.
timeout $((minutes * 60 + 60)) wapiti -u "$base/" --scope folder --flush-session --max-scan-time $((minutes * 60)) \
  --external-endpoint "$base/" --internal-endpoint "$base/" --no-bugreport \
  --max-links-per-page 50 --max-files-per-dir 50 -m "sql,blindsql,xss,permanentxss,exec,file,crlf,redirect,csp,http_headers,cookieflags,csrf,methods,backup,htaccess" \
  -f txt -o "$out/wapiti.txt" >"$out/wapiti-run.txt" 2>&1 || true
fi

echo
echo "sqlmap verdicts:"
grep -hE "appears to be injectable|is vulnerable|all tested parameters do not appear to be injectable|no parameter\(s\) found|sqlmap identified" "$out"/sqlmap-*.txt | sort | uniq -c || true
echo "Findings are in $out/ (sqlmap-*.txt, sqlmap/, wapiti.txt)."
