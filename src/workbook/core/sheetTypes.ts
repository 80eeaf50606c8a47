// The Apps Script types the workbook code names, declared once.
export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
export type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
export type Range = GoogleAppsScript.Spreadsheet.Range;
export type EditEvent = GoogleAppsScript.Events.SheetsOnEdit;
