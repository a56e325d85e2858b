using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using MoltBot.Hosting;
using MoltBot.Tests.Deploy;

namespace MoltBot.Tests.Hosting;

/// <summary>
/// Event names are an interface: alerts, dashboards and log queries match them. Every <c>[LoggerMessage]</c> in the
/// product names one from <see cref="EventNames"/>, the alerts in <c>infra/</c> name only events that exist, and
/// docs/observability.md lists them all.
/// </summary>
public sealed partial class EventNamesTests
{
    private static readonly HashSet<string> Declared = typeof(EventNames).GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToHashSet(StringComparer.Ordinal);

    private static readonly List<(Type Type, MethodInfo Method, LoggerMessageAttribute Attribute)> LogMethods =
        [.. typeof(EventNames).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Select(m => (m.DeclaringType!, m, Attribute: m.GetCustomAttribute<LoggerMessageAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => (x.Item1, x.m, x.Attribute!))];

    [Fact]
    public void EveryLoggerMessage_HasAnEventNameFromEventNames()
    {
        Assert.NotEmpty(LogMethods);
        Assert.All(LogMethods, m => Assert.True(m.Attribute.EventName is { } name && Declared.Contains(name),
            $"{m.Type.Name}.{m.Method.Name}: EventName '{m.Attribute.EventName}' is not a constant in Hosting/EventNames.cs; use EventName = EventNames.X."));
    }

    [Fact]
    public void EventIds_AreUniquePerClass_AndEventNamesUniqueAcrossTheProduct()
    {
        Assert.All(LogMethods.GroupBy(m => m.Type), type =>
            Assert.True(type.Select(m => m.Attribute.EventId).Distinct().Count() == type.Count(), $"{type.Key.Name} reuses an EventId."));
        Assert.All(LogMethods.GroupBy(m => m.Attribute.EventName), name =>
            Assert.True(name.Count() == 1, $"EventName {name.Key} is used by {string.Join(", ", name.Select(m => m.Type.Name + "." + m.Method.Name))}."));
    }

    [Fact]
    public void Alerts_NameOnlyEventsTheAppEmits()
    {
        var alerts = File.ReadAllText(Path.Combine(BicepCli.RepoRoot(), "infra", "modules", "alerts.bicep"));
        var emitted = LogMethods.Select(m => m.Attribute.EventName!).ToHashSet(StringComparer.Ordinal);

        var named = AlertEventName().Matches(alerts).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(4, named.Count);
        Assert.Contains(EventNames.GatewayStarted, named);
        Assert.All(named, name => Assert.True(emitted.Contains(name),
            $"The alert on '{name}' can never fire: no [LoggerMessage] emits it."));
        Assert.Contains(EventNames.GatewayStarted, emitted);
        // JSON lines: the query keeps only lines whose `event` member is the name, not any line mentioning it.
        Assert.Contains("tostring(parse_json(Log_s).event) == \\'${rule.eventName}\\'", alerts, StringComparison.Ordinal);
    }

    [Fact]
    public void ObservabilityDoc_ListsEveryEventName()
    {
        var doc = File.ReadAllText(Path.Combine(BicepCli.RepoRoot(), "docs", "observability.md"));
        var table = doc[doc.IndexOf("### Event names", StringComparison.Ordinal)..];
        table = table[..table.IndexOf("\n## ", StringComparison.Ordinal)];

        var documented = DocEventRow().Matches(table).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        Assert.Empty(Declared.Except(documented));
        Assert.Empty(documented.Except(Declared));
    }

    [GeneratedRegex(@"eventName: '([A-Za-z]+)'")]
    private static partial Regex AlertEventName();

    // A row of the event table: | `Name` | ...
    [GeneratedRegex(@"^\| `([A-Za-z]+)` \|", RegexOptions.Multiline)]
    private static partial Regex DocEventRow();
}
