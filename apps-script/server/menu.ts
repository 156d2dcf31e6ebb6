/** The Sheets menu and the sidebar. onOpen may run in AuthMode.NONE: it only builds the menu, touching no data. */

export function onOpen(): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Ouvrir Repère', 'showSidebar').addToUi();
}

export function onInstall(): void {
  onOpen();
}

export function showSidebar(): void {
  SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('Repère'));
}
