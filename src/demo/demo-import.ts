import { createHash, randomUUID } from 'node:crypto';
import { AuditedRecord } from '../modules/audit/audited-record.enum';
import { guessMapping } from '../modules/imports/column-mapping';
import { STAKEHOLDER_CSV_COLUMNS, STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from '../modules/imports/stakeholder-csv-columns';
import { stakeholderRowRules } from '../modules/imports/stakeholder-row-rules';
import { UserRole } from '../modules/users/user-role.enum';
import { HOUR_MS } from './demo-crises';
import { DemoStakeholder } from './demo-stakeholder-rows';
import { Row } from './insert-rows';

export const IMPORT_COLUMNS = {
  id: 'uuid',
  kind: 'import_kind',
  status: 'import_status',
  file_name: 'text',
  file_sha256: 'text',
  file_size_bytes: 'bigint',
  delimiter: 'text',
  headers: 'jsonb',
  duplicate_mode: 'import_duplicate_mode',
  mapping: 'jsonb',
  dry_run: 'jsonb',
  result: 'jsonb',
  total_rows: 'int',
  staged_rows: 'int',
  rows_done: 'int',
  rows_per_second: 'int',
  errors_so_far: 'int',
  phase: 'text',
  created_by_id: 'uuid',
  created_at: 'timestamptz',
  validated_at: 'timestamptz',
  queued_at: 'timestamptz',
  started_at: 'timestamptz',
  finished_at: 'timestamptz',
  updated_at: 'timestamptz',
};

type CsvRow = Partial<Record<StakeholderCsvColumn, string>>;

/** Lines of the CRM export that the row rules refuse, as real exports have them: a typo, a stray value. */
const BAD_ROWS: readonly CsvRow[] = [
  { external_ref: 'CRM-P-000901', kind: 'SUPPLIER', name: 'Nordlicht Elektro GmbH', segment: 'Distributor', time_zone: 'Europe/Berlin' },
  { external_ref: 'CRM-P-000904', kind: 'PARTNER', name: 'Costa Verde Climatização Lda', segment: 'Installer', time_zone: 'Europe/Lisbonn' },
  { external_ref: 'CRM-P-000907', kind: 'PARTNER', name: 'Fjord Varme AS', segment: 'Installer', time_zone: 'Europe/Oslo', contact_name: 'Ingrid Berg', contact_email: 'ingrid.berg@@fjordvarme.example' },
  { external_ref: 'CRM-P-000910', kind: 'PARTNER', name: 'Alpine Heat Supply AG', segment: 'Distributor', time_zone: 'Europe/Zurich', baseline_monthly_revenue_minor: '12500.50', baseline_currency: 'CHF' },
];

export interface DemoImport {
  imports: Row[];
  rejected: Row[];
  audit: Row[];
}

/**
 * The partner file that came over from the main CRM when Regain was set up, as the import
 * pipeline leaves it: SUCCEEDED, with its dry run, result counts, audit trail and rejected
 * rows. The file is rebuilt from the partners and their contacts (one line per contact) plus a
 * few broken lines; each broken line is judged by the import's own row rules, whose column and
 * reason are what the rejected-rows file shows.
 */
export function buildPartnerImport(partners: readonly DemoStakeholder[], contacts: readonly Row[], emailOf: Map<string, string>, admin: { id: string; email: string }, importedAt: Date): DemoImport {
  const good: CsvRow[] = [];
  for (const p of partners) {
    for (const c of contacts.filter((x) => x.stakeholder_id === p.id)) {
      good.push({
        external_ref: p.row.external_ref as string,
        kind: p.kind,
        name: p.row.name as string,
        segment: p.segment,
        tier: p.tier,
        region: p.row.region as string,
        time_zone: p.row.time_zone as string,
        owner_email: emailOf.get(p.ownerId),
        baseline_monthly_revenue_minor: p.row.baseline_monthly_revenue_minor as string,
        baseline_currency: p.row.baseline_currency as string,
        contract_reference: p.row.contract_reference as string,
        contract_start_date: p.row.contract_start_date as string,
        contract_end_date: p.row.contract_end_date as string,
        contact_name: c.name as string,
        contact_title: (c.title as string | null) ?? undefined,
        contact_email: c.email as string,
        contact_phone: c.phone as string,
        contact_preferred_channel: c.preferred_channel as string,
        contact_is_executive: String(c.is_executive),
      });
    }
  }
  // Broken lines scattered through the file, as they come.
  const lines: { values: CsvRow; bad: boolean }[] = good.map((values) => ({ values, bad: false }));
  BAD_ROWS.forEach((values, i) => lines.splice(5 + i * 9, 0, { values, bad: true }));

  const rules = stakeholderRowRules({ actor: { email: admin.email, role: UserRole.ADMIN }, opensCases: false });
  const id = randomUUID();
  const rejected: Row[] = [];
  lines.forEach((line, i) => {
    const raw = STAKEHOLDER_CSV_HEADERS.map((h) => line.values[h] ?? null);
    const verdict = rules(raw);
    if (verdict.ok === line.bad) throw new Error(`demo import line ${i + 2} was ${verdict.ok ? 'accepted' : 'rejected'} by the row rules`);
    if (!verdict.ok) rejected.push({ import_id: id, line: i + 2, column_name: verdict.column, reason: verdict.reason, raw_values: raw.map((v) => v ?? '') });
  });

  const csv = [STAKEHOLDER_CSV_HEADERS, ...lines.map((l) => STAKEHOLDER_CSV_HEADERS.map((h) => l.values[h] ?? ''))].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
  const counts = {
    stakeholdersCreated: partners.length,
    stakeholdersUpdated: 0,
    stakeholdersUnchanged: good.length - partners.length,
    contactsCreated: good.length,
    contactsUpdated: 0,
    contactsUnchanged: 0,
    casesOpened: 0,
    casesAlreadyOpen: 0,
  };
  const rowsTotal = lines.length;
  const firstErrors = rejected.map((r) => ({ line: r.line, column: r.column_name, reason: r.reason }));
  const at = (minutes: number) => new Date(importedAt.getTime() - HOUR_MS + minutes * 60_000);
  const result = { rowsTotal, rowsRejected: rejected.length, counts };
  const row: Row = {
    id,
    kind: 'STAKEHOLDERS',
    status: 'SUCCEEDED',
    file_name: 'crm-export-partners.csv',
    file_sha256: createHash('sha256').update(csv).digest('hex'),
    file_size_bytes: String(Buffer.byteLength(csv)),
    delimiter: ',',
    headers: STAKEHOLDER_CSV_HEADERS,
    duplicate_mode: 'SKIP',
    mapping: guessMapping(STAKEHOLDER_CSV_HEADERS, STAKEHOLDER_CSV_COLUMNS),
    dry_run: { unknownHeaders: [], missingRequired: [], problems: [], rowsTotal, rowsRejected: rejected.length, counts, firstErrors },
    result,
    total_rows: rowsTotal,
    staged_rows: rowsTotal,
    rows_done: rowsTotal,
    rows_per_second: rowsTotal,
    errors_so_far: rejected.length,
    phase: 'DONE',
    created_by_id: admin.id,
    created_at: at(0),
    validated_at: at(1),
    queued_at: at(4),
    started_at: at(4),
    finished_at: at(5),
    updated_at: at(5),
  };
  const audit = (minutes: number, action: string, before: Record<string, unknown> | null, after: Record<string, unknown>): Row => ({
    occurred_at: at(minutes),
    actor_id: admin.id,
    entity_type: AuditedRecord.IMPORT,
    entity_id: id,
    action,
    before,
    after,
  });
  return {
    imports: [row],
    rejected,
    audit: [
      audit(0, 'IMPORT_UPLOADED', null, { kind: 'STAKEHOLDERS', fileName: row.file_name, sha256: row.file_sha256, sizeBytes: Number(row.file_size_bytes), crisisId: null }),
      audit(4, 'IMPORT_QUEUED', { status: 'VALIDATED' }, { status: 'QUEUED' }),
      audit(5, 'IMPORT_SUCCEEDED', { status: 'RUNNING' }, { status: 'SUCCEEDED', rowsTotal, rowsRejected: rejected.length, ...counts }),
    ],
  };
}

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
