// Entry point of the Apps Script emulation: builds the global services the bundle expects (SpreadsheetApp,
// PropertiesService, …) over a WorkbookModel, plus what the host needs to observe and steer them.

import { randomUUID } from 'node:crypto';
import { CacheServiceImpl, Cache, type CacheStore } from './cache';
import { ChartOptions, ContainerInfo, EmbeddedChart, EmbeddedChartBuilder } from './charts';
import { BooleanCondition, ConditionalFormatRule, ConditionalFormatRuleBuilder } from './conditional';
import { ContentServiceImpl, TextOutput } from './content';
import type { Ctx, UiRecord } from './context';
import { CallCounter, instrument } from './counter';
import { makeEnums } from './enum-set';
import { Choice, Form, FormAppService, FormResponse, Item, ItemResponse, TextValidation, TextValidationBuilder } from './forms';
import { HtmlOutput, HtmlServiceImpl } from './html';
import { Lock, LockServiceImpl, LockState, lockHooks, type LockHooks } from './lock';
import { DeveloperMetadata, DeveloperMetadataFinder, DeveloperMetadataLocation } from './metadata';
import type { WorkbookModel } from './model';
import { Properties, PropertiesServiceImpl } from './properties';
import { Protection } from './protection';
import { Range } from './range';
import { makeRealm, type RealmConstructors } from './realm';
import { LoggerImpl, ScriptAppImpl, Service, SessionImpl, User } from './session';
import { Sheet } from './sheet';
import { Spreadsheet, SpreadsheetAppService } from './spreadsheet';
import { TextFinder } from './textfinder';
import { Menu, PromptResponse, Ui } from './ui';
import { HTTPResponse, UrlFetchAppImpl, type FetchTransport } from './url-fetch';
import { Blob, UtilitiesImpl } from './utilities';
import { DataValidation, DataValidationBuilder } from './validation';

export { createEmptyWorkbook, type WorkbookModel } from './model';
export { CallCounter } from './counter';
export type { LockHooks, LockKind } from './lock';
export type { UiRecord } from './context';
export type { FetchRequest, FetchResponse, FetchTransport } from './url-fetch';

// Instrumented once: each public method call counts as "Class.method" in the counter of the object's services.
const CLASSES: Array<[{ prototype: object }, string]> = [
  [SpreadsheetAppService, 'SpreadsheetApp'],
  [Spreadsheet, 'Spreadsheet'],
  [Sheet, 'Sheet'],
  [Range, 'Range'],
  [DeveloperMetadata, 'DeveloperMetadata'],
  [DeveloperMetadataLocation, 'DeveloperMetadataLocation'],
  [DeveloperMetadataFinder, 'DeveloperMetadataFinder'],
  [DataValidationBuilder, 'DataValidationBuilder'],
  [DataValidation, 'DataValidation'],
  [ConditionalFormatRuleBuilder, 'ConditionalFormatRuleBuilder'],
  [ConditionalFormatRule, 'ConditionalFormatRule'],
  [BooleanCondition, 'BooleanCondition'],
  [EmbeddedChartBuilder, 'EmbeddedChartBuilder'],
  [EmbeddedChart, 'EmbeddedChart'],
  [ChartOptions, 'ChartOptions'],
  [ContainerInfo, 'ContainerInfo'],
  [Protection, 'Protection'],
  [TextFinder, 'TextFinder'],
  [Ui, 'Ui'],
  [Menu, 'Menu'],
  [PromptResponse, 'PromptResponse'],
  [HtmlServiceImpl, 'HtmlService'],
  [HtmlOutput, 'HtmlOutput'],
  [ContentServiceImpl, 'ContentService'],
  [TextOutput, 'TextOutput'],
  [PropertiesServiceImpl, 'PropertiesService'],
  [Properties, 'Properties'],
  [LockServiceImpl, 'LockService'],
  [Lock, 'Lock'],
  [CacheServiceImpl, 'CacheService'],
  [Cache, 'Cache'],
  [UtilitiesImpl, 'Utilities'],
  [Blob, 'Blob'],
  [SessionImpl, 'Session'],
  [User, 'User'],
  [ScriptAppImpl, 'ScriptApp'],
  [Service, 'Service'],
  [LoggerImpl, 'Logger'],
  [FormAppService, 'FormApp'],
  [Form, 'Form'],
  [Item, 'Item'],
  [Choice, 'Choice'],
  [TextValidationBuilder, 'TextValidationBuilder'],
  [TextValidation, 'TextValidation'],
  [FormResponse, 'FormResponse'],
  [UrlFetchAppImpl, 'UrlFetchApp'],
  [HTTPResponse, 'HTTPResponse'],
  [ItemResponse, 'ItemResponse'],
];
for (const [cls, label] of CLASSES) instrument(cls, label);

export interface AppsScriptServicesOptions {
  model: WorkbookModel;
  /** Directory holding the "<name>.html" files of HtmlService.createHtmlOutputFromFile. */
  htmlDir?: string;
  /** What ScriptApp.getService().getUrl() returns (e.g. the local /exec URL). */
  webAppUrl?: string;
  userEmail?: string;
  /** Clock for cache expiry. */
  now?: () => Date;
  uuid?: () => string;
  /** The vm context's Date/Array/Error, so values handed to the script pass its `instanceof` checks. */
  realm?: RealmConstructors;
  /** How UrlFetchApp reaches a URL (the local mode's HTTP client); without one, every address is unavailable. */
  fetch?: FetchTransport;
}

export interface AppsScriptServices {
  /** The globals to inject into the script's context. */
  globals: {
    SpreadsheetApp: SpreadsheetAppService;
    PropertiesService: PropertiesServiceImpl;
    LockService: LockServiceImpl;
    CacheService: CacheServiceImpl;
    ContentService: ContentServiceImpl;
    HtmlService: HtmlServiceImpl;
    Utilities: UtilitiesImpl;
    Session: SessionImpl;
    ScriptApp: ScriptAppImpl;
    Logger: LoggerImpl;
    FormApp: FormAppService;
    UrlFetchApp: UrlFetchAppImpl;
  };
  calls: CallCounter;
  ui: UiRecord;
  locks: LockHooks;
  /** Logger.log lines. */
  logs: string[];
  /** Total milliseconds the script asked Utilities.sleep for (nothing actually sleeps). */
  sleptMs(): number;
  /** Empties the caches (as if they had all expired). */
  clearCaches(): void;
  /** What a doGet/doPost return value should be served as. */
  describeOutput(output: unknown): { kind: 'text'; content: string; contentType: string } | { kind: 'html'; content: string; title: string } | null;
}

export function createAppsScriptServices(options: AppsScriptServicesOptions): AppsScriptServices {
  const ui: UiRecord = { menus: [], sidebars: [], dialogs: [], alerts: [], toasts: [], responses: [] };
  const ctx: Ctx = {
    model: options.model,
    calls: new CallCounter(),
    realm: makeRealm(options.realm),
    enums: makeEnums(),
    ui,
    now: options.now ?? (() => new Date()),
    uuid: options.uuid ?? (() => randomUUID()),
    userEmail: options.userEmail ?? 'utilisateur@example.org',
    webAppUrl: options.webAppUrl ?? '',
    logs: [],
    sleptMs: 0,
  };
  if (options.htmlDir !== undefined) ctx.htmlDir = options.htmlDir;
  const lockState = new LockState();
  const caches: Record<'script' | 'document' | 'user', CacheStore> = { script: new Map(), document: new Map(), user: new Map() };
  return {
    globals: {
      SpreadsheetApp: new SpreadsheetAppService(ctx),
      PropertiesService: new PropertiesServiceImpl(ctx),
      LockService: new LockServiceImpl(ctx, lockState),
      CacheService: new CacheServiceImpl(ctx, caches),
      ContentService: new ContentServiceImpl(ctx),
      HtmlService: new HtmlServiceImpl(ctx),
      Utilities: new UtilitiesImpl(ctx),
      Session: new SessionImpl(ctx),
      ScriptApp: new ScriptAppImpl(ctx),
      Logger: new LoggerImpl(ctx),
      FormApp: new FormAppService(ctx),
      UrlFetchApp: new UrlFetchAppImpl(ctx, options.fetch ?? null),
    },
    calls: ctx.calls,
    ui,
    locks: lockHooks(lockState),
    logs: ctx.logs,
    sleptMs: () => ctx.sleptMs,
    clearCaches: () => {
      for (const c of Object.values(caches)) c.clear();
    },
    describeOutput: (output) => {
      if (output instanceof TextOutput) return { kind: 'text', content: output._content, contentType: output._contentType() };
      if (output instanceof HtmlOutput) return { kind: 'html', content: output._content, title: output._title };
      return null;
    },
  };
}
