// Manager workbench: draws the charts from the JSON embedded in the page and keeps 客户动态 live without a reload.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('dashboard-data').textContent);
  var charts = [];
  var palette = ['#07c160', '#1677ff', '#ff9a2e', '#f54a45', '#722ed1', '#14c9c9'];

  function chart(id, option) {
    var el = document.getElementById(id);
    if (!el) {
      return;
    }
    var c = echarts.init(el, null, {renderer: 'canvas', locale: 'ZH'});
    option.color = option.color || palette;
    option.animation = false;
    c.setOption(option);
    charts.push(c);
  }

  function money(v) {
    return '¥' + Math.round(Number(v || 0)).toLocaleString('zh-CN');
  }

  function empty(text) {
    return {type: 'text', left: 'center', top: 'middle', style: {text: text, fill: '#8f959e', fontSize: 13}};
  }

  chart('chart-funnel', {
    tooltip: {trigger: 'item', formatter: function (p) { return p.name + '<br>' + p.value + ' 个 · ' + money(p.data.amount); }},
    graphic: data.funnel.length && data.funnel[0].value > 0 ? [] : [empty('期间内没有新建商机')],
    series: [{type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%', gap: 2,
      label: {show: true, position: 'inside', formatter: '{b} {c}'},
      data: data.funnel.map(function (s) { return {name: s.name, value: s.value, amount: s.amount}; })}]
  });

  chart('chart-stages', {
    tooltip: {trigger: 'axis'},
    grid: {left: 40, right: 16, top: 20, bottom: 30},
    xAxis: {type: 'category', data: data.stages.map(function (s) { return s.name; })},
    yAxis: {type: 'value', minInterval: 1},
    series: [{type: 'bar', name: '商机数', data: data.stages.map(function (s) { return s.value; }), label: {show: true, position: 'top'}}]
  });

  chart('chart-win-rate', {
    tooltip: {trigger: 'axis'},
    grid: {left: 40, right: 16, top: 20, bottom: 30},
    xAxis: {type: 'category', data: data.winRateByStage.map(function (s) { return s.name; })},
    yAxis: {type: 'value', max: 100, axisLabel: {formatter: '{value}%'}},
    series: [{type: 'bar', name: '平均预测赢率', data: data.winRateByStage.map(function (s) { return s.winRate; }),
      label: {show: true, position: 'top', formatter: '{c}%'}}]
  });

  chart('chart-calibration', {
    tooltip: {trigger: 'item', formatter: function (p) {
      return p.seriesName === '校准' ? '预测 ' + p.value[0] + '% · 实际 ' + p.value[1] + '%（' + p.value[2] + ' 个样本）' : '完全校准';
    }},
    graphic: data.calibration.length ? [] : [empty('暂无校准数据')],
    grid: {left: 48, right: 16, top: 34, bottom: 40},
    xAxis: {type: 'value', min: 0, max: 100, name: '预测赢率', nameLocation: 'middle', nameGap: 26, axisLabel: {formatter: '{value}%'}},
    yAxis: {type: 'value', min: 0, max: 100, name: '实际赢单比例', axisLabel: {formatter: '{value}%'}},
    series: [
      {type: 'line', name: '完全校准', data: [[0, 0], [100, 100]], symbol: 'none', lineStyle: {type: 'dashed', color: '#c9cdd4'}},
      {type: 'line', name: '校准', data: data.calibration, symbolSize: 8}
    ]
  });

  chart('chart-actions', {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {top: 0},
    graphic: data.actionsByRep.length ? [] : [empty('暂无待处理的推荐动作')],
    grid: {left: 70, right: 16, top: 30, bottom: 24},
    xAxis: {type: 'value', minInterval: 1},
    yAxis: {type: 'category', data: data.actionsByRep.map(function (r) { return r.name; })},
    color: ['#f54a45', '#ff9a2e', '#c9cdd4'],
    series: [
      {type: 'bar', stack: 'p', name: '高', data: data.actionsByRep.map(function (r) { return r.high; })},
      {type: 'bar', stack: 'p', name: '中', data: data.actionsByRep.map(function (r) { return r.medium; })},
      {type: 'bar', stack: 'p', name: '低', data: data.actionsByRep.map(function (r) { return r.low; })}
    ]
  });

  var a = data.adoption;
  chart('chart-adoption', {
    tooltip: {trigger: 'item', formatter: '{b}：{c}（{d}%）'},
    legend: {bottom: 0},
    graphic: a.confirmed + a.executed + a.dismissed > 0 ? [] : [empty('期间内没有做出决定的推荐')],
    color: ['#1677ff', '#07c160', '#f54a45'],
    series: [{type: 'pie', radius: ['40%', '65%'], label: {formatter: '{b} {c}'},
      data: [{name: '已确认', value: a.confirmed}, {name: '已执行', value: a.executed}, {name: '已忽略', value: a.dismissed}]}]
  });

  chart('chart-channels', {
    tooltip: {trigger: 'axis', axisPointer: {type: 'shadow'}},
    legend: {top: 0},
    graphic: data.channels.length ? [] : [empty('期间内没有新增线索')],
    grid: {left: 40, right: 16, top: 30, bottom: 60},
    xAxis: {type: 'category', data: data.channels.map(function (c) { return c.name; }), axisLabel: {interval: 0, rotate: 20}},
    yAxis: {type: 'value', minInterval: 1},
    series: [
      {type: 'bar', name: '线索', data: data.channels.map(function (c) { return c.leads; })},
      {type: 'bar', name: '转商机', data: data.channels.map(function (c) { return c.opportunities; })},
      {type: 'bar', name: '赢单', data: data.channels.map(function (c) { return c.won; })}
    ]
  });

  window.addEventListener('resize', function () {
    charts.forEach(function (c) { c.resize(); });
  });

  // ---- 客户动态: poll the JSON endpoint and redraw the list in place ----
  var section = document.getElementById('activity');
  var list = document.getElementById('activity-list');
  var updated = document.getElementById('activity-updated');

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text !== undefined) {
      e.textContent = text;
    }
    return e;
  }

  function render(customers) {
    var items = customers.map(function (c) {
      var li = el('li');
      li.setAttribute('data-customer', c.customerId);
      var head = el('div', 'feed-head');
      head.appendChild(el('strong', null, c.name));
      if (c.intentGrade) {
        head.appendChild(document.createTextNode(' '));
        head.appendChild(el('span', 'grade grade-' + c.intentGrade, c.intentGrade));
      }
      head.appendChild(el('span', 'muted', c.company + ' · ' + c.ownerName));
      head.appendChild(el('span', 'ago', c.lastActivityAgo + '前'));
      li.appendChild(head);
      var events = el('ul', 'events');
      c.events.forEach(function (e) {
        var item = el('li');
        item.appendChild(el('span', 'muted', e.occurredAt));
        item.appendChild(document.createTextNode(' ' + e.label + (e.detail ? '：' + e.detail : '')));
        events.appendChild(item);
      });
      li.appendChild(events);
      return li;
    });
    if (!items.length) {
      items = [el('li', 'empty', '暂无活跃客户')];
    }
    list.replaceChildren.apply(list, items);
  }

  function refresh() {
    fetch(section.getAttribute('data-live-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) {
        if (r.status === 401) {
          throw new Error('登录已过期，请重新打开工作台');
        }
        if (!r.ok) {
          throw new Error('刷新失败（' + r.status + '）');
        }
        return r.json();
      })
      .then(function (body) {
        render(body.customers);
        updated.textContent = '更新于 ' + body.generatedAt;
        updated.classList.remove('stale');
      })
      .catch(function (e) {
        updated.textContent = e.message;
        updated.classList.add('stale');
      });
  }

  var seconds = Number(section.getAttribute('data-refresh-seconds')) || 15;
  window.setInterval(refresh, seconds * 1000);
  window.qingkeDashboard = {refresh: refresh, charts: charts};
})();
