// Credentials and workflows into n8n in ONE n8n process: what `n8n import:credentials`, `n8n import:workflow
// --separate`, `n8n unpublish:workflow --id=…` (only when the import is refused) and `n8n publish:workflow
// --id=…` for every file do, in that order, one command after the other, but each CLI call is a whole n8n start
// (database connection, migrations check, node types loaded: several seconds here), and publishing takes one
// call per workflow (n8n 2.x refuses `publish:workflow --all`).
//
// How: this script starts n8n the way its `bin/n8n` does, registers one more CLI command, and lets n8n's own
// CommandRegistry run it. That command initialises n8n once (BaseCommand.init, as `import:workflow` does) and
// then runs the `run()` of n8n's own import/unpublish/publish command classes with the flags the CLI would
// parse for them: the same code paths as the separate CLI calls, nothing written to n8n's tables by this file.
// Used by devstack/n8n.py (make run, the tests) and deploy/n8n/import.mjs (Compose).
//
//   node batch.mjs [--credentials=FILE] [--workflows=DIR]
//
// Environment: whatever the n8n CLI needs (DB_*, N8N_ENCRYPTION_KEY, owner…), plus REMEDIOS_N8N_PACKAGE_DIR
// (the installed n8n package; default: the official image's). Exit status 0 only when every step succeeded.
// As with the CLI, changes go live when n8n (re)starts.
import { createRequire } from 'node:module';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const N8N_PACKAGE = process.env.REMEDIOS_N8N_PACKAGE_DIR || '/usr/local/lib/node_modules/n8n';
const COMMAND = 'remedios:import-batch';

function option(name) {
  const prefix = `--${name}=`;
  const found = process.argv.slice(2).find((arg) => arg.startsWith(prefix));
  return found === undefined ? undefined : found.slice(prefix.length);
}

export function workflowIds(directory) {
  return readdirSync(directory).filter((name) => name.endsWith('.json')).sort()
    .map((name) => JSON.parse(readFileSync(join(directory, name), 'utf8')).id);
}

async function main() {
  const credentials = option('credentials');
  const workflows = option('workflows');
  const require = createRequire(join(N8N_PACKAGE, 'package.json'));
  const n8n = (path) => require(join(N8N_PACKAGE, path));

  // What bin/n8n does before it runs a command (minus the .env file of the working folder: callers give the
  // whole environment).
  process.env.NODE_CONFIG_DIR = process.env.NODE_CONFIG_DIR || join(N8N_PACKAGE, 'bin', 'config');
  require('util').inspect.defaultOptions.customInspect = false;
  require('source-map-support').install();
  require('reflect-metadata');
  n8n('dist/config');
  if (process.env.NODEJS_PREFER_IPV4 === 'true') require('dns').setDefaultResultOrder('ipv4first');
  require('net').setDefaultAutoSelectFamily?.(false);

  const { Container } = require('@n8n/di');
  const { Command, CommandMetadata } = require('@n8n/decorators');
  const { z } = require('zod');
  const { CommandRegistry } = n8n('dist/command-registry.js'); // first: it adds zod's .alias() the commands use
  const { BaseCommand } = n8n('dist/commands/base-command.js');
  const { ImportCredentialsCommand } = n8n('dist/commands/import/credentials.js');
  const { ImportWorkflowsCommand } = n8n('dist/commands/import/workflow.js');
  const { UnpublishWorkflowCommand } = n8n('dist/commands/unpublish/workflow.js');
  const { PublishWorkflowCommand } = n8n('dist/commands/publish/workflow.js');
  const metadata = Container.get(CommandMetadata);

  // One of n8n's own commands, given the flags its CLI parser would give it (defaults included).
  function command(cls, name, flags) {
    const entry = metadata.get(name);
    if (!entry || entry.class !== cls) throw new Error(`n8n has no command ${name} as expected (n8n upgraded?)`);
    const instance = Container.get(cls);
    instance.flags = entry.flagsSchema.parse(flags);
    return instance;
  }

  class ImportBatchCommand extends BaseCommand {
    constructor() {
      super();
      this.needsExpressionEngine = true; // as import:workflow
    }

    async run() {
      if (this.flags.credentials) {
        this.logger.info(`[batch] import:credentials --input=${this.flags.credentials}`);
        await command(ImportCredentialsCommand, 'import:credentials', { input: this.flags.credentials }).run();
      }
      if (!this.flags.workflows) return;
      const ids = workflowIds(this.flags.workflows);
      if (ids.length === 0) throw new Error(`no workflow files (*.json) in ${this.flags.workflows}`);
      if (ids.some((id) => typeof id !== 'string' || id === '')) throw new Error('every workflow file needs a fixed "id"');
      const importFlags = { input: this.flags.workflows, separate: true };
      this.logger.info(`[batch] import:workflow --separate --input=${this.flags.workflows}`);
      try {
        await command(ImportWorkflowsCommand, 'import:workflow', importFlags).run();
      } catch (error) {
        // n8n refuses to import over a published workflow until a first start has set the owner up (see
        // import.mjs): unpublish ours (no permission check; published again below), then import again.
        this.logger.warn(`[batch] import refused (${error.message}): unpublishing ${ids.length} workflow(s), importing again`);
        for (const id of ids) await command(UnpublishWorkflowCommand, 'unpublish:workflow', { id }).run();
        await command(ImportWorkflowsCommand, 'import:workflow', importFlags).run();
      }
      for (const id of ids) {
        await command(PublishWorkflowCommand, 'publish:workflow', { id }).run();
      }
      this.logger.info(`[batch] imported and published ${ids.length} workflow(s): ${ids.join(', ')}`);
    }

    async catch(error) {
      this.logError(error, '[batch] failed. See log messages for details.');
    }
  }

  Command({
    name: COMMAND,
    description: 'Remedios: import credentials and workflows, then publish every workflow, in one process',
    examples: ['--credentials=creds.json --workflows=dir/'],
    flagsSchema: z.object({ credentials: z.string().optional(), workflows: z.string().optional() }),
  })(ImportBatchCommand);

  // n8n's CommandRegistry reads the command name from argv[2] and parses the flags after it.
  process.argv = [process.argv[0], join(N8N_PACKAGE, 'bin', 'n8n'), COMMAND,
                  ...(credentials ? [`--credentials=${credentials}`] : []),
                  ...(workflows ? [`--workflows=${workflows}`] : [])];
  await Container.get(CommandRegistry).execute(); // BaseCommand.finally exits: 0, or 1 after an error
}

await main();
