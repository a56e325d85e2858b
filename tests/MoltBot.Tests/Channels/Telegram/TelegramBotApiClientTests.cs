using MoltBot.Channels.Telegram.Api;
using MoltBot.TestSupport.Telegram;

using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

public sealed class TelegramBotApiClientTests : IAsyncLifetime
{
    private FakeTelegramServer _telegram = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _telegram = await FakeTelegramServer.StartAsync(ct: Ct);

    public async ValueTask DisposeAsync() => await _telegram.DisposeAsync();

    [Fact]
    public async Task SendMessage_RateLimited_WaitsRetryAfterOnTheClock_ThenSends()
    {
        var time = new RecordingTimeProvider();
        using var client = new TelegramBotApiClient(_telegram.ApiRoot, _telegram.Token, time);
        _telegram.InjectRateLimit(7);

        var send = client.SendMessageAsync(new SendMessageRequest { ChatId = 5, Text = "hi" }, Ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(7), Ct);
        time.Advance(TimeSpan.FromSeconds(6.9));
        Assert.False(send.IsCompleted);
        Assert.Empty(_telegram.SentMessages);

        time.Advance(TimeSpan.FromSeconds(0.1));
        await send;
        Assert.Equal("hi", Assert.Single(_telegram.SentMessages).Text);
    }

    [Fact]
    public async Task WrongToken_ThrowsTheTokenError_WithoutTheTokenOrUrl()
    {
        using var client = new TelegramBotApiClient(_telegram.ApiRoot, "42:secret-wrong-token", TimeProvider.System);

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => client.GetMeAsync(Ct));

        Assert.True(error.IsUnauthorized);
        Assert.Contains(TelegramBotApiClient.RejectedTokenMessage, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-wrong-token", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerError_ThrowsATypedError_ForTheOutboxToRetry()
    {
        using var client = new TelegramBotApiClient(_telegram.ApiRoot, _telegram.Token, TimeProvider.System);
        _telegram.Inject5xx();

        var error = await Assert.ThrowsAsync<TelegramApiException>(() => client.SendMessageAsync(new SendMessageRequest { ChatId = 5, Text = "hi" }, Ct));

        Assert.Equal(500, error.ErrorCode);
        Assert.DoesNotContain(_telegram.Token, error.ToString(), StringComparison.Ordinal);
    }
}
