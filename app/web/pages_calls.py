"""Calls: upload (many files, per-file status), the filtered list, and the call page with overrides."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlmodel import select

from app.api.deps import SessionDep, SettingsDep
from app.calls import service as call_service
from app.calls import views as call_views
from app.calls.models import Call, CallQuestion, CallStatus
from app.calls.service import CallFilters
from app.checklists import service as checklist_service
from app.core.errors import ApiError
from app.managers import dashboard as dashboard_service
from app.managers import overrides as override_service
from app.managers.models import OverrideCreate
from app.privacy.redactor import get_redactor
from app.web.auth import CsrfUserDep, WebUserDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)
PAGE = 25


def _checklist_ids(session, tenant_id: str) -> list[str]:  # noqa: ANN001
    return sorted({r.checklist_id for r in checklist_service.get_all(session=session, tenant_id=tenant_id)})


@router.get("/ui/upload")
def upload_page(request: Request, session: SessionDep, user: WebUserDep) -> Response:
    return render(request, "upload.html", user, checklists=_checklist_ids(session, user.tenant.id))


@router.post("/ui/upload")
async def upload(
    request: Request, response: Response, session: SessionDep, settings: SettingsDep, user: CsrfUserDep
) -> Response:
    """One file of a multi-file upload, through the API's own intake (same checks, same limits)."""
    try:
        accepted = await call_views.create_call(
            request=request,
            response=response,
            session=session,
            settings=settings,
            tenant=user.tenant,
            idempotency_key=None,
        )
    except ApiError as e:
        return JSONResponse({"detail": e.detail}, status_code=e.status_code)
    return JSONResponse(
        {"id": accepted.id, "status": accepted.status, "page": f"/ui/calls/{accepted.id}"}, status_code=202
    )


@router.get("/ui/calls/{call_id}/status")
def call_status(call_id: str, session: SessionDep, user: WebUserDep) -> Response:
    call = call_service.get(session=session, tenant_id=user.tenant.id, call_id=call_id)
    if call is None:
        return JSONResponse({"detail": "no such call"}, status_code=404)
    return JSONResponse(
        {
            "id": call.id,
            "status": call.status,
            "error": call.error,
            "questions": call.questions_asked,
            "waste": call.waste_count,
        }
    )


def _parse_date(value: str | None) -> datetime | None:
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


@router.get("/ui/calls")
def calls_page(
    request: Request,
    session: SessionDep,
    user: WebUserDep,
    checklist: Annotated[str | None, Query(max_length=100)] = None,
    version: Annotated[int | None, Query(ge=1, le=1_000_000)] = None,
    agent: Annotated[str | None, Query(max_length=200)] = None,
    queue: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=40)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=40)] = None,
    status: Annotated[str | None, Query(max_length=16)] = None,
    has_waste: Annotated[str | None, Query(max_length=5)] = None,
    item: Annotated[str | None, Query(max_length=100)] = None,
    verdict: Annotated[str | None, Query(max_length=16)] = None,
    cursor: Annotated[str | None, Query(max_length=500)] = None,
    page: Annotated[int, Query(ge=0, le=10000)] = 0,
) -> Response:
    args = {k: v for k, v in request.query_params.items() if k not in ("cursor", "page") and v}
    checklist, agent, queue = checklist or None, agent or None, queue or None
    start, end = _parse_date(date_from), _parse_date(date_to)
    next_url = None
    if item and checklist and version:
        f = dashboard_service.DashboardFilters(
            checklist=checklist, version=version, date_from=start, date_to=end, agent=agent, queue=queue
        )
        rows = dashboard_service.calls_behind(
            session=session,
            tenant_id=user.tenant.id,
            f=f,
            item=item,
            status=verdict or None,
            limit=PAGE + 1,
            offset=page * PAGE,
        )
        if len(rows) > PAGE:
            next_url = _url(args, page=page + 1)
        rows = rows[:PAGE]
    else:
        st = CallStatus(status) if status in CallStatus.__members__ else None
        waste = {"yes": True, "no": False}.get(has_waste or "")
        filters = CallFilters(
            checklist=checklist,
            version=version,
            agent=agent,
            queue=queue,
            date_from=start,
            date_to=end,
            status=st,
            has_waste=waste,
        )
        try:
            rows, nxt = call_service.get_all(
                session=session, tenant_id=user.tenant.id, filters=filters, limit=PAGE, cursor=cursor
            )
        except ApiError:
            rows, nxt = [], None
        next_url = _url(args, cursor=nxt) if nxt else None
    return render(
        request,
        "calls.html",
        user,
        calls=rows,
        args=args,
        next_url=next_url,
        checklists=_checklist_ids(session, user.tenant.id),
        statuses=list(CallStatus.__members__),
        drill={"item": item, "verdict": verdict} if item else None,
    )


def _url(args: dict[str, str], **extra: Any) -> str:
    from urllib.parse import urlencode

    return "/ui/calls?" + urlencode({**args, **{k: v for k, v in extra.items() if v is not None}})


def _in_force(session, call: Call, overrides: list) -> dict[tuple[int, str], Any]:  # noqa: ANN001
    """The latest override per question whose verdict is still the question's (a re-audit voids them)."""
    rows = {
        (q.utterance, q.item): q.status
        for q in session.exec(select(CallQuestion).where(CallQuestion.call_id == call.id))
    }
    out = {}
    for ov in overrides:
        if rows.get((ov.utterance, ov.item)) == ov.status:
            out[(ov.utterance, ov.item)] = ov
    return out


@router.get("/ui/calls/{call_id}")
def call_page(request: Request, call_id: str, session: SessionDep, user: WebUserDep) -> Response:
    call = call_service.get(session=session, tenant_id=user.tenant.id, call_id=call_id)
    if call is None:
        return render(request, "error.html", user, status_code=404, message=f"No call {call_id!r}.")
    transcript = call.transcript or {}
    if call.transcript and user.tenant.redact_pii and not call.redacted:
        transcript = get_redactor().redact_tree(call.transcript)
    report = call.report or {}
    rows = session.exec(select(CallQuestion).where(CallQuestion.call_id == call.id)).all()
    current = {(q.utterance, q.item): q.status for q in rows}
    overrides = override_service.get_all(session=session, tenant_id=user.tenant.id, call_id=call.id)
    in_force = _in_force(session, call, overrides)
    by_utt: dict[int, list[dict]] = {}
    for q in report.get("questions", []):
        key = (q["utterance"], q["item"])
        ov = next((o for (u, it), o in in_force.items() if u == q["utterance"] and o.engine_item == q["item"]), None)
        shown = dict(q, status=current.get(key, q["status"]))
        if ov is not None:
            shown.update(item=ov.item, status=ov.status, override=ov)
        by_utt.setdefault(q["utterance"], []).append(shown)
    evidence = {e["utterance"] for qs in by_utt.values() for q in qs for e in q.get("evidence", [])}
    focus = {f["utterance"]: f for f in report.get("customer_focus", [])}
    version = checklist_service.get(
        session=session,
        tenant_id=user.tenant.id,
        checklist_id=call.checklist_id,
        version=call.checklist_version,
    )
    items = [i["id"] for i in (version.body.get("items", []) if version else [])]
    missing = [i["item"] for i in report.get("items", []) if i["status"] == "missing"]
    return render(
        request,
        "call.html",
        user,
        call=call,
        utterances=transcript.get("utterances", []),
        questions=by_utt,
        evidence=evidence,
        focus=focus,
        report=report,
        items=items,
        missing=missing,
        overrides=overrides,
        error=request.query_params.get("error"),
    )


@router.post("/ui/calls/{call_id}/overrides")
def override(
    request: Request,
    call_id: str,
    session: SessionDep,
    user: CsrfUserDep,
    utterance: Annotated[int, Form()],
    item: Annotated[str, Form(max_length=100)],
    status: Annotated[str, Form(max_length=16)] = "",
    new_item: Annotated[str, Form(max_length=100)] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> Response:
    from urllib.parse import quote

    try:
        body = OverrideCreate(
            utterance=utterance,
            item=item,
            status=status or None,
            new_item=(new_item if new_item and new_item != item else None),
            reason=reason,
        )
        override_service.create(session=session, tenant_id=user.tenant.id, call_id=call_id, body=body, key=user.key)
    except ValidationError as e:
        msg = "; ".join(f"{'.'.join(str(p) for p in err['loc']) or 'form'}: {err['msg']}" for err in e.errors())
        return RedirectResponse(f"/ui/calls/{call_id}?error={quote(msg)}#u{utterance}", status_code=303)
    except ApiError as e:
        if e.status_code == 404 and "unknown call" in e.detail:
            return render(request, "error.html", user, status_code=404, message=e.detail)
        return RedirectResponse(f"/ui/calls/{call_id}?error={quote(e.detail)}#u{utterance}", status_code=303)
    return RedirectResponse(f"/ui/calls/{call_id}#u{utterance}", status_code=303)


@router.get("/ui/calls/{call_id}/audio")
def call_audio(call_id: str, session: SessionDep, settings: SettingsDep, user: WebUserDep) -> Response:
    try:
        return call_views.get_call_audio(call_id=call_id, session=session, settings=settings, tenant=user.tenant)
    except ApiError as e:
        return JSONResponse({"detail": e.detail}, status_code=e.status_code)
