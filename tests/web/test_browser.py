"""In a real browser: sign in, upload the golden roadside call, read its verdicts, override one and see the
dashboard change, adopt a proposal; no console errors and no serious axe-core violations on any page."""

from __future__ import annotations

import re

import pytest

from tests.web import browser

pytestmark = [
    pytest.mark.browser,
    pytest.mark.slow,
    pytest.mark.skipif(not browser.have_browser(), reason="needs Debian chromium and chromium-driver"),
]

GOLDEN = browser.ROOT.parent / "shared" / "golden" / "roadside" / "call.json"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """A server on a fresh data dir, two tenants, and 35 stored calls for tenant a to trim from."""
    from app.core.config import Settings
    from app.core.db import dispose_engines, migrate, session_scope
    from app.tenants import service as tenant_service
    from app.tenants.models import Role
    from tests.managers.conftest import make_report, store_call

    data = tmp_path_factory.mktemp("site")
    settings = Settings(data_dir=data, environment="test", workers=0)
    migrate(settings)
    keys = {}
    with session_scope(settings) as s:
        for name in ("a", "b"):
            t = tenant_service.create(session=s, name=f"tenant-{name}")
            s.flush()
            _, keys[name] = tenant_service.create_key(session=s, tenant_id=t.id, role=Role.manager, name=f"{name}-lead")
            keys[name + "_id"] = t.id
    from app.checklists import service as checklist_service

    with session_scope(settings) as s:
        checklist_service.load_library(session=s, tenant_id=keys["a_id"], scripts_dir=settings.scripts_dir)
    for i in range(35):
        rep = make_report(
            f"seed-{i}",
            ["no_start"],
            [(0, "vehicle", "needed"), (2, "move_to_street", "irrelevant")],
            focus=[(1, "ownership", "I will send a truck for you now.")],
        )
        store_call(settings, keys["a_id"], rep, agent="ann", queue="roadside")
    dispose_engines()
    port = browser.free_port()
    proc = browser.start_server(data, port)
    driver = browser.new_driver()
    try:
        yield {"url": f"http://127.0.0.1:{port}", "keys": keys, "driver": driver, "data": data}
    finally:
        driver.quit()
        proc.terminate()
        proc.wait(timeout=20)


def _check_page(driver, name: str) -> None:
    browser.shot(driver, name)
    errors = browser.console_errors(driver)
    assert errors == [], f"{name}: console errors {errors}"
    bad = browser.axe_violations(driver)
    assert bad == [], f"{name}: axe violations " + "; ".join(f"{v['id']}: {v['help']}" for v in bad)


def _sign_in(site, who: str) -> None:
    from selenium.webdriver.common.by import By

    d = site["driver"]
    d.delete_all_cookies()
    d.get(site["url"] + "/ui/login")
    d.find_element(By.ID, "api_key").send_keys(site["keys"][who])
    d.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()


def _wait(driver, cond, timeout=90):
    """Poll `cond`; an element read while the page reloads after a form post is stale, not a failure."""
    from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.3,
                         ignored_exceptions=(NoSuchElementException, StaleElementReferenceException)).until(cond)


def _stored_report(site, call_id: str) -> dict:
    """The report the server stored for a call, read from its database."""
    from app.calls.models import Call
    from app.core.config import Settings
    from app.core.db import dispose_engines, session_scope

    with session_scope(Settings(data_dir=site["data"], environment="test")) as s:
        report = s.get(Call, call_id).report
    dispose_engines()
    return report


def _dashboard_row(driver, url: str, item: str) -> list[str]:
    from selenium.webdriver.common.by import By

    driver.get(url + "/ui/dashboard?checklist=roadside&version=1")
    for tr in driver.find_elements(By.CSS_SELECTOR, "table.list tbody tr"):
        cells = [c.text for c in tr.find_elements(By.CSS_SELECTOR, "th, td")]
        if cells and cells[0] == item:
            return cells
    return []


def test_manager_journey(site):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    d, url = site["driver"], site["url"]
    d.get(url + "/ui/login")
    _check_page(d, "01-login")
    _sign_in(site, "a")
    _wait(d, lambda drv: "/ui/dashboard" in drv.current_url)
    _check_page(d, "02-dashboard")
    d.set_window_size(390, 844)  # a phone
    d.get(url + "/ui/dashboard")
    _check_page(d, "02-dashboard-phone")
    d.set_window_size(1280, 1000)

    # upload the golden roadside call and watch its status update itself
    d.get(url + "/ui/upload")
    Select(d.find_element(By.ID, "checklist")).select_by_value("roadside")
    _check_page(d, "03-upload")
    d.find_element(By.ID, "files").send_keys(str(GOLDEN))
    _wait(
        d,
        lambda drv: (
            "done:" in drv.find_element(By.ID, "file-rows").text
            or "failed" in drv.find_element(By.ID, "file-rows").text
        ),
    )
    assert "done:" in d.find_element(By.ID, "file-rows").text, d.find_element(By.ID, "file-rows").text
    _check_page(d, "04-upload-done")
    d.find_element(By.LINK_TEXT, "open").click()
    _wait(d, lambda drv: "/ui/calls/call_" in drv.current_url)
    call_url = d.current_url

    # its verdicts: every question of the stored report is shown with its status and why
    report = d.execute_script("return fetch(arguments[0]).then(r => r.text())", call_url + "/status")
    assert '"done"' in report
    stored = _stored_report(site, call_url.rsplit("/", 1)[1])
    assert stored["questions"], "the engine found no checklist question in the golden call"
    for q in stored["questions"]:
        li = d.find_element(By.ID, f"u{q['utterance']}").text
        assert q["item"] in li and q["status"].upper() in li.upper() and q["why"] in li, (q, li)
    _check_page(d, "05-call")

    # override one verdict, then see the dashboard count it
    q = stored["questions"][0]
    new = "redundant" if q["status"] == "needed" else "needed"
    col = {"needed": 2, "redundant": 3, "irrelevant": 4}
    before = _dashboard_row(d, url, q["item"])
    d.get(call_url)
    form = next(
        f
        for f in d.find_elements(By.CSS_SELECTOR, f"#u{q['utterance']} details.override")
        if f.find_element(By.NAME, "item").get_attribute("value") == q["item"]
    )
    form.find_element(By.TAG_NAME, "summary").click()
    Select(form.find_element(By.NAME, "status")).select_by_visible_text(new)
    form.find_element(By.NAME, "reason").send_keys("Checked against the recording: the caller had not said it.")
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    _wait(d, lambda drv: "QA override" in drv.find_element(By.ID, f"u{q['utterance']}").text)
    _check_page(d, "06-call-overridden")
    after = _dashboard_row(d, url, q["item"])
    assert int(after[col[new]]) == int(before[col[new]]) + 1, (before, after)
    assert int(after[col[q["status"]]]) == int(before[col[q["status"]]]) - 1, (before, after)
    _check_page(d, "07-dashboard-after-override")

    d.get(url + "/ui/calls")
    _check_page(d, "08-calls")
    d.get(url + "/ui/focus")
    assert "ann" in d.page_source
    _check_page(d, "09-focus")

    # propose a trimmed version and adopt it
    d.get(url + "/ui/checklists/roadside")
    _check_page(d, "10-checklist")
    d.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Propose a trimmed version')]").click()
    _wait(d, lambda drv: "/proposals/" in drv.current_url)
    assert "move_to_street" in d.page_source
    _check_page(d, "11-trim")
    d.find_element(By.XPATH, "//button[starts-with(normalize-space(.), 'Adopt as version')]").click()
    _wait(d, lambda drv: "b=1" in drv.current_url)
    assert "move_to_street" in d.find_element(By.CSS_SELECTOR, "ul.changes").text
    _check_page(d, "12-adopted-diff")
    d.get(url + "/ui/checklists")
    assert re.search(r"roadside.*?\b2\b", d.find_element(By.CSS_SELECTOR, "table.list").text, re.S)
    _check_page(d, "13-checklists")
    site["call_url"] = call_url


def test_other_tenant_sees_nothing(site):
    from selenium.webdriver.common.by import By

    d, url = site["driver"], site["url"]
    call_url = site.get("call_url")
    _sign_in(site, "b")
    _wait(d, lambda drv: "/ui/dashboard" in drv.current_url)
    assert "audited calls yet" in d.page_source
    if call_url:
        d.get(call_url)
        assert "Not found" in d.find_element(By.TAG_NAME, "h1").text
        # the only console entry allowed: the 404 of the page itself
        assert all("404" in e for e in browser.console_errors(d))
    d.get(url + "/ui/calls")
    assert "No calls match" in d.page_source and "seed-" not in d.page_source
    d.get(url + "/ui/focus")
    assert "ann" not in d.find_element(By.CSS_SELECTOR, "table.list").text
    _check_page(d, "14-other-tenant-focus")
