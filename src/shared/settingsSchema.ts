// Schemas for one row of each block of the CRM Settings tab (schema.ts: zod/mini's API, in our bundle).
import * as z from './schema';
import {
  FORECAST_CATEGORIES,
  FUNNEL_MODES,
  FUNNEL_PERIODS,
  REFRESH_MODES,
  STAGE_TYPES,
  YES_NO,
} from './settings';

const name = (what: string) =>
  z
    .string(`${what} must be text`)
    .check(z.minLength(1, `${what} is empty`), z.maxLength(100, `${what} is longer than 100 characters`));
const days = (what: string) =>
  z.nullable(
    z
      .number(`${what} must be a number of days`)
      .check(
        z.int(`${what} must be a whole number of days`),
        z.gte(1, `${what} must be at least 1 day`),
        z.lte(3650, `${what} must be at most 3650 days`),
      ),
  );
const oneOf = <T extends readonly [string, ...string[]]>(values: T, what: string) =>
  z.enum(values as unknown as { [K in T[number]]: K }, `${what} must be one of: ${values.join(', ')}`);

const wholeBetween = (min: number, max: number, message: string) =>
  z.number(message).check(z.int(message), z.gte(min, message), z.lte(max, message));

export const stageRow = z.object({
  name: name('Stage name'),
  type: oneOf(STAGE_TYPES, 'Type'),
  probability: z
    .number('Probability must be a percentage such as 40%')
    .check(
      z.gte(0, 'Probability must be between 0% and 100%'),
      z.lte(1, 'Probability must be between 0% and 100%'),
    ),
  category: oneOf(FORECAST_CATEGORIES, 'Forecast category'),
  required: z.array(z.string()),
  staleAfterDays: days('Stale after'),
});

export const lostReasonRow = z.object({
  name: name('Lost reason'),
  requiresCompetitor: z.boolean('Requires competitor must be TRUE or FALSE'),
});

export const ownerRow = z.object({
  name: name('Owner name'),
  // An owner may be listed by name only (as exports name them); an email, when given, must be one.
  email: z
    .string()
    .check(z.regex(/^$|^[^@\s]+@[^@\s]+\.[^@\s]+$/, 'Email must look like name@company.com (or stay empty)')),
});

export const segmentRow = z.object({
  // Each segment has its own report tab: Segment A, B and C (deals no rule matches are Unsegmented).
  segment: z.enum(['A', 'B', 'C'], 'Segment must be A, B or C (each has its own report tab)'),
  industries: z.array(z.string()),
  minEmployees: z.nullable(
    z.number('Min employees must be a number').check(z.gte(0, 'Min employees cannot be negative')),
  ),
  maxEmployees: z.nullable(
    z.number('Max employees must be a number').check(z.gte(0, 'Max employees cannot be negative')),
  ),
});

export const targetRow = z.object({
  month: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Month must be a month such as 2026-03')),
  owner: z.nullable(z.string()),
  amount: z.number('Target must be a number').check(z.gte(0, 'Target cannot be negative')),
});

export const generalSettings = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, 'Currency must be a three-letter code such as USD')),
  fiscalYearStartMonth: wholeBetween(1, 12, 'Fiscal year start must be a month number 1-12'),
  refreshMode: oneOf(REFRESH_MODES, 'Refresh schedule'),
  refreshHour: wholeBetween(0, 23, 'Refresh hour must be a whole hour 0-23'),
  funnelMode: oneOf(FUNNEL_MODES, 'Funnel mode'),
  funnelPeriod: oneOf(FUNNEL_PERIODS, 'Funnel period'),
  timedOutAfterDays: days('Suggest Timed out after'),
  dailyEmail: oneOf(YES_NO, 'Daily to-do email to owners'),
});

/** The first problem the schema found, with the name of the property it concerns. */
export function firstIssue(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}): { key: string; message: string } | null {
  if (result.success || !result.error) return null;
  const issue = result.error.issues[0];
  return { key: String(issue.path[0] ?? ''), message: issue.message };
}
