const { log } = require('@mono/log');
const { config } = require('@mono/config');
const validator = require('validator');
const money = require('@mono/money');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/payments/check', async () => ({ card: validator.isCreditCard('4111111111111111'), total: money.total(['0.1', '0.2']) }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('payments', 'listening'));
