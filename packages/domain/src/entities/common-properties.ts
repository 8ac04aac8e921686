// Properties every entity shares: a UUID key made by the application (so ids exist before the insert),
// the owning company on tenant rows, and UTC timestamps.
import { p } from '@mikro-orm/core';
import { newId } from '../db/new-id.ts';

export const uuidKey = () =>
  p
    .uuid()
    .primary()
    .onCreate(() => newId());
export const createdAt = () => p.datetime().onCreate(() => new Date());
export const updatedAt = () =>
  p
    .datetime()
    .onCreate(() => new Date())
    .onUpdate(() => new Date());
