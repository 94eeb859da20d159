import { stringify } from 'csv-stringify';
import { createWriteStream } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { STAKEHOLDER_CSV_HEADERS, StakeholderCsvColumn } from '../src/modules/imports/stakeholder-csv-columns';

export interface BenchOwners {
  agents: string[];
  partnerManagers: string[];
}

const WORDS = ['Northwind', 'Contoso', 'Fabrikam', 'Tailspin', 'Wingtip', 'Litware', 'Adatum', 'Proseware', 'Harbour', 'Alpine'];
const SUFFIXES = ['Foods', 'Logistics', 'Retail', 'Health', 'Energy', 'Systems', 'Travel', 'Outfitters', 'Bakery', 'Clinic'];
const ZONES = ['Europe/Berlin', 'Europe/London', 'America/Chicago', 'America/New_York', 'Asia/Singapore', 'Asia/Tokyo'];
const REGIONS = ['EMEA', 'EMEA', 'AMER', 'AMER', 'APAC', 'APAC'];
const SEGMENTS = ['SMB', 'Mid-market', 'Enterprise', 'Consumer'];
const IMPACTS = ['LOW', 'MEDIUM', 'MEDIUM', 'HIGH', 'CRITICAL'];
const PRIORITIES = ['NORMAL', 'NORMAL', 'HIGH', 'URGENT', 'LOW'];
const CHANNELS = ['EMAIL', 'PHONE', 'EMAIL', 'CHAT', 'VIDEO'];
const FIRST_NAMES = ['Ana', 'Ben', 'Chloé', 'Dmitri', 'Eve', 'Farid', 'Greta', 'Hiro', 'Inès', 'Jonas'];
const LAST_NAMES = ['Silva', 'Okafor', 'Müller', 'Novak', 'Tanaka', 'García', 'Larsen', 'Dubois', 'Rossi', 'Kowalski'];

/**
 * The rows of a stakeholder-and-case file for one crisis, as a CSV export or a CRM would give
 * them: one row per contact, most stakeholders with one contact and every fifth with two (so
 * the rows of one stakeholder follow each other), nine customers to one partner, case owners
 * round-robin over the agents (customers) and partner managers (partners).
 */
function* benchRows(rows: number, owners: BenchOwners): Generator<string[]> {
  let agent = 0;
  let partnerManager = 0;
  let written = 0;
  for (let n = 1; written < rows; n += 1) {
    const partner = n % 10 === 0;
    const caseOwner = partner
      ? owners.partnerManagers[partnerManager++ % owners.partnerManagers.length]
      : owners.agents[agent++ % owners.agents.length];
    const zone = n % ZONES.length;
    const stakeholder: Partial<Record<StakeholderCsvColumn, string>> = {
      external_ref: `${partner ? 'PRM' : 'CRM'}-${String(n).padStart(8, '0')}`,
      kind: partner ? 'PARTNER' : 'CUSTOMER',
      name: `${WORDS[n % WORDS.length]} ${SUFFIXES[(n * 7) % SUFFIXES.length]} ${n}`,
      segment: partner ? 'Distribution' : SEGMENTS[n % SEGMENTS.length],
      tier: partner ? 'KEY' : 'STANDARD',
      region: REGIONS[zone],
      time_zone: ZONES[zone],
      owner_email: caseOwner,
      do_not_contact: n % 50 === 0 ? 'true' : 'false',
      baseline_monthly_revenue_minor: String(partner ? 4_500_000_00 + n : 125_000 + (n % 1000) * 100),
      baseline_currency: 'EUR',
      contract_reference: partner ? `PA-2024-${n}` : '',
      contract_start_date: partner ? '2024-01-01' : '',
      contract_end_date: partner ? '2027-12-31' : '',
      case_impact: IMPACTS[n % IMPACTS.length],
      case_estimated_loss_minor: String(50_000 + (n % 977) * 1_000),
      case_loss_currency: 'EUR',
      case_priority: PRIORITIES[n % PRIORITIES.length],
      case_owner_email: caseOwner,
      case_description: `Thermostat batch ${n % 97} failed after the 4.2 update; ${partner ? 'stock at the warehouse' : 'a cold room'} lost.`,
    };
    const contacts = n % 5 === 0 ? 2 : 1;
    for (let c = 0; c < contacts && written < rows; c += 1) {
      const first = FIRST_NAMES[(n + c) % FIRST_NAMES.length];
      const last = LAST_NAMES[(n * 3 + c) % LAST_NAMES.length];
      const row: Partial<Record<StakeholderCsvColumn, string>> = {
        ...stakeholder,
        contact_name: `${first} ${last}`,
        contact_title: c === 0 ? 'Head of Operations' : 'Chief Executive Officer',
        contact_email: `${first.toLowerCase()}.${n}.${c}@example.com`.normalize('NFD').replace(/[\u0300-\u036f]/g, ''),
        contact_phone: `+49 30 ${String(1_000_000 + ((n * 31 + c) % 9_000_000))}`,
        contact_preferred_channel: CHANNELS[(n + c) % CHANNELS.length],
        contact_is_executive: c === 1 ? 'true' : 'false',
      };
      written += 1;
      yield STAKEHOLDER_CSV_HEADERS.map((h) => row[h] ?? '');
    }
  }
}

/** Writes the file as a stream (constant memory for any size); returns its size in bytes. */
export async function writeBenchCsv(path: string, rows: number, owners: BenchOwners): Promise<number> {
  const file = createWriteStream(path);
  await pipeline(Readable.from(benchRows(rows, owners)), stringify({ header: true, columns: [...STAKEHOLDER_CSV_HEADERS] }), file);
  return file.bytesWritten;
}
