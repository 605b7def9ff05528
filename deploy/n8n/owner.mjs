// The bcrypt hash of N8N_OWNER_PASSWORD that n8n wants in N8N_INSTANCE_OWNER_PASSWORD_HASH, made with the
// bcryptjs that ships inside n8n (a direct dependency of the n8n package). Used by start.sh (printed to
// stdout) and by import.mjs (imported). Keeping only the plain password in .env avoids bcrypt's `$` signs,
// which Compose would try to interpolate.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const N8N_PACKAGE = process.env.REMEDIOS_N8N_PACKAGE_DIR || '/usr/local/lib/node_modules/n8n';

export function ownerPasswordHash(password) {
  if (!password) throw new Error('N8N_OWNER_PASSWORD is empty: set it in .env');
  const require = createRequire(`${N8N_PACKAGE}/package.json`);
  const bcrypt = require('bcryptjs');
  return bcrypt.hashSync(password, 10);
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) {
  try {
    process.stdout.write(ownerPasswordHash(process.env.N8N_OWNER_PASSWORD));
  } catch (error) {
    process.stderr.write(`owner.mjs: ${error.message}\n`);
    process.exit(1);
  }
}
