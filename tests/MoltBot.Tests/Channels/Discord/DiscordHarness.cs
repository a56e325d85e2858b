using Microsoft.Extensions.Logging;
using MoltBot.Channels.Discord;
using MoltBot.Hosting;
using MoltBot.TestSupport.Discord;

namespace MoltBot.Tests.Channels.Discord;

/// <summary>A fake Discord, a real <see cref="DiscordClient"/> pointed at it, and a recording message handler.</summary>
internal sealed class DiscordHarness : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly List<DiscordInboundMessage> _received = [];
    private readonly CancellationTokenSource _stop;
    private readonly HttpClient _http = new();
    private readonly ILoggerFactory _loggers;
    private readonly StringWriter _lines = new();

    private DiscordHarness(FakeDiscordServer server, TimeProvider time, Func<DiscordOptions, DiscordOptions>? configure, Random random, CancellationToken ct)
    {
        Server = server;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _loggers = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs).AddProvider(new LineLoggerProvider(_lines, LogLevel.Information)));
        var options = new DiscordOptions { Token = server.Token, ApiBaseUrl = server.ApiBaseUrl, ReconnectDelay = TimeSpan.Zero };
        Options = configure?.Invoke(options) ?? options;
        Client = new DiscordClient(Options, _http, time, _loggers.CreateLogger<DiscordClient>(), random: random);
    }

    public FakeDiscordServer Server { get; }

    public DiscordOptions Options { get; }

    public DiscordClient Client { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public FakeSignal MessagesReceived { get; } = new();

    /// <summary>What the line logger printed (<c>[discord] …</c>).</summary>
    public string Lines => _lines.ToString();

    public Task? Run { get; private set; }

    public IReadOnlyList<DiscordInboundMessage> Received
    {
        get
        {
            lock (_gate)
            {
                return [.. _received];
            }
        }
    }

    public static async Task<DiscordHarness> StartAsync(
        CancellationToken ct, TimeProvider? time = null, Func<DiscordOptions, DiscordOptions>? configure = null,
        Action<FakeDiscordServer>? arrange = null, Random? random = null, bool run = true)
    {
        var server = await FakeDiscordServer.StartAsync(ct);
        arrange?.Invoke(server);
        var harness = new DiscordHarness(server, time ?? TimeProvider.System, configure, random ?? new FixedRandom(0.5), ct);
        if (run)
        {
            harness.Run = harness.Client.RunAsync(harness.OnMessageAsync, harness._stop.Token);
        }
        return harness;
    }

    /// <summary>Waits for the client's <c>logged in</c> (count 1) or later READY/RESUMED events.</summary>
    public Task WaitForLoggedInAsync(CancellationToken ct) => Logs.WaitForEventAsync("DiscordConnected", 1, ct);

    private ValueTask OnMessageAsync(DiscordInboundMessage message, CancellationToken ct)
    {
        lock (_gate)
        {
            _received.Add(message);
        }
        MessagesReceived.Increment();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (Run is not null)
        {
            try
            {
                await Run;
            }
            catch (Exception exception) when (exception is OperationCanceledException or DiscordFatalException)
            {
                // Expected: stopped by the test, or the test was about a fatal error.
            }
        }
        await Server.DisposeAsync();
        _http.Dispose();
        _loggers.Dispose();
        _stop.Dispose();
        await _lines.DisposeAsync();
    }
}
