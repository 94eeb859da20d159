import { Module } from '@nestjs/common';
import { PasswordHasher } from '../auth/password-hasher';
import { AuthUserCache } from './auth-user-cache';
import { UsersResolver } from './users.resolver';
import { UsersService } from './users.service';

@Module({ providers: [UsersService, UsersResolver, PasswordHasher, AuthUserCache], exports: [UsersService, PasswordHasher, AuthUserCache] })
export class UsersModule {}
