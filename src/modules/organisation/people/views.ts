import { z } from 'zod';
import { AGREEMENT_KINDS } from '../../../db/schema/values.js';

// Response shapes of the people module: the API declares them, the operations return them.

const int = z.number().int();

export const orderRefView = z
  .object({ id: z.uuid(), number: z.string(), date: z.string(), hasFile: z.boolean() })
  .nullable()
  .meta({ id: 'OrganisationOrderRef' });

export const organisationOrderView = z
  .object({
    id: z.uuid(),
    orgUnitId: z.uuid(),
    number: z.string(),
    date: z.string(),
    title: z.string(),
    fileName: z.string().nullable(),
    version: int,
  })
  .meta({ id: 'OrganisationOrder' });

export const coordinatorView = z
  .object({
    id: z.uuid(),
    municipalityId: z.uuid(),
    municipalityName: z.string(),
    year: int,
    userId: z.uuid(),
    fullName: z.string(),
    login: z.string(),
    email: z.string().nullable(),
    position: z.string().nullable(),
    order: orderRefView,
    version: int,
  })
  .meta({ id: 'CoordinatorAppointment' });

export const curatorSchoolView = z.object({
  assignmentId: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  municipalityId: z.string(),
  municipalityName: z.string(),
  order: orderRefView,
  version: int,
});

export const curatorView = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    fullName: z.string(),
    login: z.string(),
    position: z.string(),
    workUnitId: z.uuid().nullable(),
    workUnitName: z.string().nullable(),
    workplace: z.string().nullable(),
    phone: z.string().nullable(),
    email: z.string().nullable(),
    active: z.boolean(),
    version: int,
    caseload: int,
    overloaded: z.boolean(),
    schools: z.array(curatorSchoolView),
  })
  .meta({ id: 'Curator' });

export const createdCuratorView = z
  .object({
    id: z.uuid(),
    /** shown once to whoever created the account */
    oneTimePassword: z.string().nullable(),
  })
  .meta({ id: 'CreatedCurator' });

export const assignmentResultView = z
  .object({
    assignmentIds: z.array(z.uuid()),
    orderId: z.uuid(),
    caseload: int,
    warnings: z.array(z.string()),
  })
  .meta({ id: 'CuratorAssignmentResult' });

export const agreementView = z
  .object({
    id: z.uuid(),
    pairId: z.uuid(),
    kinds: z.array(z.enum(AGREEMENT_KINDS)),
    number: z.string().nullable(),
    signedOn: z.string(),
    validFrom: z.string().nullable(),
    validTo: z.string().nullable(),
    hasFile: z.boolean(),
    version: int,
  })
  .meta({ id: 'PartnershipAgreement' });

export const mentorPairView = z
  .object({
    id: z.uuid(),
    year: int,
    schoolId: z.uuid(),
    schoolName: z.string(),
    municipalityId: z.string(),
    mentorSchoolId: z.uuid(),
    mentorSchoolName: z.string(),
    order: orderRefView,
    version: int,
    warnings: z.array(z.string()),
    agreements: z.array(agreementView),
  })
  .meta({ id: 'MentorPair' });

export const pairResultView = z
  .object({ id: z.uuid(), orderId: z.uuid(), warnings: z.array(z.string()) })
  .meta({ id: 'MentorPairResult' });

export const organisedSchoolsView = z
  .object({
    listText: z.string(),
    schools: z.array(
      z.object({
        schoolId: z.uuid(),
        schoolName: z.string(),
        municipalityId: z.uuid(),
        municipalityName: z.string(),
        shnor: z.boolean(),
        curators: z.array(z.string()),
        mentors: z.array(z.string()),
        hasAgreement: z.boolean(),
      }),
    ),
  })
  .meta({ id: 'OrganisedSchools' });

const partnerView = z.object({
  pairId: z.uuid(),
  schoolId: z.uuid(),
  schoolName: z.string(),
  order: orderRefView,
  agreements: z.array(agreementView),
});

export const schoolOrganisationView = z
  .object({
    schoolId: z.uuid(),
    schoolName: z.string(),
    year: int,
    curators: z.array(
      z.object({
        assignmentId: z.uuid(),
        curatorId: z.uuid(),
        fullName: z.string(),
        position: z.string(),
        workplace: z.string().nullable(),
        phone: z.string().nullable(),
        email: z.string().nullable(),
        order: orderRefView,
      }),
    ),
    mentors: z.array(partnerView),
    mentees: z.array(partnerView),
  })
  .meta({ id: 'SchoolOrganisation' });
