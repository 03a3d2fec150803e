const { log } = require('@mono/log');
const { config } = require('@mono/config');
const semver = require('semver');
const text = require('@mono/text');

const app = require('express')();
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/catalog/item', (_req, res) => res.json(({ slug: text.slug('Blue Widget, Large'), newer: semver.gt('1.2.0', '1.1.9') })));
app.listen(config().port, () => log('catalog', 'listening'));
