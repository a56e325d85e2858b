using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MoltBot.Hosting.WorkingSet;
using MoltBot.TestSupport;
using MoltBot.Tests.Infrastructure;

namespace MoltBot.Tests.Hosting.WorkingSet;

/// <summary>The real gateway trims its working set once, after the settle delay, and answers chat turns afterwards.</summary>
public sealed class WorkingSetTrimTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Gateway_AfterTheSettleDelay_TrimsOnceLogsIt_AndStillAnswers()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the trim reads /proc and calls madvise: Linux only");
        using var state = new TempDirectory();
        var time = new RecordingTimeProvider();
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm), time);

        await time.WaitForTimerAsync(WorkingSetTrimService.SettleDelay, 1, Ct);
        Assert.DoesNotContain("of start-up pages", gateway.Output, StringComparison.Ordinal);
        time.Advance(WorkingSetTrimService.SettleDelay);
        while (!gateway.Output.Contains("of start-up pages", StringComparison.Ordinal))
        {
            await Task.Delay(10, Ct); // waiting for the trim on its thread, not for time to pass
        }

        Assert.Matches(@"released -?[\d.]+ MB of start-up pages \(RSS [\d.]+ → [\d.]+ MB: -?[\d.]+ MB of \d+ clean mappings of the binary and its libraries, -?[\d.]+ MB of heap", gateway.Output);
        llm.EnqueueText("still here");
        Assert.Equal("still here", await GatewayChat.AskAsync(gateway.Http, "hi"));
    }

    [Fact]
    public async Task Gateway_WithTrimWorkingSetOff_HasNoTrimService()
    {
        using var state = new TempDirectory();
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        var config = GatewayHarness.Config(llm);
        config = config with { Gateway = config.Gateway with { TrimWorkingSet = false } };

        await using var gateway = await GatewayHarness.StartAsync(state.Path, config, new RecordingTimeProvider());

        Assert.DoesNotContain(gateway.Services.GetServices<IHostedService>(), s => s is WorkingSetTrimService);
    }
}
