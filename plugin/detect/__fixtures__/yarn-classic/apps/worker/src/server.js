require('http').createServer(() => {}).listen(5000);
