// Reading engine status into the one result model: Chaos Mesh conditions and containerRecords, Litmus ChaosEngine
// and ChaosResult. The finish rules follow the controllers (chaos-mesh controllers/utils/controller/finished.go).
import type { TargetRecord } from './api';
import type { LiveObject } from './kube/client';

interface CmEvent {
  type?: string;
  operation?: string;
  timestamp?: string;
  message?: string;
}
interface CmRecord {
  id?: string;
  phase?: string;
  injectedCount?: number;
  recoveredCount?: number;
  events?: CmEvent[];
}

/** What a Chaos Mesh object says now. */
export interface ChaosMeshView {
  desiredPhase: string | undefined;
  conditions: Record<string, boolean>;
  targets: TargetRecord[];
  deleting: boolean;
}

/** Parse a Chaos Mesh object's status. */
export function chaosMeshView(o: LiveObject): ChaosMeshView {
  const st = (o.status ?? {}) as { conditions?: Array<{ type?: string; status?: string }>; experiment?: { desiredPhase?: string; containerRecords?: CmRecord[] } };
  const conditions: Record<string, boolean> = {};
  for (const c of st.conditions ?? []) if (c.type) conditions[c.type] = c.status === 'True';
  const targets = (st.experiment?.containerRecords ?? []).map((r): TargetRecord => {
    const ok = (op: string): CmEvent[] => (r.events ?? []).filter((e) => e.operation === op && e.type === 'Succeeded');
    const failed = (r.events ?? []).filter((e) => e.type === 'Failed');
    const injected = ok('Apply');
    const recovered = ok('Recover');
    const phase: TargetRecord['phase'] = r.phase === 'Injected' ? 'injected' : (r.recoveredCount ?? 0) > 0 || recovered.length ? 'recovered' : failed.length ? 'failed' : 'not-injected';
    return {
      id: r.id ?? '?',
      phase,
      injectedAt: injected[0]?.timestamp,
      recoveredAt: phase === 'recovered' ? recovered[recovered.length - 1]?.timestamp : undefined,
      injectedCount: r.injectedCount ?? injected.length,
      recoveredCount: r.recoveredCount ?? recovered.length,
      message: failed[failed.length - 1]?.message,
    };
  });
  return { desiredPhase: st.experiment?.desiredPhase, conditions, targets, deleting: o.metadata?.deletionTimestamp !== undefined };
}

/**
 * Finished per the Chaos Mesh controller: one-shot faults when every record is injected; others when desiredPhase is
 * Stop, every record is back to Not Injected and the duration is over.
 */
export function chaosMeshFinished(v: ChaosMeshView, oneShot: boolean, durationOver: boolean): boolean {
  if (!v.targets.length) return false;
  if (oneShot) return v.targets.every((t) => t.phase === 'injected' || t.injectedCount > 0);
  return v.desiredPhase === 'Stop' && durationOver && v.targets.every((t) => t.phase !== 'injected');
}

/** What a Litmus ChaosEngine says now. */
export interface LitmusEngineView {
  engineStatus: string | undefined;
  experimentStatus: string | undefined;
  verdict: string | undefined;
}

export function litmusEngineView(o: LiveObject): LitmusEngineView {
  const st = (o.status ?? {}) as { engineStatus?: string; experiments?: Array<{ status?: string; verdict?: string }> };
  return { engineStatus: st.engineStatus, experimentStatus: st.experiments?.[0]?.status, verdict: st.experiments?.[0]?.verdict };
}

/** The engine finished: completed or stopped (ChaosExperiment Not Found also ends it). */
export function litmusFinished(v: LitmusEngineView): boolean {
  return v.engineStatus === 'completed' || v.engineStatus === 'stopped' || v.experimentStatus === 'ChaosExperiment Not Found';
}

/** The verdict of a ChaosResult: Pass/Fail/Stopped/Awaited/Error with the phase and probe success. */
export function litmusResultView(o: LiveObject): { phase: string | undefined; verdict: string | undefined; probeSuccess: string | undefined; failStep: string | undefined; targets: TargetRecord[] } {
  const st = (o.status ?? {}) as {
    experimentStatus?: { phase?: string; verdict?: string; probeSuccessPercentage?: string; errorOutput?: { reason?: string } };
    history?: { targets?: Array<{ name?: string; kind?: string; chaosStatus?: string }> };
  };
  return {
    phase: st.experimentStatus?.phase,
    verdict: st.experimentStatus?.verdict,
    probeSuccess: st.experimentStatus?.probeSuccessPercentage,
    failStep: st.experimentStatus?.errorOutput?.reason,
    targets: (st.history?.targets ?? []).map((t) => ({
      id: t.name ?? '?',
      phase: t.chaosStatus === 'injected' ? 'injected' : t.chaosStatus === 'reverted' ? 'recovered' : 'unknown',
      injectedAt: undefined,
      recoveredAt: undefined,
      injectedCount: t.chaosStatus ? 1 : 0,
      recoveredCount: t.chaosStatus === 'reverted' ? 1 : 0,
      message: t.kind,
    })),
  };
}
