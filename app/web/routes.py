"""The pages' router, mounted by the app like any API router."""

from __future__ import annotations

from fastapi import APIRouter

from app.web import pages_auth, pages_calls, pages_checklists, pages_reports

router = APIRouter(include_in_schema=False)
for _module in (pages_auth, pages_calls, pages_checklists, pages_reports):
    router.include_router(_module.router)
