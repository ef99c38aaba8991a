"""One detector class per customer-focus kind; they are registered in `audit.focus.registry`."""
