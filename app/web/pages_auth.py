"""Sign in with an API key, sign out, and the vendored static files."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Form, HTTPException, Request
from fastapi.responses import FileResponse, RedirectResponse, Response

from app.api.deps import SessionDep
from app.tenants.models import Role
from app.web import auth
from app.web.auth import CsrfUserDep
from app.web.templating import render

router = APIRouter(include_in_schema=False)
STATIC = (Path(__file__).parent / "static").resolve()
_TYPES = {".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png"}


def _safe_next(target: str | None) -> str:
    """Only local paths: a sign-in link must not send the user to another site."""
    if target and target.startswith("/ui/") and not target.startswith("//"):
        return target
    return "/ui/"


@router.get("/ui/static/{path:path}")
def static(path: str) -> FileResponse:
    file = (STATIC / path).resolve()
    if not file.is_relative_to(STATIC) or not file.is_file() or file.suffix not in _TYPES:
        raise HTTPException(404, "no such file")
    return FileResponse(file, media_type=_TYPES[file.suffix], headers={"Cache-Control": "public, max-age=3600"})


@router.get("/ui/login")
def login_page(request: Request, session: SessionDep, next: str | None = None) -> Response:
    if auth.current(session, request.cookies.get(auth.COOKIE)) is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return render(request, "login.html", None, next=_safe_next(next), error=None)


@router.post("/ui/login")
def login(
    request: Request,
    session: SessionDep,
    api_key: Annotated[str, Form(max_length=300)] = "",
    next: Annotated[str, Form(max_length=500)] = "/ui/",
) -> Response:
    got = auth.sign_in(session=session, api_key=api_key)
    if got is None:
        return render(
            request,
            "login.html",
            None,
            status_code=401,
            next=_safe_next(next),
            error="That key is not valid (or was revoked).",
        )
    token, _ = got
    resp = RedirectResponse(_safe_next(next), status_code=303)
    resp.set_cookie(
        auth.COOKIE,
        token,
        max_age=int(auth.LIFETIME.total_seconds()),
        httponly=True,
        samesite="lax",
        secure=request.url.scheme == "https",
        path="/",
    )
    return resp


@router.post("/ui/logout")
def logout(request: Request, session: SessionDep, user: CsrfUserDep) -> Response:
    auth.sign_out(session=session, token=request.cookies.get(auth.COOKIE))
    resp = RedirectResponse("/ui/login", status_code=303)
    resp.delete_cookie(auth.COOKIE, path="/")
    return resp


@router.get("/ui/")
def home(user: auth.WebUserDep) -> Response:
    """Managers land on the waste dashboard, QA on the calls."""
    return RedirectResponse("/ui/dashboard" if user.can(Role.manager) else "/ui/calls", status_code=303)
