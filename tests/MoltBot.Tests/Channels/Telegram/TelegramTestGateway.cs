using Microsoft.AspNetCore.Builder;
using MoltBot.Configuration;
using MoltBot.Gateway;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Telegram;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

/// <summary>
/// The real gateway (as <see cref="GatewayHarness"/> starts it) with <c>channels.telegram</c> pointed at a
/// <see cref="FakeTelegramServer"/>, exposing its services so tests can approve pairings and await idle turns.
/// </summary>
internal sealed class TelegramTestGateway : IAsyncDisposable
{
    public const long Alice = 111;
    public const long Stranger = 666;

    private readonly WebApplication _app;
    private readonly StringWriter _output;

    private TelegramTestGateway(WebApplication app, StringWriter output)
    {
        _app = app;
        _output = output;
        BaseUri = GatewayApp.ListeningUri(app);
    }

    public Uri BaseUri { get; }

    public IServiceProvider Services => _app.Services;

    public string Output => _output.ToString();

    /// <summary>Pairing DM policy with <see cref="Alice"/> allowlisted; <paramref name="configure"/> adjusts the rest.</summary>
    public static MoltBotConfig Config(FakeOpenAiServer llm, FakeTelegramServer telegram, Func<TelegramChannelConfig, TelegramChannelConfig>? configure = null)
    {
        var channel = new TelegramChannelConfig
        {
            BotToken = new SecretValue(telegram.Token, "test"),
            ApiRoot = telegram.ApiRoot,
            Dm = new DmConfig { Policy = "pairing", AllowFrom = [Alice.ToString(System.Globalization.CultureInfo.InvariantCulture)] },
        };
        return GatewayHarness.Config(llm) with { Channels = new ChannelsConfig { Telegram = configure?.Invoke(channel) ?? channel } };
    }

    public static async Task<TelegramTestGateway> StartAsync(string stateDir, MoltBotConfig config, TimeProvider? timeProvider = null)
    {
        var output = new SynchronizedStringWriter();
        var paths = new MoltBotPaths(stateDir, Path.Combine(stateDir, "moltbot.json"));
        var options = new GatewayHostOptions { Output = output, TimeProvider = timeProvider ?? TimeProvider.System };
        var app = GatewayApp.Build(new LoadedConfig(config, paths, false), options);
        await app.StartAsync();
        return new TelegramTestGateway(app, output);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed class SynchronizedStringWriter : StringWriter
    {
        public override void Write(string? value)
        {
            lock (this)
            {
                base.Write(value);
            }
        }

        public override void WriteLine(string? value)
        {
            lock (this)
            {
                base.WriteLine(value);
            }
        }

        public override string ToString()
        {
            lock (this)
            {
                return base.ToString();
            }
        }
    }
}
