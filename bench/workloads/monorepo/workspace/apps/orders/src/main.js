const { log } = require('@mono/log');
const { config } = require('@mono/config');
const uuid = require('uuid');
const money = require('@mono/money');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/orders/total', async () => ({ id: uuid.v4(), total: money.total(['1.10', '2.20']) }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('orders', 'listening'));
