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
    public async Task Gateway_GoingQuietAfterWork_TrimsAgain_OnceUntilTheNextWork()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "the trim reads /proc and calls madvise: Linux only");
        using var state = new TempDirectory();
        var time = new RecordingTimeProvider();
        // The process's allocation counter is shared with every test running alongside, so the test supplies its own.
        long allocated = 0, reads = 0;
        var spell = new QuietSpell(() =>
        {
            Interlocked.Increment(ref reads);
            return Interlocked.Read(ref allocated);
        });
        await using var llm = await FakeOpenAiServer.StartAsync(Ct);
        await using var gateway = await GatewayHarness.StartAsync(state.Path, GatewayHarness.Config(llm), time, services => services.AddSingleton(spell));
        await time.WaitForTimerAsync(WorkingSetTrimService.SettleDelay, 1, Ct);
        time.Advance(WorkingSetTrimService.SettleDelay);
        await time.WaitForTimerAsync(WorkingSetTrimService.QuietTick, 1, Ct);
        Assert.Equal(1, Interlocked.Read(ref reads)); // the start-up trim

        Interlocked.Add(ref allocated, 40 * 1024 * 1024); // work
        await TickAsync(expectedReads: 2); // busy: no trim
        Assert.Equal(0, QuietTrims(gateway.Output));
        await TickAsync(expectedReads: 4); // quiet: a trim, then the spell reads what is accounted for
        while (QuietTrims(gateway.Output) == 0)
        {
            await Task.Delay(10, Ct); // the log line follows the read on the service's thread
        }
        await TickAsync(expectedReads: 5); // idle
        await TickAsync(expectedReads: 6);

        Assert.Equal(1, QuietTrims(gateway.Output));
        Assert.Matches(@"quiet after work: released -?[\d.]+ MB \(RSS [\d.]+ → [\d.]+ MB, -?[\d.]+ MB of it heap\)", gateway.Output);

        async Task TickAsync(long expectedReads)
        {
            time.Advance(WorkingSetTrimService.QuietTick);
            while (Interlocked.Read(ref reads) < expectedReads)
            {
                await Task.Delay(10, Ct); // waiting for the service's thread, not for time to pass
            }
        }
    }

    private static int QuietTrims(string output) => output.Split("quiet after work").Length - 1;

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
