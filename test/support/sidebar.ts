// The sidebar's form as tests fill it, and a save's record (failing with what came back otherwise).
import type { DealInput, DealRecord, SaveResult } from '../../src/shared/dealDto';

/** A new deal's form on the first stage (Opportunity identified), with what that stage requires. */
export function newDeal(over: Partial<DealInput> = {}): DealInput {
  return {
    id: '',
    deal: 'Acme renewal',
    company: 'Acme Inc',
    contact: 'Ann',
    email: 'ann@acme.test',
    owner: 'owner@example.com',
    stage: 'Opportunity identified',
    amount: '12,000',
    closeDate: '2026-06-30',
    leadSource: 'Inbound',
    industry: 'Software',
    employees: '250',
    lostReason: '',
    competitor: '',
    nextStep: 'Demo',
    nextStepDate: '',
    notes: '',
    ...over,
  };
}

/** The record of a save that must have gone through. */
export function saved(r: SaveResult): DealRecord {
  if (r.status !== 'saved') throw new Error(`expected saved, got ${JSON.stringify(r)}`);
  return r.record;
}
