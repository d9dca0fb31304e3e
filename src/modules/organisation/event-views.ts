import { z } from 'zod';
import {
  EVENT_KINDS,
  EVENT_STATUSES,
  PARTICIPANT_CATEGORIES,
  PARTICIPANT_SOURCES,
  SCHOOL_GROUPS,
} from '../../db/schema/values.js';
import { historyLineView } from './history.js';

// Response schemas of events: the routes declare them, the pages are typed from them.

export const EVENT_LEVELS = ['region', 'municipality', 'school'] as const;

export const eventSummaryView = z
  .object({
    id: z.uuid(),
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    status: z.enum(EVENT_STATUSES),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    place: z.string().nullable(),
    /** the level of the organiser's governing unit (an institution works at its parent's level) */
    level: z.enum(EVENT_LEVELS),
    organiser: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }),
    audienceGroup: z.enum(SCHOOL_GROUPS).nullable(),
    audienceNote: z.string().nullable(),
    coverageTarget: z.number().int().nullable(),
    invited: z.number().int(),
    /** the caller's own place in it: his units invited, registered (someone of them on the list), attended */
    mine: z.enum(['invited', 'registered', 'attended']).nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'OrgEventSummary' });

export const invitedUnitView = z.object({
  unitId: z.uuid(),
  name: z.string(),
  kind: z.string(),
  municipality: z.string().nullable(),
  tookPart: z.boolean(),
  persons: z.number().int(),
});

export const participantView = z
  .object({
    id: z.uuid(),
    orgUnitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    fullName: z.string(),
    position: z.string().nullable(),
    category: z.enum(PARTICIPANT_CATEGORIES),
    source: z.enum(PARTICIPANT_SOURCES),
    attended: z.boolean(),
    /** the caller may remove him (the organiser, or the team of his school for its own registrations) */
    canRemove: z.boolean(),
    version: z.number().int(),
  })
  .meta({ id: 'OrgEventParticipant' });

export const materialView = z.object({
  id: z.uuid(),
  name: z.string(),
  url: z.string().nullable(),
  hasFile: z.boolean(),
});

const share = z.number().nullable();
export const participationView = z
  .object({
    invited: z.number().int(),
    tookPart: z.number().int(),
    /** % of invited units that took part; null with nobody invited */
    share,
    target: z.number().int().nullable(),
    belowTarget: z.boolean(),
    persons: z.number().int(),
    teachers: z.number().int(),
    managers: z.number().int(),
    byMunicipality: z.array(
      z.object({
        municipalityId: z.uuid(),
        name: z.string(),
        invited: z.number().int(),
        tookPart: z.number().int(),
        share,
        persons: z.number().int(),
      }),
    ),
  })
  .meta({ id: 'OrgEventParticipation' });

export const eventDetailView = eventSummaryView
  .extend({
    program: z.string().nullable(),
    canKeep: z.boolean(),
    /** the organiser side sees every participant; others only those of the units they see */
    organiserSide: z.boolean(),
    /** units the caller may register participants of (his invited school; every invited unit for the organiser) */
    registerUnits: z.array(z.object({ id: z.uuid(), name: z.string() })),
    invitations: z.array(invitedUnitView),
    /** invited units the caller does not see (other schools of a region's event): counted, not named */
    otherInvited: z.number().int(),
    participants: z.array(participantView),
    materials: z.array(materialView),
    participation: participationView,
    /** who did what: the organiser's side only */
    history: z.array(historyLineView),
  })
  .meta({ id: 'OrgEventDetail' });

export const importReportView = z
  .object({
    dryRun: z.boolean(),
    fileName: z.string(),
    /** recognised columns: the field and the header it was found under */
    columns: z.array(z.object({ field: z.string(), header: z.string() })),
    rows: z.array(
      z.object({
        row: z.number().int(),
        fullName: z.string(),
        position: z.string(),
        unitId: z.uuid().nullable(),
        unitName: z.string().nullable(),
        error: z.string().nullable(),
      }),
    ),
    total: z.number().int(),
    errors: z.number().int(),
    /** participants of an earlier import of this event that the import replaces (or replaced) */
    replaces: z.number().int(),
    written: z.number().int(),
    message: z.string(),
  })
  .meta({ id: 'OrgEventImportReport' });
