import { randomUUID } from 'node:crypto';
import { AuditedRecord } from '../modules/audit/audited-record.enum';
import { MessageKind, TemplateVersionStatus } from '../modules/messaging/message-template.enums';
import { canTransitionVersion } from '../modules/messaging/template-version-transitions';
import { placeholdersOf } from '../modules/messaging/template-placeholders';
import { NotificationKind } from '../modules/notifications/notification-kind.enum';
import { ContactChannel } from '../modules/stakeholders/stakeholder.enums';
import { DAY_MS, DemoCrisis, HOUR_MS } from './demo-crises';
import { DemoStaff } from './demo-users';
import { Row } from './insert-rows';

export const TEMPLATE_COLUMNS = {
  id: 'uuid',
  crisis_id: 'uuid',
  channel: 'contact_channel',
  kind: 'message_kind',
  name: 'text',
  created_by_id: 'uuid',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

export const TEMPLATE_VERSION_COLUMNS = {
  id: 'uuid',
  template_id: 'uuid',
  version: 'int',
  subject: 'text',
  body: 'text',
  status: 'template_version_status',
  author_id: 'uuid',
  submitted_by_id: 'uuid',
  submitted_at: 'timestamptz',
  approved_by_id: 'uuid',
  approved_at: 'timestamptz',
  retired_by_id: 'uuid',
  retired_at: 'timestamptz',
  created_at: 'timestamptz',
  updated_at: 'timestamptz',
};

interface VersionSpec {
  subject?: string;
  body: string;
}

interface TemplateSpec {
  channel: ContactChannel;
  kind: MessageKind;
  name: string;
  /** Versions in order; all but the last were superseded. */
  versions: VersionSpec[];
}

/** One approved template per channel for the severe crisis: what every agent says, in the words comms approved. */
const SEVERE_TEMPLATES: readonly TemplateSpec[] = [
  {
    channel: ContactChannel.EMAIL,
    kind: MessageKind.STATEMENT,
    name: 'Apology and replacement offer',
    versions: [
      {
        subject: 'We are sorry: your Aurora thermostat and firmware 4.2',
        body: 'Dear {{contact.name}},\n\nFirmware 4.2 could make your Aurora thermostat overheat. We have stopped the update and are replacing affected units free of charge.\n\n{{agent.name}}, Aurora customer care',
      },
      {
        subject: 'We are sorry: your Aurora thermostat and firmware 4.2',
        body: 'Dear {{contact.name}},\n\nWe are sorry. Firmware 4.2 could make your Aurora thermostat overheat and leave you without heating. Firmware 4.2.1 with a thermal cut-off is now on your unit, and we replace any damaged unit free of charge, installation included.\n\nI am your contact for anything you need: reply to this email and it reaches me.\n\n{{agent.name}}, Aurora customer care',
      },
    ],
  },
  {
    channel: ContactChannel.PHONE,
    kind: MessageKind.TALKING_POINT,
    name: 'Call script: first contact',
    versions: [
      {
        body: 'Introduce yourself as {{agent.name}} from Aurora and ask for {{contact.name}}. Apologise for the overheating after firmware 4.2. Confirm the unit now runs 4.2.1. Offer a free replacement if the casing or wall plate shows any damage. Ask whether anyone was harmed or anything damaged, and note it on the case.',
      },
    ],
  },
  {
    channel: ContactChannel.SMS,
    kind: MessageKind.REPLY,
    name: 'SMS: replacement on its way',
    versions: [{ body: 'Aurora: {{contact.name}}, your replacement thermostat is on its way. Questions? Reply to this message. {{agent.name}}' }],
  },
  {
    channel: ContactChannel.CHAT,
    kind: MessageKind.REPLY,
    name: 'Chat: is my thermostat safe?',
    versions: [
      {
        body: 'Hi {{contact.name}}, I am {{agent.name}}. Your thermostat is safe to use on firmware 4.2.1, which switches the relay off before the casing can overheat. If you see any discolouration, we replace the unit free of charge.',
      },
    ],
  },
  {
    channel: ContactChannel.SOCIAL,
    kind: MessageKind.REPLY,
    name: 'Social reply: we are on it',
    versions: [{ body: 'We are sorry, {{contact.name}}. Firmware 4.2.1 fixes the overheating; send us a direct message and {{agent.name}} will arrange a replacement if you need one.' }],
  },
  {
    channel: ContactChannel.VIDEO,
    kind: MessageKind.TALKING_POINT,
    name: 'Partner review: talking points',
    versions: [
      {
        body: 'Thank {{contact.name}} for the time. Root cause: a control-loop fault in firmware 4.2 kept the heating relay energised. Fix: 4.2.1 with a thermal cut-off on 99% of units. What we cover for {{stakeholder.name}}: reflashing of stock, call-outs and returns handling. Agree the next review date and the KPIs of the joint plan.',
      },
    ],
  },
  {
    channel: ContactChannel.IN_PERSON,
    kind: MessageKind.TALKING_POINT,
    name: 'Executive visit: opening remarks',
    versions: [
      {
        body: 'On behalf of Aurora, a personal apology to {{contact.name}} and the team at {{stakeholder.name}} for "{{crisis.title}}". We are here to listen first, then to agree a joint recovery plan with commitments on both sides and an executive sponsor on ours.',
      },
    ],
  },
  {
    channel: ContactChannel.LETTER,
    kind: MessageKind.STATEMENT,
    name: 'Letter: formal apology',
    versions: [
      {
        subject: 'Your Aurora thermostat: our apology',
        body: 'Dear {{contact.name}},\n\nWe write to apologise for "{{crisis.title}}". Your unit has received firmware 4.2.1, which removes the fault. If you have had any cost because of it, please tell us and we will make it right.\n\nYours sincerely,\n{{agent.name}}\nAurora customer care',
      },
    ],
  },
];

/** The draft a second writer has sent for review: comms@ has it in their notifications. */
const IN_REVIEW_EMAIL: VersionSpec = {
  subject: 'Six months on: thank you, and what we changed',
  body: 'Dear {{contact.name}},\n\nSix months ago firmware 4.2 let you down. Since then every update runs through an independent thermal test before it reaches a single home. Thank you for staying with us.\n\n{{agent.name}}, Aurora customer care',
};

const OUTAGE_TEMPLATE: TemplateSpec = {
  channel: ContactChannel.EMAIL,
  kind: MessageKind.STATEMENT,
  name: 'Cloud outage apology',
  versions: [
    {
      subject: 'Aurora Cloud is back: our apology',
      body: 'Dear {{contact.name}},\n\nAurora Cloud was unavailable for 31 hours. Your thermostat kept heating locally, but schedules changed during the outage were lost. We are sorry; one month of the cloud plan is on us.\n\n{{agent.name}}',
    },
  ],
};

export interface ApprovedTemplate {
  templateId: string;
  versionId: string;
  channel: ContactChannel;
  approvedAt: Date;
}

export interface DemoTemplates {
  templates: Row[];
  versions: Row[];
  audit: Row[];
  notifications: Row[];
  /** The approved version of each channel for the severe crisis (the latest one, for the email). */
  approved: Map<ContactChannel, ApprovedTemplate>;
  /** Every version that was APPROVED at some point, with when; interactions may only cite those, after approval. */
  everApproved: { versionId: string; channel: ContactChannel; approvedAt: Date; retiredAt: Date | null }[];
}

/**
 * Message templates as the review flow leaves them: written by COMMS, approved by someone else,
 * an earlier email version retired when its successor was approved, one version in review. Every
 * body goes through the placeholder check the API applies, and every step through the version
 * transition table, with its audit entry.
 */
export function buildTemplates(staff: DemoStaff, severe: DemoCrisis, outage: DemoCrisis, now: Date): DemoTemplates {
  const result: DemoTemplates = { templates: [], versions: [], audit: [], notifications: [], approved: new Map(), everApproved: [] };
  const writer = staff.otherComms[0] ?? staff.comms;
  const firstStatement = severe.detectedAt.getTime() + 3 * HOUR_MS;
  const recovery = severe.detectedAt.getTime() + 38 * DAY_MS;
  SEVERE_TEMPLATES.forEach((spec, index) => {
    // comms@ wrote the statements in the first hours, leadership approved; later versions came with recovery.
    const written = new Date(firstStatement - 2 * HOUR_MS + index * 20 * 60_000);
    addTemplate(result, severe, spec, written, staff.comms, staff.leadership, recovery, now);
  });
  addTemplate(result, outage, OUTAGE_TEMPLATE, new Date(outage.detectedAt.getTime() + HOUR_MS), staff.comms, staff.leadership, 0, now);

  // Version 3 of the apology email: written by the second writer, waiting for comms@ (the spokesperson).
  const email = result.templates.find((t) => t.crisis_id === severe.id && t.channel === ContactChannel.EMAIL)!;
  const written = new Date(now.getTime() - 26 * HOUR_MS);
  const submitted = new Date(now.getTime() - 25 * HOUR_MS);
  const id = randomUUID();
  checkBody(IN_REVIEW_EMAIL);
  result.versions.push(versionRow(id, email.id as string, 3, IN_REVIEW_EMAIL, writer, written, { submittedAt: submitted }));
  result.audit.push(versionAudit(writer, id, submitted, TemplateVersionStatus.DRAFT, TemplateVersionStatus.IN_REVIEW, email.id as string, 3, null));
  result.notifications.push({
    user_id: severe.row.spokesperson_id,
    kind: NotificationKind.TEMPLATE_VERSION_SUBMITTED,
    title: `Review "${email.name}" version 3`,
    body: 'Inês Costa submitted it for review.',
    record_type: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
    record_id: id,
    dedupe_key: `template-version-submitted:${id}`,
    read_at: null,
    created_at: submitted,
  });
  return result;
}

function addTemplate(
  result: DemoTemplates,
  crisis: DemoCrisis,
  spec: TemplateSpec,
  written: Date,
  author: string,
  approver: string,
  laterVersionsAt: number,
  now: Date,
): void {
  const templateId = randomUUID();
  result.templates.push({
    id: templateId,
    crisis_id: crisis.id,
    channel: spec.channel,
    kind: spec.kind,
    name: spec.name,
    created_by_id: author,
    created_at: written,
    updated_at: written,
  });
  let previous: { id: string; row: Row; number: number } | null = null;
  spec.versions.forEach((version, i) => {
    checkBody(version);
    const number = i + 1;
    const start = i === 0 ? written.getTime() : laterVersionsAt;
    const createdAt = new Date(start);
    const submittedAt = new Date(start + 30 * 60_000);
    const approvedAt = new Date(start + 60 * 60_000);
    if (approvedAt >= now) throw new Error(`demo template "${spec.name}" would be approved in the future`);
    const id = randomUUID();
    const row = versionRow(id, templateId, number, version, author, createdAt, { submittedAt, approvedAt, approvedBy: approver });
    result.versions.push(row);
    result.audit.push(versionAudit(author, id, submittedAt, TemplateVersionStatus.DRAFT, TemplateVersionStatus.IN_REVIEW, templateId, number, null));
    if (previous) {
      // Approving a successor retires the approved version first, as TemplateReviewService.approve does.
      Object.assign(previous.row, { status: TemplateVersionStatus.RETIRED, retired_by_id: approver, retired_at: approvedAt, updated_at: approvedAt });
      result.audit.push(
        versionAudit(approver, previous.id, approvedAt, TemplateVersionStatus.APPROVED, TemplateVersionStatus.RETIRED, templateId, previous.number, `superseded by version ${number}`),
      );
      result.everApproved.find((v) => v.versionId === previous!.id)!.retiredAt = approvedAt;
    }
    result.audit.push(
      versionAudit(approver, id, approvedAt, TemplateVersionStatus.IN_REVIEW, TemplateVersionStatus.APPROVED, templateId, number, previous ? `replaces version ${previous.number}` : null),
    );
    result.notifications.push({
      user_id: author,
      kind: NotificationKind.TEMPLATE_VERSION_APPROVED,
      title: `"${spec.name}" version ${number} is approved`,
      body: 'Marcus Lindqvist approved it; agents now use it.',
      record_type: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
      record_id: id,
      dedupe_key: `template-version-approved:${id}`,
      read_at: approvedAt,
      created_at: approvedAt,
    });
    result.everApproved.push({ versionId: id, channel: spec.channel, approvedAt, retiredAt: null });
    if (crisis.phase !== 'CLOSED') result.approved.set(spec.channel, { templateId, versionId: id, channel: spec.channel, approvedAt });
    previous = { id, row, number };
  });
}

/** The API's placeholder rule: only the known `{{a.b}}` placeholders, no blocks or helpers (throws otherwise). */
function checkBody(version: VersionSpec): void {
  placeholdersOf(version.body);
  if (version.subject) placeholdersOf(version.subject, 'subject');
}

function versionRow(
  id: string,
  templateId: string,
  number: number,
  spec: VersionSpec,
  author: string,
  createdAt: Date,
  steps: { submittedAt: Date; approvedAt?: Date; approvedBy?: string },
): Row {
  const approved = steps.approvedAt !== undefined;
  const last = steps.approvedAt ?? steps.submittedAt;
  return {
    id,
    template_id: templateId,
    version: number,
    subject: spec.subject ?? null,
    body: spec.body,
    status: approved ? TemplateVersionStatus.APPROVED : TemplateVersionStatus.IN_REVIEW,
    author_id: author,
    submitted_by_id: author,
    submitted_at: steps.submittedAt,
    approved_by_id: steps.approvedBy ?? null,
    approved_at: steps.approvedAt ?? null,
    retired_by_id: null,
    retired_at: null,
    created_at: createdAt,
    updated_at: last,
  };
}

function versionAudit(
  actorId: string,
  versionId: string,
  at: Date,
  from: TemplateVersionStatus,
  to: TemplateVersionStatus,
  templateId: string,
  version: number,
  note: string | null,
): Row {
  if (!canTransitionVersion(from, to)) throw new Error(`demo template version cannot move from ${from} to ${to}`);
  return {
    occurred_at: at,
    actor_id: actorId,
    entity_type: AuditedRecord.MESSAGE_TEMPLATE_VERSION,
    entity_id: versionId,
    action: 'TEMPLATE_VERSION_STATUS_CHANGED',
    before: { status: from },
    after: { status: to, templateId, version, note },
  };
}
