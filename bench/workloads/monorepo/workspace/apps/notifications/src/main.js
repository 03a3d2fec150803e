const { log } = require('@mono/log');
const { config } = require('@mono/config');
const mimeTypes = require('mime-types');

const port = Number(process.env.PORT ?? 3000);
const app = require('fastify')({ bodyLimit: config().bodyLimit });
app.get('/health', async () => ({ status: 'ok' }));
app.get('/notifications/type', async () => ({ type: mimeTypes.lookup('mail.html') }));
app.listen({ port, host: '0.0.0.0' }).then(() => log('notifications', 'listening'));
