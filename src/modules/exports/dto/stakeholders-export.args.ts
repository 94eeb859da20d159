import { ArgsType, OmitType } from '@nestjs/graphql';
import { StakeholdersArgs } from '../../stakeholders/dto/stakeholders.args';

/** The filters of the `stakeholders` list (validation included), without its paging: an export has every row. */
@ArgsType()
export class StakeholdersExportArgs extends OmitType(StakeholdersArgs, ['first', 'after'] as const, ArgsType) {}
