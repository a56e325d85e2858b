using System.Collections.Concurrent;
using System.Diagnostics.Tracing;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Microsoft.Extensions.Logging;
using MoltBot.Gateway;
using MoltBot.Tests.Deploy;
using MoltBot.Tests.Infrastructure;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Hosting;

/// <summary>
/// <c>Hosting/startup-generics.rd.xml</c> lists the generic types dependency injection closes while the gateway starts,
/// so the Native AOT compiler builds them ahead of time instead of the runtime's type loader at every start. These tests
/// keep the list complete: a missing type still works, only slower, so nothing else would notice.
/// </summary>
public sealed partial class StartupGenericsTests
{
    [Fact]
    public async Task EveryGenericTheGatewayClosesWhileStarting_IsListed()
    {
        var ct = TestContext.Current.CancellationToken;
        using var callSites = new CallSiteListener();
        await using var llm = await FakeOpenAiServer.StartAsync(ct);
        using var dir = new TempDirectory();
        await using var gateway = await GatewayHarness.StartAsync(dir.Path, GatewayHarness.Config(llm));

        var closed = callSites.ImplementationTypesBuiltBy(gateway.Services.GetHashCode());

        Assert.True(closed.Count > 0, "no DI call sites were observed; did DependencyInjectionEventSource change?");
        AssertListed(closed.Where(t => t.Contains('`', StringComparison.Ordinal)));
    }

    [Fact]
    public void EveryMoltBotLogger_IsListed()
    {
        var loggers = typeof(GatewayApp).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Select(p => p.ParameterType)
            .Where(t => t.IsConstructedGenericType && t.GetGenericTypeDefinition() == typeof(ILogger<>))
            .Select(t => typeof(Logger<>).MakeGenericType(t.GenericTypeArguments).ToString())
            .Distinct();

        AssertListed(loggers);
    }

    private static void AssertListed(IEnumerable<string> types)
    {
        var missing = types.Except(Listed()).Order().ToList();
        Assert.True(missing.Count == 0, "add to src/MoltBot/Hosting/startup-generics.rd.xml (the type argument with its assembly): " + string.Join(", ", missing));
    }

    /// <summary>The listed types as <see cref="Type.ToString"/> writes them: <c>Name`1[Argument]</c>.</summary>
    private static HashSet<string> Listed()
    {
        var file = Path.Combine(BicepCli.RepoRoot(), "src", "MoltBot", "Hosting", "startup-generics.rd.xml");
        return [.. XDocument.Load(file).Descendants().Where(e => e.Name.LocalName == "Type")
            .Select(e => AssemblyQualifiedArgument().Replace(e.Attribute("Name")!.Value, "[$1]"))];
    }

    [GeneratedRegex(@"\[\[([^,\]]+),[^\]]+\]\]")]
    private static partial Regex AssemblyQualifiedArgument();

    [GeneratedRegex("\"implementationType\": ?\"([^\"]+)\"")]
    private static partial Regex ImplementationType();

    /// <summary>DI's <c>CallSiteBuilt</c> events: each resolution's call-site tree as JSON, in chunks, per service provider.</summary>
    private sealed class CallSiteListener : EventListener
    {
        private readonly ConcurrentQueue<(int Provider, string ServiceType, int Chunk, string Json)> _chunks = new();

        public HashSet<string> ImplementationTypesBuiltBy(int provider)
        {
            var trees = _chunks.Where(c => c.Provider == provider)
                .GroupBy(c => c.ServiceType)
                .Select(g => string.Concat(g.DistinctBy(c => c.Chunk).OrderBy(c => c.Chunk).Select(c => c.Json)));
            return [.. trees.SelectMany(json => ImplementationType().Matches(json).Select(m => m.Groups[1].Value))];
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Extensions-DependencyInjection")
            {
                EnableEvents(eventSource, EventLevel.Verbose, EventKeywords.All);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName != "CallSiteBuilt" || eventData.PayloadNames is not { } names || eventData.Payload is not { } values)
            {
                return;
            }
            object? Value(string name) => values[names.IndexOf(name)];
            _chunks.Enqueue(((int)Value("serviceProviderHashCode")!, (string)Value("serviceType")!, (int)Value("chunkIndex")!, (string)Value("callSite")!));
        }
    }
}
