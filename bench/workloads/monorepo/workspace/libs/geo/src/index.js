const geohash = require('ngeohash');

/** Geohash of a latitude/longitude pair, 7 characters. */
exports.cell = (lat, lon) => geohash.encode(Number(lat), Number(lon), 7);
