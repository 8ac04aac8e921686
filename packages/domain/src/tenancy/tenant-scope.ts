// Every tenant query goes through a TenantScope, which adds the caller's company to the filter,
// so that an id from another company is simply not found.

import type { EntityClass, FilterQuery, FindOptions, RequiredEntityData } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock/clock.ts';
import type { UserRole } from '../entities/user.ts';
import { notFound } from '../errors/domain-errors.ts';

export interface Actor {
  userId: string;
  role: UserRole;
}

type TenantRow = { company: unknown };

export class TenantScope {
  readonly em: EntityManager;
  readonly companyId: string;
  readonly actor: Actor | null;
  readonly clock: Clock;

  constructor(em: EntityManager, companyId: string, clock: Clock, actor: Actor | null = null) {
    this.em = em;
    this.companyId = companyId;
    this.clock = clock;
    this.actor = actor;
  }

  private where<T extends TenantRow>(where: FilterQuery<T>): FilterQuery<T> {
    return { ...(where as object), company: this.companyId } as FilterQuery<T>;
  }

  find<T extends TenantRow>(entity: EntityClass<T>, where: FilterQuery<T> = {} as FilterQuery<T>, options?: FindOptions<T>) {
    return this.em.find(entity, this.where(where) as never, options as FindOptions<T, never>);
  }

  count<T extends TenantRow>(entity: EntityClass<T>, where: FilterQuery<T> = {} as FilterQuery<T>) {
    return this.em.count(entity, this.where(where) as never);
  }

  async get<T extends TenantRow>(entity: EntityClass<T>, id: string, what: string): Promise<T> {
    const row = await this.em.findOne(entity, this.where({ id } as FilterQuery<T>));
    if (!row) throw notFound(what);
    return row as T;
  }

  create<T extends TenantRow>(entity: EntityClass<T>, data: Omit<RequiredEntityData<T>, 'company'>): T {
    return this.em.create(entity, { ...data, company: this.companyId } as unknown as RequiredEntityData<T>);
  }
}
