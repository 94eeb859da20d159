import { createSecretKey } from 'node:crypto';
import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { AppConfig } from '../../config/app-config';
import { UsersModule } from '../users/users.module';
import { AuthGuard } from './auth.guard';
import { AuthResolver } from './auth.resolver';
import { AuthService } from './auth.service';
import { LoginRateLimiter } from './login-rate-limiter';
import { SessionService } from './session.service';
import { TokenService } from './token.service';

@Module({
  imports: [
    UsersModule,
    // A KeyObject made once: given a string, jsonwebtoken tries it as a PEM public key on every
    // verify (and throws and catches) before it falls back to a secret key.
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({ secret: createSecretKey(Buffer.from(config.jwtSecret, 'utf8')) }),
    }),
  ],
  providers: [AuthService, SessionService, AuthResolver, TokenService, LoginRateLimiter, { provide: APP_GUARD, useClass: AuthGuard }],
})
export class AuthModule {}
