const { log } = require('@mono/log');
const { config } = require('@mono/config');
const he = require('he');
const text = require('@mono/text');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/reviews/latest', async () => ({ slug: text.slug('Great product!'), quote: he.encode('5 < 6 & "fine"') }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('reviews', 'listening'));
