"""Schemathesis generates requests from the published OpenAPI schema: no input may cause a 5xx."""

from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from svc_factories import Api

EXAMPLES = 15


def test_when_fuzzed_from_schema_then_no_server_error(api: Api) -> None:
    headers = {"Authorization": f"Bearer {api.tenant().keys['admin']}"}
    schema = schemathesis.openapi.from_asgi("/openapi.json", api.client.app)
    failures: list[tuple] = []
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def fuzz(case) -> None:  # noqa: ANN001
            response = case.call(headers=headers)
            if response.status_code >= 500:
                failures.append(
                    (case.method, case.formatted_path, case.body, response.status_code, response.text[:300])
                )

        fuzz()
    assert operations >= 15
    assert failures == []
