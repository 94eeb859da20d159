import { Module } from '@nestjs/common';
import { ContactsResolver } from './contacts.resolver';
import { ContactsService } from './contacts.service';
import { StakeholdersResolver } from './stakeholders.resolver';
import { StakeholdersService } from './stakeholders.service';

@Module({
  providers: [StakeholdersService, StakeholdersResolver, ContactsService, ContactsResolver],
  exports: [StakeholdersService],
})
export class StakeholdersModule {}
