import { Field, InputType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType()
export class ImportColumnMappingInput {
  @Field({ description: 'A header of the file, exactly as the dry run lists it.' })
  @IsString()
  @MaxLength(1000)
  header: string;

  @Field(() => String, { nullable: true, description: 'The column it feeds, or null to ignore it.' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  column: string | null = null;
}
