import { Field, ID, ObjectType } from '@nestjs/graphql';
import { UserRole } from './user-role.enum';
import { UserEntity } from './user.entity';

@ObjectType('User')
export class UserModel {
  @Field(() => ID)
  id: string;

  @Field()
  email: string;

  @Field()
  name: string;

  @Field(() => UserRole)
  role: UserRole;

  @Field({ description: 'Deactivated users cannot sign in; their records keep their history.' })
  isActive: boolean;

  @Field()
  createdAt: Date;

  static from(entity: UserEntity): UserModel {
    return Object.assign(new UserModel(), {
      id: entity.id,
      email: entity.email,
      name: entity.name,
      role: entity.role,
      isActive: entity.isActive,
      createdAt: entity.createdAt,
    });
  }
}
