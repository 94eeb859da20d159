import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { get } from 'node:http';
import { AddressInfo } from 'node:net';
import { SessionService } from '../src/modules/auth/session.service';

export interface ExportFigures {
  ms: number;
  bytes: number;
  lines: number;
  rssBeforeBytes: number;
  rssPeakBytes: number;
  /** The JavaScript heap in use at most (what the export keeps alive, plus garbage not yet collected). */
  heapPeakBytes: number;
}

/**
 * Downloads one export over real HTTP (not inject, which would buffer the whole body) and
 * discards it, sampling this process's RSS meanwhile: the API process streams it, so its
 * memory should not grow with the number of rows.
 */
export async function timeExport(app: NestFastifyApplication, userId: string, path: string): Promise<ExportFigures> {
  if (!app.getHttpServer().listening) await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const { accessToken: token } = await app.get(SessionService).startFor(userId);
  global.gc?.();
  const rssBeforeBytes = process.memoryUsage().rss;
  let rssPeakBytes = rssBeforeBytes;
  let heapPeakBytes = 0;
  const sampler = setInterval(() => {
    const usage = process.memoryUsage();
    rssPeakBytes = Math.max(rssPeakBytes, usage.rss);
    heapPeakBytes = Math.max(heapPeakBytes, usage.heapUsed);
  }, 20);
  const started = Date.now();
  let bytes = 0;
  let lines = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      get({ host: '127.0.0.1', port, path, headers: { authorization: `Bearer ${token}` } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path} answered ${res.statusCode}`));
        res.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines += 1;
        });
        res.on('end', resolve);
        res.on('error', reject);
      }).on('error', reject);
    });
  } finally {
    clearInterval(sampler);
  }
  return { ms: Date.now() - started, bytes, lines, rssBeforeBytes, rssPeakBytes, heapPeakBytes };
}
