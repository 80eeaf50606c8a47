// A Salesforce Data Loader export names columns by their API names: standard fields in camel case
// (StageName, CloseDate), relationship fields with a dot (Account.Name), and a team's custom fields
// with "__c" (Loss_Reason__c, Competitor__c). Each is read as the field it is; the expected mapping
// is written out by hand.
import { IMPORT_WORDS } from '../../../src/domain/import/importWords';
import { proposeImportMapping } from '../../../src/domain/import/importMapping';
import { defaultSettings } from '../../../src/shared/defaultSettings';

const HEADER = [
  'Id',
  'Name',
  'AccountId',
  'Account.Name',
  'OwnerId',
  'Owner.Name',
  'StageName',
  'Amount',
  'CloseDate',
  'Probability',
  'CreatedDate',
  'Loss_Reason__c',
  'Competitor__c',
  'Next_Step_Date__c',
  'Industry__c',
];
const ROWS = [
  [
    '0065g00000A1',
    'Acme renewal',
    '0015g1',
    'Acme',
    '0055g1',
    'Ann Lee',
    'Closed Won',
    '12000.0',
    '2026-03-05',
    '100.0',
    '2026-01-02T10:30:00.000Z',
    '',
    '',
    '',
    'Retail',
  ],
  [
    '0065g00000A2',
    'Globex trial',
    '0015g2',
    'Globex',
    '0055g2',
    'Bob Ray',
    'Closed Lost',
    '3000.0',
    '2026-02-01',
    '0.0',
    '2025-12-12T16:05:00.000Z',
    'Price',
    'Initrode',
    '',
    'Software',
  ],
  [
    '0065g00000A3',
    'Initech deal',
    '0015g3',
    'Initech',
    '0055g1',
    'Ann Lee',
    'Negotiation/Review',
    '25000.0',
    '2026-12-20',
    '90.0',
    '2026-10-01T09:00:00.000Z',
    '',
    '',
    '2026-12-01',
    'Software',
  ],
];

it('reads custom fields named with "__c" as the fields their names say', () => {
  const settings = defaultSettings('o@example.com');
  const { map } = proposeImportMapping([HEADER, ...ROWS], settings.stages, 'en_US', 'UTC', IMPORT_WORDS);
  const at = (h: string) => HEADER.indexOf(h);
  expect(map.columns).toMatchObject({
    dealId: at('Id'),
    deal: at('Name'),
    company: at('Account.Name'),
    owner: at('Owner.Name'),
    stage: at('StageName'),
    amount: at('Amount'),
    closeDate: at('CloseDate'),
    probability: at('Probability'),
    created: at('CreatedDate'),
    lostReason: at('Loss_Reason__c'),
    competitor: at('Competitor__c'),
    nextStepDate: at('Next_Step_Date__c'),
    industry: at('Industry__c'),
  });
});

it('does not take a headerless column of ten-digit record IDs for dates (they read as epoch seconds only under a date header)', () => {
  const settings = defaultSettings('o@example.com');
  const stages = ['Won', 'Lost', 'Qualified', 'Negotiation', 'Qualified', 'Won'];
  const rows = stages.map((stage, i) => [
    String(1767361500 + i * 86400),
    `Deal ${i}`,
    stage,
    String(1000 * (i + 1)),
    `2026-0${i + 1}-15`,
  ]);
  const { map } = proposeImportMapping(rows, settings.stages, 'en_US', 'UTC', IMPORT_WORDS);
  expect(map.columns.created).not.toBe(0);
  expect(map.columns.closeDate).not.toBe(0);
});
