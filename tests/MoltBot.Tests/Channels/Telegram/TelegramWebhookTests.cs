using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Telegram;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

/// <summary>Webhook mode: Telegram posts updates to the gateway, authenticated by the secret header instead of the gateway token.</summary>
public sealed class TelegramWebhookTests : IAsyncLifetime
{
    private const string Secret = "webhook-secret_123";
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private FakeTelegramServer _telegram = null!;
    private TelegramTestGateway _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Uri Webhook => new(_gateway.BaseUri, "/telegram/webhook");

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _telegram = await FakeTelegramServer.StartAsync(ct: Ct);
        _gateway = await TelegramTestGateway.StartAsync(_state.Path, TelegramTestGateway.Config(_llm, _telegram,
            c => c with { WebhookUrl = "https://bot.example.test/telegram/webhook", WebhookSecret = new SecretValue(Secret, "test") }));
        await _telegram.WaitForCallAsync("setWebhook", ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _telegram.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public void Start_RegistersTheWebhookWithItsSecret()
    {
        Assert.Equal(("https://bot.example.test/telegram/webhook", Secret), (_telegram.WebhookUrl, _telegram.WebhookSecret));
        Assert.DoesNotContain("getUpdates", _telegram.Calls);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-secret")]
    public async Task WrongOrMissingSecret_Is401_AndNeverReachesTheModel(string? secret)
    {
        using var response = await FakeTelegramServer.PostWebhookAsync(Webhook, secret, _telegram.PrivateMessageUpdate(TelegramTestGateway.Alice, "hi"), Ct);
        await _gateway.Services.GetRequiredService<ChannelDispatcher>().IdleAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task RightSecret_IsAnswered_AndARedeliveryIsAnsweredOnce()
    {
        _llm.EnqueueText("hello from the webhook");
        var update = _telegram.PrivateMessageUpdate(TelegramTestGateway.Alice, "hi");

        using var first = await FakeTelegramServer.PostWebhookAsync(Webhook, Secret, update, Ct);
        using var again = await FakeTelegramServer.PostWebhookAsync(Webhook, Secret, update, Ct);
        await _telegram.WaitForSentAsync(1, Ct);
        await _gateway.Services.GetRequiredService<ChannelDispatcher>().IdleAsync();

        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, again.StatusCode));
        Assert.Equal("hello from the webhook", Assert.Single(_telegram.SentMessages).Text);
        Assert.Single(_llm.Requests);
    }
}
