"""Remedios LLM server: an OpenAI-compatible HTTP API over a local GGUF model (gpt4all bindings)."""

__version__ = "0.1.0"
