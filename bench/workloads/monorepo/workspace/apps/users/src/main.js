const { log } = require('@mono/log');
const { config } = require('@mono/config');
const cookie = require('cookie');

const app = require('express')();
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/users/me', (_req, res) => res.json(({ user: 'ada', cookie: cookie.serialize('session', 'abc') })));
app.listen(config().port, () => log('users', 'listening'));
