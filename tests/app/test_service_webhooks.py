"""Webhooks: a signed POST on `done`, retried with backoff after a failure, visible in the delivery log."""

from __future__ import annotations

import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from svc_factories import Api, golden_call

from app.webhooks.service import verify


class _Receiver:
    """A real HTTP endpoint on loopback that fails the first `fail_first` requests."""

    def __init__(self, fail_first: int) -> None:
        self.requests: list[tuple[dict[str, str], bytes]] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = self.rfile.read(int(self.headers["Content-Length"]))
                receiver.requests.append((dict(self.headers), body))
                self.send_response(500 if len(receiver.requests) <= fail_first else 204)
                self.end_headers()

            def log_message(self, *args: object) -> None:
                return None

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()


@pytest.fixture
def receiver():  # noqa: ANN201
    r = _Receiver(fail_first=1)
    yield r
    r.close()


def test_when_call_done_then_signed_event_retried_until_delivered(api: Api, receiver: _Receiver) -> None:
    t = api.tenant()
    created = api.client.post("/v1/webhooks", json={"url": receiver.url}, headers=t.headers("admin"))
    assert created.status_code == 201, created.text
    hook = created.json()
    call_id = api.submit(t, {"transcript": golden_call()})["id"]
    call = api.wait(t, call_id)
    deadline = time.monotonic() + 30
    log: list[dict] = []
    while time.monotonic() < deadline:
        log = api.client.get(f"/v1/webhooks/{hook['id']}/deliveries", headers=t.headers()).json()["items"]
        if log and log[0]["state"] == "delivered":
            break
        time.sleep(0.1)
    assert log[0]["state"] == "delivered" and log[0]["attempts"] == 2 and log[0]["last_status_code"] == 204
    assert len(receiver.requests) == 2
    headers, body = receiver.requests[-1]
    assert headers["X-Callaudit-Event"] == f"call.{call['status']}"
    assert verify(hook["secret"], headers["X-Callaudit-Timestamp"], body, headers["X-Callaudit-Signature"])
    assert not verify("whsec_wrong", headers["X-Callaudit-Timestamp"], body, headers["X-Callaudit-Signature"])
    assert f'"call_id":"{call_id}"'.encode() in body


def test_when_webhook_url_invalid_then_422(api: Api) -> None:
    t = api.tenant()
    r = api.client.post("/v1/webhooks", json={"url": "ftp://example.com/x"}, headers=t.headers())
    assert r.status_code == 422 and "url" in r.text


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/hook", "http://10.1.2.3/x", "http://169.254.169.254/latest/meta-data",
    "http://localhost:8080/", "http://[::1]/hook", "http://[::ffff:192.168.0.10]/hook",
])
def test_when_webhook_points_into_the_services_network_then_422_naming_the_address(settings, url: str) -> None:
    from fastapi.testclient import TestClient

    from app.core.db import dispose_engines
    from app.main import create_app

    strict = settings.model_copy(update={"webhook_allow_private": False})
    with TestClient(create_app(strict)) as client:
        api = Api(client=client, settings=strict)
        t = api.tenant()
        r = client.post("/v1/webhooks", json={"url": url}, headers=t.headers())
        assert r.status_code == 422 and "non-public address" in r.text, r.text
        assert client.get("/v1/webhooks", headers=t.headers()).json()["items"] == []
        ok = client.post("/v1/webhooks", json={"url": "https://hooks.example.com/x"}, headers=t.headers())
        assert ok.status_code == 201, "a name is checked when it is resolved, before each delivery"
    dispose_engines()


def test_when_a_name_resolves_to_a_private_address_then_it_is_not_delivered_to(monkeypatch) -> None:
    import socket

    from app.webhooks import guard

    answers = {"hooks.example.com": "10.0.0.7", "public.example.com": "93.184.216.34"}

    def getaddrinfo(host, port, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (answers[host], port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    with pytest.raises(guard.ForbiddenAddress, match=r"10\.0\.0\.7"):
        guard.destination("https://hooks.example.com/x")
    to = guard.destination("https://public.example.com:8443/x?a=1")
    assert to.url == "https://93.184.216.34:8443/x?a=1"
    assert (to.host_header, to.tls_name) == ("public.example.com:8443", "public.example.com")


def test_when_a_name_rebinds_after_the_check_then_the_delivery_still_goes_to_the_checked_address(
    monkeypatch, receiver: _Receiver
) -> None:
    """DNS rebinding: public to the check, loopback a moment later. The delivery never looks the name up
    again, so the second answer cannot steer it; the receiver sees the name as written in Host."""
    import socket

    from app.webhooks import guard
    from app.webhooks.tasks import post

    answers = iter(["93.184.216.34", "127.0.0.1"])
    real = socket.getaddrinfo

    def getaddrinfo(host, port, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host == "hooks.example.com":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (next(answers), port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    to = guard.destination("http://hooks.example.com/hook")
    assert to.url == "http://93.184.216.34/hook" and to.tls_name is None
    assert next(answers) == "127.0.0.1", "the check looked the name up exactly once"
    # the pinned form against a receiver we can reach: the request goes to the URL's address, Host as written
    port = receiver.server.server_port
    pinned = guard.Destination(url=receiver.url, host_header=f"hooks.example.com:{port}", tls_name=None)
    assert post(pinned, b"{}", {"Content-Type": "application/json"}, 5.0).status_code == 500
    assert receiver.requests[-1][0]["Host"] == f"hooks.example.com:{port}"
