using System.Net;
using Microsoft.Extensions.DependencyInjection;
using MoltBot.Channels.Delivery;
using MoltBot.Channels.Pairing;
using MoltBot.Channels.Telegram;
using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Telegram;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Telegram;

/// <summary>End to end: the real gateway long-polling a fake Bot API, answering with the fake model.</summary>
public sealed class TelegramChannelTests : IAsyncLifetime
{
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private FakeTelegramServer _telegram = null!;
    private TelegramTestGateway? _gateway;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _telegram = await FakeTelegramServer.StartAsync(ct: Ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }
        await _telegram.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private async Task<TelegramTestGateway> StartAsync(Func<TelegramChannelConfig, TelegramChannelConfig>? configure = null)
    {
        _gateway = await TelegramTestGateway.StartAsync(_state.Path, TelegramTestGateway.Config(_llm, _telegram, configure));
        return _gateway;
    }

    private async Task StopAsync()
    {
        await _gateway!.DisposeAsync();
        _gateway = null;
    }

    [Fact]
    public async Task AllowlistedUser_GetsTheModelsReply_ThreadedAsHtml()
    {
        _llm.EnqueueText("Hello **Alice** & co");
        var gateway = await StartAsync();

        var messageId = _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "hi there");
        await _telegram.WaitForSentAsync(1, Ct);

        var sent = Assert.Single(_telegram.SentMessages);
        Assert.Equal(new TelegramSentMessage(TelegramTestGateway.Alice, "Hello <b>Alice</b> &amp; co", "HTML", messageId), sent);
        Assert.Contains("hi there", Assert.Single(_llm.Requests).Body, StringComparison.Ordinal);
        Assert.Contains("[telegram] logged in as @molt_test_bot", gateway.Output, StringComparison.Ordinal);
        Assert.Contains("Telegram channel configured: yes", gateway.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(_telegram.Token, gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stranger_GetsAPairingCode_NoModelCall_AndAfterApprovalIsAnswered()
    {
        var gateway = await StartAsync();

        _telegram.QueuePrivateMessage(TelegramTestGateway.Stranger, "hello?");
        await _telegram.WaitForSentAsync(1, Ct);
        Assert.Contains("moltbot pairing approve telegram", _telegram.SentMessages[0].Text, StringComparison.Ordinal);
        Assert.Empty(_llm.Requests);

        var pairing = gateway.Services.GetRequiredService<PairingStore>();
        pairing.Approve("telegram", Assert.Single(pairing.ListPending()).Code);
        _llm.EnqueueText("Welcome!");
        _telegram.QueuePrivateMessage(TelegramTestGateway.Stranger, "now?");
        await _telegram.WaitForSentAsync(2, Ct);

        Assert.Equal("Welcome!", _telegram.SentMessages[1].Text);
        Assert.Single(_llm.Requests);
    }

    [Fact]
    public async Task LongReply_IsSplitIntoMessagesOfAtMost4096_InOrder()
    {
        var paragraphs = Enumerable.Range(0, 90).Select(i => $"Paragraph {i:D2} " + new string('x', 80)).ToArray();
        var reply = string.Join("\n\n", paragraphs);
        _llm.EnqueueText(reply);
        await StartAsync();

        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "write a lot");
        await _telegram.WaitForSentAsync(3, Ct);
        await _gateway!.Services.GetRequiredService<ChannelDispatcher>().IdleAsync();

        var sent = _telegram.SentMessages;
        Assert.Equal(3, sent.Count);
        Assert.All(sent, s => Assert.InRange(s.Text.Length, 1, 4096));
        Assert.Equal(reply, string.Join("\n\n", sent.Select(s => s.Text)));
    }

    [Fact]
    public async Task RejectedEntities_AreResentAsPlainText()
    {
        _llm.EnqueueText("a **b* c");
        _telegram.RejectEntitiesOnce();
        await StartAsync();

        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "format me");
        await _telegram.WaitForSentAsync(1, Ct);

        var sent = Assert.Single(_telegram.SentMessages);
        Assert.Equal(("a **b* c", (string?)null), (sent.Text, sent.ParseMode));
    }

    [Fact]
    public async Task TurnInProgress_ShowsTyping()
    {
        _llm.EnqueueHang();
        await StartAsync();

        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "think hard");
        await _llm.WaitForRequestAsync(1, Ct);
        await _telegram.WaitForChatActionAsync(1, Ct);

        Assert.Equal((TelegramTestGateway.Alice, "typing"), _telegram.ChatActions[0]);
    }

    [Fact]
    public async Task Restart_OverTheSameState_ResumesFromTheStoredOffset_AndAnswersNothingTwice()
    {
        _llm.EnqueueText("first answer");
        await StartAsync();
        var first = _telegram.PrivateMessageUpdate(TelegramTestGateway.Alice, "one");
        _telegram.Queue(first);
        var next = first["update_id"]!.GetValue<long>() + 1;
        await _telegram.WaitForSentAsync(1, Ct);
        await _telegram.WaitForConfirmedAsync(next, Ct);
        await StopAsync();

        var before = _telegram.PollOffsets.Count;
        _llm.EnqueueText("second answer");
        _telegram.QueuePrivateMessage(TelegramTestGateway.Alice, "two");
        await StartAsync();
        await _telegram.WaitForSentAsync(2, Ct);
        await _gateway!.Services.GetRequiredService<ChannelDispatcher>().IdleAsync();

        Assert.Equal(next, _telegram.PollOffsets[before]); // the restart asked from where it left off
        Assert.Equal(["first answer", "second answer"], _telegram.SentMessages.Select(s => s.Text).ToArray());
        Assert.Equal(2, _llm.Requests.Count);
    }

    [Fact]
    public async Task Offset_IsConfirmedOnlyForRecordedUpdates()
    {
        await StartAsync();
        var update = _telegram.PrivateMessageUpdate(TelegramTestGateway.Alice, "hi");
        var messageId = _telegram.Queue(update);

        await _telegram.WaitForConfirmedAsync(update["update_id"]!.GetValue<long>() + 1, Ct);

        Assert.True(_gateway!.Services.GetRequiredService<ChannelDeliveryStore>().Contains("telegram", $"{TelegramTestGateway.Alice}:{messageId}"));
        Assert.Equal(update["update_id"]!.GetValue<long>() + 1, long.Parse(File.ReadAllText(_state.Combine("telegram.offset")), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Group_WithoutMention_IsIgnored_WithMentionOrReplyToBot_IsAnsweredWithoutTheMention()
    {
        const long Group = -100_500;
        _llm.EnqueueText("answer one");
        _llm.EnqueueText("answer two");
        var gateway = await StartAsync(c => c with { Groups = new Dictionary<string, TelegramGroupConfig> { ["-100500"] = new() } });

        _telegram.QueueGroupMessage(-100_999, TelegramTestGateway.Alice, "@molt_test_bot unlisted group");
        _telegram.QueueGroupMessage(Group, TelegramTestGateway.Alice, "just chatting");
        var mentioned = _telegram.QueueGroupMessage(Group, TelegramTestGateway.Stranger, "@molt_test_bot what time is it?");
        _telegram.QueueGroupMessage(Group, TelegramTestGateway.Alice, "and now?", replyToBot: true);
        await _telegram.WaitForSentAsync(2, Ct);
        await gateway.Services.GetRequiredService<ChannelDispatcher>().IdleAsync();

        Assert.Equal(2, _llm.Requests.Count);
        var bodies = string.Concat(_llm.Requests.Select(r => r.Body));
        Assert.Contains("what time is it?", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain("@molt_test_bot", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain("just chatting", bodies, StringComparison.Ordinal);
        Assert.DoesNotContain("unlisted group", bodies, StringComparison.Ordinal);
        Assert.All(_telegram.SentMessages, s => Assert.Equal(Group, s.ChatId));
        Assert.Contains(_telegram.SentMessages, s => s.ReplyTo == mentioned);
    }

    [Fact]
    public async Task BadToken_StopsTheChannelWithOneClearError_WithoutRetrying()
    {
        var gateway = await StartAsync(c => c with { BotToken = new SecretValue("999:wrong-token", "test") });

        var channel = gateway.Services.GetRequiredService<TelegramChannel>();
        await channel.ExecuteTask!.WaitAsync(Ct);

        Assert.Contains("Telegram rejected the bot token: check channels.telegram.botToken / TELEGRAM_BOT_TOKEN", gateway.Output, StringComparison.Ordinal);
        Assert.Equal(["getMe"], _telegram.Calls);
        Assert.Equal((false, true), (channel.Snapshot().Connected, channel.Snapshot().Stopped));
        Assert.DoesNotContain("wrong-token", gateway.Output, StringComparison.Ordinal);
        var health = await new HttpClient().GetAsync(new Uri(gateway.BaseUri, "/health"), Ct);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode); // the gateway keeps serving
    }
}
