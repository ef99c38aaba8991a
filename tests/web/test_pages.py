"""The pages, server side: sign-in, CSRF, every page renders, forms act, other tenants see nothing."""

import re

import pytest

from tests.managers.conftest import make_report, store_call


def _key(headers):
    return headers["Authorization"].split(" ", 1)[1]


def _sign_in(client, headers):
    r = client.post("/ui/login", data={"api_key": _key(headers), "next": "/ui/"}, follow_redirects=False)
    assert r.status_code == 303
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    page = client.get("/ui/checklists" if "manager" in str(headers) else "/ui/calls")
    return re.search(r'data-csrf="([^"]+)"', page.text).group(1)


@pytest.fixture()
def seeded(settings, tenants):
    a = tenants["a"]
    ids = []
    for i in range(3):
        rep = make_report(
            f"ext-{i}",
            ["no_start"],
            [(0, "vehicle", "needed"), (2, "move_to_street", "irrelevant"), (4, "location", "redundant")],
            focus=[(2, "blame_shift", "That is the dealer's problem.")],
        )
        ids.append(store_call(settings, a["id"], rep))
    return ids


def test_pages_need_sign_in(client):
    r = client.get("/ui/dashboard", follow_redirects=False)
    assert r.status_code == 303 and r.headers["location"].startswith("/ui/login?next=/ui/dashboard")
    assert client.post("/ui/login", data={"api_key": "wrong"}).status_code == 401


def test_every_page_renders_for_a_manager(client, tenants, seeded):
    _sign_in(client, tenants["a"]["manager"])
    for url in [
        "/ui/dashboard",
        "/ui/calls",
        f"/ui/calls/{seeded[0]}",
        "/ui/upload",
        "/ui/checklists",
        "/ui/checklists/roadside",
        "/ui/focus",
        "/ui/checklists/roadside?a=1&b=1",
    ]:
        r = client.get(url)
        assert r.status_code == 200, url
        assert "Content-Security-Policy" in r.headers
    dash = client.get("/ui/dashboard").text
    assert "move_to_street" in dash and "3</strong> audited calls" in dash
    call = client.get(f"/ui/calls/{seeded[0]}").text
    assert "irrelevant" in call and "move_to_street judged irrelevant" in call and "blame shift" in call
    csv = client.get("/ui/dashboard.csv?checklist=roadside&version=1")
    assert csv.headers["content-type"].startswith("text/csv")
    assert "move_to_street,3,0,0,3,1.0000" in csv.text


def test_qa_cannot_open_manager_pages(client, tenants, seeded):
    _sign_in(client, tenants["a"]["qa"])
    assert client.get("/ui/dashboard", follow_redirects=False).status_code == 403
    assert client.get("/ui/calls").status_code == 200


def test_forms_refuse_a_missing_csrf_token(client, tenants, seeded):
    _sign_in(client, tenants["a"]["qa"])
    r = client.post(
        f"/ui/calls/{seeded[0]}/overrides",
        data={"utterance": 4, "item": "location", "status": "needed", "reason": "moved"},
    )
    assert r.status_code == 403
    r = client.post("/ui/logout", data={"csrf_token": "forged"})
    assert r.status_code == 403


def test_override_form_changes_the_dashboard(client, tenants, seeded):
    csrf = _sign_in(client, tenants["a"]["manager"])
    before = client.get("/ui/dashboard.csv?checklist=roadside&version=1").text
    assert "location,3,0,3,0" in before
    r = client.post(
        f"/ui/calls/{seeded[0]}/overrides",
        follow_redirects=False,
        data={
            "csrf_token": csrf,
            "utterance": 4,
            "item": "location",
            "status": "needed",
            "new_item": "location",
            "reason": "the car had been moved",
        },
    )
    assert r.status_code == 303 and "error" not in r.headers["location"]
    after = client.get("/ui/dashboard.csv?checklist=roadside&version=1").text
    assert "location,3,1,2,0" in after
    page = client.get(f"/ui/calls/{seeded[0]}").text
    assert "QA override by a-manager" in page and "the car had been moved" in page


def test_checklist_upload_shows_errors_at_the_line(client, tenants):
    csrf = _sign_in(client, tenants["a"]["manager"])
    bad = (
        "id: x\nname: X\nreasons:\n  - id: r1\n    description: d\nitems:\n  - id: q1\n    question: ''\n"
        "    applies_to: [nope]\n"
    )
    r = client.post("/ui/checklists", data={"csrf_token": csrf, "yaml": bad})
    assert r.status_code == 422
    assert "line 8" in r.text and "items.0.question" in r.text and 'line-8" class="bad"' in r.text
    syntax = client.post("/ui/checklists", data={"csrf_token": csrf, "yaml": "id: [x\nname: y\n"})
    assert syntax.status_code == 422 and "not valid YAML" in syntax.text
    good = "id: newlist\nname: New list\nitems:\n  - id: q1\n    question: What is your name?\n"
    ok = client.post("/ui/checklists", data={"csrf_token": csrf, "yaml": good}, follow_redirects=False)
    assert ok.status_code == 303 and ok.headers["location"] == "/ui/checklists/newlist?a=1"


def test_propose_and_adopt_from_the_pages(client, settings, tenants):
    a = tenants["a"]
    for i in range(32):
        store_call(settings, a["id"], make_report(f"c{i}", ["no_start"], [(0, "move_to_street", "irrelevant")]))
    csrf = _sign_in(client, a["manager"])
    r = client.post(
        "/ui/checklists/roadside/proposals", data={"csrf_token": csrf, "version": 1}, follow_redirects=False
    )
    assert r.status_code == 303
    trim = client.get(r.headers["location"]).text
    assert "move_to_street — conditional" in trim and "Adopt as version 2" in trim
    adopted = client.post(r.headers["location"] + "/adopt", data={"csrf_token": csrf}, follow_redirects=False)
    assert adopted.status_code == 303
    page = client.get(adopted.headers["location"]).text
    assert "asked only on calls about" in page and "v2" in page


def test_other_tenant_pages_show_nothing_of_the_first(client, tenants, seeded):
    _sign_in(client, tenants["b"]["manager"])
    assert client.get(f"/ui/calls/{seeded[0]}").status_code == 404
    assert "ext-0" not in client.get("/ui/calls").text
    assert "audited calls yet" in client.get("/ui/dashboard").text
    assert "ext-0" not in client.get("/ui/focus").text
    assert client.get(f"/ui/calls/{seeded[0]}/status").status_code == 404
    csrf = re.search(r'data-csrf="([^"]+)"', client.get("/ui/calls").text).group(1)
    r = client.post(
        f"/ui/calls/{seeded[0]}/overrides",
        data={"csrf_token": csrf, "utterance": 4, "item": "location", "status": "needed", "reason": "x"},
    )
    assert r.status_code == 404


def test_static_files_are_served_and_confined(client):
    assert client.get("/ui/static/vendor/htmx.min.js").status_code == 200
    assert client.get("/ui/static/../templates/base.html").status_code == 404
    assert client.get("/ui/static/vendor/README.md").status_code == 404


def test_filters_on_the_list_pages(client, tenants, seeded):
    _sign_in(client, tenants["a"]["manager"])
    assert "ext-0" in client.get("/ui/calls?from=2020-01-01&to=2100-01-01&agent=ag1&has_waste=yes").text
    assert "No calls match" in client.get("/ui/calls?from=2100-01-01").text
    drill = client.get("/ui/calls?checklist=roadside&version=1&item=move_to_street&verdict=irrelevant").text
    assert "ext-0" in drill and "judged <strong>irrelevant</strong>" in drill
    assert "3</strong> audited calls" in client.get("/ui/dashboard?from=2020-01-01&reason=no_start").text
    assert "0</strong> audited calls" in client.get("/ui/dashboard?checklist=roadside&version=1&agent=nobody").text
    assert "dealer&#39;s problem" in client.get("/ui/focus?agent=ag1&from=2020-01-01").text
