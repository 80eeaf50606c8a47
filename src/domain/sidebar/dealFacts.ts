// What the sheet knows of a deal beyond the form, for the sidebar to show read-only: the Check
// column's warnings, probability and forecast category (and whether a person typed them or they
// follow the stage), days in stage, Created and Updated.
import type { DealFacts } from '../../shared/dealDto';
import type { Settings } from '../../shared/settings';
import { isoDay } from '../../shared/zonedTime';
import { readDeal, type CellValue } from '../deals/deal';
import { parseLastSeen } from '../edits/editEffects';
import type { HeaderMap } from '../deals/headerMap';
import { daysBetween } from '../values/cellParsing';

export function dealFacts(
  row: readonly CellValue[],
  map: HeaderMap,
  settings: Settings,
  where: { timeZone: string; locale: string; now: Date },
): DealFacts {
  const { timeZone, locale, now } = where;
  const deal = readDeal(row, 0, map, settings, timeZone, locale);
  const seen = parseLastSeen(deal.lastSeen);
  const p = deal.probability;
  const day = (d: Date | null) => (d ? isoDay(d, timeZone) : '');
  return {
    check: deal.check,
    probability:
      p.kind === 'ok' ? `${Math.round(p.value * 1000) / 10}%` : p.kind === 'bad' ? String(p.raw) : '',
    // Last seen keeps the value we filled in; null there (or a different value now) means a person's own.
    probabilityTyped:
      p.kind !== 'empty' && !(seen && seen.p !== null && p.kind === 'ok' && p.value === seen.p),
    category: deal.forecastCategory,
    categoryTyped:
      deal.forecastCategory !== '' && !(seen && seen.k !== null && seen.k === deal.forecastCategory),
    daysInStage: deal.stageEntered ? Math.max(0, daysBetween(deal.stageEntered, now, timeZone)) : null,
    created: day(deal.created),
    updated: day(deal.updated),
  };
}
