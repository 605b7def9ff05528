// Docker health check for the n8n processes (the image has node but no curl):
//   node healthcheck.mjs <readiness URL> [<webhook URL>]
// Healthy when the readiness URL answers 200 and, if given, the webhook URL answers anything but 404
// (a registered webhook refuses a request without the token with 403; an unregistered one is a 404).
const [readinessUrl, webhookUrl] = process.argv.slice(2);

async function status(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(4000), redirect: 'manual' });
  await response.arrayBuffer();
  return response.status;
}

try {
  const ready = await status(readinessUrl);
  if (ready !== 200) throw new Error(`${readinessUrl} answered ${ready}`);
  if (webhookUrl) {
    const hook = await status(`${webhookUrl}?conversation_id=healthcheck`);
    if (hook === 404) throw new Error(`${webhookUrl} is not registered yet (404)`);
  }
  process.exit(0);
} catch (error) {
  console.error(`unhealthy: ${error.message}`);
  process.exit(1);
}
