// The dispatcher's day: open tickets and call-ins, planning jobs, and the plan as it is edited and published.
import { z } from 'zod';
import { SLA_TIERS, type CustomerTier, type OpenTicket } from '../domain';
import type { EvaluatedPlan, InsertionChoices, PlanJobStatus, PublishResult } from '../dispatch';
import { channel } from './channel';
import { searchText, storedText } from '../textRules';
import { adcode, id, jobId, provinceFilter } from './common';

/** Open tickets a `tickets.open` page holds at most: a map layer's worth, and more than a plannable region has. */
export const MAX_OPEN_TICKETS_PAGE = 2_000;

/** A page of open tickets, most urgent (earliest SLA deadline) first, and how many there are in all. */
export interface OpenTicketPage {
  tickets: OpenTicket[];
  total: number;
  offset: number;
}

export interface CustomerMatch {
  id: number;
  externalId: string;
  name: string;
  tier: CustomerTier;
  address: string;
}

const dayInRegion = { regionAdcode: adcode, cityId: id.optional(), date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD').optional() };
const assignmentSchema = z
  .object({
    routes: z.array(z.object({ engineerId: id, ticketIds: z.array(id).max(100) }).strict()).max(2_000),
    partners: z.array(z.object({ shopId: id, ticketIds: z.array(id).max(5_000) }).strict()).max(2_000),
    locked: z.array(id).max(20_000),
  })
  .strict();

export const dispatchChannels = {
  'tickets.open': channel(
    provinceFilter
      .extend({ limit: z.number().int().min(1).max(MAX_OPEN_TICKETS_PAGE).default(MAX_OPEN_TICKETS_PAGE), offset: z.number().int().min(0).default(0) })
      .strict(),
  ).returns<OpenTicketPage>(),
  'customers.search': channel(z.object({ provinceAdcode: adcode, text: searchText(z.string().trim().min(1).max(50)) }).strict()).returns<CustomerMatch[]>(),
  'tickets.create': channel(
    z
      .object({
        customerId: id,
        productLine: storedText(z.string().trim().min(1).max(100)),
        fault: storedText(z.string().trim().min(1).max(1000), { multiline: true }),
        slaTier: z.enum(SLA_TIERS),
        estimatedMinutes: z.number().int().min(1).max(1440),
        requiredSkills: z.array(z.string().min(1).max(40)).max(10),
      })
      .strict(),
  ).returns<OpenTicket>(),
  'plan.start': channel(
    z
      .object({
        ...dayInRegion,
        timeLimitSeconds: z.number().positive().max(600).optional(),
        /** An iteration budget makes the plan repeatable (same seed, same plan); the time limit then only caps it. */
        maxIterations: z.number().int().positive().max(10_000_000).optional(),
        seed: z.number().int().min(0).optional(),
        /** Re-optimise from this plan, keeping its locked tickets where they are. */
        initial: assignmentSchema.optional(),
      })
      .strict(),
  ).returns<PlanJobStatus>(),
  'plan.status': channel(jobId).returns<PlanJobStatus>(),
  'plan.cancel': channel(jobId).returns<PlanJobStatus>(),
  'dispatch.evaluate': channel(z.object({ ...dayInRegion, assignment: assignmentSchema }).strict()).returns<EvaluatedPlan>(),
  'dispatch.insertions': channel(z.object({ ...dayInRegion, assignment: assignmentSchema, ticketId: id }).strict()).returns<InsertionChoices>(),
  'dispatch.publish': channel(z.object({ ...dayInRegion, assignment: assignmentSchema }).strict()).returns<PublishResult>(),
};
