import { INestApplicationContext } from '@nestjs/common';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLSchema } from 'graphql';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCrisis, makeStakeholder, uniqueSuffix } from './support/factories';
import { uploadCsv } from './support/import-operations';
import { inputPositions, InputPosition, operationAt } from './support/schema-inputs';
import { SignedIn, TestApp } from './support/test-app';

const NOT_MONEY = 'must be an ISO 4217 code of a currency such as EUR or USD (not XXX or another code that is no money)';

/**
 * Every place a currency is accepted, found by walking the schema for input fields named
 * currency (MoneyInput's included, wherever it is used), and the CSV columns of the imports:
 * each refuses XXX and the other ISO 4217 codes that are no money, and keeps the X-codes of
 * real currencies.
 */
describe('currency inputs', () => {
  let t: TestApp;
  let admin: SignedIn;
  let leadership: SignedIn;
  let agent: SignedIn;
  let schema: GraphQLSchema;
  let positions: InputPosition[];

  let worker: INestApplicationContext;

  beforeAll(async () => {
    t = await TestApp.start();
    admin = await t.signInAdmin();
    leadership = await t.signInAs(UserRole.LEADERSHIP);
    agent = await t.signInAs(UserRole.AGENT);
    schema = t.app.get(GraphQLSchemaHost).schema;
    positions = inputPositions(schema, (type, name) => name === 'currency' && type.name === 'String');
    // The imports' dry runs are worker jobs.
    worker = await t.startWorker();
  });
  afterAll(async () => {
    await worker.close();
    await t.close();
  });

  /** As admin, or as leadership where only leadership may (budgets); validation runs after the role check. */
  /** Its errors, and the row errors of a bulk call (which answers them as data). */
  const send = async (position: InputPosition, currency: string) => {
    const { query, variables } = operationAt(schema, position, currency, { SignalBatchResult: 'rows { errors { code message } }' });
    let response = await t.gql(query, variables, admin.token);
    if (response.errors?.[0]?.extensions?.code === 'FORBIDDEN') response = await t.gql(query, variables, leadership.token);
    const rows: { errors: { code: string; message: string }[] }[] = response.data?.[position.field]?.rows ?? [];
    return [
      ...(response.errors ?? []).map((e) => ({ code: e.extensions?.code, message: e.message })),
      ...rows.flatMap((r) => r.errors),
    ];
  };

  it('finds every kind of money input', () => {
    const labels = positions.map((p) => `${p.field}(${p.label})`);
    for (const expected of [
      'openCase(input.estimatedLoss.currency)',
      'createStakeholder(input.baselineMonthlyRevenue.currency)',
      'recordRevenueMonths(rows[0].amount.currency)',
      'setCompensationBudget(budget.currency)',
      'proposeCompensation(input.value.currency)',
      'updateApprovalPolicy(input.limits[0].currency)',
    ]) {
      expect(labels).toContain(expected);
    }
  });

  it.each(['XXX', 'xxx', 'XTS', 'XAU', 'XDR'])('refuses %s at every one of them, as BAD_USER_INPUT', async (code) => {
    for (const position of positions) {
      const complaint = (await send(position, code)).find((e) => e.message.includes(NOT_MONEY));
      expect({ at: `${position.field}(${position.label})`, code: complaint?.code, names: complaint?.message.includes(code.toUpperCase()) }).toEqual({
        at: `${position.field}(${position.label})`,
        code: 'BAD_USER_INPUT',
        names: true,
      });
    }
  });

  it('takes the X-codes of real currencies at every one of them', async () => {
    for (const position of positions) {
      for (const code of ['XOF', 'EUR']) {
        const errors = await send(position, code);
        expect({ at: position.label, errors: errors.filter((e) => e.message.includes(NOT_MONEY)) }).toEqual({ at: position.label, errors: [] });
      }
    }
  });

  it('a refused currency writes nothing', async () => {
    const crisis = await makeCrisis(t.dataSource);
    const stakeholder = await makeStakeholder(t.dataSource);
    const before = await t.rowCount('recovery_cases');
    const response = await t.gql(
      `mutation ($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
      { input: { crisisId: crisis.id, stakeholderId: stakeholder.id, impact: 'HIGH', estimatedLoss: { amountMinor: '100', currency: 'XXX' } } },
      admin.token,
    );
    expect(response.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' }, message: `estimatedLoss.currency "XXX" ${NOT_MONEY}` });
    expect(await t.rowCount('recovery_cases')).toBe(before);
  });

  describe('CSV imports', () => {
    const firstErrors = async (csv: string, fields: Record<string, string>) => {
      const uploaded = await uploadCsv(t, admin.token, csv, fields);
      expect(uploaded.status).toBe(201);
      return uploaded.body.import.dryRun.firstErrors as { line: number; column: string; reason: string }[];
    };

    it('stakeholders: the baseline and the case loss currencies', async () => {
      const crisis = await makeCrisis(t.dataSource);
      const s = uniqueSuffix();
      const csv = [
        'external_ref,kind,name,baseline_monthly_revenue_minor,baseline_currency,case_impact,case_estimated_loss_minor,case_loss_currency,case_owner_email',
        `X1-${s},CUSTOMER,Baseline in XXX,100,XXX,,,,`,
        `X2-${s},CUSTOMER,Loss in XTS,,,HIGH,100,xts,${agent.email}`,
        `X3-${s},CUSTOMER,CFA francs,100,XAF,HIGH,100,XOF,${agent.email}`,
      ].join('\n');
      expect(await firstErrors(csv, { crisisId: crisis.id })).toEqual([
        { line: 2, column: 'baseline_currency', reason: `baseline_currency "XXX" ${NOT_MONEY}` },
        { line: 3, column: 'case_loss_currency', reason: `case_loss_currency "xts" ${NOT_MONEY}` },
      ]);
    });

    it('revenue: the month’s currency', async () => {
      const stakeholder = await makeStakeholder(t.dataSource, { externalRef: `XR-${uniqueSuffix()}`, baselineCurrency: null, baselineMonthlyRevenueMinor: null });
      const month = new Date().toISOString().slice(0, 7);
      const csv = `external_ref,month,amount_minor,currency\n${stakeholder.externalRef},${month},100,XXX\n`;
      expect(await firstErrors(csv, { kind: 'REVENUE' })).toEqual([{ line: 2, column: 'currency', reason: `currency "XXX" ${NOT_MONEY}` }]);
    });
  });
});
