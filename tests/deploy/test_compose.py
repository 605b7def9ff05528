"""docker-compose.yml: valid for every profile, started in the right order, private by default, documented.

Validated with docker-compose (1.29, Debian's) offline: `config` interpolates, normalises and checks the file
against the Compose schema without a Docker engine. Nothing is pulled or built here.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from tests.deploy.compose_helpers import (
    COMPOSE_FILE,
    ENV_EXAMPLE,
    ROOT,
    SECRETS,
    n8n_pinned_version,
    resolved_config,
    run_compose,
    write_env_file,
)

DEFAULT_SERVICES = {"postgres", "db-init", "n8n-import", "n8n", "llm-server", "gateway"}
SCALE_SERVICES = DEFAULT_SERVICES | {
    "scale-check",
    "redis",
    "n8n-worker",
    "n8n-webhook",
    "gateway-2",
    "gateway-lb",
    "llm-server-2",
    "llm-lb",
}
ONE_SHOTS = {"db-init", "n8n-import", "scale-check"}
N8N_SERVICES = {"n8n-import", "n8n", "n8n-worker", "n8n-webhook"}
GATEWAY_COMMAND = ["python", "-m", "gateway"]
NEVER_PUBLISHED = {"postgres", "redis", "llm-server", "llm-server-2", "llm-lb", "n8n-worker", "n8n-webhook", "db-init",
                   "n8n-import"}


# ------------------------------------------------------------------------------------------ validity
@pytest.mark.parametrize("profiles", [(), ("scale",)], ids=["default", "scale"])
def test_the_file_validates_for_every_profile(
    env_file: Path, scale_env_file: Path, profiles: tuple[str, ...]
) -> None:
    chosen = scale_env_file if profiles else env_file
    args = [arg for profile in profiles for arg in ("--profile", profile)]
    result = run_compose(chosen, *args, "config", "-q")
    assert result.returncode == 0, result.stderr


def test_every_profile_in_the_file_is_tested(env_file: Path) -> None:
    result = run_compose(env_file, "config", "--profiles")
    assert result.returncode == 0, result.stderr
    assert set(result.stdout.split()) == {"scale"}


def test_a_missing_secret_stops_compose_with_its_name(tmp_path: Path) -> None:
    for secret in SECRETS:
        env_file = write_env_file(tmp_path / f"{secret}.env", **{secret: ""})
        result = run_compose(env_file, "config", "-q")
        assert result.returncode != 0, f"compose accepted an empty {secret}"
        assert f"set {secret} in .env" in result.stderr


def test_the_example_env_file_itself_is_refused_until_secrets_are_filled_in() -> None:
    result = run_compose(ENV_EXAMPLE, "config", "-q")
    assert result.returncode != 0
    assert "in .env" in result.stderr


# ------------------------------------------------------------------------------------------ services
def test_services_per_profile(default_config: dict, scale_config: dict) -> None:
    assert set(default_config["services"]) == DEFAULT_SERVICES
    assert set(scale_config["services"]) == SCALE_SERVICES


@pytest.mark.parametrize("profile", ["default", "scale"])
def test_long_running_services_have_health_checks_and_restart(
    profile: str, default_config: dict, scale_config: dict
) -> None:
    services = (default_config if profile == "default" else scale_config)["services"]
    for name, service in services.items():
        if name in ONE_SHOTS:
            assert service.get("restart") == "no", name
            continue
        check = service.get("healthcheck")
        assert check and not check.get("disable") and check.get("test"), f"{name} has no health check"
        assert service.get("restart") == "unless-stopped", name


def _conditions(service: dict) -> dict[str, str]:
    depends = service.get("depends_on") or {}
    if isinstance(depends, list):  # short form: no condition at all
        return {name: "service_started" for name in depends}
    return {name: spec.get("condition", "service_started") for name, spec in depends.items()}


EXPECTED_ORDER = {
    "db-init": {"postgres": "service_healthy"},
    "n8n-import": {"db-init": "service_completed_successfully"},
    "n8n": {"postgres": "service_healthy", "n8n-import": "service_completed_successfully"},
    "gateway": {"n8n": "service_healthy", "llm-server": "service_healthy"},
    "n8n-worker": {
        "scale-check": "service_completed_successfully",
        "redis": "service_healthy",
        "n8n": "service_healthy",
    },
    "n8n-webhook": {
        "scale-check": "service_completed_successfully",
        "redis": "service_healthy",
        "n8n": "service_healthy",
    },
    "gateway-2": {
        "scale-check": "service_completed_successfully",
        "redis": "service_healthy",
        "n8n-webhook": "service_healthy",
        "llm-server": "service_healthy",
    },
    "gateway-lb": {"gateway": "service_healthy", "gateway-2": "service_healthy"},
    "llm-server-2": {"llm-server": "service_healthy"},
    "llm-lb": {"llm-server": "service_healthy", "llm-server-2": "service_healthy"},
}


def test_start_order_uses_health_and_completion_conditions(scale_config: dict) -> None:
    services = scale_config["services"]
    for name, service in services.items():
        assert _conditions(service) == EXPECTED_ORDER.get(name, {}), name


def test_import_runs_to_completion_before_n8n_starts(default_config: dict) -> None:
    assert _conditions(default_config["services"]["n8n"])["n8n-import"] == "service_completed_successfully"
    assert (
        _conditions(default_config["services"]["n8n-import"])["db-init"] == "service_completed_successfully"
    )


@pytest.mark.parametrize("profile", ["default", "scale"])
def test_dependencies_exist_in_the_same_profile_and_have_no_cycle(
    profile: str, default_config: dict, scale_config: dict
) -> None:
    # Docker Compose v2 refuses a service that depends on one its profiles do not start.
    services = (default_config if profile == "default" else scale_config)["services"]
    for name, service in services.items():
        for dependency in _conditions(service):
            assert dependency in services, f"{name} depends on {dependency}, not started in {profile}"
    done: set[str] = set()
    pending = dict.fromkeys(services)
    while pending:
        ready = [name for name in pending if set(_conditions(services[name])) <= done]
        assert ready, f"dependency cycle among {sorted(pending)}"
        for name in ready:
            done.add(name)
            del pending[name]


# ------------------------------------------------------------------------------------------ exposure
def _published(service: dict) -> list[tuple[str, str]]:
    """(host ip, host port) of each published port, from the short or the long syntax."""
    published = []
    for port in service.get("ports") or []:
        if isinstance(port, dict):
            published.append((str(port.get("host_ip", "")), str(port.get("published", ""))))
            continue
        spec = str(port).split("/")[0]
        parts = spec.rsplit(":", 2)
        if len(parts) == 3:
            published.append((parts[0].strip("[]"), parts[1]))
        elif len(parts) == 2:
            published.append(("", parts[0]))
        else:
            published.append(("", ""))  # container port only: a random port on every interface
    return published


@pytest.mark.parametrize("profile", ["default", "scale"])
def test_by_default_everything_published_is_on_host_loopback_only(
    profile: str, default_config: dict, scale_config: dict
) -> None:
    services = (default_config if profile == "default" else scale_config)["services"]
    for name, service in services.items():
        assert not service.get("network_mode"), f"{name} must stay on the project network"
        for host_ip, host_port in _published(service):
            assert host_ip == "127.0.0.1", f"{name} publishes {host_ip or 'every interface'}:{host_port}"
        if name in NEVER_PUBLISHED:
            assert not service.get("ports"), f"{name} must not be published"
        assert not service.get("expose"), name


def test_default_published_ports(default_config: dict, scale_config: dict) -> None:
    services = scale_config["services"]
    assert _published(services["gateway"]) == [("127.0.0.1", "8000")]
    assert _published(services["n8n"]) == [("127.0.0.1", "5678")]
    assert _published(services["gateway-lb"]) == [("127.0.0.1", "8080")]
    assert not services["postgres"].get("ports")


def test_the_gateway_can_be_made_public_from_env(tmp_path: Path) -> None:
    config = resolved_config(write_env_file(tmp_path / "public.env", GATEWAY_PUBLISH="0.0.0.0:8000"))
    assert _published(config["services"]["gateway"]) == [("0.0.0.0", "8000")]
    assert _published(config["services"]["n8n"]) == [("127.0.0.1", "5678")]


def test_services_inside_containers_listen_beyond_their_own_loopback(scale_config: dict) -> None:
    services = scale_config["services"]
    for name in ("gateway", "gateway-2"):
        assert services[name]["environment"]["GATEWAY_HOST"] == "0.0.0.0"
    assert services["llm-server"]["environment"]["LLM_HOST"] == "0.0.0.0"


# ------------------------------------------------------------------------------------------ n8n
def test_n8n_image_is_the_pinned_version(scale_config: dict) -> None:
    version = n8n_pinned_version()
    for name in N8N_SERVICES:
        assert scale_config["services"][name]["image"] == f"n8nio/n8n:{version}", name


def test_n8n_processes_share_database_and_encryption_key(scale_config: dict) -> None:
    shared = (
        "N8N_ENCRYPTION_KEY",
        "DB_TYPE",
        "DB_POSTGRESDB_HOST",
        "DB_POSTGRESDB_DATABASE",
        "DB_POSTGRESDB_USER",
        "DB_POSTGRESDB_PASSWORD",
        "N8N_BLOCK_ENV_ACCESS_IN_NODE",
    )
    environments = [scale_config["services"][name]["environment"] for name in N8N_SERVICES]
    for key in shared:
        values = {environment.get(key) for environment in environments}
        assert len(values) == 1 and None not in values, key


def test_no_n8n_process_lets_a_workflow_read_its_environment(scale_config: dict, default_config: dict) -> None:
    """Issue 16: env access blocked in every n8n process; the workflows' addresses are not in n8n's environment
    but written by db-init into the table remedios_settings (every setting from its variable)."""
    from devstack.workflow_settings import SETTING_VARIABLES

    for config in (default_config, scale_config):
        services = config["services"]
        for name in N8N_SERVICES:
            if name not in services:
                continue
            environment = services[name]["environment"]
            assert environment["N8N_BLOCK_ENV_ACCESS_IN_NODE"] == "true", name
            assert not [key for key in environment if key in SETTING_VARIABLES.values()], name
        db_init = services["db-init"]["environment"]
        assert set(SETTING_VARIABLES.values()) <= set(db_init)
    script = (ROOT / "deploy" / "postgres" / "db-init.sh").read_text()
    for key, variable in SETTING_VARIABLES.items():
        assert f'-v {key}="${{{variable}:-}}"' in script and f"('{key}', :'{key}')" in script, key


def test_queue_mode_on_worker_webhook_and_main(scale_config: dict, default_config: dict) -> None:
    services = scale_config["services"]
    assert services["n8n-worker"]["command"][0] == "worker"
    assert services["n8n-webhook"]["command"] == ["webhook"]
    for name in ("n8n", "n8n-worker", "n8n-webhook"):
        environment = services[name]["environment"]
        assert environment["EXECUTIONS_MODE"] == "queue", name
        assert environment["QUEUE_BULL_REDIS_HOST"] == "redis", name
    assert default_config["services"]["n8n"]["environment"]["EXECUTIONS_MODE"] == "regular"
    assert services["n8n-import"]["environment"]["EXECUTIONS_MODE"] == "regular"


def test_import_service_gets_workflows_and_credential_inputs(default_config: dict) -> None:
    service = default_config["services"]["n8n-import"]
    mounts = [str(volume) for volume in service["volumes"]]
    assert any(f"{ROOT}/n8n-workflows/workflows:/workflows" in mount for mount in mounts), mounts
    assert any(mount.startswith("n8n-data:/home/node/.n8n") for mount in mounts), mounts
    for name in (
        "REMEDIOS_DB_PASSWORD",
        "N8N_WEBHOOK_TOKEN",
        "REMEDIOS_CALLBACK_SECRET",
        "N8N_ENCRYPTION_KEY",
        "REMEDIOS_STAFF_FORM_PASSWORD",
    ):
        assert service["environment"][name], name
    assert "/tmp" in (service.get("tmpfs") or [])


def test_only_the_main_process_and_the_import_know_the_owner_password(scale_config: dict) -> None:
    for name, service in scale_config["services"].items():
        has = "N8N_OWNER_PASSWORD" in (service.get("environment") or {})
        assert has == (name in {"n8n", "n8n-import"}), name


# ------------------------------------------------------------------------------------------ gateways
def _gateway_replicas(services: dict) -> list[str]:
    names = []
    for name, service in services.items():
        if service.get("command") == GATEWAY_COMMAND:
            replicas = (service.get("deploy") or {}).get("replicas", 1)
            names.extend([name] * int(replicas))
    return names


def test_scale_profile_runs_at_least_two_gateway_replicas_on_a_shared_hub(scale_config: dict) -> None:
    services = scale_config["services"]
    replicas = _gateway_replicas(services)
    assert len(replicas) >= 2, replicas
    outboxes = set()
    for name in set(replicas):
        environment = services[name]["environment"]
        assert environment["GATEWAY_HUB_URL"].startswith("redis://redis:"), name
        data_dir = environment["GATEWAY_DATA_DIR"]
        volume = [str(v) for v in services[name]["volumes"] if str(v).split(":")[1] == data_dir]
        assert volume, f"{name}: GATEWAY_DATA_DIR is not on a volume"
        outboxes.add(volume[0].split(":")[0])
    assert len(outboxes) == len(set(replicas)), "each gateway replica needs its own outbox volume"


def test_single_node_runs_one_gateway_with_the_in_process_hub(default_config: dict) -> None:
    services = default_config["services"]
    assert _gateway_replicas(services) == ["gateway"]
    assert services["gateway"]["environment"]["GATEWAY_HUB_URL"] == ""


def test_the_load_balancer_knows_every_gateway_replica(scale_config: dict) -> None:
    conf = (ROOT / "deploy" / "nginx" / "gateway-lb.conf").read_text()
    for name in set(_gateway_replicas(scale_config["services"])):
        assert re.search(rf"^\s*server {re.escape(name)}:8000\b", conf, re.M), name
    assert "proxy_set_header Upgrade $http_upgrade;" in conf


def test_the_model_balancer_knows_every_llm_server_replica(scale_config: dict, default_config: dict) -> None:
    services = scale_config["services"]
    replicas = {name for name, s in services.items() if s.get("command") == ["sh", "/app/deploy/llm-server-start.sh"]}
    assert replicas == {"llm-server", "llm-server-2"}
    assert services["llm-server-2"]["environment"] == services["llm-server"]["environment"]
    conf = (ROOT / "deploy" / "nginx" / "llm-lb.conf").read_text()
    assert re.search(r"^\s*least_conn;", conf, re.M)
    for name in replicas:
        assert re.search(rf"^\s*server {re.escape(name)}:4891 resolve max_fails=1\b", conf, re.M), name
    assert "proxy_buffering off;" in conf and "proxy_next_upstream error timeout" in conf
    assert "listen 4891;" in conf
    # n8n reaches the model through llm-lb in the scale profile (the scale block of .env.example) …
    # (the setting llm_base_url, written by db-init into remedios_settings for every n8n process) …
    assert services["db-init"]["environment"]["REMEDIOS_LLM_BASE_URL"] == "http://llm-lb:4891/v1"
    # … and the one model server directly on a single node.
    assert default_config["services"]["db-init"]["environment"]["REMEDIOS_LLM_BASE_URL"] == "http://llm-server:4891/v1"
    # The gateways' model relay (the chat's streamed answers) goes the same way.
    for name in _gateway_replicas(services):
        assert services[name]["environment"]["GATEWAY_LLM_URL"] == "http://llm-lb:4891/v1", name
    assert default_config["services"]["gateway"]["environment"]["GATEWAY_LLM_URL"] == "http://llm-server:4891/v1"


def test_gateways_reach_n8n_and_the_callback_reaches_the_gateways(
    default_config: dict, scale_config: dict
) -> None:
    single = default_config["services"]
    assert single["gateway"]["environment"]["N8N_CHAT_WEBHOOK_URL"] == "http://n8n:5678/webhook/remedios-chat"
    # The callback address is the setting gateway_callback_url, written by db-init (remedios_settings).
    assert (
        single["db-init"]["environment"]["REMEDIOS_GATEWAY_CALLBACK_URL"] == "http://gateway:8000/callbacks/n8n"
    )
    scaled = scale_config["services"]
    assert (
        scaled["gateway-2"]["environment"]["N8N_CHAT_WEBHOOK_URL"]
        == "http://n8n-webhook:5678/webhook/remedios-chat"
    )
    assert (
        scaled["db-init"]["environment"]["REMEDIOS_GATEWAY_CALLBACK_URL"]
        == "http://gateway-lb:8080/callbacks/n8n"
    )


# ------------------------------------------------------------------------------------------ volumes
def test_state_lives_in_named_volumes(scale_config: dict) -> None:
    services = scale_config["services"]
    expected = {
        "postgres": "postgres-data:/var/lib/postgresql",
        "n8n": "n8n-data:/home/node/.n8n",
        "llm-server": "llm-models:/models",
        "gateway": "gateway-data:/data/gateway",
        "gateway-2": "gateway-2-data:/data/gateway",
        "redis": "redis-data:/data",
    }
    for name, mount in expected.items():
        assert any(str(v).startswith(mount) for v in services[name]["volumes"]), (
            name,
            services[name]["volumes"],
        )
    assert set(scale_config["volumes"]) == {m.split(":")[0] for m in expected.values()}


def test_llm_server_is_told_where_its_model_volume_is(default_config: dict) -> None:
    service = default_config["services"]["llm-server"]
    assert service["environment"]["LLM_MODELS_DIR"] == "/models"
    assert service["command"] == ["sh", "/app/deploy/llm-server-start.sh"]


# ------------------------------------------------------------------------------------------ .env.example
def _variables_used() -> set[str]:
    text = COMPOSE_FILE.read_text()
    return set(re.findall(r"(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)", text)) | set(
        re.findall(r"(?<!\$)\$([A-Za-z_][A-Za-z0-9_]*)", text)
    )


def test_every_variable_the_file_uses_is_in_env_example() -> None:
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    missing = _variables_used() - documented
    assert not missing, f"not in .env.example: {sorted(missing)}"


def test_env_example_lists_nothing_the_file_does_not_use() -> None:
    documented = set(re.findall(r"^([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.M))
    unused = documented - _variables_used() - {"COMPOSE_PROFILES"}
    assert not unused, f"in .env.example but unused: {sorted(unused)}"


def test_env_example_holds_no_secret_values() -> None:
    values = dict(re.findall(r"^([A-Z][A-Z0-9_]*)=(.*)$", ENV_EXAMPLE.read_text(), re.M))
    for name in SECRETS:
        assert values[name] == "", f"{name} must be empty in .env.example"


def test_every_env_example_variable_is_explained() -> None:
    lines = ENV_EXAMPLE.read_text().splitlines()
    for index, line in enumerate(lines):
        if re.match(r"^[A-Z][A-Z0-9_]*=", line):
            above = lines[index - 1] if index else ""
            assert above.startswith("#") or re.match(r"^[A-Z][A-Z0-9_]*=", above), f"no comment for {line}"


def test_the_file_has_no_top_level_version_and_parses_as_plain_yaml() -> None:
    raw = yaml.safe_load(COMPOSE_FILE.read_text())
    assert "version" not in raw
    assert set(raw) <= {"services", "volumes", "networks", "secrets", "configs", "name"} | {
        key for key in raw if key.startswith("x-")
    }


# ------------------------------------------------------------------------------------------ documentation
def test_the_deployment_guide_covers_every_service_and_published_variable(scale_config: dict) -> None:
    guide = (ROOT / "docs" / "deploy.md").read_text()
    for name in scale_config["services"]:
        assert f"| `{name}` |" in guide, f"docs/deploy.md does not describe {name}"
    for variable in (
        "GATEWAY_PUBLISH",
        "N8N_EDITOR_PUBLISH",
        "GATEWAY_LB_PUBLISH",
        "GATEWAY_HUB_URL",
        "GATEWAY_DATA_DIR",
        "N8N_ENCRYPTION_KEY",
        "COMPOSE_PROFILES",
    ):
        assert variable in guide, variable
    for volume in scale_config["volumes"]:
        assert f"`{volume}`" in guide, volume
    assert "pg_dump" in guide
    assert "Not yet measured" in guide


# ------------------------------------------------------------------------------------------ settings
@pytest.mark.parametrize("profile", ["default", "scale"])
def test_the_services_accept_the_environment_compose_gives_them(
    profile: str, default_config: dict, scale_config: dict
) -> None:
    from llm_server.settings import Settings as LlmSettings

    from gateway.settings import Settings as GatewaySettings

    services = (default_config if profile == "default" else scale_config)["services"]
    for name in _gateway_replicas(services):
        settings = GatewaySettings.from_env(services[name]["environment"])
        settings.require_serving()
        assert (settings.host, settings.port) == ("0.0.0.0", 8000)
        assert str(settings.data_dir) == "/data/gateway"
    llm = LlmSettings.from_env(services["llm-server"]["environment"])
    assert (llm.host, llm.port, llm.model_id) == ("0.0.0.0", 4891, "remedios-local")
    assert str(llm.model_path).startswith("/models/")
    # n8n asks the LLM server for the model id it serves (the settings llm_model and llm_base_url, by db-init).
    assert services["db-init"]["environment"]["REMEDIOS_LLM_MODEL"] == llm.model_id
    model_host = "llm-lb" if profile == "scale" else "llm-server"  # llm-lb listens on the server's port too
    assert services["db-init"]["environment"]["REMEDIOS_LLM_BASE_URL"] == f"http://{model_host}:{llm.port}/v1"


# ------------------------------------------------------------------------------------------ secrets between services
def test_the_llm_server_requires_its_key_and_n8n_gets_it_for_its_credential(scale_config: dict) -> None:
    from llm_server.settings import Settings as LlmSettings

    services = scale_config["services"]
    key = f"Test-secret-{SECRETS.index('LLM_API_KEY')}-llm_api_key"  # write_env_file's value
    assert services["llm-server"]["environment"]["LLM_API_KEY"] == key
    assert LlmSettings.from_env(services["llm-server"]["environment"]).api_key == key
    # Only the import service knows it: it writes it into the credential; n8n's processes never see it.
    for name, service in services.items():
        has = "LLM_API_KEY" in (service.get("environment") or {})
        assert has == (name in {"llm-server", "llm-server-2", "n8n-import"}), name


def test_the_workflows_send_the_llm_key_by_credential_reference_only() -> None:
    import json

    from devstack.n8n import LLM_KEY_CREDENTIAL_ID, credentials_document
    from devstack.postgres import DatabaseInfo

    [credential] = [c for c in credentials_document(DatabaseInfo("h", 1, "u", "p", "d"), {
        "N8N_WEBHOOK_TOKEN": "t", "REMEDIOS_CALLBACK_SECRET": "s", "REMEDIOS_STAFF_FORM_PASSWORD": "f"},
        env={"LLM_API_KEY": "k3y"}) if c["id"] == LLM_KEY_CREDENTIAL_ID]
    assert credential["type"] == "httpHeaderAuth"
    assert credential["data"] == {"name": "Authorization", "value": "Bearer k3y"}
    import_script = (ROOT / "deploy" / "n8n" / "import.mjs").read_text()
    assert f"id: '{LLM_KEY_CREDENTIAL_ID}'" in import_script and "required('LLM_API_KEY')" in import_script

    calls = 0
    for path in sorted((ROOT / "n8n-workflows" / "workflows").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert "Bearer" not in text, f"{path.name}: a key written into the workflow"
        for node in json.loads(text)["nodes"]:
            url = str(node["parameters"].get("url", ""))
            if ".json.llm_base_url" not in url and ".llm_relay_url" not in url:  # the relay: the router's setting
                continue
            calls += 1
            assert node["parameters"]["authentication"] == "genericCredentialType", node["name"]
            assert node["parameters"]["genericAuthType"] == "httpHeaderAuth", node["name"]
            assert node["credentials"] == {"httpHeaderAuth": {"id": LLM_KEY_CREDENTIAL_ID,
                                                              "name": credential["name"]}}, node["name"]
    assert calls == 2  # chat-find-answer "Ask the AI model", estimate "Ask the AI model for the items"


def test_redis_has_a_password_and_every_client_uses_it(scale_config: dict) -> None:
    from gateway.settings import Settings as GatewaySettings

    services = scale_config["services"]
    password = f"Test-secret-{SECRETS.index('REDIS_PASSWORD')}-redis_password"  # write_env_file's value
    redis = services["redis"]
    assert redis["environment"]["REDIS_PASSWORD"] == password
    command = " ".join(redis["command"])
    # `config` prints `$` as `$$`: the container's shell expands $REDIS_PASSWORD, the file holds no password
    assert re.search(r'--requirepass "\$\$REDIS_PASSWORD"', command), command
    assert password not in command
    assert redis["environment"]["REDISCLI_AUTH"] == password  # the health check logs in too
    for name in ("n8n", "n8n-worker", "n8n-webhook", "n8n-import"):
        assert services[name]["environment"]["QUEUE_BULL_REDIS_PASSWORD"] == password, name
    for name in set(_gateway_replicas(services)):
        settings = GatewaySettings.from_env(services[name]["environment"])
        assert settings.hub_url.startswith("redis://redis:") and settings.hub_password == password, name


def _nginx_size(value: str) -> int:
    number, unit = re.fullmatch(r"(\d+)([kKmMgG]?)", value).groups()  # type: ignore[union-attr]
    return int(number) * {"": 1, "k": 1024, "m": 1024**2, "g": 1024**3}[unit.lower()]


def test_the_load_balancer_lets_a_full_size_voice_note_through(scale_config: dict) -> None:
    from gateway.settings import Settings as GatewaySettings

    conf = (ROOT / "deploy" / "nginx" / "gateway-lb.conf").read_text()
    [value] = re.findall(r"^\s*client_max_body_size\s+(\S+);", conf, re.M)
    for name in set(_gateway_replicas(scale_config["services"])):
        speech_max = GatewaySettings.from_env(scale_config["services"][name]["environment"]).speech.max_bytes
        # the gateway, not nginx, answers an oversized note (its Spanish 413); headroom for the request itself
        assert _nginx_size(value) >= speech_max + 1024 * 1024, (value, speech_max)
