const ms = require('ms');
const started = Date.now();

/** One JSON line per event, with the process uptime. */
exports.log = (service, event) =>
  console.log(JSON.stringify({ service, event, uptime: ms(Date.now() - started) }));
