import { z } from 'zod';
import { PUBLICATION_KINDS } from '../../db/schema/values.js';
import { publicationOptions } from './snapshot.js';

// Response schemas of publication (the in-app side; the public site renders HTML itself).

const kind = z.enum(PUBLICATION_KINDS);

export const publicationView = z
  .object({
    id: z.uuid(),
    kind,
    objectId: z.uuid(),
    orgUnitId: z.uuid(),
    unitName: z.string(),
    version: z.number().int(),
    title: z.string(),
    options: publicationOptions,
    publishedAt: z.string(),
    publishedByName: z.string().nullable(),
    supersededAt: z.string().nullable(),
    withdrawnAt: z.string().nullable(),
    withdrawnByName: z.string().nullable(),
    withdrawnReason: z.string().nullable(),
    hasDocx: z.boolean(),
    hasPdf: z.boolean(),
    /** the version the public link shows now (neither superseded nor withdrawn) */
    current: z.boolean(),
    /** the actor may withdraw it (only the current one) */
    canWithdraw: z.boolean(),
    /** the page of the public site: `/public/p/<objectId>` or `/public/p/<objectId>/v/<n>` */
    publicPath: z.string(),
  })
  .meta({ id: 'Publication' });
export type PublicationView = z.infer<typeof publicationView>;

/** never published, published and unchanged, changed since, or withdrawn (and not published since) */
export const PUBLICATION_STATES = ['never', 'current', 'changed', 'withdrawn'] as const;
export type PublicationState = (typeof PUBLICATION_STATES)[number];

export const publishableView = z
  .object({
    kind,
    objectId: z.uuid(),
    title: z.string(),
    orgUnitId: z.uuid(),
    unitName: z.string(),
    /** the object's record version, for the publish request */
    objectVersion: z.number().int(),
    state: z.enum(PUBLICATION_STATES),
    currentVersion: z.number().int().nullable(),
    /** «/roadmaps/<id>», «/programs/<id>», … — the object's page in the application */
    appPath: z.string(),
  })
  .meta({ id: 'Publishable' });
export type PublishableView = z.infer<typeof publishableView>;

/** An object's publications and what the actor may do: the control on the object's own page. */
export const objectPublicationsView = z
  .object({
    /** the object is in the state that may be published (approved, issued) */
    eligible: z.boolean(),
    canPublish: z.boolean(),
    state: z.enum(PUBLICATION_STATES),
    objectVersion: z.number().int().nullable(),
    versions: z.array(publicationView),
  })
  .meta({ id: 'ObjectPublications' });
export type ObjectPublicationsView = z.infer<typeof objectPublicationsView>;
