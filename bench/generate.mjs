// Deterministic synthetic catalogues: realistic zh/en names, 5–20 categories, 3–4 stages.

function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const EN_A = ['Traffic', 'Gateway', 'Mesh', 'Policy', 'Telemetry', 'Sidecar', 'Ingress', 'Egress', 'Certificate', 'Identity',
  'Cluster', 'Proxy', 'Routing', 'Tracing', 'Metrics', 'Logging', 'Authorization', 'Plugin', 'Operator', 'Webhook'];
const EN_B = ['mirroring', 'shifting', 'retries', 'timeouts', 'discovery', 'validation', 'rotation', 'federation', 'sampling',
  'injection', 'failover', 'balancing', 'encryption', 'export', 'filters', 'upgrades', 'isolation', 'quotas', 'caching', 'dashboards'];
const ZH_A = ['流量', '网关', '网格', '策略', '遥测', '边车', '入口', '出口', '证书', '身份', '集群', '代理', '路由', '追踪', '指标', '日志', '授权', '插件', '操作器', '钩子'];
const ZH_B = ['镜像', '切换', '重试', '超时', '发现', '验证', '轮换', '联邦', '采样', '注入', '故障转移', '负载均衡', '加密', '导出', '过滤器', '升级', '隔离', '配额', '缓存', '仪表盘'];
const STAGES = [
  { id: 'alpha', label: 'Alpha', tone: 'experimental' },
  { id: 'beta', label: 'Beta', tone: 'preview' },
  { id: 'stable', label: 'Stable', tone: 'stable' },
  { id: 'deprecated', label: 'Deprecated', tone: 'deprecated' },
];

/// A catalogue of `count` features in `locale`, the same for the same arguments.
export function syntheticCatalogue(count, locale = 'en', seed = 42) {
  const r = rng(seed + count);
  const pick = (list) => list[Math.floor(r() * list.length)];
  const zh = locale === 'zh';
  const stages = STAGES.slice(0, 3 + (r() < 0.5 ? 1 : 0));
  const nCategories = 5 + Math.floor(r() * 16);
  const categories = Array.from({ length: nCategories }, (_, i) => ({
    id: `cat-${i + 1}`,
    label: zh ? `${pick(ZH_A)}${pick(ZH_B)}类 ${i + 1}` : `${pick(EN_A)} ${pick(EN_B)} ${i + 1}`,
  }));
  const features = Array.from({ length: count }, (_, i) => {
    const f = {
      id: `f-${i + 1}`,
      name: zh ? `${pick(ZH_A)}${pick(ZH_B)}：${pick(ZH_A)} ${i + 1}` : `${pick(EN_A)} ${pick(EN_B)}: ${pick(EN_A).toLowerCase()} ${i + 1}`,
      category: pick(categories).id,
      stage: pick(stages).id,
    };
    if (r() < 0.6) f.link = `/docs/features/${f.id}/`;
    if (r() < 0.1) f.note = zh ? `不支持${pick(ZH_B)}` : `No ${pick(EN_B)} yet`;
    return f;
  });
  return {
    version: 1, locale, title: zh ? '功能状态' : 'Feature status', intro: 'Synthetic benchmark catalogue.',
    stages,
    aspects: [{ id: 'api', label: 'API', definitions: Object.fromEntries(stages.map((s) => [s.id, `${s.label} API promise`])) }],
    categories, features,
  };
}

/// `syntheticCatalogue(count)` over `nReleases` releases (`1.1` to `1.<nReleases>`),
/// each feature with a history: it appears in some release (a tenth in the first,
/// as old features do) in its first stage, now and then a later one, and moves on
/// one stage at a time, one to four releases a step, through one to three stages
/// in all (about 40 % / 38 % / 22 %, as Kubernetes' feature gates do), its stage
/// the last one; a deprecated feature says since when. The same for the same
/// arguments; `syntheticCatalogue`'s catalogues do not change.
export function releaseCatalogue(count, nReleases = 30, locale = 'en', seed = 42) {
  const c = syntheticCatalogue(count, locale, seed);
  const r = rng(seed + count + 1000003 * nReleases);
  const releases = Array.from({ length: nReleases }, (_, i) => `1.${i + 1}`);
  const last = c.stages.length - 1;
  for (const f of c.features) {
    let rank = r() < 0.1 ? 0 : Math.floor(r() * nReleases);
    let stage = Math.min(last, r() < 0.75 ? 0 : r() < 0.6 ? 1 : 2);
    const steps = r() < 0.4 ? 0 : r() < 0.63 ? 1 : 2;
    f.history = [{ stage: c.stages[stage].id, since: releases[rank] }];
    for (let k = 0; k < steps && stage < last; k++) {
      rank += 1 + Math.floor(r() * 4);
      if (rank >= nReleases) break;
      stage += 1;
      f.history.push({ stage: c.stages[stage].id, since: releases[rank] });
    }
    f.stage = c.stages[stage].id;
    if (c.stages[stage].tone === 'deprecated') f.deprecated = { since: f.history.at(-1).since };
  }
  return { ...c, releases };
}

/// `syntheticCatalogue(count)` with five attribute columns, as Dapr's or
/// Envoy's catalogues have them: two bools (`default`, `ttl`), two enums
/// (`posture`, three values; `provider`, four) and a text (`version`);
/// every feature has each, but a tenth lack the text. The same for the same
/// arguments; `syntheticCatalogue`'s catalogues do not change.
export function attributeCatalogue(count, locale = 'en', seed = 42) {
  const c = syntheticCatalogue(count, locale, seed);
  const r = rng(seed + count + 7919);
  const choice = (id, label, values) => ({ id, label, kind: 'enum', values: values.map((v) => ({ id: v.toLowerCase().replace(/\W+/g, '-'), label: v })) });
  const attributes = [
    { id: 'default', label: 'On by default', kind: 'bool' },
    choice('posture', 'Security posture', ['Robust', 'Requires trust', 'Unknown']),
    choice('provider', 'Provider', ['Generic', 'AWS', 'Azure', 'GCP']),
    { id: 'ttl', label: 'TTL', kind: 'bool' },
    { id: 'version', label: 'Version', kind: 'text' },
  ];
  for (const f of c.features) {
    f.attributes = {
      default: r() < 0.6,
      posture: attributes[1].values[Math.floor(r() * 3)].id,
      provider: attributes[2].values[Math.floor(r() * 4)].id,
      ttl: r() < 0.4,
    };
    if (r() < 0.9) f.attributes.version = `v${1 + Math.floor(r() * 3)}`;
  }
  return { ...c, attributes };
}
