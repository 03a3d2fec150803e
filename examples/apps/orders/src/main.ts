import { createServer } from 'node:http';
import { healthHandler } from '@examples/health';
import { formatCents } from '@examples/money';

const SERVICE = 'orders';
const port = Number(process.env.PORT ?? 3000);

const orders = [
  { id: 'ord-1001', sku: 'widget-blue', quantity: 2, status: 'shipped', total: formatCents(2 * 1250) },
  { id: 'ord-1002', sku: 'gadget-red', quantity: 1, status: 'packing', total: formatCents(4999) },
  { id: 'ord-1003', sku: 'widget-green', quantity: 5, status: 'pending', total: formatCents(5 * 1250) },
];

const health = healthHandler(SERVICE);

const server = createServer((req, res) => {
  if (health(req, res)) return;
  const path = (req.url ?? '/').split('?')[0];
  if (req.method === 'GET' && path === '/orders') {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ orders }));
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
