import { ImportStatus } from './import.enums';
import { canMoveImport, IMPORT_STATUS_TRANSITIONS, isFinished } from './import-status-transitions';

describe('import lifecycle', () => {
  it('goes forward only: uploaded, validating (the worker runs the dry run), validated, queued, running, then one end', () => {
    expect(canMoveImport(ImportStatus.UPLOADED, ImportStatus.VALIDATING)).toBe(true);
    expect(canMoveImport(ImportStatus.VALIDATING, ImportStatus.VALIDATED)).toBe(true);
    expect(canMoveImport(ImportStatus.UPLOADED, ImportStatus.VALIDATED)).toBe(false);
    expect(canMoveImport(ImportStatus.VALIDATING, ImportStatus.QUEUED)).toBe(false);
    expect(canMoveImport(ImportStatus.VALIDATED, ImportStatus.QUEUED)).toBe(true);
    expect(canMoveImport(ImportStatus.QUEUED, ImportStatus.RUNNING)).toBe(true);
    expect(canMoveImport(ImportStatus.RUNNING, ImportStatus.SUCCEEDED)).toBe(true);
    expect(canMoveImport(ImportStatus.RUNNING, ImportStatus.QUEUED)).toBe(false);
    expect(canMoveImport(ImportStatus.VALIDATED, ImportStatus.RUNNING)).toBe(false);
    expect(canMoveImport(ImportStatus.UPLOADED, ImportStatus.QUEUED)).toBe(false);
  });

  it('goes back from validated to uploaded only, when a new mapping needs another dry run', () => {
    const backwards = Object.entries(IMPORT_STATUS_TRANSITIONS).flatMap(([from, tos]) =>
      tos.filter((to) => Object.values(ImportStatus).indexOf(to) < Object.values(ImportStatus).indexOf(from as ImportStatus)).map((to) => `${from}>${to}`),
    );
    expect(backwards).toEqual(['VALIDATED>UPLOADED']);
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
