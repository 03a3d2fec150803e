const slugify = require('slugify');

/** URL slug of a title. */
exports.slug = (title) => slugify(String(title), { lower: true, strict: true });
