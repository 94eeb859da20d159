import { ArgsType, Field } from '@nestjs/graphql';
import { IsEnum } from 'class-validator';
import { IdArgs } from '../../../common/graphql/id.args';
import { UserRole } from '../user-role.enum';

@ArgsType()
export class ChangeUserRoleArgs extends IdArgs {
  @Field(() => UserRole)
  @IsEnum(UserRole)
  role: UserRole;
}
