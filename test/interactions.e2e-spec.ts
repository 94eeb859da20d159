import { DataSource } from 'typeorm';
import { CaseStatus } from '../src/modules/cases/case.enums';
import { RecoveryCaseEntity } from '../src/modules/cases/recovery-case.entity';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { InteractionDirection, InteractionOutcome } from '../src/modules/interactions/interaction.enums';
import { InteractionsService } from '../src/modules/interactions/interactions.service';
import { ContactChannel } from '../src/modules/stakeholders/stakeholder.enums';
import { UserRole } from '../src/modules/users/user-role.enum';
import { CASE_AUDIT_TRAIL, CHANGE_CASE_STATUS } from './support/case-operations';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import { APPROVE, CASE_TIMELINE, CREATE_TEMPLATE, LOG_INTERACTION, RETIRE, SUBMIT } from './support/outreach-operations';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const MINUTE = 60_000;

describe('interactions and the case timeline', () => {
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let agent: SignedIn;
  let otherAgent: SignedIn;
  let admin: SignedIn;
  let comms: SignedIn;
  let leader: SignedIn;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    ({ AGENT: agent, ADMIN: admin, COMMS: comms, LEADERSHIP: leader } = roles);
    otherAgent = await t.signInAs(UserRole.AGENT);
    crisis = await makeCrisis(ds);
  });
  afterAll(() => t.close());

  async function ownedCase(ownerId = agent.id, stakeholderOverrides: Record<string, unknown> = {}, caseOverrides: Partial<RecoveryCaseEntity> = {}) {
    const stakeholder = await makeStakeholder(ds, stakeholderOverrides);
    const contact = await makeContact(ds, stakeholder.id, { name: 'Dana Whitfield' });
    // Opened a day ago: the contacts logged here happened since (none may precede the opening).
    const recoveryCase = await makeCase(ds, { crisisId: caseOverrides.crisisId ?? crisis.id, stakeholderId: stakeholder.id, ownerId }, {
      createdAt: new Date(Date.now() - 24 * 60 * MINUTE),
      ...caseOverrides,
    });
    return { stakeholder, contact, recoveryCase };
  }

  const input = (caseId: string, overrides: Record<string, unknown> = {}) => ({
    caseId,
    channel: 'PHONE',
    direction: 'OUTBOUND',
    occurredAt: new Date(Date.now() - 10 * MINUTE).toISOString(),
    summary: 'Apologised for the outage; they lost a day of orders and want to talk compensation.',
    outcome: 'REACHED',
    sentiment: -1,
    ...overrides,
  });

  async function approvedVersion(crisisId = crisis.id): Promise<string> {
    const template = (await t.ok(CREATE_TEMPLATE, {
      input: { crisisId, channel: 'PHONE', kind: 'TALKING_POINT', name: `Script ${Math.random()}`, body: 'Hello {{contact.name}}' },
    }, comms.token)).createMessageTemplate;
    const id = template.versions[0].id;
    await t.ok(SUBMIT, { id }, comms.token);
    await t.ok(APPROVE, { id }, leader.token);
    return id;
  }

  const readCase = (id: string) => ds.getRepository(RecoveryCaseEntity).findOneBy({ id });
  const written = async (caseId?: string) => [
    await t.rowCount('interactions'),
    await t.rowCount('audit_entries'),
    caseId && (await readCase(caseId)),
  ];

  async function refuse(vars: Record<string, unknown>, user: SignedIn, code: string, caseId?: string): Promise<GqlResponse> {
    const before = await written(caseId);
    const res = await t.gql(LOG_INTERACTION, vars, user.token);
    expect(errorCode(res)).toBe(code);
    expect(res.data?.logInteraction ?? null).toBeNull();
    expect(await written(caseId)).toEqual(before);
    return res;
  }

  async function caseAudit(caseId: string) {
    return (await t.ok(CASE_AUDIT_TRAIL, { id: caseId }, leader.token)).auditTrail.edges.map((e: any) => e.node);
  }

  describe('logInteraction', () => {
    it('logs an outbound call and moves an IDENTIFIED case to CONTACTED with an audit entry', async () => {
      const { contact, recoveryCase } = await ownedCase();
      const versionId = await approvedVersion();
      const logged = (await t.ok(LOG_INTERACTION, {
        input: input(recoveryCase.id, { contactId: contact.id, templateVersionId: versionId, followUpNeeded: true }),
      }, agent.token)).logInteraction;
      expect(logged).toMatchObject({
        caseId: recoveryCase.id,
        channel: 'PHONE',
        direction: 'OUTBOUND',
        outcome: 'REACHED',
        sentiment: -1,
        followUpNeeded: true,
        actor: { id: agent.id },
        contact: { id: contact.id, name: 'Dana Whitfield' },
        templateVersion: { id: versionId, version: 1 },
      });
      const contacted = (await readCase(recoveryCase.id))!;
      expect(contacted.status).toBe(CaseStatus.CONTACTED);
      expect(await caseAudit(recoveryCase.id)).toEqual([
        expect.objectContaining({
          action: 'CASE_STATUS_CHANGED',
          before: { status: 'IDENTIFIED' },
          // When the case was contacted: the call's time, never before the case's previous change.
          after: { status: 'CONTACTED', note: 'first outbound contact', interactionId: logged.id, changedAt: contacted.statusChangedAt.toISOString() },
          actor: { id: agent.id },
        }),
      ]);

      // A second outbound contact changes no status and writes no audit entry.
      await t.ok(LOG_INTERACTION, { input: input(recoveryCase.id, { outcome: 'NO_ANSWER', sentiment: null }) }, agent.token);
      expect(await caseAudit(recoveryCase.id)).toHaveLength(1);
    });

    it('leaves the status alone for inbound contact and for cases past IDENTIFIED', async () => {
      const { recoveryCase } = await ownedCase();
      await t.ok(LOG_INTERACTION, { input: input(recoveryCase.id, { direction: 'INBOUND' }) }, agent.token);
      expect((await readCase(recoveryCase.id))!.status).toBe(CaseStatus.IDENTIFIED);
      const { recoveryCase: churned } = await ownedCase(agent.id, {}, { status: CaseStatus.CHURNED });
      await t.ok(LOG_INTERACTION, { input: input(churned.id) }, agent.token);
      expect((await readCase(churned.id))!.status).toBe(CaseStatus.CHURNED);
      expect(await caseAudit(churned.id)).toEqual([]);
    });

    it('refuses outbound contact with a do-not-contact stakeholder (CONFLICT) and accepts inbound', async () => {
      const { recoveryCase, stakeholder } = await ownedCase(agent.id, { doNotContact: true });
      const res = await refuse({ input: input(recoveryCase.id) }, agent, 'CONFLICT', recoveryCase.id);
      expect(res.errors![0].message).toMatch(/do-not-contact; outbound contact is refused/);
      expect(res.errors![0].extensions!.stakeholderId).toBe(stakeholder.id);
      await t.ok(LOG_INTERACTION, { input: input(recoveryCase.id, { direction: 'INBOUND', channel: 'EMAIL' }) }, agent.token);
      expect((await readCase(recoveryCase.id))!.status).toBe(CaseStatus.IDENTIFIED);
    });

    it('accepts up to five minutes of clock skew and refuses a time further in the future', async () => {
      const { recoveryCase } = await ownedCase();
      await t.ok(LOG_INTERACTION, { input: input(recoveryCase.id, { direction: 'INBOUND', occurredAt: new Date(Date.now() + 4 * MINUTE).toISOString() }) }, agent.token);
      const res = await refuse({ input: input(recoveryCase.id, { occurredAt: new Date(Date.now() + 6 * MINUTE).toISOString() }) }, agent, 'BAD_USER_INPUT', recoveryCase.id);
      expect(res.errors![0].message).toMatch(/in the future/);
    });

    it('refuses a contact of another stakeholder, and an unknown contact', async () => {
      const { recoveryCase } = await ownedCase();
      const { contact: stranger } = await ownedCase();
      const res = await refuse({ input: input(recoveryCase.id, { contactId: stranger.id }) }, agent, 'BAD_USER_INPUT', recoveryCase.id);
      expect(res.errors![0].message).toMatch(/is not a person at/);
      await refuse({ input: input(recoveryCase.id, { contactId: '00000000-0000-4000-8000-000000000000' }) }, agent, 'NOT_FOUND', recoveryCase.id);
    });

    it('refuses a template version that is not APPROVED or belongs to another crisis', async () => {
      const { recoveryCase } = await ownedCase();
      const draft = (await t.ok(CREATE_TEMPLATE, {
        input: { crisisId: crisis.id, channel: 'EMAIL', kind: 'REPLY', name: 'Draft reply', body: 'Hi' },
      }, comms.token)).createMessageTemplate.versions[0].id;
      const res = await refuse({ input: input(recoveryCase.id, { templateVersionId: draft }) }, agent, 'BAD_USER_INPUT', recoveryCase.id);
      expect(res.errors![0].message).toMatch(/is DRAFT; only the APPROVED version/);

      const retired = await approvedVersion();
      await t.ok(RETIRE, { id: retired }, leader.token);
      await refuse({ input: input(recoveryCase.id, { templateVersionId: retired }) }, agent, 'BAD_USER_INPUT', recoveryCase.id);

      const elsewhere = await approvedVersion((await makeCrisis(ds)).id);
      const other = await refuse({ input: input(recoveryCase.id, { templateVersionId: elsewhere }) }, agent, 'BAD_USER_INPUT', recoveryCase.id);
      expect(other.errors![0].message).toMatch(/another crisis/);
    });

    it('lets the case owner and admins log; refuses other agents, COMMS and LEADERSHIP with FORBIDDEN', async () => {
      const { recoveryCase } = await ownedCase();
      await t.ok(LOG_INTERACTION, { input: input(recoveryCase.id, { direction: 'INBOUND' }) }, admin.token);
      for (const user of [otherAgent, roles.PARTNER_MANAGER, comms, leader]) {
        await refuse({ input: input(recoveryCase.id) }, user, 'FORBIDDEN', recoveryCase.id);
      }
      const partnerManager = roles.PARTNER_MANAGER;
      const { recoveryCase: partnerCase } = await ownedCase(partnerManager.id);
      await t.ok(LOG_INTERACTION, { input: input(partnerCase.id) }, partnerManager.token);
    });

    it.each([
      ['sentiment 3', { sentiment: 3 }],
      ['sentiment -3', { sentiment: -3 }],
      ['a summary over 5000 characters', { summary: 'x'.repeat(5001) }],
      ['an empty summary', { summary: '' }],
      ['a blank summary', { summary: '    ' }],
      ['an unknown outcome', { outcome: 'MAYBE' }],
      ['an unknown channel', { channel: 'FAX' }],
      ['a malformed contact id', { contactId: 'dana' }],
      ['a date that is not a date', { occurredAt: 'yesterday' }],
    ])('refuses %s with BAD_USER_INPUT and writes nothing', async (_label, overrides) => {
      const { recoveryCase } = await ownedCase();
      await refuse({ input: input(recoveryCase.id, overrides) }, agent, 'BAD_USER_INPUT', recoveryCase.id);
    });

    it('answers NOT_FOUND for a case that does not exist', async () => {
      await refuse({ input: input('00000000-0000-4000-8000-000000000000') }, admin, 'NOT_FOUND');
    });

    it('lets another module record an interaction inside its own transaction', async () => {
      const { recoveryCase, contact } = await ownedCase();
      const service = t.app.get(InteractionsService);
      const actor = { id: otherAgent.id, email: otherAgent.email, name: 'Other Agent', role: UserRole.AGENT };
      const fields = {
        caseId: recoveryCase.id,
        contactId: contact.id,
        channel: ContactChannel.IN_PERSON,
        direction: InteractionDirection.OUTBOUND,
        occurredAt: new Date(),
        summary: 'Meeting completed: agreed a recovery plan.',
        outcome: InteractionOutcome.REACHED,
      };
      // A failure later in the caller's transaction rolls the interaction and the status change back.
      const before = await written(recoveryCase.id);
      await expect(
        ds.transaction(async (manager) => {
          await service.record(manager, actor, fields);
          throw new Error('meeting could not be completed');
        }),
      ).rejects.toThrow('meeting could not be completed');
      expect(await written(recoveryCase.id)).toEqual(before);

      const recorded = await ds.transaction((manager) => service.record(manager, actor, fields));
      expect(recorded).toMatchObject({ caseId: recoveryCase.id, actorId: otherAgent.id, followUpNeeded: false, sentiment: null });
      expect((await readCase(recoveryCase.id))!.status).toBe(CaseStatus.CONTACTED);
      await expect(ds.transaction((m) => service.record(m, actor, { ...fields, sentiment: 5 }))).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    });
  });

  describe('caseTimeline', () => {
    async function logAt(caseId: string, minutesAgo: number, overrides: Record<string, unknown> = {}) {
      const at = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
      return (await t.ok(LOG_INTERACTION, { input: input(caseId, { occurredAt: at, summary: `Contact ${minutesAgo} minutes ago`, ...overrides }) }, agent.token))
        .logInteraction;
    }

    async function timeline(caseId: string, first = 100, after?: string) {
      return (await t.ok(CASE_TIMELINE, { caseId, first, after }, comms.token)).caseTimeline;
    }

    it('lists interactions and status changes together, newest first', async () => {
      const { recoveryCase, contact } = await ownedCase();
      const inbound = await logAt(recoveryCase.id, 50, { direction: 'INBOUND', contactId: contact.id });
      const outbound = await logAt(recoveryCase.id, 30);
      await t.ok(CHANGE_CASE_STATUS, { id: recoveryCase.id, status: 'COMPENSATING', note: 'Offered a credit' }, agent.token);

      const page = await timeline(recoveryCase.id);
      expect(page.totalCount).toBe(4);
      expect(page.edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({
          __typename: 'StatusChangeTimelineItem', kind: 'STATUS_CHANGE', fromStatus: 'CONTACTED', toStatus: 'COMPENSATING',
          note: 'Offered a credit', summary: 'Status CONTACTED → COMPENSATING: Offered a credit', actor: expect.objectContaining({ id: agent.id }),
        }),
        expect.objectContaining({ kind: 'STATUS_CHANGE', fromStatus: 'IDENTIFIED', toStatus: 'CONTACTED', note: 'first outbound contact' }),
        expect.objectContaining({
          __typename: 'InteractionTimelineItem', kind: 'INTERACTION', id: outbound.id, interaction: expect.objectContaining({ direction: 'OUTBOUND' }),
          details: expect.objectContaining({ channel: 'PHONE', outcome: 'REACHED', sentiment: -1 }),
        }),
        expect.objectContaining({ id: inbound.id, interaction: expect.objectContaining({ contact: { id: contact.id, name: 'Dana Whitfield' } }) }),
      ]);
      const times = page.edges.map((e: any) => Date.parse(e.node.occurredAt));
      expect([...times].sort((a, b) => b - a)).toEqual(times);
    });

    it('pages through a long timeline with cursors, without gaps or repeats', async () => {
      const { recoveryCase } = await ownedCase();
      // Two interactions at the same instant: the id breaks the tie.
      const sameTime = new Date(Date.now() - 90 * MINUTE).toISOString();
      for (let i = 0; i < 7; i += 1) await logAt(recoveryCase.id, 80 - i * 10, { direction: 'INBOUND' });
      await logAt(recoveryCase.id, 0, { direction: 'INBOUND', occurredAt: sameTime });
      await logAt(recoveryCase.id, 0, { direction: 'INBOUND', occurredAt: sameTime });
      await logAt(recoveryCase.id, 5); // outbound: adds a status change
      const all = (await timeline(recoveryCase.id)).edges.map((e: any) => e.node.id);
      expect(all).toHaveLength(11);

      const seen: string[] = [];
      let after: string | undefined;
      let pages = 0;
      for (;;) {
        const page = await timeline(recoveryCase.id, 3, after);
        expect(page.totalCount).toBe(11);
        seen.push(...page.edges.map((e: any) => e.node.id));
        pages += 1;
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(pages).toBe(4);
      expect(seen).toEqual(all);
    });

    it('costs the same number of statements for 10 and 100 items', async () => {
      async function statementsFor(items: number) {
        const { recoveryCase, contact } = await ownedCase();
        const rows = Array.from({ length: items }, (_, i) => [recoveryCase.id, contact.id, new Date(Date.now() - (i + 1) * MINUTE), agent.id]);
        for (const row of rows) {
          await ds.query(
            `INSERT INTO interactions (case_id, contact_id, channel, direction, occurred_at, actor_id, summary, outcome)
             VALUES ($1, $2, 'EMAIL', 'INBOUND', $3, $4, 'They wrote in', 'REACHED')`,
            row,
          );
        }
        let page: any;
        const count = await t.countQueries(async () => {
          page = await timeline(recoveryCase.id, 100);
        });
        expect(page.edges).toHaveLength(items);
        return count;
      }
      expect(await statementsFor(10)).toBe(await statementsFor(100));
    });

    it('refuses a forged cursor and answers NOT_FOUND for an unknown case', async () => {
      const { recoveryCase } = await ownedCase();
      for (const after of ['garbage', Buffer.from(JSON.stringify(['not a time', 'I1'])).toString('base64url')]) {
        const res = await t.gql(CASE_TIMELINE, { caseId: recoveryCase.id, after }, agent.token);
        expect(errorCode(res)).toBe('BAD_USER_INPUT');
      }
      expect(errorCode(await t.gql(CASE_TIMELINE, { caseId: '00000000-0000-4000-8000-000000000000' }, agent.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(CASE_TIMELINE, { caseId: recoveryCase.id, first: 101 }, agent.token))).toBe('BAD_USER_INPUT');
    });
  });
});
