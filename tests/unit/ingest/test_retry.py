import pytest

from services.ingest.retry import RetryPolicy, retry_after_seconds
from services.ingest.uploader import frames_endpoint


def test_backoff_doubles_up_to_the_maximum():
    policy = RetryPolicy(max_attempts=8, base_delay_s=0.5, max_delay_s=5)
    assert [policy.delay(a) for a in range(5)] == [0.5, 1, 2, 4, 5]


def test_retry_after_wins_over_the_backoff_but_not_over_the_maximum():
    policy = RetryPolicy(base_delay_s=0.5, max_delay_s=10)
    assert policy.delay(0, "3") == 3 and policy.delay(4, "1") == 1 and policy.delay(0, "120") == 10


@pytest.mark.parametrize("value, seconds", [("5", 5), ("0.5", 0.5), ("-3", 0), (None, None),
                                            ("Wed, 21 Oct 2015 07:28:00 GMT", None)])
def test_retry_after_header_forms(value, seconds):
    assert retry_after_seconds(value) == seconds


@pytest.mark.parametrize("url", ["http://h:8080", "http://h:8080/", "http://h:8080/v1/frames"])
def test_the_frames_endpoint_is_derived_from_the_base_url(url):
    assert frames_endpoint(url) == "http://h:8080/v1/frames"
