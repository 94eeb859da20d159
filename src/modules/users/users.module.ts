import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, UsersResolver, PasswordHasher], exports: [UsersService, PasswordHasher] })
export class UsersModule {}
