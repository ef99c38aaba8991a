"""The one place customer-focus detectors are registered, keyed by the kind they report."""

from __future__ import annotations

from audit.focus.base import FocusDetector
from audit.focus.detectors.blame_shift import BlameShiftDetector
from audit.focus.detectors.half_hearted import HalfHeartedDetector
from audit.focus.detectors.ownership import OwnershipDetector
from audit.focus.detectors.redirect import RedirectDetector

DETECTORS: dict[str, type[FocusDetector]] = {
    "blame_shift": BlameShiftDetector,
    "redirect": RedirectDetector,
    "half_hearted": HalfHeartedDetector,
    "ownership": OwnershipDetector,
}

# Kinds that cannot both describe one utterance: the stronger one stands. An agent who takes the task on
# does not also leave it to the customer; sending someone elsewhere is not also leaving them to self-serve.
EXCLUSIVE: frozenset[frozenset[str]] = frozenset(
    {
        frozenset({"redirect", "half_hearted"}),
        frozenset({"ownership", "redirect"}),
        frozenset({"ownership", "half_hearted"}),
    }
)


def default_detectors() -> list[FocusDetector]:
    """One detector per registered kind, with its calibrated defaults; checks the registry is consistent."""
    detectors = []
    for kind, cls in DETECTORS.items():
        if cls.kind != kind:
            raise ValueError(
                f"focus detector {cls.__name__} reports {cls.kind!r} but is registered as {kind!r}"
            )
        detectors.append(cls())
    return detectors
