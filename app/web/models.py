"""Browser sessions: a signed-in API key, behind an HttpOnly cookie, with the CSRF token of its forms.

Only the cookie token's hash is stored, so a database dump cannot be replayed as a session.
"""

from __future__ import annotations

from datetime import datetime

from sqlmodel import Field, SQLModel

from app.core.ids import utcnow


class WebSession(SQLModel, table=True):
    __tablename__ = "web_sessions"

    # Columns
    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True)
    csrf_token: str = Field(max_length=64)
    key_id: str = Field(foreign_key="api_keys.id", max_length=40, index=True)
    tenant_id: str = Field(foreign_key="tenants.id", max_length=40)
    created_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
