"""The service's error vocabulary and its mapping to HTTP, in one place.

Engine errors (`audit.errors.AuditError`) are the user's fault (a bad transcript, checklist or recording)
and become 422 with the engine's message, which names the file, line or field.
"""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse

from audit.errors import AuditError, ModelNotFoundError

log = logging.getLogger("callaudit.api")


class ApiError(Exception):
    """An error with an HTTP status and a message for the integrator."""

    status_code = 400

    def __init__(self, detail: str, *, status_code: int | None = None) -> None:
        super().__init__(detail)
        self.detail = detail
        if status_code is not None:
            self.status_code = status_code


class NotFound(ApiError):
    status_code = 404


class Conflict(ApiError):
    status_code = 409


class PayloadTooLarge(ApiError):
    status_code = 413


class UnsupportedMediaType(ApiError):
    status_code = 415


class Unprocessable(ApiError):
    status_code = 422


def install_handlers(app: FastAPI) -> None:
    """Register the exception handlers on the app."""

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)

    @app.exception_handler(AuditError)
    async def _audit_error(_request: Request, exc: AuditError) -> JSONResponse:
        status = 503 if isinstance(exc, ModelNotFoundError) else 422
        return JSONResponse({"detail": str(exc)}, status_code=status)
