const { log } = require('@mono/log');
const { config } = require('@mono/config');
const bytes = require('bytes');

const port = Number(process.env.PORT ?? 3000);
const express = require('express');
const app = express();
app.use(express.json({ limit: config().bodyLimit }));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/gateway/limits', (_req, res) => res.json(({ limit: bytes(10 * 1024 * 1024) })));
app.listen(port, () => log('gateway', 'listening'));
