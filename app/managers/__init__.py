"""The managers' side of the service: QA overrides, calibration, trim proposals, customer-focus report."""
