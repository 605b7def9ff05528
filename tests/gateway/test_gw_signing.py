from __future__ import annotations

import pytest

from gateway.signing import (
    SIGNATURE_HEADER,
    TIMESTAMP_HEADER,
    SignatureError,
    compute_signature,
    sign,
    verify,
)

SECRET = "shh"
BODY = b'{"type":"reply"}'
NOW = 1_800_000_000


def test_signature_is_hmac_sha256_of_timestamp_dot_body() -> None:
    import hashlib
    import hmac

    expected = hmac.new(b"shh", b"1800000000." + BODY, hashlib.sha256).hexdigest()
    assert compute_signature(SECRET, "1800000000", BODY) == "sha256=" + expected
    assert sign(SECRET, BODY, timestamp=NOW) == {
        TIMESTAMP_HEADER: "1800000000",
        SIGNATURE_HEADER: "sha256=" + expected,
    }


def test_valid_signature_passes() -> None:
    verify(SECRET, sign(SECRET, BODY, timestamp=NOW), BODY, max_age=300, now=NOW + 299)
    verify(SECRET, sign(SECRET, BODY, timestamp=NOW), BODY, max_age=300, now=NOW - 299)


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {TIMESTAMP_HEADER: str(NOW)},
        {SIGNATURE_HEADER: compute_signature(SECRET, str(NOW), BODY)},
        {TIMESTAMP_HEADER: "abc", SIGNATURE_HEADER: compute_signature(SECRET, "abc", BODY)},
        {TIMESTAMP_HEADER: "-5", SIGNATURE_HEADER: compute_signature(SECRET, "-5", BODY)},
        {TIMESTAMP_HEADER: str(NOW), SIGNATURE_HEADER: "sha256=" + "0" * 64},
        {TIMESTAMP_HEADER: str(NOW), SIGNATURE_HEADER: compute_signature("other", str(NOW), BODY)},
        {TIMESTAMP_HEADER: str(NOW), SIGNATURE_HEADER: compute_signature(SECRET, str(NOW), BODY)[7:]},
        {TIMESTAMP_HEADER: str(NOW), SIGNATURE_HEADER: "sha256=ñ"},
        {TIMESTAMP_HEADER: str(NOW + 1), SIGNATURE_HEADER: compute_signature(SECRET, str(NOW), BODY)},
    ],
    ids=["none", "no-sig", "no-ts", "ts-text", "ts-negative", "zeros", "other-secret", "no-prefix",
         "non-ascii", "ts-swapped"],
)
def test_bad_headers_are_refused(headers: dict[str, str]) -> None:
    with pytest.raises(SignatureError):
        verify(SECRET, headers, BODY, max_age=300, now=NOW)


def test_signature_over_a_different_body_is_refused() -> None:
    with pytest.raises(SignatureError):
        verify(SECRET, sign(SECRET, BODY, timestamp=NOW), BODY + b" ", max_age=300, now=NOW)


@pytest.mark.parametrize("skew", [301, -301, 10_000])
def test_stale_or_future_timestamps_are_refused(skew: int) -> None:
    with pytest.raises(SignatureError, match="window"):
        verify(SECRET, sign(SECRET, BODY, timestamp=NOW), BODY, max_age=300, now=NOW + skew)


def test_empty_secret_never_verifies() -> None:
    with pytest.raises(SignatureError):
        verify("", sign("", BODY, timestamp=NOW), BODY, max_age=300, now=NOW)
