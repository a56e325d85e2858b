using Microsoft.Extensions.Logging.Abstractions;
using MoltBot.Channels.Discord;
using MoltBot.Channels.Discord.Rest;
using MoltBot.TestSupport.Discord;

using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Discord;

public sealed class DiscordRestClientTests
{
    private const string Messages = "POST /channels/42/messages";

    [Fact]
    public async Task CreateMessage_WithReplyTo_ThreadsViaMessageReferenceAndPingsOnlyTheRepliedUser()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);

        var sent = await discord.Client.Rest.CreateMessageAsync("42", "hello @everyone", "555", nonce: null, ct);

        var message = Assert.Single(discord.Server.SentMessages);
        Assert.Equal(new DiscordSentMessage(message.Id, "42"), sent);
        Assert.Equal("hello @everyone", message.Content);
        Assert.Equal("555", message.ReplyToMessageId);
        Assert.False(message.Body!["message_reference"]!["fail_if_not_exists"]!.GetValue<bool>());
        Assert.Empty(message.AllowedMentionParse!);
        Assert.True(message.AllowedMentionRepliedUser);
        var request = Assert.Single(discord.Server.Requests);
        Assert.Equal("Bot " + discord.Server.Token, request.Header("Authorization"));
        Assert.StartsWith("DiscordBot (", request.Header("User-Agent"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateMessage_WithoutReplyTo_SendsNoReferenceAndPingsNobody()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);

        await discord.Client.Rest.CreateMessageAsync("42", "plain", null, null, ct);

        var message = Assert.Single(discord.Server.SentMessages);
        Assert.Null(message.Body!["message_reference"]);
        Assert.Empty(message.AllowedMentionParse!);
        Assert.False(message.AllowedMentionRepliedUser);
    }

    [Fact]
    public async Task CreateMessage_SameNonceTwice_DiscordKeepsOneMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);

        var first = await discord.Client.Rest.CreateMessageAsync("42", "once", null, "outbox-17", ct);
        var second = await discord.Client.Rest.CreateMessageAsync("42", "once", null, "outbox-17", ct);

        Assert.Equal(first, second);
        Assert.Single(discord.Server.SentMessages);
        Assert.True(discord.Server.Requests[0].Json!["enforce_nonce"]!.GetValue<bool>());
    }

    [Fact]
    public async Task CreateMessage_429_WaitsExactlyRetryAfterThenSendsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, run: false);
        discord.Server.InjectRateLimit(Messages, 0.75);

        var send = discord.Client.Rest.CreateMessageAsync("42", "after the limit", null, null, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(0.75), 1, ct);
        Assert.Single(discord.Server.Requests);
        Assert.Empty(discord.Server.SentMessages);
        time.Advance(TimeSpan.FromSeconds(0.75));
        await send;

        Assert.Equal([TimeSpan.FromSeconds(0.75)], time.DueTimes);
        Assert.Equal(2, discord.Server.Requests.Count);
        Assert.Equal("after the limit", Assert.Single(discord.Server.SentMessages).Content);
        Assert.Contains(discord.Logs.Entries, e => e.EventName == "DiscordRateLimited");
    }

    [Fact]
    public async Task CreateMessage_Global429_PausesOtherRoutesToo()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, run: false);
        discord.Server.InjectRateLimit(Messages, 2, global: true);

        var send = discord.Client.Rest.CreateMessageAsync("42", "first", null, null, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2), 1, ct);
        var typing = discord.Client.TriggerTypingAsync("43", ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2), 2, ct);
        Assert.Empty(discord.Server.TypingCalls);
        time.Advance(TimeSpan.FromSeconds(2));
        await Task.WhenAll(send, typing);

        Assert.Equal(["43"], discord.Server.TypingCalls);
        Assert.Single(discord.Server.SentMessages);
    }

    [Fact]
    public async Task CreateMessage_BucketExhausted_WaitsResetAfterBeforeTheNextSend()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, run: false);
        discord.Server.InjectBucketExhausted(Messages, 3);

        await discord.Client.Rest.CreateMessageAsync("42", "uses the last slot", null, null, ct);
        await discord.Client.Rest.CreateMessageAsync("43", "other channel, other bucket", null, null, ct);
        var next = discord.Client.Rest.CreateMessageAsync("42", "waits", null, null, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(3), 1, ct);
        Assert.Equal(2, discord.Server.Requests.Count);
        time.Advance(TimeSpan.FromSeconds(3));
        await next;

        Assert.Equal(3, discord.Server.SentMessages.Count);
    }

    [Fact]
    public async Task CreateMessage_5xxTwice_RetriesWithBackoffAndSendsOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, run: false);
        discord.Server.Inject5xx(Messages, 502, times: 2);

        var send = discord.Client.Rest.CreateMessageAsync("42", "eventually", null, null, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1), 1, ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2), 1, ct);
        time.Advance(TimeSpan.FromSeconds(2));
        await send;

        Assert.Equal(3, discord.Server.Requests.Count);
        Assert.Single(discord.Server.SentMessages);
    }

    [Fact]
    public async Task CreateMessage_5xxEveryTime_GivesUpAfterTheBoundedAttempts()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, configure: o => o with { RestMaxAttempts = 2 }, run: false);
        discord.Server.Inject5xx(Messages, 503, times: 5);

        var send = discord.Client.Rest.CreateMessageAsync("42", "never", null, null, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1), 1, ct);
        time.Advance(TimeSpan.FromSeconds(1));
        var error = await Assert.ThrowsAsync<DiscordRestException>(() => send);

        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(2, discord.Server.Requests.Count);
    }

    [Fact]
    public async Task AnyCall_401_IsFatalAndNamesTheTokenSource()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var server = await FakeDiscordServer.StartAsync(ct);
        using var http = new HttpClient();
        var rest = new DiscordRestClient(http, new DiscordOptions { Token = "not-the-token", ApiBaseUrl = server.ApiBaseUrl }, TimeProvider.System, NullLogger.Instance);

        var fatal = await Assert.ThrowsAsync<DiscordFatalException>(() => rest.GetCurrentUserAsync(ct));

        Assert.Equal("Discord rejected the bot token (HTTP 401): check channels.discord.token / DISCORD_BOT_TOKEN", fatal.Message);
        Assert.Null(fatal.CloseCode);
        Assert.DoesNotContain("not-the-token", fatal.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GatewayBotAndCurrentUser_ReturnTheFakesValues()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);

        Assert.Equal(discord.Server.GatewayUrl, await discord.Client.Rest.GetGatewayBotAsync(ct));
        Assert.Equal(new DiscordUser(FakeDiscordServer.BotUserId, FakeDiscordServer.BotUsername, true), await discord.Client.Rest.GetCurrentUserAsync(ct));
    }

    [Fact]
    public async Task SendReply_LongText_SplitsAndThreadsOnlyTheFirstMessage()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);
        var text = string.Join("\n\n", Enumerable.Range(0, 5).Select(i => new string((char)('a' + i), 900)));

        var sent = await discord.Client.SendReplyAsync("42", text, "555", ct);

        Assert.Equal(3, sent.Count);
        Assert.Equal(sent.Select(s => s.MessageId), discord.Server.SentMessages.Select(m => m.Id));
        Assert.Equal(["555", null, null], discord.Server.SentMessages.Select(m => m.ReplyToMessageId));
        Assert.Equal(text, string.Concat(discord.Server.SentMessages.Select(m => m.Content)));
    }

    [Fact]
    public async Task TriggerTyping_PostsToTheChannel()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, run: false);

        await discord.Client.TriggerTypingAsync("42", ct);

        Assert.Equal(["42"], discord.Server.TypingCalls);
    }
}
