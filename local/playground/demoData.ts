// Realistic demo deals and their stage history, made from a seeded generator so that `npm start`, the
// bench and tests get the same workbook every time for the same size and date.
import { FIELDS, type FieldKey } from '../../src/shared/fields';
import { defaultSettings } from '../../src/shared/defaultSettings';

export const DEMO_OWNERS = [
  { name: 'Ana Ortiz', email: 'ana@demo.example' },
  { name: 'Ben Carter', email: 'ben@demo.example' },
  { name: 'Chloé Martin', email: 'chloe@demo.example' },
  { name: 'Dev Patel', email: 'dev@demo.example' },
];

/** A small, fast, seeded PRNG (mulberry32). */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoData {
  header: string[];
  deals: (string | number | Date)[][];
  history: (string | number | Date)[][];
}

const COMPANIES = [
  'Acme',
  'Globex',
  'Initech',
  'Umbrella',
  'Hooli',
  'Stark',
  'Wayne',
  'Wonka',
  'Tyrell',
  'Soylent',
  'Cyberdyne',
  'Vandelay',
];
const SUFFIX = ['Inc', 'GmbH', 'Ltd', 'Labs', 'Group', 'Systems'];
const FIRST = ['Alex', 'Sam', 'Jordan', 'Taylor', 'Morgan', 'Riley', 'Casey', 'Jamie'];
const DAY = 86400000;

/** `count` deals as they would sit in the Deals tab, with History rows for their stage moves. */
export function demoData(count: number, now: Date, seed = 42): DemoData {
  const rnd = seeded(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const settings = defaultSettings('owner@example.com');
  const open = settings.stages.filter((s) => s.type === 'Open');
  const header = FIELDS.map((f) => f.header);
  const col = (k: FieldKey) => FIELDS.findIndex((f) => f.key === k);
  const deals: (string | number | Date)[][] = [];
  const history: (string | number | Date)[][] = [];
  for (let i = 0; i < count; i++) {
    const row: (string | number | Date)[] = header.map(() => '');
    const id = `D-DEMO${String(i + 1).padStart(6, '0')}`;
    const company = `${pick(COMPANIES)} ${pick(SUFFIX)}`;
    const owner = pick(DEMO_OWNERS);
    const outcome = rnd();
    const reached = Math.floor(rnd() * open.length);
    const stage = outcome < 0.25 ? 'Won' : outcome < 0.45 ? 'Lost' : open[reached].name;
    const path = open.slice(0, stage === 'Won' ? open.length : reached + 1).map((s) => s.name);
    if (stage === 'Won' || stage === 'Lost') path.push(stage);
    // Days spent before each move; the whole path ends before today.
    const gaps = path.map((_, k) => (k === 0 ? 0 : Math.floor(3 + rnd() * 25) * DAY));
    const span = gaps.reduce((a, g) => a + g, 0);
    let start = now.getTime() - Math.floor(20 + rnd() * 400) * DAY;
    if (start + span >= now.getTime()) start = now.getTime() - span - Math.floor(1 + rnd() * 30) * DAY;
    const created = new Date(start);
    let t = start;
    let prev = '';
    path.forEach((s, k) => {
      t += gaps[k];
      history.push([new Date(t), id, 'Stage', prev, s, owner.email]);
      prev = s;
    });
    const closed = stage === 'Won' || stage === 'Lost';
    const close = closed ? new Date(t) : new Date(now.getTime() + Math.floor(-30 + rnd() * 330) * DAY);
    row[col('dealId')] = id;
    row[col('deal')] =
      `${company.split(' ')[0]} ${pick(['expansion', 'pilot', 'renewal', 'new logo', 'platform'])}`;
    row[col('company')] = company;
    row[col('contact')] = `${pick(FIRST)} ${pick(['Lee', 'Kim', 'Ng', 'Diaz', 'Novak'])}`;
    row[col('email')] = `buyer${i}@${company.split(' ')[0].toLowerCase()}.example`;
    row[col('owner')] = owner.email;
    row[col('stage')] = stage;
    row[col('amount')] = Math.round(2 + rnd() * 98) * 500;
    row[col('closeDate')] = close;
    row[col('leadSource')] = pick(settings.leadSources);
    row[col('industry')] = pick(settings.industries);
    row[col('employees')] = Math.floor(5 + rnd() * 2000);
    if (stage === 'Lost') {
      const reason = pick(settings.lostReasons);
      row[col('lostReason')] = reason.name;
      if (reason.requiresCompetitor) row[col('competitor')] = pick(['Salesforce', 'HubSpot', 'Pipedrive']);
    }
    row[col('nextStep')] = closed ? '' : pick(['Demo', 'Send proposal', 'Security review', 'Call CFO']);
    row[col('created')] = created;
    row[col('stageEntered')] = new Date(t);
    row[col('updated')] = new Date(t);
    row[col('closeDatePushes')] = rnd() < 0.1 ? 3 : 0;
    deals.push(row);
  }
  history.sort((a, b) => (a[0] as Date).getTime() - (b[0] as Date).getTime());
  return { header, deals, history };
}
