"""`/v1/checklists`: upload (new immutable version per upload), list, read."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.api.deps import CurrentTenant, SessionDep, require
from app.checklists import service
from app.checklists.models import ChecklistList, ChecklistPublic, ChecklistSummary, ChecklistVersion
from app.core.errors import PayloadTooLarge, UnsupportedMediaType
from app.tenants.models import Role

router = APIRouter(prefix="/v1/checklists", tags=["checklists"])

MAX_CHECKLIST_BYTES = 2 * 1024 * 1024
_TEXT_TYPES = (
    "application/yaml",
    "application/x-yaml",
    "text/yaml",
    "text/x-yaml",
    "application/json",
    "text/plain",
)

_UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "description": "The checklist as YAML or JSON: `id`, `name`, `language`, `reasons`, `items`.",
        "content": {
            "application/yaml": {"schema": {"type": "string"}},
            "application/json": {"schema": {"type": "object"}},
        },
    }
}


def _public(row: ChecklistVersion) -> ChecklistPublic:
    checklist = service.to_engine(row)
    return ChecklistPublic(
        id=row.checklist_id,
        version=row.version,
        name=row.name,
        language=row.language,
        created_at=row.created_at,
        checklist=row.body,
        yaml=checklist.to_yaml(),
    )


@router.post(
    "",
    status_code=201,
    response_model=ChecklistPublic,
    dependencies=[require(Role.manager)],
    openapi_extra=_UPLOAD_BODY,
    responses={
        200: {"description": "Identical to the latest version: nothing new stored.", "model": ChecklistPublic}
    },
)
async def create_checklist(
    request: Request, response: Response, session: SessionDep, tenant: CurrentTenant
) -> ChecklistPublic:
    """Upload a checklist. An id that exists gets a new version; earlier versions never change."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype not in _TEXT_TYPES:
        raise UnsupportedMediaType(
            f"checklists are sent as application/yaml or application/json, not {ctype or 'no content type'!r}"
        )
    body = await request.body()
    if len(body) > MAX_CHECKLIST_BYTES:
        raise PayloadTooLarge(f"a checklist may be at most {MAX_CHECKLIST_BYTES // 1024} KiB")
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as e:
        raise UnsupportedMediaType(f"checklist body is not UTF-8 text (byte {e.start})") from e
    checklist = service.parse_upload(text, where="checklist")
    row, created = service.create(session=session, tenant_id=tenant.id, checklist=checklist)
    session.commit()
    if not created:
        response.status_code = 200
    response.headers["Location"] = f"/v1/checklists/{row.checklist_id}?version={row.version}"
    return _public(row)


@router.get("", response_model=ChecklistList, dependencies=[require(Role.qa)])
def list_checklists(session: SessionDep, tenant: CurrentTenant) -> ChecklistList:
    """Every checklist of your tenant with its versions (the bundled library is loaded for new tenants)."""
    rows = service.get_all(session=session, tenant_id=tenant.id)
    by_id: dict[str, list[ChecklistVersion]] = {}
    for row in rows:
        by_id.setdefault(row.checklist_id, []).append(row)
    items = []
    for cid, versions in by_id.items():
        latest = versions[-1]
        items.append(
            ChecklistSummary(
                id=cid,
                name=latest.name,
                language=latest.language,
                latest_version=latest.version,
                versions=[v.version for v in versions],
                items=len(latest.body.get("items") or []),
                url=f"/v1/checklists/{cid}",
            )
        )
    return ChecklistList(items=items)


@router.get(
    "/{checklist_id}",
    response_model=ChecklistPublic,
    dependencies=[require(Role.qa)],
    responses={
        200: {"content": {"application/yaml": {}}},
        404: {"description": "No such checklist or version."},
    },
)
def get_checklist(
    session: SessionDep,
    tenant: CurrentTenant,
    checklist_id: str,
    version: Annotated[
        int | None, Query(ge=1, le=1_000_000, description="A version; latest if absent.")
    ] = None,
    format: Annotated[
        str, Query(pattern="^(json|yaml)$", description="`yaml` returns the YAML text.")
    ] = "json",
) -> ChecklistPublic | Response:
    """A checklist: the latest version, or the one named by `version`."""
    row = service.get_or_raise(
        session=session, tenant_id=tenant.id, checklist_id=checklist_id, version=version
    )
    public = _public(row)
    if format == "yaml":
        return Response(public.yaml, media_type="application/yaml")
    return public
