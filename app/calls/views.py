"""`/v1/calls`: submit a call (recording, transcript file or JSON), read, list, delete, re-audit."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Header, Query, Request, Response
from fastapi.responses import FileResponse
from sqlalchemy.exc import IntegrityError
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException

from app.api.deps import CurrentTenant, SessionDep, SettingsDep, require
from app.calls import intake, service
from app.calls.models import (
    Call,
    CallAccepted,
    CallDetail,
    CallMetadata,
    CallPage,
    CallStatus,
    CallSummary,
    ReauditRequest,
)
from app.checklists import service as checklist_service
from app.core import storage
from app.core.errors import ApiError, NotFound, Unprocessable, UnsupportedMediaType
from app.privacy.redactor import get_redactor
from app.tenants.models import Role, Tenant

router = APIRouter(prefix="/v1/calls", tags=["calls"])

_FORM_FIELDS = {
    "file": {
        "type": "string",
        "format": "binary",
        "description": "A recording (WAV, MP3, FLAC, OGG, M4A, WebM) or a transcript (JSON, text, WebVTT, "
        "SRT). What it is is told from its bytes, not its name.",
    },
    "checklist": {
        "type": "string",
        "maxLength": 100,
        "description": "Checklist id. Required unless a JSON transcript names one.",
    },
    "checklist_version": {"type": "integer", "minimum": 1, "description": "Version; the latest if absent."},
    "external_id": {"type": "string", "maxLength": 200, "description": "Your id for the call."},
    "agent_id": {"type": "string", "maxLength": 200},
    "queue": {"type": "string", "maxLength": 200},
    "started_at": {"type": "string", "format": "date-time"},
    "labels": {"type": "string", "description": "Free-form labels as a JSON object of strings."},
    "language": {
        "type": "string",
        "maxLength": 12,
        "description": "Language of a text transcript or recording.",
    },
}
_CREATE_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "multipart/form-data": {
                "schema": {"type": "object", "required": ["file"], "properties": _FORM_FIELDS}
            },
            "application/json": {"schema": {"$ref": "#/components/schemas/CallCreateJSON"}},
        },
    }
}
_ERRORS = {
    400: {"description": "Malformed request (JSON, multipart, cursor)."},
    404: {"description": "No such call in your tenant."},
    413: {"description": "Upload over the size limit."},
    415: {"description": "Neither a supported recording nor a text transcript, or recordings not supported."},
    422: {"description": "Invalid transcript, recording, checklist or field; the message names it."},
}


def _summary(call: Call) -> dict:
    return dict(
        id=call.id,
        status=CallStatus(call.status),
        external_id=call.external_id,
        agent_id=call.agent_id,
        queue=call.queue,
        started_at=call.started_at,
        labels=call.labels or {},
        checklist=call.checklist_id,
        checklist_version=call.checklist_version,
        source=call.source,
        questions_asked=call.questions_asked,
        waste_count=call.waste_count,
        waste_seconds=call.waste_seconds,
        has_waste=call.has_waste,
        created_at=call.created_at,
        completed_at=call.completed_at,
        url=f"/v1/calls/{call.id}",
    )


def _detail(call: Call, tenant: Tenant) -> CallDetail:
    transcript = call.transcript
    if transcript is not None and tenant.redact_pii and not call.redacted:  # not yet audited: redact to serve
        transcript = get_redactor().redact_tree(transcript)
    return CallDetail(
        **_summary(call),
        error=call.error,
        language=call.language,
        redacted=call.redacted or (tenant.redact_pii and transcript is not None),
        transcript=transcript,
        report=call.report,
        audio_url=f"/v1/calls/{call.id}/audio" if call.audio_sha256 else None,
    )


def _accepted(call: Call, response: Response) -> CallAccepted:
    response.headers["Location"] = f"/v1/calls/{call.id}"
    return CallAccepted(id=call.id, status=CallStatus(call.status), url=f"/v1/calls/{call.id}")


def _checklist(session, tenant_id: str, checklist_id: str | None, version: int | None):  # noqa: ANN001, ANN202
    if not checklist_id:
        raise Unprocessable("no checklist: give `checklist` (an id from GET /v1/checklists)")
    return checklist_service.get_or_raise(
        session=session, tenant_id=tenant_id, checklist_id=checklist_id, version=version, status_code=422
    )


async def _read_multipart(request: Request, settings, call_id: str):  # noqa: ANN001, ANN202
    try:
        form = await request.form(max_files=1, max_fields=20)
    except MultiPartException as e:
        raise ApiError(f"malformed multipart body: {e.message}") from e
    try:
        file = form.get("file")
        if not isinstance(file, UploadFile):
            raise Unprocessable("form field file: required (the recording or transcript)")
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        version = fields.get("checklist_version") or None
        if version is not None and not (version.isdigit() and 0 < int(version) < 10**9):
            raise Unprocessable(f"form field checklist_version: not a positive integer: {version[:20]!r}")
        language = fields.get("language") or None
        if language is not None and not (2 <= len(language) <= 12):
            raise Unprocessable("form field language: 2 to 12 characters")
        meta = intake.parse_form_metadata(fields)
        upload = await storage.spool(file, settings)
    finally:
        await form.close()
    try:
        got = intake.read_file(
            upload, filename=file.filename, call_id=call_id, language=language, settings=settings
        )
    except BaseException:
        upload.discard()
        raise
    return upload, got, meta, fields.get("checklist") or None, int(version) if version else None, language


@router.post(
    "",
    status_code=202,
    response_model=CallAccepted,
    openapi_extra=_CREATE_BODY,
    dependencies=[require(Role.qa)],
    responses=_ERRORS,
)
async def create_call(
    request: Request,
    response: Response,
    session: SessionDep,
    settings: SettingsDep,
    tenant: CurrentTenant,
    idempotency_key: Annotated[
        str | None,
        Header(max_length=200, description="Retry-safe submission: the same key returns the same call."),
    ] = None,
) -> CallAccepted:
    """Submit a call for auditing: a recording or transcript file (multipart), or a JSON transcript.

    Answers 202 at once; poll the returned URL (or register a webhook) until status is `done` or `failed`.
    """
    if idempotency_key:
        existing = service.get_by_idempotency_key(session=session, tenant_id=tenant.id, key=idempotency_key)
        if existing is not None:
            return _accepted(existing, response)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    call_id = service.new_call_id()
    upload = None
    if ctype == "multipart/form-data":
        upload, got, meta, checklist_id, version, language = await _read_multipart(request, settings, call_id)
        transcript = got.transcript
        if meta.external_id is None and got.external_id:
            meta = meta.model_copy(update={"external_id": got.external_id[:200]})
        if checklist_id is None and transcript is not None:
            checklist_id = transcript.checklist
    elif ctype == "application/json":
        body = intake.parse_json_body(await request.body())
        transcript, own_id = intake.read_transcript(
            json.dumps(body.transcript), where="body.transcript", call_id=call_id, language=None
        )
        meta = CallMetadata(**body.model_dump(include=set(CallMetadata.model_fields)))
        if meta.external_id is None and own_id:
            meta = meta.model_copy(update={"external_id": own_id[:200]})
        checklist_id, version, language = body.checklist or transcript.checklist, body.checklist_version, None
    else:
        raise UnsupportedMediaType(
            f"send multipart/form-data (a file) or application/json (a transcript), "
            f"not {ctype or 'nothing'!r}"
        )
    try:
        row = _checklist(session, tenant.id, checklist_id, version)
        if upload is not None and transcript is None:
            storage.keep(upload, settings)
        call = service.create(
            session=session,
            tenant_id=tenant.id,
            call_id=call_id,
            meta=meta,
            checklist_id=row.checklist_id,
            checklist_version=row.version,
            source="audio" if transcript is None else "transcript",
            transcript=transcript,
            audio_sha256=upload.sha256 if upload and transcript is None else None,
            audio_bytes=upload.size if upload and transcript is None else None,
            content_type=ctype,
            language=language,
            idempotency_key=idempotency_key,
            max_attempts=settings.job_max_attempts,
        )
        job_id = call.current_job_id
        session.commit()
    except IntegrityError:  # the same Idempotency-Key raced in from another request
        session.rollback()
        _forget_upload(session, settings, upload, transcript)
        existing = service.get_by_idempotency_key(
            session=session, tenant_id=tenant.id, key=idempotency_key or ""
        )
        if existing is None:
            raise
        return _accepted(existing, response)
    except BaseException:
        session.rollback()
        _forget_upload(session, settings, upload, transcript)
        raise
    finally:
        if upload is not None and transcript is not None:
            upload.discard()  # a transcript file is stored parsed (and redacted), never as the raw file
    request.app.state.dispatcher.submitted([job_id])
    return _accepted(call, response)


def _forget_upload(session, settings, upload, transcript) -> None:  # noqa: ANN001
    """Remove a recording kept for a call that was not created (unless another call uses it)."""
    if upload is None or transcript is not None:
        return
    upload.discard()
    if session.exec(_uses(upload.sha256)).first() is None:
        storage.delete(settings, upload.sha256)


def _uses(sha: str):  # noqa: ANN202
    from sqlmodel import select

    return select(Call.id).where(Call.audio_sha256 == sha).limit(1)


@router.get("", response_model=CallPage, dependencies=[require(Role.qa)], responses={400: _ERRORS[400]})
def list_calls(
    session: SessionDep,
    tenant: CurrentTenant,
    checklist: Annotated[str | None, Query(max_length=100, description="Checklist id.")] = None,
    version: Annotated[int | None, Query(ge=1, le=10**9, description="Checklist version.")] = None,
    agent: Annotated[str | None, Query(max_length=200, description="Agent id.")] = None,
    queue: Annotated[str | None, Query(max_length=200)] = None,
    date_from: Annotated[
        datetime | None, Query(alias="from", description="Calls at or after (ISO 8601).")
    ] = None,
    date_to: Annotated[datetime | None, Query(alias="to", description="Calls before (ISO 8601).")] = None,
    status: Annotated[CallStatus | None, Query()] = None,
    has_waste: Annotated[
        bool | None, Query(description="Only calls with (or without) waste questions.")
    ] = None,
    external_id: Annotated[str | None, Query(max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=200, description="Page size.")] = 50,
    cursor: Annotated[
        str | None, Query(max_length=500, description="`next_cursor` of the previous page.")
    ] = None,
) -> CallPage:
    """Calls of your tenant, newest first, filtered; follow `next_cursor` for more."""
    filters = service.CallFilters(
        checklist=checklist,
        version=version,
        agent=agent,
        queue=queue,
        date_from=date_from,
        date_to=date_to,
        status=status,
        has_waste=has_waste,
        external_id=external_id,
    )
    rows, next_cursor = service.get_all(
        session=session, tenant_id=tenant.id, filters=filters, limit=limit, cursor=cursor
    )
    return CallPage(items=[CallSummary(**_summary(c)) for c in rows], next_cursor=next_cursor)


def _get_or_404(session, tenant_id: str, call_id: str) -> Call:  # noqa: ANN001
    call = service.get(session=session, tenant_id=tenant_id, call_id=call_id)
    if call is None:
        raise NotFound(f"no call {call_id!r}")
    return call


@router.get(
    "/{call_id}", response_model=CallDetail, dependencies=[require(Role.qa)], responses={404: _ERRORS[404]}
)
def get_call(call_id: str, session: SessionDep, tenant: CurrentTenant) -> CallDetail:
    """A call: its status (and error), transcript and audit report."""
    return _detail(_get_or_404(session, tenant.id, call_id), tenant)


@router.get(
    "/{call_id}/audio",
    dependencies=[require(Role.qa)],
    response_class=FileResponse,
    responses={200: {"content": {"application/octet-stream": {}}}, 404: _ERRORS[404]},
)
def get_call_audio(
    call_id: str, session: SessionDep, settings: SettingsDep, tenant: CurrentTenant
) -> FileResponse:
    """The call's recording, when it was uploaded as one."""
    call = _get_or_404(session, tenant.id, call_id)
    if not call.audio_sha256:
        raise NotFound(f"call {call_id!r} was uploaded as a transcript and has no recording")
    path = storage.blob_path(settings, call.audio_sha256)
    if not path.is_file():
        raise NotFound(f"the recording of call {call_id!r} is no longer stored")
    return FileResponse(path, media_type="application/octet-stream")


@router.delete("/{call_id}", status_code=204, dependencies=[require(Role.qa)], responses={404: _ERRORS[404]})
def delete_call(call_id: str, session: SessionDep, settings: SettingsDep, tenant: CurrentTenant) -> Response:
    """Delete a call with its recording, transcript, report and verdict rows."""
    call = _get_or_404(session, tenant.id, call_id)
    orphan = service.delete(session=session, call=call)
    session.commit()
    if orphan:
        storage.delete(settings, orphan)
    return Response(status_code=204)


@router.post(
    "/{call_id}/reaudit",
    status_code=202,
    response_model=CallAccepted,
    dependencies=[require(Role.qa)],
    responses={
        404: _ERRORS[404],
        409: {"description": "The call is still being processed."},
        422: _ERRORS[422],
    },
)
def reaudit_call(
    request: Request,
    response: Response,
    call_id: str,
    session: SessionDep,
    settings: SettingsDep,
    tenant: CurrentTenant,
    body: ReauditRequest | None = None,
) -> CallAccepted:
    """Audit a call again, against the latest (or a given) version of its checklist or another checklist."""
    call = _get_or_404(session, tenant.id, call_id)
    body = body or ReauditRequest()
    row = _checklist(session, tenant.id, body.checklist or call.checklist_id, body.checklist_version)
    call = service.reaudit(
        session=session,
        call=call,
        checklist_id=row.checklist_id,
        checklist_version=row.version,
        max_attempts=settings.job_max_attempts,
    )
    job_id = call.current_job_id
    session.commit()
    request.app.state.dispatcher.submitted([job_id])
    return _accepted(call, response)
