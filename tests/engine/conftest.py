"""One engine for the module's tests (the static encoder and scorers load once) and a small checklist."""

from __future__ import annotations

import pytest

from audit import AuditEngine, parse_checklist

ROADSIDE = """
id: roadside_test
name: Roadside intake (test)
version: 3
language: en
reasons:
  - {id: no_start, description: "The vehicle will not start (battery, starter, engine will not turn over)"}
  - {id: flat_tire, description: "A tire is flat or damaged and needs changing"}
  - {id: lockout, description: "The keys are locked inside the vehicle"}
items:
  - {id: caller_name, question: "Can I get your full name?", description: "Full name of the caller"}
  - {id: vehicle, question: "What is the year, make and model of your vehicle?",
     description: "Year, make and model of the vehicle"}
  - {id: location, question: "Where is your vehicle located right now?", description: "Where the vehicle is"}
  - {id: service_type, question: "Does the vehicle need a tow or a jump start?",
     description: "Whether a tow or a battery jump is needed", applies_to: [no_start]}
  - {id: spare_tire, question: "Do you have a usable spare tire?", description: "Whether there is a usable spare",
     applies_to: [flat_tire]}
  - {id: callback_phone, question: "What is the best phone number to reach you?",
     description: "A phone number for the driver to call back"}
"""


@pytest.fixture(scope="session")
def engine() -> AuditEngine:
    return AuditEngine()


@pytest.fixture(scope="session")
def checklist():
    return parse_checklist(ROADSIDE, where="roadside_test")
