using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.Telegram;
using MoltBot.Configuration;
using MoltBot.Gateway.Status;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.TestSupport.Telegram;
using MoltBot.Tests.Channels.Telegram;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels;

/// <summary>A channel's last error, as <c>moltbot status</c> shows it, never contains the channel's token, even when the far side echoes it.</summary>
public sealed class ChannelStatusRedactionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TelegramError_EchoingTheBotUrl_IsShownAndLoggedWithTheTokenMasked()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        await using var telegram = await FakeTelegramServer.StartAsync(ct: Ct);
        telegram.InjectEchoingPollError();
        await using var gateway = await TelegramTestGateway.StartAsync(state.Path, TelegramTestGateway.Config(llm, telegram));
        var channel = gateway.Services.GetRequiredService<TelegramChannel>();

        while (channel.Snapshot().LastError is null)
        {
            await Task.Delay(10, Ct); // waiting for the failed poll, not for time to pass
        }

        var error = channel.Snapshot().LastError!;
        Assert.Contains("Bad Gateway: no upstream for POST /bot[REDACTED]/getUpdates", error, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Token, error, StringComparison.Ordinal);
        Assert.DoesNotContain(telegram.Token, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordCloseReason_EchoingTheToken_IsShownAndLoggedWithTheTokenMasked()
    {
        using var state = new TempDirectory();
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero)); // the reconnect waits on it: the error stays
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        await using var discord = await FakeDiscordServer.StartAsync(Ct);
        var config = GatewayHarness.Config(llm) with
        {
            Channels = new ChannelsConfig { Discord = new DiscordChannelConfig { Token = new SecretValue(discord.Token, "test"), ApiBaseUrl = discord.ApiBaseUrl } },
        };
        await using var gateway = await GatewayHarness.StartAsync(state.Path, config, time);
        await discord.SessionsReady.WaitAsync(1, Ct);

        await discord.CloseAsync(4000, "session dropped for " + discord.Token);
        await discord.Disconnections.WaitAsync(1, Ct);
        GatewayStatus status;
        do
        {
            var body = await gateway.Http.GetStringAsync(new Uri("/api/status", UriKind.Relative), Ct);
            status = System.Text.Json.JsonSerializer.Deserialize(body, StatusJsonContext.Default.GatewayStatus)!;
        }
        while (status.Channels.Single().LastError is null);

        var error = status.Channels.Single().LastError!;
        Assert.Contains("session dropped for [REDACTED]", error, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Token, error, StringComparison.Ordinal);
        Assert.Contains("session dropped for [REDACTED]", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Token, gateway.Output, StringComparison.Ordinal);
    }
}
