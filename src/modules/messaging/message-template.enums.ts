import { registerEnumType } from '@nestjs/graphql';

export enum MessageKind {
  STATEMENT = 'STATEMENT',
  TALKING_POINT = 'TALKING_POINT',
  REPLY = 'REPLY',
}

export enum TemplateVersionStatus {
  DRAFT = 'DRAFT',
  IN_REVIEW = 'IN_REVIEW',
  APPROVED = 'APPROVED',
  RETIRED = 'RETIRED',
}

registerEnumType(MessageKind, { name: 'MessageKind' });
registerEnumType(TemplateVersionStatus, {
  name: 'TemplateVersionStatus',
  description: 'DRAFT → IN_REVIEW → APPROVED → RETIRED. Only a DRAFT can be edited; at most one APPROVED version per template.',
});
