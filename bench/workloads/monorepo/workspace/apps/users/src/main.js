const { log } = require('@mono/log');
const { config } = require('@mono/config');
const cookie = require('cookie');

const port = Number(process.env.PORT ?? 3000);
const express = require('express');
const app = express();
app.use(express.json({ limit: config().bodyLimit }));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/users/me', (_req, res) => res.json(({ user: 'ada', cookie: cookie.serialize('session', 'abc') })));
app.listen(port, () => log('users', 'listening'));
