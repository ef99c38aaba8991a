"""The webhook job: POST one signed event; a non-2xx answer or a network error is retried with backoff."""

from __future__ import annotations

import json
import time

import httpx

from app.core.config import Settings
from app.core.db import new_session
from app.core.ids import utcnow
from app.jobs.runner import JobContext
from app.webhooks import guard
from app.webhooks.models import Webhook, WebhookDelivery
from app.webhooks.service import SIGNATURE_HEADER, TIMESTAMP_HEADER, sign


class DeliveryFailed(Exception):
    """The endpoint did not accept the event (retried)."""


def backoff_s(settings: Settings) -> float:
    return settings.webhook_backoff_s


def _record(settings: Settings, delivery_id: str, **values: object) -> None:
    with new_session(settings) as s:
        row = s.get(WebhookDelivery, delivery_id)
        if row is not None:
            for k, v in values.items():
                setattr(row, k, v)
            s.add(row)
            s.commit()


def post(to: guard.Destination, body: bytes, headers: dict[str, str], timeout_s: float) -> httpx.Response:
    """POST to the pinned address: the Host header and the TLS name (server name and certificate check) stay
    the ones the tenant wrote, so virtual hosts and certificates work as if the name had been looked up."""
    extensions = {"sni_hostname": to.tls_name} if to.tls_name else {}
    with httpx.Client(timeout=timeout_s) as client:
        return client.post(to.url, content=body, headers={**headers, "Host": to.host_header},
                           extensions=extensions)


def run(ctx: JobContext) -> None:
    settings = ctx.settings
    with new_session(settings) as s:
        delivery = s.get(WebhookDelivery, ctx.job.delivery_id)
        hook = s.get(Webhook, delivery.webhook_id) if delivery is not None else None
        if delivery is None or hook is None or not hook.active:  # endpoint removed meanwhile
            ctx.complete(s)
            s.commit()
            return
    body = json.dumps(delivery.payload, separators=(",", ":"), sort_keys=True).encode()
    timestamp = str(int(time.time()))
    headers = {
        "Content-Type": "application/json",
        "User-Agent": "callaudit-webhooks/1",
        "X-Callaudit-Event": delivery.event,
        "X-Callaudit-Delivery": delivery.id,
        TIMESTAMP_HEADER: timestamp,
        SIGNATURE_HEADER: sign(hook.secret, timestamp, body),
    }
    attempts = delivery.attempts + 1
    try:
        if settings.webhook_allow_private:
            response = httpx.post(hook.url, content=body, headers=headers, timeout=settings.webhook_timeout_s)
        else:
            response = post(guard.destination(hook.url), body, headers, settings.webhook_timeout_s)
    except guard.ForbiddenAddress as e:
        _record(settings, delivery.id, attempts=attempts, last_attempt_at=utcnow(), last_status_code=None,
                last_error=str(e))
        raise DeliveryFailed(str(e)) from e
    except (httpx.HTTPError, OSError) as e:
        _record(
            settings,
            delivery.id,
            attempts=attempts,
            last_attempt_at=utcnow(),
            last_status_code=None,
            last_error=f"{type(e).__name__}: {e}"[:2000],
        )
        raise DeliveryFailed(f"{hook.url}: {type(e).__name__}") from e
    if not 200 <= response.status_code < 300:
        _record(
            settings,
            delivery.id,
            attempts=attempts,
            last_attempt_at=utcnow(),
            last_status_code=response.status_code,
            last_error=response.text[:500] or None,
        )
        raise DeliveryFailed(f"{hook.url} answered {response.status_code}")
    with new_session(settings) as s:
        row = s.get(WebhookDelivery, delivery.id)
        ctx.complete(s)
        row.attempts, row.state, row.last_status_code, row.last_error = (
            attempts,
            "delivered",
            response.status_code,
            None,
        )
        row.last_attempt_at = row.delivered_at = utcnow()
        s.add(row)
        s.commit()


def fail(ctx: JobContext, message: str) -> None:
    from app.jobs.models import JobState

    with new_session(ctx.settings) as s:
        ctx.complete(s, JobState.failed, message)
        row = s.get(WebhookDelivery, ctx.job.delivery_id)
        if row is not None:
            row.state = "failed"
            row.last_error = (row.last_error or message)[:2000]
            s.add(row)
        s.commit()
