"""One engine for the module's tests (the static encoder and scorers load once), one with a permissive
information threshold, and small checklists (roadside, table booking, trip search, and more)."""

from __future__ import annotations

import dataclasses

import pytest

from audit import AuditEngine, parse_checklist
from audit.matching.model import Scorers

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


DINING = """
id: dining_test
name: Table booking (test)
version: 1
language: en
reasons:
  - {id: book_table, description: "Reserve a table at a restaurant"}
items:
  - {id: restaurant_name, question: "Which restaurant would you like?", description: "Name of the restaurant"}
  - {id: location, question: "In which city?", description: "City where the restaurant is located"}
  - {id: time, question: "What time would you like the table?", description: "Time of the reservation"}
"""


@pytest.fixture(scope="session")
def dining():
    return parse_checklist(DINING, where="dining_test")


@pytest.fixture(scope="session")
def permissive_engine() -> AuditEngine:
    """An engine whose information scorer takes faint evidence: the value rules must hold whatever the
    calibration."""
    scorers = Scorers.load()
    info = dataclasses.replace(scorers.info, threshold=0.1, threshold_untyped=0.1)
    return AuditEngine(scorers=dataclasses.replace(scorers, info=info))


TRIP = """
id: trip_test
name: Trip search (test)
version: 1
language: en
reasons:
  - {id: round_trip, description: "Find a round-trip flight"}
items:
  - {id: origin_city, question: "Departure city?", description: "City in which the journey originates"}
  - {id: destination_city, question: "Where are you going?", description: "City in which the journey ends"}
  - {id: departure_date, question: "What date do you want to travel?", description: "Date of departure flight"}
  - {id: return_date, question: "When would you like to return?", description: "Date of return flight"}
  - {id: seats, question: "How many tickets?", description: "Number of seats to book"}
"""


@pytest.fixture(scope="session")
def trip():
    return parse_checklist(TRIP, where="trip_test")


CONTACT = """
id: contact_test
name: Contact details (test)
version: 1
language: en
reasons:
  - {id: delivery, description: "Arrange a delivery"}
items:
  - {id: address, question: "What is your street address?", description: "Address to deliver to"}
  - {id: email, question: "What email address should we send updates to?", description: "Email for updates"}
"""


@pytest.fixture(scope="session")
def contact():
    return parse_checklist(CONTACT, where="contact_test")


DENTAL = """
id: dental_test
name: Dental appointments (test)
version: 1
language: en
reasons:
  - {id: reschedule, description: "Move an existing appointment"}
items:
  - {id: date_of_birth, question: "What's the patient's date of birth?", description: "Date of birth of the patient"}
  - id: current_appointment
    question: "When is the appointment you'd like to change?"
    description: "Date and time of the existing appointment"
"""


@pytest.fixture(scope="session")
def dental():
    return parse_checklist(DENTAL, where="dental_test")


MOVIES = """
id: movies_test
name: Movie rental (test)
version: 1
language: en
reasons:
  - {id: rent, description: "Rent a movie to watch online"}
items:
  - {id: genre, question: "What kind of movie?", description: "Main genre of the movie"}
  - {id: subtitles, question: "Do you want subtitles?", description: "Whether to show subtitles"}
"""


@pytest.fixture(scope="session")
def movies():
    return parse_checklist(MOVIES, where="movies_test")


ALARM = """
id: alarm_test
name: Alarm monitoring (test)
version: 1
language: en
items:
  - {id: contacts_current, question: "Are the emergency contacts on the account still up to date?",
     description: "Whether the emergency contact names and numbers are current"}
  - {id: account, question: "What is your account number?", description: "The customer's account number"}
"""


@pytest.fixture(scope="session")
def alarm():
    return parse_checklist(ALARM, where="alarm_test")


TAXI = """
id: taxi_test
name: Taxi (test)
version: 1
language: en
reasons:
  - {id: ride, description: "Book a cab ride"}
items:
  - {id: destination, question: "Where are you going?", description: "Destination for taxi ride"}
  - {id: riders, question: "How many people are riding?", description: "Number of riders"}
"""


@pytest.fixture(scope="session")
def taxi():
    return parse_checklist(TAXI, where="taxi_test")


BUS = """
id: bus_test
name: Bus tickets (test)
version: 1
language: en
reasons:
  - {id: find_bus, description: "Find a bus for a journey"}
items:
  - {id: leaving_date, question: "When are you leaving?", description: "Date of bus leaving for journey"}
  - {id: leaving_time, question: "What time would you like to leave?", description: "Time of bus leaving for journey"}
  - {id: to_location, question: "Where will you go?", description: "City where bus is going to"}
"""


@pytest.fixture(scope="session")
def bus():
    return parse_checklist(BUS, where="bus_test")


IDENTITY = """
id: identity_test
name: Identity and claim details (test)
version: 1
language: en
reasons:
  - {id: claim, description: "File a claim for a damaged parcel"}
items:
  - {id: full_name, question: "Can I have your full name?", description: "The caller's name"}
  - {id: date_of_birth, question: "What is your date of birth?", description: "Date of birth, to verify identity"}
  - {id: ssn_last4, question: "What are the last four digits of your Social Security number?",
     description: "Last four digits of the Social Security number, to verify identity"}
  - {id: unit_number, question: "What is your building and unit number?", description: "Building and apartment number"}
  - {id: parcel_value, question: "What's the value of the contents?", description: "Declared value of the contents"}
"""


@pytest.fixture(scope="session")
def identity():
    return parse_checklist(IDENTITY, where="identity_test")


PARCEL = """
id: parcel_test
name: Parcel claims (test)
version: 1
language: en
reasons:
  - {id: missing, description: "A parcel shown as delivered never arrived"}
items:
  - {id: caller_name, question: "Can I take your name?", description: "The caller's name"}
  - {id: sender_name, question: "Who sent the parcel?", description: "The sender's name or company"}
  - {id: tracking_number, question: "What is the tracking number?", description: "Tracking number of the parcel"}
"""


@pytest.fixture(scope="session")
def parcel():
    return parse_checklist(PARCEL, where="parcel_test")


EVENTS = """
id: events_test
name: Event tickets (test)
version: 1
language: en
reasons:
  - {id: find_events, description: "Find concerts and games in a city"}
  - {id: buy_tickets, description: "Buy tickets for an event"}
items:
  - {id: event_type, question: "What category?", description: "Type of event", applies_to: [find_events]}
  - {id: event_name, question: "Sure, what kind of event?", description: "Name of event", applies_to: [buy_tickets]}
  - {id: city, question: "In which city?", description: "City where the event is happening"}
  - {id: tickets, question: "How many tickets do you need?", description: "Number of tickets to buy",
     applies_to: [buy_tickets]}
"""


@pytest.fixture(scope="session")
def events():
    return parse_checklist(EVENTS, where="events_test")
