const { log } = require('@mono/log');
const { config } = require('@mono/config');
const semver = require('semver');
const text = require('@mono/text');

const port = Number(process.env.PORT ?? 3000);
const express = require('express');
const app = express();
app.use(express.json({ limit: config().bodyLimit }));
app.get('/health', (_req, res) => res.json({ status: 'ok' }));
app.get('/catalog/item', (_req, res) => res.json(({ slug: text.slug('Blue Widget, Large'), newer: semver.gt('1.2.0', '1.1.9') })));
app.listen(port, () => log('catalog', 'listening'));
