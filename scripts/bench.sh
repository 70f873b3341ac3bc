#!/usr/bin/env bash
# Benchmark: every public page against the machine's own limit, and the therapist's reports page
# signed in, in one run.
#
#   scripts/bench.sh                 # full run: 1 warm-up round (discarded) + 3 measured rounds
#   BENCH_ROUNDS=5 scripts/bench.sh  # more rounds; BENCH_DURATION=10s for longer ones
#
# What it does, in order:
#  1. installs wrk with apt-get when it is missing;
#  2. builds the data generator and publishes the site in Release;
#  3. generates two databases with a seeded generator: 10,000 and 100,000 appointments, with their
#     payments, and a therapist account for this run only;
#  4. starts the site twice in the "Benchmark" environment (no Development seeding, logging at
#     Warning, /bench-bare mapped), one on each database, on loopback ports, and times each start
#     from launching the process to the first 200 from /health (polled every 10 ms); signs in as the
#     therapist on the 10,000 site through the sign-in form, for the reports page;
#  5. drives it with wrk on loopback: a discarded warm-up round, then interleaved rounds in which
#     every endpoint is measured once in the same order (bare, home, services, ...), so the
#     machine's load, whatever it is, weighs on all of them alike;
#  6. prints a table of medians (requests/s, ratio to /bench-bare of the same round, latency
#     median) and the targets, and writes it to docs/performance-latest.md.
# It stops by itself: every wrk run is bounded, and the sites are stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

rounds=${BENCH_ROUNDS:-3}
warmups=${BENCH_WARMUPS:-1}
duration=${BENCH_DURATION:-5s}
warmup_duration=${BENCH_WARMUP_DURATION:-2s}
threads=${BENCH_THREADS:-2}
connections=${BENCH_CONNECTIONS:-32}
port_large=${BENCH_PORT:-5391}
port_small=$((port_large + 1))
small=10000
large=100000
out=${BENCH_OUTPUT:-docs/performance-latest.md}
work=$(mktemp -d "${TMPDIR:-/tmp}/paulmassage-bench.XXXXXX")

pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  if [ -z "${BENCH_KEEP:-}" ]; then rm -rf "$work"; else echo "Kept $work"; fi
}
trap cleanup EXIT

# The key ring's encryption certificate, shared by the generator and the site (scripts/lib/key-certificate.sh).
source scripts/lib/key-certificate.sh
DataProtection__CertificatePath=$(make_key_certificate "$work/keys")
export DataProtection__CertificatePath

# 1. wrk, from Debian.
if ! command -v wrk >/dev/null; then
  echo "Installing wrk..."
  if [ "$(id -u)" -eq 0 ]; then sudo=""; else sudo="sudo"; fi
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wrk >/dev/null
fi
command -v curl >/dev/null || { echo "curl is needed to poll /health"; exit 1; }

# 2. Release builds: the generator (which builds the site too) and the published site.
echo "Building Release..."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build tools/PaulMassage.DataGenerator -c Release --nologo -v quiet -clp:ErrorsOnly >"$work/build.log" 2>&1 \
  || { cat "$work/build.log"; exit 1; }
# As for production: for this machine's runtime, so ReadyToRun applies (BENCH_READY_TO_RUN=0: plain IL).
publish_args=(--use-current-runtime --self-contained false)
[ "${BENCH_READY_TO_RUN:-1}" = "0" ] && publish_args=()
dotnet publish src/PaulMassage.Web -c Release "${publish_args[@]}" -o "$work/site" --nologo -v quiet -clp:ErrorsOnly >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }

# 3. Databases, from the same seed; the first-run seed makes a therapist account with a password of
# this run's own, which signs in to time the reports page.
generator=tools/PaulMassage.DataGenerator/bin/Release/net10.0/PaulMassage.DataGenerator.dll
therapist_email=paul@bench.example
therapist_password=$(od -An -N18 -tx1 /dev/urandom | tr -d ' \n')
for n in $small $large; do
  echo "Generating $n appointments..."
  Seed__TherapistEmail=$therapist_email Seed__TherapistPassword=$therapist_password \
    dotnet "$generator" --database "$work/db-$n.db" --appointments "$n" --seed 20270301 --replace
done

# CPU time (user + system, all threads) a process has used so far, in milliseconds. Unlike
# requests per second it hardly depends on what else the machine is doing.
ticks=$(getconf CLK_TCK)
cpu_ms() { awk -v hz="$ticks" '{ printf "%d\n", ($14 + $15) * 1000 / hz }' "/proc/$1/stat"; }

# 4. The sites. Records the milliseconds from launch to the first 200 from /health. The therapist's
# second factor is not asked for here (Security:RequireTherapistTwoFactor): the run times the
# reports page, not the sign-in, and has no authenticator app to answer one.
start_site() { # start_site N PORT
  local n=$1 port=$2 started now code
  mkdir -p "$work/run-$n"
  started=$(date +%s%N)
  (
    cd "$work/site"
    exec env ASPNETCORE_ENVIRONMENT=Benchmark \
      ASPNETCORE_URLS="http://127.0.0.1:$port" \
      ConnectionStrings__Sqlite="Data Source=$work/db-$n.db" \
      Security__KnownProxies__0=127.0.0.1 \
      Security__RequireTherapistTwoFactor=false \
      Logging__Folder="$work/run-$n/logs" \
      Email__PickupDirectory="$work/run-$n/mail" \
      "$work/site/PaulMassage.Web"
  ) >"$work/run-$n/stdout.log" 2>&1 &
  pids+=("$!")
  echo "$!" >"$work/run-$n/pid"
  while true; do
    code=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null || true)
    [ "$code" = "200" ] && break
    now=$(date +%s%N)
    if [ $(((now - started) / 1000000)) -gt 60000 ]; then
      echo "The site on $n appointments did not answer /health within 60 s:" >&2
      cat "$work/run-$n/stdout.log" >&2
      exit 1
    fi
    sleep 0.01
  done
  now=$(date +%s%N)
  echo $(((now - started) / 1000000)) >"$work/run-$n/startup-ms"
  cpu_ms "$(cat "$work/run-$n/pid")" >"$work/run-$n/startup-cpu-ms"
}

echo "Starting the site on $small and on $large appointments..."
start_site $small "$port_small"
start_site $large "$port_large"
pid_large=$(cat "$work/run-$large/pid")
pid_small=$(cat "$work/run-$small/pid")

base="http://127.0.0.1:$port_large"
base_small="http://127.0.0.1:$port_small"

# The therapist signs in on the 10k site as a browser does: the form's antiforgery cookie and token,
# then the session cookie from the answer (all Secure cookies: asked for through the HTTPS proxy).
cookies_from() { tr -d '\r' <"$1" | sed -n -E 's/^[Ss]et-[Cc]ookie: ([^=;]+=[^;]+);.*/\1/p' | paste -sd';' - | sed 's/;/; /g'; }
curl -s -D "$work/sign-in.headers" -o "$work/sign-in.html" -H "X-Forwarded-Proto: https" "$base_small/account/sign-in"
sign_in_token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/sign-in.html" | head -1 | sed 's/.*value="//; s/"$//')
code=$(curl -s -D "$work/signed-in.headers" -o /dev/null -w '%{http_code}' -H "X-Forwarded-Proto: https" -H "Cookie: $(cookies_from "$work/sign-in.headers")" \
  --data-urlencode "Email=$therapist_email" --data-urlencode "Password=$therapist_password" --data-urlencode "__RequestVerificationToken=$sign_in_token" \
  "$base_small/account/sign-in")
therapist_cookie=$(cookies_from "$work/signed-in.headers")
[ "$code" = "302" ] && [ -n "$therapist_cookie" ] || { echo "Signing in as the therapist answered $code" >&2; exit 1; }
# The reports of this month and of this UK tax year (6 April to 5 April).
tax_year=$(date -u +%Y)
[ "$(date -u +%m%d)" \< "0406" ] && tax_year=$((tax_year - 1))
availability="/api/availability?service=deep-tissue-massage&minutes=60&days=56"
# Step 3 of the booking form for a real free time: the last one offered in the 8 weeks (version 1
# of the API lists each start), so it stays outside the notice window for the whole run.
details_start=$(curl -s "$base$availability&version=1" | grep -o '"startUtc":"[^"]*"' | tail -1 | cut -d'"' -f4)
[ -n "$details_start" ] || { echo "No free time to open the details page with" >&2; exit 1; }
details="/book/details?service=deep-tissue-massage&minutes=60&postcode=SE1%207PB&start=$details_start"
# name|url|accept-encoding|load. Pages are asked for as a browser does (compressed); the bare
# endpoint is the floor, so it is asked for uncompressed. Load "c32" is wrk -t2 -c32 (requests/s
# and latency under load); "c1" is one connection, one request at a time: the time a visitor
# waits when the site is not saturated, which is what the availability latency target is about.
endpoints=(
  "bare|$base/bench-bare||c32"
  "home|$base/|br, gzip|c32"
  "services|$base/services|br, gzip|c32"
  "service|$base/services/deep-tissue-massage|br, gzip|c32"
  "articles|$base/articles|br, gzip|c32"
  "article|$base/articles/understanding-back-pain|br, gzip|c32"
  "book|$base/book|br, gzip|c32"
  "details|$base$details|br, gzip|c32"
  "availability-100k|$base$availability|br, gzip|c32"
  "availability-100k-c1|$base$availability|br, gzip|c1"
  "bare-10k|$base_small/bench-bare||c32"
  "availability-10k|$base_small$availability|br, gzip|c32"
  "availability-10k-c1|$base_small$availability|br, gzip|c1"
  "reports-month-10k-c1|$base_small/admin/reports|br, gzip|c1"
  "reports-taxyear-10k-c1|$base_small/admin/reports?taxYear=$tax_year|br, gzip|c1"
)

# The details page carries a form whose antiforgery cookie is Secure, and the reports are behind the
# Secure session cookie: they are asked for as production serves them, through an HTTPS proxy on
# loopback (Security:KnownProxies above, X-Forwarded-Proto); the reports with the therapist's cookie.
proxy_header() { case "$1" in details | reports*) echo "X-Forwarded-Proto: https" ;; *) echo "X-Bench: 1" ;; esac; }
cookie_header() { case "$1" in reports*) echo "Cookie: $therapist_cookie" ;; *) echo "X-Bench-Cookie: none" ;; esac; }

# Check every endpoint answers 200 before timing it.
for entry in "${endpoints[@]}"; do
  IFS='|' read -r name url encoding load <<<"$entry"
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Accept-Encoding: $encoding" -H "$(proxy_header "$name")" -H "$(cookie_header "$name")" "$url")
  [ "$code" = "200" ] || { echo "$name ($url) answered $code" >&2; exit 1; }
done

# Static files: the layout links fingerprinted names that browsers may keep for a year.
css=$(curl -s "$base/" | grep -o 'href="/css/[a-z]*\.[a-z0-9]*\.css"' | head -1 | cut -d'"' -f2)
css_cache=$(curl -s -o /dev/null -D - -H 'Accept-Encoding: br, gzip' "$base$css" | tr -d '\r' | awk -F': ' 'tolower($1) == "cache-control" { c = $2 } tolower($1) == "content-encoding" { e = $2 } END { print c " (" e ")" }')
echo "Stylesheet $css: Cache-Control $css_cache"
api_bytes=$(curl -s "$base$availability" | wc -c)
api_br_bytes=$(curl -s -H 'Accept-Encoding: br' "$base$availability" | wc -c)
echo "Availability for 8 weeks: $api_bytes bytes ($api_br_bytes in Brotli)"

# 5. Rounds. Each wrk run appends "round name rps p50ms errors cpu-us-per-request" to results.
results="$work/results.txt"
: >"$results"
to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n = n; else if (v ~ /s$/) n *= 1000; printf "%.3f", n }'
}
run_wrk() { # run_wrk ROUND NAME URL ENCODING LOAD DURATION
  local round=$1 name=$2 url=$3 encoding=$4 load=$5 length=$6 log rps p50 errors pid before after requests cpu
  local args=(-t"$threads" -c"$connections")
  [ "$load" = "c1" ] && args=(-t1 -c1)
  [ -n "$encoding" ] && args+=(-H "Accept-Encoding: $encoding")
  args+=(-H "$(proxy_header "$name")" -H "$(cookie_header "$name")")
  pid=$pid_large
  [[ "$url" == "$base_small"* ]] && pid=$pid_small
  log="$work/wrk-$round-$name.txt"
  before=$(cpu_ms "$pid")
  wrk "${args[@]}" -d"$length" --timeout 5s --latency "$url" >"$log"
  after=$(cpu_ms "$pid")
  rps=$(awk '/^Requests\/sec:/ { print $2 }' "$log")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$log")")
  requests=$(awk '/requests in/ { print $1 }' "$log")
  cpu=$(awk -v ms=$((after - before)) -v n="$requests" 'BEGIN { printf "%.0f", (n > 0 ? ms * 1000 / n : 0) }')
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$log")
  echo "$round $name $rps $p50 $errors $cpu" >>"$results"
  printf '  %-22s %9.0f req/s  p50 %8.3f ms  %6d us CPU/request%s\n' "$name" "$rps" "$p50" "$cpu" "$([ "$errors" -gt 0 ] && echo "  ($errors errors)")"
}
sample_rss() { awk '/^VmRSS:/ { print $2 }' "/proc/$pid_large/status" >>"$work/rss-samples.txt"; }

for ((w = 1; w <= warmups; w++)); do
  echo "Warm-up round $w (discarded):"
  for entry in "${endpoints[@]}"; do
    IFS='|' read -r name url encoding load <<<"$entry"
    run_wrk "warmup$w" "$name" "$url" "$encoding" "$load" "$warmup_duration" >/dev/null
  done
done
: >"$results"
: >"$work/rss-samples.txt"
for ((r = 1; r <= rounds; r++)); do
  echo "Round $r of $rounds:"
  for entry in "${endpoints[@]}"; do
    IFS='|' read -r name url encoding load <<<"$entry"
    run_wrk "$r" "$name" "$url" "$encoding" "$load" "$duration"
    sample_rss
  done
done

# 6. Medians, ratios, targets.
hwm_kb=$(awk '/^VmHWM:/ { print $2 }' "/proc/$pid_large/status")
rss_max_kb=$(sort -n "$work/rss-samples.txt" | tail -1)
startup_small=$(cat "$work/run-$small/startup-ms")
startup_large=$(cat "$work/run-$large/startup-ms")
startup_cpu_small=$(cat "$work/run-$small/startup-cpu-ms")
startup_cpu_large=$(cat "$work/run-$large/startup-cpu-ms")
cpu_model=$(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)
mem_total=$(awk '/^MemTotal:/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo)
load=$(cut -d' ' -f1-3 /proc/loadavg)

report=$(awk -v rounds="$rounds" -v hwm="$hwm_kb" -v rssmax="$rss_max_kb" \
  -v s_small="$startup_small" -v s_large="$startup_large" -v c_small="$startup_cpu_small" -v c_large="$startup_cpu_large" '
function median(list, count,   i, j, t, a) {
  split(list, a, " ")
  for (i = 1; i <= count; i++) for (j = i + 1; j <= count; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
  return count % 2 ? a[(count + 1) / 2] : (a[count / 2] + a[count / 2 + 1]) / 2
}
{
  round = $1; name = $2
  rps[name] = rps[name] " " $3; p50[name] = p50[name] " " $4; cpu[name] = cpu[name] " " $6; n[name]++; err[name] += $5
  raw[round, name] = $3; rawcpu[round, name] = $6
  if (!(name in seen)) { seen[name] = 1; order[++names] = name }
}
END {
  for (i = 1; i <= names; i++) {
    name = order[i]; bare = (name ~ /-10k/) ? "bare-10k" : "bare"
    ratios = ""; cpuratios = ""
    for (r = 1; r <= rounds; r++) {
      ratios = ratios " " raw[r, name] / raw[r, bare]
      cpuratios = cpuratios " " (rawcpu[r, name] > 0 ? rawcpu[r, bare] / rawcpu[r, name] : 0)
    }
    mr[name] = median(ratios, n[name]); mc[name] = median(cpuratios, n[name])
    mp[name] = median(p50[name], n[name]); mq[name] = median(rps[name], n[name]); mu[name] = median(cpu[name], n[name])
  }
  target["home"] = 0.6; target["services"] = 0.6; target["service"] = 0.6; target["articles"] = 0.6; target["article"] = 0.6; target["book"] = 0.25; target["details"] = 0.25
  target["availability-100k"] = 0.3; target["availability-10k"] = 0.3
  label["bare"] = "bare endpoint (100k site)"; label["bare-10k"] = "bare endpoint (10k site)"
  label["home"] = "home /"; label["services"] = "services /services"; label["service"] = "one service /services/deep-tissue-massage"
  label["articles"] = "articles /articles"; label["article"] = "one article /articles/understanding-back-pain"; label["book"] = "booking form /book"
  label["details"] = "booking details (step 3) /book/details"
  label["availability-100k"] = "availability 8 weeks, 100k appointments, 32 connections"
  label["availability-10k"] = "availability 8 weeks, 10k appointments, 32 connections"
  label["availability-100k-c1"] = "availability 8 weeks, 100k appointments, 1 connection"
  label["availability-10k-c1"] = "availability 8 weeks, 10k appointments, 1 connection"
  label["reports-month-10k-c1"] = "reports /admin/reports this month, signed in, 10k appointments, 1 connection"
  label["reports-taxyear-10k-c1"] = "reports /admin/reports this tax year, signed in, 10k appointments, 1 connection"
  print "| endpoint | req/s | ratio to bare (req/s) | latency median | server CPU per request | ratio to bare (CPU) | target | met |"
  print "| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |"
  for (i = 1; i <= names; i++) {
    name = order[i]; goal = "-"; met = "-"
    if (name in target) { goal = sprintf(">= %.2f of bare", target[name]); met = (mr[name] >= target[name]) ? "yes" : "NO"; if (met == "NO") missed++ }
    if (name ~ /^availability.*-c1$/) { goal = "median < 5 ms"; met = (mp[name] < 5) ? "yes" : "NO"; if (met == "NO") missed++ }
    if (name ~ /^reports/) { goal = "median < 200 ms"; met = (mp[name] < 200) ? "yes" : "NO"; if (met == "NO") missed++ }
    printf "| %s | %.0f | %.2f | %.3f ms | %.0f us | %.2f | %s | %s%s |\n", label[name], mq[name], mr[name], mp[name], mu[name], mc[name], goal, met, err[name] ? " (" err[name] " errors)" : ""
    if (err[name]) missed++
  }
  growth = mp["availability-100k-c1"] / mp["availability-10k-c1"]
  met = growth <= 1.2 ? "yes" : "NO"; if (met == "NO") missed++
  printf "| availability latency median, 100k / 10k (1 connection) | | | %.2fx | | | <= 1.2x | %s |\n", growth, met
  printf "| availability latency median, 100k / 10k (32 connections) | | | %.2fx | | | - | - |\n", mp["availability-100k"] / mp["availability-10k"]
  mem = (hwm > rssmax ? hwm : rssmax) / 1024
  met = mem < 250 ? "yes" : "NO"; if (met == "NO") missed++
  printf "| site memory under load (peak RSS, VmHWM, 100k site) | | | %.0f MB | | | < 250 MB | %s |\n", mem, met
  worst = s_small > s_large ? s_small : s_large
  met = worst < 2000 ? "yes" : "NO"; if (met == "NO") missed++
  printf "| start to first answered /health (10k / 100k site) | | | %d / %d ms | %d / %d ms CPU | | < 2000 ms | %s |\n", s_small, s_large, c_small, c_large, met
  printf "\n%d target(s) missed.\n", missed
}' "$results")

mkdir -p "$(dirname "$out")"
{
  echo "# Performance: latest benchmark run"
  echo
  echo "Written by \`scripts/bench.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'). See [performance.md](performance.md) for what the"
  echo "figures mean and what was done to reach them."
  echo
  echo "- Machine: $(nproc) cores ($cpu_model), $mem_total memory; load average at the end $load"
  echo "- .NET runtime $(dotnet --list-runtimes | awk '/Microsoft.AspNetCore.App/ { v = $2 } END { print v }'), site published in Release, environment Benchmark"
  echo "- wrk -t$threads -c$connections -d$duration --latency on loopback; $warmups warm-up round(s) of $warmup_duration discarded;"
  echo "  $rounds interleaved rounds; each figure is the median over the rounds, each ratio the median of"
  echo "  (endpoint req/s / bare req/s in the same round); pages asked for with Accept-Encoding: br, gzip"
  echo "- Server CPU per request: the site's user + system CPU time over the wrk run / requests served;"
  echo "  its ratio is bare CPU / endpoint CPU (less sensitive than req/s to other load on the machine)"
  echo "- Databases: $small and $large appointments from tools/PaulMassage.DataGenerator (seed 20270301), with their payments"
  echo "- Reports: signed in as the therapist (sign-in form, no second factor in this run), tax year $tax_year/$(printf '%02d' $(((tax_year + 1) % 100)))"
  echo "- Static files: $css answered with Cache-Control $css_cache"
  echo "- Availability for 8 weeks ($availability): $api_bytes bytes uncompressed, $api_br_bytes in Brotli (target: at most 10 KB uncompressed)"
  echo
  echo "$report"
} >"$out"

echo
cat "$out"
echo
echo "Written to $out"
