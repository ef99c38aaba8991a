"""Job kind -> the module that runs it (`run(ctx)`, `fail(ctx, message)`, `backoff_s(settings)`).

The one place a job kind is registered; `callaudit worker` and the embedded pool both read it.
"""

from __future__ import annotations

from types import ModuleType

from app.calls import tasks as call_tasks
from app.jobs.models import JobKind
from app.webhooks import tasks as webhook_tasks

HANDLERS: dict[str, ModuleType] = {
    JobKind.audit.value: call_tasks,
    JobKind.webhook.value: webhook_tasks,
}
