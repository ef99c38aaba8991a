"""Webhook endpoints and deliveries: register, list, remove, sign, and queue an event for each endpoint."""

from __future__ import annotations

import hashlib
import hmac
import secrets

from sqlmodel import Session, select

from app.core.ids import new_id
from app.jobs import service as job_service
from app.jobs.models import JobKind
from app.webhooks.models import Webhook, WebhookDelivery

SIGNATURE_HEADER = "X-Callaudit-Signature"
TIMESTAMP_HEADER = "X-Callaudit-Timestamp"


def sign(secret: str, timestamp: str, body: bytes) -> str:
    """`sha256=HEX`: HMAC-SHA256 of `TIMESTAMP.BODY` (the timestamp stops replays of old deliveries)."""
    mac = hmac.new(secret.encode(), timestamp.encode() + b"." + body, hashlib.sha256)
    return "sha256=" + mac.hexdigest()


def verify(secret: str, timestamp: str, body: bytes, signature: str) -> bool:
    """What a receiver does; used by the tests and shown in the docs."""
    return hmac.compare_digest(sign(secret, timestamp, body), signature)


def create(*, session: Session, tenant_id: str, url: str, events: list[str]) -> Webhook:
    hook = Webhook(
        id=new_id("whk"),
        tenant_id=tenant_id,
        url=url,
        secret="whsec_" + secrets.token_urlsafe(24),
        events=sorted(set(events)),
    )
    session.add(hook)
    session.flush()
    return hook


def get(*, session: Session, tenant_id: str, webhook_id: str) -> Webhook | None:
    hook = session.get(Webhook, webhook_id)
    return hook if hook is not None and hook.tenant_id == tenant_id else None


def get_all(*, session: Session, tenant_id: str) -> list[Webhook]:
    q = select(Webhook).where(Webhook.tenant_id == tenant_id).order_by(Webhook.created_at)
    return list(session.exec(q))


def delete(*, session: Session, hook: Webhook) -> None:
    session.delete(hook)
    session.flush()


def get_deliveries(
    *, session: Session, tenant_id: str, webhook_id: str, limit: int = 100
) -> list[WebhookDelivery]:
    q = (
        select(WebhookDelivery)
        .where(WebhookDelivery.tenant_id == tenant_id, WebhookDelivery.webhook_id == webhook_id)
        .order_by(WebhookDelivery.created_at.desc())
        .limit(limit)
    )
    return list(session.exec(q))


def notify(
    *, session: Session, tenant_id: str, event: str, call_id: str, payload: dict, max_attempts: int
) -> list[str]:
    """Queue `event` for each of the tenant's endpoints that wants it; returns job ids."""
    job_ids = []
    for hook in get_all(session=session, tenant_id=tenant_id):
        if not hook.active or event not in hook.events:
            continue
        delivery = WebhookDelivery(
            id=new_id("dlv"),
            tenant_id=tenant_id,
            webhook_id=hook.id,
            event=event,
            call_id=call_id,
            payload={**payload, "delivery_id": None},
        )
        delivery.payload = {**payload, "delivery_id": delivery.id}
        session.add(delivery)
        session.flush()
        job = job_service.enqueue(
            session=session,
            tenant_id=tenant_id,
            kind=JobKind.webhook,
            delivery_id=delivery.id,
            max_attempts=max_attempts,
        )
        job_ids.append(job.id)
    return job_ids
