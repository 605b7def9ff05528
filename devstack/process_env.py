"""The environment the gateway and the LLM server start with: the machine's basics and their own variables,
built key by key like n8n's (devstack/n8n.py), never the whole shell. A secret of another part (n8n's owner
password, the database URL, `LLM_API_KEY` for the gateway…) or of the person who runs `make run` (a cloud token,
`SSH_AUTH_SOCK`) does not reach a process that has no use for it.

What each part reads is in its settings object (gateway/settings.py, gateway/speech/settings.py,
gateway/staff/settings.py; llm-server/llm_server/settings.py): the prefixes and names below follow them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

# Every process needs these to run as the user who started it (paths, locale, time zone, certificates).
BASICS = ("PATH", "HOME", "USER", "LOGNAME", "LANG", "LANGUAGE", "TZ", "TMPDIR", "SSL_CERT_FILE", "SSL_CERT_DIR",
          "PYTHONUNBUFFERED", "PYTHONDONTWRITEBYTECODE", "PYTHONIOENCODING")
BASIC_PREFIXES = ("LC_",)

# The gateway: its own settings, WhatsApp's, speech's, and the n8n addresses and token it uses.
GATEWAY_PREFIXES = ("GATEWAY_", "WHATSAPP_", "SPEECH_", "VOSK_", "WHISPER_")
GATEWAY_NAMES = ("N8N_CHAT_WEBHOOK_URL", "N8N_HISTORY_WEBHOOK_URL", "N8N_HEALTH_URL", "N8N_STATUS_WEBHOOK_URL",
                 "N8N_ESTIMATE_PAGE_WEBHOOK_URL", "N8N_STAFF_WEBHOOK_URL", "N8N_WEBHOOK_TOKEN",
                 "REMEDIOS_CALLBACK_SECRET")

# The LLM server: its settings, and the thread and math-library knobs of the inference code.
LLM_PREFIXES = ("LLM_", "OMP_", "GGML_", "LLAMA_", "KMP_", "OPENBLAS_", "MKL_")


def part_environment(environ: Mapping[str, str], *, prefixes: Iterable[str] = (),
                     names: Iterable[str] = ()) -> dict[str, str]:
    """The variables of `environ` a part may see: BASICS, LC_*, `names`, and those starting with `prefixes`."""
    wanted = set(BASICS) | set(names)
    starts = (*BASIC_PREFIXES, *prefixes)
    return {k: v for k, v in environ.items() if k in wanted or k.startswith(starts)}


def gateway_environment(environ: Mapping[str, str]) -> dict[str, str]:
    return part_environment(environ, prefixes=GATEWAY_PREFIXES, names=GATEWAY_NAMES)


def llm_server_environment(environ: Mapping[str, str]) -> dict[str, str]:
    return part_environment(environ, prefixes=LLM_PREFIXES)
