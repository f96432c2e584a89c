import { buildApp, listenApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { applyEngineTuning } from './engineTuning.ts';

/** Entry point: validate the environment, start, and shut down gracefully on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  applyEngineTuning(config);
  const app = await buildApp({ config });
  const url = await listenApp(app, config);
  process.stdout.write(`Clapboard is running: open ${config.publicUrl ?? url}\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

void main();
