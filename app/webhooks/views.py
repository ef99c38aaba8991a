"""`/v1/webhooks`: endpoints notified when a call is done or failed, and their delivery log (admin)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response

from app.api.deps import CurrentTenant, SessionDep, SettingsDep, require
from app.core.errors import NotFound, Unprocessable
from app.tenants.models import Role
from app.webhooks import guard, service
from app.webhooks.models import (
    DeliveryList,
    DeliveryPublic,
    Webhook,
    WebhookCreate,
    WebhookCreated,
    WebhookList,
    WebhookPublic,
)

router = APIRouter(prefix="/v1/webhooks", tags=["webhooks"], dependencies=[require(Role.admin)])
_404 = {404: {"description": "No such webhook in your tenant."}}


def _public(h: Webhook) -> dict:
    return dict(id=h.id, url=h.url, events=list(h.events), active=h.active, created_at=h.created_at)


def _get_or_404(session, tenant_id: str, webhook_id: str) -> Webhook:  # noqa: ANN001
    hook = service.get(session=session, tenant_id=tenant_id, webhook_id=webhook_id)
    if hook is None:
        raise NotFound(f"no webhook {webhook_id!r}")
    return hook


@router.post("", status_code=201, response_model=WebhookCreated)
def create_webhook(body: WebhookCreate, session: SessionDep, tenant: CurrentTenant,
                   settings: SettingsDep) -> WebhookCreated:
    """Register a URL to receive `call.done` / `call.failed` events, signed with HMAC-SHA256.

    Each event is a POST of JSON with headers `X-Callaudit-Event`, `X-Callaudit-Delivery`,
    `X-Callaudit-Timestamp` and `X-Callaudit-Signature: sha256=HEX`, where HEX is the HMAC-SHA256 of
    `TIMESTAMP.BODY` keyed with the secret returned here. Non-2xx answers
    are retried with exponential backoff. URLs on loopback, private, link-local or reserved addresses are
    refused (422) unless the deployment allows them.
    """
    url = str(body.url)
    address = None if settings.webhook_allow_private else guard.written_address(url)
    if address is not None:
        raise Unprocessable(f"webhook url points at a non-public address ({address}); the service does not "
                            "call into its own network unless CALLAUDIT_WEBHOOK_ALLOW_PRIVATE is set")
    hook = service.create(session=session, tenant_id=tenant.id, url=url, events=list(body.events))
    session.commit()
    return WebhookCreated(**_public(hook), secret=hook.secret)


@router.get("", response_model=WebhookList)
def list_webhooks(session: SessionDep, tenant: CurrentTenant) -> WebhookList:
    """Your tenant's webhooks."""
    return WebhookList(
        items=[WebhookPublic(**_public(h)) for h in service.get_all(session=session, tenant_id=tenant.id)]
    )


@router.get("/{webhook_id}", response_model=WebhookPublic, responses=_404)
def get_webhook(webhook_id: str, session: SessionDep, tenant: CurrentTenant) -> WebhookPublic:
    """One webhook."""
    return WebhookPublic(**_public(_get_or_404(session, tenant.id, webhook_id)))


@router.delete("/{webhook_id}", status_code=204, responses=_404)
def delete_webhook(webhook_id: str, session: SessionDep, tenant: CurrentTenant) -> Response:
    """Remove a webhook and its delivery log; pending deliveries are dropped."""
    service.delete(session=session, hook=_get_or_404(session, tenant.id, webhook_id))
    session.commit()
    return Response(status_code=204)


@router.get("/{webhook_id}/deliveries", response_model=DeliveryList, responses=_404)
def list_deliveries(
    webhook_id: str,
    session: SessionDep,
    tenant: CurrentTenant,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
) -> DeliveryList:
    """The delivery log, newest first: state, attempts, last status code or error."""
    _get_or_404(session, tenant.id, webhook_id)
    rows = service.get_deliveries(session=session, tenant_id=tenant.id, webhook_id=webhook_id, limit=limit)
    return DeliveryList(items=[DeliveryPublic.model_validate(r, from_attributes=True) for r in rows])
