import { EntityManager } from 'typeorm';
import { StakeholderFilters, stakeholderListQuery } from '../stakeholders/stakeholder-list.query';
import { CsvExport } from './csv-export';
import {
  recordByHeaders,
  selectList,
  STAKEHOLDER_CONTACT_HEADERS,
  STAKEHOLDER_CONTACT_JOINS,
  STAKEHOLDER_CONTACT_SELECT,
} from './stakeholder-csv-select';

/**
 * Stakeholders with their contacts, in the columns the import reads (no case columns: those
 * belong to a crisis; the cases export has them). The stakeholders are those of the
 * `stakeholders` list for the same filters, through the list's own query builder; by name,
 * then id, and each one's contacts by name.
 */
export function stakeholdersExport(manager: EntityManager, filters: StakeholderFilters): CsvExport<Record<string, unknown>> {
  const [picked, params] = stakeholderListQuery(manager, filters).select('s.id', 'id').getQueryAndParameters();
  const sql = `
    WITH picked AS (${picked})
    SELECT ${selectList(STAKEHOLDER_CONTACT_HEADERS, STAKEHOLDER_CONTACT_SELECT)}
      FROM picked
      JOIN stakeholders s ON s.id = picked.id
      ${STAKEHOLDER_CONTACT_JOINS}
     ORDER BY s.name, s.id, ct.name, ct.id`;
  return { name: 'stakeholders', headers: STAKEHOLDER_CONTACT_HEADERS, sql, params, toRecord: recordByHeaders(STAKEHOLDER_CONTACT_HEADERS) };
}
