"""`callaudit worker`: a Celery worker for scale-out mode (`CALLAUDIT_BROKER_URL` must be set)."""

from __future__ import annotations

import argparse
import logging
import os
import socket


def add_parser(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("worker", help="run audit jobs from the Celery broker (scale-out mode)")
    p.add_argument("--concurrency", type=int, default=2, help="jobs run at once (threads)")
    p.add_argument("--name", default=None, help="worker name (default: host and pid)")
    p.add_argument("--metrics-port", type=int, default=None, help="serve Prometheus metrics on this port")
    p.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    p.set_defaults(func=worker)


def worker(args: argparse.Namespace) -> int:
    from app.core.config import get_settings
    from app.core.db import migrate
    from app.jobs.celery_app import _dispatcher, create_celery
    from app.jobs.dispatch import Sweeper

    logging.basicConfig(
        level=args.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    logging.getLogger("alembic").setLevel(logging.WARNING)
    settings = get_settings()
    if not settings.broker_url:
        print(
            "callaudit: error: CALLAUDIT_BROKER_URL is not set "
            "(without it, `callaudit serve` runs jobs itself)"
        )
        return 2
    migrate(settings)
    app = create_celery(settings)
    if args.metrics_port:
        from prometheus_client import start_http_server

        from app.core.metrics import REGISTRY

        start_http_server(args.metrics_port, registry=REGISTRY)
    sweeper = Sweeper(settings, _dispatcher(app, settings))
    sweeper.start()
    name = args.name or f"callaudit-{socket.gethostname()}-{os.getpid()}"
    try:
        app.worker_main(
            [
                "worker",
                "--pool=threads",
                f"--concurrency={args.concurrency}",
                f"--hostname={name}@%h",
                f"--loglevel={args.log_level.upper()}",
                "--without-gossip",
                "--without-mingle",
                "--queues=callaudit",
            ]
        )
    finally:
        sweeper.stop()
    return 0
