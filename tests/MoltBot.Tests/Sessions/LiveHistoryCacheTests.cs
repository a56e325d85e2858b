using Microsoft.Extensions.AI;
using MoltBot.Sessions;

namespace MoltBot.Tests.Sessions;

public sealed class LiveHistoryCacheTests
{
    private static StoredMessage Entry(long id, string text = "hi") =>
        new(id, StoredMessage.MessageKind, new ChatMessage(ChatRole.User, text), false, false, 0, DateTimeOffset.UnixEpoch);

    [Fact]
    public void ALoad_IsKept_AndLaterAppendsExtendIt()
    {
        var cache = new LiveHistoryCache();
        cache.EndLoad(cache.BeginLoad("s")!, [Entry(1)], 10);

        cache.Appended("s", Entry(2), 10);

        Assert.Equal([1L, 2L], cache.TryGet("s")!.Select(e => e.Id));
    }

    [Fact]
    public void ALoad_ThatRacedWithAWrite_IsNotKept()
    {
        var cache = new LiveHistoryCache();
        var ticket = cache.BeginLoad("s")!;

        cache.Appended("s", Entry(2), 10); // committed after the load read, so the load's snapshot lacks it
        cache.EndLoad(ticket, [Entry(1)], 10);

        Assert.Null(cache.TryGet("s"));
    }

    [Fact]
    public void ASecondConcurrentLoad_OfTheSameSession_DoesNotRegister()
    {
        var cache = new LiveHistoryCache();
        Assert.NotNull(cache.BeginLoad("s"));
        Assert.Null(cache.BeginLoad("s"));
        Assert.NotNull(cache.BeginLoad("other"));
    }

    [Fact]
    public void AFailedLoad_LetsTheNextLoadFillTheCache()
    {
        var cache = new LiveHistoryCache();
        cache.EndLoad(cache.BeginLoad("s")!, entries: null, 0);

        cache.EndLoad(cache.BeginLoad("s")!, [Entry(1)], 10);

        Assert.NotNull(cache.TryGet("s"));
    }

    [Fact]
    public void AppendsToAnUncachedSession_AreNotCachedHalfway()
    {
        var cache = new LiveHistoryCache();

        cache.Appended("s", Entry(5), 10);

        Assert.Null(cache.TryGet("s"));
    }

    [Fact]
    public void Completed_ClearsPending_OnlyOnThatEntry()
    {
        var cache = new LiveHistoryCache();
        cache.EndLoad(cache.BeginLoad("s")!, [Entry(1) with { Pending = true }, Entry(2) with { Pending = true }], 10);

        cache.Completed("s", 2);

        Assert.Equal([true, false], cache.TryGet("s")!.Select(e => e.Pending));
    }

    [Fact]
    public void Invalidate_DropsTheSession()
    {
        var cache = new LiveHistoryCache();
        cache.EndLoad(cache.BeginLoad("s")!, [Entry(1)], 10);

        cache.Invalidate("s");

        Assert.Null(cache.TryGet("s"));
    }

    [Fact]
    public void PastItsCapacity_ItStartsOver_AndNeverHoldsMore()
    {
        var cache = new LiveHistoryCache();
        var half = LiveHistoryCache.CapacityChars / 2;
        cache.EndLoad(cache.BeginLoad("a")!, [Entry(1)], half);
        cache.EndLoad(cache.BeginLoad("b")!, [Entry(2)], half - 1_000);

        cache.EndLoad(cache.BeginLoad("c")!, [Entry(3)], 10_000);

        Assert.Null(cache.TryGet("a"));
        Assert.Null(cache.TryGet("b"));
        Assert.NotNull(cache.TryGet("c"));
    }

    [Fact]
    public void ASessionLargerThanTheWholeCache_IsServedButNotKept()
    {
        var cache = new LiveHistoryCache();

        cache.EndLoad(cache.BeginLoad("huge")!, [Entry(1)], LiveHistoryCache.CapacityChars + 1);

        Assert.Null(cache.TryGet("huge"));
    }
}
