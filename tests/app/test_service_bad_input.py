"""Bad input answers 4xx with a message naming the problem, and leaves no rows or files behind."""

from __future__ import annotations

import struct

import pytest
from svc_factories import Api, count_rows, golden_call


def _corrupt_wav() -> bytes:
    header = b"RIFF" + struct.pack("<I", 1000) + b"WAVE" + b"fmt " + struct.pack("<I", 16)
    return header + b"\x07\x00\xff\xff" + b"\x00" * 8 + b"garbage!" * 4


def _expect(r, status: int, *words: str) -> None:  # noqa: ANN001
    assert r.status_code == status, r.text
    detail = str(r.json()["detail"]).lower()
    for w in words:
        assert w.lower() in detail, (w, detail)


@pytest.fixture
def before(api: Api) -> dict[str, int]:
    api.tenant()
    return count_rows(api.settings)


def test_when_bad_uploads_then_4xx_and_nothing_left(api: Api, before: dict[str, int]) -> None:
    t = api.tenant()
    h = t.headers("qa")
    post = api.client.post
    _expect(
        post(
            "/v1/calls",
            files={"file": ("call.wav", _corrupt_wav(), "audio/wav")},
            data={"checklist": "roadside"},
            headers=h,
        ),
        422,
        "corrupt",
        "wav",
    )
    _expect(
        post(
            "/v1/calls",
            files={"file": ("img.txt", b"\x89PNG\r\n\x1a\n\x00\x00binary", "text/plain")},
            data={"checklist": "roadside"},
            headers=h,
        ),
        415,
        "img.txt",
    )
    _expect(post("/v1/calls", content=b"hello", headers={**h, "Content-Type": "text/plain"}), 415, "multipart")
    _expect(
        post("/v1/calls", content=b'{"transcript": {', headers={**h, "Content-Type": "application/json"}),
        400,
        "malformed json",
    )
    _expect(
        post("/v1/calls", json={"transcript": golden_call(), "checklist": "nope"}, headers=h),
        422,
        "unknown checklist 'nope'",
    )
    _expect(
        post("/v1/calls", json={"transcript": golden_call(), "checklist_version": 99}, headers=h),
        422,
        "version 99",
    )
    bad = golden_call()
    bad["utterances"][1]["speaker"] = "robot"
    _expect(post("/v1/calls", json={"transcript": bad}, headers=h), 422, "utterances")
    _expect(
        post(
            "/v1/calls",
            files={"file": ("t.txt", b"Narrator: once upon a time\n", "text/plain")},
            data={"checklist": "roadside"},
            headers=h,
        ),
        422,
        "t.txt",
    )
    _expect(
        post(
            "/v1/calls",
            files={"file": ("e.txt", b"", "text/plain")},
            data={"checklist": "roadside"},
            headers=h,
        ),
        422,
        "empty",
    )
    _expect(
        post("/v1/calls", data={"checklist": "roadside"}, files={"other": ("x", b"y")}, headers=h),
        422,
        "file",
    )
    _expect(
        post(
            "/v1/calls",
            files={"file": ("t.txt", b"Agent: hi\n")},
            data={"checklist": "roadside", "labels": "[1"},
            headers=h,
        ),
        422,
        "labels",
    )
    _expect(
        post(
            "/v1/calls",
            files={"file": ("t.txt", b"Agent: hi\n")},
            data={"checklist": "roadside", "started_at": "yesterday"},
            headers=h,
        ),
        422,
        "started_at",
    )
    assert count_rows(api.settings) == before


def test_when_bad_checklists_and_queries_then_4xx(api: Api, before: dict[str, int]) -> None:
    t = api.tenant()
    h = {**t.headers("manager"), "Content-Type": "application/yaml"}
    _expect(api.client.post("/v1/checklists", content="id: x\nname: [unclosed\n", headers=h), 422, "line")
    _expect(
        api.client.post("/v1/checklists", content="id: x\nname: X\nitems: [{id: a, question: ''}]\n", headers=h),
        422,
        "question",
    )
    _expect(
        api.client.post(
            "/v1/checklists",
            content="id: x\nname: X\nitems: [{id: a, question: Q, applies_to: [ghost]}]\n",
            headers=h,
        ),
        422,
        "ghost",
    )
    _expect(
        api.client.post("/v1/checklists", content=b"id: x", headers={**h, "Content-Type": "image/png"}),
        415,
        "application/yaml",
    )
    q = t.headers("manager")
    assert api.client.get("/v1/calls", params={"limit": 0}, headers=q).status_code == 422
    assert api.client.get("/v1/calls", params={"from": "not-a-date"}, headers=q).status_code == 422
    _expect(api.client.get("/v1/calls", params={"cursor": "!!!"}, headers=q), 400, "cursor")
    assert api.client.get("/v1/calls", params={"status": "sleeping"}, headers=q).status_code == 422
    _expect(api.client.get("/v1/reports/waste", params={"checklist": "nope"}, headers=q), 404, "nope")
    assert api.client.get("/v1/reports/waste", headers=q).status_code == 422  # checklist is required
    assert count_rows(api.settings) == before


def test_when_upload_over_limit_then_413_while_streaming(api: Api, before: dict[str, int]) -> None:
    t = api.tenant()
    api.client.app.state.settings.__dict__["max_upload_mb"] = 0.01  # ~10 KB for this app only
    try:
        big = b"Agent: hello there\n" * 2000  # ~38 KB, under the app-wide body limit
        r = api.client.post(
            "/v1/calls",
            files={"file": ("big.txt", big, "text/plain")},
            data={"checklist": "roadside"},
            headers=t.headers("qa"),
        )
        _expect(r, 413, "limit")
    finally:
        api.client.app.state.settings.__dict__["max_upload_mb"] = 200
    huge = b"x" * (201 * 1024 * 1024 + 10)
    r = api.client.post("/v1/calls", content=huge, headers={**t.headers("qa"), "Content-Type": "application/json"})
    _expect(r, 413, "limit")
    assert count_rows(api.settings) == before


def test_when_no_or_wrong_key_then_401_and_low_role_then_403(api: Api) -> None:
    t = api.tenant()
    assert api.client.get("/v1/calls").status_code == 401
    assert api.client.get("/v1/calls", headers={"Authorization": "Bearer ca_wrong"}).status_code == 401
    r = api.client.get("/v1/reports/waste", params={"checklist": "roadside"}, headers=t.headers("qa"))
    _expect(r, 403, "manager")
    _expect(api.client.get("/v1/keys", headers=t.headers("manager")), 403, "admin")


def test_when_call_language_unsupported_then_422_naming_supported(api: Api, before: dict[str, int]) -> None:
    t = api.tenant()
    call = {**golden_call(), "language": "de"}
    r = api.client.post("/v1/calls", json={"transcript": call, "checklist": "roadside"}, headers=t.headers("qa"))
    _expect(r, 422, "'de'", "en, ru, tr")
    assert count_rows(api.settings) == before
