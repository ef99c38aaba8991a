"""`callaudit serve`: the API, with the embedded job pool unless a broker is configured."""

from __future__ import annotations

import argparse
import logging


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("serve", help="start the HTTP API (and the embedded job workers)")
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument(
        "--demo",
        action="store_true",
        help="make sure a `demo` tenant exists and print a fresh admin key for it",
    )
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.set_defaults(func=serve)


def _demo_key() -> str:
    from app.cli_commands.admin import new_tenant
    from app.core.config import get_settings
    from app.core.db import migrate, session_scope
    from app.tenants import service as tenant_service
    from app.tenants.models import Role

    settings = get_settings()
    migrate(settings)
    with session_scope(settings) as s:
        tenant = tenant_service.get_by_name(session=s, name="demo")
        if tenant is not None:
            _, key = tenant_service.create_key(session=s, tenant_id=tenant.id, role=Role.admin, name="demo")
            return key
    return new_tenant("demo")[1]


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from app.core.config import get_settings
    from app.main import create_app

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = get_settings()
    if args.demo:
        key = _demo_key()
        base = f"http://{args.host}:{args.port}"
        print(
            f"callaudit on {base} (data in {settings.data_dir.resolve()}, "
            f"{'Celery broker' if settings.broker_url else 'embedded workers'})"
        )
        print(f"OpenAPI docs: {base}/docs   (schema: {base}/openapi.json)")
        print(f"demo tenant admin key: {key}")
        print(f"try: curl -H 'Authorization: Bearer {key}' {base}/v1/checklists", flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level=args.log_level)
    return 0
