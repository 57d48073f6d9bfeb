// Draws the dashboard's trend from the JSON in the canvas's data-chart attribute; the page
// carries the same numbers as a table for readers without the chart.
(function () {
  function draw() {
    var canvas = document.getElementById('trend-chart');
    if (!canvas || !window.Chart || Chart.getChart(canvas)) {
      return;
    }
    var data = JSON.parse(canvas.getAttribute('data-chart'));
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: [
          { label: '95 % interval (high)', data: data.high, borderWidth: 0, pointRadius: 0, fill: '+1',
            backgroundColor: 'rgba(79, 70, 229, 0.12)', spanGaps: true },
          { label: '95 % interval (low)', data: data.low, borderWidth: 0, pointRadius: 0, fill: false, spanGaps: true },
          { label: 'NPS', data: data.nps, borderColor: '#4f46e5', backgroundColor: '#4f46e5', spanGaps: true, tension: 0.2 }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: { y: { suggestedMin: -100, suggestedMax: 100, title: { display: true, text: 'NPS' } } },
        plugins: {
          legend: { labels: { filter: function (item) { return item.text === 'NPS'; } } },
          tooltip: {
            callbacks: {
              afterLabel: function (ctx) {
                return ctx.dataset.label === 'NPS' ? data.responses[ctx.dataIndex] + ' answers' : '';
              }
            }
          }
        }
      }
    });
  }
  document.addEventListener('DOMContentLoaded', draw);
  document.addEventListener('htmx:afterSettle', draw);
})();
