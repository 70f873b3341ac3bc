#!/usr/bin/env bash
# Smoke test of a real deployment's shape (docs/deploy.md), on this machine, without systemd:
#  1. installs Caddy (Debian's package) if missing;
#  2. publishes the site in Release and starts it with Production settings on loopback, with a
#     throwaway key-encryption certificate, Caddy (127.0.0.1) as its only trusted proxy, a low rate
#     limit and a first-start therapist account;
#  3. runs `caddy run` in the foreground in front of it with Caddy's internal TLS for the name
#     paulmassage.test (its own throwaway certificate authority in a temporary folder; the
#     machine's trust store is never touched);
#  4. scripts/lib/smoke-client.py then checks, through Caddy: HTTPS answers (certificate verified
#     against that authority) and HTTP redirects to it, HSTS, Secure host-only __Host- cookies,
#     the therapist's enrolment in two-factor sign-in and a sign-in with password and code, and
#     that the rate limiter counts the client's own address, which a forged X-Forwarded-For
#     does not change.
# Usage: scripts/smoke-behind-proxy.sh   (SMOKE_PORT, default 8443; the site and HTTP port follow it)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
source scripts/lib/key-certificate.sh

https_port=${SMOKE_PORT:-8443}
http_port=$((https_port - 363))   # 8080 by default
site_port=$((https_port + 1))
host=paulmassage.test
rate_limit=3
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
if ! command -v caddy >/dev/null; then
  echo "Installing Caddy (Debian package)..."
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq caddy >/dev/null
fi
for tool in caddy openssl python3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is needed"; exit 1; }
done
for port in "$https_port" "$http_port" "$site_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "Port $port is in use; stop what listens there or set SMOKE_PORT."; exit 1
  fi
done

work=$(mktemp -d /tmp/paulmassage-smoke.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing the site..."
dotnet publish src/PaulMassage.Web -c Release -o "$work/site" -nologo -v q >"$work/publish.log" 2>&1 \
  || { cat "$work/publish.log"; exit 1; }
certificate=$(make_key_certificate "$work/keys")

therapist_email=smoke-therapist@smoke.example
therapist_password="smoke-only-$(openssl rand -hex 12)"
echo "Starting it on 127.0.0.1:$site_port (Production settings)..."
(
  cd "$work/site"
  ASPNETCORE_ENVIRONMENT=Production \
  ASPNETCORE_URLS="http://127.0.0.1:$site_port" \
  ConnectionStrings__Sqlite="Data Source=$work/data/paulmassage.db" \
  Logging__Folder="$work/logs" \
  Email__PickupDirectory="$work/mail" \
  Backup__Folder="$work/backups" \
  Practice__BaseUrl="https://$host:$https_port" \
  DataProtection__CertificatePath="$certificate" \
  Seed__TherapistEmail="$therapist_email" \
  Seed__TherapistPassword="$therapist_password" \
  Security__KnownProxies__0=127.0.0.1 \
  Security__RateLimit__PermitLimit=$rate_limit \
  exec dotnet PaulMassage.Web.dll
) >"$work/site.log" 2>&1 &
pids+=($!)
mkdir -p "$work/data"

# Caddy's data (its certificate authority, certificates) and config stay in the temporary folder.
cat >"$work/Caddyfile" <<EOF
{
	admin off
	skip_install_trust
	storage file_system $work/caddy
	http_port $http_port
	https_port $https_port
	local_certs
}
$host:$https_port {
	bind 127.0.0.1
	tls internal
	reverse_proxy 127.0.0.1:$site_port
}
EOF
echo "Starting Caddy on 127.0.0.1:$https_port (internal TLS for $host)..."
HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
  caddy run --config "$work/Caddyfile" --adapter caddyfile >"$work/caddy.log" 2>&1 &
pids+=($!)

for _ in $(seq 1 120); do
  for pid in "${pids[@]}"; do
    kill -0 "$pid" 2>/dev/null || { echo "A process exited early:"; tail -n 40 "$work/site.log" "$work/caddy.log"; exit 1; }
  done
  curl -fsS "http://127.0.0.1:$site_port/health" >/dev/null 2>&1 && [ -f "$work/caddy/pki/authorities/local/root.crt" ] && break
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$site_port/health" >/dev/null || { echo "The site did not start:"; tail -n 40 "$work/site.log"; exit 1; }
root_cert="$work/caddy/pki/authorities/local/root.crt"
[ -f "$root_cert" ] || { echo "Caddy made no certificate authority:"; tail -n 40 "$work/caddy.log"; exit 1; }

echo
python3 "$root/scripts/lib/smoke-client.py" "$host" "$https_port" "$http_port" "$root_cert" \
  "$therapist_email" "$therapist_password" "$rate_limit" || {
  echo; echo "Site log (last lines):"; tail -n 30 "$work/site.log"; echo "Caddy log (last lines):"; tail -n 10 "$work/caddy.log"; exit 1;
}
if grep -q "$therapist_password" "$work/site.log" "$work"/logs/* 2>/dev/null; then
  echo "FAIL  the therapist's password appears in the site's logs"; exit 1
fi
