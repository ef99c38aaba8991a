"""callaudit service: REST API, persistence, background jobs and web pages on top of the `audit` engine."""
