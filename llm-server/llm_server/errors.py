"""OpenAI-style API errors.

Every error the server returns has the shape OpenAI (and GPT4All's server) use::

    {"error": {"message": "...", "type": "invalid_request_error", "param": null, "code": null}}

``APIError`` carries the HTTP status with it, so a handler can ``raise`` one anywhere and the
app turns it into that response.
"""

from __future__ import annotations

from typing import Any


class APIError(Exception):
    """An error reported to the client as OpenAI-style JSON with an HTTP status."""

    status: int = 400
    type: str = "invalid_request_error"

    def __init__(
        self,
        message: str,
        *,
        param: str | None = None,
        code: str | None = None,
        status: int | None = None,
        type: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.code = code
        if status is not None:
            self.status = status
        if type is not None:
            self.type = type
        self.headers = headers or {}

    def to_dict(self) -> dict[str, Any]:
        return error_body(self.message, type=self.type, param=self.param, code=self.code)


class InvalidRequest(APIError):
    """The request is malformed or asks for something this server cannot do (400)."""


class AuthenticationError(APIError):
    status = 401
    type = "invalid_request_error"


class NotFound(APIError):
    status = 404


class ContextLengthExceeded(APIError):
    """The prompt does not fit into the model's context window (400, like OpenAI)."""

    def __init__(self, n_ctx: int) -> None:
        super().__init__(
            f"This model's maximum context length is {n_ctx} tokens and the prompt does not fit in it "
            "(with room for at least one generated token). Please shorten the messages or the prompt.",
            param="messages",
            code="context_length_exceeded",
        )


class ServerBusy(APIError):
    """The request queue is full (503 with Retry-After: clients such as the OpenAI SDK retry)."""

    status = 503
    type = "server_error"

    def __init__(self, max_queue: int) -> None:
        super().__init__(
            f"The server is busy: {max_queue} requests are already queued for the model. Retry later.",
            code="queue_full",
            headers={"Retry-After": "1"},
        )


class ModelUnavailable(APIError):
    """The model failed to load or the server is shutting down (503)."""

    status = 503
    type = "server_error"

    def __init__(self, message: str) -> None:
        super().__init__(message, code="model_unavailable")


class JSONOutputError(APIError):
    """The model never produced JSON that validates, after the bounded number of attempts (422)."""

    status = 422
    type = "invalid_response_error"

    def __init__(self, attempts: int, reason: str) -> None:
        super().__init__(
            f"The model did not produce valid JSON for response_format after {attempts} attempt(s); "
            f"last problem: {reason}",
            param="response_format",
            code="json_validation_failed",
        )
        self.attempts = attempts
        self.reason = reason


class GenerationFailed(APIError):
    """The backend reported an error while generating (500: a server fault, not bad input)."""

    status = 500
    type = "server_error"

    def __init__(self, message: str) -> None:
        super().__init__(message, code="generation_failed")


def error_body(
    message: str, *, type: str = "invalid_request_error", param: str | None = None, code: str | None = None
) -> dict[str, Any]:
    return {"error": {"message": message, "type": type, "param": param, "code": code}}
