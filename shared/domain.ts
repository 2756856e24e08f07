// Domain vocabulary shared by the core, the command line and the renderer.
// Pure types and constants only: nothing here may import Node or DOM APIs.

export const SLA_TIERS = ['urgent', 'regular', 'complex'] as const;
export type SlaTier = (typeof SLA_TIERS)[number];

export const CUSTOMER_TIERS = ['key', 'mid', 'general'] as const;
export type CustomerTier = (typeof CUSTOMER_TIERS)[number];

/** Lifecycle: new → assigned → scheduled → in_progress → resolved → closed; a closed or resolved ticket may be reopened. */
export const TICKET_STATUSES = ['new', 'assigned', 'scheduled', 'in_progress', 'resolved', 'closed', 'reopened'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];
export const OPEN_TICKET_STATUSES: readonly TicketStatus[] = ['new', 'assigned', 'scheduled', 'in_progress', 'reopened'];

export const REVENUE_KINDS = ['parts', 'paid_repair', 'extended_warranty', 'value_added'] as const;
export type RevenueKind = (typeof REVENUE_KINDS)[number];

export const COST_KINDS = ['parts', 'partner_fee', 'repeat_visit', 'travel', 'other'] as const;
export type CostKind = (typeof COST_KINDS)[number];

export const CERTIFICATION_LEVELS = ['gold', 'silver', 'bronze'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];

export const SHOP_STATUSES = ['certified', 'candidate', 'suspended'] as const;
export type ShopStatus = (typeof SHOP_STATUSES)[number];

/** What an SLA clock measures: time to first response on site, or time to close the ticket. */
export type SlaMeasure = 'respond' | 'close';

export interface SlaRule {
  slaTier: SlaTier;
  customerTier: CustomerTier;
  measure: SlaMeasure;
  hours: number;
}

export type LngLat = [lng: number, lat: number];

export interface Province {
  adcode: string;
  nameZh: string;
  nameEn: string;
  capitalZh: string;
  capital: LngLat;
  centroid: LngLat;
  population: number;
  wageIndex: number;
}

export interface Engineer {
  id: number;
  externalId: string;
  name: string;
  provinceAdcode: string;
  homeCity: string;
  home: LngLat;
  skills: string[];
  /** Minutes after local midnight (Asia/Shanghai). */
  shiftStart: number;
  shiftEnd: number;
  lunchWindowStart: number;
  lunchWindowEnd: number;
  lunchMinutes: number;
  /** Annual cost in CNY. */
  salary: number;
  vehicleCost: number;
  travelAllowance: number;
  maxJobsPerDay: number;
}

export interface PartnerShop {
  id: number;
  externalId: string;
  name: string;
  provinceAdcode: string;
  city: string;
  location: LngLat;
  status: ShopStatus;
  certificationLevel: CertificationLevel;
  skills: string[];
  dailyCapacity: number;
  /** Fee per job in CNY by SLA tier. */
  fees: Record<SlaTier, number>;
  firstTimeFixRate: number;
}

export interface OpenTicket {
  id: number;
  externalId: string;
  provinceAdcode: string;
  customerName: string;
  customerTier: CustomerTier;
  /** The customer's address, for route sheets. */
  address: string;
  location: LngLat;
  productLine: string;
  fault: string;
  slaTier: SlaTier;
  status: TicketStatus;
  /** Local time 'YYYY-MM-DD HH:MM' (Asia/Shanghai). */
  createdAt: string;
  slaDueAt: string;
  requiredSkills: string[];
  estimatedMinutes: number;
  /** The appointment the customer agreed to, local times; null when any time will do. */
  windowStart: string | null;
  windowEnd: string | null;
}

/** Which status a ticket may move to from each status: the lifecycle as data, checked by the store on every change. */
export const TICKET_TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ['assigned', 'scheduled', 'resolved'],
  assigned: ['new', 'scheduled', 'in_progress', 'resolved'],
  scheduled: ['assigned', 'new', 'in_progress', 'resolved'],
  in_progress: ['resolved', 'scheduled'],
  resolved: ['closed', 'reopened'],
  closed: ['reopened'],
  reopened: ['assigned', 'scheduled', 'in_progress', 'resolved'],
};

export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return TICKET_TRANSITIONS[from].includes(to);
}
