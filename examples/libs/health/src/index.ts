import type { IncomingMessage, ServerResponse } from 'node:http';

export interface HealthBody {
  status: 'ok';
  service: string;
  uptime: number;
}

/**
 * Returns a request handler that answers `GET /health` (and `HEAD /health`)
 * with 200 and a small JSON body. It returns true when it handled the
 * request, false when the caller should route it elsewhere.
 */
export function healthHandler(
  service: string,
): (req: IncomingMessage, res: ServerResponse) => boolean {
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/health' || (req.method !== 'GET' && req.method !== 'HEAD')) {
      return false;
    }
    const body: HealthBody = {
      status: 'ok',
      service,
      uptime: Math.round(process.uptime()),
    };
    const json = JSON.stringify(body);
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
      'cache-control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : json);
    return true;
  };
}
