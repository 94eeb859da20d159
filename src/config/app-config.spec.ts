import { ConfigError, DEV_ADMIN_PASSWORD, DEV_JWT_SECRET, loadConfig } from './app-config';

const PRODUCTION_OK = {
  NODE_ENV: 'production',
  JWT_SECRET: 'a-production-secret-that-is-long-enough-0123456789',
  ADMIN_PASSWORD: 'a-real-admin-password',
};

describe('loadConfig', () => {
  it('has safe local defaults with nothing set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      nodeEnv: 'development',
      port: 3000,
      host: '127.0.0.1',
      jwtSecret: DEV_JWT_SECRET,
      graphqlIntrospection: true,
      graphqlSandbox: true,
      loadDemoData: true,
    });
  });

  it('reads and converts environment variables', () => {
    const config = loadConfig({ PORT: '8080', GRAPHQL_MAX_DEPTH: '6', LOAD_DEMO_DATA: 'false', TRUST_PROXY: 'yes' });
    expect(config).toMatchObject({ port: 8080, graphqlMaxDepth: 6, loadDemoData: false, trustProxy: true });
  });

  it('turns development conveniences off in production unless asked for', () => {
    const config = loadConfig(PRODUCTION_OK);
    expect(config).toMatchObject({ graphqlIntrospection: false, graphqlSandbox: false, loadDemoData: false });
    expect(loadConfig({ ...PRODUCTION_OK, GRAPHQL_INTROSPECTION: 'true' }).graphqlIntrospection).toBe(true);
  });

  it.each([
    ['a missing token secret', { ...PRODUCTION_OK, JWT_SECRET: undefined }, /JWT_SECRET must be set/],
    ['the development token secret', { ...PRODUCTION_OK, JWT_SECRET: DEV_JWT_SECRET }, /development default/],
    ['the demo admin password', { ...PRODUCTION_OK, ADMIN_PASSWORD: DEV_ADMIN_PASSWORD }, /ADMIN_PASSWORD/],
    ['a short token secret', { ...PRODUCTION_OK, JWT_SECRET: 'short' }, /at least 32/],
  ])('refuses to start in production with %s', (_, env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('refuses malformed values with the variable named', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT: port must be an integer/);
    expect(() => loadConfig({ NODE_ENV: 'staging' })).toThrow(/NODE_ENV/);
  });
});
