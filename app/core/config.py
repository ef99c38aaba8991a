"""Service settings, read from `CALLAUDIT_*` environment variables.

One `Settings` object, built on first use by `get_settings()` (cached), so tests can set the
environment and clear the cache instead of patching an import-time instance.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

REPO_ROOT = Path(__file__).resolve().parents[2]


class Settings(BaseSettings):
    """Everything the API, the embedded worker and `callaudit worker` need to agree on."""

    model_config = SettingsConfigDict(env_prefix="CALLAUDIT_", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = Field(default=Path("data"), description="Recordings, the SQLite database, temp uploads.")
    database_url: str | None = Field(
        default=None, description="SQLAlchemy URL; unset means SQLite (WAL) at DATA_DIR/callaudit.db."
    )
    broker_url: str | None = Field(
        default=None,
        description="Redis URL: set, jobs go to Celery workers; unset, the embedded pool runs them.",
    )
    max_upload_mb: float = Field(
        default=200, gt=0, description="Largest accepted upload, enforced while streaming."
    )
    workers: int = Field(default=2, ge=0, description="Threads of the embedded job pool.")
    job_lease_s: float = Field(
        default=60, gt=0, description="A running job not renewed for this long is retried."
    )
    job_max_attempts: int = Field(default=5, ge=1)
    job_backoff_s: float = Field(default=2, gt=0, description="First retry delay; doubles per attempt.")
    job_poll_s: float = Field(default=0.5, gt=0, description="Idle poll interval of the embedded pool.")
    republish_s: float = Field(
        default=120,
        gt=0,
        description="Celery mode: a queued job not picked up for this long is published again.",
    )
    webhook_timeout_s: float = Field(default=10, gt=0)
    webhook_max_attempts: int = Field(default=8, ge=1)
    webhook_backoff_s: float = Field(default=5, gt=0)
    webhook_allow_private: bool = Field(
        default=False,
        description="Allow webhook URLs on loopback, private, link-local or reserved addresses (see "
        "app/webhooks/guard.py); off, a tenant cannot make the service call into its own network.",
    )
    scripts_dir: Path = Field(
        default=REPO_ROOT / "scripts_db", description="Checklist library loaded per tenant."
    )
    redact_audio: bool = Field(
        default=False, description="Silence redacted spans in stored WAV recordings (needs word timings)."
    )
    report_language: str = "en"
    warm_up: bool = Field(default=True, description="Load models and the redactor in the background.")

    @field_validator("database_url")
    @classmethod
    def _normalise_driver(cls, v: str | None) -> str | None:
        """Accept the usual `postgres://` / `postgresql://` spellings and use psycopg 3."""
        if not v:
            return None
        for prefix in ("postgres://", "postgresql://"):
            if v.startswith(prefix):
                return "postgresql+psycopg://" + v[len(prefix) :]
        return v

    @property
    def sqlalchemy_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'callaudit.db').resolve()}"

    @property
    def is_sqlite(self) -> bool:
        return self.sqlalchemy_url.startswith("sqlite")

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    @property
    def blob_dir(self) -> Path:
        return self.data_dir / "blobs"

    @property
    def tmp_dir(self) -> Path:
        return self.data_dir / "tmp"


@lru_cache
def get_settings() -> Settings:
    """The process's settings (cached; `get_settings.cache_clear()` after changing the environment)."""
    return Settings()
