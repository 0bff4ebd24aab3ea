import { NotificationType, RequestType, RequestType0 } from 'vscode-languageserver-protocol';
import type { RuleMeta } from '../engine/types';

/** The server's state as the status item shows it. */
export type ServerState = 'starting' | 'ready' | 'analyzing' | 'error';

/** Payload of {@link StatusNotification}. */
export interface StatusParams {
  state: ServerState;
  /** Duration of the last analysis of one document, in ms. */
  lastAnalysisMs?: number;
  /** URI of the document last analysed. */
  uri?: string;
  /** Findings in the last analysed document. */
  findings?: number;
  /** Workspace scan progress, when one runs. */
  scanned?: number;
  total?: number;
  message?: string;
}

/** Sent from the server to the client whenever its state changes or an analysis finishes: feeds the status item. */
export const StatusNotification = new NotificationType<StatusParams>('genai4dfx/status');

/** Sent from the client to the server to list the rule catalogue (the Rules view, the "Show rules" command). */
export const ListRulesRequest = new RequestType0<RuleMeta[], void>('genai4dfx/listRules');

/** Code action kind of the fix-all action. */
export const FIX_ALL_KIND = 'source.fixAll.genai4dfx';

/** `Diagnostic.source` of every diagnostic the server publishes. */
export const DIAGNOSTIC_SOURCE = 'genai4dfx';

/** What `Diagnostic.data` carries: enough for a code action to find the finding again without re-keying by message. */
export interface DiagnosticData {
  ruleId: string;
  /** The document version the diagnostic was computed for; code actions on another version are ignored. */
  version: number;
  fixable: boolean;
  /** Rule-specific facts for fixes and AI actions. */
  facts?: Record<string, unknown>;
}

/** Parameters of {@link StarterPolicyRequest}. */
export interface StarterPolicyParams {
  /** The workspace folder to write `.dfx.yaml` into. */
  folderUri: string;
}

/** The starter policy for a folder: the text to write and a summary of what it was filled from. */
export interface StarterPolicyResult {
  text: string;
  /** e.g. "go, typescript, kubernetes; 4 workloads in shop". */
  summary: string;
}

/** Sent from the client to the server by "DFX: Create Policy": the server scans the folder and returns the starter text. */
export const StarterPolicyRequest = new RequestType<StarterPolicyParams, StarterPolicyResult, void>('genai4dfx/starterPolicy');
