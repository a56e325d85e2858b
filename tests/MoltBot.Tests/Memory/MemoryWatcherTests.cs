using Microsoft.Extensions.Time.Testing;

namespace MoltBot.Tests.Memory;

public sealed class MemoryWatcherTests
{
    [Fact]
    public async Task WrittenNote_IsIndexed_WhenTheDebounceEnds_OnTheInjectedClock()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero));
        await using var memory = await MemoryIndexFixture.StartAsync(provider: "none", time: time);
        memory.Index.StartWatching(TimeSpan.FromMilliseconds(1_500));
        Assert.True(memory.Index.Watcher!.IsWatching);

        memory.Write("memory/2026-12-03.md", "Remember to buy oat milk.\n");
        // The file event arrives from the OS (inotify); wait for it, then only the fake clock decides.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        while (memory.Index.Watcher.Pokes == 0)
        {
            await Task.Delay(20, timeout.Token);
        }
        Assert.Empty(memory.Store.Files("main"));

        time.Advance(TimeSpan.FromMilliseconds(1_500));

        Assert.Contains("memory/2026-12-03.md", memory.Store.Files("main").Keys);
    }
}
