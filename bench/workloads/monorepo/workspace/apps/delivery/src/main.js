const { log } = require('@mono/log');
const { config } = require('@mono/config');
const ms = require('ms');
const geo = require('@mono/geo');

const port = Number(process.env.PORT ?? 3000);
const express = require('express');
const app = express();
app.use(express.json({ limit: config().bodyLimit }));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/delivery/eta', (_req, res) => res.json(({ cell: geo.cell(40.7128, -74.006), eta: ms(90 * 60 * 1000, { long: true }) })));
app.listen(port, () => log('delivery', 'listening'));
