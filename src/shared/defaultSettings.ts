// The settings a new CRM starts with; users change them in the CRM Settings tab.
import type { Settings, StageDef } from './settings';

/** The stages a new CRM starts with, in pipeline order. */
const DEFAULT_STAGES: readonly StageDef[] = [
  {
    name: 'Opportunity identified',
    type: 'Open',
    probability: 0.1,
    category: 'Pipeline',
    required: ['amount', 'closeDate', 'contact'],
    staleAfterDays: 30,
  },
  {
    name: 'Qualified',
    type: 'Open',
    probability: 0.25,
    category: 'Pipeline',
    required: [],
    staleAfterDays: 30,
  },
  {
    name: 'Solution designed with customer',
    type: 'Open',
    probability: 0.4,
    category: 'Best case',
    required: [],
    staleAfterDays: 21,
  },
  {
    name: 'Quote sent',
    type: 'Open',
    probability: 0.6,
    category: 'Best case',
    required: [],
    staleAfterDays: 14,
  },
  {
    name: 'Negotiation',
    type: 'Open',
    probability: 0.8,
    category: 'Commit',
    required: [],
    staleAfterDays: 14,
  },
  { name: 'Won', type: 'Won', probability: 1, category: 'Closed', required: [], staleAfterDays: null },
  {
    name: 'Lost',
    type: 'Lost',
    probability: 0,
    category: 'Omitted',
    required: ['lostReason'],
    staleAfterDays: null,
  },
];

/**
 * Default settings; `ownerEmail` seeds the owner list with the person who set the CRM up, `currency`
 * is the one the CRM counts in (Set up gives the spreadsheet's country's).
 */
export function defaultSettings(ownerEmail: string, currency = 'USD'): Settings {
  const ownerName = ownerEmail
    .split('@')[0]
    .replace(/[._-]+/g, ' ')
    .replace(/\b\w/g, (c) => c.toUpperCase());
  return {
    stages: DEFAULT_STAGES.map((st) => ({ ...st, required: [...st.required] })),
    lostReasons: [
      { name: 'Price', requiresCompetitor: false },
      { name: 'Product gap', requiresCompetitor: false },
      { name: 'Lost to competitor', requiresCompetitor: true },
      { name: 'Reputation/reviews', requiresCompetitor: false },
      { name: 'No decision', requiresCompetitor: false },
      { name: 'Timed out', requiresCompetitor: false },
      { name: 'Disqualified', requiresCompetitor: false },
      { name: 'Chose status quo', requiresCompetitor: false },
    ],
    leadSources: ['Inbound', 'Outbound', 'Referral', 'Partner', 'Event', 'Website'],
    owners: [{ name: ownerName, email: ownerEmail }],
    industries: [
      'Software',
      'Financial services',
      'Healthcare',
      'Manufacturing',
      'Retail',
      'Education',
      'Public sector',
      'Other',
    ],
    segmentRules: [
      {
        segment: 'A',
        industries: ['Software', 'Financial services', 'Healthcare'],
        minEmployees: 200,
        maxEmployees: null,
      },
      { segment: 'B', industries: [], minEmployees: 50, maxEmployees: null },
      { segment: 'C', industries: [], minEmployees: 1, maxEmployees: 49 },
    ],
    targets: [],
    board: { members: [], meetings: [], minimumGroup: 3, notify: [] },
    rates: {},
    general: {
      currency,
      fiscalYearStartMonth: 1,
      refreshMode: 'Hourly',
      refreshHour: 7,
      funnelMode: 'Strict',
      funnelPeriod: 'Last 12 months',
      timedOutAfterDays: 90,
      dailyEmail: 'No',
    },
  };
}
