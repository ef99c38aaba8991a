"""The whole proposal: next version the engine loads, its changelog, its diff and its savings."""

import pytest

from audit.checklist import parse_checklist
from audit.trim import Observations, diff_checklists, propose, render_diff
from tests.trim.factories import checklist, many


@pytest.fixture(scope="module")
def proposal():
    # member: callers always gave it first; tow_destination: asked on flat-tire calls it does not serve;
    # spare: only ever asked on no-start calls, where it does not apply
    no_start = [
        (1, "member", "redundant", 3.0),
        (3, "tow_destination", "needed", 2.0),
        (5, "spare", "irrelevant", 1.0),
    ]
    flat = [(1, "member", "redundant", 3.0), (3, "tow_destination", "irrelevant", 2.0)]
    calls = many(40, ["no_start"], no_start, prefix="a") + many(20, ["flat_tire"], flat, prefix="b")
    obs = Observations(checklist())
    for r in calls:
        obs.add_report(r)
    return propose(obs)


def test_proposal_is_a_checklist_the_engine_loads(proposal):
    new = parse_checklist(proposal.checklist_yaml)
    assert new.version == 4 and proposal.version == 4
    assert proposal.checklist.version == 3
    ids = [i.id for i in new.items]
    assert "spare" not in ids
    assert new.item("tow_destination").conditional and new.item("tow_destination").applies_to == ["no_start"]
    assert new.item("member").mode == "confirm"
    assert new.item("legal_notice").required


def test_changelog_records_each_change_with_evidence(proposal):
    new = parse_checklist(proposal.checklist_yaml)
    log = {(c.item, c.action): c for c in new.changelog}
    assert set(log) == {("member", "confirm"), ("tow_destination", "conditional"), ("spare", "drop")}
    assert all(c.version == 4 for c in new.changelog)
    assert "0/40" in log[("spare", "drop")].detail


def test_savings_count_removed_asks_seconds_and_repeats(proposal):
    s = proposal.savings
    assert s.calls == 60
    # asked per call: 3 on no-start calls, 2 on flat-tire calls
    assert s.questions_per_call == pytest.approx((40 * 3 + 20 * 2) / 60, abs=1e-3)
    # removed: spare on no-start calls (40), tow_destination on flat-tire calls (20)
    assert s.questions_removed_per_call == pytest.approx(60 / 60, abs=1e-3)
    assert s.agent_seconds_per_call == pytest.approx((40 * 1.0 + 20 * 2.0) / 60, abs=0.01)
    assert s.confirmations_per_call == pytest.approx(60 / 60, abs=1e-3)
    assert s.customer_repeats_avoided == 60
    assert s.needed_asks_cut == 0 and s.needed_asks_cut_share == 0


def test_diff_reads_item_by_item(proposal):
    old = checklist()
    new = parse_checklist(proposal.checklist_yaml)
    kinds = {c.item: c.kind for c in diff_checklists(old, new)}
    assert kinds == {"member": "changed", "tow_destination": "changed", "spare": "removed"}
    text = render_diff(old, new)
    assert "- spare" in text
    assert "asked only on calls about [no_start]" in text
    assert "confirmed instead of asked" in text
    assert "items: 5 -> 4" in text
    assert proposal.diff == text


def test_when_nothing_to_trim_then_new_version_says_reviewed():
    obs = Observations(checklist())
    for r in many(5, ["no_start"], [(1, "member", "needed")]):
        obs.add_report(r)
    prop = propose(obs)
    assert not prop.changed
    new = parse_checklist(prop.checklist_yaml)
    assert [i.id for i in new.items] == [i.id for i in checklist().items]
    assert new.changelog[-1].action == "review"


def test_no_timestamps_means_no_seconds_claimed():
    obs = Observations(checklist())
    for r in many(40, ["no_start"], [(1, "spare", "irrelevant")]):
        obs.add_report(r)
    assert propose(obs).savings.agent_seconds_per_call is None
