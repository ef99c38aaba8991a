"""`callaudit admin`: create tenants and API keys (printing a key once), run migrations."""

from __future__ import annotations

import argparse

from app.core.config import get_settings
from app.core.db import migrate, session_scope
from app.tenants.models import Role


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("admin", help="manage tenants and API keys of the service")
    admin = p.add_subparsers(dest="admin_command", metavar="ACTION", required=True)

    t = admin.add_parser("create-tenant", help="create a tenant; prints its first admin key on the last line")
    t.add_argument("name")
    t.set_defaults(func=create_tenant)

    k = admin.add_parser("create-key", help="create an API key for a tenant; prints it on the last line")
    k.add_argument("tenant", help="tenant name or id")
    k.add_argument("--role", choices=[r.value for r in Role], default=Role.qa.value)
    k.add_argument("--name", default="", help="a label for the key")
    k.set_defaults(func=create_key)

    m = admin.add_parser("migrate", help="bring the database schema up to date")
    m.set_defaults(func=lambda _args: migrate(get_settings()) or 0)


def new_tenant(name: str) -> tuple[str, str]:
    """Create a tenant with the checklist library and an admin key; returns (tenant id, key)."""
    from app.checklists import service as checklist_service
    from app.tenants import service as tenant_service

    settings = get_settings()
    migrate(settings)
    with session_scope(settings) as s:
        tenant = tenant_service.create(session=s, name=name)
        checklist_service.load_library(session=s, tenant_id=tenant.id, scripts_dir=settings.scripts_dir)
        _, key = tenant_service.create_key(
            session=s, tenant_id=tenant.id, role=Role.admin, name="first admin key"
        )
        return tenant.id, key


def create_tenant(args: argparse.Namespace) -> int:
    from app.core.errors import ApiError

    try:
        tenant_id, key = new_tenant(args.name)
    except ApiError as e:
        print(f"callaudit: error: {e.detail}")
        return 2
    print(f"tenant {args.name!r} created: {tenant_id}")
    print("its admin API key (shown once; send it as `Authorization: Bearer KEY`):")
    print(key)
    return 0


def create_key(args: argparse.Namespace) -> int:
    from app.tenants import service as tenant_service

    settings = get_settings()
    migrate(settings)
    with session_scope(settings) as s:
        tenant = tenant_service.get(session=s, tenant_id=args.tenant) or tenant_service.get_by_name(
            session=s, name=args.tenant
        )
        if tenant is None:
            print(f"callaudit: error: no tenant named {args.tenant!r}")
            return 2
        _, key = tenant_service.create_key(
            session=s, tenant_id=tenant.id, role=Role(args.role), name=args.name
        )
    print(f"{args.role} key for tenant {tenant.name!r} (shown once):")
    print(key)
    return 0
