using Microsoft.Extensions.Time.Testing;

namespace MoltBot.Tests.Providers;

/// <summary>A <see cref="FakeTimeProvider"/> that records every timer's due time, so tests can assert requested delays.</summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<TimeSpan> _dueTimes = [];
    private TaskCompletionSource _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<TimeSpan> DueTimes
    {
        get
        {
            lock (_gate)
            {
                return [.. _dueTimes];
            }
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        lock (_gate)
        {
            _dueTimes.Add(dueTime);
            _timerCreated.TrySetResult();
            _timerCreated = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        return timer;
    }

    /// <summary>Waits until a timer with exactly <paramref name="dueTime"/> exists.</summary>
    public async Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken ct)
    {
        while (true)
        {
            Task next;
            lock (_gate)
            {
                if (_dueTimes.Contains(dueTime))
                {
                    return;
                }
                next = _timerCreated.Task;
            }
            await next.WaitAsync(ct);
        }
    }
}
