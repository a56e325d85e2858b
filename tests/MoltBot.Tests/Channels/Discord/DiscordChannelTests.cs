using MoltBot.Configuration;
using MoltBot.TestSupport;
using MoltBot.TestSupport.Discord;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Channels.Discord;

/// <summary>Discord end to end: the real gateway, our Discord client over a real WebSocket to the fake, the fake model.</summary>
public sealed class DiscordChannelTests : IAsyncLifetime
{
    private const string Owner = "111111111111111111";
    private readonly TempDirectory _state = new();
    private FakeOpenAiServer _llm = null!;
    private FakeDiscordServer _discord = null!;
    private GatewayHarness _gateway = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(Ct);
        _discord = await FakeDiscordServer.StartAsync(Ct);
        var config = GatewayHarness.Config(_llm);
        _gateway = await GatewayHarness.StartAsync(_state.Path, config with
        {
            Channels = new ChannelsConfig
            {
                Discord = new DiscordChannelConfig
                {
                    Token = new SecretValue(_discord.Token, "test"),
                    ApiBaseUrl = _discord.ApiBaseUrl,
                    Dm = new DmConfig { AllowFrom = [Owner] },
                    Guilds = new Dictionary<string, DiscordGuildConfig> { ["555"] = new() },
                },
            },
        });
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
    public async Task AllowlistedDm_GetsTheModelsReply_ThreadedToTheirMessage()
    {
        _llm.EnqueueText("Hello from the model");

        var id = await _discord.QueueMessageCreateAsync("dm-1", Owner, "hi bot");
        await _discord.MessagesSent.WaitAsync(1, Ct);

        var sent = Assert.Single(_discord.SentMessages);
        Assert.Equal(("dm-1", "Hello from the model", id), (sent.ChannelId, sent.Content, sent.ReplyToMessageId));
        Assert.NotNull(sent.Nonce);
        Assert.Contains("Discord channel configured: yes (DM allowlist: " + Owner + ")", _gateway.Output, StringComparison.Ordinal);
        Assert.Contains($"[discord] logged in to discord as {FakeDiscordServer.BotUserId}", _gateway.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurnInProgress_ShowsTypingInTheChannel()
    {
        _llm.EnqueueHang();

        await _discord.QueueMessageCreateAsync("dm-3", Owner, "think hard");
        await _llm.WaitForRequestAsync(1, Ct);
        await _discord.TypingReceived.WaitAsync(1, Ct);

        Assert.Equal("dm-3", _discord.TypingCalls[0]);
    }

    [Fact]
    public async Task Status_ReportsTheDiscordConnection()
    {
        var body = await _gateway.Http.GetStringAsync("/api/status", Ct);
        var status = System.Text.Json.JsonSerializer.Deserialize(body, MoltBot.Gateway.Status.StatusJsonContext.Default.GatewayStatus)!;

        var discord = Assert.Single(status.Channels);
        Assert.Equal("discord", discord.Channel);
        Assert.True(discord.Connected);
        Assert.Contains(FakeDiscordServer.BotUserId, discord.Identity, StringComparison.Ordinal);
        using var output = new StringWriter();
        MoltBot.Cli.StatusCommand.Print(status, output);
        Assert.Contains($"Channel discord: connected as {FakeDiscordServer.BotUsername} ({FakeDiscordServer.BotUserId})", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Agent main (MoltBot): fake/gpt-test", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Stranger_GetsAPairingCode_AndTheModelIsNeverCalled()
    {
        await _discord.QueueMessageCreateAsync("dm-2", "222", "let me in");
        await _discord.MessagesSent.WaitAsync(1, Ct);

        Assert.Contains("moltbot pairing approve discord", Assert.Single(_discord.SentMessages).Content, StringComparison.Ordinal);
        Assert.Empty(_llm.Requests);
    }

    [Fact]
    public async Task Guild_AnswersOnlyWhenMentioned_AndIgnoresBots()
    {
        _llm.EnqueueText("guild reply");
        await _discord.QueueMessageCreateAsync("c1", "333", "chatter without mention", guildId: "555");
        await _discord.QueueMessageCreateAsync("c1", "444", "<@900000000000000001> I am a bot", guildId: "555", mentionsBot: true, authorIsBot: true);
        await _discord.QueueMessageCreateAsync("c1", "333", "hi there", guildId: "999", mentionsBot: true);
        await _discord.QueueMessageCreateAsync("c1", "333", $"<@{FakeDiscordServer.BotUserId}> what time is it?", guildId: "555", mentionsBot: true);
        await _discord.MessagesSent.WaitAsync(1, Ct);

        Assert.Equal("guild reply", Assert.Single(_discord.SentMessages).Content);
        var asked = Assert.Single(_llm.Requests).Json!["messages"]!.AsArray()[^1]!["content"]!.ToJsonString();
        Assert.Equal("\"what time is it?\"", asked);
    }
}
