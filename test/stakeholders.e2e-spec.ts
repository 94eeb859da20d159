import { ContactChannel, StakeholderKind, StakeholderTier } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeContact, makeStakeholder, uniqueSuffix } from './support/factories';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const FIELDS = `id kind name segment tier region timeZone externalRef doNotContact
  baselineMonthlyRevenue { amountMinor currency } contractReference contractStartDate contractEndDate
  owner { id role } contacts { id name } createdAt updatedAt`;
const CONTACT_FIELDS = `id stakeholderId name title email phone preferredChannel isExecutive stakeholder { id }`;
const CREATE = `mutation ($input: CreateStakeholderInput!) { createStakeholder(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateStakeholderInput!) { updateStakeholder(id: $id, input: $input) { ${FIELDS} } }`;
const REASSIGN = `mutation ($id: ID!, $ownerId: ID!) { reassignStakeholder(id: $id, ownerId: $ownerId) { id owner { id } } }`;
const GET = `query ($id: ID!) { stakeholder(id: $id) { ${FIELDS} } }`;
const ADD_CONTACT = `mutation ($stakeholderId: ID!, $input: CreateContactInput!) {
  addContact(stakeholderId: $stakeholderId, input: $input) { ${CONTACT_FIELDS} } }`;
const UPDATE_CONTACT = `mutation ($id: ID!, $input: UpdateContactInput!) {
  updateContact(id: $id, input: $input) { ${CONTACT_FIELDS} } }`;
const LIST = `query ($first: Int, $after: String, $search: String, $kind: StakeholderKind, $segment: String,
    $region: String, $ownerId: ID, $tier: StakeholderTier) {
  stakeholders(first: $first, after: $after, search: $search, kind: $kind, segment: $segment, region: $region,
      ownerId: $ownerId, tier: $tier) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { cursor node { id name kind segment region tier owner { id name } contacts { id name } } }
  } }`;
const AUDIT = `query ($id: ID!) {
  auditTrail(record: STAKEHOLDER, recordId: $id) { edges { node { action actorId before after } } } }`;

const UNKNOWN_ID = '6f1c1f0e-4b7a-4d5e-9a8b-0c1d2e3f4a5b';

function customerInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'CUSTOMER',
    name: `Harbourview Bakery ${uniqueSuffix()}`,
    segment: 'SMB',
    region: 'EMEA',
    timeZone: 'Europe/Lisbon',
    externalRef: `CRM-${uniqueSuffix()}`,
    baselineMonthlyRevenue: { amountMinor: '1250000', currency: 'EUR' },
    ...overrides,
  };
}

function partnerInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'PARTNER',
    name: `Meridian Distribution ${uniqueSuffix()}`,
    segment: 'Distribution',
    tier: 'STRATEGIC',
    region: 'AMER',
    timeZone: 'America/Chicago',
    externalRef: `CRM-${uniqueSuffix()}`,
    // Beyond 2^53: must survive the trip exactly.
    baselineMonthlyRevenue: { amountMinor: '12500000000000001', currency: 'USD' },
    contractReference: 'PA-2024-117',
    contractStartDate: '2024-01-01',
    contractEndDate: '2027-12-31',
    ...overrides,
  };
}

describe('stakeholders and contacts', () => {
  let t: TestApp;
  let roles: Record<UserRole, SignedIn>;
  let agent2: SignedIn;
  let manager2: SignedIn;

  const counts = async () => ({
    stakeholders: await t.rowCount('stakeholders'),
    contacts: await t.rowCount('contacts'),
    audit: await t.rowCount('audit_entries'),
  });
  const create = (input: Record<string, unknown>, who: SignedIn) => t.gql(CREATE, { input }, who.token);
  const createOk = async (input: Record<string, unknown>, who: SignedIn) =>
    (await t.ok(CREATE, { input }, who.token)).createStakeholder;
  const auditActions = async (id: string) =>
    (await t.ok(AUDIT, { id }, roles.LEADERSHIP.token)).auditTrail.edges.map((e: { node: unknown }) => e.node);

  /** Asserts the refusal's code and that no row of any kind was written. */
  async function expectRefused(work: () => Promise<GqlResponse>, code: string, message?: RegExp) {
    const before = await counts();
    const res = await work();
    expect(errorCode(res)).toBe(code);
    if (message) expect(res.errors![0].message).toMatch(message);
    expect(await counts()).toEqual(before);
    return res;
  }

  beforeAll(async () => {
    t = await TestApp.start();
    roles = await t.signInEveryRole();
    agent2 = await t.signInAs(UserRole.AGENT, 'Priya Raman');
    manager2 = await t.signInAs(UserRole.PARTNER_MANAGER, 'Tomas Berg');
  });
  afterAll(() => t.close());

  describe('creating', () => {
    it('lets an agent create a customer, who then owns it, with the creation audited', async () => {
      const input = customerInput();
      const created = await createOk(input, roles.AGENT);
      expect(created).toMatchObject({
        kind: 'CUSTOMER',
        name: input.name,
        tier: 'STANDARD',
        timeZone: 'Europe/Lisbon',
        doNotContact: false,
        baselineMonthlyRevenue: { amountMinor: '1250000', currency: 'EUR' },
        contractReference: null,
        owner: { id: roles.AGENT.id, role: 'AGENT' },
        contacts: [],
      });
      const audit = await auditActions(created.id);
      expect(audit).toEqual([
        expect.objectContaining({ action: 'STAKEHOLDER_CREATED', actorId: roles.AGENT.id, before: null }),
      ]);
      expect(audit[0].after).toMatchObject({ ownerId: roles.AGENT.id, baselineMonthlyRevenue: { amountMinor: '1250000' } });
    });

    it('lets a partner manager create a partner with its contract and a baseline beyond 2^53', async () => {
      const created = await createOk(partnerInput({ name: '  Meridian Wholesale  ' }), roles.PARTNER_MANAGER);
      expect(created).toMatchObject({
        kind: 'PARTNER',
        name: 'Meridian Wholesale',
        tier: 'STRATEGIC',
        baselineMonthlyRevenue: { amountMinor: '12500000000000001', currency: 'USD' },
        contractReference: 'PA-2024-117',
        contractStartDate: '2024-01-01',
        contractEndDate: '2027-12-31',
        owner: { id: roles.PARTNER_MANAGER.id },
      });
      expect((await t.ok(GET, { id: created.id }, roles.COMMS.token)).stakeholder).toEqual(created);
    });

    it('lets an admin choose the owner, and leaves it unowned otherwise', async () => {
      const owned = await createOk(customerInput({ ownerId: agent2.id }), roles.ADMIN);
      expect(owned.owner).toEqual({ id: agent2.id, role: 'AGENT' });
      const unowned = await createOk(partnerInput(), roles.ADMIN);
      expect(unowned.owner).toBeNull();
    });

    it.each([
      [UserRole.AGENT, 'CUSTOMER', true],
      [UserRole.AGENT, 'PARTNER', false],
      [UserRole.PARTNER_MANAGER, 'CUSTOMER', false],
      [UserRole.PARTNER_MANAGER, 'PARTNER', true],
      [UserRole.COMMS, 'CUSTOMER', false],
      [UserRole.COMMS, 'PARTNER', false],
      [UserRole.LEADERSHIP, 'CUSTOMER', false],
      [UserRole.LEADERSHIP, 'PARTNER', false],
      [UserRole.ADMIN, 'CUSTOMER', true],
      [UserRole.ADMIN, 'PARTNER', true],
    ])('createStakeholder as %s for a %s: allowed=%s', async (role, kind, allowed) => {
      const input = kind === 'CUSTOMER' ? customerInput() : partnerInput();
      if (allowed) {
        expect((await createOk(input, roles[role])).kind).toBe(kind);
      } else {
        await expectRefused(() => create(input, roles[role]), 'FORBIDDEN');
      }
    });

    it('refuses an owner chosen by anyone but an admin', async () => {
      await expectRefused(() => create(customerInput({ ownerId: agent2.id }), roles.AGENT), 'FORBIDDEN', /Only an admin/);
    });

    it('refuses an owner whose role does not fit the kind, a deactivated one and an unknown one', async () => {
      const retired = await t.signInAs(UserRole.AGENT);
      await t.ok(`mutation ($id: ID!) { deactivateUser(id: $id) { id } }`, { id: retired.id }, roles.ADMIN.token);
      const cases: [Record<string, unknown>, RegExp][] = [
        [customerInput({ ownerId: roles.PARTNER_MANAGER.id }), /customer must be owned by an active AGENT.*is PARTNER_MANAGER/],
        [partnerInput({ ownerId: roles.AGENT.id }), /partner must be owned by an active PARTNER_MANAGER/],
        [customerInput({ ownerId: retired.id }), /is deactivated/],
        [customerInput({ ownerId: UNKNOWN_ID }), /is not a user/],
      ];
      for (const [input, message] of cases) {
        await expectRefused(() => create(input, roles.ADMIN), 'BAD_USER_INPUT', message);
      }
    });

    it('refuses a contract on a customer, a contract ending before it starts, and an impossible date', async () => {
      await expectRefused(() => create(customerInput({ contractReference: 'PA-1' }), roles.ADMIN), 'BAD_USER_INPUT', /Only partners/);
      await expectRefused(
        () => create(partnerInput({ contractStartDate: '2026-06-01', contractEndDate: '2026-05-31' }), roles.ADMIN),
        'BAD_USER_INPUT',
        /before contractStartDate/,
      );
      await expectRefused(() => create(partnerInput({ contractEndDate: '2027-02-30' }), roles.ADMIN), 'BAD_USER_INPUT', /calendar date/);
      await expectRefused(() => create(partnerInput({ contractEndDate: '31/12/2027' }), roles.ADMIN), 'BAD_USER_INPUT', /YYYY-MM-DD/);
    });

    const { name: _omitted, ...withoutName } = customerInput();
    it.each([
      ['a missing name', withoutName, /name/],
      ['a wrong kind', customerInput({ kind: 'SUPPLIER' }), /SUPPLIER/],
      ['a wrong tier', customerInput({ tier: 'GOLD' }), /GOLD/],
      ['a blank name', customerInput({ name: '   ' }), /^input\.name must not be blank/],
      ['a 201-character name', customerInput({ name: 'N'.repeat(201) }), /name must be shorter than or equal to 200/],
      ['a 61-character segment', customerInput({ segment: 'S'.repeat(61) }), /segment/],
      ['a 61-character region', customerInput({ region: 'R'.repeat(61) }), /region/],
      ['a 101-character externalRef', customerInput({ externalRef: 'X'.repeat(101) }), /externalRef/],
      ['an invalid time zone', customerInput({ timeZone: 'Mars/Olympus' }), /IANA time zone/],
      ['negative money', customerInput({ baselineMonthlyRevenue: { amountMinor: '-5', currency: 'EUR' } }), /must not be negative/],
      ['non-integer money', customerInput({ baselineMonthlyRevenue: { amountMinor: '12.5', currency: 'EUR' } }), /whole number/],
      ['an unknown currency', customerInput({ baselineMonthlyRevenue: { amountMinor: '100', currency: 'XYZ' } }), /ISO 4217/],
      ['an owner id that is not a UUID', customerInput({ ownerId: 'agent-7' }), /ownerId must be a UUID/],
      ['an unknown field', customerInput({ loyaltyPoints: 3 }), /loyaltyPoints/],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_, input, message) => {
      await expectRefused(() => create(input, roles.ADMIN), 'BAD_USER_INPUT', message);
    });

    it('refuses a duplicate externalRef with CONFLICT naming the reference', async () => {
      const first = await createOk(customerInput(), roles.AGENT);
      await expectRefused(
        () => create(customerInput({ externalRef: first.externalRef }), roles.AGENT),
        'CONFLICT',
        new RegExp(`externalRef ${first.externalRef}`),
      );
    });
  });

  describe('editing', () => {
    it('updates only the given fields, clears nullable ones with null, and audits money and do-not-contact', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      const updated = (
        await t.ok(
          UPDATE,
          {
            id: s.id,
            input: {
              name: 'Harbourview Bakery & Café',
              segment: null,
              tier: 'KEY',
              doNotContact: true,
              baselineMonthlyRevenue: { amountMinor: '1400000', currency: 'EUR' },
            },
          },
          roles.AGENT.token,
        )
      ).updateStakeholder;
      expect(updated).toMatchObject({
        name: 'Harbourview Bakery & Café',
        segment: null,
        tier: 'KEY',
        region: 'EMEA',
        timeZone: 'Europe/Lisbon',
        externalRef: s.externalRef,
        doNotContact: true,
        baselineMonthlyRevenue: { amountMinor: '1400000', currency: 'EUR' },
        owner: { id: roles.AGENT.id },
      });
      const cleared = (await t.ok(UPDATE, { id: s.id, input: { baselineMonthlyRevenue: null } }, roles.AGENT.token))
        .updateStakeholder;
      expect(cleared.baselineMonthlyRevenue).toBeNull();

      const audit = await auditActions(s.id);
      expect(audit.map((e: { action: string }) => e.action)).toEqual([
        'STAKEHOLDER_CREATED',
        'STAKEHOLDER_BASELINE_CHANGED',
        'STAKEHOLDER_DO_NOT_CONTACT_CHANGED',
        'STAKEHOLDER_BASELINE_CHANGED',
      ]);
      expect(audit[1]).toMatchObject({
        actorId: roles.AGENT.id,
        before: { baselineMonthlyRevenue: { amountMinor: '1250000', currency: 'EUR' } },
        after: { baselineMonthlyRevenue: { amountMinor: '1400000', currency: 'EUR' } },
      });
      expect(audit[2]).toMatchObject({ before: { doNotContact: false }, after: { doNotContact: true } });
      expect(audit[3]).toMatchObject({ after: { baselineMonthlyRevenue: null } });
    });

    it('edits and audits a partner contract, keeping the end on or after the start', async () => {
      const p = await createOk(partnerInput(), roles.PARTNER_MANAGER);
      const res = await t.ok(UPDATE, { id: p.id, input: { contractEndDate: '2028-06-30' } }, roles.PARTNER_MANAGER.token);
      expect(res.updateStakeholder.contractEndDate).toBe('2028-06-30');
      const audit = await auditActions(p.id);
      expect(audit.at(-1)).toMatchObject({
        action: 'STAKEHOLDER_CONTRACT_CHANGED',
        before: { contractEndDate: '2027-12-31', contractStartDate: '2024-01-01' },
        after: { contractEndDate: '2028-06-30' },
      });
      await expectRefused(
        () => t.gql(UPDATE, { id: p.id, input: { contractStartDate: '2029-01-01' } }, roles.PARTNER_MANAGER.token),
        'BAD_USER_INPUT',
        /before contractStartDate/,
      );
      expect((await t.ok(GET, { id: p.id }, roles.COMMS.token)).stakeholder).toEqual(res.updateStakeholder);
    });

    it('refuses a contract on a customer, clearing a required field, changing the kind and bad values', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      const refusals: [Record<string, unknown>, RegExp][] = [
        [{ contractEndDate: '2027-01-01' }, /Only partners/],
        [{ name: null }, /name cannot be cleared/],
        [{ timeZone: null }, /timeZone cannot be cleared/],
        [{ kind: 'PARTNER' }, /kind/],
        [{ timeZone: 'Mars/Olympus' }, /IANA/],
        [{ region: 'R'.repeat(61) }, /region/],
        [{ baselineMonthlyRevenue: { amountMinor: '-5', currency: 'EUR' } }, /negative/],
      ];
      for (const [input, message] of refusals) {
        await expectRefused(() => t.gql(UPDATE, { id: s.id, input }, roles.AGENT.token), 'BAD_USER_INPUT', message);
      }
      expect((await t.ok(GET, { id: s.id }, roles.AGENT.token)).stakeholder).toEqual(s);
    });

    it('refuses an externalRef that another stakeholder has', async () => {
      const a = await createOk(customerInput(), roles.AGENT);
      const b = await createOk(customerInput(), roles.AGENT);
      await expectRefused(
        () => t.gql(UPDATE, { id: b.id, input: { externalRef: a.externalRef } }, roles.AGENT.token),
        'CONFLICT',
        new RegExp(a.externalRef),
      );
    });

    it.each([
      ['its owner (AGENT)', true, 'owner'],
      ['another AGENT', false, 'agent2'],
      ['a PARTNER_MANAGER', false, UserRole.PARTNER_MANAGER],
      ['COMMS', false, UserRole.COMMS],
      ['LEADERSHIP', false, UserRole.LEADERSHIP],
      ['ADMIN', true, UserRole.ADMIN],
    ])('updateStakeholder by %s: allowed=%s', async (_, allowed, who) => {
      const s = await createOk(customerInput(), roles.AGENT);
      const actor = who === 'owner' ? roles.AGENT : who === 'agent2' ? agent2 : roles[who as UserRole];
      const vars = { id: s.id, input: { region: 'APAC', doNotContact: true } };
      if (allowed) {
        expect((await t.ok(UPDATE, vars, actor.token)).updateStakeholder.region).toBe('APAC');
      } else {
        const res = await expectRefused(() => t.gql(UPDATE, vars, actor.token), 'FORBIDDEN');
        if (who === 'agent2') expect(res.errors![0].message).toMatch(/is owned by Test AGENT/);
        expect((await t.ok(GET, { id: s.id }, roles.AGENT.token)).stakeholder).toEqual(s);
      }
    });

    it('lets only an admin change the owner through updateStakeholder, audited', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      await expectRefused(
        () => t.gql(UPDATE, { id: s.id, input: { ownerId: agent2.id } }, roles.AGENT.token),
        'FORBIDDEN',
        /reassignStakeholder/,
      );
      const res = await t.ok(UPDATE, { id: s.id, input: { ownerId: agent2.id } }, roles.ADMIN.token);
      expect(res.updateStakeholder.owner.id).toBe(agent2.id);
      expect((await auditActions(s.id)).at(-1)).toMatchObject({
        action: 'STAKEHOLDER_OWNER_CHANGED',
        actorId: roles.ADMIN.id,
        before: { ownerId: roles.AGENT.id },
        after: { ownerId: agent2.id },
      });
    });

    it('answers NOT_FOUND for an unknown id and BAD_USER_INPUT for an id that is not a UUID', async () => {
      await expectRefused(() => t.gql(UPDATE, { id: UNKNOWN_ID, input: { region: 'APAC' } }, roles.ADMIN.token), 'NOT_FOUND');
      await expectRefused(() => t.gql(UPDATE, { id: '42', input: { region: 'APAC' } }, roles.ADMIN.token), 'BAD_USER_INPUT', /UUID/);
    });
  });

  describe('reassigning', () => {
    it.each([
      [UserRole.AGENT, false],
      [UserRole.PARTNER_MANAGER, false],
      [UserRole.COMMS, false],
      [UserRole.LEADERSHIP, true],
      [UserRole.ADMIN, true],
    ])('reassignStakeholder as %s: allowed=%s', async (role, allowed) => {
      const s = await createOk(customerInput(), roles.AGENT);
      const vars = { id: s.id, ownerId: agent2.id };
      if (!allowed) {
        await expectRefused(() => t.gql(REASSIGN, vars, roles[role].token), 'FORBIDDEN');
        expect((await t.ok(GET, { id: s.id }, roles.AGENT.token)).stakeholder.owner.id).toBe(roles.AGENT.id);
        return;
      }
      expect((await t.ok(REASSIGN, vars, roles[role].token)).reassignStakeholder.owner.id).toBe(agent2.id);
      expect((await auditActions(s.id)).at(-1)).toMatchObject({
        action: 'STAKEHOLDER_OWNER_CHANGED',
        actorId: roles[role].id,
        before: { ownerId: roles.AGENT.id },
        after: { ownerId: agent2.id },
      });
      // The former owner loses the right to edit; the new one gains it.
      await expectRefused(() => t.gql(UPDATE, { id: s.id, input: { region: 'APAC' } }, roles.AGENT.token), 'FORBIDDEN');
      await t.ok(UPDATE, { id: s.id, input: { region: 'APAC' } }, agent2.token);
    });

    it('refuses an owner of the wrong role, an unknown stakeholder and a malformed id', async () => {
      const partner = await createOk(partnerInput(), roles.PARTNER_MANAGER);
      const leader = roles.LEADERSHIP.token;
      await expectRefused(() => t.gql(REASSIGN, { id: partner.id, ownerId: agent2.id }, leader), 'BAD_USER_INPUT', /PARTNER_MANAGER/);
      await expectRefused(() => t.gql(REASSIGN, { id: UNKNOWN_ID, ownerId: agent2.id }, leader), 'NOT_FOUND');
      await expectRefused(() => t.gql(REASSIGN, { id: partner.id, ownerId: 'tomas' }, leader), 'BAD_USER_INPUT', /UUID/);
      expect((await t.ok(REASSIGN, { id: partner.id, ownerId: manager2.id }, leader)).reassignStakeholder.owner.id).toBe(manager2.id);
    });
  });

  describe('contacts', () => {
    const contactInput = (overrides: Record<string, unknown> = {}) => ({
      name: 'Maria Santos',
      title: 'Chief Operating Officer',
      email: 'maria.santos@harbourview.example',
      phone: '+351 21 555 0199',
      preferredChannel: 'PHONE',
      isExecutive: true,
      ...overrides,
    });

    it('adds and edits contacts on an owned stakeholder; they show on the stakeholder by name', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      const maria = (await t.ok(ADD_CONTACT, { stakeholderId: s.id, input: contactInput() }, roles.AGENT.token)).addContact;
      expect(maria).toMatchObject({ ...contactInput(), stakeholderId: s.id, stakeholder: { id: s.id } });
      const joao = (await t.ok(ADD_CONTACT, { stakeholderId: s.id, input: { name: 'Ana Costa' } }, roles.AGENT.token)).addContact;
      expect(joao).toMatchObject({ title: null, email: null, preferredChannel: null, isExecutive: false });

      const edited = (
        await t.ok(UPDATE_CONTACT, { id: maria.id, input: { title: 'CEO', phone: null } }, roles.AGENT.token)
      ).updateContact;
      expect(edited).toMatchObject({ name: 'Maria Santos', title: 'CEO', phone: null, email: contactInput().email });
      const contacts = (await t.ok(GET, { id: s.id }, roles.COMMS.token)).stakeholder.contacts;
      expect(contacts.map((c: { name: string }) => c.name)).toEqual(['Ana Costa', 'Maria Santos']);
    });

    it.each([
      ['its owner (AGENT)', true, 'owner'],
      ['another AGENT', false, 'agent2'],
      ['a PARTNER_MANAGER', false, UserRole.PARTNER_MANAGER],
      ['COMMS', false, UserRole.COMMS],
      ['LEADERSHIP', false, UserRole.LEADERSHIP],
      ['ADMIN', true, UserRole.ADMIN],
    ])('addContact and updateContact by %s: allowed=%s', async (_, allowed, who) => {
      const s = await createOk(customerInput(), roles.AGENT);
      const existing = await makeContact(t.dataSource, s.id, { name: 'Rui Almeida' });
      const actor = who === 'owner' ? roles.AGENT : who === 'agent2' ? agent2 : roles[who as UserRole];
      const add = () => t.gql(ADD_CONTACT, { stakeholderId: s.id, input: contactInput() }, actor.token);
      const edit = () => t.gql(UPDATE_CONTACT, { id: existing.id, input: { name: 'Rui M. Almeida' } }, actor.token);
      if (allowed) {
        expect((await add()).errors).toBeUndefined();
        expect((await edit()).data!.updateContact.name).toBe('Rui M. Almeida');
      } else {
        await expectRefused(add, 'FORBIDDEN');
        await expectRefused(edit, 'FORBIDDEN');
        expect((await t.ok(GET, { id: s.id }, roles.AGENT.token)).stakeholder.contacts).toEqual([
          { id: existing.id, name: 'Rui Almeida' },
        ]);
      }
    });

    it.each([
      ['a missing name', { title: 'CFO' }, /name/],
      ['a malformed email', contactInput({ email: 'maria-at-example' }), /valid email/],
      ['a 41-character phone', contactInput({ phone: '1'.repeat(41) }), /phone/],
      ['a 121-character title', contactInput({ title: 'T'.repeat(121) }), /title/],
      ['a wrong channel', contactInput({ preferredChannel: 'FAX' }), /FAX/],
    ])('refuses a contact with %s', async (_, input, message) => {
      const s = await createOk(customerInput(), roles.AGENT);
      await expectRefused(() => t.gql(ADD_CONTACT, { stakeholderId: s.id, input }, roles.AGENT.token), 'BAD_USER_INPUT', message);
    });

    it('refuses unknown and malformed ids, and clearing a contact name', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      const c = await makeContact(t.dataSource, s.id);
      const token = roles.ADMIN.token;
      await expectRefused(() => t.gql(ADD_CONTACT, { stakeholderId: UNKNOWN_ID, input: contactInput() }, token), 'NOT_FOUND');
      await expectRefused(() => t.gql(ADD_CONTACT, { stakeholderId: 'x1', input: contactInput() }, token), 'BAD_USER_INPUT', /UUID/);
      await expectRefused(() => t.gql(UPDATE_CONTACT, { id: UNKNOWN_ID, input: { name: 'A' } }, token), 'NOT_FOUND');
      await expectRefused(() => t.gql(UPDATE_CONTACT, { id: 'x1', input: { name: 'A' } }, token), 'BAD_USER_INPUT', /UUID/);
      await expectRefused(() => t.gql(UPDATE_CONTACT, { id: c.id, input: { name: null } }, token), 'BAD_USER_INPUT', /cleared/);
    });
  });

  describe('reading, filtering and searching', () => {
    const list = (vars: Record<string, unknown>, who: SignedIn = roles.COMMS) => t.ok(LIST, vars, who.token);
    const names = (res: Record<string, any>) => res.stakeholders.edges.map((e: { node: { name: string } }) => e.node.name);

    it('lets every role read a stakeholder; NOT_FOUND, BAD_USER_INPUT and UNAUTHENTICATED otherwise', async () => {
      const s = await createOk(customerInput(), roles.AGENT);
      for (const role of Object.values(UserRole)) {
        expect((await t.ok(GET, { id: s.id }, roles[role].token)).stakeholder.id).toBe(s.id);
        expect((await list({ first: 1 }, roles[role])).stakeholders.totalCount).toBeGreaterThan(0);
      }
      expect(errorCode(await t.gql(GET, { id: UNKNOWN_ID }, roles.COMMS.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(GET, { id: 'harbourview' }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(GET, { id: s.id }))).toBe('UNAUTHENTICATED');
    });

    it('filters by kind, segment, region, owner and tier, combined with AND', async () => {
      const segment = `Seg-${uniqueSuffix()}`;
      const ds = t.dataSource;
      await makeStakeholder(ds, { segment, region: 'EMEA', ownerId: roles.AGENT.id, name: 'Alpine Outfitters' });
      await makeStakeholder(ds, { segment, region: 'APAC', ownerId: agent2.id, name: 'Bayside Travel' });
      await makeStakeholder(ds, { segment, region: 'EMEA', ownerId: agent2.id, name: 'Cedar Health', tier: StakeholderTier.KEY });
      await makeStakeholder(ds, { segment, kind: StakeholderKind.PARTNER, region: 'EMEA', name: 'Delta Logistics' });

      expect(names(await list({ segment }))).toEqual(['Alpine Outfitters', 'Bayside Travel', 'Cedar Health', 'Delta Logistics']);
      expect(names(await list({ segment, kind: 'PARTNER' }))).toEqual(['Delta Logistics']);
      expect(names(await list({ segment, region: 'EMEA', kind: 'CUSTOMER' }))).toEqual(['Alpine Outfitters', 'Cedar Health']);
      expect(names(await list({ segment, ownerId: agent2.id }))).toEqual(['Bayside Travel', 'Cedar Health']);
      expect(names(await list({ segment, tier: 'KEY' }))).toEqual(['Cedar Health', 'Delta Logistics']);
      expect(names(await list({ segment, region: 'AMER' }))).toEqual([]);
      expect(errorCode(await t.gql(LIST, { kind: 'SUPPLIER' }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { ownerId: 'me' }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
    });

    it('searches names case-insensitively by any part, with %, _ and \\ taken literally', async () => {
      const segment = `Seg-${uniqueSuffix()}`;
      const stored = ['Zephyrine Bakery', 'Old Zephyrine Mills', '100% Organic Farms', '1000 Organic Farms'];
      stored.push('A_B Trading', 'AxB Trading', 'Back\\Slash Ltd');
      for (const name of stored) await makeStakeholder(t.dataSource, { name, segment });
      expect(names(await list({ segment, search: 'zEPHYRINE' }))).toEqual(['Old Zephyrine Mills', 'Zephyrine Bakery']);
      expect(names(await list({ segment, search: 'rine bak' }))).toEqual(['Zephyrine Bakery']);
      expect(names(await list({ segment, search: '100%' }))).toEqual(['100% Organic Farms']);
      expect(names(await list({ segment, search: '%' }))).toEqual(['100% Organic Farms']);
      expect(names(await list({ segment, search: 'a_b' }))).toEqual(['A_B Trading']);
      expect(names(await list({ segment, search: 'k\\s' }))).toEqual(['Back\\Slash Ltd']);
      // Sorted here: where '%' sorts depends on the database collation.
      const organic = names(await list({ segment, search: '  organic farms ' }));
      expect(organic.sort()).toEqual(['100% Organic Farms', '1000 Organic Farms']);
      expect((await list({ segment, search: '   ' })).stakeholders.totalCount).toBe(7);
      expect((await list({ segment, search: 'Nowhere Corp' })).stakeholders).toMatchObject({ totalCount: 0, edges: [] });
    });

    it('pages by name then id with first/after, a stable totalCount and no gaps or repeats', async () => {
      const segment = `Seg-${uniqueSuffix()}`;
      // Three rows share a name, so the id decides their order.
      for (let i = 0; i < 22; i += 1) {
        await makeStakeholder(t.dataSource, { segment, name: `Pacific Retail ${String(i).padStart(2, '0')}` });
      }
      for (let i = 0; i < 3; i += 1) await makeStakeholder(t.dataSource, { segment, name: 'Pacific Retail 10' });

      const pageThrough = async (vars: Record<string, unknown>) => {
        const seen: { id: string; name: string }[] = [];
        const sizes: number[] = [];
        let after: string | null = null;
        do {
          const res: Record<string, any> = await list({ ...vars, first: 10, after });
          expect(res.stakeholders.totalCount).toBe(25);
          sizes.push(res.stakeholders.edges.length);
          seen.push(...res.stakeholders.edges.map((e: { node: { id: string; name: string } }) => e.node));
          after = res.stakeholders.pageInfo.hasNextPage ? res.stakeholders.pageInfo.endCursor : null;
        } while (after);
        return { seen, sizes };
      };
      const { seen, sizes } = await pageThrough({ segment });
      expect(sizes).toEqual([10, 10, 5]);
      expect(new Set(seen.map((s) => s.id)).size).toBe(25);
      const sorted = [...seen].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
      expect(seen).toEqual(sorted);
      // A name search sorts through another expression (see stakeholderSortKeys): same order, same pages.
      expect((await pageThrough({ segment, search: 'PACIFIC retail' })).seen).toEqual(seen);

      expect(errorCode(await t.gql(LIST, { segment, after: 'not-a-cursor' }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { segment, first: 101 }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
      expect(errorCode(await t.gql(LIST, { segment, first: 0 }, roles.COMMS.token))).toBe('BAD_USER_INPUT');
    });

    it('costs the same number of SQL statements for 100 stakeholders with owner and contacts as for 10', async () => {
      const segment = `Seg-${uniqueSuffix()}`;
      const owners = [roles.AGENT.id, agent2.id];
      for (let i = 0; i < 100; i += 1) {
        const s = await makeStakeholder(t.dataSource, { segment, ownerId: owners[i % 2] });
        await makeContact(t.dataSource, s.id, { preferredChannel: ContactChannel.PHONE });
      }
      let small: Record<string, any> = {};
      let large: Record<string, any> = {};
      const ten = await t.countQueries(async () => (small = await list({ segment, first: 10 })));
      const hundred = await t.countQueries(async () => (large = await list({ segment, first: 100 })));
      expect(small.stakeholders.edges).toHaveLength(10);
      expect(large.stakeholders.edges).toHaveLength(100);
      expect(large.stakeholders.edges.every((e: any) => e.node.owner && e.node.contacts.length === 1)).toBe(true);
      expect(hundred).toBe(ten);
    });
  });
});

describe('stakeholder search on a large table', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await TestApp.start();
    await t.dataSource.query(`
      INSERT INTO stakeholders (kind, name, segment, region, time_zone, external_ref)
      SELECT 'CUSTOMER',
             (ARRAY['Northwind','Contoso','Fabrikam','Tailspin','Wingtip','Litware','Adatum','Proseware'])[1 + g % 8]
               || ' ' || (ARRAY['Foods','Logistics','Retail','Health','Energy','Systems','Travel','Outfitters'])[1 + (g / 8) % 8]
               || ' ' || g,
             'SMB', (ARRAY['EMEA','AMER','APAC'])[1 + g % 3], 'UTC', 'BULK-' || g
      FROM generate_series(1, 20000) AS g`);
    await makeStakeholder(t.dataSource, { name: 'Zephyrine Bakery' });
    await t.dataSource.query('ANALYZE stakeholders');
  });
  afterAll(() => t.close());

  it('serves the service’s search SQL (count and page) from the trigram index', async () => {
    const admin = await t.signInAdmin();
    const spy = jest.spyOn(t.queries, 'logQuery');
    let res: Record<string, any>;
    let calls: unknown[][];
    try {
      res = await t.ok(LIST, { search: 'zephyrine', first: 20 }, admin.token);
    } finally {
      calls = [...spy.mock.calls];
      spy.mockRestore();
    }
    // TypeORM passes the parameters as a second argument, beyond QueryCounter's signature.
    const issued = (calls as [string, unknown[] | undefined][])
      .map(([sql, params]) => ({ sql, params: params ?? [] }))
      .filter(({ sql }) => /ILIKE/.test(sql));
    expect(res.stakeholders.totalCount).toBe(1);
    expect(issued).toHaveLength(2); // totalCount, then the page
    for (const { sql, params } of issued) {
      const [row] = await t.dataSource.query(`EXPLAIN (FORMAT JSON) ${sql}`, params);
      const plan = JSON.stringify(row['QUERY PLAN']);
      expect(plan).toContain('stakeholders_name_trgm_idx');
      expect(plan).not.toContain('Seq Scan');
    }
  });
});
