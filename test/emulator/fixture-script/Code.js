// A tiny Apps Script project used to test the emulator's executions, events and accounting.
function onEdit(e) {
  var log = JSON.parse(PropertiesService.getScriptProperties().getProperty('edits') || '[]');
  log.push({
    a1: e.range.getA1Notation(),
    value: e.value === undefined ? '(none)' : e.value,
    oldValue: e.oldValue === undefined ? '(none)' : e.oldValue,
    user: e.user.getEmail(),
    authMode: e.authMode,
  });
  PropertiesService.getScriptProperties().setProperty('edits', JSON.stringify(log));
}
function whoAndWhen() {
  return (
    Session.getActiveUser().getEmail() + ' ' + new Date().toISOString() + ' ' + (new Date() instanceof Date)
  );
}
function readTenThousand() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('Big');
  return sheet.getRange(1, 1, 10000, 4).getValues().length;
}
function holdLock() {
  LockService.getDocumentLock().waitLock(1000);
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').setValue('first');
}
function alsoLock() {
  return LockService.getDocumentLock().tryLock(100);
}
function makeTrigger() {
  ScriptApp.newTrigger('tick').timeBased().everyHours(1).create();
}
function tick(e) {
  SpreadsheetApp.getActiveSpreadsheet()
    .getSheets()[0]
    .getRange('B1')
    .setValue('ticked ' + e.triggerUid);
}
function localHour() {
  var d = new Date();
  return d.getFullYear() + '-' + d.getMonth() + '-' + d.getDate() + ' ' + d.getHours();
}
function appendMany(n) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  for (var i = 0; i < n; i++) sheet.appendRow([i]);
  return n;
}
function writeAndPause(a1, value, flushFirst) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(a1).setValue(value);
  if (flushFirst) SpreadsheetApp.flush();
  Utilities.sleep(10);
  return sheet.getRange(a1).getValue();
}
function formatAndPause(a1, format) {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
  sheet.getRange(a1).setNumberFormat(format);
  Utilities.sleep(10);
}
function readCell(a1) {
  return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(a1).getValue();
}
function writeCell(a1, value) {
  SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange(a1).setValue(value);
}
var counted = 0;
function countUp() {
  counted += 1;
  return counted;
}
function nap() {
  Utilities.sleep(2000);
}
function copyBigSheet() {
  var ss = SpreadsheetApp.getActiveSpreadsheet();
  ss.getSheetByName('Big copy').copyTo(ss);
}
