const Big = require('big.js');

/** Sum of decimal amounts, exactly, as a string with two decimals. */
exports.total = (amounts) => amounts.reduce((sum, a) => sum.plus(a), new Big(0)).toFixed(2);
