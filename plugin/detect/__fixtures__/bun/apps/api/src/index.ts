import { createServer } from 'node:http';
createServer(() => {}).listen(4000);
