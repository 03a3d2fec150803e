import { createServer } from 'node:http';
import ms from 'ms';
import { healthHandler } from '@examples/health';

const SERVICE = 'inventory';
const port = Number(process.env.PORT ?? 3000);

// `ms` is a real runtime dependency: it stays external to the bundle and is
// loaded from node_modules at run time.
const restockEveryMs = ms('36h');

const items = [
  { sku: 'widget-blue', onHand: 42 },
  { sku: 'gadget-red', onHand: 7 },
  { sku: 'widget-green', onHand: 0 },
];

const health = healthHandler(SERVICE);

const server = createServer((req, res) => {
  if (health(req, res)) return;
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/inventory') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        items,
        restockEvery: ms(restockEveryMs, { long: true }),
        restockEveryMs,
      }),
    );
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'not found' }));
});

server.listen(port, () => {
  console.log(`${SERVICE} listening on port ${port}`);
});

function shutdown(signal: string): void {
  console.log(`${SERVICE} received ${signal}, shutting down`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
}

process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
