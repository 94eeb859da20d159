import { ImportStatus } from './import.enums';
import { canMoveImport, IMPORT_STATUS_TRANSITIONS, isFinished } from './import-status-transitions';

describe('import lifecycle', () => {
  it('goes forward only: uploaded, validated, queued, running, then one end', () => {
    expect(canMoveImport(ImportStatus.UPLOADED, ImportStatus.VALIDATED)).toBe(true);
    expect(canMoveImport(ImportStatus.VALIDATED, ImportStatus.QUEUED)).toBe(true);
    expect(canMoveImport(ImportStatus.QUEUED, ImportStatus.RUNNING)).toBe(true);
    expect(canMoveImport(ImportStatus.RUNNING, ImportStatus.SUCCEEDED)).toBe(true);
    expect(canMoveImport(ImportStatus.RUNNING, ImportStatus.QUEUED)).toBe(false);
    expect(canMoveImport(ImportStatus.VALIDATED, ImportStatus.RUNNING)).toBe(false);
    expect(canMoveImport(ImportStatus.UPLOADED, ImportStatus.QUEUED)).toBe(false);
  });

  it('can be cancelled before it finishes, never after', () => {
    for (const status of Object.values(ImportStatus)) {
      expect(canMoveImport(status, ImportStatus.CANCELLED)).toBe(!isFinished(status));
    }
  });

  it('ends in exactly the three final states', () => {
    const finished = Object.values(ImportStatus).filter(isFinished);
    expect(finished.sort()).toEqual([ImportStatus.CANCELLED, ImportStatus.FAILED, ImportStatus.SUCCEEDED]);
    for (const next of Object.values(IMPORT_STATUS_TRANSITIONS).flat()) expect(Object.values(ImportStatus)).toContain(next);
  });
});
