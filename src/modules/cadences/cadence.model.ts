import { Field, ID, ObjectType } from '@nestjs/graphql';
import { CadenceStepEntity } from './cadence-step.entity';
import { CadenceStepModel } from './cadence-step.model';
import { CadenceEntity } from './cadence.entity';

@ObjectType('Cadence', { description: 'An ordered list of outreach steps, each an offset from enrolment.' })
export class CadenceModel {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field()
  description: string;

  @Field({ description: 'Inactive cadences keep their enrolments but take no new ones.' })
  isActive: boolean;

  @Field(() => [CadenceStepModel])
  steps: CadenceStepModel[];

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  static from(entity: CadenceEntity, steps: CadenceStepEntity[]): CadenceModel {
    return Object.assign(new CadenceModel(), {
      id: entity.id,
      name: entity.name,
      description: entity.description,
      isActive: entity.isActive,
      steps: [...steps].sort((a, b) => a.position - b.position).map(CadenceStepModel.from),
      createdAt: entity.createdAt,
      updatedAt: entity.updatedAt,
    });
  }
}
