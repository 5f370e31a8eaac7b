"""Who may see the page: local by default; team mode requires a login."""
from __future__ import annotations

import re
import tomllib

import pytest
from streamlit.testing.v1 import AppTest

import app_auth
from app_auth import (AuthConfigError, PasswordHash, RateLimiter, hash_password,
                      login_reason)
from test_app import db  # noqa: F401  (fixture: a store with DOCS)

PASSWORD = "correct horse battery staple"
SUBMIT_LOGIN = "FormSubmitter:login_form-Log in"
SALT = bytes(range(16))
HASH = hash_password(PASSWORD, salt=SALT)


# --- configuration ------------------------------------------------------------

def test_config_listens_on_localhost_only(root):
    config = tomllib.loads((root / ".streamlit" / "config.toml").read_text())
    assert config["server"]["address"] == "127.0.0.1"
    assert config["server"]["enableXsrfProtection"] is True
    assert config["browser"]["gatherUsageStats"] is False


def _recipe(makefile: str, target: str) -> str:
    match = re.search(rf"^{target}:.*\n((?:\t.*\n?)*)", makefile, flags=re.M)
    return match.group(1) if match else ""


def test_make_run_keeps_localhost(root):
    makefile = (root / "Makefile").read_text()
    run = _recipe(makefile, "run")
    assert "streamlit run app.py" in run
    assert "server.address" not in run and "0.0.0.0" not in run
    assert app_auth.TEAM_ENV not in run
    team = _recipe(makefile, "serve-team")
    if team:  # the one documented way to serve a team
        assert f"{app_auth.TEAM_ENV}=1" in team and "0.0.0.0" in team


def test_secrets_example_is_a_template_not_a_password(root):
    example = tomllib.loads((root / ".streamlit" / "secrets.toml.example").read_text())
    with pytest.raises(AuthConfigError):
        PasswordHash.parse(example["lagebild"]["password_hash"])


# --- passwords ----------------------------------------------------------------

def test_hash_round_trip_and_salt():
    stored = PasswordHash.parse(HASH)
    assert stored.verify(PASSWORD)
    assert not stored.verify(PASSWORD + " ")
    assert not stored.verify("")
    assert PASSWORD not in HASH
    assert hash_password(PASSWORD) != hash_password(PASSWORD)  # random salt


@pytest.mark.parametrize("bad", [
    "", "   ", None, 42, "plaintext-password",
    "sha256$abc",                                   # wrong scheme
    "scrypt$16384$8$1$c2FsdA$aGFzaA",               # salt and hash too short
    "scrypt$1024$8$1$" + "A" * 22 + "$" + "A" * 43,  # N too small
    "scrypt$16385$8$1$" + "A" * 22 + "$" + "A" * 43,  # N not a power of two
    "scrypt$x$8$1$" + "A" * 22 + "$" + "A" * 43,     # N not a number
])
def test_unusable_hashes_are_refused(bad):
    with pytest.raises(AuthConfigError):
        PasswordHash.parse(bad)


def test_rate_limiter_locks_and_doubles():
    now = [0.0]
    limiter = RateLimiter(lambda: now[0])
    for _ in range(app_auth.FREE_ATTEMPTS - 1):
        limiter.failed("k")
        assert limiter.wait_seconds("k") == 0
    limiter.failed("k")
    assert limiter.wait_seconds("k") == app_auth.LOCK_BASE_S
    limiter.failed("k")
    assert limiter.wait_seconds("k") == 2 * app_auth.LOCK_BASE_S
    now[0] += 2 * app_auth.LOCK_BASE_S
    assert limiter.wait_seconds("k") == 0
    for _ in range(20):
        limiter.failed("k")
    assert limiter.wait_seconds("k") == app_auth.LOCK_MAX_S
    assert limiter.wait_seconds("other") == 0
    limiter.succeeded("k")
    assert limiter.wait_seconds("k") == 0


# --- when a login is needed ---------------------------------------------------------

@pytest.mark.parametrize("env, address, client, needs", [
    ({}, "127.0.0.1", None, False),
    ({}, "localhost", None, False),
    ({}, "::1", None, False),
    ({}, "127.0.0.1", "127.0.0.1", False),
    ({"LAGEBILD_SERVE_TEAM": "0"}, "127.0.0.1", None, False),
    ({"LAGEBILD_SERVE_TEAM": "1"}, "127.0.0.1", None, True),
    ({"LAGEBILD_SERVE_TEAM": "yes"}, "0.0.0.0", None, True),
    ({}, "0.0.0.0", None, True),
    ({}, "", None, True),            # unset: streamlit listens on every interface
    ({}, None, None, True),
    ({}, "192.168.1.20", None, True),
    ({}, "127.0.0.1", "10.0.0.7", True),  # e.g. a port forward to the local server
])
def test_login_reason(env, address, client, needs):
    assert (login_reason(env, address, client) is not None) == needs


# --- the page ---------------------------------------------------------------------

@pytest.fixture
def team(db, monkeypatch):  # noqa: F811
    monkeypatch.setenv(app_auth.TEAM_ENV, "1")
    monkeypatch.setattr(app_auth, "CLIENTS", RateLimiter(lambda: app_auth.clock()))
    now = [1000.0]
    monkeypatch.setattr(app_auth, "clock", lambda: now[0])
    return now


def _run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def _shows_data(at: AppTest) -> bool:
    return bool(at.dataframe) or bool(at.get("download_button"))


@pytest.fixture
def open_page(app_file):
    """open_page(secrets=None): the page run once, with these secrets."""
    def run(secrets: dict | None = None) -> AppTest:
        at = AppTest.from_file(app_file, default_timeout=60)
        if secrets:
            at.secrets.update(secrets)
        return _run(at)
    return run


def test_local_page_needs_no_login(open_page, db):  # noqa: F811
    at = open_page()
    assert _shows_data(at)
    assert not at.get("text_input") or "auth_password" not in [t.key for t in at.text_input]


def test_team_mode_without_password_refuses_and_explains(open_page, team):
    at = open_page()
    assert not _shows_data(at)
    message = at.error[0].value
    assert "no login is configured" in message
    assert "secrets.toml" in message and "password_hash" in message
    assert "python -m app_auth" in message
    assert not any("Vostochny" in str(el.value) for el in at.get("markdown"))


def test_team_mode_with_broken_hash_refuses(open_page, team):
    at = open_page({"lagebild": {"password_hash": "hunter2"}})
    assert not _shows_data(at)
    assert "misconfigured" in at.error[0].value


def test_non_loopback_address_needs_login(open_page, db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(app_auth, "server_address", lambda: "0.0.0.0")
    at = open_page()
    assert not _shows_data(at)
    assert "listens on" in at.error[0].value


def test_remote_client_needs_login(open_page, db, monkeypatch):  # noqa: F811
    monkeypatch.setattr(app_auth, "client_ip", lambda: "203.0.113.9")
    at = open_page()
    assert not _shows_data(at)
    assert "another machine" in at.error[0].value


def _login(at: AppTest, password: str) -> AppTest:
    at.text_input(key="auth_password").input(password)
    at.button(key=SUBMIT_LOGIN).click()
    return _run(at)


def test_login_with_password(open_page, team):
    at = open_page({"lagebild": {"password_hash": HASH}})
    assert not _shows_data(at)
    _login(at, "wrong")
    assert not _shows_data(at)
    assert any("Wrong password" in e.value for e in at.error)
    _login(at, PASSWORD)
    assert _shows_data(at)
    assert "ev-meet" in set(at.dataframe[0].value["id"])
    at.sidebar.button(key="auth_logout").click()
    _run(at)
    assert not _shows_data(at)


def test_failed_logins_are_rate_limited(open_page, team):
    now = team
    at = open_page({"lagebild": {"password_hash": HASH}})
    for _ in range(app_auth.FREE_ATTEMPTS):
        _login(at, "guess")
    # locked: even the right password is refused until the wait is over
    _login(at, PASSWORD)
    assert not _shows_data(at)
    assert any("Too many failed attempts" in e.value for e in at.error)
    # a new session (another tab) from the same client is locked as well
    other = open_page({"lagebild": {"password_hash": HASH}})
    _login(other, PASSWORD)
    assert not _shows_data(other)
    now[0] += app_auth.LOCK_BASE_S + 1
    _login(at, PASSWORD)
    assert _shows_data(at)


def test_oidc_login_is_offered_when_configured(open_page, team):
    at = open_page({"auth": {"redirect_uri": "http://localhost:8501/oauth2callback",
                         "cookie_secret": "x" * 32, "client_id": "id",
                         "client_secret": "s", "server_metadata_url": "https://idp/.wk"}})
    assert not _shows_data(at)
    assert at.button(key="auth_login")
