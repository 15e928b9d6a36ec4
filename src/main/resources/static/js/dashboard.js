// Draws the dashboard's charts from the figures the page carries (data-charts); nothing is fetched.
(function () {
  var holder = document.getElementById('charts');
  if (!holder || typeof echarts === 'undefined') {
    return;
  }
  var data = JSON.parse(holder.getAttribute('data-charts'));
  var colours = ['#2f80ed', '#f2994a', '#eb5757', '#9b51e0', '#27ae60', '#56ccf2'];

  function draw(id, option, empty) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    if (empty) {
      // an empty chart would look like a figure of zero; say there is nothing yet
      var note = document.createElement('p');
      note.className = 'empty';
      note.textContent = data.labels.empty;
      element.appendChild(note);
      return;
    }
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(Object.assign({ animation: false, color: colours }, option));
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // one currency per chart: amounts in yuan and in dollars on one axis would hide the smaller; the largest is drawn
  var main = data.ageing.slice().sort(function (a, b) {
    var sum = function (x) { return x.values.map(Number).reduce(function (s, v) { return s + v; }, 0); };
    return sum(b) - sum(a);
  })[0];
  draw('chart-ageing', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 70, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: data.bucketLabels, axisLabel: { interval: 0, fontSize: 10 } },
    yAxis: { type: 'value' },
    series: main ? [{ name: main.currency, type: 'bar', data: main.values.map(Number) }] : []
  }, !main);

  var dsoSeries = Object.keys(data.dso).map(function (currency) {
    return { name: currency, type: 'line', data: data.dso[currency].map(function (p) { return [p[0], Number(p[1])]; }) };
  });
  draw('chart-dso', {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 50, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category' },
    yAxis: { type: 'value', name: data.labels.dso },
    series: dsoSeries
  }, dsoSeries.length === 0);

  // from generated to agreed, as bars: a step with no statements shows as nothing, not as a box
  draw('chart-funnel', {
    tooltip: { trigger: 'axis' },
    grid: { left: 150, right: 30, top: 10, bottom: 20 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: data.funnel.map(function (f) { return f.name; }) },
    series: [{ type: 'bar', label: { show: true, position: 'right' },
      data: data.funnel.map(function (f) { return f.value; }) }]
  }, data.funnel[0].value === 0);

  draw('chart-matching', {
    tooltip: { trigger: 'axis' },
    grid: { left: 50, right: 10, top: 30, bottom: 30 },
    xAxis: { type: 'category', data: data.matching.map(function (m) { return m[0]; }) },
    yAxis: { type: 'value', name: data.labels.rate, max: 100 },
    series: [{ type: 'bar', data: data.matching.map(function (m) { return m[1] === '' ? null : Number(m[1]); }) }]
  }, data.matching.length === 0);
})();
