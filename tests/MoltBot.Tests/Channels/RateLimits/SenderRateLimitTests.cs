using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.Security.Audit;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.TestSupport.Gateway;
using MoltBot.Tests.Gateway.Security;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.RateLimits;

/// <summary>
/// A flood of messages from one sender, attacked through the real wire: Discord (fake Discord server), the gateway
/// WebSocket and the OpenAI-compatible API, with the default limits (a burst of 5, then one message every 3 s) on a fake clock.
/// </summary>
public sealed class SenderRateLimitTests : IAsyncLifetime
{
    private const string Owner = "111111111111111111";
    private const string Friend = "222222222222222222";
    private const string Notice = "You're sending messages faster than I can keep up; I'll pick up again in 3 seconds.";

    private readonly TempDirectory _state = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly RecordingAuditLog _audit = new();
    private FakeOpenAiServer _llm = null!;
    private FakeDiscordServer _discord = null!;
    private GatewayHarness _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _discord = await FakeDiscordServer.StartAsync(Ct);
        var config = GatewayHarness.Config(_llm) with
        {
            Channels = new ChannelsConfig
            {
                Discord = new DiscordChannelConfig
                {
                    Token = new SecretValue(_discord.Token, "test"),
                    ApiBaseUrl = _discord.ApiBaseUrl,
                    Dm = new DmConfig { Policy = "allowlist", AllowFrom = [Owner, Friend] },
                },
                WebChat = new WebChatChannelConfig(), // the defaults (the harness turns the webchat limit off)
            },
        };
        _gateway = await GatewayHarness.StartAsync(_state.Path, config, _time, services => services.AddSingleton<IAuditLog>(_audit));
        await _discord.SessionsReady.WaitAsync(1, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _discord.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    [Fact]
    public async Task DiscordFlood_FirstFiveReachTheModel_OneNotice_RestDropped_UntilTheClockMoves()
    {
        var ids = new List<string>();
        for (var i = 0; i < 8; i++)
        {
            ids.Add(await _discord.QueueMessageCreateAsync("dm-owner", Owner, $"message {i}"));
        }
        // The friend's message comes after the flood on the same socket: once it is answered, the flood was handled.
        await _discord.QueueMessageCreateAsync("dm-friend", Friend, "hello");
        await _discord.MessagesSent.WaitAsync(7, Ct); // 5 replies + 1 notice to the owner, 1 reply to the friend
        await Dispatcher.IdleAsync();

        var toOwner = _discord.SentMessages.Where(m => m.ChannelId == "dm-owner").ToList();
        Assert.Equal(6, toOwner.Count);
        var notice = Assert.Single(toOwner, m => m.Content == Notice);
        Assert.Equal(ids[5], notice.ReplyToMessageId); // answers the first message over the limit
        Assert.Single(_discord.SentMessages, m => m.ChannelId == "dm-friend");
        var asked = _llm.Requests.Select(r => r.Json!["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>()).ToList();
        Assert.Equal(["message 0", "message 1", "message 2", "message 3", "message 4"], asked.Where(a => a != "hello").ToArray());
        Assert.Equal(6, asked.Count);

        // Dropped, but recorded: nothing for a restart to re-run.
        var delivery = _gateway.Services.GetRequiredService<ChannelDeliveryStore>();
        Assert.All(ids, id => Assert.True(delivery.Contains("discord", id)));
        Assert.Empty(delivery.PendingTurns());
        var limited = Assert.Single(_audit.OfType(AuditEventTypes.SenderRateLimited));
        Assert.Equal("discord:" + Owner, limited.Actor);
        Assert.Contains($"discord sender {Owner} is over channels.discord.rateLimit", _gateway.Output, StringComparison.Ordinal);
        var metrics = await _gateway.Http.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("moltbot_messages_denied_total{channel=\"discord\",reason=\"rate\"} 3\n", metrics, StringComparison.Ordinal);

        _time.Advance(TimeSpan.FromSeconds(3));
        await _discord.QueueMessageCreateAsync("dm-owner", Owner, "after the pause");
        await _discord.MessagesSent.WaitAsync(8, Ct);

        Assert.Equal("after the pause", _llm.Requests[^1].Json!["messages"]!.AsArray()[^1]!["content"]!.GetValue<string>());
        Assert.Single(_discord.SentMessages, m => m.Content == Notice);
    }

    [Fact]
    public async Task WebSocketFlood_GetsARateLimitedErrorFrame_WithRetryAfter_UntilTheClockMoves()
    {
        await using var client = await GatewaySocketClient.ConnectAsync(_gateway.BaseUri, GatewayHarness.Token, Ct);

        var responses = new List<JsonElementSnapshot>();
        for (var i = 0; i < 7; i++)
        {
            responses.Add(new(await client.RequestAsync("chat.send", new JsonObject { ["message"] = $"m{i}", ["idempotencyKey"] = $"k{i}" }, Ct)));
        }

        Assert.All(responses.Take(5), r => Assert.True(r.Ok));
        Assert.All(responses.Skip(5), r =>
        {
            Assert.False(r.Ok);
            Assert.Equal(("RATE_LIMITED", 3000L, true), (r.Code, r.RetryAfterMs, r.Retryable));
            Assert.Equal(Notice, r.Message);
        });
        _time.Advance(TimeSpan.FromSeconds(3));
        var retried = new JsonElementSnapshot(await client.RequestAsync("chat.send", new JsonObject { ["message"] = "m5", ["idempotencyKey"] = "k5" }, Ct));
        Assert.True(retried.Ok); // the refused key was not kept: the same request runs now
    }

    [Fact]
    public async Task ApiFlood_Gets429_WithRetryAfter_AndNoModelCall()
    {
        for (var i = 0; i < 5; i++)
        {
            await GatewayChat.AskAsync(_gateway.Http, $"q{i}", user: $"u{i}");
        }

        using var refused = await GatewayChat.PostAsync(_gateway.Http, "one more", user: "u9");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), refused.Headers.RetryAfter!.Delta);
        var error = JsonNode.Parse(await refused.Content.ReadAsStringAsync(Ct))!["error"]!;
        Assert.Equal(("rate_limit_error", Notice), (error["type"]!.GetValue<string>(), error["message"]!.GetValue<string>()));
        Assert.Equal(5, _llm.Requests.Count);
        var limited = Assert.Single(_audit.OfType(AuditEventTypes.SenderRateLimited));
        Assert.Equal(("webchat", "127.0.0.1"), (limited.Actor, limited.Address));
    }

    private ChannelDispatcher Dispatcher => _gateway.Services.GetRequiredService<ChannelDispatcher>();

    private sealed record JsonElementSnapshot(bool Ok, string? Code, string? Message, long? RetryAfterMs, bool? Retryable)
    {
        public JsonElementSnapshot(System.Text.Json.JsonElement frame)
            : this(frame.GetProperty("ok").GetBoolean(),
                  frame.TryGetProperty("error", out var e) ? e.GetProperty("code").GetString() : null,
                  frame.TryGetProperty("error", out e) ? e.GetProperty("message").GetString() : null,
                  frame.TryGetProperty("error", out e) && e.TryGetProperty("retryAfterMs", out var ms) ? ms.GetInt64() : null,
                  frame.TryGetProperty("error", out e) && e.TryGetProperty("retryable", out var r) ? r.GetBoolean() : null)
        {
        }
    }
}
