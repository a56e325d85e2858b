namespace MoltBot.Agent;

/// <summary>
/// One agent run at a time per session key, with later messages served strictly in arrival order;
/// different sessions run in parallel. Lanes are dropped when idle so the map does not grow with every peer.
/// </summary>
internal sealed class SessionLanes
{
    private readonly Dictionary<string, Lane> _lanes = new(StringComparer.Ordinal);

    public async ValueTask<IDisposable> EnterAsync(string key, CancellationToken cancellationToken)
    {
        TaskCompletionSource turn;
        Lane lane;
        lock (_lanes)
        {
            if (!_lanes.TryGetValue(key, out lane!))
            {
                lane = new Lane();
                _lanes[key] = lane;
            }
            turn = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (lane.Busy)
            {
                lane.Waiting.Enqueue(turn);
            }
            else
            {
                lane.Busy = true;
                turn.SetResult();
            }
        }
        try
        {
            await turn.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            lock (_lanes)
            {
                // If the lane was handed to us just as we gave up, pass it on.
                if (!turn.TrySetCanceled(cancellationToken))
                {
                    Release(key, lane);
                }
            }
            throw;
        }
        return new Releaser(this, key, lane);
    }

    internal int ActiveLaneCount
    {
        get
        {
            lock (_lanes)
            {
                return _lanes.Count;
            }
        }
    }

    private void Release(string key, Lane lane)
    {
        while (lane.Waiting.TryDequeue(out var next))
        {
            if (next.TrySetResult())
            {
                return;
            }
        }
        lane.Busy = false;
        _lanes.Remove(key);
    }

    private sealed class Lane
    {
        public bool Busy;
        public readonly Queue<TaskCompletionSource> Waiting = new();
    }

    private sealed class Releaser(SessionLanes owner, string key, Lane lane) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                lock (owner._lanes)
                {
                    owner.Release(key, lane);
                }
            }
        }
    }
}
