import type { FrameworkProvider } from './framework-provider';

/** Plain HTTP servers: nothing changes in the image but the header says which one was seen. */
function plainServer(name: string, pkg: string): FrameworkProvider {
  return {
    name,
    kind: 'server',
    detect({ packages }) {
      const from = packages.get(pkg);
      return from ? { name, kind: 'server', evidence: `${pkg} (from ${from}), a plain Node server` } : undefined;
    },
  };
}

export const fastifyProvider = plainServer('Fastify', 'fastify');
export const koaProvider = plainServer('Koa', 'koa');
export const expressProvider = plainServer('Express', 'express');
