using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MoltBot.Agent.Tools.Approvals;
using MoltBot.Channels;
using MoltBot.Channels.Access;
using MoltBot.Channels.Delivery;
using MoltBot.Configuration;
using MoltBot.Hosting;
using MoltBot.TestSupport;
using MoltBot.Tests.Channels;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Agent.Tools;

/// <summary>Approvals from chat channels: the request goes to the chat it came from, and only the owner, there, can answer.</summary>
public sealed class ChannelExecApprovalTests : IAsyncLifetime
{
    private static readonly DmAccessOptions AllowAlice = new(DmPolicy.Allowlist, ["alice"]);
    private readonly TempDirectory _state = new();
    private readonly FakeChannelSender _sender = new();
    private FakeOpenAiServer _llm = null!;
    private ServiceProvider _services = null!;

    public async ValueTask InitializeAsync()
    {
        _llm = await FakeOpenAiServer.StartAsync(TestContext.Current.CancellationToken);
        var paths = new MoltBotPaths(_state.Path, _state.Combine("moltbot.json"));
        _services = new ServiceCollection()
            .AddLogging()
            .AddMoltBotCore(new LoadedConfig(GatewayHarness.Config(_llm), paths, false), new FakeTimeProvider(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero)))
            .AddChannelDelivery()
            .AddSingleton<IChannelSender>(_sender)
            .BuildServiceProvider();
        MoltBotServices.WarmUp(_services);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _llm.DisposeAsync();
        _state.Dispose();
    }

    private ChannelDispatcher Dispatcher => _services.GetRequiredService<ChannelDispatcher>();

    private static InboundMessage Group(string id, string sender, string text) => new("fakechat", id, sender, "g1", IsDirect: false, text);

    /// <summary>Everything sent so far, parts joined (the fake sender splits every 10 characters).</summary>
    private async Task<string> SentAsync()
    {
        await _services.GetRequiredService<OutboxWorker>().SendDueAsync(TestContext.Current.CancellationToken);
        return string.Concat(_sender.Sent.Select(s => s.Text));
    }

    private static int Count(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    private async Task<PendingApproval> WaitForPendingAsync()
    {
        var approvals = _services.GetRequiredService<ExecApprovals>();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(TimeSpan.FromSeconds(30)); // a hang guard
        // The request is listed before its prompt is queued (so an answer can never miss it): wait for both.
        while (approvals.Pending.Count == 0 || !(await SentAsync()).Contains("/approve", StringComparison.Ordinal))
        {
            await Task.Delay(20, cts.Token);
        }
        return approvals.Pending[0];
    }

    [Fact]
    public async Task GroupStranger_AndOtherChats_CannotApprove_TheOwnerInTheSameChatCan()
    {
        var workspace = _state.Combine("workspace");
        _llm.EnqueueToolCall("exec", """{"command":"touch from-chat.txt"}""");
        _llm.EnqueueText("made it");

        Dispatcher.Accept(Group("m1", "alice", "please make the file"), AllowAlice);
        var pending = await WaitForPendingAsync();
        var prompt = await SentAsync();
        Assert.Contains($"/approve {pending.Id}", prompt, StringComparison.Ordinal);
        Assert.Contains("touch from-chat.txt", prompt, StringComparison.Ordinal);
        Assert.All(_sender.Sent, s => Assert.Equal("g1", s.ChatId));

        Dispatcher.Accept(Group("m2", "mallory", $"/approve {pending.Id}"), AllowAlice);
        Dispatcher.Accept(new InboundMessage("fakechat", "m3", "alice", "dm-alice", IsDirect: true, $"/approve {pending.Id}"), AllowAlice);
        var refusals = (await SentAsync())[prompt.Length..];
        Assert.Equal(2, Count(refusals, "Only the owner"));
        Assert.DoesNotContain("touch", refusals, StringComparison.Ordinal);
        Assert.Single(_services.GetRequiredService<ExecApprovals>().Pending);
        Assert.False(File.Exists(Path.Combine(workspace, "from-chat.txt")));

        Dispatcher.Accept(Group("m4", "alice", $"/approve {pending.Id}"), AllowAlice);
        await Dispatcher.IdleAsync();

        var sent = await SentAsync();
        Assert.Contains($"Approved {pending.Id}", sent, StringComparison.Ordinal);
        Assert.EndsWith("made it", sent, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(workspace, "from-chat.txt")));
    }
}
