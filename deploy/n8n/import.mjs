// n8n-import (docker-compose.yml): a one-shot run in the official n8nio/n8n image before n8n starts.
// Node only (the image has node and the n8n CLI; no python, no psql, no curl).
//
//   1. wait until Postgres accepts TCP connections;
//   2. write the credentials the workflows refer to by id (the same ids, types and data as the local
//      runner's devstack/n8n.py `credentials_document`) to a 0600 file in /tmp (a tmpfs in compose),
//      `n8n import:credentials`, delete the file;
//   3. `n8n import:workflow --separate --input=<dir>`, then `n8n publish:workflow --id=<id>` for each file.
//
// Steps 2 and 3 run in ONE n8n process (batch.mjs: n8n's own import/publish commands one after the other), not
// one CLI call per step and per workflow: each CLI call is a whole n8n start (bench/stack/START.md).
//
// Steps 2 and 3 run only when their input changed since the last successful import (a stamp of sha256
// fingerprints in the n8n data volume), like the local runner: edits staff made in the editor are kept
// until the repository's workflow files change (git pull). REMEDIOS_WORKFLOW_IMPORT=always|never overrides.
// n8n loads published workflows when it starts, which is why this runs before the n8n service.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ownerPasswordHash } from './owner.mjs';

const env = process.env;
const WORKFLOWS_DIR = env.REMEDIOS_WORKFLOWS_DIR || '/workflows';
const STAMP = env.REMEDIOS_IMPORT_STAMP || join(env.N8N_USER_FOLDER || '/home/node', '.n8n', 'remedios-import.json');
const BATCH = env.REMEDIOS_N8N_BATCH || fileURLToPath(new URL('./batch.mjs', import.meta.url));
const MODE = (env.REMEDIOS_WORKFLOW_IMPORT || 'changed').toLowerCase();
const WAIT_SECONDS = Number(env.REMEDIOS_DB_WAIT_SECONDS || 120);

// The app database the workflows use: the compose services' fixed names (see db-init.sh).
const APP_DB = {
  host: env.REMEDIOS_DB_HOST || 'postgres',
  port: Number(env.REMEDIOS_DB_PORT || 5432),
  database: env.REMEDIOS_DB_NAME || 'remedios',
  user: env.REMEDIOS_DB_USER || 'remedios',
};

function log(message) {
  console.log(`n8n-import: ${message}`);
}

function fail(message) {
  console.error(`n8n-import: ${message}`);
  process.exit(1);
}

function required(name) {
  const value = env[name];
  if (!value) fail(`${name} is empty: set it in .env`);
  return value;
}

export function credentialsDocument() {
  return [
    {
      id: 'RmdPostgresCred1', name: 'Remedios database', type: 'postgres',
      data: {
        host: APP_DB.host, port: APP_DB.port, database: APP_DB.database, user: APP_DB.user,
        password: required('REMEDIOS_DB_PASSWORD'), ssl: 'disable', allowUnauthorizedCerts: false,
      },
    },
    {
      id: 'RmdWebhookToken1', name: 'Remedios gateway token', type: 'httpHeaderAuth',
      data: { name: 'X-Remedios-Token', value: required('N8N_WEBHOOK_TOKEN') },
    },
    {
      id: 'RmdCallbackKey01', name: 'Remedios callback signing key', type: 'crypto',
      data: { hmacSecret: required('REMEDIOS_CALLBACK_SECRET') },
    },
    {
      id: 'RmdSmtpServer001', name: 'Remedios staff e-mail (SMTP)', type: 'smtp',
      data: smtpCredentialData(),
    },
    {
      id: 'RmdStaffFormAuth', name: 'Remedios staff form login', type: 'httpBasicAuth',
      data: { user: (env.REMEDIOS_STAFF_FORM_USER || '').trim() || 'personal',
              password: required('REMEDIOS_STAFF_FORM_PASSWORD') },
    },
    {
      // The LLM server requires it in Compose (LLM_API_KEY); the workflows send it by this credential.
      id: 'RmdLlmApiKey0001', name: 'Remedios LLM server key', type: 'httpHeaderAuth',
      data: { name: 'Authorization', value: `Bearer ${required('LLM_API_KEY').trim()}` },
    },
  ];
}

// Staff notification e-mails: the same defaults as devstack/n8n.py `smtp_credential_data` (README.md,
// "Staff notifications"). Used only once the setting staff_email (table remedios_settings) holds an address.
export function smtpCredentialData() {
  const secure = ['1', 'true', 'yes', 'on'].includes((env.SMTP_SECURE || '').trim().toLowerCase());
  const port = (env.SMTP_PORT || '').trim();
  return {
    host: (env.SMTP_HOST || '').trim() || '127.0.0.1',
    port: /^[0-9]+$/.test(port) ? Number(port) : (secure ? 465 : 25),
    secure,
    user: env.SMTP_USER || '',
    password: env.SMTP_PASSWORD || '',
    disableStartTls: false,
    hostName: '',
  };
}

function workflowFiles() {
  let names;
  try {
    names = readdirSync(WORKFLOWS_DIR).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    fail(`cannot read the workflows folder ${WORKFLOWS_DIR}: ${error.message}`);
  }
  if (names.length === 0) fail(`no workflow files (*.json) in ${WORKFLOWS_DIR}`);
  return names.map((name) => join(WORKFLOWS_DIR, name));
}

function sha256(data) {
  return createHash('sha256').update(data).digest('hex');
}

function readStamp() {
  try {
    return JSON.parse(readFileSync(STAMP, 'utf8'));
  } catch {
    return {};
  }
}

function writeStamp(stamp) {
  const partial = `${STAMP}.tmp`;
  writeFileSync(partial, JSON.stringify(stamp) + '\n', { mode: 0o600 });
  renameSync(partial, STAMP);
}

// Runs batch.mjs (one n8n process) with these arguments; returns why it failed, or undefined.
function batch(args, childEnv) {
  log(`$ n8n batch ${args.map((arg) => arg.split('=')[0]).join(' ')}`);
  const result = spawnSync(process.execPath, [BATCH, ...args], { env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  if (result.error) return `could not run ${BATCH}: ${result.error.message}`;
  const status = result.status ?? result.signal;
  return status === 0 ? undefined : `n8n batch (${args.map((arg) => arg.split('=')[0]).join(' ')}) failed (exit ${status})`;
}

function canConnect(host, port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port, timeout: 2000 });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('timeout', () => { socket.destroy(); resolve(false); });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPostgres() {
  const host = env.DB_POSTGRESDB_HOST || 'postgres';
  const port = Number(env.DB_POSTGRESDB_PORT || 5432);
  const deadline = Date.now() + WAIT_SECONDS * 1000;
  while (!(await canConnect(host, port))) {
    if (Date.now() > deadline) fail(`Postgres at ${host}:${port} did not answer in ${WAIT_SECONDS} s`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  log(`Postgres at ${host}:${port} is up`);
}

export async function main() {
  if (!['changed', 'always', 'never'].includes(MODE)) {
    fail(`REMEDIOS_WORKFLOW_IMPORT must be changed, always or never, not ${JSON.stringify(MODE)}`);
  }
  required('N8N_ENCRYPTION_KEY');
  await waitForPostgres();

  // The CLI sees the same environment as the n8n service (same encryption key, same owner), minus the
  // secrets only this script needs.
  const childEnv = { ...env };
  for (const name of ['REMEDIOS_DB_PASSWORD', 'N8N_WEBHOOK_TOKEN', 'REMEDIOS_CALLBACK_SECRET', 'N8N_OWNER_PASSWORD',
                      'SMTP_PASSWORD', 'REMEDIOS_STAFF_FORM_PASSWORD', 'LLM_API_KEY']) {
    delete childEnv[name];
  }
  if (env.N8N_INSTANCE_OWNER_MANAGED_BY_ENV === 'true' && env.N8N_OWNER_PASSWORD) {
    childEnv.N8N_INSTANCE_OWNER_PASSWORD_HASH = ownerPasswordHash(env.N8N_OWNER_PASSWORD);
  }

  const credentials = credentialsDocument();
  const files = workflowFiles();
  const wanted = {
    credentials: sha256(JSON.stringify(credentials)),
    workflows: sha256(Buffer.concat(files.map((path) => readFileSync(path)))),
  };
  const done = readStamp();

  const newCredentials = done.credentials !== wanted.credentials;
  if (!newCredentials) log('credentials unchanged since the last import');
  let ids = [];
  if (MODE === 'never' || (MODE === 'changed' && done.workflows === wanted.workflows)) {
    log(MODE === 'never' ? 'REMEDIOS_WORKFLOW_IMPORT=never: workflows left as they are in n8n'
                         : 'workflow files unchanged since the last import: edits made in n8n are kept');
  } else {
    ids = files.map((path) => JSON.parse(readFileSync(path, 'utf8')).id);
    if (ids.some((id) => typeof id !== 'string' || id === '')) fail('every workflow file needs a fixed "id"');
  }
  if (newCredentials || ids.length > 0) {
    // Imported, then published one by one. Importing over a published workflow makes n8n deactivate it as the
    // instance owner, which it refuses ("You do not have permission to deactivate this workflow") until a first
    // start has set the owner up: e.g. a first deploy that failed after publishing, then changed files. batch.mjs
    // then unpublishes ours with the repository-level command (no permission check; they are published again)
    // and imports again.
    const dir = mkdtempSync(join(tmpdir(), 'remedios-credentials-'));
    let failure;
    try {
      const args = [];
      if (newCredentials) {
        const path = join(dir, 'credentials.json');
        writeFileSync(path, JSON.stringify(credentials), { mode: 0o600 });
        args.push(`--credentials=${path}`);
      }
      if (ids.length > 0) args.push(`--workflows=${WORKFLOWS_DIR}`);
      failure = batch(args, childEnv);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    if (failure) fail(failure);
    writeStamp({
      ...done,
      ...(newCredentials ? { credentials: wanted.credentials } : {}),
      ...(ids.length > 0 ? { workflows: wanted.workflows } : {}),
    });
    if (ids.length > 0) log(`imported and published ${ids.length} workflow(s): ${ids.join(', ')}`);
  }
  log('done');
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) await main();
