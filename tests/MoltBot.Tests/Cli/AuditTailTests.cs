using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.Pairing;
using MoltBot.Cli;
using MoltBot.Configuration;
using MoltBot.Security.Audit;
using MoltBot.Security.Redaction;
using MoltBot.Storage;
using MoltBot.Tests.Configuration;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Cli;

public sealed class AuditTailTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Writes events the way the gateway does, each <paramref name="ago"/> before <see cref="Now"/>.</summary>
    private static void Seed(TempState state, params (TimeSpan Ago, AuditEvent Event)[] events)
    {
        var database = new SqliteDatabase(Path.Combine(state.StateDir, "moltbot.db"));
        AuditLogTable.Append(database, new KnownSecretsRedactor([]), [.. events.Select(e => new PendingAuditEvent(Now - e.Ago, e.Event))]);
    }

    private static Task<(int ExitCode, string Stdout, string Stderr)> Tail(TempState state, params string[] args)
    {
        var time = new FakeTimeProvider(Now);
        time.SetLocalTimeZone(TimeZoneInfo.CreateCustomTimeZone("UTC+2", TimeSpan.FromHours(2), "UTC+2", "UTC+2"));
        return InProcessCli.RunAsync(state.Environment, time, TestContext.Current.CancellationToken, ["audit", "tail", .. args]);
    }

    [Fact]
    public async Task NoState_SaysSo_AndCreatesNothing()
    {
        using var state = new TempState();

        var (exit, stdout, stderr) = await Tail(state);

        Assert.Equal(0, exit);
        Assert.Equal("", stdout);
        Assert.Contains("No audit log yet", stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(state.StateDir, "moltbot.db")));
    }

    [Fact]
    public async Task Default_PrintsAlignedColumns_InLocalIsoTime()
    {
        using var state = new TempState();
        Seed(state,
            (TimeSpan.FromMinutes(5), new AuditEvent(AuditEventTypes.AuthFailed, Address: "203.0.113.9", Detail: "wrong token")),
            (TimeSpan.FromMinutes(1), new AuditEvent(AuditEventTypes.PairingApproved, "cli:owner", Detail: "discord sender 42")));

        var (exit, stdout, _) = await Tail(state);

        Assert.Equal(0, exit);
        var lines = stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("TIME", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("2026-03-01T13:55:00+02:00  auth.failure", lines[1], StringComparison.Ordinal);
        // Every column starts at the same offset on every line.
        Assert.Equal(lines[0].IndexOf("DETAIL", StringComparison.Ordinal), lines[1].IndexOf("wrong token", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("DETAIL", StringComparison.Ordinal), lines[2].IndexOf("discord sender 42", StringComparison.Ordinal));
        Assert.Equal(lines[0].IndexOf("ADDRESS", StringComparison.Ordinal), lines[1].IndexOf("203.0.113.9", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Filters_TypeExactOrPrefix_Since_AndCount()
    {
        using var state = new TempState();
        Seed(state,
            (TimeSpan.FromHours(3), new AuditEvent(AuditEventTypes.AuthFailed, Detail: "old failure")),
            (TimeSpan.FromMinutes(30), new AuditEvent(AuditEventTypes.AuthFailed, Detail: "recent failure 1")),
            (TimeSpan.FromMinutes(20), new AuditEvent(AuditEventTypes.AuthSucceeded, Detail: "recent success")),
            (TimeSpan.FromMinutes(10), new AuditEvent(AuditEventTypes.AuthFailed, Detail: "recent failure 2")),
            (TimeSpan.FromMinutes(5), new AuditEvent(AuditEventTypes.ConfigChanged, Detail: "gateway.port = 1")));

        var failures = (await Tail(state, "--type", "auth.failure", "--since", "1h")).Stdout;
        var auth = (await Tail(state, "--type", "auth.*", "-n", "2")).Stdout;
        var lastOne = (await Tail(state, "-n", "1")).Stdout;

        Assert.Contains("recent failure 1", failures, StringComparison.Ordinal);
        Assert.Contains("recent failure 2", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("old failure", failures, StringComparison.Ordinal);
        Assert.DoesNotContain("recent success", failures, StringComparison.Ordinal);
        Assert.Contains("recent success", auth, StringComparison.Ordinal);
        Assert.Contains("recent failure 2", auth, StringComparison.Ordinal);
        Assert.DoesNotContain("recent failure 1", auth, StringComparison.Ordinal);
        Assert.Contains("gateway.port = 1", lastOne, StringComparison.Ordinal);
        Assert.DoesNotContain("recent failure 2", lastOne, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_OneObjectPerLine_UtcTime_NoNulls()
    {
        using var state = new TempState();
        Seed(state,
            (TimeSpan.FromMinutes(2), new AuditEvent(AuditEventTypes.AuthFailed, Address: "198.51.100.1", Detail: "wrong \"token\"")),
            (TimeSpan.FromMinutes(1), new AuditEvent(AuditEventTypes.SecretReloaded)));

        var (exit, stdout, _) = await Tail(state, "--json");

        Assert.Equal(0, exit);
        var lines = stdout.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("auth.failure", first.RootElement.GetProperty("type").GetString());
        Assert.Equal("198.51.100.1", first.RootElement.GetProperty("address").GetString());
        Assert.Equal("wrong \"token\"", first.RootElement.GetProperty("detail").GetString());
        Assert.Equal("2026-03-01T11:58:00.000Z", first.RootElement.GetProperty("time").GetString());
        using var second = JsonDocument.Parse(lines[1]);
        Assert.False(second.RootElement.TryGetProperty("detail", out _));
    }

    [Fact]
    public async Task BadSince_IsRefused_WithTheAcceptedForms()
    {
        using var state = new TempState();

        var (exit, _, stderr) = await Tail(state, "--since", "yesterday-ish");

        Assert.Equal(1, exit);
        Assert.Contains("30s, 15m, 1h, 7d", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Follow_PrintsNewMatchingRows_UntilCancelled()
    {
        using var state = new TempState();
        Seed(state, (TimeSpan.FromMinutes(1), new AuditEvent(AuditEventTypes.AuthFailed, Detail: "before")));
        var time = new FakeTimeProvider(Now);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var output = new StringWriter();
        var run = MoltBotCli.RunAsync(["audit", "tail", "--follow", "--type", "auth.failure"], new CliHost(state.Environment, time),
            new System.CommandLine.InvocationConfiguration { Output = TextWriter.Synchronized(output), Error = TextWriter.Null, ProcessTerminationTimeout = null }, stop.Token);
        await WaitForAsync(() => output.ToString().Contains("before", StringComparison.Ordinal), time);

        Seed(state,
            (TimeSpan.Zero, new AuditEvent(AuditEventTypes.AuthSucceeded, Detail: "not this one")),
            (TimeSpan.Zero, new AuditEvent(AuditEventTypes.AuthFailed, Detail: "after")));
        await WaitForAsync(() => output.ToString().Contains("after", StringComparison.Ordinal), time);
        await stop.CancelAsync();

        Assert.Equal(0, await run);
        Assert.DoesNotContain("not this one", output.ToString(), StringComparison.Ordinal);
        Assert.Single(output.ToString().Split('\n'), l => l.Contains("before", StringComparison.Ordinal));
    }

    /// <summary>Advances the fake clock (one poll interval at a time) until the follower has printed what we wait for.</summary>
    private static async Task WaitForAsync(Func<bool> condition, FakeTimeProvider time)
    {
        using var guard = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        guard.CancelAfter(TimeSpan.FromSeconds(30)); // a hang guard, not a timing assertion
        while (!condition())
        {
            time.Advance(AuditTailOptions.PollInterval);
            await Task.Delay(10, guard.Token);
        }
    }

    [Fact]
    public async Task ConfigSet_RecordsTheKey_NeverASecretValue()
    {
        using var state = new TempState("{}");

        Assert.Equal(0, ConfigSetCommand.Run("gateway.port", "19000", state.Environment, TextWriter.Null, TextWriter.Null));
        Assert.Equal(0, ConfigSetCommand.Run("models.providers.openrouter.apiKey", "sk-or-very-secret-value", state.Environment, TextWriter.Null, TextWriter.Null));
        var (_, stdout, _) = await Tail(state, "--type", "config.change", "--json");

        Assert.Contains("gateway.port = 19000", stdout, StringComparison.Ordinal);
        Assert.Contains("models.providers.openrouter.apiKey (secret; value not recorded)", stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-or-very-secret-value", stdout, StringComparison.Ordinal);
        Assert.Contains("\"actor\":\"cli:", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PairingApprove_RecordsChannelAndSender()
    {
        using var state = new TempState();
        var loaded = state.Load();
        var database = new SqliteDatabase(loaded.Paths.DatabasePath);
        var store = new PairingStore(database, TimeProvider.System);
        var request = store.Request("discord", "123456789")!.Value.Request;

        var exit = PairingCommand.Approve(store, "discord", request.Code, TextWriter.Null, TextWriter.Null, CliAuditLog.Open(loaded, database, TimeProvider.System, TextWriter.Null));
        var (_, stdout, _) = await Tail(state, "--type", "pairing.approve");

        Assert.Equal(0, exit);
        Assert.Contains("discord sender 123456789", stdout, StringComparison.Ordinal);
    }
}
