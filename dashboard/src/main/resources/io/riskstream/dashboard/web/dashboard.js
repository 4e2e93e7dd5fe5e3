// The live dashboard: one server-sent event per second carries the whole state; nothing reloads.
// Every value is written with textContent, never as HTML, so no record can inject markup.
'use strict';

const token = new URLSearchParams(location.search).get('token');
const withToken = (path) => token ? path + '?token=' + encodeURIComponent(token) : path;
const $ = (id) => document.getElementById(id);
const fmt = (x, digits = 0) => x === null || x === undefined ? '–' : Number(x).toFixed(digits);
const time = (ms) => new Date(ms).toLocaleTimeString();

function chart(id, series, yRange) {
  const el = $(id);
  const opts = {
    width: el.clientWidth || 500,
    height: 200,
    scales: { x: { time: true }, y: yRange ? { range: yRange } : {} },
    series: [{}].concat(series.map(([label, stroke]) => ({ label, stroke, width: 2, spanGaps: true }))),
    axes: [{ stroke: '#8a96a3', grid: { stroke: '#262e39' } }, { stroke: '#8a96a3', grid: { stroke: '#262e39' } }],
  };
  return new uPlot(opts, [[]].concat(series.map(() => [])), el);
}

const throughput = chart('chart-throughput', [['transactions/s', '#58a6ff'], ['scores/s', '#3fb950']]);
const latency = chart('chart-latency', [['p50', '#d29922'], ['p99', '#f85149']]);
const quality = chart('chart-quality', [['AUC', '#58a6ff'], ['AP', '#3fb950']], [0, 1]);
window.addEventListener('resize', () => {
  for (const [c, id] of [[throughput, 'chart-throughput'], [latency, 'chart-latency'], [quality, 'chart-quality']]) {
    c.setSize({ width: $(id).clientWidth, height: 200 });
  }
});

function replace(list, items, render) {
  const nodes = items.map(render);
  list.replaceChildren(...nodes);
}

function li(...parts) {
  const item = document.createElement('li');
  for (const [text, cls] of parts) {
    const span = document.createElement('span');
    span.textContent = text;
    if (cls) span.className = cls;
    item.append(span, ' ');
  }
  return item;
}

function row(...cells) {
  const tr = document.createElement('tr');
  for (const [text, cls] of cells) {
    const td = document.createElement('td');
    td.textContent = text;
    if (cls) td.className = cls;
    tr.append(td);
  }
  return tr;
}

function render(s) {
  $('txn-rate').textContent = fmt(s.transactionsPerSecond, 1);
  $('score-rate').textContent = fmt(s.scoresPerSecond, 1);
  $('txn-total').textContent = s.transactions;
  $('scores-total').textContent = s.scores;
  $('latency').textContent = [s.latency.p50, s.latency.p95, s.latency.p99].map((x) => fmt(x)).join(' / ');
  $('approve').textContent = s.decisions.APPROVE || 0;
  $('review').textContent = s.decisions.REVIEW || 0;
  $('decline').textContent = s.decisions.DECLINE || 0;
  $('dead-letters').textContent = s.deadLetters;
  $('model-version').textContent = s.modelVersion === null ? '–' : s.modelVersion;

  throughput.setData([s.series.seconds, s.series.transactions, s.series.scores]);
  latency.setData([s.series.seconds, s.series.latencyP50, s.series.latencyP99]);
  quality.setData([s.quality.map((q) => q.at / 1000), s.quality.map((q) => q.auc), s.quality.map((q) => q.ap)]);

  const peak = Math.max(...s.scoreHistogram, 1e-9);
  replace($('histogram'), s.scoreHistogram, (share, i) => {
    const bar = document.createElement('div');
    bar.style.height = (100 * share / peak) + '%';
    bar.title = `${(i / s.scoreHistogram.length).toFixed(2)}–${((i + 1) / s.scoreHistogram.length).toFixed(2)}: ${(100 * share).toFixed(1)}%`;
    return bar;
  });

  replace($('alerts'), s.alerts, (a) => li(
    [time(a.eventTime)], [a.decision, a.decision], [a.transactionId], ['card ' + a.cardId],
    [a.amount === null ? '' : a.amount.toFixed(2)], ['score ' + a.score.toFixed(3)],
    ['v' + a.modelVersion], [a.reasons.length ? 'reasons: ' + a.reasons.join(', ') : '']));
  replace($('versions'), s.versions, (v) => row(
    [time(v.at)], [v.kind, v.kind], ['v' + v.version + (v.parentVersion ? ' ← v' + v.parentVersion : '')],
    [v.holdoutAp === null ? '' : v.holdoutAp.toFixed(3)], [v.reason]));
  replace($('drift'), s.drift, (d) => li([time(d.at)], [d.kind, d.kind], ['v' + d.version], [d.reason]));
  replace($('lag'), Object.entries(s.consumerLag), ([group, behind]) => row([group], [String(behind)]));
  replace($('dead-letter-feed'), s.recentDeadLetters, (d) => li([time(d.at)], [d.job], [d.sourceTopic], [d.reason]));
}

function connect() {
  const events = new EventSource(withToken('/events'));
  events.addEventListener('open', () => { $('connection').textContent = 'live'; $('connection').className = 'status up'; });
  events.addEventListener('state', (e) => render(JSON.parse(e.data)));
  events.addEventListener('error', () => { $('connection').textContent = 'reconnecting…'; $('connection').className = 'status down'; });
}
connect();
