const { log } = require('@mono/log');
const { config } = require('@mono/config');
const dayjs = require('dayjs');
const money = require('@mono/money');

const app = require('express')();
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/billing/due', (_req, res) => res.json(({ due: dayjs('2026-01-01').add(30, 'day').format('YYYY-MM-DD'), amount: money.total(['9.99', '0.01']) })));
app.listen(config().port, () => log('billing', 'listening'));
