const { log } = require('@mono/log');
const { config } = require('@mono/config');
const bytes = require('bytes');

const app = require('express')();
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/gateway/limits', (_req, res) => res.json(({ limit: bytes(10 * 1024 * 1024) })));
app.listen(config().port, () => log('gateway', 'listening'));
