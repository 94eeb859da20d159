import { ArgsType, Field } from '@nestjs/graphql';
import { IsString, MaxLength, MinLength } from 'class-validator';

@ArgsType()
export class RefreshTokenArgs {
  @Field()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  refreshToken: string;
}
