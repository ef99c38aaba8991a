"""Request-body size limit, enforced while the body streams in (before any parsing or spooling)."""

from __future__ import annotations

import json

from app.core.errors import PayloadTooLarge


class BodySizeLimit:
    """ASGI middleware: refuse bodies over `limit` bytes with 413, by Content-Length or while counting."""

    def __init__(self, app, *, limit: int, message: str) -> None:  # noqa: ANN001 - ASGI app
        self.app = app
        self.limit = limit
        self.message = message

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        seen = 0

        async def counting_receive():  # noqa: ANN202
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    raise PayloadTooLarge(self.message)
            return message

        await self.app(scope, counting_receive, send)

    async def _refuse(self, send) -> None:  # noqa: ANN001
        body = json.dumps({"detail": self.message}).encode()
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"connection", b"close"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})
