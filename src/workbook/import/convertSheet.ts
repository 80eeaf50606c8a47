// Converting a tab into the CRM. A deals export: the proposed mapping and stages, then a backup and a
// rewrite of the tab as the Deals tab, or, when the Deals tab already holds deals, an update of the
// deals it has (by Deal ID) and an append of the new ones; its stages go into CRM Settings and its
// per-stage dates into History. A stage-history export: its stage changes go into History for the
// deals the CRM holds. Every value is kept; nothing is doubled.
import { CrmError } from '../../shared/errors';
import { PRODUCT, DEALS_TAB } from '../../shared/names';
import { columnName } from '../../shared/columns';
import { FIELDS, type FieldKey } from '../../shared/fields';
import type { LostReason, Owner, Settings, StageDef } from '../../shared/settings';
import { isoDay, zonedParts } from '../../shared/zonedTime';
import type { CellValue } from '../../domain/deals/deal';
import { newDealId } from '../../domain/deals/dealIds';
import { mapHeaders, type HeaderMap } from '../../domain/deals/headerMap';
import { planReimport, reimportSize } from '../../domain/import/reimport';
import { convertParts } from '../../domain/import/convertTime';
import {
  convertValues,
  placeholdersSaid,
  type ConfirmedMap,
  type ConversionResult,
} from '../../domain/import/conversion';
import {
  MAX_NEW_INDUSTRIES,
  newListNames,
  proposeLostReasons,
  type LostReasonProposal,
} from '../../domain/import/lostReasonAdoption';
import {
  historyDatesSaid,
  historyEntries,
  recognizeHistory,
  type HistoryImport,
} from '../../domain/import/historyImport';
import {
  findImportHeaderRow,
  proposeImportMapping,
  type ImportMapping,
} from '../../domain/import/importMapping';
import { deletedSaid, withoutDeleted } from '../../domain/import/deletedRows';
import { blankedRows, sectionsSaid, withoutSections } from '../../domain/import/sectionRows';
import { footerRowsOf, footerSaid } from '../../domain/import/footerRows';
import { groupedSaid, ungrouped } from '../../domain/import/groupedReport';
import { repeatedSaid } from '../../domain/import/repeatedDeals';
import { amountColumnRead } from '../../domain/import/amountColumn';
import { ratesFromConverted } from '../../domain/import/convertedRates';
import { notDealsWhy, unsplitWhy } from '../../domain/import/fileKind';
import { headerMeanings, type ImportWords } from '../../domain/import/headerVocabulary';
import { IMPORT_WORDS } from '../../domain/import/importWords';
import { describeImport, seenStages, unsureStagesSaid } from '../../domain/import/importReport';
import { proposeStages, type SaidStageTypes, type StageProposal } from '../../domain/import/stageAdoption';
import { reasonInStage } from '../../domain/import/stageReasons';
import { closedStageOf } from '../../shared/stageRules';
import { endedAs, pathsOf, stagesFromHistory, type HistoryStages } from '../../domain/import/historyStages';
import type { BlockKey } from '../../domain/settings/settingsLayout';
import { findStage, findStageLoosely } from '../../domain/settings/stageLookup';
import { currentUser, toast } from '../core/app';
import { sweptAhead } from '../../domain/import/sweptAhead';
import { markChanged, readState, type DocumentState } from '../core/documentState';
import { writeGrid } from '../core/writeGrid';
import { updateDeals } from './dealUpdates';
import { accountsPlan, type AccountsPlan } from './accountsImport';
import { findDealsTab } from '../deals/dealsTab';
import type { SweepSummary } from '../deals/dealSweep';
import { findHistoryTab } from '../history/historyTab';
import {
  appendIndustries,
  appendLostReasons,
  appendRates,
  appendOwners,
  dropExportMapRows,
  writeGeneral,
  writeStages,
} from '../settings/settingsTab';
import { GENERAL_LABELS } from '../../domain/settings/settingsLayout';
import { importCurrency, plainAmountsLines } from '../../domain/import/currencyColumn';
import { proposeOwners, type OwnerProposal } from '../../domain/import/ownerAdoption';
import { clipped, counted } from '../../domain/values/text';
import { textTroubles, withoutNulls, type CellTrouble } from '../../domain/import/valueSniffing';
import { loadSettings, setUpCrm } from '../setup/setUpCrm';
import { roomFor, roomForHistory, type Ask } from './conversionRoom';
import { importedMoves, movesIn, movesLine } from './importedHistory';
import { addImportedHistory } from '../history/historyArchiving';
import { allHistoryRows } from '../history/historyArchiveTab';
import type { Sheet, Spreadsheet } from '../core/sheetTypes';

export interface PlanBase {
  ss: Spreadsheet;
  sheet: Sheet;
  name: string;
  /** The tab's values as Convert reads them (readExport: layout rows blanked, groups filled in). */
  values: CellValue[][];
  /** What was left out or filled in of the layout (grouped exports and reports), in words. */
  layout: string[];
  settings: Settings;
  settingsSheet: Sheet;
  blockColumns: Record<BlockKey, number>;
  state: DocumentState | null;
  timeZone: string;
  locale: string;
  year: number;
  /** What will happen, in words. */
  plan: string;
  /** The header phrases exports are read with. */
  words: ImportWords;
}

/** A deals export, with its proposed mapping. */
export interface DealsPlan extends PlanBase {
  kind: 'deals';
  mapping: ImportMapping;
  /** The CRM holds no deals yet: the team's stages replace the unused default ones. */
  fresh: boolean;
  /** The Deals tab the rows go to, when it already holds deals (re-import updates them). */
  appendTo: Sheet | null;
  /** That tab's values as read (header first), to count the rows a re-import adds; else none. */
  held: CellValue[][];
  /** The empty Deals tab made by Set up, replaced by the converted tab. */
  replacing: Sheet | null;
}

/** A stage-history export, already read. */
export interface HistoryPlan extends PlanBase {
  kind: 'history';
  history: Sheet;
  result: HistoryImport;
  /** Each deal's stages in the order the history has it go through them. */
  paths: string[][];
  /** The closed type deals ending at each stage have in Deals now, when they agree (endedAs). */
  ended: ReadonlyMap<string, 'Won' | 'Lost'>;
  /** The stages the history passes through that CRM Settings lacks, with where they go; or null. */
  stages: HistoryStages | null;
}

export type ConversionPlan = DealsPlan | HistoryPlan | AccountsPlan;

const text = (v: unknown) => String(v ?? '').trim();

/**
 * The tab's values as Convert reads them: a database dump's NULL (\N) as empty, a report's footer
 * lines after the deals blanked (footerRows.ts), a grouped export's
 * repeated header rows and group titles blanked (sectionRows.ts), records marked deleted blanked
 * (deletedRows.ts), a report exported as shown with
 * its group's value on each deal and its group and total rows blanked (groupedReport.ts); with what
 * was done, in words. The backup keeps the tab as it was.
 */
function readExport(sheet: Sheet, locale: string) {
  const read = withoutNulls(sheet.getDataRange().getValues() as CellValue[][]);
  const headerRow = findImportHeaderRow(read.values, IMPORT_WORDS);
  stagesAsShown(sheet, read.values, headerRow);
  const footer = footerRowsOf(read.values, headerRow);
  const body = blankedRows(
    read.values,
    footer.map((l) => l.row),
  );
  const { values: rows, sections } = withoutSections(body, headerRow);
  const { values: live, deleted } = withoutDeleted(rows, headerRow, IMPORT_WORDS);
  const { values, grouped } = ungrouped(live, headerRow, locale);
  const name = (c: number) => `${columnName(c + 1)} "${String(values[headerRow]?.[c] ?? '').trim()}"`;
  const said = [
    sectionsSaid(sections),
    deletedSaid(deleted, name),
    groupedSaid(grouped, name),
    footerSaid(footer),
  ].filter(Boolean);
  return { values, nulls: read.nulls, said };
}

/**
 * A stage column's numbers as Sheets shows them: a pipeline named by its percentages ("10%", "50%"),
 * typed or imported with text conversion on, holds the numbers 0.1 and 0.5, whose names are "10%" and
 * "50%" (what the team reads, and the probability they state). One read of such a column; a number
 * shown as written (a status of 1 or 0) stays a number.
 */
function stagesAsShown(sheet: Sheet, values: CellValue[][], headerRow: number): void {
  const rows = values.length - headerRow - 1;
  if (rows <= 0) return;
  (values[headerRow] ?? []).forEach((header, c) => {
    if (!headerMeanings(header, IMPORT_WORDS).has('stage')) return;
    if (!values.slice(headerRow + 1).some((r) => typeof r[c] === 'number')) return;
    const shown = sheet.getRange(headerRow + 2, c + 1, rows, 1).getDisplayValues();
    for (let i = 0; i < rows; i++) {
      const row = values[headerRow + 1 + i];
      if (typeof row[c] === 'number' && shown[i][0] !== String(row[c])) row[c] = shown[i][0];
    }
  });
}

/** Reads the active tab and works out what converting it would do; writes nothing. */
export function planConversion(ss: Spreadsheet): ConversionPlan {
  const sheet = ss.getActiveSheet();
  const timeZone = ss.getSpreadsheetTimeZone();
  const locale = ss.getSpreadsheetLocale();
  const state = readState();
  const { sheet: settingsSheet, parsed } = loadSettings(ss, timeZone, true, state);
  const name = sheet.getName();
  if (
    sheet.getSheetId() === settingsSheet.getSheetId() ||
    (state && sheet.getSheetId() === state.historySheetId)
  )
    throw new CrmError(
      'NOT_A_DEALS_TAB',
      `"${name}" belongs to ${PRODUCT}. Open the tab that holds your deals, then choose Convert again.`,
    );
  const { values, nulls, said } = readExport(sheet, locale);
  const unsplit = unsplitWhy(values, name);
  if (unsplit) throw new CrmError('NOT_A_DEALS_TAB', unsplit);
  if (values.length < 2)
    throw new CrmError('NOTHING_TO_CONVERT', `"${name}" has no rows below a header row to convert.`);
  const existing = findDealsTab(ss, state?.dealsSheetId);
  const other = existing && existing.getSheetId() !== sheet.getSheetId() ? existing : null;
  const dealsValues = other ? (other.getDataRange().getValues() as CellValue[][]) : [];
  const appending = other !== null && dealsValues.length > 1;
  const base: Omit<PlanBase, 'plan'> = {
    ss,
    sheet,
    name,
    values,
    layout: said,
    settings: parsed.settings,
    settingsSheet,
    blockColumns: parsed.columns,
    state,
    timeZone,
    locale,
    year: zonedParts(new Date(), timeZone).year,
    words: IMPORT_WORDS,
  };

  if (appending) {
    const history = historyPlan(base, dealsValues);
    if (history) return history;
  }
  // A stage history with no deals to attach it to yet: its rows would each become a deal.
  if (!appending && recognizeHistory(values, new Set(), base.words))
    throw new CrmError(
      'NOT_A_DEALS_TAB',
      `"${name}" looks like a stage history (a Deal ID, a stage and a date on each row, several rows per deal), and the CRM holds no deals yet. Convert the deals export first, then this tab: its changes then go into History.`,
    );
  const mapping = proposeImportMapping(values, parsed.settings.stages, locale, timeZone, base.words);
  const notDeals = notDealsWhy(mapping, values);
  const accounts = notDeals ? accountsPlan(base, mapping, appending ? other : null, dealsValues) : null;
  if (accounts) return accounts;
  if (notDeals)
    throw new CrmError(
      'NOT_A_DEALS_TAB',
      `"${name}" does not look like deals: ${notDeals} Nothing was changed. If it does hold deals, name its stage column "Stage" (or its close date column "Close date") and choose Convert again.`,
    );
  const replacing = other !== null && !appending ? other : null;
  return {
    ...base,
    kind: 'deals',
    mapping,
    fresh: !appending,
    appendTo: appending ? other : null,
    held: appending ? dealsValues : [],
    replacing,
    plan:
      (appending
        ? `${PRODUCT} will update the deals of "${name}" that the Deals tab "${other.getName()}" already holds (matched by Deal ID, or by deal and company) and add the others. "${name}" itself stays as it is.`
        : `${PRODUCT} will keep a backup of "${name}", then rewrite it as the Deals tab.${replacing ? ' The empty Deals tab made by Set up will be replaced by this one.' : ''}`) +
      (mapping.headerRow < 0
        ? ` "${name}" has no header row: its first row is a deal too, and every field below was found from the values.`
        : '') +
      (nulls ? ` ${counted(nulls, 'cell')} held \\N (a database's "no value"): read as empty.` : '') +
      said.map((s) => ` ${s}`).join('') +
      troublesSaid(values),
  };
}

/** The preview's words for text a character set or a dump's escapes spoiled (nothing is changed). */
function troublesSaid(values: readonly (readonly CellValue[])[]): string {
  const { encoding, escapes } = textTroubles(values);
  const where = (t: CellTrouble) =>
    t.first ? `row ${t.first.row}, column ${columnName(t.first.column)}: "${clipped(t.first.text, 40)}"` : '';
  const one = (t: CellTrouble, look: string, looks: string) =>
    `${counted(t.cells, 'cell')} ${t.cells === 1 ? look : looks}`;
  return (
    (encoding.cells
      ? ` ${one(encoding, 'looks', 'look')} mis-encoded (${where(encoding)}): save the file as "CSV UTF-8" and import it again.`
      : '') +
    (escapes.cells
      ? ` ${one(escapes, 'holds', 'hold')} backslash escapes (${where(escapes)}), which CSV does not read: check after converting.`
      : '')
  );
}

/** The plan for a stage history whose Deal IDs the Deals tab holds: its moves go into History. */
function historyPlan(base: Omit<PlanBase, 'plan'>, dealsValues: CellValue[][]): ConversionPlan | null {
  const map = mapHeaders(dealsValues[0]);
  const idCol = map.columns.dealId;
  const knownIds = new Set(
    idCol === undefined
      ? []
      : dealsValues
          .slice(1)
          .map((r) => text(r[idCol]))
          .filter(Boolean),
  );
  const cols = recognizeHistory(base.values, knownIds, base.words);
  const history = findHistoryTab(base.ss, base.state?.historySheetId);
  if (cols && history) {
    const result = historyEntries(base.values, cols, {
      knownIds,
      existing: movesIn(allHistoryRows(base.ss, history), base.timeZone),
      stageName: (raw) =>
        findStageLoosely(raw, base.settings.stages)?.name ?? lostWithReason(raw, base.settings) ?? raw,
      timeZone: base.timeZone,
      locale: base.locale,
      year: base.year,
    });
    const stageCol = map.columns.stage;
    const typeOf = new Map(
      idCol === undefined || stageCol === undefined
        ? []
        : dealsValues
            .slice(1)
            .map((r) => [text(r[idCol]), findStage(r[stageCol], base.settings.stages)?.type] as const),
    );
    const ended = endedAs(result.entries, (id) => typeOf.get(id));
    const paths = pathsOf(result.entries);
    return historyStagesAs({ ...base, kind: 'history', history, result, paths, ended }, {});
  }
  return null;
}

/**
 * A stage history's plan with the stages it brings typed as the person said (`said`: "stage Closed =
 * Lost"; else as their names say), and its preview in words.
 */
export function historyStagesAs(p: Omit<HistoryPlan, 'stages' | 'plan'>, said: SaidStageTypes): HistoryPlan {
  const { result, name } = p;
  const stages = stagesFromHistory(p.paths, p.settings.stages, p.words, said, p.ended);
  const deals = new Set(result.entries.map((e) => e.dealId)).size;
  return {
    ...p,
    stages,
    plan: `"${name}" is a stage history: ${counted(result.entries.length, 'stage change')} for ${counted(deals, 'deal')} of the CRM will be added to History.${historyStagesSaid(stages)}${
      result.unknown.size
        ? ` ${unknownRows(result)} ${counted(result.unknown.size, 'Deal ID')} the CRM does not hold; they are not added.`
        : ''
    }${result.alreadyThere ? ` ${counted(result.alreadyThere, 'change')} already in History.` : ''}${historyDatesSaid(result, p)} "${name}" itself stays as it is.`,
  };
}

/** The preview's words on the stages a history brings (see historyStages.ts), or ''. */
function historyStagesSaid(stages: HistoryStages | null): string {
  if (!stages) return '';
  const pct = (p: number) => `${Math.round(p * 100)}%`;
  return ` Its deals pass through stages CRM Settings lacks, added where they pass through them: ${stages.added
    .map((s) => `${s.name} (${s.type === 'Open' ? `Open, ${pct(s.probability)}` : s.type})`)
    .join(', ')}.${stages.unsure.length ? ` ${unsureStagesSaid(stages.unsure)}` : ''}`;
}

/** "1 row names" / "3 rows name": the rows of a history export whose Deal ID the CRM lacks. */
function unknownRows(result: HistoryImport): string {
  const n = [...result.unknown.values()].reduce((a, b) => a + b, 0);
  return `${counted(n, 'row')} ${n === 1 ? 'names' : 'name'}`;
}

/** The Lost stage, for a stage value naming a lost reason CRM Settings lists ("Lost - Price"). */
function lostWithReason(raw: string, settings: Settings): string | undefined {
  return reasonInStage(raw, settings.lostReasons) ? closedStageOf(settings.stages, 'Lost')?.name : undefined;
}

/** The stages an import brings with a given mapping. */
export function stagesFor(p: DealsPlan, map: ConfirmedMap): StageProposal {
  return proposeStages(seenStages(p.values, { ...p.mapping, map }), p.settings.stages, p.fresh, p.words, {
    said: map.stageTypes,
    reasons: p.settings.lostReasons,
  });
}

/** The stage values an export holds with a given mapping (what "stage Closed = Lost" may name). */
export function stageValuesFor(p: DealsPlan, map: ConfirmedMap): string[] {
  return seenStages(p.values, { ...p.mapping, map }).map((s) => s.value);
}

/** The owners an import brings that CRM Settings lacks. */
function ownersFor(p: DealsPlan, map: HeaderMap): OwnerProposal {
  const col = map.columns.owner;
  const body = p.values.slice(p.mapping.headerRow + 1);
  return proposeOwners(col === undefined ? [] : body.map((r) => r[col]), p.settings.owners);
}

/** The currency a CRM with no deals yet takes from an export whose amounts are all in one other. */
function currencyFor(p: DealsPlan, map: ConfirmedMap): string | null {
  if (!p.fresh) return null;
  const { headerRow } = p.mapping;
  const currency = p.settings.general.currency;
  // As the person said ("currency = CNY"), whatever the amounts name.
  if (map.currency) return map.currency === currency.toUpperCase() ? null : map.currency;
  // Amounts as Convert holds them (an "Amount (EUR)" column's numbers in EUR: amountColumn.ts).
  const values = amountColumnRead(p.values, headerRow, map, { locale: p.locale, currency }).values;
  return importCurrency(values[headerRow] ?? [], values.slice(headerRow + 1), map, currency, p.locale);
}

/** The industries an import brings that CRM Settings lacks (none from a column of free text). */
function industriesFor(p: DealsPlan, map: HeaderMap): { added: string[]; freeText: number } {
  const col = map.columns.industry;
  const body = p.values.slice(p.mapping.headerRow + 1);
  const values = col === undefined ? [] : body.map((r) => r[col]);
  return newListNames(values, p.settings.industries, MAX_NEW_INDUSTRIES);
}

/** The lost reasons an import brings that CRM Settings lacks. */
function reasonsFor(p: DealsPlan, map: HeaderMap): LostReasonProposal {
  const col = map.columns.lostReason;
  const body = p.values.slice(p.mapping.headerRow + 1);
  return proposeLostReasons(col === undefined ? [] : body.map((r) => r[col]), p.settings.lostReasons);
}

/** Exchange rates the export's converted amounts give for the CRM's currency (convertedRates.ts). */
function ratesFor(p: DealsPlan, map: ConfirmedMap, currency: string) {
  const header = p.values[p.mapping.headerRow] ?? [];
  const body = p.values.slice(p.mapping.headerRow + 1);
  return ratesFromConverted(header, body, map, currency, p.settings.rates ?? {}, p.locale);
}

/** "EUR 1.08, GBP 1.27": rates as the preview and the summary name them. */
const ratesNamed = (rates: Readonly<Record<string, number>>) =>
  Object.entries(rates)
    .map(([code, rate]) => `${code} ${rate}`)
    .join(', ');

/** Up to ten names, then how many more. */
const someNames = (names: readonly string[]) =>
  `${names.slice(0, 10).join(', ')}${names.length > 10 ? ` and ${names.length - 10} more` : ''}`;

/** The dialog's lines for a deals plan and a (possibly corrected) mapping. */
export function describePlan(p: DealsPlan, map: ConfirmedMap): string[] {
  const was = p.settings.general.currency;
  const currency = currencyFor(p, map);
  const learned = ratesFor(p, map, currency ?? was);
  return [
    ...describeImport(p.values, p.mapping, map, stagesFor(p, map), {
      ...p,
      currency: currency ?? was,
      rates: { ...p.settings.rates, ...learned?.rates },
      fiscalYearStartMonth: p.settings.general.fiscalYearStartMonth,
    }),
    ...(learned
      ? [
          '',
          `Exchange rates from ${columnName(learned.column + 1)} "${String(p.values[p.mapping.headerRow]?.[learned.column] ?? '').trim()}", the amounts converted into ${currency ?? was}: ${ratesNamed(learned.rates)} (what one unit is worth in ${currency ?? was}), for CRM Settings > Exchange rates.`,
        ]
      : []),
    ...(currency
      ? [
          '',
          `Amounts are in ${currency}: this CRM will count in ${currency} (CRM Settings > General > Currency, ${was} until now).`,
        ]
      : p.fresh
        ? plainAmountsLines(
            p.values[p.mapping.headerRow] ?? [],
            p.values.slice(p.mapping.headerRow + 1),
            map,
            { currency: was, locale: p.locale },
          )
        : []),
    ...listLines(p, map),
  ];
}

/**
 * The preview's lines on what CRM Settings' lists gain from the export: owners (and cells naming
 * several people), industries and lost reasons, or why a column's texts are not adopted (too many
 * different ones to be a list).
 */
function listLines(p: DealsPlan, map: HeaderMap): string[] {
  const owners = ownersFor(p, map);
  const industries = industriesFor(p, map);
  const reasons = reasonsFor(p, map);
  const several = owners.several;
  const line = (text: string) => ['', text];
  const freeText = (field: 'industry' | 'lostReason', count: number, what: string, list: string) => {
    const col = map.columns[field] ?? 0;
    const header = String(p.values[p.mapping.headerRow]?.[col] ?? '').trim() || '(no header)';
    return line(
      `${columnName(col + 1)} "${header}" holds ${count} different texts, too many to be a list of ${what}: they stay on their deals, flagged; add the ones you want to CRM Settings > ${list}.`,
    );
  };
  return [
    ...(several.length
      ? line(
          `${counted(several.length, 'owner cell')} ${several.length === 1 ? 'names' : 'name'} several people (${several
            .slice(0, 3)
            .map((v) => `"${clipped(v, 60)}"`)
            .join(
              ', ',
            )}): a deal has one owner, so ${several.length === 1 ? 'it is' : 'they are'} kept as written and flagged; write the one who owns it.`,
        )
      : []),
    ...(owners.added.length
      ? line(`New owners for CRM Settings: ${someNames(owners.added.map((o) => o.name))}.`)
      : []),
    ...(industries.added.length
      ? line(`New industries for CRM Settings: ${someNames(industries.added)}.`)
      : []),
    ...(industries.freeText ? freeText('industry', industries.freeText, 'industries', 'Industries') : []),
    ...(reasons.added.length
      ? line(`New lost reasons for CRM Settings: ${someNames(reasons.added.map((r) => r.name))}.`)
      : []),
    ...(reasons.freeText ? freeText('lostReason', reasons.freeText, 'reasons', 'Lost reasons') : []),
  ];
}

/** What a conversion did, in words, and the sweep of the deals. */
export interface ConversionDone {
  notes: string[];
  summary: SweepSummary | null;
}

/** Adds a history export's stage changes to History. */
export function runHistoryImport(p: HistoryPlan): ConversionDone {
  // Nothing is written before the spreadsheet is known to have room for it.
  const archive = roomForHistory(p.ss, p.history, p.name, p.result.entries);
  if (p.stages)
    writeStages(p.settingsSheet, p.blockColumns.stages, p.stages.stages, p.settings.stages.length);
  addImportedHistory(p.ss, p.history, p.result.entries, archive);
  const unknown = [...p.result.unknown.entries()];
  const notes = [
    `${counted(p.result.entries.length, 'stage change')} added to History for ${counted(new Set(p.result.entries.map((e) => e.dealId)).size, 'deal')}.`,
    p.result.alreadyThere ? `${p.result.alreadyThere} were in History already and were not added again.` : '',
    p.stages
      ? `${counted(p.stages.added.length, 'stage')} added to CRM Settings: ${p.stages.added.map((s) => s.name).join(', ')}.`
      : '',
    unknown.length
      ? `${counted(
          unknown.reduce((a, [, n]) => a + n, 0),
          'row',
        )} named Deal IDs the CRM does not hold, so they were not added: ${unknown
          .slice(0, 10)
          .map(([id, n]) => `${id} (${n})`)
          .join(
            ', ',
          )}${unknown.length > 10 ? ` and ${unknown.length - 10} more` : ''}. Convert the deals first, then the history again.`
      : '',
  ].filter(Boolean);
  // History rows appended: out before the stamp (a refresh that sees it reads them).
  markChanged({ flushFirst: true });
  return { notes, summary: null };
}

/** Converts a deals export with the confirmed mapping. */
export function runConversion(p: DealsPlan, map: ConfirmedMap, ask: Ask): ConversionDone | null {
  const { ss, values, timeZone, locale } = p;
  const stages = stagesFor(p, map);
  const stagesChanged =
    stages.stages.length !== p.settings.stages.length ||
    stages.stages.some((s, i) => s.name !== p.settings.stages[i]?.name);
  const currency = currencyFor(p, map);
  const staged = stagesChanged ? { ...p.settings, stages: stages.stages } : p.settings;
  const settings = currency ? { ...staged, general: { ...staged.general, currency } } : staged;
  // The team's owners, lost reasons and industries, so that its deals are not flagged "not in CRM Settings".
  const lists = {
    owners: ownersFor(p, map).added,
    reasons: reasonsFor(p, map).added,
    industries: industriesFor(p, map).added,
  };
  const rates = ratesFor(p, map, settings.general.currency);
  const result = convertValues(
    values,
    { ...p.mapping, map },
    {
      settings,
      timeZone,
      locale,
      year: p.year,
      newId: () => newDealId(Math.random),
      stageOf: stages.stageOf,
      reasonOf: stages.reasonOf,
    },
  );
  // Nothing is written before the conversion is known to fit one run and the spreadsheet's room.
  const size = importSize(p, map, result);
  fitsOneRun(p.name, result, size.added, p.appendTo ? p.held.length - 1 : 0);
  const room = roomFor(p, result, size, settings.owners.length + lists.owners.length, ask, () =>
    movesLine(p.appendTo, result),
  );
  if (!room) return null;
  writeAdopted(p, { stages: stagesChanged ? stages.stages : null, ...lists, currency, rates });
  toast(`Converting ${result.rows.length} rows…`, PRODUCT, 30);

  // Rows written in place of the export: with what the sweep after Set up would write in them already
  // (sweptAhead.ts), the settings as Set up will read them (the stages and owners just added).
  const ahead = () =>
    sweptAhead(result.header, result.rows, {
      settings: withAdopted(settings, lists, rates?.rates),
      timeZone,
      locale,
      user: currentUser(),
      now: new Date(),
      newId: () => newDealId(Math.random),
    });
  const { target, idOf, where } = p.appendTo
    ? appendConverted(p, p.appendTo, map, result)
    : replaceWithConverted(p, { ...result, rows: ahead() });
  // Set up first: converted before Set up, the History tab the moves go to does not exist yet.
  const summary = setUpCrm(ss, target, readState());
  const moves = importedMoves(ss, readState(), result.moves, idOf, timeZone, room.archive);
  const notes = conversionNotes({
    where,
    stages: stages.added,
    ...lists,
    currency,
    rates: rates?.rates ?? {},
    result,
    moves,
    appending: !!p.appendTo,
    layout: p.layout,
  });
  return { notes, summary };
}

/** The settings with what a conversion adds to their lists and rates (as Set up will read them). */
function withAdopted(
  settings: Settings,
  lists: { owners: readonly Owner[]; reasons: readonly LostReason[]; industries: readonly string[] },
  rates: Readonly<Record<string, number>> | undefined,
): Settings {
  return {
    ...settings,
    owners: [...settings.owners, ...lists.owners],
    lostReasons: [...settings.lostReasons, ...lists.reasons],
    industries: [...settings.industries, ...lists.industries],
    rates: { ...settings.rates, ...rates },
  };
}

/**
 * What the conversion adopted, written to CRM Settings before the deals: the stages (when they
 * changed; the export map's rows of stages taken out go with them), owners, lost reasons, the currency
 * and exchange rates.
 */
function writeAdopted(
  p: DealsPlan,
  a: {
    stages: StageDef[] | null;
    owners: readonly Owner[];
    reasons: readonly LostReason[];
    industries: readonly string[];
    currency: string | null;
    rates: { rates: Record<string, number> } | null;
  },
): void {
  const { settingsSheet: sheet, blockColumns: columns } = p;
  if (a.stages) {
    writeStages(sheet, columns.stages, a.stages, p.settings.stages.length);
    const gone = p.settings.stages.filter((old) => !a.stages!.some((st) => st.name === old.name));
    if (columns.exportMap !== undefined) dropExportMapRows(sheet, columns.exportMap, gone);
  }
  appendOwners(sheet, columns.owners, a.owners);
  appendLostReasons(sheet, columns.lostReasons, a.reasons);
  appendIndustries(sheet, columns.industries, a.industries);
  if (a.currency) writeGeneral(sheet, columns.general, GENERAL_LABELS.currency, a.currency);
  if (a.rates) appendRates(sheet, columns.rates, a.rates.rates);
}

/** What a conversion did, in words: where the deals went and what CRM Settings gained. */
function conversionNotes(o: {
  where: string;
  stages: readonly StageDef[];
  owners: readonly Owner[];
  reasons: readonly LostReason[];
  industries: readonly string[];
  currency: string | null;
  rates: Readonly<Record<string, number>>;
  result: ConversionResult;
  moves: number;
  appending: boolean;
  layout: readonly string[];
}): string[] {
  const { where, stages, owners, reasons, currency, rates, result, moves, appending } = o;
  return [
    where,
    stages.length
      ? `${counted(stages.length, 'stage')} added to CRM Settings: ${stages.map((s) => s.name).join(', ')}.`
      : '',
    owners.length
      ? `${counted(owners.length, 'owner')} added to CRM Settings > Owners: ${someNames(owners.map((o) => o.name))}. Add their emails there to let the sidebar know them.`
      : '',
    reasons.length
      ? `${counted(reasons.length, 'lost reason')} added to CRM Settings: ${someNames(reasons.map((r) => r.name))}.`
      : '',
    o.industries.length ? `Industries added to CRM Settings: ${someNames(o.industries)}.` : '',
    currency ? `This CRM now counts in ${currency} (CRM Settings > General > Currency).` : '',
    Object.keys(rates).length
      ? `Exchange rates added to CRM Settings from the export’s converted amounts: ${ratesNamed(rates)}.`
      : '',
    result.stagesNormalised
      ? `${counted(result.stagesNormalised, 'stage value')} written as the stage of CRM Settings it means (for example "closed won" as Won).`
      : '',
    result.closedByDate.Won + result.closedByDate.Lost
      ? `${counted(result.closedByDate.Won + result.closedByDate.Lost, 'deal')} at an open stage with a won or lost date made Won or Lost.`
      : '',
    result.reasonsFromStages
      ? `${counted(result.reasonsFromStages, 'lost deal')} given the lost reason ${result.reasonsFromStages === 1 ? 'its stage names' : 'their stage names'} (a stage such as "Closed Lost to Competition" is Lost, with its reason in Lost reason).`
      : '',
    result.keptAsWritten
      ? `${counted(result.keptAsWritten, 'value')} could not be read for sure as an amount, date, stage or number; they were kept exactly as written and are flagged in the Check column.`
      : '',
    moves
      ? `${counted(moves, 'stage change')} from "Date entered" or closed-date columns added to History.`
      : '',
    result.totals
      ? `Row ${result.totals.row} ("${result.totals.name}") was a totals row: not converted.`
      : '',
    placeholdersSaid(result.placeholders),
    result.cents
      ? `Amounts in column ${columnName(result.cents.column + 1)} were in cents: divided by 100.`
      : '',
    result.unit
      ? `Amounts in column ${columnName(result.unit.column + 1)} were read in the unit their header gives (${result.unit.written}).`
      : '',
    ...o.layout,
    repeatedSaid(result.repeated, (c) => `column ${columnName(c + 1)}`),
    result.rowsAbove > 0
      ? `${counted(result.rowsAbove, 'row')} above the header row not converted${appending ? '' : ' (they are in the backup)'}.`
      : '',
  ].filter(Boolean);
}

/**
 * Throws (nothing written) when the conversion would pass Apps Script's six minutes (convertTime.ts),
 * saying what can be done instead: stopped there, it would leave the deals written and their History
 * not. `rows`: the deals it adds (a re-import's matched rows cost no more than the deals held);
 * `held`: the deals the Deals tab holds when they are added to them.
 */
function fitsOneRun(name: string, result: ConversionResult, rows: number, held: number): void {
  const moves = result.moves.length;
  const parts = convertParts(held, rows, result.header.length, moves);
  if (!parts) return;
  const n = (x: number) => x.toLocaleString('en-US');
  const what = `${n(rows)} deals${moves ? ` and ${n(moves)} stage changes from its "Date entered" columns` : ''}${held ? ` added to the ${n(held)} the CRM holds` : ''}`;
  const instead =
    parts.rowsPerPart === null
      ? `The deals alone take nearly all of a run: ${moves ? `convert "${name}" without its "Date entered" columns (delete them from the tab first; History then starts today), or ` : ''}keep part of the deals in a spreadsheet of its own.`
      : `Convert it in parts of at most ${n(parts.rowsPerPart)} deals, one after another: move the rows after the first ${n(parts.rowsPerPart)} deals to a new tab (with a copy of the header row), convert this tab, then the new one (its deals are added to these; should a part still be too long, it is refused like this one, with nothing changed). Or convert it without its "Date entered" columns, in one run.`;
  throw new CrmError(
    'TOO_LONG',
    `"${name}" is too large to convert in one run: ${what} take about ${parts.minutes} minutes to write, and Google stops a script after 6. Nothing was changed.\n\n${instead}`,
  );
}

/** Where each field is in a converted row (the converted header: the fields in order, then extras). */
const CONVERTED_COLUMNS = new Map(FIELDS.map((f, i) => [f.key, i] as const));

/**
 * The fields an import fills (a won/closed status column fills Stage; a lost stage naming its reason,
 * "Closed Lost to Competition", the Lost reason of its rows).
 */
function mappedFields(p: DealsPlan, map: HeaderMap, result: ConversionResult): FieldKey[] {
  return (Object.keys(map.columns) as FieldKey[])
    .concat(p.mapping.statusColumn !== null ? ['stage'] : [])
    .concat(result.reasonsFromStages && map.columns.lostReason === undefined ? ['lostReason'] : []);
}

/**
 * The converted rows that become new deals (all of them, but for a re-import's matched ones), and the
 * History rows a re-import's changes are logged in.
 */
function importSize(p: DealsPlan, map: HeaderMap, result: ConversionResult) {
  if (!p.appendTo) return { added: result.rows.length, logged: 0 };
  const held = p.held.slice(1);
  const mapped = mappedFields(p, map, result);
  const dealsMap = mapHeaders(p.held[0]);
  const plan = planReimport(
    result.header,
    result.rows,
    CONVERTED_COLUMNS,
    mapped,
    held,
    dealsMap,
    () => undefined,
  );
  return reimportSize(plan, dealsMap);
}

/** Converted rows merged into the Deals tab: matched deals updated, the others added. */
function appendConverted(p: DealsPlan, target: Sheet, map: HeaderMap, result: ConversionResult) {
  const plan = updateDeals(target, result.header, result.rows, mappedFields(p, map, result));
  const where = [
    `${counted(plan.added.length, 'new deal')} added to "${target.getName()}", ${plan.updated.length} updated, ${plan.unchanged} unchanged.`,
    plan.conflicts.length
      ? `${plan.conflicts.length} left alone because they match more than one deal: ${plan.conflicts
          .slice(0, 5)
          .map((c) => `${c.key} ${c.why}`)
          .join('; ')}.`
      : '',
    `"${p.name}" is unchanged.`,
  ]
    .filter(Boolean)
    .join(' ');
  return { target, idOf: plan.idOf, where };
}

/** The export's tab rewritten as the Deals tab, after a backup copy of it is made. */
function replaceWithConverted(p: DealsPlan, result: ConversionResult) {
  const { ss, sheet, name, timeZone } = p;
  const idCol = FIELDS.findIndex((f) => f.key === 'dealId');
  const idOf = result.rows.map((r) => text(r[idCol]));
  const backup = sheet.copyTo(ss);
  backup.setName(freeName(ss, `${name} (backup ${isoDay(new Date(), timeZone)})`));
  const grid = [result.header, ...result.rows];
  sheet.clear();
  const width = result.header.length;
  if (sheet.getMaxColumns() < width)
    sheet.insertColumnsAfter(sheet.getMaxColumns(), width - sheet.getMaxColumns());
  if (sheet.getMaxRows() < grid.length)
    sheet.insertRowsAfter(sheet.getMaxRows(), grid.length - sheet.getMaxRows());
  writeGrid(sheet.getRange(1, 1, grid.length, width), grid);
  if (p.replacing) ss.deleteSheet(p.replacing);
  if (!ss.getSheetByName(DEALS_TAB)) sheet.setName(DEALS_TAB);
  const where = `${counted(result.rows.length, 'deal')} converted into "${sheet.getName()}". The original is kept in "${backup.getName()}".`;
  return { target: sheet, idOf, where };
}

function freeName(ss: Spreadsheet, wanted: string): string {
  let name = wanted;
  for (let i = 2; ss.getSheetByName(name); i++) name = `${wanted} ${i}`;
  return name;
}
