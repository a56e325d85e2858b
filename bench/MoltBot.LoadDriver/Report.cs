using System.Globalization;
using System.Text;

namespace MoltBot.LoadDriver;

/// <param name="Target">The issue's target, e.g. "&lt; 100", or empty when there is none.</param>
internal sealed record Measurement(string Scenario, string Build, string Metric, double Value, string Unit, string Target = "")
{
    /// <summary>Whether <see cref="Value"/> meets a "&lt; N" target; null without one.</summary>
    public bool? Met => Target.StartsWith("< ", StringComparison.Ordinal)
        ? Value < double.Parse(Target[2..], CultureInfo.InvariantCulture)
        : null;
}

/// <summary>Collects measurements, prints them as they come, and writes a markdown table.</summary>
internal sealed class Report
{
    private readonly List<Measurement> _measurements = [];

    public void Add(Measurement m)
    {
        _measurements.Add(m);
        var verdict = m.Met switch { true => "  ✓", false => "  ✗ target " + m.Target, null => "" };
        Console.WriteLine($"  {m.Scenario} [{m.Build}] {m.Metric}: {Format(m.Value)} {m.Unit}{verdict}");
    }

    public string ToMarkdown(string machine)
    {
        var text = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"Machine: {machine}")
            .AppendLine()
            .AppendLine("| Scenario | Build | Metric | Value | Target | |")
            .AppendLine("|---|---|---|---:|---|---|");
        foreach (var m in _measurements)
        {
            var verdict = m.Met switch { true => "✓", false => "✗", null => "" };
            text.AppendLine(CultureInfo.InvariantCulture, $"| {m.Scenario} | {m.Build} | {m.Metric} | {Format(m.Value)} {m.Unit} | {m.Target} {(m.Target.Length > 0 ? m.Unit : "")} | {verdict} |");
        }
        return text.ToString();
    }

    private static string Format(double value) => value switch
    {
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };
}
