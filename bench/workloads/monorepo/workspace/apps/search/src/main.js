const { log } = require('@mono/log');
const { config } = require('@mono/config');
const qs = require('qs');
const text = require('@mono/text');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/search/query', async () => ({ slug: text.slug('Hello Search World'), query: qs.stringify({ q: 'nx', page: 2 }) }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('search', 'listening'));
