import { DataSource } from 'typeorm';
import { CrisisEntity } from '../src/modules/crises/crisis.entity';
import { MessageTemplateVersionEntity } from '../src/modules/messaging/message-template-version.entity';
import { UserRole } from '../src/modules/users/user-role.enum';
import { makeCase, makeContact, makeCrisis, makeStakeholder } from './support/factories';
import {
  APPROVE,
  CREATE_TEMPLATE,
  DRAFT_VERSION,
  EDIT_DRAFT,
  MY_NOTIFICATIONS,
  RENDER,
  RETIRE,
  SUBMIT,
  TEMPLATE,
  TEMPLATES,
  VERSION,
  VERSION_AUDIT,
} from './support/outreach-operations';
import { errorCode, GqlResponse, SignedIn, TestApp } from './support/test-app';

const BODY = 'Dear {{contact.name}}, this is {{agent.name}}. We are sorry about {{crisis.title}} at {{stakeholder.name}}.';

describe('message templates', () => {
  let t: TestApp;
  let ds: DataSource;
  let roles: Record<UserRole, SignedIn>;
  let comms: SignedIn;
  let otherComms: SignedIn;
  let leader: SignedIn;
  let agent: SignedIn;
  let crisis: CrisisEntity;

  beforeAll(async () => {
    t = await TestApp.start();
    ds = t.dataSource;
    roles = await t.signInEveryRole();
    ({ COMMS: comms, LEADERSHIP: leader, AGENT: agent } = roles);
    otherComms = await t.signInAs(UserRole.COMMS, 'Casey Comms');
    crisis = await makeCrisis(ds, { title: 'Thermostat overheating' });
  });
  afterAll(() => t.close());

  let nameCounter = 0;
  const templateInput = (overrides: Record<string, unknown> = {}) => {
    nameCounter += 1;
    return { crisisId: crisis.id, channel: 'PHONE', kind: 'STATEMENT', name: `Apology script ${nameCounter}`, body: BODY, ...overrides };
  };

  async function createTemplate(by: SignedIn = comms, overrides: Record<string, unknown> = {}) {
    return (await t.ok(CREATE_TEMPLATE, { input: templateInput(overrides) }, by.token)).createMessageTemplate;
  }

  /** A template whose version 1 is APPROVED: written by `author`, approved by otherComms. */
  async function approvedTemplate(overrides: Record<string, unknown> = {}, author: SignedIn = comms) {
    const template = await createTemplate(author, overrides);
    const versionId = template.versions[0].id;
    await t.ok(SUBMIT, { id: versionId }, author.token);
    await t.ok(APPROVE, { id: versionId }, (author.id === otherComms.id ? leader : otherComms).token);
    return { template, versionId };
  }

  const tables = ['message_templates', 'message_template_versions', 'audit_entries', 'notifications'];
  const counts = () => Promise.all(tables.map((table) => t.rowCount(table)));
  const readVersion = (id: string) => ds.getRepository(MessageTemplateVersionEntity).findOneBy({ id });

  /** The call fails with `code` and writes nothing (and leaves the version, if named, as it was). */
  async function refuse(doc: string, vars: Record<string, unknown>, user: SignedIn, code: string, versionId?: string) {
    const before = [await counts(), versionId && (await readVersion(versionId))];
    const res: GqlResponse = await t.gql(doc, vars, user.token);
    expect(errorCode(res)).toBe(code);
    expect([await counts(), versionId && (await readVersion(versionId))]).toEqual(before);
    return res;
  }

  async function auditOf(versionId: string) {
    const data = await t.ok(VERSION_AUDIT, { id: versionId }, leader.token);
    return data.auditTrail.edges.map((e: { node: Record<string, any> }) => e.node);
  }

  describe('drafting', () => {
    it('creates a template with version 1 as a DRAFT listing its placeholders', async () => {
      const template = await createTemplate(comms, { subject: 'About {{crisis.title}}', channel: 'EMAIL' });
      expect(template).toMatchObject({ crisisId: crisis.id, channel: 'EMAIL', kind: 'STATEMENT', createdBy: { id: comms.id }, approvedVersion: null });
      expect(template.versions).toEqual([
        expect.objectContaining({
          version: 1,
          status: 'DRAFT',
          subject: 'About {{crisis.title}}',
          placeholders: ['crisis.title', 'contact.name', 'agent.name', 'stakeholder.name'],
          allowedNextStatuses: ['IN_REVIEW', 'RETIRED'],
          author: { id: comms.id },
          submittedBy: null,
        }),
      ]);
    });

    it.each([UserRole.COMMS, UserRole.LEADERSHIP, UserRole.ADMIN])('lets %s draft', async (role) => {
      await createTemplate(roles[role]);
    });

    it.each([UserRole.AGENT, UserRole.PARTNER_MANAGER])('refuses %s drafting with FORBIDDEN', async (role) => {
      await refuse(CREATE_TEMPLATE, { input: templateInput() }, roles[role], 'FORBIDDEN');
      const template = await createTemplate();
      await refuse(DRAFT_VERSION, { id: template.id, input: { body: 'Hi' } }, roles[role], 'FORBIDDEN');
      await refuse(EDIT_DRAFT, { id: template.versions[0].id, input: { body: 'Hi' } }, roles[role], 'FORBIDDEN', template.versions[0].id);
    });

    it('refuses unknown placeholders, helpers and broken syntax at draft time', async () => {
      for (const body of ['Hi {{contact.phone}}', 'Hi {{#if contact.name}}x{{/if}}', 'Hi {{contact.name', 'Hi {{{contact.name}}}']) {
        const res = await refuse(CREATE_TEMPLATE, { input: templateInput({ body }) }, comms, 'BAD_USER_INPUT');
        expect(res.errors![0].message).toMatch(/placeholder|not a valid template|raw/);
      }
      const res = await refuse(CREATE_TEMPLATE, { input: templateInput({ subject: 'Re {{case.secret}}' }) }, comms, 'BAD_USER_INPUT');
      expect(res.errors![0].message).toContain('Unknown placeholder {{case.secret}} in the subject');
      expect(res.errors![0].extensions!.placeholder).toBe('case.secret');
    });

    it.each([
      ['an unknown channel', { channel: 'FAX' }],
      ['a blank name', { name: '   ' }],
      ['an empty body', { body: '' }],
      ['a body over 20000 characters', { body: 'x'.repeat(20001) }],
      ['a subject over 300 characters', { subject: 'x'.repeat(301) }],
      ['a crisis id that is not a UUID', { crisisId: 'nope' }],
    ])('refuses %s with BAD_USER_INPUT', async (_label, overrides) => {
      await refuse(CREATE_TEMPLATE, { input: templateInput(overrides) }, comms, 'BAD_USER_INPUT');
    });

    it('refuses a crisis that does not exist with NOT_FOUND and a duplicate name with CONFLICT', async () => {
      await refuse(CREATE_TEMPLATE, { input: templateInput({ crisisId: '00000000-0000-4000-8000-000000000000' }) }, comms, 'NOT_FOUND');
      const input = templateInput();
      await t.ok(CREATE_TEMPLATE, { input }, comms.token);
      const res = await refuse(CREATE_TEMPLATE, { input }, leader, 'CONFLICT');
      expect(res.errors![0].message).toMatch(/already has a PHONE template named/);
    });

    it('numbers new versions 2, 3… and lets only the author edit a draft', async () => {
      const template = await createTemplate();
      const v2 = (await t.ok(DRAFT_VERSION, { id: template.id, input: { body: 'Hello {{contact.name}}' } }, leader.token)).draftTemplateVersion;
      const v3 = (await t.ok(DRAFT_VERSION, { id: template.id, input: { body: 'Hi' } }, comms.token)).draftTemplateVersion;
      expect([v2.version, v3.version]).toEqual([2, 3]);
      expect(v2.author.id).toBe(leader.id);

      const edited = (await t.ok(EDIT_DRAFT, { id: v2.id, input: { body: 'Hello again {{contact.title}}', subject: 'S' } }, leader.token))
        .editTemplateDraft;
      expect(edited).toMatchObject({ body: 'Hello again {{contact.title}}', subject: 'S', placeholders: ['contact.title'] });
      await refuse(EDIT_DRAFT, { id: v2.id, input: { body: 'Mine now' } }, comms, 'FORBIDDEN', v2.id);
      await refuse(EDIT_DRAFT, { id: v2.id, input: { body: 'Hi {{contact.email}}' } }, leader, 'BAD_USER_INPUT', v2.id);
      const listed = (await t.ok(TEMPLATE, { id: template.id }, agent.token)).messageTemplate;
      expect(listed.versions.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    });

    it('lists a crisis’s templates by name, paginated', async () => {
      const other = await makeCrisis(ds);
      const names = ['Zeta reply', 'Alpha reply', 'Mid reply'];
      for (const name of names) await t.ok(CREATE_TEMPLATE, { input: { ...templateInput({ name, channel: 'SOCIAL' }), crisisId: other.id } }, comms.token);
      const first = (await t.ok(TEMPLATES, { crisisId: other.id, first: 2 }, agent.token)).messageTemplates;
      expect(first.totalCount).toBe(3);
      expect(first.edges.map((e: any) => e.node.name)).toEqual(['Alpha reply', 'Mid reply']);
      const second = (await t.ok(TEMPLATES, { crisisId: other.id, first: 2, after: first.pageInfo.endCursor }, agent.token)).messageTemplates;
      expect(second.edges.map((e: any) => e.node.name)).toEqual(['Zeta reply']);
      expect(second.pageInfo.hasNextPage).toBe(false);
      expect((await t.ok(TEMPLATES, { crisisId: other.id, channel: 'EMAIL' }, agent.token)).messageTemplates.totalCount).toBe(0);
    });
  });

  describe('review workflow', () => {
    it('submits, approves by someone else, audits each step and notifies', async () => {
      const spokesperson = await t.signInAs(UserRole.COMMS, 'Sam Spokesperson');
      const spokenCrisis = await makeCrisis(ds, { spokespersonId: spokesperson.id });
      const template = await createTemplate(comms, { crisisId: spokenCrisis.id });
      const id = template.versions[0].id;

      const submitted = (await t.ok(SUBMIT, { id }, comms.token)).submitTemplateVersion;
      expect(submitted).toMatchObject({ status: 'IN_REVIEW', submittedBy: { id: comms.id }, allowedNextStatuses: ['APPROVED', 'RETIRED'] });
      expect(submitted.submittedAt).toBeTruthy();
      const inbox = (await t.ok(MY_NOTIFICATIONS, {}, spokesperson.token)).myNotifications;
      expect(inbox.edges.map((e: any) => e.node)).toEqual([
        expect.objectContaining({ kind: 'TEMPLATE_VERSION_SUBMITTED', recordType: 'MESSAGE_TEMPLATE_VERSION', recordId: id, readAt: null }),
      ]);

      const approved = (await t.ok(APPROVE, { id }, spokesperson.token)).approveTemplateVersion;
      expect(approved).toMatchObject({ status: 'APPROVED', approvedBy: { id: spokesperson.id }, allowedNextStatuses: ['RETIRED'] });
      expect((await t.ok(TEMPLATE, { id: template.id }, agent.token)).messageTemplate.approvedVersion).toEqual({ id, version: 1 });

      expect(await auditOf(id)).toEqual([
        expect.objectContaining({ action: 'TEMPLATE_VERSION_STATUS_CHANGED', before: { status: 'DRAFT' }, actor: { id: comms.id } }),
        expect.objectContaining({ before: { status: 'IN_REVIEW' }, after: expect.objectContaining({ status: 'APPROVED' }), actor: { id: spokesperson.id } }),
      ]);
      const authorInbox = (await t.ok(MY_NOTIFICATIONS, {}, comms.token)).myNotifications.edges.map((e: any) => e.node);
      expect(authorInbox).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'TEMPLATE_VERSION_APPROVED', recordId: id })]));
    });

    it('never lets the author approve their own version, whatever their role', async () => {
      for (const author of [comms, leader]) {
        const template = await createTemplate(author);
        const id = template.versions[0].id;
        await t.ok(SUBMIT, { id }, author.token);
        const res = await refuse(APPROVE, { id }, author, 'FORBIDDEN', id);
        expect(res.errors![0].message).toMatch(/You wrote version 1; another COMMS or LEADERSHIP user must approve it/);
      }
    });

    it.each([UserRole.AGENT, UserRole.PARTNER_MANAGER, UserRole.ADMIN])('refuses %s approving or retiring with FORBIDDEN', async (role) => {
      const template = await createTemplate();
      const id = template.versions[0].id;
      await t.ok(SUBMIT, { id }, comms.token);
      await refuse(APPROVE, { id }, roles[role], 'FORBIDDEN', id);
      await refuse(RETIRE, { id }, roles[role], 'FORBIDDEN', id);
    });

    it('lets only the author submit, and refuses approving a draft with CONFLICT', async () => {
      const template = await createTemplate();
      const id = template.versions[0].id;
      await refuse(SUBMIT, { id }, otherComms, 'FORBIDDEN', id);
      await refuse(SUBMIT, { id }, agent, 'FORBIDDEN', id);
      await refuse(SUBMIT, { id }, roles.PARTNER_MANAGER, 'FORBIDDEN', id);
      const res = await refuse(APPROVE, { id }, otherComms, 'CONFLICT', id);
      expect(res.errors![0].extensions!.allowedNextStatuses).toEqual(['IN_REVIEW', 'RETIRED']);
    });

    it('keeps a submitted version immutable', async () => {
      const template = await createTemplate();
      const id = template.versions[0].id;
      await t.ok(SUBMIT, { id }, comms.token);
      const res = await refuse(EDIT_DRAFT, { id, input: { body: 'Changed after review' } }, comms, 'CONFLICT', id);
      expect(res.errors![0].message).toMatch(/IN_REVIEW and can no longer change; draft a new version/);
      await refuse(SUBMIT, { id }, comms, 'CONFLICT', id);
      await t.ok(APPROVE, { id }, otherComms.token);
      await refuse(EDIT_DRAFT, { id, input: { body: 'Changed after approval' } }, comms, 'CONFLICT', id);
    });

    it('retires the previously approved version when a new one is approved, in the same transaction', async () => {
      const { template, versionId: v1 } = await approvedTemplate();
      const v2 = (await t.ok(DRAFT_VERSION, { id: template.id, input: { body: 'Updated: {{contact.name}}' } }, comms.token)).draftTemplateVersion;
      await t.ok(SUBMIT, { id: v2.id }, comms.token);
      await t.ok(APPROVE, { id: v2.id }, leader.token);
      expect((await readVersion(v1))).toMatchObject({ status: 'RETIRED', retiredById: leader.id });
      expect((await readVersion(v2.id))).toMatchObject({ status: 'APPROVED', approvedById: leader.id });
      expect((await auditOf(v1)).at(-1)).toMatchObject({
        before: { status: 'APPROVED' },
        after: { status: 'RETIRED', note: 'superseded by version 2' },
        actor: { id: leader.id },
      });
      expect((await t.ok(TEMPLATE, { id: template.id }, agent.token)).messageTemplate.approvedVersion.version).toBe(2);
    });

    it('ends with exactly one approved version when two versions are approved at once', async () => {
      const template = await createTemplate();
      const ids: string[] = [template.versions[0].id];
      ids.push((await t.ok(DRAFT_VERSION, { id: template.id, input: { body: 'Second wording' } }, comms.token)).draftTemplateVersion.id);
      for (const id of ids) await t.ok(SUBMIT, { id }, comms.token);
      const results = await Promise.all([t.gql(APPROVE, { id: ids[0] }, otherComms.token), t.gql(APPROVE, { id: ids[1] }, leader.token)]);
      // The template row lock serialises the two: both succeed, and the later one retires the earlier.
      expect(results.map((r) => r.errors)).toEqual([undefined, undefined]);
      const statuses = await Promise.all(ids.map(async (id) => (await readVersion(id))!.status));
      expect([...statuses].sort()).toEqual(['APPROVED', 'RETIRED']);
      const winner = ids[statuses.indexOf('APPROVED' as never)];
      const loser = ids[statuses.indexOf('RETIRED' as never)];
      const version = (id: string) => (ids.indexOf(id) + 1);
      expect((await auditOf(loser)).at(-1)).toMatchObject({ after: { status: 'RETIRED', note: `superseded by version ${version(winner)}` } });
    });

    it('has the database refuse a second APPROVED version of a template', async () => {
      const { template } = await approvedTemplate();
      const v2 = (await t.ok(DRAFT_VERSION, { id: template.id, input: { body: 'Another' } }, comms.token)).draftTemplateVersion;
      await expect(
        ds.query(
          `UPDATE message_template_versions SET status = 'APPROVED', submitted_at = now(), submitted_by_id = author_id,
             approved_at = now(), approved_by_id = $2 WHERE id = $1`,
          [v2.id, leader.id],
        ),
      ).rejects.toThrow(/message_template_versions_one_approved/);
      await expect(
        ds.query(`UPDATE message_template_versions SET approved_by_id = author_id WHERE id = $1`, [v2.id]),
      ).rejects.toThrow(/message_template_versions_not_self_approved/);
    });

    it('retires a version under review (a rejection) with a reason, and a retired version is final', async () => {
      const template = await createTemplate();
      const id = template.versions[0].id;
      await t.ok(SUBMIT, { id }, comms.token);
      const retired = (await t.ok(RETIRE, { id, reason: 'Tone too defensive' }, leader.token)).retireTemplateVersion;
      expect(retired).toMatchObject({ status: 'RETIRED', retiredBy: { id: leader.id }, allowedNextStatuses: [] });
      expect((await auditOf(id)).at(-1)).toMatchObject({ before: { status: 'IN_REVIEW' }, after: { status: 'RETIRED', note: 'Tone too defensive' } });
      const res = await refuse(APPROVE, { id }, otherComms, 'CONFLICT', id);
      expect(res.errors![0].message).toMatch(/final/);
      await refuse(RETIRE, { id }, otherComms, 'CONFLICT', id);
      await refuse(RETIRE, { id, reason: 'x'.repeat(2001) }, otherComms, 'BAD_USER_INPUT', id);
    });

    it('answers NOT_FOUND for a version that does not exist, and BAD_USER_INPUT for a malformed id', async () => {
      await refuse(APPROVE, { id: '00000000-0000-4000-8000-000000000000' }, otherComms, 'NOT_FOUND');
      await refuse(SUBMIT, { id: 'v1' }, comms, 'BAD_USER_INPUT');
      expect(errorCode(await t.gql(VERSION, { id: '00000000-0000-4000-8000-000000000000' }, agent.token))).toBe('NOT_FOUND');
    });
  });

  describe('rendering', () => {
    async function caseWithContact(contactOverrides: Record<string, unknown> = {}) {
      const stakeholder = await makeStakeholder(ds, { name: 'Northwind Foods' });
      const contact = await makeContact(ds, stakeholder.id, { name: 'Dana Whitfield', title: 'Head of Operations', ...contactOverrides });
      const recoveryCase = await makeCase(ds, { crisisId: crisis.id, stakeholderId: stakeholder.id, ownerId: agent.id });
      return { stakeholder, contact, recoveryCase };
    }

    it('fills in every placeholder for the case, contact and agent', async () => {
      const { versionId } = await approvedTemplate({ body: `${BODY} ({{contact.title}})` });
      const { contact, recoveryCase } = await caseWithContact();
      const agentName = (await t.ok(`{ me { name } }`, {}, agent.token)).me.name;
      const rendered = (await t.ok(RENDER, { versionId, caseId: recoveryCase.id, contactId: contact.id }, agent.token)).renderTemplate;
      expect(rendered).toEqual({
        templateVersionId: versionId,
        channel: 'PHONE',
        subject: null,
        body: `Dear Dana Whitfield, this is ${agentName}. We are sorry about Thermostat overheating at Northwind Foods. (Head of Operations)`,
      });
    });

    it('escapes HTML in email bodies only, and renders the subject as text', async () => {
      const { versionId } = await approvedTemplate({ channel: 'EMAIL', subject: 'For {{contact.name}}', body: '<p>Dear {{contact.name}}</p>' });
      const { contact, recoveryCase } = await caseWithContact({ name: 'Dana <D> & Co' });
      const rendered = (await t.ok(RENDER, { versionId, caseId: recoveryCase.id, contactId: contact.id }, agent.token)).renderTemplate;
      expect(rendered).toMatchObject({ subject: 'For Dana <D> & Co', body: '<p>Dear Dana &lt;D&gt; &amp; Co</p>' });
      const sms = await approvedTemplate({ channel: 'SMS', body: 'Dear {{contact.name}}' });
      expect((await t.ok(RENDER, { versionId: sms.versionId, caseId: recoveryCase.id, contactId: contact.id }, agent.token)).renderTemplate.body).toBe(
        'Dear Dana <D> & Co',
      );
    });

    it('refuses a missing value with BAD_USER_INPUT naming the placeholder, never a blank', async () => {
      const { versionId } = await approvedTemplate({ body: 'Dear {{contact.name}}, {{contact.title}}' });
      const { contact, recoveryCase } = await caseWithContact({ title: null });
      const noTitle = await t.gql(RENDER, { versionId, caseId: recoveryCase.id, contactId: contact.id }, agent.token);
      expect(errorCode(noTitle)).toBe('BAD_USER_INPUT');
      expect(noTitle.errors![0].message).toMatch(/no value for \{\{contact.title\}\}/);
      expect(noTitle.errors![0].extensions!.missingPlaceholders).toEqual(['contact.title']);
      const noContact = await t.gql(RENDER, { versionId, caseId: recoveryCase.id }, agent.token);
      expect(noContact.errors![0].extensions!.missingPlaceholders).toEqual(['contact.name', 'contact.title']);
    });

    it("fills in the case's issued coupon code, and names it when there is none", async () => {
      const { versionId } = await approvedTemplate({ channel: 'SMS', body: 'Your code: {{case.couponCode}}' });
      const { recoveryCase } = await caseWithContact();
      const none = await t.gql(RENDER, { versionId, caseId: recoveryCase.id }, agent.token);
      expect(errorCode(none)).toBe('BAD_USER_INPUT');
      expect(none.errors![0].extensions!.missingPlaceholders).toEqual(['case.couponCode']);
      await ds.query(
        `INSERT INTO compensations (case_id, kind, status, value_minor, currency, coupon_percent, coupon_expires_on, coupon_code,
           proposed_by_id, approved_by_id, approved_at, issued_by_id, issued_at)
         VALUES ($1, 'COUPON', 'ISSUED', 5000, 'EUR', 20, '2027-06-30', 'ABCD-EFGH-JKMN', $2, $3, now(), $3, now())`,
        [recoveryCase.id, agent.id, leader.id],
      );
      expect((await t.ok(RENDER, { versionId, caseId: recoveryCase.id }, agent.token)).renderTemplate.body).toBe('Your code: ABCD-EFGH-JKMN');
    });

    it('refuses a contact of another stakeholder, a case of another crisis and, for agents, an unapproved version', async () => {
      const { versionId } = await approvedTemplate();
      const { recoveryCase } = await caseWithContact();
      const stranger = await makeContact(ds, (await makeStakeholder(ds)).id);
      const wrongContact = await t.gql(RENDER, { versionId, caseId: recoveryCase.id, contactId: stranger.id }, agent.token);
      expect(errorCode(wrongContact)).toBe('BAD_USER_INPUT');

      const otherCrisis = await makeCrisis(ds);
      const otherCase = await makeCase(ds, { crisisId: otherCrisis.id, stakeholderId: recoveryCase.stakeholderId, ownerId: agent.id });
      const wrongCrisis = await t.gql(RENDER, { versionId, caseId: otherCase.id }, agent.token);
      expect(errorCode(wrongCrisis)).toBe('BAD_USER_INPUT');
      expect(wrongCrisis.errors![0].message).toMatch(/another crisis/);

      const draft = (await createTemplate(comms, { body: 'Draft for {{stakeholder.name}}' })).versions[0].id;
      const unapproved = await t.gql(RENDER, { versionId: draft, caseId: recoveryCase.id }, agent.token);
      expect(errorCode(unapproved)).toBe('BAD_USER_INPUT');
      expect(unapproved.errors![0].message).toMatch(/DRAFT; only APPROVED versions can be used/);
      // The people who write the wording preview it before approval.
      expect((await t.ok(RENDER, { versionId: draft, caseId: recoveryCase.id }, comms.token)).renderTemplate.body).toBe('Draft for Northwind Foods');
      expect(errorCode(await t.gql(RENDER, { versionId: draft, caseId: '00000000-0000-4000-8000-000000000000' }, comms.token))).toBe('NOT_FOUND');
    });
  });
});
