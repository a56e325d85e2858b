using MoltBot.Channels.Delivery;
using MoltBot.TestSupport;

namespace MoltBot.Tests.Infrastructure;

/// <summary>
/// Waits out, on the fake clock, every back-off the outbox starts until a send has gone through the proxy. A send that
/// failed before it reached the proxy (seen once in CI, the cause unknown: the log then had only HttpClient's "An error
/// occurred while sending the request") is retried like any other, instead of leaving a test waiting for a cut that
/// will not come; the proxy's ledger holds only what reached it, so what tests assert about it is unchanged. Create it
/// before the message that leads to the send arrives, so earlier timers are not taken for its back-offs.
/// </summary>
internal sealed class OutboxRetryDriver(RecordingTimeProvider time, FaultProxy proxy)
{
    private const int MaxAttempts = 4;

    private readonly int[] _earlier =
        [.. Enumerable.Range(1, MaxAttempts).Select(a => time.DueTimes.Count(d => d == OutboxWorker.Backoff(a)))];

    /// <summary>Until <paramref name="count"/> sends to <paramref name="pathSuffix"/> were forwarded; fails with <paramref name="diagnostics"/> after <see cref="MaxAttempts"/>.</summary>
    public async Task UntilForwardedAsync(string pathSuffix, int count, Func<string> diagnostics, CancellationToken ct)
    {
        var forwarded = proxy.WaitForForwardedAsync(pathSuffix, count, ct);
        for (var attempt = 1; !forwarded.IsCompleted; attempt++)
        {
            Assert.True(attempt <= MaxAttempts, $"{pathSuffix} was not forwarded {count} time(s) after {MaxAttempts} attempts:\n{diagnostics()}");
            var backoff = OutboxWorker.Backoff(attempt);
            var started = time.WaitForTimerAsync(backoff, _earlier[attempt - 1] + 1, ct);
            if (await Task.WhenAny(started, forwarded) == started)
            {
                time.Advance(backoff);
            }
        }
        await forwarded;
    }
}
