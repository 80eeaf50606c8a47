// Which learned probabilities Use learned probabilities proposes.
import { MIN_CLOSED_DEALS, probabilityChanges } from '../../../src/domain/funnel/probabilityAdoption';

const learned = (stage: string, value: number | null, closedDeals: number, configured = 0.3) => ({
  stage,
  configured,
  learned: value,
  closedDeals,
  won: value === null ? 0 : Math.round(value * closedDeals),
});

describe('learned probabilities proposed for CRM Settings', () => {
  it('proposes those with enough closed deals behind them, rounded to whole percents', () => {
    expect(
      probabilityChanges([
        learned('Qualified', 0.4167, 12),
        learned('Demo', 0.5, MIN_CLOSED_DEALS - 1),
        learned('Proposal', 0.3, 20),
        learned('Empty', null, 0),
      ]),
    ).toEqual([{ stage: 'Qualified', from: 0.3, to: 0.42, sample: 12 }]);
  });

  it('never sets an open stage to 100% or 0%, however many deals say so', () => {
    expect(probabilityChanges([learned('Engaging', 1, 40), learned('Cold', 0, 25)])).toEqual([]);
  });
});
