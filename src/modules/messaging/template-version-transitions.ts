import { AppException } from '../../common/errors/app.exception';
import { TemplateVersionStatus } from './message-template.enums';

const { DRAFT, IN_REVIEW, APPROVED, RETIRED } = TemplateVersionStatus;

/**
 * Where a template version may go next. There is no way back to DRAFT: a submitted version
 * is immutable, so a rejected one is retired and the author drafts a new version.
 */
export const TEMPLATE_VERSION_TRANSITIONS: Readonly<Record<TemplateVersionStatus, readonly TemplateVersionStatus[]>> = {
  [DRAFT]: [IN_REVIEW, RETIRED],
  [IN_REVIEW]: [APPROVED, RETIRED],
  [APPROVED]: [RETIRED],
  [RETIRED]: [],
};

export function canTransitionVersion(from: TemplateVersionStatus, to: TemplateVersionStatus): boolean {
  return TEMPLATE_VERSION_TRANSITIONS[from].includes(to);
}

/** Refuses a move the table does not allow: a conflict with the version's current state. */
export function assertVersionTransition(from: TemplateVersionStatus, to: TemplateVersionStatus): void {
  if (canTransitionVersion(from, to)) return;
  const allowed = TEMPLATE_VERSION_TRANSITIONS[from];
  const reason = from === to ? `The version is already ${to}` : `A template version cannot move from ${from} to ${to}`;
  const next = allowed.length ? `from ${from} it can move to ${allowed.join(', ')}` : `${from} is final; draft a new version`;
  throw AppException.conflict(`${reason}; ${next}`, { status: from, requestedStatus: to, allowedNextStatuses: [...allowed] });
}
