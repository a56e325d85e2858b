using MoltBot.Channels.Discord;
using MoltBot.TestSupport.Discord;

using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Discord;

public sealed class DiscordGatewayClientTests
{
    [Fact]
    public async Task Run_ValidToken_IdentifiesWithIntentsAndLogsLoggedIn()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);

        await discord.WaitForLoggedInAsync(ct);

        Assert.Equal(["/gateway?v=10&encoding=json"], discord.Server.ConnectionUrls);
        var identify = Assert.Single(discord.Server.IdentifyPayloads);
        Assert.Equal(discord.Server.Token, identify["token"]!.GetValue<string>());
        Assert.Equal(1 | (1 << 9) | (1 << 12) | (1 << 15), identify["intents"]!.GetValue<int>());
        Assert.Equal("moltbot", identify["properties"]!["browser"]!.GetValue<string>());
        Assert.Contains($"[discord] logged in to discord as {FakeDiscordServer.BotUserId}", discord.Lines, StringComparison.Ordinal);
        Assert.DoesNotContain(discord.Server.Token, discord.Lines, StringComparison.Ordinal);
        var status = discord.Client.Status;
        Assert.True(status.Connected);
        Assert.Equal(FakeDiscordServer.BotUserId, status.BotUserId);
        Assert.Equal(discord.Server.CurrentSessionId, status.SessionId);
        Assert.Equal(1, status.LastSequence);
        Assert.NotNull(status.LastEventAt);
        Assert.Equal(0, status.ReconnectCount);
    }

    [Fact]
    public async Task MessageCreate_GuildMentionAndDirectMessage_DeliveredWithAllFields()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        var guildId = await discord.Server.QueueMessageCreateAsync("10", "20", "<@bot> hello", guildId: "30", mentionsBot: true, referencedMessageId: "5");
        var dmId = await discord.Server.QueueMessageCreateAsync("11", "21", "hi in DM", authorIsBot: true);
        await discord.MessagesReceived.WaitAsync(2, ct);

        var guild = discord.Received[0];
        Assert.Equal(new DiscordInboundMessage(guildId, "10", "30", "20", false, "user20", "<@bot> hello", true, "5", 2), guild);
        var dm = discord.Received[1];
        Assert.Equal(dmId, dm.MessageId);
        Assert.True(dm.IsDirectMessage);
        Assert.True(dm.AuthorIsBot);
        Assert.False(dm.MentionsBot);
        Assert.Null(dm.ReferencedMessageId);
    }

    [Fact]
    public async Task MessageCreate_LargerThanOneReadBuffer_DeliveredIntact()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);
        var content = string.Concat(Enumerable.Range(0, 3000).Select(i => (char)('a' + (i % 26)))) + "😀" + new string('é', 20_000);

        await discord.Server.QueueMessageCreateAsync("10", "20", content);
        await discord.MessagesReceived.WaitAsync(1, ct);

        Assert.Equal(content, discord.Received[0].Content);
    }

    [Fact]
    public async Task MessageCreate_SameMessageIdTwice_DeliveredOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        await discord.Server.QueueMessageCreateAsync("10", "20", "once", messageId: "777");
        await discord.Server.QueueMessageCreateAsync("10", "20", "once again", messageId: "777");
        await discord.Server.QueueMessageCreateAsync("10", "20", "marker");
        await discord.MessagesReceived.WaitAsync(2, ct);
        await discord.Logs.WaitForEventAsync("DiscordDuplicateSkipped", 1, ct);

        Assert.Equal(["once", "marker"], discord.Received.Select(m => m.Content));
    }

    [Fact]
    public async Task Heartbeat_AfterJitterThenEveryInterval_SendsLastSequence()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, arrange: s => s.HeartbeatIntervalMs = 1000, random: new FixedRandom(0.25));
        await discord.WaitForLoggedInAsync(ct);

        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(250), 1, ct);
        Assert.Equal(0, discord.Server.HeartbeatsReceived.Count);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await discord.Server.HeartbeatsReceived.WaitAsync(1, ct);
        await discord.Logs.WaitForEventAsync("DiscordHeartbeatAck", 1, ct);

        await discord.Server.QueueMessageCreateAsync("10", "20", "bumps the sequence");
        await discord.MessagesReceived.WaitAsync(1, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1), 1, ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await discord.Server.HeartbeatsReceived.WaitAsync(2, ct);

        Assert.Equal([1L, 2L], discord.Server.Heartbeats);
        Assert.Equal(1, discord.Server.ConnectionCount);
    }

    [Fact]
    public async Task Heartbeat_AckMissed_ClosesWithNon1000AndResumes()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, arrange: s =>
        {
            s.HeartbeatIntervalMs = 1000;
            s.SuppressHeartbeatAcks = true;
        }, random: new FixedRandom(0.25));
        await discord.WaitForLoggedInAsync(ct);

        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(250), 1, ct);
        time.Advance(TimeSpan.FromMilliseconds(250));
        await discord.Server.HeartbeatsReceived.WaitAsync(1, ct);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1), 1, ct);
        time.Advance(TimeSpan.FromSeconds(1));
        await discord.Server.Resumes.WaitAsync(1, ct);
        await discord.Logs.WaitForEventAsync("DiscordResumed", 1, ct);

        Assert.Contains(4000, discord.Server.ClientCloseCodes);
        var resume = Assert.Single(discord.Server.ResumeRequests);
        Assert.Equal(discord.Server.CurrentSessionId, resume.SessionId);
        Assert.Equal(1, resume.Sequence);
        Assert.Equal("/resume-gateway", resume.Path);
        Assert.Equal(1, discord.Server.IdentifyCount);
        Assert.Single(discord.Logs.Entries, e => e.EventName == "DiscordHeartbeatMissed");
        Assert.True(discord.Client.Status.Connected);
        Assert.Equal(1, discord.Client.Status.ReconnectCount);
    }

    [Fact]
    public async Task HeartbeatRequest_Op1_AnsweredImmediately()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        await discord.Server.RequestHeartbeatAsync();
        await discord.Server.HeartbeatsReceived.WaitAsync(1, ct);

        Assert.Equal([1L], discord.Server.Heartbeats);
    }

    [Fact]
    public async Task DroppedSocket_MessagesQueuedDuringTheDrop_ResumedAndDeliveredExactlyOnce()
    {
        var ct = TestContext.Current.CancellationToken;
        var time = new RecordingTimeProvider();
        await using var discord = await DiscordHarness.StartAsync(ct, time, configure: o => o with { ReconnectDelay = TimeSpan.FromSeconds(1) });
        await discord.WaitForLoggedInAsync(ct);
        await discord.Server.QueueMessageCreateAsync("10", "20", "before");
        await discord.MessagesReceived.WaitAsync(1, ct);

        discord.Server.DropConnection();
        // Backoff: 1 s × jitter (0.5 + 0.5 / 2): the client waits on the fake clock while Discord keeps queueing.
        await time.WaitForTimerAsync(TimeSpan.FromMilliseconds(750), 1, ct);
        await discord.Server.QueueMessageCreateAsync("10", "20", "during 1");
        await discord.Server.QueueMessageCreateAsync("10", "20", "during 2");
        Assert.Equal(1, discord.MessagesReceived.Count);
        time.Advance(TimeSpan.FromMilliseconds(750));
        await discord.MessagesReceived.WaitAsync(3, ct);
        await discord.Server.QueueMessageCreateAsync("10", "20", "after");
        await discord.MessagesReceived.WaitAsync(4, ct);

        Assert.Equal(["before", "during 1", "during 2", "after"], discord.Received.Select(m => m.Content));
        var resume = Assert.Single(discord.Server.ResumeRequests);
        Assert.Equal(discord.Server.CurrentSessionId, resume.SessionId);
        Assert.Equal(2, resume.Sequence);
        Assert.Equal(1, discord.Server.IdentifyCount);
        Assert.Equal(1, discord.Client.Status.ReconnectCount);
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesAfresh()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);
        var firstSession = discord.Client.Status.SessionId;

        await discord.Server.SendInvalidSessionAsync(resumable: false);
        await discord.Server.Identifies.WaitAsync(2, ct);
        await discord.Logs.WaitForEventAsync("DiscordConnected", 2, ct);

        Assert.Equal(0, discord.Server.ResumeCount);
        Assert.NotEqual(firstSession, discord.Client.Status.SessionId);
        Assert.Equal(discord.Server.CurrentSessionId, discord.Client.Status.SessionId);
        Assert.Equal("/gateway?v=10&encoding=json", discord.Server.ConnectionUrls[^1]);
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        await discord.Server.SendInvalidSessionAsync(resumable: true);
        await discord.Logs.WaitForEventAsync("DiscordResumed", 1, ct);

        Assert.Equal(1, discord.Server.IdentifyCount);
        Assert.Equal(1, discord.Server.ResumeCount);
    }

    [Fact]
    public async Task Reconnect_Op7_ResumesOnTheResumeGatewayUrl()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        await discord.Server.SendReconnectAsync();
        await discord.Logs.WaitForEventAsync("DiscordResumed", 1, ct);
        await discord.Server.QueueMessageCreateAsync("10", "20", "still here");
        await discord.MessagesReceived.WaitAsync(1, ct);

        Assert.Equal("/resume-gateway?v=10&encoding=json", discord.Server.ConnectionUrls[^1]);
        Assert.Equal(1, discord.Server.IdentifyCount);
    }

    [Theory]
    [InlineData(4000, false)]
    [InlineData(4008, false)]
    [InlineData(4007, true)]
    [InlineData(4009, true)]
    public async Task ServerClose_RecoverableCode_ResumesOrIdentifiesAfresh(int code, bool identifiesAfresh)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct);
        await discord.WaitForLoggedInAsync(ct);

        await discord.Server.CloseAsync(code);
        await discord.Server.SessionsReady.WaitAsync(2, ct);

        Assert.Equal(identifiesAfresh ? 2 : 1, discord.Server.IdentifyCount);
        Assert.Equal(identifiesAfresh ? 0 : 1, discord.Server.ResumeCount);
    }

    [Fact]
    public async Task ServerClose_4004_FailsFatallyWithTheTokenHintAndNoRetry()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, arrange: s => s.RejectTokenWith4004 = true);

        var fatal = await Assert.ThrowsAsync<DiscordFatalException>(() => discord.Run!.WaitAsync(ct));

        Assert.Equal("Discord rejected the bot token (close 4004): check channels.discord.token / DISCORD_BOT_TOKEN", fatal.Message);
        Assert.Equal(4004, fatal.CloseCode);
        Assert.Equal(1, discord.Server.ConnectionCount);
        Assert.Equal(1, discord.Server.IdentifyCount);
        Assert.True(discord.Client.Status.Fatal);
        Assert.Equal(fatal.Message, discord.Client.Status.LastError);
        Assert.Contains(discord.Logs.Entries, e => e.EventName == "DiscordFatal" && e.Message == fatal.Message);
        Assert.DoesNotContain(discord.Logs.Entries, e => e.EventName == "DiscordDisconnected");
        Assert.Contains("[discord] error: Discord rejected the bot token (close 4004)", discord.Lines, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerClose_4014_FailsFatallyWithTheMessageContentIntentHint()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, arrange: s => s.CloseOnIdentifyWith = 4014);

        var fatal = await Assert.ThrowsAsync<DiscordFatalException>(() => discord.Run!.WaitAsync(ct));

        Assert.Contains("enable the Message Content intent in the Discord Developer Portal → Bot → Privileged Gateway Intents", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, discord.Server.ConnectionCount);
    }

    [Theory]
    [InlineData(4010)]
    [InlineData(4011)]
    [InlineData(4012)]
    [InlineData(4013)]
    public async Task ServerClose_OtherFatalCodes_StopWithAMessage(int code)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, arrange: s => s.CloseOnIdentifyWith = code);

        var fatal = await Assert.ThrowsAsync<DiscordFatalException>(() => discord.Run!.WaitAsync(ct));

        Assert.Contains($"(close {code})", fatal.Message, StringComparison.Ordinal);
        Assert.Equal(1, discord.Server.ConnectionCount);
    }

    [Fact]
    public async Task Run_RestRejectsToken_FailsFatallyNamingTheTokenSource()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var discord = await DiscordHarness.StartAsync(ct, configure: o => o with { Token = "wrong-token" });

        var fatal = await Assert.ThrowsAsync<DiscordFatalException>(() => discord.Run!.WaitAsync(ct));

        Assert.Equal("Discord rejected the bot token (HTTP 401): check channels.discord.token / DISCORD_BOT_TOKEN", fatal.Message);
        Assert.Equal(0, discord.Server.ConnectionCount);
        Assert.DoesNotContain("wrong-token", discord.Lines, StringComparison.Ordinal);
    }
}
