import { ArgsType, OmitType } from '@nestjs/graphql';
import { CaseStatus, ImpactLevel } from '../../cases/case.enums';
import { RecoveryCasesArgs } from '../../cases/dto/recovery-cases.args';
import { QueryList } from './query-list';

/** The filters of the `recoveryCases` list (validation included), without its paging. */
@ArgsType()
export class RecoveryCasesExportArgs extends OmitType(RecoveryCasesArgs, ['first', 'after'] as const, ArgsType) {
  @QueryList()
  status?: CaseStatus[] | null;

  @QueryList()
  impact?: ImpactLevel[] | null;
}
