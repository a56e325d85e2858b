using MoltBot.Agent;

namespace MoltBot.Tests.Agent;

public sealed class SessionLanesTests
{
    [Fact]
    public async Task SameKey_RunsOneAtATime_InArrivalOrder()
    {
        var lanes = new SessionLanes();
        var order = new List<int>();
        var first = await lanes.EnterAsync("k", TestContext.Current.CancellationToken);
        var waiting = Enumerable.Range(1, 5).Select(async i =>
        {
            using var _ = await lanes.EnterAsync("k", TestContext.Current.CancellationToken);
            lock (order)
            {
                order.Add(i);
            }
        }).ToList();
        Assert.Empty(order);

        first.Dispose();
        await Task.WhenAll(waiting);

        Assert.Equal([1, 2, 3, 4, 5], order);
        Assert.Equal(0, lanes.ActiveLaneCount);
    }

    [Fact]
    public async Task DifferentKeys_RunInParallel()
    {
        var lanes = new SessionLanes();
        using var a = await lanes.EnterAsync("a", TestContext.Current.CancellationToken);
        var b = lanes.EnterAsync("b", TestContext.Current.CancellationToken);
        Assert.True(b.IsCompleted);
        (await b).Dispose();
    }

    [Fact]
    public async Task CancelledWaiter_DoesNotBlockTheLane()
    {
        var lanes = new SessionLanes();
        var first = await lanes.EnterAsync("k", TestContext.Current.CancellationToken);
        using var cts = new CancellationTokenSource();
        var cancelled = lanes.EnterAsync("k", cts.Token).AsTask();
        var third = lanes.EnterAsync("k", TestContext.Current.CancellationToken).AsTask();

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        first.Dispose();

        (await third).Dispose();
        Assert.Equal(0, lanes.ActiveLaneCount);
    }
}
