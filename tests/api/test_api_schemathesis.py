"""Property-based API test: schemathesis generates requests from our own OpenAPI schema; no request may end in a
server error, and every response must match its documented schema. Bounded (few examples an operation)."""
from __future__ import annotations

import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

# The endpoints of this part of the API (search, network and analyses have their own tests).
OURS = r"^/api/v1/(entries|interactions|binding-sites|organisms|stats|release|export|formats|downloads)"
EXAMPLES = 8


def test_api_has_no_server_errors(any_release: str) -> None:
    from tflink.web.app import create_app

    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(any_release))
    operations = [r.ok() for r in schema.include(path_regex=OURS).get_all_operations()]
    assert len(operations) >= 12
    for op in operations:

        @given(case=op.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def run(case) -> None:  # noqa: ANN001
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        run()
