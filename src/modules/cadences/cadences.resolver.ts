import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { AuthUser } from '../../common/auth/auth-user';
import { CurrentUser, Roles } from '../../common/auth/auth.decorators';
import { IdArgs } from '../../common/graphql/id.args';
import { UserRole } from '../users/user-role.enum';
import { CadenceMatrixEntryModel } from './cadence-matrix-entry.model';
import { CadenceModel } from './cadence.model';
import { CadencesService } from './cadences.service';
import { CadencesArgs } from './dto/cadences.args';
import { CreateCadenceInput } from './dto/create-cadence.input';
import { SetCadenceMatrixEntryArgs } from './dto/set-cadence-matrix-entry.args';
import { UpdateCadenceArgs } from './dto/update-cadence.args';

@Resolver(() => CadenceModel)
export class CadencesResolver {
  constructor(private readonly service: CadencesService) {}

  @Query(() => [CadenceModel], { description: 'By name. A short configuration list, so not paginated.' })
  cadences(@Args() { includeInactive }: CadencesArgs): Promise<CadenceModel[]> {
    return this.service.list(includeInactive ?? false);
  }

  @Query(() => CadenceModel)
  cadence(@Args() { id }: IdArgs): Promise<CadenceModel> {
    return this.service.findById(id);
  }

  @Query(() => [CadenceMatrixEntryModel], { description: 'The cells that name a cadence (at most 4 × 4).' })
  cadenceMatrix(): Promise<CadenceMatrixEntryModel[]> {
    return this.service.matrix();
  }

  @Mutation(() => CadenceModel)
  @Roles(UserRole.ADMIN)
  createCadence(@CurrentUser() actor: AuthUser, @Args('input') input: CreateCadenceInput): Promise<CadenceModel> {
    return this.service.create(actor, input);
  }

  @Mutation(() => CadenceModel)
  @Roles(UserRole.ADMIN)
  updateCadence(@CurrentUser() actor: AuthUser, @Args() { id, input }: UpdateCadenceArgs): Promise<CadenceModel> {
    return this.service.update(actor, id, input);
  }

  @Mutation(() => CadenceModel, { description: 'Live enrolments run on; the cadence leaves the matrix and takes no new cases.' })
  @Roles(UserRole.ADMIN)
  deactivateCadence(@CurrentUser() actor: AuthUser, @Args() { id }: IdArgs): Promise<CadenceModel> {
    return this.service.deactivate(actor, id);
  }

  @Mutation(() => CadenceMatrixEntryModel, { nullable: true, description: 'Returns null when the cell was cleared.' })
  @Roles(UserRole.ADMIN)
  setCadenceMatrixEntry(@CurrentUser() actor: AuthUser, @Args() args: SetCadenceMatrixEntryArgs): Promise<CadenceMatrixEntryModel | null> {
    return this.service.setMatrixEntry(actor, args);
  }
}
