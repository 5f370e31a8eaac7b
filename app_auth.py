"""Who may see the page: nobody but the local user, unless a login is set up.

By default the page listens on 127.0.0.1 (``.streamlit/config.toml``) and
needs no login. It *requires* one as soon as any of these holds:

* ``LAGEBILD_SERVE_TEAM=1`` (what ``make serve-team`` sets),
* the server listens on anything but a loopback address (``server.address``
  unset means every interface), or
* a browser connects from another machine.

The login is either a shared password, kept in Streamlit secrets only as a
salted scrypt hash::

    # .streamlit/secrets.toml  (create the line with: python -m app_auth)
    [lagebild]
    password_hash = "scrypt$16384$8$1$<salt>$<hash>"

or Streamlit's built-in OIDC login when an ``[auth]`` section is configured
(needs ``Authlib``). With team mode on and neither configured the page shows
no data and says what to configure. Failed attempts are rate-limited per
session and per client address. See docs/SECURITY.md.

The functions above the ``--- page`` line are pure (tested without Streamlit).
"""
from __future__ import annotations

import base64
import getpass
import hashlib
import hmac
import ipaddress
import os
import secrets
import sys
import threading
import time
from dataclasses import dataclass
from typing import Callable, Mapping, Optional

from records.errors import AuthConfigError  # noqa: F401 (raised here, importable from here)

TEAM_ENV = "LAGEBILD_SERVE_TEAM"
SECRETS_SECTION = "lagebild"
SECRETS_KEY = "password_hash"
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2 ** 14, 8, 1
FREE_ATTEMPTS = 3          # failures before a lock-out starts
LOCK_BASE_S = 5.0          # first lock-out; doubles with every further failure
LOCK_MAX_S = 300.0
_TRUE = {"1", "true", "yes", "on"}




# ------------------------------------------------------------ passwords ---
def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int, dklen: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=r, p=p,
                          maxmem=256 * 1024 * 1024, dklen=dklen)


def hash_password(password: str, salt: Optional[bytes] = None) -> str:
    """``scrypt$N$r$p$salt$hash`` (urlsafe base64, 16-byte random salt)."""
    if not password:
        raise ValueError("empty password")
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P, 32)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


@dataclass(frozen=True)
class PasswordHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    @classmethod
    def parse(cls, text: object) -> "PasswordHash":
        if not isinstance(text, str) or not text.strip():
            raise AuthConfigError(f"{SECRETS_KEY} is empty")
        parts = text.strip().split("$")
        if len(parts) != 6 or parts[0] != "scrypt":
            raise AuthConfigError(f"{SECRETS_KEY} is not of the form "
                                  "scrypt$N$r$p$salt$hash (make it with: python -m app_auth)")
        try:
            n, r, p = (int(x) for x in parts[1:4])
            salt, digest = _unb64(parts[4]), _unb64(parts[5])
        except ValueError as err:
            raise AuthConfigError(f"{SECRETS_KEY} is malformed: {err}") from err
        if n < 2 ** 14 or n & (n - 1) or r < 8 or p < 1 or len(salt) < 16 or len(digest) < 32:
            raise AuthConfigError(f"{SECRETS_KEY} is too weak (need N >= 16384, a power "
                                  "of two, r >= 8, a 16-byte salt, a 32-byte hash)")
        return cls(n, r, p, salt, digest)

    def verify(self, password: str) -> bool:
        candidate = _scrypt(password or "", self.salt, self.n, self.r, self.p, len(self.digest))
        return hmac.compare_digest(candidate, self.digest)


# ---------------------------------------------------------- rate limits ---
class RateLimiter:
    """Failed attempts per key; after FREE_ATTEMPTS each failure locks the key
    for LOCK_BASE_S, doubling up to LOCK_MAX_S. *clock* is the seam for tests."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self._clock = clock
        self._state: dict[str, tuple[int, float]] = {}
        self._lock = threading.Lock()

    def wait_seconds(self, key: str) -> float:
        """0 when *key* may try now, else how long it still has to wait."""
        with self._lock:
            _, until = self._state.get(key, (0, 0.0))
        return max(0.0, until - self._clock())

    def failed(self, key: str) -> int:
        """Record a failure; returns the number of failures so far."""
        with self._lock:
            count, _ = self._state.get(key, (0, 0.0))
            count += 1
            until = 0.0
            if count >= FREE_ATTEMPTS:
                until = self._clock() + min(LOCK_BASE_S * 2 ** (count - FREE_ATTEMPTS),
                                            LOCK_MAX_S)
            self._state[key] = (count, until)
            return count

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._state.pop(key, None)


# ------------------------------------------------------------ team mode ---
def _is_loopback(host: Optional[str]) -> bool:
    if not host:
        return False
    if host.strip().lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip().strip("[]")).is_loopback
    except ValueError:
        return False


def login_reason(env: Mapping[str, str], server_address: Optional[str],
                 client_ip: Optional[str]) -> Optional[str]:
    """Why this request needs a login, or None when it is the local user."""
    if env.get(TEAM_ENV, "").strip().lower() in _TRUE:
        return f"team mode is on ({TEAM_ENV}={env[TEAM_ENV]})"
    if not _is_loopback(server_address):
        return (f"the server listens on {server_address!r}" if server_address
                else "the server listens on every interface (server.address is not set)")
    if client_ip and not _is_loopback(client_ip):
        return f"the page is opened from another machine ({client_ip})"
    return None


CONFIGURE_HELP = f"""No data is shown: {{reason}}, and no login is configured.

Create a password hash with `.venv/bin/python -m app_auth` and put the line it
prints into `.streamlit/secrets.toml` (readable by you only: `chmod 600`):

```toml
[{SECRETS_SECTION}]
{SECRETS_KEY} = "scrypt$16384$8$1$..."
```

then restart the page. To use it alone, run `make run` (127.0.0.1, no login).
See docs/SECURITY.md."""


# ----------------------------------------------------------------- page ---
def _streamlit_server_address() -> Optional[str]:
    import streamlit as st
    return st.get_option("server.address")


def _streamlit_client_ip() -> Optional[str]:
    import streamlit as st
    try:
        ip = st.context.ip_address
    except Exception:  # noqa: BLE001 - no client context (bare mode): treat as local
        return None
    return ip if isinstance(ip, str) else None  # None: a localhost connection


# seams: tests replace these
server_address: Callable[[], Optional[str]] = _streamlit_server_address
client_ip: Callable[[], Optional[str]] = _streamlit_client_ip
clock: Callable[[], float] = time.monotonic


def _secret_section(st, name: str) -> Mapping:
    try:
        section = st.secrets.get(name)
    except FileNotFoundError:
        return {}
    except Exception as err:  # noqa: BLE001 - a malformed secrets.toml
        raise AuthConfigError(f"cannot read .streamlit/secrets.toml: {err}") from err
    return section if isinstance(section, Mapping) else {}


def _oidc_configured(st) -> bool:
    auth = _secret_section(st, "auth")
    return bool(auth.get("redirect_uri") and auth.get("cookie_secret"))


# failures per client address, shared by all sessions of this server process
CLIENTS = RateLimiter(lambda: clock())


def _logout_button(st) -> None:
    if st.sidebar.button("Log out", key="auth_logout"):
        st.session_state.pop("_auth_ok", None)
        st.rerun()


def gate() -> bool:
    """Render the login (when one is needed); True when the page may show data."""
    import streamlit as st
    from viz.escape import md_text

    reason = login_reason(os.environ, server_address(), client_ip())
    if reason is None:
        return True
    try:
        section = _secret_section(st, SECRETS_SECTION)
        configured = section.get(SECRETS_KEY)
        stored = PasswordHash.parse(configured) if configured else None
        oidc = _oidc_configured(st)
    except AuthConfigError as err:
        st.error(f"Login is misconfigured, no data is shown: {md_text(err)}")
        return False
    if stored is None and oidc:
        if getattr(st.user, "is_logged_in", False):  # absent until [auth] is read
            if st.sidebar.button("Log out", key="auth_logout"):
                st.logout()
            return True
        st.title("Lagebild")
        st.info(f"Log in to see the page ({md_text(reason)}).")
        if st.button("Log in", key="auth_login"):
            st.login()
        return False
    if stored is None:
        st.title("Lagebild")
        st.error(CONFIGURE_HELP.format(reason=md_text(reason)))
        return False
    if st.session_state.get("_auth_ok"):
        _logout_button(st)
        return True

    st.title("Lagebild")
    st.caption(f"Login required: {md_text(reason)}.")
    failures = st.session_state.setdefault("_auth_session", RateLimiter(lambda: clock()))
    clients = CLIENTS
    who = client_ip() or "local"
    with st.form("login_form", clear_on_submit=True):
        password = st.text_input("Password", type="password", key="auth_password")
        submitted = st.form_submit_button("Log in")
    if not submitted:
        return False
    wait = max(failures.wait_seconds("session"), clients.wait_seconds(who))
    if wait > 0:
        st.error(f"Too many failed attempts; try again in {wait:.0f} s.")
        return False
    if stored.verify(password):
        failures.succeeded("session")
        clients.succeeded(who)
        st.session_state["_auth_ok"] = True
        st.rerun()
    n = failures.failed("session")
    clients.failed(who)
    st.error("Wrong password." + (f" {n} failed attempts; further attempts are delayed."
                                  if n >= FREE_ATTEMPTS else ""))
    return False


def main(argv: list[str]) -> int:
    """``python -m app_auth``: ask for a password, print the secrets.toml lines."""
    if argv[1:] not in ([], ["hash"]):
        print("usage: python -m app_auth   (prompts for the password twice)", file=sys.stderr)
        return 2
    first = getpass.getpass("Team password: ")
    if len(first) < 12:
        print("use at least 12 characters", file=sys.stderr)
        return 1
    if getpass.getpass("Again: ") != first:
        print("the two entries differ", file=sys.stderr)
        return 1
    print(f'[{SECRETS_SECTION}]\n{SECRETS_KEY} = "{hash_password(first)}"')
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
