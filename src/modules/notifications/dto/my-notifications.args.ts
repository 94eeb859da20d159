import { ArgsType, Field } from '@nestjs/graphql';
import { IsBoolean } from 'class-validator';
import { PageArgs } from '../../../common/pagination/page.args';

@ArgsType()
export class MyNotificationsArgs extends PageArgs {
  @Field(() => Boolean, { defaultValue: false, description: 'Only the ones not yet read.' })
  @IsBoolean()
  unreadOnly: boolean = false;
}
