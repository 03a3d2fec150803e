const bytes = require('bytes');

/** The settings every service reads, from the environment with defaults. */
exports.config = () => ({
  bodyLimit: bytes(process.env.BODY_LIMIT ?? '1mb'),
});
