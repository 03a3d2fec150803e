const { log } = require('@mono/log');
const { config } = require('@mono/config');
const escapeHtml = require('escape-html');
const geo = require('@mono/geo');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/stores/near', async () => ({ cell: geo.cell(48.8566, 2.3522), name: escapeHtml('<Paris & Co>') }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('stores', 'listening'));
