import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Clock } from '../../common/clock/clock';
import { AuthUser } from '../../common/auth/auth-user';
import { AppException } from '../../common/errors/app.exception';
import { isPgError, PgErrorCode } from '../../common/errors/pg-error';
import { AuditService } from '../audit/audit.service';
import { AuditedRecord } from '../audit/audited-record.enum';
import { MessageTemplateEntity } from '../messaging/message-template.entity';
import { parseOffset } from '../outreach/cadence-clock';
import { CadenceMatrixEntryEntity } from './cadence-matrix-entry.entity';
import { CadenceMatrixEntryModel } from './cadence-matrix-entry.model';
import { CadenceStepEntity } from './cadence-step.entity';
import { CadenceEntity } from './cadence.entity';
import { CadenceModel } from './cadence.model';
import { CadenceStepInput } from './dto/cadence-step.input';
import { CreateCadenceInput } from './dto/create-cadence.input';
import { SetCadenceMatrixEntryArgs } from './dto/set-cadence-matrix-entry.args';
import { UpdateCadenceInput } from './dto/update-cadence.input';
import { withTransactionRetry } from '../../common/database/transaction-retry';

const NAME_KEY = 'cadences_name_key';

function stepsForAudit(steps: readonly CadenceStepInput[]): Record<string, unknown>[] {
  return steps.map((s, i) => ({ position: i + 1, offset: s.offset, channel: s.channel, action: s.action, templateId: s.templateId ?? null }));
}

/** Cadence definitions and the severity × impact matrix: admin configuration, read by everyone. */
@Injectable()
export class CadencesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(includeInactive: boolean): Promise<CadenceModel[]> {
    const cadences = await this.dataSource
      .getRepository(CadenceEntity)
      .find({ where: includeInactive ? {} : { isActive: true }, order: { name: 'ASC', id: 'ASC' } });
    return this.withSteps(this.dataSource.manager, cadences);
  }

  async findById(id: string): Promise<CadenceModel> {
    const cadence = await this.dataSource.getRepository(CadenceEntity).findOneBy({ id });
    if (!cadence) throw AppException.notFound('Cadence', id);
    return (await this.withSteps(this.dataSource.manager, [cadence]))[0];
  }

  async matrix(): Promise<CadenceMatrixEntryModel[]> {
    const entries = await this.dataSource.getRepository(CadenceMatrixEntryEntity).find({ order: { severity: 'ASC', impact: 'ASC' } });
    const cadences = await this.dataSource.getRepository(CadenceEntity).findBy({ id: In(entries.map((e) => e.cadenceId)) });
    const models = new Map((await this.withSteps(this.dataSource.manager, cadences)).map((c) => [c.id, c]));
    return entries.map((e) =>
      Object.assign(new CadenceMatrixEntryModel(), { severity: e.severity, impact: e.impact, cadence: models.get(e.cadenceId)!, updatedAt: e.updatedAt }),
    );
  }

  async create(actor: AuthUser, input: CreateCadenceInput): Promise<CadenceModel> {
    const name = this.cleanName(input.name);
    this.assertSteps(input.steps);
    return this.translateName(name, () =>
      withTransactionRetry(this.dataSource, async (manager) => {
        await this.assertTemplates(manager, input.steps);
        const cadence = await manager.save(
          manager.create(CadenceEntity, { name, description: input.description ?? '', isActive: true, createdById: actor.id }),
        );
        await this.replaceSteps(manager, cadence.id, input.steps);
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.CADENCE,
          recordId: cadence.id,
          action: 'CADENCE_CREATED',
          before: null,
          after: { name, description: cadence.description, steps: stepsForAudit(input.steps) },
        });
        return (await this.withSteps(manager, [cadence]))[0];
      }),
    );
  }

  async update(actor: AuthUser, id: string, input: UpdateCadenceInput): Promise<CadenceModel> {
    if (input.name === undefined && input.description === undefined && input.steps === undefined) {
      throw AppException.badInput('Give at least one of name, description or steps to change');
    }
    const name = input.name === undefined ? undefined : this.cleanName(input.name);
    if (input.steps) this.assertSteps(input.steps);
    return this.translateName(name ?? '', () =>
      withTransactionRetry(this.dataSource, async (manager) => {
        const cadence = await this.lock(manager, id);
        const [before] = await this.withSteps(manager, [cadence]);
        if (name !== undefined) cadence.name = name;
        if (input.description !== undefined) cadence.description = input.description;
        const saved = await manager.save(cadence);
        if (input.steps) {
          await this.assertTemplates(manager, input.steps);
          await this.replaceSteps(manager, id, input.steps);
        }
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.CADENCE,
          recordId: id,
          action: 'CADENCE_UPDATED',
          before: { name: before.name, description: before.description, steps: before.steps },
          after: { name: saved.name, description: saved.description, ...(input.steps ? { steps: stepsForAudit(input.steps) } : {}) },
        });
        return (await this.withSteps(manager, [saved]))[0];
      }),
    );
  }

  /** Live enrolments run on; the cadence leaves the matrix so no new case gets it. */
  async deactivate(actor: AuthUser, id: string): Promise<CadenceModel> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      const cadence = await this.lock(manager, id);
      if (!cadence.isActive) return (await this.withSteps(manager, [cadence]))[0];
      cadence.isActive = false;
      const saved = await manager.save(cadence);
      const removed: CadenceMatrixEntryEntity[] = await manager.find(CadenceMatrixEntryEntity, { where: { cadenceId: id } });
      await manager.delete(CadenceMatrixEntryEntity, { cadenceId: id });
      await this.audit.record(manager, {
        actorId: actor.id,
        record: AuditedRecord.CADENCE,
        recordId: id,
        action: 'CADENCE_DEACTIVATED',
        before: { isActive: true },
        after: { isActive: false, removedFromMatrix: removed.map((e) => ({ severity: e.severity, impact: e.impact })) },
      });
      return (await this.withSteps(manager, [saved]))[0];
    });
  }

  async setMatrixEntry(actor: AuthUser, { severity, impact, cadenceId }: SetCadenceMatrixEntryArgs): Promise<CadenceMatrixEntryModel | null> {
    return withTransactionRetry(this.dataSource, async (manager) => {
      // Serialises concurrent edits of the same cell (the row may not exist yet).
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('cadence_matrix:' || $1 || ':' || $2))`, [severity, impact]);
      const existing = await manager.findOneBy(CadenceMatrixEntryEntity, { severity, impact });
      let cadence: CadenceEntity | null = null;
      if (cadenceId) {
        cadence = await manager.findOne(CadenceEntity, { where: { id: cadenceId }, lock: { mode: 'pessimistic_read' } });
        if (!cadence) throw AppException.notFound('Cadence', cadenceId);
        if (!cadence.isActive) throw AppException.conflict(`Cadence "${cadence.name}" is deactivated; pick an active cadence`);
      }
      const previous = existing?.cadenceId ?? null;
      if (previous !== (cadenceId ?? null)) {
        if (cadenceId) {
          await manager.save(manager.create(CadenceMatrixEntryEntity, { severity, impact, cadenceId, updatedById: actor.id, updatedAt: this.clock.now() }));
        } else {
          await manager.delete(CadenceMatrixEntryEntity, { severity, impact });
        }
        await this.audit.record(manager, {
          actorId: actor.id,
          record: AuditedRecord.CADENCE,
          recordId: (cadenceId ?? previous)!,
          action: 'CADENCE_MATRIX_SET',
          before: { severity, impact, cadenceId: previous },
          after: { severity, impact, cadenceId: cadenceId ?? null },
        });
      }
      if (!cadence) return null;
      const entry = await manager.findOneByOrFail(CadenceMatrixEntryEntity, { severity, impact });
      const [model] = await this.withSteps(manager, [cadence]);
      return Object.assign(new CadenceMatrixEntryModel(), { severity, impact, cadence: model, updatedAt: entry.updatedAt });
    });
  }

  /** Steps for many cadences in one query. */
  async withSteps(manager: EntityManager, cadences: CadenceEntity[]): Promise<CadenceModel[]> {
    if (cadences.length === 0) return [];
    const steps = await manager.find(CadenceStepEntity, { where: { cadenceId: In(cadences.map((c) => c.id)) }, order: { position: 'ASC' } });
    return cadences.map((c) => CadenceModel.from(c, steps.filter((s) => s.cadenceId === c.id)));
  }

  private async lock(manager: EntityManager, id: string): Promise<CadenceEntity> {
    const cadence = await manager.findOne(CadenceEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!cadence) throw AppException.notFound('Cadence', id);
    return cadence;
  }

  private async replaceSteps(manager: EntityManager, cadenceId: string, steps: readonly CadenceStepInput[]): Promise<void> {
    await manager.delete(CadenceStepEntity, { cadenceId });
    await manager.insert(
      CadenceStepEntity,
      steps.map((s, i) => ({ cadenceId, position: i + 1, offset: s.offset, channel: s.channel, action: s.action, templateId: s.templateId ?? null })),
    );
  }

  private cleanName(name: string): string {
    const trimmed = name.trim();
    if (!trimmed) throw AppException.badInput('name must not be blank', { fields: ['name'] });
    return trimmed;
  }

  private assertSteps(steps: readonly CadenceStepInput[]): void {
    steps.forEach((step, i) => {
      try {
        parseOffset(step.offset);
      } catch (error) {
        throw AppException.badInput(`Step ${i + 1}: ${(error as Error).message}`, { fields: [`steps.${i}.offset`] });
      }
    });
  }

  private async assertTemplates(manager: EntityManager, steps: readonly CadenceStepInput[]): Promise<void> {
    const ids = [...new Set(steps.map((s) => s.templateId).filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    const found = await manager.findBy(MessageTemplateEntity, { id: In(ids) });
    const missing = ids.find((id) => !found.some((t) => t.id === id));
    if (missing) throw AppException.notFound('Message template', missing);
  }

  private async translateName<T>(name: string, work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isPgError(error, PgErrorCode.UniqueViolation, NAME_KEY)) {
        throw AppException.conflict(`A cadence named "${name}" already exists; pick another name or update that cadence`);
      }
      throw error;
    }
  }
}
