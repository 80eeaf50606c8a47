// The ids of the report charts, per tab, in one document property: charts are found by id (a person
// may rename one), and the property is written only when an id changes.
const KEY = 'sheetsCrm.charts';

/** The recorded chart id of each report tab. */
export function chartIds(): Record<string, string> {
  try {
    return JSON.parse(PropertiesService.getDocumentProperties().getProperty(KEY) ?? '{}') as Record<
      string,
      string
    >;
  } catch {
    return {};
  }
}

/** Records the ids found or made by a refresh, when they differ from those recorded. */
export function saveChartIds(known: Record<string, string>, found: Record<string, string | null>): void {
  const next = { ...known };
  for (const [tab, id] of Object.entries(found)) if (id !== null) next[tab] = id;
  if (JSON.stringify(next) !== JSON.stringify(known))
    PropertiesService.getDocumentProperties().setProperty(KEY, JSON.stringify(next));
}
