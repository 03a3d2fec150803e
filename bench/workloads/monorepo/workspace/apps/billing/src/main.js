const { log } = require('@mono/log');
const { config } = require('@mono/config');
const dayjs = require('dayjs');
const money = require('@mono/money');

const port = Number(process.env.PORT ?? 3000);
const express = require('express');
const app = express();
app.use(express.json({ limit: config().bodyLimit }));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/billing/due', (_req, res) => res.json(({ due: dayjs('2026-01-01').add(30, 'day').format('YYYY-MM-DD'), amount: money.total(['9.99', '0.01']) })));
app.listen(port, () => log('billing', 'listening'));
