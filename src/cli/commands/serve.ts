import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { loadPlugins } from '../../api/plugins.ts';
import { apiRoutes } from '../../api/routes/index.ts';
import { createApiServer } from '../../api/server.ts';
import { createIngestRunner, openQueue } from '../../queue/index.ts';
import { openStore } from '../../store/index.ts';
import type { CliIo } from '../context.ts';

const Options = z.object({
  host: z.string().min(1).optional(),
  port: z.coerce.number().int().min(0).max(65535).optional(),
  web: z.string().min(1).optional(),
});

export function registerServeCommand(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the JSON API (/api) and the dashboard (web/dist)')
    .option('--host <host>', 'bind address (default 127.0.0.1, or RASID_HOST)')
    .option('--port <port>', 'port (default 8080, or RASID_PORT; 0: any free port)')
    .option('--web <dir>', 'built dashboard directory (default web/dist)')
    .action(async (raw: unknown, cmd: Command) => {
      const o = Options.parse(raw);
      const root = cmd.optsWithGlobals() as { data?: string };
      const config = loadConfig({ dataDir: root.data, host: o.host, port: o.port });
      const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
      const jobs = await openQueue({ redisUrl: config.redisUrl });
      const plugins = await loadPlugins({ store, config });
      const log = (level: string, message: string) => io.stderr.write(`rasid serve: ${level}: ${message}\n`);
      const api = createApiServer({
        store, config, jobs, auth: plugins.auth ?? undefined, routes: apiRoutes(plugins.routes), staticDir: o.web, log,
      });
      jobs.work(createIngestRunner(store));
      const addr = await api.listen(config.port, config.host);
      io.stdout.write(`Rasid listening on ${addr.url} (queue: ${jobs.kind}${plugins.loaded.length ? `; modules: ${plugins.loaded.join(', ')}` : ''})\n`);
      if (!plugins.auth) log('warn', 'no auth module: everyone reads, writes are refused');
      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      io.stdout.write('stopping\n');
      await api.close();
      await jobs.close();
      await store.close();
    });
}
