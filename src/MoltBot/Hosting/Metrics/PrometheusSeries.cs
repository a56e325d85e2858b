using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace MoltBot.Hosting.Metrics;

/// <summary>One instrument's values by label set, and how they are written in the Prometheus text format.</summary>
internal sealed class PrometheusSeries
{
    // Seconds: from a fast tool call to a long agent turn.
    private static readonly double[] SecondsBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300];
    private static readonly double[] DefaultBuckets = [0, 5, 10, 25, 50, 75, 100, 250, 500, 750, 1000, 2500, 5000, 7500, 10000];

    /// <summary>Label sets seen recently, matched by their tags: most measurements repeat one, so no label text is built.</summary>
    private const int RecentLabelSets = 32;

    private readonly Dictionary<string, Values> _byLabels = new(StringComparer.Ordinal);
    private readonly List<(KeyValuePair<string, object?>[] Tags, Values Values)> _recent = [];
    private readonly Lock _gate = new();

    private PrometheusSeries(string name, string type, string? help, Kind aggregation, double[] buckets)
    {
        Name = name;
        Type = type;
        Help = help;
        Aggregation = aggregation;
        Buckets = buckets;
    }

    private enum Kind
    {
        Sum,
        Cumulative,
        LastValue,
        Histogram,
    }

    public string Name { get; }

    private string Type { get; }

    private string? Help { get; }

    private Kind Aggregation { get; }

    private double[] Buckets { get; }

    /// <summary>The series for an instrument, or null for kinds it does not export.</summary>
    public static PrometheusSeries? For(Instrument instrument)
    {
        var baseName = PrometheusNames.Metric(instrument.Name, instrument.Unit);
        var generic = instrument.GetType().IsGenericType ? instrument.GetType().GetGenericTypeDefinition() : null;
        return generic switch
        {
            _ when generic == typeof(Counter<>) => new(PrometheusNames.Total(baseName), "counter", instrument.Description, Kind.Sum, []),
            _ when generic == typeof(ObservableCounter<>) => new(PrometheusNames.Total(baseName), "counter", instrument.Description, Kind.Cumulative, []),
            _ when generic == typeof(UpDownCounter<>) => new(baseName, "gauge", instrument.Description, Kind.Sum, []),
            _ when generic == typeof(ObservableUpDownCounter<>) || generic == typeof(ObservableGauge<>) || generic == typeof(Gauge<>) =>
                new(baseName, "gauge", instrument.Description, Kind.LastValue, []),
            _ when generic == typeof(Histogram<>) => new(baseName, "histogram", instrument.Description, Kind.Histogram,
                (instrument as Histogram<double>)?.Advice?.HistogramBucketBoundaries?.ToArray()
                ?? (instrument.Unit == "s" ? SecondsBuckets : DefaultBuckets)),
            _ => null,
        };
    }

    public void Record(double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        lock (_gate)
        {
            var values = ValuesFor(tags);
            switch (Aggregation)
            {
                case Kind.Sum:
                    values.Value += value;
                    break;
                case Kind.Cumulative or Kind.LastValue:
                    values.Value = value;
                    break;
                default:
                    values.Count++;
                    values.Value += value;
                    var bucket = Array.FindIndex(Buckets, bound => value <= bound);
                    if (bucket >= 0)
                    {
                        values.BucketCounts![bucket]++;
                    }
                    break;
            }
        }
    }

    /// <summary>
    /// The values for these tags. A recent tag set (same keys and values, in the same order) is found without building
    /// its label text, which sorted, formatted and escaped every tag of every measurement. Call under the lock.
    /// </summary>
    private Values ValuesFor(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        foreach (var (known, knownValues) in _recent)
        {
            if (SameTags(known, tags))
            {
                return knownValues;
            }
        }
        var labels = PrometheusNames.Labels(tags);
        if (!_byLabels.TryGetValue(labels, out var values))
        {
            values = new Values(Aggregation == Kind.Histogram ? new long[Buckets.Length] : null);
            _byLabels[labels] = values;
        }
        if (_recent.Count < RecentLabelSets)
        {
            _recent.Add((tags.ToArray(), values));
        }
        return values;
    }

    private static bool SameTags(KeyValuePair<string, object?>[] known, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (known.Length != tags.Length)
        {
            return false;
        }
        for (var i = 0; i < known.Length; i++)
        {
            if (!string.Equals(known[i].Key, tags[i].Key, StringComparison.Ordinal) || !Equals(known[i].Value, tags[i].Value))
            {
                return false;
            }
        }
        return true;
    }

    public void WriteTo(StringBuilder text)
    {
        if (Help is { Length: > 0 })
        {
            text.Append("# HELP ").Append(Name).Append(' ').Append(PrometheusNames.EscapeHelp(Help)).Append('\n');
        }
        text.Append("# TYPE ").Append(Name).Append(' ').Append(Type).Append('\n');
        lock (_gate)
        {
            if (_byLabels.Count == 0 && Aggregation == Kind.Sum)
            {
                // A counter nothing has counted yet is 0, so rate() and alerts work from the first scrape.
                text.Append(Name).Append(" 0\n");
            }
            foreach (var (labels, values) in _byLabels.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (Aggregation != Kind.Histogram)
                {
                    Sample(text, Name, labels, values.Value);
                    continue;
                }
                long cumulative = 0;
                for (var i = 0; i < Buckets.Length; i++)
                {
                    cumulative += values.BucketCounts![i];
                    Sample(text, Name + "_bucket", WithLabel(labels, "le", PrometheusNames.Number(Buckets[i])), cumulative);
                }
                Sample(text, Name + "_bucket", WithLabel(labels, "le", "+Inf"), values.Count);
                Sample(text, Name + "_sum", labels, values.Value);
                Sample(text, Name + "_count", labels, values.Count);
            }
        }
    }

    private static string WithLabel(string labels, string name, string value) =>
        (labels.Length == 0 ? "" : labels + ",") + name + "=\"" + value + "\"";

    private static void Sample(StringBuilder text, string name, string labels, double value)
    {
        text.Append(name);
        if (labels.Length > 0)
        {
            text.Append('{').Append(labels).Append('}');
        }
        text.Append(' ').Append(PrometheusNames.Number(value)).Append('\n');
    }

    private sealed class Values(long[]? bucketCounts)
    {
        public double Value { get; set; }

        public long Count { get; set; }

        public long[]? BucketCounts { get; } = bucketCounts;
    }
}
