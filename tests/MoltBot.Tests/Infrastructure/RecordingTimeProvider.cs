using Microsoft.Extensions.Time.Testing;
using MoltBot.TestSupport.Discord;

namespace MoltBot.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that records every timer's due time and lets a test await "the n-th timer of
/// 2 s", so retry, backoff and heartbeat delays are asserted exactly and advanced deterministically.
/// </summary>
internal sealed class RecordingTimeProvider : FakeTimeProvider
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TimeSpan, FakeSignal> _timers = [];
    private readonly List<TimeSpan> _dueTimes = [];

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
        }
        Signal(dueTime).Increment();
        return timer;
    }

    /// <summary>Waits until <paramref name="count"/> timers with exactly <paramref name="dueTime"/> were created.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, int count, CancellationToken ct) => Signal(dueTime).WaitAsync(count, ct);

    /// <summary>Waits until a timer with exactly <paramref name="dueTime"/> was created.</summary>
    public Task WaitForTimerAsync(TimeSpan dueTime, CancellationToken ct) => WaitForTimerAsync(dueTime, 1, ct);

    private FakeSignal Signal(TimeSpan dueTime)
    {
        lock (_gate)
        {
            if (!_timers.TryGetValue(dueTime, out var signal))
            {
                signal = new FakeSignal();
                _timers[dueTime] = signal;
            }
            return signal;
        }
    }
}
