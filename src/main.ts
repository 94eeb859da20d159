import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createApp } from './app.factory';
import { SCHEMA_FILE } from './common/graphql/graphql.options';
import { loadConfig } from './config/app-config';
import { ensureDatabaseExists } from './database/ensure-database';
import { runMigrations } from './database/migrate';
import { demoDataDeps, loadDemoData } from './demo/demo-data';
import { UsersService } from './modules/users/users.service';

async function bootstrap(): Promise<void> {
  const logger = new Logger('Regain');
  const config = loadConfig();
  if (!config.isProduction) await ensureDatabaseExists(config.databaseUrl);
  const app = await createApp({ config, schemaFile: config.isProduction ? true : SCHEMA_FILE });
  const dataSource = app.get<DataSource>(getDataSourceToken());

  if (config.runMigrations) {
    const applied = await runMigrations(dataSource);
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
  }
  if (await app.get(UsersService).ensureFirstAdmin(config.adminEmail, config.adminName, config.adminPassword)) {
    logger.log(`Created the first admin, ${config.adminEmail}`);
  }
  if (config.loadDemoData) {
    const demo = await loadDemoData(demoDataDeps(app));
    if (demo.loaded) logger.log(`Loaded the demo data in ${demo.milliseconds} ms (see README for the demo users)`);
  }

  await app.listen(config.port, config.host);
  const base = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  logger.log(`GraphQL endpoint: ${base}/graphql`);
  if (config.graphqlSandbox) logger.log(`Apollo Sandbox:   ${base}/graphql (open it in a browser)`);
  logger.log(`Health:           ${base}/health`);
}

bootstrap().catch((error: unknown) => {
  new Logger('Regain').error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
