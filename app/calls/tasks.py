"""The audit job: transcribe if needed, audit, redact, store, notify. One function, run by either worker.

Audit first, redact second: verdicts are computed on the real words, and only redacted text is stored.
The result is written in one transaction fenced by the job's lease and the call's current job, so a job
run twice (or superseded by a re-audit) stores one result.
"""

from __future__ import annotations

from app.calls import engine, speech
from app.calls import service as call_service
from app.calls.models import Call, CallStatus
from app.checklists import service as checklist_service
from app.core import storage
from app.core.config import Settings
from app.core.db import new_session
from app.jobs.models import JobState
from app.jobs.runner import JobContext, LeaseLost
from app.privacy.audio import redacted_times, silence_wav
from app.privacy.redactor import get_redactor
from app.tenants.models import Tenant
from app.webhooks import service as webhook_service
from audit.transcript import Transcript


def backoff_s(settings: Settings) -> float:
    return settings.job_backoff_s


def _load(ctx: JobContext) -> tuple[Call, Tenant] | None:
    with new_session(ctx.settings) as s:
        call = s.get(Call, ctx.job.call_id)
        if call is None or call.current_job_id != ctx.job.id:  # deleted, or superseded by a re-audit
            ctx.complete(s)
            s.commit()
            return None
        return call, s.get(Tenant, call.tenant_id)


def _progress(ctx: JobContext, status: CallStatus) -> None:
    if ctx.lost.is_set():
        raise LeaseLost(ctx.job.id)
    with new_session(ctx.settings) as s:
        call_service.set_status(session=s, call_id=ctx.job.call_id, job_id=ctx.job.id, status=status)


def _transcript(ctx: JobContext, call: Call) -> Transcript:
    if call.transcript is not None:
        return Transcript.model_validate(call.transcript)
    _progress(ctx, CallStatus.transcribing)
    path = storage.blob_path(ctx.settings, call.audio_sha256 or "")
    return speech.transcribe(path, call_id=call.id, language=call.language, metadata=_metadata(call))


def _metadata(call: Call) -> dict:
    meta = {k: v for k, v in {"agent_id": call.agent_id, "queue": call.queue}.items() if v}
    return {**meta, **(call.labels or {})}


def _webhook_payload(call: Call, event: str) -> dict:
    return {
        "event": event,
        "call_id": call.id,
        "external_id": call.external_id,
        "status": call.status,
        "error": call.error,
        "checklist": {"id": call.checklist_id, "version": call.checklist_version},
        "summary": (call.report or {}).get("summary"),
        "url": f"/v1/calls/{call.id}",
    }


def run(ctx: JobContext) -> None:
    loaded = _load(ctx)
    if loaded is None:
        return
    call, tenant = loaded
    transcript = _transcript(ctx, call)
    with new_session(ctx.settings) as s:
        row = checklist_service.get_or_raise(
            session=s,
            tenant_id=call.tenant_id,
            checklist_id=call.checklist_id,
            version=call.checklist_version,
            status_code=422,
        )
    checklist = checklist_service.to_engine(row)
    _progress(ctx, CallStatus.auditing)
    report = engine.audit(transcript, checklist, report_language=ctx.settings.report_language)
    report = report.model_dump(mode="json")
    transcript_data = transcript.model_dump(mode="json")
    redact = tenant is None or tenant.redact_pii
    silenced = None
    if redact:
        redactor = get_redactor()
        if call.audio_sha256 and ctx.settings.redact_audio:
            times = redacted_times(transcript_data, redactor)
            silenced = _silence(ctx.settings, call.audio_sha256, times)
        transcript_data = redactor.redact_tree(transcript_data)
        report = redactor.redact_tree(report)
    with new_session(ctx.settings) as s:
        ctx.complete(s)
        call = s.get(Call, call.id, populate_existing=True)
        if call is None or call.current_job_id != ctx.job.id:
            s.commit()
            return
        call_service.store_result(
            session=s, call=call, transcript=transcript_data, report=report, redacted=redact
        )
        replaced = None
        if silenced is not None and call.audio_sha256 != silenced.sha256:
            replaced, call.audio_sha256, call.audio_bytes = call.audio_sha256, silenced.sha256, silenced.size
            s.add(call)
        job_ids = webhook_service.notify(
            session=s,
            tenant_id=call.tenant_id,
            event="call.done",
            call_id=call.id,
            payload=_webhook_payload(call, "call.done"),
            max_attempts=ctx.settings.webhook_max_attempts,
        )
        s.commit()
        if replaced is not None:
            call_service.delete_orphan_blob(session=s, settings=ctx.settings, sha256=replaced)
    ctx.submitted(job_ids)


def _silence(settings: Settings, sha256: str, times: list[tuple[float, float]]) -> storage.TempUpload | None:
    """A copy of the recording with personal data silenced, stored by its hash (None: nothing to do)."""
    if not times:
        return None
    settings.tmp_dir.mkdir(parents=True, exist_ok=True)
    dst = settings.tmp_dir / f"silenced-{sha256}.wav"
    if not silence_wav(storage.blob_path(settings, sha256), dst, times):
        dst.unlink(missing_ok=True)
        return None
    return storage.store_file(dst, settings)


def fail(ctx: JobContext, message: str) -> None:
    with new_session(ctx.settings) as s:
        ctx.complete(s, JobState.failed, message)
        call = s.get(Call, ctx.job.call_id, populate_existing=True)
        job_ids: list[str] = []
        if call is not None and call.current_job_id == ctx.job.id:
            call_service.store_failure(session=s, call=call, message=message)
            job_ids = webhook_service.notify(
                session=s,
                tenant_id=call.tenant_id,
                event="call.failed",
                call_id=call.id,
                payload=_webhook_payload(call, "call.failed"),
                max_attempts=ctx.settings.webhook_max_attempts,
            )
        s.commit()
    ctx.submitted(job_ids)
