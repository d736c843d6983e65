"""Production settings: `check --deploy` is clean, static files are served compressed
and database connections are kept open."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)


def _production_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k
        not in {
            "DEBUG",
            "HTTPS",
            "DJANGO_SETTINGS_MODULE",
            "DB_CONN_MAX_AGE",
            "DB_DISABLE_SERVER_SIDE_CURSORS",
        }
    }
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="k7#Qz!4vR0p$Lm2@Wn8&Xy5^Tb1*Hc6(Jd9)Fg3-Es0_Ua7+Ko2=Ni4~Pq8",
        ALLOWED_HOSTS="campus.example.org",
    )
    env.update(extra)
    return env


def test_check_deploy_is_clean_under_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = _production_env()
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_collectstatic_produces_hashed_and_compressed_files(tmp_path):
    """WhiteNoise serves hashed names (cache forever) with gzip and brotli copies for
    slow links, compressed once at deployment rather than on every request."""
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput"],
        cwd=ROOT,
        env=_production_env(STATIC_ROOT=str(tmp_path)),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    hashed = [p for p in (tmp_path / "css").glob("campus.*.css")]
    assert hashed, "no hashed copy of campus.css"
    assert Path(f"{hashed[0]}.gz").exists()
    assert Path(f"{hashed[0]}.br").exists()


def test_no_asset_is_loaded_from_another_host():
    """Every stylesheet, script and font ships in the repository (offline, no CDN)."""
    offenders = []
    for folder in ("templates", "static"):
        for path in (ROOT / folder).rglob("*"):
            if path.suffix not in {".html", ".css", ".js"}:
                continue
            text = path.read_text(encoding="utf-8")
            for marker in (
                'src="http',
                "src='http",
                'href="//',
                "url(http",
                "@import url(",
                'rel="stylesheet" href="http',
            ):
                if marker in text:
                    offenders.append(f"{path.relative_to(ROOT)}: {marker}")
    assert offenders == []


def _production_database(**extra) -> dict:
    """The default database's settings as production reads them from this environment."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json; from django.conf import settings; "
            "print(json.dumps(settings.DATABASES['default'], default=str))",
        ],
        cwd=ROOT,
        env=_production_env(**extra),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_database_connections_for_a_minute_checked_before_use():
    """Each worker reuses its connection for 60 s (no new connection per request),
    and a connection the server dropped is replaced instead of failing a request."""
    database = _production_database()
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is False


def test_db_conn_max_age_and_pgbouncer_switch_override_the_production_default():
    """DB_CONN_MAX_AGE=0 goes back to one connection per request; behind PgBouncer's
    transaction pooling, DB_DISABLE_SERVER_SIDE_CURSORS turns server-side cursors off."""
    database = _production_database(
        DB_CONN_MAX_AGE="0", DB_DISABLE_SERVER_SIDE_CURSORS="true"
    )
    assert database["CONN_MAX_AGE"] == 0
    assert database["CONN_HEALTH_CHECKS"] is True
    assert database["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert _production_database(DB_CONN_MAX_AGE="300")["CONN_MAX_AGE"] == 300
