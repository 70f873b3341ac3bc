#!/usr/bin/env python3
"""The client half of scripts/smoke-behind-proxy.sh: talks to the site through Caddy as a browser
would (HTTPS checked against Caddy's own throwaway root, cookies kept, forms posted with their
antiforgery token) and checks what a deployment must get right. Standard library only.

Usage: smoke-client.py HOST HTTPS_PORT HTTP_PORT CADDY_ROOT_CERT THERAPIST_EMAIL THERAPIST_PASSWORD RATE_LIMIT
Every client connection comes from a loopback address of its own (127.0.0.3, .4), so the site,
which trusts forwarded headers from Caddy (127.0.0.1) only, can tell the clients apart.
"""
import base64
import hashlib
import hmac
import html
import http.client
import re
import socket
import ssl
import struct
import sys
import time
from urllib.parse import urlencode, urlsplit

HOST, HTTPS_PORT, HTTP_PORT, ROOT_CERT, EMAIL, PASSWORD, RATE_LIMIT = sys.argv[1:8]
HTTPS_PORT, HTTP_PORT, RATE_LIMIT = int(HTTPS_PORT), int(HTTP_PORT), int(RATE_LIMIT)
CONTEXT = ssl.create_default_context(cafile=ROOT_CERT)  # verifies the certificate and the host name

failures = []


def check(ok, what):
    print(("ok    " if ok else "FAIL  ") + what)
    if not ok:
        failures.append(what)
    return ok


class Browser:
    """One client: its own source address and cookie jar."""

    def __init__(self, source):
        self.source = source
        self.cookies = {}
        self.set_cookie_lines = []

    def _connection(self, tls=True):
        sock = socket.create_connection(("127.0.0.1", HTTPS_PORT if tls else HTTP_PORT), timeout=30,
                                        source_address=(self.source, 0))
        if not tls:
            conn = http.client.HTTPConnection(HOST, HTTP_PORT)
            conn.sock = sock
            return conn
        conn = http.client.HTTPSConnection(HOST, HTTPS_PORT, context=CONTEXT)
        conn.sock = CONTEXT.wrap_socket(sock, server_hostname=HOST)
        return conn

    def request(self, method, path, form=None, headers=None, tls=True):
        conn = self._connection(tls)
        all_headers = {"Host": f"{HOST}:{HTTPS_PORT if tls else HTTP_PORT}", "User-Agent": "paulmassage-smoke"}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        body = None
        if form is not None:
            body = urlencode(form)
            all_headers["Content-Type"] = "application/x-www-form-urlencoded"
        all_headers.update(headers or {})
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        text = response.read().decode("utf-8", "replace")
        for line in response.headers.get_all("Set-Cookie") or []:
            self.set_cookie_lines.append(line)
            name, _, rest = line.partition("=")
            value = rest.split(";", 1)[0]
            if "expires=thu, 01 jan 1970" in line.lower() or value == "":
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        conn.close()
        return response.status, response.headers, text

    def get(self, path):
        """GET, following same-site redirects; returns the final path too."""
        for _ in range(10):
            status, headers, text = self.request("GET", path)
            if status in (301, 302, 303, 307, 308):
                path = _local(headers["Location"])
                continue
            return status, headers, text, path
        raise RuntimeError("too many redirects from " + path)

    def post_form(self, page_path, action, fields):
        """Opens the page, takes the antiforgery token of the form posting to `action`, posts it."""
        status, _, page, _ = self.get(page_path)
        token = antiforgery_token(page, action)
        if token is None:
            raise RuntimeError(f"no form posting to {action} on {page_path} (status {status})")
        return self.request("POST", action, dict(fields, __RequestVerificationToken=token))


def _local(location):
    parts = urlsplit(location)
    return parts.path + ("?" + parts.query if parts.query else "")


def antiforgery_token(page, action):
    for form in re.findall(r"<form\b[^>]*>.*?</form>", page, flags=re.S | re.I):
        form_action = re.search(r'action="([^"]*)"', form)
        if form_action and html.unescape(form_action.group(1)).split("?")[0] == action:
            token = re.search(r'name="__RequestVerificationToken"[^>]*value="([^"]+)"', form)
            return html.unescape(token.group(1)) if token else None
    return None


def totp(key, at=None):
    """RFC 6238 as authenticator apps and ASP.NET Core Identity compute it (SHA-1, 6 digits, 30 s)."""
    secret = base64.b32decode(key.replace(" ", "").upper() + "=" * (-len(key.replace(" ", "")) % 8))
    counter = int((at or time.time()) // 30)
    digest = hmac.new(secret, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def sign_in_with_code(browser, key):
    status, headers, _ = browser.post_form("/account/sign-in", "/account/sign-in", {"Email": EMAIL, "Password": PASSWORD})
    if status != 302:
        return False
    two_factor_page = _local(headers["Location"])
    code_window = None
    for _ in range(2):  # a code is accepted once per 30 s window: wait for the next one if needed
        window = int(time.time() // 30)
        if window == code_window:
            time.sleep(30 - time.time() % 30 + 1)
        code_window = int(time.time() // 30)
        status, headers, _ = browser.post_form(two_factor_page, "/account/sign-in/2fa", {"Code": totp(key)})
        if status == 302:
            return True
    return False


# 1. HTTPS answers, with a certificate the client checks; plain HTTP is sent to HTTPS.
visitor = Browser("127.0.0.3")
status, headers, home, _ = visitor.get("/")
check(status == 200 and "Paul" in home, f"https://{HOST}:{HTTPS_PORT}/ answers 200 over verified TLS")
status, headers, _ = visitor.request("GET", "/", tls=False)
check(status in (301, 308) and headers.get("Location", "").startswith("https://"),
      f"http://{HOST}:{HTTP_PORT}/ redirects to HTTPS ({status} {headers.get('Location')})")

# 2. HSTS from the site (ASP.NET Core leaves it out on localhost, so this is a named host).
hsts = visitor.request("GET", "/")[1].get("Strict-Transport-Security", "")
check("max-age=31536000" in hsts, f"Strict-Transport-Security: {hsts or '(missing)'}")

# 3. Cookies: __Host- prefixed, Secure, no Domain, Path=/.
visitor.get("/account/sign-in")
host_cookies = [c for c in visitor.set_cookie_lines if c.startswith("__Host-")]
check(host_cookies != [], "the sign-in page sets a __Host- cookie (antiforgery)")
for line in host_cookies:
    attributes = [a.strip().lower() for a in line.split(";")[1:]]
    check("secure" in attributes and "path=/" in attributes and not any(a.startswith("domain=") for a in attributes),
          f"cookie {line.split('=')[0]} is Secure, Path=/, host-only")

# 4. The therapist's first sign-in: password, then the site makes him enrol an authenticator.
paul = Browser("127.0.0.5")
status, headers, _ = paul.post_form("/account/sign-in", "/account/sign-in", {"Email": EMAIL, "Password": PASSWORD})
check(status == 302, f"the therapist's password is accepted ({status})")
auth_cookie = [c for c in paul.set_cookie_lines if c.startswith("__Host-pm.auth=")]
check(auth_cookie != [] and "httponly" in auth_cookie[-1].lower() and "secure" in auth_cookie[-1].lower(),
      "the session cookie __Host-pm.auth is Secure and HttpOnly")
status, _, page, where = paul.get("/admin")
check(where.startswith("/account/security"), f"before enrolling, /admin sends him to set up two-factor sign-in ({where})")
status, headers, _ = paul.post_form(where, "/account/security/two-factor/setup", {})
status, _, page, where = paul.get(_local(headers["Location"]))
key_match = re.search(r'<code class="authenticator-key">([^<]+)</code>', page)
check(key_match is not None, "the enrolment page shows the authenticator key")
key = html.unescape(key_match.group(1)) if key_match else ""
status, _, page = paul.post_form(where, "/account/security/two-factor/enable", {"Code": totp(key)})
check(status == 200 and "recovery" in page.lower(), "the authenticator code turns two-factor sign-in on and shows recovery codes")
paul.post_form("/account/security", "/account/sign-out", {})

# 5. Signing in again takes the password and a code; then the back office opens.
paul = Browser("127.0.0.5")
check(sign_in_with_code(paul, key), "sign-in with password and authenticator code")
status, _, page, where = paul.get("/admin")
check(status == 200 and where == "/admin", f"the back office opens after two-factor sign-in ({status} {where})")

# 6. The rate limit counts the real client, as Caddy reports it: a forged X-Forwarded-For sent to
# Caddy does not give a client a fresh allowance, and another client is not limited by the first.
attacker = Browser("127.0.0.3")
answers = []
for i in range(RATE_LIMIT + 1):
    status, _, _ = attacker.request("POST", "/account/forgot-password", form={"Email": f"x{i}@smoke.example"},
                                    headers={"X-Forwarded-For": f"203.0.113.{i + 1}"})
    answers.append(status)
check(429 not in answers[:RATE_LIMIT] and answers[RATE_LIMIT] == 429,
      f"{RATE_LIMIT} posts pass, the next is refused with 429 though each forged a new X-Forwarded-For ({answers})")
status, _, _ = Browser("127.0.0.4").request("POST", "/account/forgot-password", form={"Email": "y@smoke.example"})
check(status != 429, f"another client address behind the same proxy is not limited ({status})")

print()
print("smoke test: " + ("passed" if not failures else f"{len(failures)} check(s) failed"))
sys.exit(1 if failures else 0)
