import { Logger as TypeOrmLogger } from 'typeorm';
import { Logger } from '@nestjs/common';

/**
 * TypeORM logger that counts the SQL statements it sees. Tests read the count to prove that
 * a list costs the same number of statements whatever its page size.
 */
export class QueryCounter implements TypeOrmLogger {
  private readonly logger = new Logger('SQL');
  count = 0;

  constructor(private readonly logQueries = false) {}

  logQuery(query: string): void {
    this.count += 1;
    if (this.logQueries) this.logger.debug(query);
  }

  logQueryError(error: string | Error, query: string): void {
    this.count += 1;
    this.logger.debug(`${String(error)} in: ${query}`);
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn(`slow query (${time} ms): ${query}`);
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(String(message));
  }
}
