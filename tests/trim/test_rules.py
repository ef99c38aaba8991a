"""The trim rules on hand-made reports: drops, conditions, confirmations, required items."""

from audit.trim import Observations, TrimOptions, decide_item, propose
from tests.trim.factories import checklist, many


def _obs(reports):
    obs = Observations(checklist())
    for r in reports:
        obs.add_report(r)
    return obs


def _decision(reports, item, **opts):
    obs = _obs(reports)
    return decide_item(obs, obs.checklist.item(item), TrimOptions(**opts))


def test_when_item_never_needed_in_enough_calls_then_dropped():
    # asked on every call, never on one it serves: needed in 0 of 40
    calls = many(40, ["no_start"], [(1, "spare", "irrelevant")])
    dec = _decision(calls, "spare")
    assert dec.actions == ["drop"]
    assert dec.evidence.needed_of_asked.k == 0 and dec.evidence.needed_of_asked.n == 40
    assert dec.evidence.needed_of_asked.high < 0.10


def test_when_never_needed_because_callers_volunteer_it_then_confirm_not_drop():
    calls = many(40, ["no_start"], [(1, "member", "redundant")])
    dec = _decision(calls, "member")
    assert dec.actions == ["confirm"]
    assert "rather than ask" in dec.why and "0/40" in dec.why


def test_when_too_few_calls_then_not_dropped():
    calls = many(29, ["no_start"], [(1, "spare", "irrelevant")])
    assert "drop" not in _decision(calls, "spare").actions


def test_when_needed_sometimes_then_upper_bound_keeps_it():
    calls = many(37, ["no_start"], [(1, "member", "redundant")]) + many(
        3, ["no_start"], [(1, "member", "needed")], prefix="n"
    )
    dec = _decision(calls, "member", confirm_min_volunteered=0.99)
    assert dec.actions == []
    assert dec.evidence.needed_calls.rate == 3 / 40
    assert dec.evidence.needed_calls.high > 0.10


def test_when_threshold_raised_then_same_evidence_drops():
    calls = many(37, ["no_start"], [(1, "member", "redundant")]) + many(
        3, ["no_start"], [(1, "member", "needed")], prefix="n"
    )
    assert _decision(calls, "member", max_needed_rate=0.25, confirm_min_volunteered=0.99).actions == ["drop"]
    assert _decision(calls, "member", max_needed_rate=0.25).actions == ["confirm"]


def test_when_required_item_never_needed_then_kept_and_reported_costly():
    calls = many(50, ["no_start"], [(1, "legal_notice", "redundant", 4.0)])
    dec = _decision(calls, "legal_notice")
    assert dec.actions == [] and dec.costly and dec.required
    assert "required" in dec.why and "200 s" in dec.why
    prop = propose(_obs(calls))
    assert any(it.id == "legal_notice" for it in _new_items(prop))


def _new_items(prop):
    from audit.checklist import parse_checklist

    return parse_checklist(prop.checklist_yaml).items


def test_when_asked_on_calls_it_does_not_serve_then_made_conditional():
    needed = many(10, ["no_start"], [(3, "tow_destination", "needed")], prefix="a")
    off = many(10, ["flat_tire"], [(3, "tow_destination", "irrelevant")], prefix="b")
    dec = _decision(needed + off, "tow_destination")
    assert dec.actions == ["conditional"]
    assert dec.applies_to == ["no_start"]
    assert dec.evidence.irrelevant_calls.k == 10


def test_when_already_conditional_then_no_new_condition():
    from audit.checklist import parse_checklist

    marked = "applies_to:\n  - no_start\n  conditional: true\n"
    text = checklist().to_yaml().replace("applies_to:\n  - no_start\n", marked)

    cl = parse_checklist(text)
    assert cl.item("tow_destination").conditional
    obs = Observations(cl)
    for r in many(10, ["flat_tire"], [(3, "tow_destination", "irrelevant")]) + many(
        10, ["no_start"], [(3, "tow_destination", "needed")], prefix="n"
    ):
        obs.add_report(r)
    assert decide_item(obs, cl.item("tow_destination"), TrimOptions()).actions == []


def test_when_irrelevant_only_twice_then_not_conditional():
    calls = many(30, ["no_start"], [(3, "tow_destination", "needed")]) + many(
        2, ["flat_tire"], [(3, "tow_destination", "irrelevant")], prefix="x"
    )
    assert _decision(calls, "tow_destination").actions == []


def test_when_item_serves_every_call_then_never_conditional():
    # `location` has no applies_to: it cannot be irrelevant, whatever the reason
    needed = many(30, ["no_start"], [(1, "location", "needed")], prefix="a")
    given = many(35, ["flat_tire"], [(1, "location", "redundant")], prefix="b")
    dec = _decision(needed + given, "location", confirm_min_volunteered=0.9)
    assert dec.actions == []
    by = {r.reason: r for r in dec.evidence.by_reason}
    assert by["flat_tire"].needed_calls.k == 0 and by["no_start"].needed_calls.k == 30


def test_when_customers_usually_volunteer_it_then_confirm():
    given = many(16, ["flat_tire"], [(1, "spare", "redundant")], prefix="a")
    needed = many(4, ["flat_tire"], [(1, "spare", "needed")], prefix="b")
    dec = _decision(given + needed, "spare")
    assert dec.actions == ["confirm"]
    assert dec.evidence.volunteered_calls.k == 16 and dec.evidence.volunteered_calls.low >= 0.5


def test_when_redundant_asks_are_repeats_then_not_confirm():
    # needed first, then asked again: the customer did not volunteer it, the agent repeated itself
    calls = many(20, ["flat_tire"], [(1, "spare", "needed"), (5, "spare", "redundant")])
    dec = _decision(calls, "spare")
    assert dec.actions == []
    assert dec.evidence.repeats == 20 and dec.evidence.volunteered_calls.k == 0


def test_when_confirm_evidence_is_a_coin_toss_then_ask_stays():
    given = many(12, ["flat_tire"], [(1, "spare", "redundant")], prefix="a")
    needed = many(8, ["flat_tire"], [(1, "spare", "needed")], prefix="b")
    assert _decision(given + needed, "spare").actions == []


def test_when_never_asked_then_kept_without_evidence():
    calls = many(40, ["no_start"], [(1, "member", "needed")], states={"spare": "not_applicable"})
    dec = _decision(calls, "spare")
    assert dec.actions == [] and "never asked" in dec.why
    assert dec.evidence.times_asked == 0


def test_when_item_both_off_scope_and_volunteered_then_conditional_and_confirm():
    off = many(10, ["no_start"], [(3, "spare", "irrelevant")], prefix="a")
    given = many(18, ["flat_tire"], [(1, "spare", "redundant")], prefix="b")
    needed = many(2, ["flat_tire"], [(1, "spare", "needed")], prefix="c")
    dec = _decision(off + given + needed, "spare")
    assert dec.actions == ["conditional", "confirm"]
    assert dec.applies_to == ["flat_tire"]


def test_examples_quote_the_asks():
    calls = many(40, ["no_start"], [(1, "member", "redundant")])
    ex = _decision(calls, "member").evidence.examples
    assert 1 <= len(ex) <= 3
    assert ex[0].text == "agent asks member" and ex[0].evidence[0].text == "customer said it"


def test_when_customers_give_it_unasked_then_covered_calls_count_towards_confirm():
    covered = many(14, ["flat_tire"], [(1, "member", "needed")], states={"spare": "covered"}, prefix="a")
    given = many(2, ["flat_tire"], [(1, "spare", "redundant")], prefix="b")
    needed = many(4, ["flat_tire"], [(1, "spare", "needed")], prefix="c")
    dec = _decision(covered + given + needed, "spare")
    assert dec.actions == ["confirm"]
    assert (dec.evidence.volunteered_calls.k, dec.evidence.volunteered_calls.n) == (16, 20)
    assert dec.evidence.covered_calls == 14
