"""Settings shared by every environment; everything variable comes from the environment.

Unset variables give the embedded default of `make run`: SQLite, Celery tasks run
in-process, local-memory cache and e-mail printed to the console.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "outbox",
    "cms",
    "courses",
    "learners",
    "certificates",
    "reports",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "csp",
    "django_countries",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "demo",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.csp.CampusCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Inside WhiteNoise, which answers static files (compressed ahead of time) before
    # this runs; outside every middleware that writes the body, so it compresses the
    # finished page (Django's order: UpdateCacheMiddleware above it, ConditionalGet
    # below it, so that ETags are computed on the uncompressed page).
    "config.compression.CampusGZipMiddleware",
    # Anonymous visitors' home, catalogue and course pages from the cache: inside the
    # security, CSP and gzip middlewares (their headers and compression apply to a
    # page from the cache), outside everything a hit does without (session, CSRF,
    # user, language, messages, routing).
    "cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "learners.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "cms.middleware.NullCharacterMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite file unless DATABASE_URL points elsewhere (postgres://…).
# Production keeps connections open (config/settings/production.py). Behind PgBouncer
# in transaction pooling, exports' .iterator() needs server-side cursors off.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "0")),
        disable_server_side_cursors=env_bool("DB_DISABLE_SERVER_SIDE_CURSORS", False),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The page cache for anonymous visitors (cms.page_cache): on unless PAGE_CACHE=off;
# publishing renews its keys at once, PAGE_CACHE_TIMEOUT (seconds) is a safety net.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE", True)
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "") or 600)

# Cache: Redis when REDIS_URL is set, local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, carrying on (misses, dropped writes) while Redis
            # does not answer: the cache only saves work.
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "campus"),
            # A hung Redis must not hang every page (and /health/) forever.
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "1")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "1")),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_USER_MODEL = "learners.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"
    },
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Private pages send visitors to the site's login; the admin's login form checks
# passwords through allauth, so every way in shares ACCOUNT_RATE_LIMITS below.
WAGTAIL_FRONTEND_LOGIN_URL = LOGIN_URL
WAGTAILADMIN_USER_LOGIN_FORM = "learners.forms.AdminLoginForm"
LOGIN_REDIRECT_URL = "/"

# django-allauth: e-mail is the login, verification is mandatory.
ACCOUNT_ADAPTER = "learners.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = 3
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Logs in only the browser session that signed up (allauth checks the pending login
# in the session): a confirmation link opened elsewhere confirms without logging in.
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Campus] "
# Reverse proxies in front of Campus that append to X-Forwarded-For (0: none, the
# header is ignored). Every rate limit (allauth's and the verification page's) keys
# on the address learners.client_address derives from it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "") or 0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
# Failed logins are limited per IP and per account; the counters live in the cache.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "change_password": "5/m/user",
}

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
LANGUAGE_COOKIE_NAME = "campus_language"
LANGUAGE_COOKIE_AGE = 60 * 60 * 24 * 365
LANGUAGE_COOKIE_SAMESITE = "Lax"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files served at the site's root by WhiteNoise (/favicon.ico, asked for by browsers
# and feed readers whatever the pages link).
WHITENOISE_ROOT = BASE_DIR / "config" / "site_root"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# Media (uploaded images and documents, certificate PDFs). One machine: files under
# MEDIA_ROOT; the app serves Wagtail's images itself (cms.media_views) and nothing
# else there. Several nodes: AWS_STORAGE_BUCKET_NAME set, S3-compatible object
# storage shared by all nodes (django-storages). Certificate PDFs always have their
# own storage ("certificates"): on S3, private objects reached only through signed
# URLs; the site streams them through certificates' own views.
STORAGES["certificates"] = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
MEDIA_BUCKET = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
# The app serves images at MEDIA_URL when they are on its own disk.
SERVE_MEDIA = not MEDIA_BUCKET
if MEDIA_BUCKET:
    _s3 = {
        "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
        "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
        # Credentials: AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read from the
        # environment by django-storages (or the machine's role when unset).
        "file_overwrite": False,
        # Signed URLs of the private storage: Signature Version 4, which every
        # region and S3-compatible server accepts (version 2 is deprecated).
        "signature_version": "s3v4",
    }
    STORAGES["default"] = {
        "BACKEND": "cms.storages.PublicMediaStorage",
        "OPTIONS": {
            **_s3,
            "bucket_name": MEDIA_BUCKET,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            # Empty for buckets without ACLs (public reading by a bucket policy).
            "default_acl": os.environ.get("AWS_DEFAULT_ACL", "public-read") or None,
        },
    }
    STORAGES["certificates"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            **_s3,
            "bucket_name": os.environ.get("AWS_PRIVATE_STORAGE_BUCKET_NAME")
            or MEDIA_BUCKET,
            "custom_domain": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            "default_acl": "private",
        },
    }
# Documents always go through Wagtail's serve view, which checks their collection's
# privacy and streams the file (also from object storage: never a redirect to it).
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# E-mail: console unless EMAIL_HOST is set.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_TIMEOUT = 20
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Campus <campus@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Celery: Redis broker when CELERY_BROKER_URL is set, in-process (eager) otherwise.
CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
# A request must never hang on a hung broker (connections accepted, no answer):
# connecting, each command and the publish retries are bounded, so a publish gives
# up after about 2 × CELERY_BROKER_TIMEOUT (1 s) and the outbox sweep delivers later.
CELERY_BROKER_TIMEOUT = float(os.environ.get("CELERY_BROKER_TIMEOUT", "0.5"))
CELERY_BROKER_CONNECTION_TIMEOUT = CELERY_BROKER_TIMEOUT
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_TIMEOUT,
    "socket_timeout": CELERY_BROKER_TIMEOUT,
    # A message taken by a worker that dies without acknowledging it (acks_late)
    # goes back to the queue after this many seconds. Longer than any task runs (a
    # batch of 1,000 learners takes about a minute), or a slow task would be
    # delivered twice (harmless, every task is idempotent, but wasted).
    "visibility_timeout": int(os.environ.get("CELERY_VISIBILITY_TIMEOUT", "900")),
}
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 1,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.2,
}
# Celery beat (`make beat`, one process): periodic jobs. A plain dict, one entry per
# job; an entry that could not run in time is dropped, the next one catches up.
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {
        "task": "outbox.tasks.outbox_sweep_task",
        "schedule": 60.0,
        "options": {"expires": 55},
    },
}
# /health/ waits this long (seconds) for the cache and broker checks, then says 503.
HEALTH_CHECK_TIMEOUT = float(os.environ.get("HEALTH_CHECK_TIMEOUT", "1.5"))
# Outbox: attempts before a failing message is set aside; how long sent ones are kept.
OUTBOX_MAX_ATTEMPTS = int(os.environ.get("OUTBOX_MAX_ATTEMPTS", "8"))
OUTBOX_KEEP_SENT_DAYS = int(os.environ.get("OUTBOX_KEEP_SENT_DAYS", "30"))

# Content-Security-Policy (django-csp, middleware config.csp). The public site runs no
# JavaScript and no inline style: it may load only its own files.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# The Wagtail admin (/admin/…): the strictest policy under which it works. Wagtail 8
# writes inline <script> elements (date pickers, inline panels, modals through
# jQuery) and inline styles (style="" and <style> from its scripts): inline code is
# allowed there, but no eval, no inline event handler, nothing from another host.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "script-src-attr": ["'none'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        # The editor's preview panel frames /admin/…/preview/.
        "frame-ancestors": ["'self'"],
    }
}
# Certificate batches nothing has moved for CERTIFICATE_BATCH_STALE_SECONDS (their
# worker died, their message was lost) are queued again by a sweep that Celery beat
# runs every CERTIFICATE_BATCH_SWEEP_SECONDS.
CERTIFICATE_BATCH_STALE_SECONDS = int(
    os.environ.get("CERTIFICATE_BATCH_STALE_SECONDS", "120")
)
CERTIFICATE_BATCH_SWEEP_SECONDS = int(
    os.environ.get("CERTIFICATE_BATCH_SWEEP_SECONDS", "60")
)
CELERY_BEAT_SCHEDULE["certificate-batch-sweep"] = {
    "task": "certificates.tasks.certificate_batch_sweep_task",
    "schedule": float(CERTIFICATE_BATCH_SWEEP_SECONDS),
}
# Stored report figures (reports/services/figures.py): the courses marked as changed
# are rebuilt every few minutes (when the debounced task after a change was lost),
# and everything once a day ("active in the last 30 days" moves with time alone).
CELERY_BEAT_SCHEDULE["report-figures-sweep"] = {
    "task": "reports.tasks.report_figures_pending_rebuild_task",
    "schedule": 300.0,
    "options": {"expires": 290},
}
CELERY_BEAT_SCHEDULE["report-figures-daily"] = {
    "task": "reports.tasks.report_figures_rebuild_all_task",
    "schedule": 86400.0,
}

WAGTAIL_SITE_NAME = "Campus"
# The site's public address: every absolute URL (e-mails, QR codes, Open Badges,
# Wagtail's default Site) comes from it through cms.site_address. `make run` sets it
# from PORT; WAGTAILADMIN_BASE_URL is still read for older deployments.
CAMPUS_BASE_URL = (
    os.environ.get("CAMPUS_BASE_URL")
    or os.environ.get("WAGTAILADMIN_BASE_URL")
    or "http://127.0.0.1:8000"
).rstrip("/")
WAGTAILADMIN_BASE_URL = CAMPUS_BASE_URL
WAGTAIL_I18N_ENABLED = False
# ASCII page slugs: the admin transliterates titles (é → e) and cms.forms enforces it.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The dashboard would ask releases.wagtail.org for new versions (another host: the
# admin's CSP refuses it, and offline servers cannot reach it).
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Stemming and stop words of French for the catalogue search.
    WAGTAILSEARCH_BACKENDS["default"]["SEARCH_CONFIG"] = "french"
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "zip",
]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
# A broken image file is refused with a message (Wagtail's own form answers 500).
WAGTAILIMAGES_IMAGE_FORM_BASE = "cms.image_forms.ImageForm"
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # Each background job and each page edit would otherwise print a line.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": os.environ.get("WAGTAIL_LOG_LEVEL", "WARNING")},
        # WeasyPrint logs every step of every PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}

# Used only for labels of roles etc.; kept here so that makemessages sees them once.
SITE_TAGLINE = _("Training for the staff of French-speaking cities")
CSRF_FAILURE_VIEW = "learners.views.csrf_failure"
