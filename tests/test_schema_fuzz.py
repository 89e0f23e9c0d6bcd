"""Schemathesis against the live server's published OpenAPI schema: no input gets a 5xx, every answer is JSON."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings

from tests.test_server import KEY, Server

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def small_server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("fuzz"), "--max-steps", "3", "--max-size", "64", "--max-candidates", "3")
    yield srv
    srv.stop()


def test_no_input_gets_a_server_error(small_server) -> None:
    fuzz_published_schema(small_server.url)


def fuzz_published_schema(url: str, key: str = KEY, max_examples: int = 40) -> None:
    """Every operation of `url`'s OpenAPI schema, with and without a key: no 5xx, every error JSON with its id.

    Shared with tests/test_ray.py, which runs it against the Ray Serve app.
    """
    schema = schemathesis.openapi.from_url(f"{url}/openapi.json")
    operations = [result.ok() for result in schema.get_all_operations()]
    assert any(op.path == "/v1/denoise" for op in operations)
    seen: list[int] = []
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=max_examples, deadline=None, suppress_health_check=list(HealthCheck))
        def run(case) -> None:
            for headers in ({"authorization": f"Bearer {key}"}, {}):
                response = case.call(headers=headers, timeout=60)
                seen.append(response.status_code)
                assert response.status_code < 500, (case.path, case.body, response.text[:300])
                if response.status_code >= 400:  # every error, on every path, is JSON with a request id
                    error = response.json()["error"]
                    rid = response.headers["x-request-id"]
                    assert error["request_id"] == (rid[0] if isinstance(rid, list) else rid), response.text[:300]
                elif case.path != "/v1/denoise":
                    response.json()  # every other answer is JSON too

        run()
    assert any(code == 200 for code in seen) and any(400 <= code < 500 for code in seen)
