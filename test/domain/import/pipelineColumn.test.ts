// Which extra column names the export's pipelines: a Pipeline column (as HubSpot, Pipedrive and warehouses
// name it) with two to twelve values; one pipeline, a column of another name, or a column of many values
// (names, not pipelines) says nothing.
import { pipelinesOf, pipelinesSaid } from '../../../src/domain/import/pipelineColumn';
import type { HeaderMap } from '../../../src/domain/deals/headerMap';

const map: HeaderMap = { columns: { deal: 0, stage: 2 }, extras: [1], width: 3 };
const exportOf = (header: string, values: string[]) => [
  ['Deal', header, 'Stage'],
  ...values.map((v, i) => [`Deal ${i}`, v, 'Proposal']),
];

describe('the pipelines of an export', () => {
  it('counts the deals of each pipeline a Pipeline column names, most first, and says so', () => {
    for (const header of ['Pipeline', 'Deal pipeline', 'pipeline_name', 'Sales Pipeline', 'Funnel'])
      expect(pipelinesOf(exportOf(header, ['Renewals', 'Sales', 'Sales', '']), 0, map)).toEqual({
        column: 1,
        pipelines: [
          ['Sales', 2],
          ['Renewals', 1],
        ],
      });
    const found = pipelinesOf(exportOf('Pipeline', ['Sales', 'Renewals']), 0, map);
    expect(pipelinesSaid(found, (c) => `column ${c}`)).toMatch(
      /^column 1 names 2 pipelines \(Sales: 1 deal, Renewals: 1 deal\)\. The CRM keeps one list of stages/,
    );
  });

  it('says nothing of one pipeline, of a column of another name, or of one with many values', () => {
    expect(pipelinesOf(exportOf('Pipeline', ['Sales', 'Sales']), 0, map)).toBeNull();
    expect(pipelinesOf(exportOf('Pipeline stage', ['Sales', 'Renewals']), 0, map)).toBeNull();
    const many = Array.from({ length: 13 }, (_, i) => `Team ${i}`);
    expect(pipelinesOf(exportOf('Pipeline', many), 0, map)).toBeNull();
    expect(pipelinesSaid(null, String)).toBe('');
  });
});
