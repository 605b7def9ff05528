"""No workflow uses a node version, mode or option that the pinned n8n marks deprecated or out of date.

The check asks the installed n8n itself (n8n-runtime/, the package devstack runs): for each node of each workflow
it loads the node type's description from n8n-nodes-base, fills in the defaults the editor would
(NodeHelpers.getNodeParameters) and lists what the editor would show for it (NodeHelpers.displayParameter): a
notice that says "deprecated" / "out of date", or a chosen option whose name or description says "deprecated".
A typeVersion the installed n8n does not offer is reported too. So a deprecation that comes with the next n8n
upgrade shows up here without this file knowing about it."""

from __future__ import annotations

import json
import subprocess
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from devstack.config import StackConfig
from tests.workflows.workflow_json import FILES, load, node_binary

INSPECT = r"""
const fs = require('fs');
const path = require('path');
const root = process.argv[1];
const { NodeHelpers } = require(path.join(root, 'n8n-workflow'));
const PACKAGES = ['n8n-nodes-base', '@n8n/n8n-nodes-langchain'];
const DEPRECATED = /deprecat|out of date|outdated/i;
const nodeFiles = {};
function filesOf(pkg) {
  if (!nodeFiles[pkg]) {
    const dir = path.join(root, pkg);
    nodeFiles[pkg] = (require(path.join(dir, 'package.json')).n8n.nodes || []).map((f) => path.join(dir, f));
  }
  return nodeFiles[pkg];
}
const types = {};
function nodeType(type) {  // 'n8n-nodes-base.executeWorkflow' -> the class in .../ExecuteWorkflow.node.js
  if (type in types) return types[type];
  const dot = type.lastIndexOf('.');
  const pkg = type.slice(0, dot), name = type.slice(dot + 1);
  types[type] = null;
  if (!PACKAGES.includes(pkg)) return null;
  for (const file of filesOf(pkg)) {
    if (path.basename(file).toLowerCase() !== name.toLowerCase() + '.node.js') continue;
    for (const Cls of Object.values(require(file))) {
      if (typeof Cls !== 'function') continue;
      const instance = new Cls();
      if (instance.description && instance.description.name === name) return (types[type] = instance);
    }
  }
  return null;
}
const nodes = JSON.parse(fs.readFileSync(0, 'utf8'));
process.stdout.write(JSON.stringify(nodes.map((node) => {
  const instance = nodeType(node.type);
  if (!instance) return ['node type not found in the installed n8n'];
  const offered = instance.nodeVersions ? Object.keys(instance.nodeVersions).map(Number)
                                        : [].concat(instance.description.version);
  if (!offered.includes(node.typeVersion)) return [`typeVersion ${node.typeVersion} not offered (${offered})`];
  const description = (instance.nodeVersions ? instance.getNodeType(node.typeVersion) : instance).description;
  const values = NodeHelpers.getNodeParameters(description.properties, node.parameters || {}, true, false, node,
                                               description) || {};
  const problems = [];
  for (const property of description.properties) {
    if (!NodeHelpers.displayParameter(values, property, node, description)) continue;
    if (property.type === 'notice' && (DEPRECATED.test(property.name) || DEPRECATED.test(property.displayName))) {
      problems.push(`the editor shows: ${property.displayName}`);
    }
    if (property.type === 'options' && Array.isArray(property.options)) {
      const chosen = property.options.find((option) => option.value === values[property.name]);
      if (chosen && (DEPRECATED.test(chosen.name) || DEPRECATED.test(chosen.description || ''))) {
        problems.push(`${property.name} = ${JSON.stringify(chosen.value)}: ${chosen.name}`);
      }
    }
  }
  return problems;
})));
"""


def n8n_modules() -> Path:
    modules = StackConfig.from_env().n8n_install_dir / "node_modules"
    if not (modules / "n8n-nodes-base" / "package.json").exists():
        pytest.fail(f"the pinned n8n is not installed in {modules}: run scripts/setup.sh")
    return modules


def deprecations(nodes: list[dict[str, Any]]) -> list[list[str]]:
    """For each node, what the installed n8n says is deprecated or out of date in it (empty: nothing)."""
    done = subprocess.run([node_binary(), "-e", INSPECT, str(n8n_modules())], input=json.dumps(nodes),
                          capture_output=True, text=True, timeout=120, check=True)
    return json.loads(done.stdout)


@cache
def every_workflow_node() -> tuple[tuple[str, str, tuple[str, ...]], ...]:
    """(file, node name, problems) for every node of every workflow, in one Node process."""
    named = [(path.name, node) for path in FILES for node in load(path)["nodes"]]
    found = deprecations([node for _, node in named])
    return tuple((name, node["name"], tuple(problems)) for (name, node), problems in zip(named, found))


def test_every_workflow_node_is_inspected() -> None:
    inspected = {(name, node) for name, node, _ in every_workflow_node()}
    assert len(inspected) == sum(len(load(p)["nodes"]) for p in FILES) > 100


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_no_workflow_uses_what_the_pinned_n8n_deprecates(path: Path) -> None:
    found = {node: problems for name, node, problems in every_workflow_node() if name == path.name and problems}
    assert found == {}


def execute_workflow_node(mode: str, version: float = 1.2) -> dict[str, Any]:
    return {"name": "Send", "type": "n8n-nodes-base.executeWorkflow", "typeVersion": version,
            "parameters": {"workflowId": {"__rl": True, "value": "RmdSendToGateway", "mode": "id"}, "mode": mode,
                           "options": {"waitForSubWorkflow": True}}}


def test_the_check_sees_what_n8n_marks_deprecated() -> None:
    """The check can fail: the settings this project replaced, and others n8n 2.41.1 marks, are reported."""
    each, once, outdated, unknown_version, unknown_type = deprecations([
        execute_workflow_node("each"),  # what reply-redrive.json & co. used until n8n deprecated it
        execute_workflow_node("once"),
        execute_workflow_node("once", version=1.1),  # "This node is out of date…"
        {"name": "Ask", "type": "n8n-nodes-base.httpRequest", "typeVersion": 9, "parameters": {}},
        {"name": "Gone", "type": "n8n-nodes-base.noSuchNode", "typeVersion": 1, "parameters": {}},
    ])
    assert len(each) == 1 and '"Run once for each item" is deprecated' in each[0] and "Loop Over Items" in each[0]
    assert once == []
    assert any("out of date" in problem for problem in outdated), outdated
    assert len(unknown_version) == 1 and unknown_version[0].startswith("typeVersion 9 not offered (")
    assert "4.2" in unknown_version[0].split("(")[1].split(",")
    assert unknown_type == ["node type not found in the installed n8n"]


def test_the_forgotten_messages_workflow_tells_staff_once_per_failure() -> None:
    """answer-redrive.json: the sub-workflow "Remedios · Staff: notify" handles one notification per run, so the
    messages the chat webhook refused reach it one at a time through a Loop Over Items node, and the loop goes on
    whatever the notification returned (Always Output Data: when no e-mail is sent, notify's last step passes
    nothing on its first output)."""
    workflow = load("answer-redrive.json")
    nodes = {n["name"]: n for n in workflow["nodes"]}
    connections = workflow["connections"]
    loop, tell = nodes["One failure at a time"], nodes["Tell staff: not run again"]
    assert loop["type"] == "n8n-nodes-base.splitInBatches" and loop["typeVersion"] == 3
    assert loop["parameters"].get("batchSize", 1) == 1
    assert connections["Answer it again"]["main"] == [[], [{"node": loop["name"], "type": "main", "index": 0}]]
    assert connections[loop["name"]]["main"] == [[], [{"node": tell["name"], "type": "main", "index": 0}]]
    assert connections[tell["name"]]["main"] == [[{"node": loop["name"], "type": "main", "index": 0}]]
    assert tell["parameters"]["mode"] == "once" and tell["parameters"]["workflowId"]["value"] == "RmdNotifyStaff01"
    assert tell["alwaysOutputData"] is True and tell["onError"] == "continueRegularOutput"
    # the refused request's item carries the message (n8n merges it into the error output's item)
    inputs = tell["parameters"]["workflowInputs"]["value"]
    assert inputs["conversation_id"] == "={{ $json.conversation_id }}" and "$json.request.text" in inputs["summary"]


def test_the_error_workflow_tells_staff_once_per_failed_execution() -> None:
    """errors-record.json: n8n starts it with one item per failed execution, so notify runs once, all items."""
    workflow = load("errors-record.json")
    tell = next(n for n in workflow["nodes"] if n["name"] == "Tell staff: a workflow failed")
    assert tell["parameters"]["mode"] == "once"
    assert [n["type"] for n in workflow["nodes"]].count("n8n-nodes-base.errorTrigger") == 1
