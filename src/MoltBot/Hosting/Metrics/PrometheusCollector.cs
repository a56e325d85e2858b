using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Text;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// Aggregates this host's <see cref="MoltBotMetrics"/> meter with a <see cref="MeterListener"/> and renders it in the
/// Prometheus text format 0.0.4: counters as <c>_total</c>, histograms as cumulative <c>_bucket</c>/<c>_sum</c>/<c>_count</c>,
/// gauges as their last value. Small on purpose: no OpenTelemetry SDK on the scrape path.
/// </summary>
internal sealed class PrometheusCollector : IDisposable
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<Instrument, PrometheusSeries> _instruments = new();

    public PrometheusCollector(MoltBotMetrics metrics)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            // Only this host's meter: tests run several gateways in one process, each with its own "MoltBot" meter.
            if (instrument.Meter == metrics.Meter && PrometheusSeries.For(instrument) is { } series)
            {
                _instruments[instrument] = series;
                listener.EnableMeasurementEvents(instrument, series);
            }
        };
        _listener.MeasurementsCompleted = (instrument, state) => _instruments.TryRemove(instrument, out _);
        _listener.SetMeasurementEventCallback<long>((_, value, tags, state) => ((PrometheusSeries)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<int>((_, value, tags, state) => ((PrometheusSeries)state!).Record(value, tags));
        _listener.SetMeasurementEventCallback<double>((_, value, tags, state) => ((PrometheusSeries)state!).Record(value, tags));
        _listener.Start();
    }

    /// <summary>The current values, observable gauges read now.</summary>
    public string Render()
    {
        _listener.RecordObservableInstruments();
        var text = new StringBuilder(4096);
        foreach (var series in _instruments.Values.OrderBy(s => s.Name, StringComparer.Ordinal))
        {
            series.WriteTo(text);
        }
        return text.ToString();
    }

    public void Dispose() => _listener.Dispose();
}
