using System.Globalization;
using System.Text;

namespace MoltBot.Hosting.Metrics;

/// <summary>
/// OpenTelemetry names to Prometheus names, as the OpenTelemetry Prometheus exporters do:
/// <c>moltbot.model.latency</c> in <c>s</c> → <c>moltbot_model_latency_seconds</c>; counters end in <c>_total</c>;
/// annotation units (<c>{token}</c>) are dropped.
/// </summary>
internal static class PrometheusNames
{
    public static string Metric(string name, string? unit)
    {
        var metric = Sanitize(name);
        var suffix = unit switch
        {
            "s" => "seconds",
            "ms" => "milliseconds",
            "By" => "bytes",
            _ => null,
        };
        return suffix is null || metric.EndsWith("_" + suffix, StringComparison.Ordinal) ? metric : metric + "_" + suffix;
    }

    public static string Total(string metric) => metric.EndsWith("_total", StringComparison.Ordinal) ? metric : metric + "_total";

    /// <summary><c>a="x",b="y"</c>, sorted by name so one tag set is always one series.</summary>
    public static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.IsEmpty)
        {
            return "";
        }
        var sorted = tags.ToArray();
        Array.Sort(sorted, (a, b) => string.CompareOrdinal(a.Key, b.Key));
        var text = new StringBuilder();
        foreach (var (key, value) in sorted)
        {
            if (text.Length > 0)
            {
                text.Append(',');
            }
            var shown = value is IFormattable f ? f.ToString(null, CultureInfo.InvariantCulture) : value?.ToString() ?? "";
            text.Append(Sanitize(key)).Append("=\"").Append(EscapeLabel(shown)).Append('"');
        }
        return text.ToString();
    }

    public static string Number(double value) => value switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        double.NaN => "NaN",
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string EscapeHelp(string help) => help.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string EscapeLabel(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Sanitize(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            text.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        }
        if (text.Length == 0 || char.IsAsciiDigit(text[0]))
        {
            text.Insert(0, '_');
        }
        return text.ToString();
    }
}
