// Guardrails are pure functions: every branch here, with the message a user would see.
import * as assert from 'node:assert/strict';
import type { Guardrails } from '../../server/src/policy/types';
import {
  checkAsked,
  checkBlastRadius,
  checkConfirmation,
  checkContext,
  checkDuration,
  checkNamespace,
  podsHit,
  productionReason,
} from '../../server/src/runs/guardrails';
import { globMatch } from '../../server/src/policy/units';
import { setLocale } from '../../server/src/l10n';
import { judgeK6 } from '../../server/src/runs/k6';
import type { LoadSummary } from '../../server/src/runs/api';

describe('runs: guardrails', () => {
  it('globs match whole names, * and ?', () => {
    assert.ok(globMatch('kind-*', 'kind-dfx'));
    assert.ok(globMatch('*', ''));
    assert.ok(globMatch('shop-?', 'shop-1'));
    assert.ok(!globMatch('shop-?', 'shop-12'));
    assert.ok(!globMatch('kind-*', 'xkind-dfx'));
    assert.ok(!globMatch('a.b', 'axb'), 'dots are literal');
    assert.ok(globMatch('PROD*', 'prod-eu', true));
    assert.ok(!globMatch('PROD*', 'prod-eu'));
  });

  describe('production classification', () => {
    const prod = ['prod', 'production', 'prd', 'live', 'gke_acme_europe-west1_prod-cluster', 'arn:aws:eks:eu-west-1:1:cluster/shop-prd', 'PROD', 'Live-EU', 'prod2', 'api.production.acme'];
    const notProd = ['kind-dfx', 'product-dev', 'staging', 'liveness-test', 'preprod', 'k3d-local', 'proddy', 'delivery'];
    for (const n of prod) it(`"${n}" is production`, () => assert.ok(productionReason(n, undefined, undefined)));
    for (const n of notProd) it(`"${n}" is not production by name`, () => assert.equal(productionReason(n, undefined, undefined), undefined));
    it('policy globs add production contexts', () => {
      assert.match(productionReason('preprod', undefined, { productionContexts: ['*prod*'] }) ?? '', /productionContexts/);
    });
    it('the API server host counts too', () => {
      assert.match(productionReason('kind-dfx', 'https://k8s.prod.acme.io:6443', undefined) ?? '', /API server/);
      assert.equal(productionReason('kind-dfx', 'https://127.0.0.1:6443', undefined), undefined);
    });
  });

  describe('context', () => {
    it('refuses production unless the policy allows it', () => {
      const r = checkContext('prod-eu', undefined, {});
      assert.equal(r.check.status, 'fail');
      assert.match(r.check.detail, /counts as production/);
      assert.match(r.check.fix ?? '', /allowProduction/);
    });
    it('allowed production warns and needs the typed name', () => {
      const r = checkContext('prod-eu', undefined, { allowProduction: true });
      assert.equal(r.check.status, 'warn');
      assert.equal(checkConfirmation('prod-eu', r.production, undefined)?.status, 'fail');
      assert.equal(checkConfirmation('prod-eu', r.production, 'prod-EU')?.status, 'fail');
      assert.equal(checkConfirmation('prod-eu', r.production, 'prod-eu')?.status, 'pass');
      assert.equal(checkConfirmation('kind-dfx', undefined, undefined), undefined);
    });
    it('allowedContexts restricts even non-production contexts', () => {
      assert.equal(checkContext('kind-dfx', undefined, { allowedContexts: ['kind-*'] }).check.status, 'pass');
      const r = checkContext('minikube', undefined, { allowedContexts: ['kind-*', 'k3d-*'] });
      assert.equal(r.check.status, 'fail');
      assert.match(r.check.detail, /not in chaos.guardrails.allowedContexts \(kind-\*, k3d-\*\)/);
    });
    it('allowedContexts does not make production allowed', () => {
      assert.equal(checkContext('prod', undefined, { allowedContexts: ['*'] }).check.status, 'fail');
    });
  });

  describe('namespace', () => {
    const g: Guardrails = { allowedNamespaces: ['shop', 'team-*'] };
    it('chaos needs an explicit allow', () => {
      const c = checkNamespace('shop', undefined, 'chaos');
      assert.equal(c.status, 'fail');
      assert.match(c.fix ?? '', /allowedNamespaces/);
    });
    it('in-cluster load is allowed without a list', () => assert.equal(checkNamespace('shop', undefined, 'load').status, 'pass'));
    it('globs', () => {
      assert.equal(checkNamespace('team-a', g, 'chaos').status, 'pass');
      assert.equal(checkNamespace('shop', g, 'chaos').status, 'pass');
      assert.equal(checkNamespace('shopx', g, 'chaos').status, 'fail');
    });
    for (const ns of ['kube-system', 'chaos-mesh', 'litmus']) {
      it(`${ns} is never a target, even when listed`, () => assert.equal(checkNamespace(ns, { allowedNamespaces: ['*'] }, 'chaos').status, 'fail'));
    }
  });

  describe('duration', () => {
    it('is required and parsed', () => {
      assert.equal(checkDuration(undefined, undefined).check.status, 'fail');
      assert.equal(checkDuration('60', undefined).check.status, 'fail');
      assert.equal(checkDuration('0s', undefined).check.status, 'fail');
      assert.equal(checkDuration('90s', undefined).ms, 90_000);
    });
    it('default limit 10m', () => {
      assert.equal(checkDuration('10m', undefined).check.status, 'pass');
      assert.match(checkDuration('11m', undefined).check.detail, /exceeds the default limit \(10m\)/);
    });
    it('policy maxDuration', () => {
      assert.equal(checkDuration('2m', { maxDuration: '1m' }).check.status, 'fail');
      assert.equal(checkDuration('1m', { maxDuration: '1m' }).check.status, 'pass');
      assert.equal(checkDuration('30m', { maxDuration: '1h' }).check.status, 'pass');
      assert.match(checkDuration('1m', { maxDuration: 'soon' }).check.detail, /maxDuration/);
    });
  });

  describe('blast radius', () => {
    it('pods hit per mode (Chaos Mesh rounding down)', () => {
      assert.equal(podsHit('one', undefined, 5), 1);
      assert.equal(podsHit(undefined, undefined, 5), 1);
      assert.equal(podsHit('all', undefined, 5), 5);
      assert.equal(podsHit('fixed', '2', 5), 2);
      assert.equal(podsHit('fixed', '9', 5), 5);
      assert.equal(podsHit('fixed', '0', 5), undefined);
      assert.equal(podsHit('fixed', 'two', 5), undefined);
      assert.equal(podsHit('fixed-percent', '50', 5), 2);
      assert.equal(podsHit('random-max-percent', '100', 3), 3);
      assert.equal(podsHit('fixed-percent', '101', 3), undefined);
      assert.equal(podsHit('fixed-percent', '10', 3), 0);
      assert.equal(podsHit('all', undefined, 0), 0);
    });
    it('zero matching pods is refused', () => {
      const r = checkBlastRadius({ mode: 'one' }, 0, undefined);
      assert.equal(r.check.status, 'fail');
      assert.match(r.check.detail, /matches no pod/);
    });
    it('a mode that selects none of the matching pods is refused', () => {
      assert.match(checkBlastRadius({ mode: 'fixed-percent', value: '10' }, 3, undefined).check.detail, /selects none/);
    });
    it('default: at most half of the matching pods (at least one)', () => {
      assert.equal(checkBlastRadius({ mode: 'one' }, 1, undefined).check.status, 'pass');
      assert.equal(checkBlastRadius({ mode: 'all' }, 1, undefined).check.status, 'pass');
      assert.equal(checkBlastRadius({ mode: 'all' }, 4, undefined).check.status, 'fail');
      assert.equal(checkBlastRadius({ mode: 'fixed', value: '2' }, 4, undefined).check.status, 'pass');
    });
    it('policy count and percent', () => {
      assert.equal(checkBlastRadius({ mode: 'fixed', value: '3' }, 10, { maxBlastRadius: 2 }).check.status, 'fail');
      assert.equal(checkBlastRadius({ mode: 'fixed', value: '2' }, 10, { maxBlastRadius: '2' }).check.status, 'pass');
      assert.equal(checkBlastRadius({ mode: 'all' }, 4, { maxBlastRadius: '100%' }).check.status, 'pass');
      const r = checkBlastRadius({ mode: 'fixed-percent', value: '50' }, 10, { maxBlastRadius: '25%' });
      assert.equal(r.check.status, 'fail');
      assert.match(r.check.detail, /hits 5 of 10 pods; maxBlastRadius 25% allows 2/);
      assert.match(checkBlastRadius({ mode: 'one' }, 3, { maxBlastRadius: 'lots' }).check.detail, /not a blast radius/);
    });
  });

  it('confirmation is required unless the policy turns it off', () => {
    assert.equal(checkAsked(undefined, undefined)?.status, 'fail');
    assert.equal(checkAsked({ requireConfirmation: true }, true)?.status, 'pass');
    assert.equal(checkAsked({ requireConfirmation: false }, undefined), undefined);
  });

  it('preflight checks and run verdicts speak the locale in force (zh-cn), English again after', () => {
    const summary: LoadSummary = { engine: 'k6', target: 'x', durationMs: 1000, requests: 10, errors: 0, errorRate: 0, rps: 10, latency: { avg: 1, p50: 1, p90: 1, p95: 300, p99: 1, p999: 1, max: 300 }, statusCodes: {} };
    const th = [{ slo: 'fast', metric: 'latency.p95', limit: 200, bound: 'max' as const, written: '200ms' }];
    try {
      assert.equal(setLocale('zh-CN').locale, 'zh-cn');
      const ns = checkNamespace('kube-system', undefined, 'chaos');
      assert.equal(ns.title, '命名空间已获允许');
      assert.equal(ns.detail, '命名空间“kube-system”永远不能作为目标（系统或混沌工具）');
      assert.equal(checkContext('shop-prod', undefined, undefined).check.detail, '“shop-prod”被视为生产环境（上下文名称“shop-prod”包含“prod”）；拒绝针对生产环境运行');
      assert.equal(judgeK6(th, summary, [0]).reason, 'fast latency.p95 300ms（要求 <= 200ms）');
    } finally {
      setLocale('en');
    }
    assert.equal(checkNamespace('kube-system', undefined, 'chaos').title, 'Namespace allowed');
    assert.equal(judgeK6(th, summary, [0]).reason, 'fast latency.p95 300ms (want <= 200ms)');
  });
});
